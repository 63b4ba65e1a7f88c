/** Menu entry of the check of every row ("Check all rows"); its sidebar twin is in ./endpoints.ts. */
import { t } from '../../core/i18n';
import { offerConfigRemedy } from '../config/remedy-dialog';
import { menuAction, underDocumentLock } from '../runtime/action';
import { validateTable } from './check';
import { OPEN_META } from '../../core/api/check';

/**
 * Menu: check every row, refresh every flag of ours and the highlight, say how many cells are broken,
 * then open the sidebar on the Check panel's report (its HTML carries which panel to open: a constant
 * meta tag appended to the HtmlOutput). A stored config that cannot be read is offered its remedies
 * first. The lock covers the check (it rewrites the highlight rule and flags), not the dialogs.
 * Ref: https://developers.google.com/apps-script/reference/html/html-output#append(String)
 */
export const menuValidateAll = menuAction('setup.validate.title', (locale) => {
  if (!offerConfigRemedy(locale)) return;
  const report = underDocumentLock(() => validateTable(locale));
  const ui = SpreadsheetApp.getUi();
  ui.alert(t(locale, 'setup.validate.title'), report.message, ui.ButtonSet.OK);
  const html = HtmlService.createHtmlOutputFromFile('Sidebar').setTitle(t(locale, 'sidebar.title')).append(`<meta name="${OPEN_META}" content="check">`);
  ui.showSidebar(html);
});
