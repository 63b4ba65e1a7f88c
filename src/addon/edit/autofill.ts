/**
 * onEdit (simple trigger, AuthMode.LIMITED, 30 s): fills the auto fields of the edited rows. A
 * constant number of service calls and cells read whatever the size of the table: config and the ID
 * counter (2, one getProperties), the edited range's shape (5-7), the header row (2), the edited rows of
 * the table in one getValues (2), one setValues per auto column written (≤ 4 × 2), and the ID counter
 * written back when it moved (1). The next client ID comes from the counter kept in document
 * properties (config-store ID_COUNTER_KEY), never from reading the whole ID column; only a table
 * without a counter (adopted by an older version) has its ID column read, once. Column metadata is
 * read only when a field is not found by its header text (a renamed column).
 * Ref: https://developers.google.com/apps-script/guides/triggers#onedite (simple trigger limits)
 * Ref: https://developers.google.com/apps-script/guides/triggers/events#edit (event object)
 */
import { nextClientId } from '../../core/fields';
import type { CellValue } from '../../core/fields/types';
import { resolveLocale, t } from '../../core/i18n';
import { clipEdit, idSequence, idSummary, planAutoFill } from '../../core/edit/autofill';
import { resolveLayout, type Layout } from '../../core/table/layout';
import { tableSpan } from '../../core/setup/rules';
import { fieldByRole } from '../../core/schema';
import { idCounterProps, readIdCounter, tableOf } from '../config/store';
import { readColumnMetadata } from '../sheet/apply';
import { describeError } from '../runtime/errors';

/**
 * The simulated time an edit may take before it is left to "Check all rows": a simple trigger has 30
 * seconds, and reading and writing cells costs ~5 µs a cell read and ~15 µs a cell written
 * (DESIGN.md's clock model), so the budget is in cells, not rows: a 100,000-row paste into a 20-column
 * table (~16 s) is filled, a larger one or a much wider table is not.
 */
export const EDIT_BUDGET_MS = 20_000;
const MS_PER_CELL_READ = 0.005;
const MS_PER_CELL_WRITTEN = 0.015;

/** Estimated time of an edit of `rows` rows over a table `span` columns wide with `autoColumns` to fill. */
export function editCostMs(rows: number, span: number, autoColumns: number): number {
  return rows * (span * MS_PER_CELL_READ + autoColumns * MS_PER_CELL_WRITTEN);
}

export function handleEdit(e: GoogleAppsScript.Events.SheetsOnEdit): void {
  const range = e.range;
  const sheet = range.getSheet();
  const store = PropertiesService.getDocumentProperties();
  const props = store.getProperties();
  const config = tableOf(sheet.getSheetId(), props);
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
  const autoRoles = ['clientId', 'created', 'updated', 'stageSince'] as const;
  const autoFields = autoRoles.filter((r) => fieldByRole(schema, r));
  if (autoFields.length === 0) return;
  const n = edit.lastRow - edit.firstRow + 1;
  // A first guess before reading anything: the schema's width (the sheet's may only be smaller).
  if (editCostMs(n, schema.fields.length, autoFields.length) > EDIT_BUDGET_MS) {
    tooLargeToast(e.source, n);
    return;
  }

  const width = Math.max(sheet.getLastColumn(), 1);
  const headers = (sheet.getRange(loc.headerRow, 1, 1, width).getValues()[0] ?? []) as CellValue[];
  let layout: Layout = resolveLayout(schema.fields, headers, []);
  if (layout.missing.length > 0) {
    layout = resolveLayout(schema.fields, headers, readColumnMetadata(sheet).map(({ column, key }) => ({ column, key })));
  }
  if (Object.keys(layout.columns).length === 0) return;
  const span = tableSpan(layout);
  if (editCostMs(n, span.last - span.first + 1, autoFields.length) > EDIT_BUDGET_MS) {
    tooLargeToast(e.source, n);
    return;
  }
  const rows = sheet.getRange(edit.firstRow, span.first, n, span.last - span.first + 1).getValues() as CellValue[][];

  const idField = fieldByRole(schema, 'clientId');
  const idCol = idField ? layout.columns[idField.key] : undefined;
  const rowIds = idCol !== undefined ? rows.map((r) => String(r[idCol - span.first] ?? '')) : [];
  const known = readIdCounter(props, loc.sheetId);
  let basis: string[] | null = known;
  let ids: string[] | null = null;
  const newId = (k: number): string => {
    if (!ids) {
      if (!basis) {
        // No counter yet (a table adopted by an older version): the whole ID column in one read, once.
        const last = sheet.getLastRow();
        basis = idCol !== undefined && last > loc.headerRow
          ? idSummary(sheet.getRange(loc.headerRow + 1, idCol, last - loc.headerRow, 1).getValues().map((r) => String(r[0] ?? '')))
          : [];
      }
      ids = idSequence(nextClientId([...basis, ...rowIds]), n);
    }
    return ids[k] ?? ids[ids.length - 1] ?? '';
  };
  const writes = planAutoFill({
    schema, layout, headerRow: loc.headerRow, edit, rows, rowsFirstRow: edit.firstRow, spanFirst: span.first, now: new Date(), newId,
  });
  for (const w of writes) sheet.getRange(w.firstRow, w.column, w.values.length, 1).setValues(w.values);

  // Keep the counter: IDs written now and IDs seen in the edited rows (typed or pasted by the user).
  // Without a known basis (no counter, nothing read) the edited rows alone cannot stand for the column.
  if (idCol !== undefined && basis !== null) {
    const written = writes.find((w) => w.column === idCol)?.values.map((v) => String(v[0] ?? '')) ?? [];
    const next = idSummary([...basis, ...rowIds, ...written]);
    if (JSON.stringify(next) !== JSON.stringify(known)) store.setProperties(idCounterProps(loc.sheetId, next), false);
  }
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

/** The pasted block is too large to fill the automatic columns within the trigger's time: say so. */
function tooLargeToast(source: GoogleAppsScript.Spreadsheet.Spreadsheet, rows: number): void {
  const locale = resolveLocale(Session.getActiveUserLocale());
  source.toast(t(locale, 'edit.tooLarge', { rows }), t(locale, 'edit.title'));
}
