/**
 * Backups of the table, pure part: the index of backups (one document property), the settings saved
 * with each backup (the config's properties and the protected-columns setting, split across
 * properties like the config itself), which backups to drop when more than KEEP exist, the dated name
 * of a backup sheet, and how cells are written so that a copy reads back exactly as the original.
 *
 * A backup is a hidden sheet holding a cell-for-cell copy of the table's sheet (from A1, so rows and
 * columns keep their places), plus its settings here. Restoring puts the copy's values, formulas and
 * number formats back in the table's sheet and its settings back in the properties.
 */
import { calendarParts, pad2, ymd } from '../fields/calendar';
import * as z from 'zod/mini';
import { lazy } from '../lazy';
import { splitUtf8 } from '../config';

/** How many backups are kept; a new one beyond this removes the oldest. */
export const BACKUP_KEEP = 5;
export const BACKUP_INDEX_KEY = 'clientflow.backups';
export const BACKUP_SETTINGS_PREFIX = 'clientflow.backup.';
/** Below the 9 KB per property value limit, with room for the key. */
const CHUNK_BYTES = 8000;

export const backupEntrySchema = lazy(() => z.object({
  /** Sheet id of the hidden backup sheet. */
  sheetId: z.int(),
  sheetName: z.string(),
  /** When it was made (ISO). */
  at: z.string(),
  /** The table's sheet it copies. */
  sourceSheetId: z.int(),
  sourceName: z.string(),
  /** The table's header row when it was made (rows below it are clients). */
  headerRow: z._default(z.int().check(z.gte(1)), 1),
  /** Size of the copied block (from A1). */
  rows: z.int().check(z.gte(0)),
  cols: z.int().check(z.gte(0)),
  /** How many properties hold its settings. */
  parts: z.int().check(z.gte(0)),
}));
export type BackupEntry = z.output<typeof backupEntrySchema>;

const indexSchema = lazy(() => z.object({ v: z.literal(1), backups: z.array(backupEntrySchema) }));

/** The backups listed in the properties, newest first; an unreadable index reads as none. */
export function readIndex(props: Readonly<Record<string, string>>): BackupEntry[] {
  const raw = props[BACKUP_INDEX_KEY];
  if (raw === undefined) return [];
  try {
    const r = indexSchema.safeParse(JSON.parse(raw));
    return r.success ? sortNewestFirst(r.data.backups) : [];
  } catch {
    return [];
  }
}

export function sortNewestFirst(list: readonly BackupEntry[]): BackupEntry[] {
  return [...list].sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : b.sheetId - a.sheetId));
}

export function indexProps(list: readonly BackupEntry[]): Record<string, string> {
  return { [BACKUP_INDEX_KEY]: JSON.stringify({ v: 1, backups: sortNewestFirst(list) }) };
}

/** What is saved with a backup: the properties that make up the table's settings. */
export type BackupSettings = Record<string, string>;

export function settingsKeys(sheetId: number, parts: number): string[] {
  return Array.from({ length: parts }, (_, i) => `${BACKUP_SETTINGS_PREFIX}${sheetId}.${i}`);
}

export function encodeSettings(sheetId: number, settings: BackupSettings): { parts: number; props: Record<string, string> } {
  const chunks = splitUtf8(JSON.stringify(settings), CHUNK_BYTES);
  const keys = settingsKeys(sheetId, chunks.length);
  const props: Record<string, string> = {};
  chunks.forEach((c, i) => {
    props[keys[i] as string] = c;
  });
  return { parts: chunks.length, props };
}

/** The settings saved with `entry`, or null when they are missing or unreadable. */
export function decodeSettings(props: Readonly<Record<string, string>>, entry: BackupEntry): BackupSettings | null {
  let json = '';
  for (const k of settingsKeys(entry.sheetId, entry.parts)) {
    const part = props[k];
    if (part === undefined) return null;
    json += part;
  }
  try {
    const v = JSON.parse(json) as unknown;
    const r = z.record(z.string(), z.string()).safeParse(v);
    return r.success ? r.data : null;
  } catch {
    return null;
  }
}

/**
 * After adding `added`: the entries to keep (newest first) and those to remove (the oldest beyond
 * `keep`), never removing one whose sheet id is in `spare` (a backup being restored).
 */
export function retain(
  list: readonly BackupEntry[],
  keep: number = BACKUP_KEEP,
  spare: ReadonlySet<number> = new Set(),
): { kept: BackupEntry[]; removed: BackupEntry[] } {
  const sorted = sortNewestFirst(list);
  const kept: BackupEntry[] = [];
  const removed: BackupEntry[] = [];
  for (const e of sorted) {
    if (kept.length < keep || spare.has(e.sheetId)) kept.push(e);
    else removed.push(e);
  }
  // Sparing one may leave more than `keep`: drop the oldest unspared ones first.
  while (kept.length > keep) {
    const i = findLastIndex(kept, (e) => !spare.has(e.sheetId));
    if (i < 0) break;
    removed.push(...kept.splice(i, 1));
  }
  return { kept, removed };
}

function findLastIndex<T>(a: readonly T[], p: (x: T) => boolean): number {
  for (let i = a.length - 1; i >= 0; i--) if (p(a[i] as T)) return i;
  return -1;
}

/**
 * 'YYYY-MM-DD HH:mm' of `at` in `timeZone` (the spreadsheet's, checked by the add-on: an unknown zone is
 * reported there, never read as UTC), for names and lists. The calendar of the field types does it.
 */
export function stamp(at: Date, timeZone: string, seconds = false): string {
  const p = calendarParts(at, timeZone);
  if (!p) return '';
  const base = `${ymd(p.y, p.m, p.d)} ${pad2(p.hh)}:${pad2(p.mm)}`;
  return seconds ? `${base}:${pad2(p.ss)}` : base;
}

/** A sheet name not taken yet: `base`, else `base (2)`, `base (3)`… (sheet names compare without case). */
export function freeName(base: string, taken: readonly string[]): string {
  const lower = new Set(taken.map((n) => n.toLowerCase()));
  if (!lower.has(base.toLowerCase())) return base;
  for (let i = 2; ; i++) {
    const n = `${base} (${i})`;
    if (!lower.has(n.toLowerCase())) return n;
  }
}

export type Cell = string | number | boolean | Date;

/**
 * The values to write so that each cell reads back as it was: a formula as its formula; a text as
 * text even where Sheets would parse it (a leading apostrophe, Sheets' quote prefix, unless the cell's
 * number format is plain text '@', where text is kept as it is); numbers, booleans and dates as they are.
 * Ref: https://support.google.com/docs/answer/3094146 (the apostrophe keeps a value as text)
 * Ref: https://developers.google.com/apps-script/reference/spreadsheet/range#setValues(Object)
 */
export function cellsToWrite(
  values: readonly (readonly Cell[])[],
  formulas: readonly (readonly string[])[],
  formats: readonly (readonly string[])[],
): Cell[][] {
  return values.map((row, r) =>
    row.map((v, c) => {
      const f = formulas[r]?.[c] ?? '';
      if (f !== '') return f;
      if (typeof v === 'string' && v !== '' && formats[r]?.[c] !== '@') return `'${v}`;
      return v;
    }),
  );
}
