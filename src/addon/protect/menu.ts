/** Menu entry of protected columns ("Protect columns…"); its sidebar twin is ./endpoints.ts. */
import { t } from '../../core/i18n';
import { columnLetter } from '../../core/fields/util';
import { resolveColumns, resolveEditors } from '../../core/protect';
import { menuAction, underDocumentLock } from '../runtime/action';
import { UserError } from '../runtime/errors';
import { currentSetting, saveProtection, tableContext } from './protect';

/**
 * Menu: two prompts (which columns; which editors, empty for warning only), then the change under the
 * lock. Cancel at either prompt changes nothing. Carried through with queued answers alone.
 * Ref: https://developers.google.com/apps-script/reference/base/ui#prompt(String,String,ButtonSet)
 */
export const menuProtectColumns = menuAction('protect.title', (locale) => {
  const ui = SpreadsheetApp.getUi();
  const ctx = tableContext();
  const now = currentSetting();
  const list = ctx.columns.map((c) => `${columnLetter(c.column)}  ${c.header}${now.columns.includes(c.key) ? ' 🔒' : ''}`).join('\n');
  const cols = ui.prompt(
    t(locale, 'protect.title'),
    t(locale, 'protect.askColumns', { sheet: ctx.sheet.getName(), list }),
    ui.ButtonSet.OK_CANCEL,
  );
  if (cols.getSelectedButton() !== ui.Button.OK) return;
  const chosen = resolveColumns(cols.getResponseText(), ctx.columns);
  if (!chosen.ok) throw new UserError('protect.unknownColumn', { column: chosen.token });
  let editors: string[] = [];
  if (chosen.keys.length > 0) {
    const who = ui.prompt(t(locale, 'protect.title'), t(locale, 'protect.askEditors'), ui.ButtonSet.OK_CANCEL);
    if (who.getSelectedButton() !== ui.Button.OK) return;
    const e = resolveEditors(who.getResponseText());
    if (!e.ok) throw new UserError('protect.badEmail', { email: e.token });
    editors = e.emails;
  }
  const message = underDocumentLock(() =>
    saveProtection(tableContext(), { v: 1, columns: chosen.keys, mode: editors.length > 0 ? 'editors' : 'warning', editors }, locale),
  );
  ui.alert(t(locale, 'protect.title'), message, ui.ButtonSet.OK);
});
