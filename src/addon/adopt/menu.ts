/** Menu entry of "Adopt this sheet" (the flow is described in ./adopt.ts); its sidebar twins are ./endpoints.ts. */
import { t, joinList } from '../../core/i18n';
import { adopted } from '../../core/infer';
import { confirmText, idText } from '../../core/adopt/report';
import { defaultMapping } from '../../core/adopt/mapping';
import { menuAction, underDocumentLock } from '../runtime/action';
import { UserError } from '../runtime/errors';
import { applyAdoptMapping, planAdopt } from './adopt';

/**
 * Menu: read the active sheet, show what adopting it means (YES/NO), then apply the inferred mapping
 * under the document lock and report. The lock is not held while the confirmation waits.
 */
export const menuAdopt = menuAction('adopt.title', (locale) => {
  const ui = SpreadsheetApp.getUi();
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const plan = planAdopt(ss, ss.getActiveSheet(), locale);
  if (!plan.inf.columns.some(adopted)) throw new UserError('adopt.error.noColumns');

  const answer = ui.alert(t(locale, 'adopt.title'), confirmText(locale, plan.inf, plan.sheetName, plan.adoptedBefore, plan.ownDates), ui.ButtonSet.YES_NO);
  if (answer !== ui.Button.YES) {
    ss.toast(t(locale, 'adopt.cancelled'), t(locale, 'adopt.title'));
    return;
  }
  const result = underDocumentLock(() => applyAdoptMapping(plan, defaultMapping(plan), locale));

  ui.alert(t(locale, 'adopt.title'), result.text, ui.ButtonSet.OK);

  // Then the automatic columns the table lacks (new rows then get an ID and dates) are offered in an
  // alert of their own: only YES adds them; closing it leaves the table as adopted.
  const missing = AUTO_ROLES.filter((r) => !result.schema.fields.some((f) => f.role === r && f.type !== 'text' && f.type !== 'date' && f.type !== 'dateTime'));
  if (missing.length === 0) return;
  const names = joinList(locale, missing.map((r) => t(result.schema.locale, `adopt.role.${r}`)));
  const idKept = missing.includes('clientId') && result.schema.fields.some((f) => f.role === 'clientId');
  const question = t(locale, idKept ? 'adopt.auto.askKeepIds' : 'adopt.auto.ask', { names, sheet: result.sheetName });
  const ask = ui.alert(t(locale, 'adopt.auto.title'), question, ui.ButtonSet.YES_NO);
  if (ask !== ui.Button.YES) return;
  const again = underDocumentLock(() => {
    const plan2 = planAdopt(ss, ss.getActiveSheet(), locale);
    return applyAdoptMapping(plan2, { ...defaultMapping(plan2), autoColumns: missing }, locale);
  });
  // The toast says what a valid Client ID looks like and which ID the next new row gets.
  const added = t(locale, 'adopt.auto.added', { names, sheet: again.sheetName });
  ss.toast(again.ids ? `${added}\n${idText(locale, again.ids)}` : added, t(locale, 'adopt.title'));
});

const AUTO_ROLES = ['clientId', 'created', 'updated', 'stageSince'] as const;
