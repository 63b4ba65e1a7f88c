import { messagesFor, t } from '../../core/i18n';
import { serve, userLocale } from '../runtime/serve';

/** Sidebar shell endpoints. */
export const getBootstrap = serve('getBootstrap', () => {
  const locale = userLocale();
  return { locale, messages: { ...messagesFor(locale) } };
});

/**
 * Menu: open the sidebar (dist/Sidebar.html, built from src/sidebar). Sidebars are 300 px wide; the
 * title is shown in the sidebar's header bar by Sheets.
 * Ref: https://developers.google.com/apps-script/reference/html/html-service#createHtmlOutputFromFile(String)
 * Ref: https://developers.google.com/apps-script/reference/base/ui#showSidebar(Object)
 */
export function menuOpenSidebar(): void {
  const locale = userLocale();
  const html = HtmlService.createHtmlOutputFromFile('Sidebar').setTitle(t(locale, 'sidebar.title'));
  SpreadsheetApp.getUi().showSidebar(html);
}
