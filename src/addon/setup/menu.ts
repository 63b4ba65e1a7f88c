/** Menu entry points and the edit trigger of the table set-up (issue 3). */
import { t, type Locale } from '../../core/i18n';
import { TEMPLATE_ORDER, spreadsheetDefaults, templateSchema } from '../../core/templates';
import { loadConfig } from '../config/store';
import { offerConfigRemedy } from '../config/remedy-dialog';
import { onEditSafe } from '../edit/autofill';
import { describeError, userLocale } from '../runtime/serve';
import { setUpTable } from './setup';
import { findTableSheet } from '../sheet/table';
import { validateTable } from '../check/check';

function alertError(e: unknown, locale: Locale, titleKey: 'setup.title' | 'setup.validate.title'): void {
  const ui = SpreadsheetApp.getUi();
  ui.alert(t(locale, titleKey), describeError(e, locale).message, ui.ButtonSet.OK);
}

/**
 * Menu: set up a new client table. Prompts for the template by number (empty = 1, B2B sales), in
 * the user's language. On the configured table's own sheet, choosing its template again re-applies
 * the saved table (idempotent: same rules, formats and protections; the user's own rules are kept).
 */
export function menuSetUp(): void {
  const locale = userLocale();
  try {
    const ui = SpreadsheetApp.getUi();
    const ss = SpreadsheetApp.getActiveSpreadsheet();
    const choices = TEMPLATE_ORDER.map((id, i) => `${i + 1}. ${t(locale, `setup.template.${id}.name`)}`).join('\n');
    const res = ui.prompt(t(locale, 'setup.prompt.title'), t(locale, 'setup.prompt.body', { choices }), ui.ButtonSet.OK_CANCEL);
    if (res.getSelectedButton() !== ui.Button.OK) { ss.toast(t(locale, 'setup.cancelled'), t(locale, 'app.name')); return; }
    const answer = res.getResponseText().trim();
    const n = answer === '' ? 1 : /^[1-9]$/.test(answer) ? Number(answer) : NaN;
    const id = TEMPLATE_ORDER[n - 1];
    if (!id) { ui.alert(t(locale, 'setup.prompt.title'), t(locale, 'setup.prompt.invalid', { answer }), ui.ButtonSet.OK); return; }

    const stored = loadConfig();
    const current = stored.ok ? stored.schema : null;
    const onTable = current !== null && current.template === id && current.locale === locale
      && findTableSheet(ss, current)?.getSheetId() === ss.getActiveSheet().getSheetId();
    const summary = onTable && current
      ? setUpTable(current, 'reapply', locale)
      : setUpTable(templateSchema(id, locale, spreadsheetDefaults(ss.getSpreadsheetLocale(), locale)), 'fresh', locale);
    ss.toast(summary.message, t(locale, 'app.name'));
  } catch (e) {
    alertError(e, locale, 'setup.title');
  }
}

/** Menu: check every row; report the count and the first broken cells, highlight them. */
export function menuValidateAll(): void {
  const locale = userLocale();
  try {
    if (!offerConfigRemedy(locale)) return;
    const report = validateTable(locale);
    const ui = SpreadsheetApp.getUi();
    ui.alert(t(locale, 'setup.validate.title'), report.message, ui.ButtonSet.OK);
  } catch (e) {
    alertError(e, locale, 'setup.validate.title');
  }
}

/** Simple trigger: fill Client ID, Created, Updated and Stage since of edited rows. */
export function onEdit(e: GoogleAppsScript.Events.SheetsOnEdit): void {
  onEditSafe(e);
}
