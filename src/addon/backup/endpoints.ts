/** Sidebar endpoints of backups (contract: src/core/api/market.ts); the menu twins are ./menu.ts. */
import { userLocale } from '../runtime/action';
import { serve, serveChange } from '../runtime/serve';
import { backUpTable, backupMessage, listView, restoreBackup as restore } from './backup';

export const listBackups = serve('listBackups', () => listView());

export const createBackup = serveChange('createBackup', () => {
  const locale = userLocale();
  const r = backUpTable(locale);
  const tz = SpreadsheetApp.getActiveSpreadsheet().getSpreadsheetTimeZone();
  return { ...listView(), message: backupMessage(r, locale, tz) };
});

export const restoreBackup = serveChange('restoreBackup', (id) => {
  const r = restore(id, userLocale());
  return { ...listView(), message: r.message };
});
