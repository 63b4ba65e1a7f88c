/** Menu entry of the table set-up ("Set up a client table"); its sidebar twins are in ./endpoints.ts. */
import { t } from '../../core/i18n';
import { TEMPLATE_ORDER, spreadsheetDefaults, templateSchema } from '../../core/templates';
import { loadConfig } from '../config/store';
import { menuAction, underDocumentLock } from '../runtime/action';
import { findTableSheet } from '../sheet/table';
import { setUpTable } from './setup';

/**
 * Menu: set up a new client table. Prompts for the template by number (empty = 1, B2B sales), in
 * the user's language. On the configured table's own sheet, choosing its template again re-applies
 * the saved table (idempotent: same rules, formats and protections; the user's own rules are kept).
 * The document lock is taken after the prompt, around the set-up itself.
 */
export const menuSetUp = menuAction('setup.title', (locale) => {
  const ui = SpreadsheetApp.getUi();
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const choices = TEMPLATE_ORDER.map((id, i) => `${i + 1}. ${t(locale, `setup.template.${id}.name`)}`).join('\n');
  const res = ui.prompt(t(locale, 'setup.prompt.title'), t(locale, 'setup.prompt.body', { choices }), ui.ButtonSet.OK_CANCEL);
  if (res.getSelectedButton() !== ui.Button.OK) {
    ss.toast(t(locale, 'setup.cancelled'), t(locale, 'app.name'));
    return;
  }
  const answer = res.getResponseText().trim();
  const n = answer === '' ? 1 : /^[1-9]$/.test(answer) ? Number(answer) : NaN;
  const id = TEMPLATE_ORDER[n - 1];
  if (!id) {
    ui.alert(t(locale, 'setup.prompt.title'), t(locale, 'setup.prompt.invalid', { answer }), ui.ButtonSet.OK);
    return;
  }

  // The active sheet is already a table (of another template): set up a new table on a new sheet,
  // after asking; the table of this sheet keeps its definition (several tables per spreadsheet).
  const before = loadConfig();
  const activeName = ss.getActiveSheet().getName();
  if (before.ok && !(before.schema.template === id && before.schema.locale === locale)) {
    const ask = ui.alert(t(locale, 'setup.prompt.title'), t(locale, 'setup.confirm.otherTable', { sheet: activeName }), ui.ButtonSet.YES_NO);
    if (ask !== ui.Button.YES) { ss.toast(t(locale, 'setup.cancelled'), t(locale, 'app.name')); return; }
  }

  const summary = underDocumentLock(() => {
    const stored = loadConfig();
    const current = stored.ok ? stored.schema : null;
    const onTable =
      current !== null &&
      current.template === id &&
      current.locale === locale &&
      findTableSheet(ss, current)?.getSheetId() === ss.getActiveSheet().getSheetId();
    return onTable && current
      ? setUpTable(current, 'reapply', locale)
      : setUpTable(templateSchema(id, locale, spreadsheetDefaults(ss.getSpreadsheetLocale(), locale)), current ? 'new' : 'fresh', locale);
  });
  ss.toast(summary.message, t(locale, 'app.name'));
});
