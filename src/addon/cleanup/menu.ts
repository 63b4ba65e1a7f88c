/** Menu entries of cleanup and undo; their sidebar twins are ./endpoints.ts. */
import { confirmText } from '../../core/cleanup/preview';
import { t } from '../../core/i18n';
import { menuAction, underDocumentLock } from '../runtime/action';
import { undoMessage } from '../change/pipeline';
import { applyCleanup, previewCleanup, readAndPlan, undoWithRules } from './cleanup';

/** How often the menu re-asks when the table keeps changing between the confirmation and the write. */
const ATTEMPTS = 3;

/**
 * Menu: read and plan, show the summary by kind with the offer of a backup first (YES: back up, then
 * clean; NO: clean without one; CANCEL: nothing), then under the document lock read and plan again and
 * write if the plan is still the one confirmed; otherwise show the new summary.
 */
export const menuCleanUp = menuAction('cleanup.title', (locale) => {
  const ui = SpreadsheetApp.getUi();
  const title = t(locale, 'cleanup.title');
  for (let i = 0; i < ATTEMPTS; i++) {
    const planned = readAndPlan();
    const preview = previewCleanup(locale, [], planned);
    if (preview.total === 0) {
      ui.alert(title, t(locale, 'cleanup.nothing', { sheet: preview.sheetName, rows: preview.rows }), ui.ButtonSet.OK);
      return;
    }
    // One question: clean up, backing the table up first (YES) or not (NO); CANCEL (or closing) changes nothing.
    const answer = ui.alert(title, `${confirmText(preview, locale)}\n\n${t(locale, 'backup.offer.cleanup')}`, ui.ButtonSet.YES_NO_CANCEL);
    if (answer !== ui.Button.YES && answer !== ui.Button.NO) return;
    const res = underDocumentLock(() => applyCleanup(locale, [], preview.fingerprint, planned, answer === ui.Button.YES));
    if (res.applied) return;
  }
});

/** Menu: undo the last ClientFlow change; cells edited since are named, and the rest restored on YES. */
export const menuUndo = menuAction('undo.title', (locale) => {
  const ui = SpreadsheetApp.getUi();
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const title = t(locale, 'undo.title');
  let out = underDocumentLock(() => undoWithRules(ss, locale, false));
  if (out.status === 'edited') {
    if (ui.alert(title, undoMessage(locale, out), ui.ButtonSet.YES_NO) !== ui.Button.YES) return;
    out = underDocumentLock(() => undoWithRules(ss, locale, true));
  }
  if (out.status === 'done') ss.toast(undoMessage(locale, out), title);
  else ui.alert(title, undoMessage(locale, out), ui.ButtonSet.OK);
});
