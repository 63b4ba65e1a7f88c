/** Menu entry point: adopt an existing sheet of clients (issue 3). See src/addon/adopt.ts. */
import { t } from '../../core/i18n';
import { adoptActiveSheet } from './adopt';
import { describeError, userLocale } from '../runtime/serve';

export function menuAdopt(): void {
  const locale = userLocale();
  const lock = LockService.getDocumentLock();
  const ui = SpreadsheetApp.getUi();
  if (!lock.tryLock(5000)) {
    ui.alert(t(locale, 'adopt.title'), t(locale, 'error.busy'), ui.ButtonSet.OK);
    return;
  }
  try {
    adoptActiveSheet(locale);
  } catch (e) {
    ui.alert(t(locale, 'adopt.title'), describeError(e, locale).message, ui.ButtonSet.OK);
  } finally {
    lock.releaseLock();
  }
}
