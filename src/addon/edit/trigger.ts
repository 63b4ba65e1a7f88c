/** The simple trigger onEdit: automatic columns, checks, stage history of the edited rows (./autofill.ts). */
import { onEditSafe } from './autofill';

export function onEdit(e: GoogleAppsScript.Events.SheetsOnEdit): void {
  onEditSafe(e);
}
