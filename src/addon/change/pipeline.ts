/**
 * The change pipeline: the one way an action changes user data (cleanup now, merging duplicates next).
 *
 *   read the region (4 calls) → the action's core plan → buildChange (src/core/change) →
 *   1. the snapshot sheet (hidden, recognised by its header, replaced at each change),
 *   2. ONE Range.setValues on the table — the commit,
 *   3. the archive sheet gets the removed rows (all their values, when, why),
 * and undoLast puts the last change back with one write too.
 *
 * Atomic: the 6-minute limit or an error can strike between any two service calls. Before the commit the
 * table is untouched (a snapshot may be left: undo sees every cell as before and says there is nothing to
 * undo); after it the table is fully changed and the snapshot describes it. Undo likewise: before its
 * single write the change stands; after it the table is restored and a leftover snapshot is recognised
 * as already undone. Service calls do not grow with the rows: reads and writes are whole blocks.
 * Ref: https://developers.google.com/apps-script/reference/spreadsheet/range#setValues(Object)
 * Ref: https://developers.google.com/apps-script/guides/services/quotas#current_limitations (6 minutes)
 */
import { AUTO_FORMAT, buildChange, planUndo, TEXT_FORMAT, type Block, type CellEdit, type Region, type Writes } from '../../core/change/cells';
import { readSnapshot, snapshotRows } from '../../core/change/snapshot';
import { a1 } from '../../core/table/a1';
import type { CellValue } from '../../core/fields/types';
import { t, type Locale } from '../../core/i18n';
import { UserError } from '../runtime/errors';
import { applyParts, buildParts, readParts, restoreParts, writePartSnapshots, type ChangePart } from './parts';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** The hidden sheet of the last change's snapshot (recognised by its header, not only its name). */
export const SNAPSHOT_SHEET = 'ClientFlow undo';

/** Reads rows top..lastRow, columns 1..width of a sheet: values, formulas, number formats (4 calls). */
export function readRegion(sheet: Sheet, top: number, lastRow: number, width: number): Region {
  const n = lastRow - top + 1;
  if (n <= 0 || width <= 0) return { top, left: 1, values: [], formulas: [], formats: [] };
  const range = sheet.getRange(top, 1, n, width);
  return {
    top, left: 1,
    values: range.getValues() as CellValue[][],
    formulas: range.getFormulas(),
    formats: range.getNumberFormats(),
  };
}

/** The names the archive sheet goes by (the user's language first). */
function archiveNames(locale: Locale): string[] {
  const own = t(locale, 'change.archiveSheet');
  const other = t(locale === 'en' ? 'zh-CN' : 'en', 'change.archiveSheet');
  return own === other ? [own] : [own, other];
}

function ensureRows(sheet: Sheet, rows: number): void {
  const max = sheet.getMaxRows();
  if (max < rows) sheet.insertRowsAfter(max, rows - max);
}

/** Replaces the snapshot sheet's content with `rows` (plain-text cells), hidden; the table stays active. */
function writeSnapshot(ss: Spreadsheet, table: Sheet, rows: string[][]): void {
  let snap = ss.getSheetByName(SNAPSHOT_SHEET);
  if (snap) snap.clear();
  else snap = ss.insertSheet(SNAPSHOT_SHEET, ss.getNumSheets());
  ensureRows(snap, rows.length);
  const range = snap.getRange(1, 1, rows.length, 3);
  range.setNumberFormat('@');
  range.setValues(rows);
  if (!snap.isSheetHidden()) snap.hideSheet();
  ss.setActiveSheet(table);
}

/**
 * Writes a block with its one setValues; formulas that go into plain-text cells get the automatic
 * format just around it (see Writes in src/core/change/cells.ts), through one RangeList call each side.
 * Ref: https://developers.google.com/apps-script/reference/spreadsheet/range-list#setNumberFormat(String)
 */
function applyWrites(sheet: Sheet, w: Writes): void {
  if (w.flip.length) sheet.getRangeList(w.flip).setNumberFormat(AUTO_FORMAT);
  for (const p of w.pieces) sheet.getRange(p.top, p.left, p.values.length, p.values[0]?.length ?? 0).setValues(p.values);
  if (w.flip.length) sheet.getRangeList(w.flip).setNumberFormat(TEXT_FORMAT);
}

/** A removed row for the archive; its own `why` (when given) replaces the change's. */
export interface RemovedRow { sheetRow: number; values: readonly CellValue[]; why?: string }

export interface CommitOptions {
  action: string;
  /** Why rows were removed, in the user's language (the archive's "why"). */
  why: string;
  removed: readonly RemovedRow[];
  /** Cells of other sheets changed with the table, in the same change (see ./parts.ts). */
  parts?: readonly ChangePart[];
}

export interface Committed { cells: number; block: Block | null; id: string }

function cellText(v: CellValue): string {
  if (v instanceof Date) return v.toISOString();
  return String(v);
}

/**
 * Applies `edits` and removes `removeRows` (region indices) through the pipeline: snapshot, one write,
 * archive. Returns how many cells changed (0: nothing was written and no snapshot made).
 */
export function commitChange(ss: Spreadsheet, sheet: Sheet, region: Region, edits: readonly CellEdit[], removeRows: readonly number[], opts: CommitOptions, locale: Locale): Committed {
  const change = buildChange(region, edits, removeRows);
  const id = `${opts.action}-${Date.now().toString(36)}-${Math.floor(Math.random() * 1e9).toString(36)}`;
  if (!change.block) return { cells: 0, block: null, id };
  const when = new Date().toISOString();
  const parts = buildParts(opts.parts);
  writeSnapshot(ss, sheet, snapshotRows({ id, action: opts.action, when, sheetId: sheet.getSheetId(), sheetName: sheet.getName(), block: change.block, flip: change.writes.flip, formats: change.formatsBefore }, change.cells));
  if (parts.length) writePartSnapshots(ss.getSheetByName(SNAPSHOT_SHEET) as Sheet, { id, action: opts.action, when }, parts);
  const b = change.block;
  // The commit: one setValues in the usual case (see Writes in src/core/change/cells.ts).
  applyWrites(sheet, change.writes);
  applyParts(parts);
  if (opts.removed.length) appendArchive(ss, sheet, id, when, opts, locale);
  return { cells: change.cells.length, block: b, id };
}

function findArchive(ss: Spreadsheet, locale: Locale): Sheet | null {
  for (const name of archiveNames(locale)) {
    const s = ss.getSheetByName(name);
    if (s) return s;
  }
  return null;
}

/** Appends the removed rows to the archive sheet (made on first use): change id, when, why, sheet, row, values. */
function appendArchive(ss: Spreadsheet, table: Sheet, id: string, when: string, opts: CommitOptions, locale: Locale): void {
  let archive = findArchive(ss, locale);
  const width = Math.max(...opts.removed.map((r) => r.values.length), 0);
  const sheetName = table.getName(); // once: a service call per archived row would grow with the rows
  const rows: string[][] = opts.removed.map((r) => {
    const cells = [id, when, r.why ?? opts.why, sheetName, String(r.sheetRow), ...r.values.map(cellText)];
    while (cells.length < 5 + width) cells.push('');
    return cells;
  });
  let at: number;
  if (!archive) {
    archive = ss.insertSheet(archiveNames(locale)[0], ss.getNumSheets());
    const head = [t(locale, 'change.archive.id'), t(locale, 'cleanup.archive.when'), t(locale, 'cleanup.archive.why'), t(locale, 'cleanup.archive.sheet'), t(locale, 'cleanup.archive.row')];
    while (head.length < 5 + width) head.push('');
    rows.unshift(head);
    at = 1;
    ss.setActiveSheet(table);
  } else {
    at = archive.getLastRow() + 1;
  }
  ensureRows(archive, at + rows.length - 1);
  const range = archive.getRange(at, 1, rows.length, 5 + width);
  range.setNumberFormat('@');
  range.setValues(rows);
}

/** Deletes the archive rows of change `id` (they are contiguous: one append). */
function dropArchived(ss: Spreadsheet, id: string, locale: Locale): void {
  const archive = findArchive(ss, locale);
  if (!archive) return;
  const last = archive.getLastRow();
  if (last < 1) return;
  const ids = archive.getRange(1, 1, last, 1).getValues();
  let first = -1;
  let count = 0;
  for (let i = 0; i < ids.length; i++) {
    if (ids[i]?.[0] === id) {
      if (first < 0) first = i + 1;
      count++;
    }
  }
  if (count > 0) archive.deleteRows(first, count);
}

export type UndoOutcome =
  | { status: 'nothing' }
  | { status: 'notApplied' }
  /** `sheet` and `action`: the sheet put back and the change's action (for what follows from its cells). */
  | { status: 'done'; restored: number; kept: string[]; sheet: Sheet; action: string }
  | { status: 'edited'; cells: string[] };

/**
 * Undoes the last change. With cells edited since the change and `restoreRest` false, nothing is written
 * and their A1 names come back ('edited'); with `restoreRest` true those cells keep their edits and
 * everything else goes back. Throws a UserError for a snapshot that cannot be trusted.
 */
export function undoLast(ss: Spreadsheet, locale: Locale, restoreRest: boolean): UndoOutcome {
  const snap = ss.getSheetByName(SNAPSHOT_SHEET);
  if (!snap) return { status: 'nothing' };
  const lastRow = snap.getLastRow();
  const read = readSnapshot(lastRow > 0 ? snap.getRange(1, 1, lastRow, 3).getValues() : []);
  if (!read.ok) {
    if (read.code === 'notOurs') return { status: 'nothing' };
    throw new UserError('undo.damaged');
  }
  const { header, cells } = read;
  const sheet = ss.getSheets().find((s) => s.getSheetId() === header.sheetId) ?? null;
  if (!sheet) throw new UserError('undo.sheetMissing');
  const b = header.block;
  const range = sheet.getRange(b.top, b.left, b.rows, b.cols);
  const now = { values: range.getValues() as CellValue[][], formulas: range.getFormulas(), formats: range.getNumberFormats() };
  const plan = planUndo(cells, b, now, ss.getSpreadsheetTimeZone());
  const parts = readParts(ss, snap, header.id);
  const names = plan.edited.map((e) => a1(b.top + e.r, b.left + e.c));
  // Formula cells of ours in plain-text cells are plain text again, whatever was interrupted.
  // Number formats the change altered as a side effect go back too (one RangeList call per format).
  const reflip = (): void => {
    if (header.flip?.length) sheet.getRangeList(header.flip).setNumberFormat(TEXT_FORMAT);
    for (const g of header.formats ?? []) if (g.ranges.length) sheet.getRangeList(g.ranges).setNumberFormat(g.format);
  };
  if (plan.state === 'notApplied') {
    reflip();
    restoreParts(parts, ss.getSpreadsheetTimeZone());
    dropArchived(ss, header.id, locale);
    ss.deleteSheet(snap);
    return { status: 'notApplied' };
  }
  if (names.length > 0 && !restoreRest) return { status: 'edited', cells: names };
  // The undo's write: one setValues in the usual case.
  if (plan.restored > 0) applyWrites(sheet, plan.writes);
  reflip();
  restoreParts(parts, ss.getSpreadsheetTimeZone());
  dropArchived(ss, header.id, locale);
  ss.deleteSheet(snap);
  return { status: 'done', restored: plan.restored, kept: names, sheet, action: header.action };
}

/** The user's message for an undo outcome. */
export function undoMessage(locale: Locale, o: UndoOutcome): string {
  switch (o.status) {
    case 'nothing': return t(locale, 'undo.nothing');
    case 'notApplied': return t(locale, 'undo.notApplied');
    case 'done': return t(locale, 'undo.done', { count: o.restored });
    case 'edited': return t(locale, 'undo.edited', { count: o.cells.length, cells: o.cells.slice(0, 10).join(', ') + (o.cells.length > 10 ? '…' : '') });
  }
}
