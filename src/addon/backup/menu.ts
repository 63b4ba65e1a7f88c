/** Menu entries of backups ("Back up the table", "Restore a backup…"); sidebar twins in ./endpoints.ts. */
import { t } from '../../core/i18n';
import { menuAction, underDocumentLock } from '../runtime/action';
import { UserError } from '../runtime/errors';
import { backUpTable, backupMessage, listView, restoreBackup } from './backup';

/** Menu: back up the table now; the result in an alert. */
export const menuBackUp = menuAction('backup.title', (locale) => {
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const r = underDocumentLock(() => backUpTable(locale));
  const ui = SpreadsheetApp.getUi();
  ui.alert(t(locale, 'backup.title'), backupMessage(r, locale, ss.getSpreadsheetTimeZone()), ui.ButtonSet.OK);
});

/**
 * Menu: lists the backups (newest first, numbered) in a prompt; the number typed is restored under the
 * lock. Cancel, or an empty answer, changes nothing. Carried through with queued answers alone.
 */
export const menuRestoreBackup = menuAction('backup.title', (locale) => {
  const ui = SpreadsheetApp.getUi();
  const { backups } = listView();
  if (backups.length === 0) {
    ui.alert(t(locale, 'backup.title'), t(locale, 'backup.none'), ui.ButtonSet.OK);
    return;
  }
  const list = backups.map((b, i) => t(locale, 'backup.item', { n: i + 1, date: b.date, rows: b.rows, sheet: b.sourceName })).join('\n');
  const answer = ui.prompt(t(locale, 'backup.title'), t(locale, 'backup.choose', { list }), ui.ButtonSet.OK_CANCEL);
  if (answer.getSelectedButton() !== ui.Button.OK) return;
  const text = answer.getResponseText().trim();
  if (text === '') return;
  const n = /^\d+$/.test(text) ? Number(text) : NaN;
  const chosen = backups[n - 1];
  if (!chosen) throw new UserError('backup.badChoice', { answer: text });
  const r = underDocumentLock(() => restoreBackup(chosen.id, locale));
  ui.alert(t(locale, 'backup.title'), r.message, ui.ButtonSet.OK);
});
