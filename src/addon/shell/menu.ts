/** Menu entry that opens the sidebar (its first call is ./endpoints.ts's getBootstrap). */
import { t } from '../../core/i18n';
import { menuAction } from '../runtime/action';

/**
 * Menu: open the sidebar (dist/Sidebar.html, built from src/sidebar). Sidebars are 300 px wide; the
 * title is shown in the sidebar's header bar by Sheets. Changes nothing: no lock.
 * Ref: https://developers.google.com/apps-script/reference/html/html-service#createHtmlOutputFromFile(String)
 * Ref: https://developers.google.com/apps-script/reference/base/ui#showSidebar(Object)
 */
export const menuOpenSidebar = menuAction('sidebar.title', (locale) => {
  const html = HtmlService.createHtmlOutputFromFile('Sidebar').setTitle(t(locale, 'sidebar.title'));
  SpreadsheetApp.getUi().showSidebar(html);
});
