/** Sidebar shell endpoint: the locale and its messages, fetched once when the sidebar opens. */
import { messagesFor } from '../../core/i18n';
import { userLocale } from '../runtime/action';
import { serve } from '../runtime/serve';
import { tableOf } from '../config/store';

/** Where the sidebar should open: the panel that helps on the active sheet. */
function helpfulPanel(): 'setup' | 'adopt' {
  const sheet = SpreadsheetApp.getActiveSpreadsheet().getActiveSheet();
  if (tableOf(sheet.getSheetId()).ok) return 'setup';
  return sheet.getLastRow() === 0 ? 'setup' : 'adopt';
}

export const getBootstrap = serve('getBootstrap', () => {
  const locale = userLocale();
  return { locale, messages: { ...messagesFor(locale) }, panel: helpfulPanel() };
});
