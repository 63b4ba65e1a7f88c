/** The simple trigger onEdit: fills Client ID, Created, Updated and Stage since of edited rows (./autofill.ts). */
import { onEditSafe } from './autofill';

export function onEdit(e: GoogleAppsScript.Events.SheetsOnEdit): void {
  onEditSafe(e);
}
