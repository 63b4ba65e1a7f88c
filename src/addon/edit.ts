/**
 * onEdit (simple trigger, AuthMode.LIMITED, 30 s): fills the auto fields of the edited rows. A
 * constant number of service calls whatever the size of the edit: config (2), the edited range's
 * shape (5), the header row (2), the edited rows of the table in one getValues (2), the ID column
 * only when new rows need an ID (3), and one setValues per auto column (≤ 4 × 2). Column metadata is
 * read only when a field is not found by its header text (a renamed column).
 * Ref: https://developers.google.com/apps-script/guides/triggers#onedite (simple trigger limits)
 * Ref: https://developers.google.com/apps-script/guides/triggers/events#edit (event object)
 */
import { nextClientId } from '../core/fields';
import type { CellValue } from '../core/fields/types';
import { resolveLocale, t } from '../core/i18n';
import { clipEdit, idSequence, planAutoFill } from '../core/plan/autofill';
import { resolveLayout, type Layout } from '../core/plan/layout';
import { tableSpan } from '../core/plan/rules';
import { fieldByRole } from '../core/schema';
import { loadConfig } from './config-store';
import { readColumnMetadata } from './apply';
import { describeError } from './serve';

/** Edits larger than this are left to "Check all rows" (a simple trigger has 30 seconds). */
export const MAX_EDIT_ROWS = 50_000;

export function handleEdit(e: GoogleAppsScript.Events.SheetsOnEdit): void {
  const range = e.range;
  const sheet = range.getSheet();
  const config = loadConfig();
  if (!config.ok) return; // no table (or a config problem the menus report): nothing to fill
  const schema = config.schema;
  const loc = schema.location;
  if (!loc || sheet.getSheetId() !== loc.sheetId) return;
  const single = range.getNumRows() === 1 && range.getNumColumns() === 1;
  const edit = clipEdit({
    firstRow: range.getRow(),
    lastRow: range.getLastRow(),
    firstColumn: range.getColumn(),
    lastColumn: range.getLastColumn(),
    single,
    value: e.value,
    oldValue: e.oldValue,
  }, loc.headerRow);
  if (!edit) return;
  if (edit.lastRow - edit.firstRow + 1 > MAX_EDIT_ROWS) {
    e.source.toast(t(resolveLocale(Session.getActiveUserLocale()), 'edit.tooLarge', { rows: edit.lastRow - edit.firstRow + 1 }), t('en', 'edit.title'));
    return;
  }
  const autoRoles = ['clientId', 'created', 'updated', 'stageSince'] as const;
  if (!autoRoles.some((r) => fieldByRole(schema, r))) return;

  const width = Math.max(sheet.getLastColumn(), 1);
  const headers = (sheet.getRange(loc.headerRow, 1, 1, width).getValues()[0] ?? []) as CellValue[];
  let layout: Layout = resolveLayout(schema.fields, headers, []);
  if (layout.missing.length > 0) {
    layout = resolveLayout(schema.fields, headers, readColumnMetadata(sheet).map(({ column, key }) => ({ column, key })));
  }
  if (Object.keys(layout.columns).length === 0) return;
  const span = tableSpan(layout);
  const n = edit.lastRow - edit.firstRow + 1;
  const rows = sheet.getRange(edit.firstRow, span.first, n, span.last - span.first + 1).getValues() as CellValue[][];

  const idField = fieldByRole(schema, 'clientId');
  const idCol = idField ? layout.columns[idField.key] : undefined;
  let ids: string[] | null = null;
  const newId = (k: number): string => {
    if (!ids) {
      // The whole ID column in one read, for the next number after the largest one.
      const last = sheet.getLastRow();
      const existing = idCol !== undefined && last > loc.headerRow
        ? sheet.getRange(loc.headerRow + 1, idCol, last - loc.headerRow, 1).getValues().map((r) => String(r[0] ?? ''))
        : [];
      ids = idSequence(nextClientId(existing), n);
    }
    return ids[k] ?? ids[ids.length - 1] ?? '';
  };
  const writes = planAutoFill({
    schema, layout, headerRow: loc.headerRow, edit, rows, rowsFirstRow: edit.firstRow, spanFirst: span.first, now: new Date(), newId,
  });
  for (const w of writes) sheet.getRange(w.firstRow, w.column, w.values.length, 1).setValues(w.values);
}

/** The trigger itself: never throws (a simple trigger's error would only reach the logs). */
export function onEditSafe(e: GoogleAppsScript.Events.SheetsOnEdit): void {
  try {
    handleEdit(e);
  } catch (err) {
    try {
      const locale = resolveLocale(Session.getActiveUserLocale());
      e.source.toast(t(locale, 'edit.failed', { message: describeError(err, locale).message }), t(locale, 'edit.title'));
    } catch {
      // Nothing more can be done from a simple trigger.
    }
  }
}
