/**
 * Stage history: every stage change appends one row (client ID, from, to, when, owner at that time) to a
 * hidden sheet of ours, one per table (core/funnel/workbook.ts historySheetName: the Funnel sheet reads
 * it), found by its name and marked with the table's sheet id in developer metadata. A pasted block of stage changes is one write. Only appended:
 * a history the user unhid and edited keeps their rows, and ours go below the last row with content. A
 * deleted history sheet is made again (hidden) at the next change.
 * Ref: https://developers.google.com/apps-script/reference/spreadsheet/sheet#getLastRow()
 * Ref: https://developers.google.com/apps-script/reference/spreadsheet/sheet#hideSheet()
 */
import { t, type Locale } from '../../core/i18n';
import type { CellValue } from '../../core/fields/types';
import { HISTORY_SHEET_KEY, historySheetName } from '../../core/funnel/workbook';
import { checksum4, utf8Length } from '../../core/config';

export interface HistoryRow { id: string; from: string; to: string; when: Date; owner: CellValue }
/** A change whose append was deferred: its sheet row too, to read a client ID deferred with it. */
export interface PendingHistoryRow extends HistoryRow { row: number }

/** A deferred change as read back, with the record it came from. */
export interface AdoptedHistoryRow extends PendingHistoryRow { key: string }

export const HISTORY_PENDING_PREFIX = 'clientflow.historyPending.';
/** Per table: where an adoption is writing deferred rows, until their records are deleted. */
export const HISTORY_APPENDING_PREFIX = 'clientflow.historyAppending.';

/** `table`: the sheet the person is on; activated again after a new history sheet is made (insertSheet
 * activates the sheet it inserts: https://developers.google.com/apps-script/reference/spreadsheet/spreadsheet#insertSheet(String)). */
export function appendHistory(ss: GoogleAppsScript.Spreadsheet.Spreadsheet, table: GoogleAppsScript.Spreadsheet.Sheet, rows: readonly HistoryRow[], locale: Locale, tableId?: number, beforeWrite?: (sheet: GoogleAppsScript.Spreadsheet.Sheet, firstRow: number) => void): void {
  if (rows.length === 0) return;
  const id = tableId ?? table.getSheetId();
  const name = historySheetName(id);
  let sheet = ss.getSheetByName(name);
  let last: number;
  if (!sheet) {
    const loc = locale;
    sheet = ss.insertSheet(name);
    // Five columns, not the new sheet's default 26: every row of a long history (and its spare rows)
    // would otherwise hold 26 cells of the spreadsheet's 10-million-cell limit.
    // Ref: https://developers.google.com/apps-script/reference/spreadsheet/sheet#deleteColumns(Integer,Integer)
    const columns = sheet.getMaxColumns();
    if (columns > 5) sheet.deleteColumns(6, columns - 5);
    // Ref: https://developers.google.com/apps-script/reference/spreadsheet/sheet#addDeveloperMetadata(String,String)
    sheet.addDeveloperMetadata(HISTORY_SHEET_KEY, String(id));
    sheet.getRange(1, 1, 1, 5).setValues([[t(loc, 'edit.history.id'), t(loc, 'edit.history.from'), t(loc, 'edit.history.to'), t(loc, 'edit.history.when'), t(loc, 'edit.history.owner')]]);
    // Made with room for these rows and as many again (see spareRows), all formatted at once.
    const max = sheet.getMaxRows();
    const want = 1 + rows.length + spareRows(1 + rows.length);
    if (want > max) sheet.insertRowsAfter(max, want - max);
    formatRows(sheet, 2, Math.max(want, max) - 1);
    sheet.hideSheet();
    table.activate();
    last = 1;
  } else {
    last = Math.max(sheet.getLastRow(), 1);
  }
  const values = rows.map((r) => [r.id, r.from, r.to, r.when, typeof r.owner === 'string' ? r.owner : String(r.owner ?? '')]);
  let range: GoogleAppsScript.Spreadsheet.Range;
  try {
    range = sheet.getRange(last + 1, 1, rows.length, 5);
  } catch {
    // Past the sheet's end: grow it, then write. The rows below the last one with content are blank
    // (getLastRow), so the new rows go right after it: no getMaxRows needed, and the sheet then holds
    // these rows plus the spare (the blank rows that were there move down, formats and all). Only the
    // inserted rows need the text and date formats.
    // Ref: https://developers.google.com/apps-script/reference/spreadsheet/sheet#insertRowsAfter(Integer,Integer)
    const add = rows.length + spareRows(last + rows.length);
    sheet.insertRowsAfter(last, add);
    formatRows(sheet, last + 1, add);
    range = sheet.getRange(last + 1, 1, rows.length, 5);
  }
  beforeWrite?.(sheet, last + 1);
  range.setValues(values);
}

/**
 * Blank rows kept ahead when the history sheet is made or grown: as many as it will then hold (at least
 * 1,000, at most 10,000), so growing (four more calls) is rare — a history that doubles each time is
 * grown O(log n) times — while the spare cells stay small beside the spreadsheet's 10-million-cell limit.
 */
function spareRows(used: number): number {
  return Math.min(Math.max(used, 1000), 10_000);
}

/** Text stays text (an ID, a stage or an owner that looks like a number or a formula); the date is a date. */
function formatRows(sheet: GoogleAppsScript.Spreadsheet.Sheet, first: number, count: number): void {
  if (count <= 0) return;
  sheet.getRange(first, 1, count, 5).setNumberFormats(Array.from({ length: count }, () => ['@', '@', '@', 'yyyy-mm-dd hh:mm', '@']));
}

/**
 * Property values hold at most 9 KB and a store 500 KB in all
 * (https://developers.google.com/apps-script/guides/services/quotas#current_limitations): a deferred
 * block goes in records of at most ~8 KB of UTF-8, written in one setProperties; a block too large to
 * be deferred at all (past ~100 KB) is appended without the lock instead.
 */
const RECORD_BYTES = 8_000;
const DEFER_BYTES = 100_000;
type Item = [number, string, string, string, number, string];

/**
 * Records the changes of an edit that could not have the lock (another execution held it past the
 * wait), a key per execution so that no two writers touch the same property; the execution that held
 * the lock appends them (appendPendingHistory). False when the block is too large to record.
 */
export function deferHistory(store: GoogleAppsScript.Properties.Properties, sheetId: number, execKey: string, rows: readonly PendingHistoryRow[]): boolean {
  const out: Record<string, string> = {};
  let chunk: Item[] = [];
  let bytes = 0;
  let total = 0;
  let k = 0;
  const flush = () => {
    if (chunk.length === 0) return;
    out[`${HISTORY_PENDING_PREFIX}${execKey}.${k++}`] = JSON.stringify({ sheetId, rows: chunk });
    chunk = [];
    bytes = 0;
  };
  for (const r of rows) {
    const item: Item = [r.row, r.id, r.from, r.to, r.when.getTime(), typeof r.owner === 'string' ? r.owner : String(r.owner ?? '')];
    const size = utf8Length(JSON.stringify(item)) + 1;
    if (size > RECORD_BYTES - 40) return false;
    if (bytes + size > RECORD_BYTES - 40) flush();
    chunk.push(item);
    bytes += size;
    total += size;
    if (total > DEFER_BYTES) return false;
  }
  flush();
  try {
    store.setProperties(out, false);
  } catch {
    // The store is full (500 KB in all): appended without the lock rather than lost.
    return false;
  }
  return true;
}

/** The deferred records of one table among the document's properties: their keys (and those that
 * cannot be read, which are dropped with them) and their rows. Another table's stay for its edits. */
export function pendingHistory(props: Record<string, string>, sheetId: number): { keys: string[]; rows: AdoptedHistoryRow[] } {
  const keys: string[] = [];
  const rows: AdoptedHistoryRow[] = [];
  for (const [k, raw] of Object.entries(props)) {
    if (!k.startsWith(HISTORY_PENDING_PREFIX)) continue;
    let v: { sheetId?: unknown; rows?: unknown };
    try {
      v = JSON.parse(raw) as typeof v;
    } catch {
      keys.push(k);
      continue;
    }
    if (typeof v.sheetId === 'number' && v.sheetId !== sheetId) continue;
    keys.push(k);
    if (v.sheetId !== sheetId || !Array.isArray(v.rows)) continue;
    for (const x of v.rows as unknown[]) {
      if (!Array.isArray(x) || x.length !== 6) continue;
      const [row, id, from, to, when, owner] = x as unknown[];
      if (!Number.isInteger(row) || typeof when !== 'number' || ![id, from, to, owner].every((s) => typeof s === 'string')) continue;
      rows.push({ key: k, row: row as number, id: id as string, from: from as string, to: to as string, when: new Date(when), owner: owner as string });
    }
  }
  // Appended in the order the changes were made.
  rows.sort((a, b) => a.when.getTime() - b.when.getTime());
  return { keys, rows };
}

const NOTE_KEY_BYTES = 7_000;

/** What identifies a block of history rows written at a known row: their ID, from and to, in order. */
const blockPrint = (rows: ReadonlyArray<readonly unknown[]>): string => checksum4(JSON.stringify(rows.map((r) => [String(r[0] ?? ''), String(r[1] ?? ''), String(r[2] ?? '')])));

/**
 * Appends the deferred changes, under the lock the caller holds, then drops their records. A change
 * whose client ID was deferred with it takes the ID its row holds now (filled by the deferred-ID
 * records first), read in one getValues over the rows they span. `props`: the document's properties,
 * read under that lock.
 *
 * The append and the deletion of its records are separate calls, and the time limit may strike between
 * them: before writing, the adoption records where its rows go, which records they come from and a
 * print of them ({@link HISTORY_APPENDING_PREFIX}). The next adoption that finds that note reads those
 * rows back: when they are there, the records it names are only deleted (not appended again);
 * otherwise nothing was written and they are appended like the rest.
 */
export function appendPendingHistory(store: GoogleAppsScript.Properties.Properties, ss: GoogleAppsScript.Spreadsheet.Spreadsheet, table: GoogleAppsScript.Spreadsheet.Sheet, pending: { keys: readonly string[]; rows: readonly AdoptedHistoryRow[] }, locale: Locale, sheetId: number, idCol: number | undefined, props: Readonly<Record<string, string>>): void {
  const noteKey = `${HISTORY_APPENDING_PREFIX}${sheetId}`;
  // The note names its records and must fit in one property value (9 KB): records past ~7 KB of keys
  // wait for the next adoption.
  let keys: readonly string[] = pending.keys;
  let size = 0;
  const fits = keys.findIndex((k) => (size += k.length + 3) > NOTE_KEY_BYTES);
  if (fits >= 0) keys = keys.slice(0, fits);
  const taken = new Set(keys);
  let rows: AdoptedHistoryRow[] = pending.rows.filter((r) => taken.has(r.key)).map((r) => ({ ...r }));
  const note = readAppendingNote(props[noteKey]);
  if (note) {
    const history = ss.getSheetByName(historySheetName(sheetId));
    const done = history !== null && history.getLastRow() >= note.at + note.count - 1
      && blockPrint(history.getRange(note.at, 1, note.count, 3).getValues()) === note.print;
    if (done) {
      const written = new Set(note.keys);
      for (const k of keys) if (written.has(k)) store.deleteProperty(k);
      keys = keys.filter((k) => !written.has(k));
      rows = rows.filter((r) => !written.has(r.key));
    }
    store.deleteProperty(noteKey);
  }
  if (rows.length > 0) {
    const blank = rows.filter((r) => r.id === '');
    if (idCol !== undefined && blank.length > 0) {
      const first = Math.min(...blank.map((r) => r.row));
      const last = Math.max(...blank.map((r) => r.row));
      const ids = table.getRange(first, idCol, last - first + 1, 1).getValues();
      for (const r of blank) r.id = String(ids[r.row - first]?.[0] ?? '');
    }
    const print = blockPrint(rows.map((r) => [r.id, r.from, r.to]));
    appendHistory(ss, table, rows, locale, sheetId, (_sheet, at) => {
      store.setProperty(noteKey, JSON.stringify({ at, count: rows.length, print, keys }));
    });
  }
  for (const k of keys) store.deleteProperty(k);
  if (rows.length > 0) store.deleteProperty(noteKey);
}

function readAppendingNote(raw: string | undefined): { at: number; count: number; print: string; keys: string[] } | null {
  if (raw === undefined) return null;
  try {
    const v = JSON.parse(raw) as { at?: unknown; count?: unknown; print?: unknown; keys?: unknown };
    if (!Number.isInteger(v.at) || !Number.isInteger(v.count) || (v.count as number) < 1 || typeof v.print !== 'string' || !Array.isArray(v.keys)) return null;
    return { at: v.at as number, count: v.count as number, print: v.print, keys: v.keys.filter((k): k is string => typeof k === 'string') };
  } catch {
    return null;
  }
}
