/**
 * onEdit (simple trigger, AuthMode.LIMITED, 30 s), in this order, with a number of service calls and
 * cells read that does not grow with the table (only with the edited block's cells):
 * 1. config and ID counter (one getProperties); the edited box (the event range's own coordinates, or
 *    one getA1Notation); the header row and the edited rows over the table's span (one getSheetValues
 *    each; a paste makes the rows' Range, which its format check needs); notes and colors only where
 *    the checks speak (the edited cells through the event's range, or the span);
 * 2. a paste's lost formats and validation put back (./formats.ts; typing keeps them);
 * 3. normalize on entry for the fields that ask for it (core/edit/normalize.ts);
 * 4. Client ID, Created, Updated, Stage since (core/edit/autofill.ts); new IDs reserved under the
 *    document lock before they are written (./ids.ts); adjacent automatic columns in one setValues;
 * 5. checks: our notes and highlight on broken cells, off mended ones, stage rules (core/edit/flags.ts,
 *    rules.ts), written over the cells that change only; notes in the table's language;
 * 6. stage history, one append per edit (./history.ts), under the same hold of the document lock as
 *    the IDs (./lock.ts); what another execution deferred meanwhile is done after the release.
 * The next client ID comes from the counter in document properties, never from reading the whole ID
 * column; only a table without a counter (adopted by an older version) has its ID column read, once.
 * Column metadata is read only when a field is not found by its header text (a renamed column).
 * Ref: https://developers.google.com/apps-script/guides/triggers#onedite (simple trigger limits)
 * Ref: https://developers.google.com/apps-script/guides/triggers/events#edit (event object)
 */
import type { CellValue } from '../../core/fields/types';
import { resolveLocale, t, type Locale } from '../../core/i18n';
import { fieldType } from '../../core/fields';
import { changedBox, checkBlock, isOurNote, sliceBox, issueText, planBackgrounds, planNotes, stageChanges, STAGE_MARK, withRuleIssues } from '../../core/edit/flags';
import { stageRuleIssues } from '../../core/edit/rules';
import { appendHistory, appendPendingHistory, deferHistory, pendingHistory } from './history';
import { planNormalize } from '../../core/edit/normalize';
import { blockWrites, boxOfA1, clipEdit, countNewIds, idSummary, planAutoFill } from '../../core/edit/autofill';
import { resolveLayout, type Layout } from '../../core/table/layout';
import { tableSpan } from '../../core/setup/rules';
import { fieldByRole, type TableSchema } from '../../core/schema';
import { isBlankCell } from '../../core/fields/util';
import { idCounterProps, readIdCounter, tableOf } from '../config/store';
import { headersSuffice, readColumnMetadata } from '../sheet/table';
import { describeError } from '../runtime/errors';
import { fillPendingIds, pendingIdKeys, reserveIds, storedIdCounter, type IdTarget } from './ids';
import { EditLock, takeDocumentLock } from './lock';
import { restoreFormats } from './formats';

/**
 * The simulated time an edit may take before it is left to "Check all rows": a simple trigger has 30
 * seconds, and reading and writing cells costs ~5 µs a cell read and ~15 µs a cell written
 * (docs/ARCHITECTURE.md's clock model), so the budget is in cells, not rows: a paste of about 25,000 rows into a
 * 19-column table is filled (its checks left to "Check all rows" past about 15,000), a larger one or a
 * much wider table is not, and the person is told.
 */
export const EDIT_BUDGET_MS = 20_000;
const MS_PER_CELL_READ = 0.005;
const MS_PER_CELL_WRITTEN = 0.015;

/** Script cpu per cell of the edited rows (parsing, planning), already × 3 for Apps Script's V8. */
const CPU_MS_PER_CELL = 0.006;

/**
 * Estimated time of filling an edit of `rows` rows over a table `span` columns wide with `autoColumns`
 * to fill: values and notes read; for a paste, formats and validation read and, at worst, written
 * back; the automatic columns written; the script's own work. Checks are estimated apart (they can be
 * left to "Check all rows" alone).
 */
export function editCostMs(rows: number, span: number, autoColumns: number, paste = true): number {
  const perCell = 2 * MS_PER_CELL_READ + (paste ? 2 * MS_PER_CELL_READ + MS_PER_CELL_WRITTEN : 0) + CPU_MS_PER_CELL;
  return rows * (span * perCell + autoColumns * MS_PER_CELL_WRITTEN);
}

/**
 * The table of the edited sheet, or null. The one place onEdit finds a table's config: today one table
 * per spreadsheet (its location names the sheet); a spreadsheet with a table per sheet changes only this.
 */
export function tableOfSheet(props: Record<string, string>, sheetId: () => number): TableSchema | null {
  const id = sheetId();
  // Each sheet may be a table of its own (config/store.ts tableOf).
  const config = tableOf(id, props);
  if (!config.ok) return null; // no table (or a config problem the menus report): nothing to do
  const loc = config.schema.location;
  return loc && loc.sheetId === id ? config.schema : null;
}

type Box = { firstRow: number; lastRow: number; firstColumn: number; lastColumn: number };

/**
 * The edited box: from the event range's own rowStart/rowEnd/columnStart/columnEnd when Sheets put them
 * there (plain properties, no service call; measured by printing the event object, "Benchmark: Event
 * Objects for Google Apps Script", https://tanaikech.github.io/page/80), else from one getA1Notation
 * when it is a plain box, else from the four getters.
 */
function editedBox(range: GoogleAppsScript.Spreadsheet.Range): Box {
  const own = eventBox(range);
  if (own) return own;
  const box = boxOfA1(range.getA1Notation());
  if (box) return box;
  return { firstRow: range.getRow(), lastRow: range.getLastRow(), firstColumn: range.getColumn(), lastColumn: range.getLastColumn() };
}

function eventBox(range: GoogleAppsScript.Spreadsheet.Range): Box | null {
  if (!('rowStart' in range) || !('columnEnd' in range)) return null;
  const r = range as unknown as Record<'rowStart' | 'rowEnd' | 'columnStart' | 'columnEnd', unknown>;
  const n = [r.rowStart, r.rowEnd, r.columnStart, r.columnEnd];
  if (!n.every((x) => typeof x === 'number' && Number.isInteger(x) && x >= 1)) return null;
  const [firstRow, lastRow, firstColumn, lastColumn] = n as [number, number, number, number];
  return firstRow <= lastRow && firstColumn <= lastColumn ? { firstRow, lastRow, firstColumn, lastColumn } : null;
}

const sameBox = (a: Box, b: Box): boolean => a.firstRow === b.firstRow && a.lastRow === b.lastRow && a.firstColumn === b.firstColumn && a.lastColumn === b.lastColumn;

/**
 * The header row's values over the first `width` columns, in one call (Sheet.getSheetValues: values of a
 * box without a Range object first; https://developers.google.com/apps-script/reference/spreadsheet/sheet#getSheetValues(Integer,Integer,Integer,Integer)).
 * The whole row is read (two calls) only when the sheet is narrower than `width` or a field is not
 * found within it (columns inserted before the table's last one).
 */
function readLayout(sheet: GoogleAppsScript.Spreadsheet.Sheet, schema: TableSchema, headerRow: number, width: number): Layout {
  let headers: CellValue[] | null;
  try {
    headers = (sheet.getSheetValues(headerRow, 1, 1, width)[0] ?? []) as CellValue[];
  } catch {
    headers = null; // past the sheet's last column: read the row as it is
  }
  let layout = headers ? resolveLayout(schema.fields, headers, []) : null;
  if (!layout || !headersSuffice(layout)) {
    headers = (sheet.getRange(`${headerRow}:${headerRow}`).getValues()[0] ?? []) as CellValue[];
    layout = resolveLayout(schema.fields, headers, []);
  }
  if (!headersSuffice(layout)) {
    layout = resolveLayout(schema.fields, headers ?? [], readColumnMetadata(sheet).map(({ column, key }) => ({ column, key })));
  }
  return layout;
}

/**
 * The simulated time checking a block may take: reading its colors, writing notes and colors over it at
 * worst, and parsing it (cpu × 3). Checks that would not fit in what is left of the trigger's time are
 * left to "Check all rows", with a message; automatic columns and the history are still written.
 */
export const TRIGGER_LIMIT_MS = 30_000;
const CHECK_MS_PER_CELL = 0.005 + 2 * 0.015 + 0.01;
const SAFETY_MS = 3_000;

/**
 * @param lockHeld the caller holds the document lock around this whole call (the client form's save):
 *   ID reservations run under it instead of taking and releasing the lock themselves.
 */
export function handleEdit(e: GoogleAppsScript.Events.SheetsOnEdit, lockHeld = false, onChecks?: (checks: EditChecks) => void): void {
  const lock = new EditLock(lockHeld);
  try {
    editCells(e, lock, onChecks);
  } finally {
    lock.release();
  }
}

/** The checks of the edited rows' cells, from sheet column `spanFirst` on ([] when they were skipped):
 * what the client form tells the person saving, in their language (the notes are in the table's). */
export interface EditChecks { checks: ReturnType<typeof checkBlock>; spanFirst: number }

function editCells(e: GoogleAppsScript.Events.SheetsOnEdit, lock: EditLock, onChecks?: (checks: EditChecks) => void): void {
  const started = Date.now();
  // AuthMode.NONE (the add-on not yet used in this document): no access to the sheet or properties.
  // Ref: https://developers.google.com/apps-script/reference/script/auth-mode
  if (e.authMode === ScriptApp.AuthMode.NONE) return;
  const range = e.range;
  const store = PropertiesService.getDocumentProperties();
  const props = store.getProperties();
  const sheet = range.getSheet();
  let sheetId = -1;
  const schema = tableOfSheet(props, () => (sheetId = sheet.getSheetId()));
  const loc = schema?.location;
  if (!schema || !loc) return;
  // Typing fills value (and oldValue when the cell held one); Delete on one cell fills oldValue only;
  // a paste (even of one cell), fill-down, a multi-cell Delete and undo fill neither.
  // Ref: https://developers.google.com/apps-script/guides/triggers/events#edit
  const typed = e.value !== undefined || e.oldValue !== undefined;
  const rawBox = editedBox(range);
  const edit = clipEdit({ ...rawBox, single: typed, value: e.value, oldValue: e.oldValue }, loc.headerRow);
  if (!edit) return;
  const autoRoles = ['clientId', 'created', 'updated', 'stageSince'] as const;
  const autoFields = autoRoles.filter((r) => fieldByRole(schema, r));
  const n = edit.lastRow - edit.firstRow + 1;
  // A first guess before reading anything: the schema's width (the sheet's may only be smaller).
  if (editCostMs(n, schema.fields.length, autoFields.length, !typed) > EDIT_BUDGET_MS) {
    tooLargeToast(e.source, n);
    return;
  }

  const layout = readLayout(sheet, schema, loc.headerRow, Math.max(edit.lastColumn, schema.fields.length));
  if (Object.keys(layout.columns).length === 0) return;
  const span = tableSpan(layout);
  if (editCostMs(n, span.last - span.first + 1, autoFields.length, !typed) > EDIT_BUDGET_MS) {
    tooLargeToast(e.source, n);
    return;
  }
  const width = span.last - span.first + 1;
  const spanBox: Box = { firstRow: edit.firstRow, lastRow: edit.lastRow, firstColumn: span.first, lastColumn: span.last };
  // The edited rows over the table's span: the event's own range when it is exactly that box, else a
  // Range made when a read or write needs one (typing reads the values alone in one getSheetValues).
  let spanRange: GoogleAppsScript.Spreadsheet.Range | null = sameBox(rawBox, spanBox) ? range : null;
  const rowsRange = (): GoogleAppsScript.Spreadsheet.Range => (spanRange ??= sheet.getRange(edit.firstRow, span.first, n, width));
  let rows = (typed && !spanRange ? sheet.getSheetValues(edit.firstRow, span.first, n, width) : rowsRange().getValues()) as CellValue[][];
  // Normalize on entry, for the fields that ask for it (the values written back are the type's own
  // canonical text or number; text-like types keep their plain-text format, so they stay text).
  if (schema.fields.some((f) => f.normalizeOnEntry)) {
    const norm = planNormalize({ schema, layout, rows, rowsFirstRow: edit.firstRow, spanFirst: span.first, firstColumn: edit.firstColumn, lastColumn: edit.lastColumn, timeZone: e.source.getSpreadsheetTimeZone(), types: fieldType });
    for (const w of norm.writes) sheet.getRange(w.firstRow, w.column, w.values.length, 1).setValues(w.values);
    rows = norm.rows;
  }
  // Notes (and colors) are read and written where the checks speak: over the span when a stage was
  // edited (its Stage since note names the stage before) or a flag may sit outside the edited cells,
  // else over the edited cells alone, through the event's own range (no Range to make).
  let notes: string[][] | null = null;
  let flagRange: { range: GoogleAppsScript.Spreadsheet.Range; c0: number; c1: number } | null = null;
  const spanNotes = (): string[][] => {
    flagRange = { range: rowsRange(), c0: 0, c1: width - 1 };
    return (notes = flagRange.range.getNotes());
  };
  const stageField = fieldByRole(schema, 'stage');
  const stageColumn = stageField === undefined ? 0 : (layout.columns[stageField.key] ?? 0);
  const stageEdited = stageColumn >= edit.firstColumn && stageColumn <= edit.lastColumn && stageField !== undefined;
  const changes = stageEdited ? stageChanges({ schema, layout, rows, notes: spanNotes(), spanFirst: span.first, ...(typed ? { typedOld: e.oldValue ?? '' } : {}) }) : [];

  // A paste (of another sheet's cells, or past the formatted rows) may have replaced our formats and
  // validation: put them back on the pasted rows, over the table's whole span (rows a paste adds past
  // the sheet's end have none in any column). Typing and Delete keep them.
  if (!typed) {
    restoreFormats(sheet, rowsRange(), schema, layout, { firstRow: edit.firstRow, lastRow: edit.lastRow, firstColumn: span.first, lastColumn: span.last }, loc.headerRow);
  }

  const idField = fieldByRole(schema, 'clientId');
  const idCol = idField ? layout.columns[idField.key] : undefined;
  const rowIds = idCol !== undefined ? rows.map((r) => String(r[idCol - span.first] ?? '')) : [];
  const base = { schema, layout, headerRow: loc.headerRow, edit, rows, rowsFirstRow: edit.firstRow, spanFirst: span.first, now: new Date(), stageChangedRows: new Set(changes.map((c) => c.index)) };
  const wanted = idCol !== undefined ? countNewIds(base) : 0;
  let ids: string[] | null = [];
  const target = idCol !== undefined ? { sheet, sheetId, headerRow: loc.headerRow, idCol } : null;
  // A key of this execution's own for what it may have to defer (IDs, history rows).
  const execKey = `${sheetId}.${edit.firstRow}.${Date.now()}.${Math.floor(Math.random() * 1e9)}`;
  if (wanted > 0 && target && idCol !== undefined) {
    const needRows = rows.map((r, i) => ({ r, i })).filter(({ r }) => isBlankCell(r[idCol - span.first])).map(({ i }) => edit.firstRow + i);
    ids = reserveIds(store, target, wanted, rowIds, needRows, execKey, lock);
  }
  const reserved = ids;
  const writes = planAutoFill({ ...base, newId: (k) => (reserved ? (reserved[k] ?? null) : null) });
  for (const b of blockWrites(writes, rows, edit.firstRow, span.first)) sheet.getRange(b.firstRow, b.column, b.values.length, b.values[0]?.length ?? 1).setValues(b.values);

  // IDs typed or pasted by the user move the counter on too (under the lock, re-read there; without it
  // the counter stays: it is a hint for the next reservation, which passes every ID it sees).
  if (wanted === 0 && idCol !== undefined) {
    const known = readIdCounter(props, sheetId);
    if (known) {
      const next = idSummary([...known, ...rowIds]);
      if (JSON.stringify(next) !== JSON.stringify(known) && lock.have()) {
        const fresh = storedIdCounter(store, sheetId) ?? known;
        store.setProperties(idCounterProps(sheetId, idSummary([...fresh, ...rowIds])), false);
      }
    }
  }

  // Flags of ours on the checked cells, the stage each Stage since dates, and the stage history.
  // Notes and the history sheet are part of the table, read by everyone who shares it: they are in the
  // table's language, like its headers and options (no Session call). A toast speaks to the person
  // who edited, in theirs.
  let locale: Locale | null = null;
  const userLocale = (): Locale => (locale ??= resolveLocale(Session.getActiveUserLocale()));
  const tableLocale = schema.locale;
  const historyMs = changes.length * 5 * MS_PER_CELL_WRITTEN + 6 * 25;
  const checkOk = Date.now() - started + n * (span.last - span.first + 1) * CHECK_MS_PER_CELL + historyMs + SAFETY_MS < TRIGGER_LIMIT_MS;
  if (!checkOk) e.source.toast(t(userLocale(), 'edit.checksSkipped', { rows: n }), t(userLocale(), 'edit.title'));
  const checks = !checkOk ? [] : withRuleIssues(
    checkBlock({ schema, layout, rows, spanFirst: span.first, firstColumn: edit.firstColumn, lastColumn: edit.lastColumn, types: fieldType }),
    stageRuleIssues({ schema, layout, rows, spanFirst: span.first, changes }),
  );
  onChecks?.({ checks, spanFirst: span.first });
  const inEdited = (i: number): boolean => span.first + i >= edit.firstColumn && span.first + i <= edit.lastColumn;
  if (!notes && checks.length > 0) {
    const own = rawBox.firstRow === edit.firstRow && rawBox.firstColumn >= span.first && rawBox.lastColumn <= span.last;
    if (own && checks.every((row) => row.every((cell, i) => !cell.scope || inEdited(i)))) {
      // Every cell the checks speak for was edited: the event's range holds them all.
      const c0 = rawBox.firstColumn - span.first;
      const c1 = rawBox.lastColumn - span.first;
      flagRange = { range, c0, c1 };
      const own = range.getNotes();
      notes = rows.map((_, r) => Array.from({ length: width }, (_, i) => (i >= c0 && i <= c1 ? (own[r]?.[i - c0] ?? '') : '')));
    } else {
      spanNotes();
    }
  }
  const noteGrid: string[][] = notes ?? [];
  const plan = planNotes(checks, noteGrid, (issue) => issueText(tableLocale, issue), inEdited);
  const sinceField = fieldByRole(schema, 'stageSince');
  const sinceIdx = sinceField && layout.columns[sinceField.key] !== undefined ? (layout.columns[sinceField.key] as number) - span.first : -1;
  let newNotes = checkOk ? plan.notes : null;
  if (sinceIdx >= 0 && changes.length > 0) {
    newNotes ??= noteGrid.map((r) => [...r]);
    for (const c of changes) {
      const row = newNotes[c.index];
      const own = row?.[sinceIdx] ?? '';
      if (row && (own === '' || isOurNote(own))) row[sinceIdx] = `${STAGE_MARK} ${t(tableLocale, 'edit.stageNote')}\n${c.to}`;
    }
  }
  // Written over the range they were read from (no Range to make: the same number of calls for any
  // block), only when something in it changes; cells that do not change get back what they held.
  const flagAt = flagRange as { range: GoogleAppsScript.Spreadsheet.Range; c0: number; c1: number } | null;
  const sub = (): { range: GoogleAppsScript.Spreadsheet.Range; box: { r0: number; r1: number; c0: number; c1: number } } => {
    if (!flagAt) throw new Error('no range read');
    return { range: flagAt.range, box: { r0: 0, r1: n - 1, c0: flagAt.c0, c1: flagAt.c1 } };
  };
  const noteBox = newNotes ? changedBox(noteGrid, newNotes) : null;
  if (newNotes && noteBox) {
    const w = sub();
    w.range.setNotes(sliceBox(newNotes, w.box));
  }
  if (checkOk && plan.needBackgrounds && flagAt) {
    const read = flagAt.range.getBackgrounds();
    const before = read.map((row) => Array.from({ length: width }, (_, i) => (i >= flagAt.c0 && i <= flagAt.c1 ? (row[i - flagAt.c0] ?? '') : '')));
    const colors = planBackgrounds(checks, before);
    const box = colors ? changedBox<string | null>(before, colors) : null;
    if (colors && box) {
      const w = sub();
      // A cell left as it was that shows the default white is written as null (no color of its own),
      // never as an explicit white. Ref: https://developers.google.com/apps-script/reference/spreadsheet/range#setBackgrounds(String)
      w.range.setBackgrounds(sliceBox(colors, w.box).map((row, r) => row.map((c, j) => {
        const was = before[w.box.r0 + r]?.[w.box.c0 + j] ?? '';
        return c === was.toLowerCase() && (c === '#ffffff' || c === '') ? null : c;
      })));
    }
  }
  if (changes.length > 0) {
    const ownerField = fieldByRole(schema, 'owner');
    const ownerIdx = ownerField && layout.columns[ownerField.key] !== undefined ? (layout.columns[ownerField.key] as number) - span.first : -1;
    const idOf = (i: number): string => {
      const w = writes.find((x) => x.column === idCol && x.firstRow <= edit.firstRow + i && edit.firstRow + i < x.firstRow + x.values.length);
      const written = w ? String(w.values[edit.firstRow + i - w.firstRow]?.[0] ?? '') : '';
      return written !== '' ? written : (rowIds[i] ?? '');
    };
    const history = changes.map((c) => ({ row: edit.firstRow + c.index, id: idOf(c.index), from: c.from, to: c.to, when: base.now, owner: ownerIdx >= 0 ? (rows[c.index]?.[ownerIdx] ?? '') : '' }));
    // Under the lock: another edit appending at the same moment would write below the same last row.
    if (lock.have() || !deferHistory(store, sheetId, execKey, history)) appendHistory(e.source, sheet, history, tableLocale, sheetId);
  }
  // What other executions deferred to this one while it held the lock (their wait timed out).
  if (lock.wasHeld) {
    lock.release();
    adoptPending(store, lock.callerHeld, target, { ss: e.source, table: sheet, sheetId, locale: tableLocale });
  }
}

/**
 * The deferred records (rows to number, history rows to append), looked for once after this
 * execution's hold and done under the lock again: IDs first, so that a history row deferred with its
 * row's ID finds it. Left for the next edit that holds the lock when it cannot be had now.
 * The properties are read again once the lock is had: two executions that both found a record before
 * either took the lock would otherwise both append it (the second from its stale read).
 */
function adoptPending(store: GoogleAppsScript.Properties.Properties, callerHolds: boolean, ids: IdTarget | null, h: { ss: GoogleAppsScript.Spreadsheet.Spreadsheet; table: GoogleAppsScript.Spreadsheet.Sheet; sheetId: number; locale: Locale }): void {
  const seen = store.getProperties();
  if ((!ids || pendingIdKeys(seen).length === 0) && pendingHistory(seen, h.sheetId).keys.length === 0) return;
  // A short wait: the records stay for the next edit (or Build funnel, Check all rows) that holds it.
  const again = callerHolds ? null : takeDocumentLock(ADOPT_LOCK_WAIT_MS);
  if (!callerHolds && !again) return;
  try {
    const props = callerHolds ? seen : store.getProperties();
    const idKeys = ids ? pendingIdKeys(props) : [];
    const history = pendingHistory(props, h.sheetId);
    if (ids && idKeys.length > 0) fillPendingIds(store, ids, props, idKeys);
    if (history.keys.length > 0) appendPendingHistory(store, h.ss, h.table, history, h.locale, h.sheetId, ids?.idCol, props);
  } finally {
    again?.releaseLock();
  }
}

const ADOPT_LOCK_WAIT_MS = 1_000;

/**
 * For an action that holds the document lock and reads the stage history or the client IDs (Build
 * funnel, Check all rows): what edits deferred (rows to number, stage changes to append) is done
 * first, so that what it reads is whole. Two calls when nothing was deferred.
 */
export function adoptDeferredEdits(ss: GoogleAppsScript.Spreadsheet.Spreadsheet, table: GoogleAppsScript.Spreadsheet.Sheet, schema: TableSchema, layout: Layout): void {
  const idField = fieldByRole(schema, 'clientId');
  const idCol = idField ? layout.columns[idField.key] : undefined;
  const sheetId = schema.location?.sheetId ?? table.getSheetId();
  const target = idCol !== undefined ? { sheet: table, sheetId, headerRow: schema.location?.headerRow ?? 1, idCol } : null;
  adoptPending(PropertiesService.getDocumentProperties(), true, target, { ss, table, sheetId, locale: schema.locale });
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
