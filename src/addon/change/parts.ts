/**
 * Other sheets' cells changed by the same change as the table (a merge points the stage history rows of
 * the merged clients to the survivor): the "parts" of a change. Each part is a region of its own sheet
 * with cell edits, turned into a Change by the same pure code as the table's (src/core/change/cells.ts),
 * its snapshot kept beside the table's on the snapshot sheet (the k-th part in the three columns from
 * column 5 + 4k, in the same format and checked the same way, naming the change's id), written by one
 * setValues right after the table's commit, and put back by undo with the table (each cell that still
 * holds what the change wrote goes back; one written since stays).
 *
 * Atomic per sheet: the part's snapshot is written before the table's commit, so whatever call the time
 * limit strikes at, undo finds every part it needs; a part not written yet is found "as before" and left.
 * Ref: https://developers.google.com/apps-script/reference/spreadsheet/range#setValues(Object)
 */
import { AUTO_FORMAT, buildChange, planUndo, TEXT_FORMAT, type CellEdit, type Change, type ChangedCell, type Region, type Writes } from '../../core/change/cells';
import { readSnapshot, snapshotRows, type SnapshotHeader } from '../../core/change/snapshot';
import type { CellValue } from '../../core/fields/types';
import { UserError } from '../runtime/errors';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** A part of a change: cells of another sheet (its region as read, and the edits). */
export interface ChangePart { sheet: Sheet; region: Region; edits: readonly CellEdit[] }

export interface BuiltPart { sheet: Sheet; change: Change }

/** First column of the k-th part's snapshot on the snapshot sheet. */
const partColumn = (k: number) => 5 + 4 * k;

export function buildParts(parts: readonly ChangePart[] | undefined): BuiltPart[] {
  return (parts ?? []).map((p) => ({ sheet: p.sheet, change: buildChange(p.region, p.edits, []) })).filter((b) => b.change.block !== null);
}

function applyWrites(sheet: Sheet, w: Writes): void {
  if (w.flip.length) sheet.getRangeList(w.flip).setNumberFormat(AUTO_FORMAT);
  for (const p of w.pieces) sheet.getRange(p.top, p.left, p.values.length, p.values[0]?.length ?? 0).setValues(p.values);
  if (w.flip.length) sheet.getRangeList(w.flip).setNumberFormat(TEXT_FORMAT);
}

/** Writes the parts' snapshots beside the table's (before the table's commit). */
export function writePartSnapshots(snap: Sheet, head: { id: string; action: string; when: string }, built: readonly BuiltPart[]): void {
  built.forEach((b, k) => {
    const block = b.change.block;
    if (!block) return;
    const rows = snapshotRows({ ...head, action: `${head.action}:part`, sheetId: b.sheet.getSheetId(), sheetName: b.sheet.getName(), block, flip: b.change.writes.flip, formats: b.change.formatsBefore }, b.change.cells);
    const max = snap.getMaxRows();
    if (max < rows.length) snap.insertRowsAfter(max, rows.length - max);
    const range = snap.getRange(1, partColumn(k), rows.length, 3);
    range.setNumberFormat('@');
    range.setValues(rows);
  });
}

/** The parts' writes, right after the table's commit. */
export function applyParts(built: readonly BuiltPart[]): void {
  for (const b of built) applyWrites(b.sheet, b.change.writes);
}

export interface ReadPart { sheet: Sheet; header: SnapshotHeader; cells: ChangedCell[] }

/** The parts of change `id` on the snapshot sheet; a damaged one is refused (undo writes nothing). */
export function readParts(ss: Spreadsheet, snap: Sheet, id: string): ReadPart[] {
  const out: ReadPart[] = [];
  const lastColumn = snap.getLastColumn();
  const lastRow = snap.getLastRow();
  for (let k = 0; partColumn(k) <= lastColumn && lastRow > 0; k++) {
    const read = readSnapshot(snap.getRange(1, partColumn(k), lastRow, 3).getValues());
    if (!read.ok) {
      if (read.code === 'notOurs') break;
      throw new UserError('undo.damaged');
    }
    if (read.header.id !== id) break;
    const sheet = ss.getSheets().find((s) => s.getSheetId() === read.header.sheetId);
    // A part whose sheet was deleted since has nothing left to put back.
    if (sheet) out.push({ sheet, header: read.header, cells: read.cells });
  }
  return out;
}

/** Puts the parts back: each cell that still holds what the change wrote (one read and one write per part). */
export function restoreParts(parts: readonly ReadPart[], timeZone: string): void {
  for (const p of parts) {
    const b = p.header.block;
    const range = p.sheet.getRange(b.top, b.left, b.rows, b.cols);
    const now = { values: range.getValues() as CellValue[][], formulas: range.getFormulas(), formats: range.getNumberFormats() };
    const plan = planUndo(p.cells, b, now, timeZone);
    if (plan.restored > 0) applyWrites(p.sheet, plan.writes);
  }
}
