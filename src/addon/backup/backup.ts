/**
 * Backups the user can see: "Back up the table" copies the table's sheet (values, formulas, number
 * formats, from A1 to its last row and column) to a new hidden sheet named with the date, and saves
 * the table's settings (config and protected columns) beside it in the document properties; at most
 * BACKUP_KEEP are kept, the oldest removed. "Restore a backup" puts a copy back (backing up the table
 * as it is first, so a restore can itself be undone by restoring that one).
 *
 * Batched: a backup reads the block in three calls (values, formulas, formats) and writes it in two
 * (formats, then values), whatever the number of rows; listing is one properties read and one call
 * per sheet (its id).
 * Ref: https://developers.google.com/apps-script/reference/spreadsheet/spreadsheet#insertSheet(String)
 * Ref: https://developers.google.com/apps-script/reference/spreadsheet/sheet#hideSheet()
 * Ref: https://developers.google.com/apps-script/reference/spreadsheet/range#setNumberFormats(Object)
 */
import {
  BACKUP_KEEP,
  cellsToWrite,
  decodeSettings,
  encodeSettings,
  freeName,
  indexProps,
  readIndex,
  retain,
  settingsKeys,
  stamp,
  type BackupEntry,
  type BackupSettings,
  type Cell,
} from '../../core/backup';
import { CONFIG_KEY, TABLE_KEY_PREFIX, configKeys, decodeConfig, tableKey } from '../../core/config';
import { t, type Locale } from '../../core/i18n';
import { PROTECT_KEY, readProtectSetting } from '../../core/protect';
import { idCounterProps, readProps, requireConfigOrNull } from '../config/store';
import { readTimeZone, noTableHere, requireTableSheet } from '../sheet/table';
import { UserError } from '../runtime/errors';
import { applyProtection, tableContext } from '../protect/protect';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** Sheets' cell limit for a whole spreadsheet. Ref: https://support.google.com/drive/answer/37603 */
const SPREADSHEET_CELL_LIMIT = 10_000_000;

/** Rows of clients in a backup (below its header row). */
export function dataRows(e: BackupEntry): number {
  return Math.max(0, e.rows - e.headerRow);
}

export interface BackupView {
  id: number;
  date: string;
  sheetName: string;
  sourceName: string;
  rows: number;
}

function view(e: BackupEntry, tz: string): BackupView {
  return { id: e.sheetId, date: stamp(new Date(e.at), tz), sheetName: e.sheetName, sourceName: e.sourceName, rows: dataRows(e) };
}

/** The backups whose sheets still exist, newest first (entries of deleted sheets are forgotten). */
export function listBackups(
  ss: Spreadsheet = SpreadsheetApp.getActiveSpreadsheet(),
  props: Record<string, string> = readProps(),
): BackupEntry[] {
  const ids = new Set(ss.getSheets().map((s) => s.getSheetId()));
  return readIndex(props).filter((e) => ids.has(e.sheetId));
}

export function listView(): { keep: number; backups: BackupView[] } {
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const tz = readTimeZone(ss);
  return { keep: BACKUP_KEEP, backups: listBackups(ss).map((e) => view(e, tz)) };
}

/**
 * The table's settings as they are stored now: its config's properties (its own key, else the single
 * table key of earlier versions) and the protection setting.
 */
function currentSettings(props: Readonly<Record<string, string>>, sheetId: number): BackupSettings {
  const out: BackupSettings = {};
  const key = props[tableKey(sheetId)] !== undefined ? tableKey(sheetId) : CONFIG_KEY;
  for (const k of configKeys(props, key)) out[k] = props[k] as string;
  if (props[PROTECT_KEY] !== undefined) out[PROTECT_KEY] = props[PROTECT_KEY];
  return out;
}

/** Whether the single table key of earlier versions holds this sheet's table (restoring replaces it). */
function legacyOf(props: Readonly<Record<string, string>>, sheetId: number): boolean {
  if (props[CONFIG_KEY] === undefined) return false;
  const r = decodeConfig(props);
  return r.ok && r.schema.location?.sheetId === sheetId;
}

interface Block {
  values: Cell[][];
  formulas: string[][];
  formats: string[][];
}

function read(sheet: Sheet, rows: number, cols: number): Block {
  if (rows === 0 || cols === 0) return { values: [], formulas: [], formats: [] };
  const r = sheet.getRange(1, 1, rows, cols);
  return { values: r.getValues() as Cell[][], formulas: r.getFormulas(), formats: r.getNumberFormats() };
}

/** Writes `block` at A1 of `sheet`: formats first (so plain-text cells take text as it is), then values. */
function write(sheet: Sheet, block: Block): void {
  const rows = block.values.length;
  const cols = block.values[0]?.length ?? 0;
  if (rows === 0 || cols === 0) return;
  const r = sheet.getRange(1, 1, rows, cols);
  // A formula written into a plain-text ('@') cell would stay text: such cells get the automatic
  // format while the values go in, and their own format right after (a format set later re-parses nothing).
  let textFormula = false;
  const first = block.formats.map((row, i) =>
    row.map((f, j) => {
      if (f === '@' && (block.formulas[i]?.[j] ?? '') !== '') {
        textFormula = true;
        return 'General';
      }
      return f;
    }),
  );
  r.setNumberFormats(first);
  r.setValues(cellsToWrite(block.values, block.formulas, first));
  if (textFormula) r.setNumberFormats(block.formats);
}

/** `block` grown to rows × cols with empty cells whose formats are taken from `formats`. */
function pad(block: Block, rows: number, cols: number, formats: string[][]): Block {
  const out: Block = { values: [], formulas: [], formats: [] };
  for (let r = 0; r < rows; r++) {
    const v: Cell[] = [];
    const f: string[] = [];
    const n: string[] = [];
    for (let c = 0; c < cols; c++) {
      const inside = r < block.values.length && c < (block.values[r]?.length ?? 0);
      v.push(inside ? (block.values[r]?.[c] as Cell) : '');
      f.push(inside ? (block.formulas[r]?.[c] ?? '') : '');
      n.push(inside ? (block.formats[r]?.[c] ?? 'General') : (formats[r]?.[c] ?? 'General'));
    }
    out.values.push(v);
    out.formulas.push(f);
    out.formats.push(n);
  }
  return out;
}

/** Grows or shrinks `sheet` to exactly rows × cols (at least 1 × 1), so a backup costs only its cells. */
function fit(sheet: Sheet, rows: number, cols: number): void {
  const wantR = Math.max(1, rows);
  const wantC = Math.max(1, cols);
  const maxR = sheet.getMaxRows();
  const maxC = sheet.getMaxColumns();
  if (maxR < wantR) sheet.insertRowsAfter(maxR, wantR - maxR);
  else if (maxR > wantR) sheet.deleteRows(wantR + 1, maxR - wantR);
  if (maxC < wantC) sheet.insertColumnsAfter(maxC, wantC - maxC);
  else if (maxC > wantC) sheet.deleteColumns(wantC + 1, maxC - wantC);
}

export interface BackupResult {
  entry: BackupEntry;
  removed: BackupEntry[];
  kept: BackupEntry[];
}

/**
 * Copies the table's sheet to a new hidden backup sheet and records it; removes the oldest beyond
 * BACKUP_KEEP (never one in `spare`). Call under the document lock.
 */
export function backUpTable(locale: Locale, now: Date = new Date(), spare: ReadonlySet<number> = new Set()): BackupResult {
  const schema = requireConfigOrNull();
  if (!schema || !schema.location) throw noTableHere('backup.noTable');
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const source = requireTableSheet(ss, schema);
  const rows = source.getLastRow();
  const cols = source.getLastColumn();
  const sheets = ss.getSheets();
  let cells = 0;
  for (const s of sheets) cells += s.getMaxRows() * s.getMaxColumns();
  if (cells + Math.max(1, rows) * Math.max(1, cols) > SPREADSHEET_CELL_LIMIT) {
    throw new UserError('backup.tooLarge', { cells: rows * cols });
  }
  const block = read(source, rows, cols);
  const props = readProps();
  const tz = readTimeZone(ss);
  const name = freeName(
    t(locale, 'backup.sheetName', { date: stamp(now, tz) }),
    sheets.map((s) => s.getName()),
  );
  const active = ss.getActiveSheet();
  const sheet = ss.insertSheet(name, sheets.length);
  fit(sheet, rows, cols);
  write(sheet, block);
  ss.setActiveSheet(active);
  sheet.hideSheet();
  const id = sheet.getSheetId();
  const settings = encodeSettings(id, currentSettings(props, source.getSheetId()));
  const entry: BackupEntry = {
    sheetId: id,
    sheetName: name,
    at: now.toISOString(),
    sourceSheetId: source.getSheetId(),
    sourceName: source.getName(),
    headerRow: schema.location.headerRow,
    rows,
    cols,
    parts: settings.parts,
  };
  const existing = new Set(sheets.map((s) => s.getSheetId()));
  const live = readIndex(props).filter((e) => existing.has(e.sheetId));
  const { kept, removed } = retain([entry, ...live], undefined, spare);
  const store = PropertiesService.getDocumentProperties();
  store.setProperties({ ...settings.props, ...indexProps(kept) }, false);
  forget(ss, removed);
  // Entries of sheets the user deleted by hand: their settings go too.
  const gone = readIndex(props).filter((e) => !existing.has(e.sheetId));
  for (const e of gone) for (const k of settingsKeys(e.sheetId, e.parts)) if (props[k] !== undefined) store.deleteProperty(k);
  return { entry, removed, kept };
}

/** Deletes the sheets and settings of `removed`. */
function forget(ss: Spreadsheet, removed: readonly BackupEntry[]): void {
  if (removed.length === 0) return;
  const store = PropertiesService.getDocumentProperties();
  const byId = new Map(ss.getSheets().map((s) => [s.getSheetId(), s] as const));
  for (const e of removed) {
    const s = byId.get(e.sheetId);
    if (s) ss.deleteSheet(s);
    for (const k of settingsKeys(e.sheetId, e.parts)) store.deleteProperty(k);
  }
}

export function backupMessage(r: BackupResult, locale: Locale, tz: string): string {
  const lines = [t(locale, 'backup.done', { rows: dataRows(r.entry), sheet: r.entry.sheetName, count: r.kept.length, keep: BACKUP_KEEP })];
  for (const e of r.removed) lines.push(t(locale, 'backup.removedOldest', { date: stamp(new Date(e.at), tz) }));
  return lines.join('\n');
}

/**
 * Puts backup `id` back: reads it, backs up the table as it is (sparing `id`), writes the copy over the
 * table's sheet (cells past the copy cleared), and restores its settings and column protections.
 * Call under the document lock.
 */
export function restoreBackup(id: number, locale: Locale, now: Date = new Date()): { message: string } {
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const props = readProps();
  const entry = listBackups(ss, props).find((e) => e.sheetId === id);
  const sheet = entry ? ss.getSheets().find((s) => s.getSheetId() === id) : undefined;
  if (!entry || !sheet) throw new UserError('backup.gone');
  const settings = decodeSettings(props, entry);
  if (!settings) throw new UserError('backup.gone');
  const block = read(sheet, entry.rows, entry.cols);
  const safety = backUpTable(locale, now, new Set([id]));
  const schema = requireConfigOrNull();
  const target = ss.getSheets().find((s) => s.getSheetId() === entry.sourceSheetId) ?? (schema ? requireTableSheet(ss, schema) : null);
  if (!target) throw new UserError('backup.noTable');
  const lastR = target.getLastRow();
  const lastC = target.getLastColumn();
  if (target.getMaxRows() < entry.rows) target.insertRowsAfter(target.getMaxRows(), entry.rows - target.getMaxRows());
  if (target.getMaxColumns() < entry.cols) target.insertColumnsAfter(target.getMaxColumns(), entry.cols - target.getMaxColumns());
  // One write covers the copy and every cell that holds a value now (emptied), so the table's values are
  // either all as they were or all the backup's, never half (a refusal, such as a protected range,
  // changes no value). Cells outside the copy keep their own number formats.
  const rows = Math.max(lastR, entry.rows);
  const cols = Math.max(lastC, entry.cols);
  const current = rows > 0 && cols > 0 ? target.getRange(1, 1, rows, cols).getNumberFormats() : [];
  write(target, pad(block, rows, cols, current));
  // Settings: the backup's config replaces the current one (stale parts deleted); the client-ID counter
  // is reset to "unknown", so the next edit reads the restored ID column once.
  const store = PropertiesService.getDocumentProperties();
  const now2 = readProps();
  // The config goes back under the table's own key, whichever key it was saved under (a backup made
  // before tables were stored per sheet holds the single table key).
  const own = tableKey(target.getSheetId());
  const restoredConfig: Record<string, string> = {};
  for (const [k, v] of Object.entries(settings)) {
    if (k === PROTECT_KEY) continue;
    const from = k === CONFIG_KEY || k.startsWith(`${CONFIG_KEY}.`) ? CONFIG_KEY : k.startsWith(`${TABLE_KEY_PREFIX}`) ? k.replace(/^(clientflow\.table\.-?\d+).*$/, '$1') : null;
    if (from === null) continue;
    restoredConfig[own + k.slice(from.length)] = v;
  }
  store.setProperties(
    {
      ...restoredConfig,
      ...idCounterProps(target.getSheetId(), null),
      ...(settings[PROTECT_KEY] !== undefined ? { [PROTECT_KEY]: settings[PROTECT_KEY] } : {}),
    },
    false,
  );
  const stale = [...configKeys(now2, own), ...(restoredConfig[own] !== undefined && legacyOf(now2, target.getSheetId()) ? configKeys(now2) : [])];
  for (const k of stale) if (!(k in restoredConfig)) store.deleteProperty(k);
  if (settings[PROTECT_KEY] === undefined && now2[PROTECT_KEY] !== undefined) store.deleteProperty(PROTECT_KEY);
  if (Object.keys(restoredConfig).length > 0) {
    applyProtection(tableContext(), readProtectSetting(settings), locale);
  }
  const tz = readTimeZone(ss);
  return {
    message: t(locale, 'backup.restored', {
      date: stamp(new Date(entry.at), tz),
      sheet: target.getName(),
      rows: dataRows(entry),
      safety: safety.entry.sheetName,
    }),
  };
}
