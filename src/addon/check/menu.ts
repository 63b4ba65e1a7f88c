/** Menu entry of the check of every row ("Check all rows"); its sidebar twin is in ./endpoints.ts. */
import { t } from '../../core/i18n';
import { offerConfigRemedy } from '../config/remedy-dialog';
import { menuAction, underDocumentLock } from '../runtime/action';
import { validateTable } from './check';

/**
 * Menu: check every row; report the count and the first broken cells, highlight them. A stored config
 * that cannot be read is offered its remedies first. The lock covers the check (it rewrites the
 * highlight rule), not the dialogs.
 */
export const menuValidateAll = menuAction('setup.validate.title', (locale) => {
  if (!offerConfigRemedy(locale)) return;
  const report = underDocumentLock(() => validateTable(locale));
  const ui = SpreadsheetApp.getUi();
  ui.alert(t(locale, 'setup.validate.title'), report.message, ui.ButtonSet.OK);
});
