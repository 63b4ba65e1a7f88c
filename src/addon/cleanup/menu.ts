/** Menu entries of cleanup and undo; their sidebar twins are ./endpoints.ts. */
import { confirmText } from '../../core/cleanup/preview';
import { t } from '../../core/i18n';
import { menuAction, underDocumentLock } from '../runtime/action';
import { undoLast, undoMessage } from '../change/pipeline';
import { applyCleanup, previewCleanup, readAndPlan } from './cleanup';

/** How often the menu re-asks when the table keeps changing between the confirmation and the write. */
const ATTEMPTS = 3;

/**
 * Menu: read and plan, show the summary by kind (YES/NO), then under the document lock read and plan
 * again and write if the plan is still the one confirmed; otherwise show the new summary.
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
    if (ui.alert(title, confirmText(preview, locale), ui.ButtonSet.YES_NO) !== ui.Button.YES) return;
    const res = underDocumentLock(() => applyCleanup(locale, [], preview.fingerprint, planned));
    if (res.applied) return;
  }
});

/** Menu: undo the last ClientFlow change; cells edited since are named, and the rest restored on YES. */
export const menuUndo = menuAction('undo.title', (locale) => {
  const ui = SpreadsheetApp.getUi();
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const title = t(locale, 'undo.title');
  let out = underDocumentLock(() => undoLast(ss, locale, false));
  if (out.status === 'edited') {
    if (ui.alert(title, undoMessage(locale, out), ui.ButtonSet.YES_NO) !== ui.Button.YES) return;
    out = underDocumentLock(() => undoLast(ss, locale, true));
  }
  if (out.status === 'done') ss.toast(undoMessage(locale, out), title);
  else ui.alert(title, undoMessage(locale, out), ui.ButtonSet.OK);
});
