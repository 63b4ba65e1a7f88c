/**
 * The snapshot of a change, as rows of a hidden sheet: a header row (what the change was, where, when,
 * and a checksum) and one row per changed cell (where, and its content before and after). Undo trusts a
 * snapshot only when its header says it is one of ours and the checksum still holds, so a snapshot the
 * user edited is refused rather than half-believed. Every cell of the sheet is plain text ('@'), so what
 * is stored is exactly what is read back. One changed cell takes three cells (a 50,000-character value
 * fits one).
 */
import type { Block, ChangedCell, Stored } from './cells';

export const SNAPSHOT_MAGIC = 'clientflow.snapshot';
export const SNAPSHOT_VERSION = 1;

export interface SnapshotHeader {
  magic: typeof SNAPSHOT_MAGIC;
  v: number;
  /** Unique id of the change (also written beside its rows in the archive). */
  id: string;
  /** What made the change ('cleanup', 'merge'…). */
  action: string;
  /** ISO time of the change. */
  when: string;
  sheetId: number;
  sheetName: string;
  block: Block;
  /** Formula cells of plain-text format the write flipped to the automatic format around it (A1). */
  flip?: string[];
  /** Number formats the write changed as a side effect, as they were (undo restores them). */
  formats?: Array<{ format: string; ranges: string[] }>;
  count: number;
  /** Rows after the cells that hold `flip` and `formats` (a cell holds at most 50,000 characters). */
  extra?: number;
  sum: string;
}

const TYPES = new Set(['s', 'n', 'b', 'd', 'f', 'p']);

/**
 * One step of a fast string hash (31-multiplier polynomial, as Java's): the hash `h` continued over `s`
 * and its length. A long string is hashed by its first and last 64 characters and its length, which
 * keeps a 100,000-row snapshot's check well under a second while any edit of a short cell, and any edit
 * of a long one that changes its length, ends or start, is caught.
 */
export function fnv(h: number, s: string): number {
  const n = s.length;
  if (n <= 128) {
    for (let i = 0; i < n; i++) h = (Math.imul(h, 31) + s.charCodeAt(i)) | 0;
  } else {
    for (let i = 0; i < 64; i++) h = (Math.imul(h, 31) + s.charCodeAt(i)) | 0;
    for (let i = n - 64; i < n; i++) h = (Math.imul(h, 31) + s.charCodeAt(i)) | 0;
  }
  return (Math.imul(h, 31) + n + 0x9e3779b9) | 0;
}
export const FNV_START = 0x811c9dc5 | 0;

/** The hash of the strings, as 8 hex digits. */
export function checksum(parts: readonly string[]): string {
  let h = FNV_START;
  for (let i = 0; i < parts.length; i++) h = fnv(h, parts[i]);
  return (h >>> 0).toString(16).padStart(8, '0');
}

/** The hash continued over a cell's place and types (what its meta cell says, strictly parsed). */
function cellKey(h: number, r: number, c: number, tb: string, ta: string): number {
  h = (Math.imul(h, 31) + r) | 0;
  h = (Math.imul(h, 31) + c) | 0;
  h = (Math.imul(h, 31) + tb.charCodeAt(0)) | 0;
  return (Math.imul(h, 31) + ta.charCodeAt(0)) | 0;
}

function cellRow(c: ChangedCell): [string, string, string] {
  return [`${c.r},${c.c},${c.before.t},${c.after.t}`, c.before.v, c.after.v];
}

/** Characters of A1 ranges per cell (Sheets allows 50,000 in a cell). */
const CHUNK = 40000;

function rangeRows(tag: 'flip' | 'fmt', format: string, ranges: readonly string[]): string[][] {
  const rows: string[][] = [];
  let chunk = '';
  for (const r of ranges) {
    if (chunk.length + r.length + 1 > CHUNK && chunk !== '') { rows.push([tag, format, chunk]); chunk = ''; }
    chunk = chunk === '' ? r : `${chunk},${r}`;
  }
  if (chunk !== '') rows.push([tag, format, chunk]);
  return rows;
}

/** The rows of the snapshot sheet: the header (JSON in A1), one row per cell, then the format rows. */
export function snapshotRows(head: Omit<SnapshotHeader, 'magic' | 'v' | 'count' | 'sum' | 'extra'>, cells: readonly ChangedCell[]): string[][] {
  const { flip, formats, ...rest } = head;
  const body = cells.map(cellRow);
  const extra = [...rangeRows('flip', '@', flip ?? []), ...(formats ?? []).flatMap((g) => rangeRows('fmt', g.format, g.ranges))];
  let h = FNV_START;
  for (const c of cells) h = fnv(fnv(cellKey(h, c.r, c.c, c.before.t, c.after.t), c.before.v), c.after.v);
  for (const row of extra) { h = fnv(h, row[0]); h = fnv(h, row[1]); h = fnv(h, row[2]); }
  const header: SnapshotHeader = { magic: SNAPSHOT_MAGIC, v: SNAPSHOT_VERSION, ...rest, count: cells.length, extra: extra.length, sum: (h >>> 0).toString(16).padStart(8, '0') };
  return [[JSON.stringify(header), '', ''], ...body, ...extra];
}

export type ReadSnapshot =
  | { ok: true; header: SnapshotHeader; cells: ChangedCell[] }
  | { ok: false; code: 'notOurs' | 'damaged' };

/** Reads the snapshot sheet's values back; refuses anything edited or not ours. */
export function readSnapshot(rows: ReadonlyArray<ReadonlyArray<unknown>>): ReadSnapshot {
  let header: SnapshotHeader;
  try {
    const h = JSON.parse(String(rows[0]?.[0] ?? '')) as Partial<SnapshotHeader>;
    if (h.magic !== SNAPSHOT_MAGIC) return { ok: false, code: 'notOurs' };
    if (h.v !== SNAPSHOT_VERSION || typeof h.count !== 'number' || !h.block || typeof h.sheetId !== 'number') return { ok: false, code: 'damaged' };
    header = h as SnapshotHeader;
  } catch {
    return { ok: false, code: 'notOurs' };
  }
  if (rows.length - 1 < header.count) return { ok: false, code: 'damaged' };
  const cells: ChangedCell[] = [];
  let h = FNV_START;
  for (let i = 1; i <= header.count; i++) {
    const row = rows[i] ?? [];
    const meta = String(row[0] ?? '');
    const before = String(row[1] ?? '');
    const after = String(row[2] ?? '');
    const m = /^(\d+),(\d+),([a-z]),([a-z])$/.exec(meta);
    if (!m || !TYPES.has(m[3]) || !TYPES.has(m[4])) return { ok: false, code: 'damaged' };
    const r = Number(m[1]);
    const c = Number(m[2]);
    h = fnv(fnv(cellKey(h, r, c, m[3], m[4]), before), after);
    if (r >= header.block.rows || c >= header.block.cols) return { ok: false, code: 'damaged' };
    cells.push({ r, c, before: { t: m[3] as Stored['t'], v: before }, after: { t: m[4] as Stored['t'], v: after } });
  }
  const extra = header.extra ?? 0;
  if (rows.length - 1 < header.count + extra) return { ok: false, code: 'damaged' };
  const flip: string[] = [];
  const groups = new Map<string, string[]>();
  for (let i = header.count + 1; i <= header.count + extra; i++) {
    const [tag, format, chunk] = (rows[i] ?? []).map((v) => String(v ?? ''));
    h = fnv(fnv(fnv(h, tag ?? ''), format ?? ''), chunk ?? '');
    const ranges = (chunk ?? '').split(',').filter((r) => /^[A-Z]{1,3}\d+(:[A-Z]{1,3}\d+)?$/.test(r));
    if (tag === 'flip') flip.push(...ranges);
    else if (tag === 'fmt') groups.set(format ?? '', [...(groups.get(format ?? '') ?? []), ...ranges]);
    else return { ok: false, code: 'damaged' };
  }
  header.flip = flip;
  header.formats = [...groups].map(([format, ranges]) => ({ format, ranges }));
  for (let i = header.count + extra + 1; i < rows.length; i++) if ((rows[i] ?? []).some((v) => v !== '' && v !== null)) return { ok: false, code: 'damaged' };
  if ((h >>> 0).toString(16).padStart(8, '0') !== header.sum) return { ok: false, code: 'damaged' };
  return { ok: true, header, cells };
}
