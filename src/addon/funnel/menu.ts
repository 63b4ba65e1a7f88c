/** Menu entry of the funnel ("Build or refresh the funnel"); its sidebar twin is in ./endpoints.ts. */
import { t } from '../../core/i18n';
import { menuAction, underDocumentLock } from '../runtime/action';
import { buildFunnelSheet } from './funnel';

/**
 * Menu: build or refresh the Funnel sheet of the table, then say what was counted (and what was not:
 * stage values that are no stage). Nothing of the user's is changed: no confirmation is asked.
 */
export const menuBuildFunnel = menuAction('funnel.title', (locale) => {
  const summary = underDocumentLock(() => buildFunnelSheet(locale));
  const ui = SpreadsheetApp.getUi();
  ui.alert(t(locale, 'funnel.title'), summary.message, ui.ButtonSet.OK);
});
