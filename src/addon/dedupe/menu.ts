/** Menu entry of "Find duplicates" (highlight only); its sidebar twin is in ./endpoints.ts. */
import { t } from '../../core/i18n';
import { menuAction, underDocumentLock } from '../runtime/action';
import { highlightDuplicates } from './find';

/**
 * Menu: find the duplicate clients of the table and color them (a cluster color and a cluster ID
 * column; no value of the user's changes), then say how many groups are sure and how many to review.
 */
export const menuFindDuplicates = menuAction('dedupe.title', (locale) => {
  const message = underDocumentLock(() => highlightDuplicates(locale));
  const ui = SpreadsheetApp.getUi();
  ui.alert(t(locale, 'dedupe.title'), message, ui.ButtonSet.OK);
});
