/** Menu entry of Help ("Help and about"); the sidebar's Help panel gets the same content from ./endpoints.ts. */
import { helpText } from '../../core/help/content';
import { t, type MessageKey } from '../../core/i18n';
import { MENU_ITEMS } from '../menu';
import { menuAction } from '../runtime/action';

/** The items of the menu that exist in this build (MENU_ITEMS holds only items that work). */
export function builtActions(): Array<{ fn: string; label: MessageKey }> {
  return MENU_ITEMS.flatMap((i) => ('fn' in i ? [{ fn: i.fn, label: i.label }] : []));
}

/** Menu: Help and the About line as text in an alert. Reads nothing of the document. */
export const menuHelp = menuAction('help.title', (locale) => {
  const ui = SpreadsheetApp.getUi();
  ui.alert(t(locale, 'help.title'), helpText(locale, builtActions()), ui.ButtonSet.OK);
});
