/**
 * The snapshot of a change, as rows of a hidden sheet: a header row (what the change was, where, when,
 * and a checksum) and the changed cells (where, and their content before and after) as one text stream
 * cut into cells of column A. Undo trusts a snapshot only when its header says it is one of ours and the
 * checksum (over every character of the stream) still holds, and every other cell is empty, so a
 * snapshot the user edited is refused rather than half-believed. Every cell of the sheet is plain text
 * ('@'), so what is stored is exactly what is read back.
 *
 * Why a stream: a 100,000-row cleanup changes ~200,000 cells; one row per cell would write 600,000
 * cells and hash 600,000 short strings twice. The stream writes a few hundred cells of 40,000
 * characters (Sheets holds 50,000 in a cell: https://support.google.com/drive/answer/37603) and is
 * hashed and parsed in single passes. Each cell record is `r,c,tb,ta,lb,la;` then the before and after
 * texts (lb and la characters long, so any character may appear in them); after the records, the
 * ranges of `flip` and `formats` as JSON. A cut never splits a surrogate pair.
 */
import type { Block, ChangedCell, Stored } from './cells';

export const SNAPSHOT_MAGIC = 'clientflow.snapshot';
export const SNAPSHOT_VERSION = 2;

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
  /** Rows of the stream after the header (v1: rows after the cells that hold `flip` and `formats`). */
  extra?: number;
  sum: string;
}

const TYPES = new Set(['s', 'n', 'b', 'd', 'f', 'p']);

const imul = Math.imul;

/**
 * One step of a fast string hash (31-multiplier polynomial, as Java's): the hash `h` continued over `s`
 * and its length. A long string is hashed by its first and last 64 characters and its length, which
 * keeps a 100,000-row snapshot's check well under a second while any edit of a short cell, and any edit
 * of a long one that changes its length, ends or start, is caught.
 */
export function fnv(h: number, s: string): number {
  const n = s.length;
  if (n <= 128) {
    for (let i = 0; i < n; i++) h = (imul(h, 31) + s.charCodeAt(i)) | 0;
  } else {
    for (let i = 0; i < 64; i++) h = (imul(h, 31) + s.charCodeAt(i)) | 0;
    for (let i = n - 64; i < n; i++) h = (imul(h, 31) + s.charCodeAt(i)) | 0;
  }
  return (imul(h, 31) + n + 0x9e3779b9) | 0;
}
export const FNV_START = 0x811c9dc5 | 0;

/** The hash of the strings, as 8 hex digits. */
export function checksum(parts: readonly string[]): string {
  let h = FNV_START;
  for (let i = 0; i < parts.length; i++) h = fnv(h, parts[i]);
  return (h >>> 0).toString(16).padStart(8, '0');
}

/** Characters per cell of the stream and of v1's range rows (Sheets allows 50,000 in a cell). */
const CHUNK = 40000;

/** The hash of every character of `s`, continued from `h`. */
function hashAll(h: number, s: string): number {
  const n = s.length;
  for (let i = 0; i < n; i++) h = (imul(h, 31) + s.charCodeAt(i)) | 0;
  return h;
}

/** The header fields the checksum covers besides the stream (where the change was, how many cells). */
function headHash(h: number, block: Block, count: number): number {
  for (const n of [block.top, block.left, block.rows, block.cols, count]) h = (imul(h, 31) + n) | 0;
  return h;
}

/** Cuts `s` into cells of at most CHUNK characters, never between the halves of a surrogate pair. */
function cut(s: string): string[] {
  const out: string[] = [];
  for (let at = 0; at < s.length;) {
    let end = Math.min(at + CHUNK, s.length);
    const last = s.charCodeAt(end - 1);
    if (end < s.length && last >= 0xd800 && last <= 0xdbff) end--;
    out.push(s.slice(at, end));
    at = end;
  }
  return out;
}

/** The rows of the snapshot sheet: the header (JSON in A1), then the stream's cells down column A. */
export function snapshotRows(head: Omit<SnapshotHeader, 'magic' | 'v' | 'count' | 'sum' | 'extra'>, cells: readonly ChangedCell[]): string[][] {
  const { flip, formats, ...rest } = head;
  const parts: string[] = new Array<string>(cells.length * 3 + 1);
  let k = 0;
  for (let i = 0; i < cells.length; i++) {
    const c = cells[i];
    parts[k++] = `${c.r},${c.c},${c.before.t},${c.after.t},${c.before.v.length},${c.after.v.length};`;
    parts[k++] = c.before.v;
    parts[k++] = c.after.v;
  }
  parts[k] = JSON.stringify({ flip: flip ?? [], formats: formats ?? [] });
  const stream = parts.join('');
  const chunks = cut(stream);
  const sum = hashAll(headHash(FNV_START, rest.block, cells.length), stream);
  const header: SnapshotHeader = { magic: SNAPSHOT_MAGIC, v: SNAPSHOT_VERSION, ...rest, count: cells.length, extra: chunks.length, sum: (sum >>> 0).toString(16).padStart(8, '0') };
  const rows: string[][] = new Array<string[]>(chunks.length + 1);
  rows[0] = [JSON.stringify(header), '', ''];
  for (let i = 0; i < chunks.length; i++) rows[i + 1] = [chunks[i], '', ''];
  return rows;
}

export type ReadSnapshot =
  | { ok: true; header: SnapshotHeader; cells: ChangedCell[] }
  | { ok: false; code: 'notOurs' | 'damaged' };

const DAMAGED: ReadSnapshot = { ok: false, code: 'damaged' };
const A1_RANGE = /^[A-Z]{1,3}\d+(:[A-Z]{1,3}\d+)?$/;

function emptyCell(v: unknown): boolean {
  return v === '' || v === null || v === undefined;
}

/** A whole number written in decimal at `s[at]` up to the character `stop`; [value, index after stop], or null. */
function readInt(s: string, at: number, stop: number): [number, number] | null {
  let n = 0;
  let i = at;
  for (; i < s.length; i++) {
    const ch = s.charCodeAt(i);
    if (ch === stop) break;
    if (ch < 48 || ch > 57 || i - at > 9) return null;
    n = n * 10 + ch - 48;
  }
  if (i === at || i >= s.length) return null;
  return [n, i + 1];
}

/** A type letter at `s[at]` followed by ','; its letter, or null. */
function readType(s: string, at: number): Stored['t'] | null {
  const t = s.charAt(at);
  return TYPES.has(t) && s.charCodeAt(at + 1) === 44 ? (t as Stored['t']) : null;
}

/** Reads the snapshot sheet's values back; refuses anything edited or not ours. */
export function readSnapshot(rows: ReadonlyArray<ReadonlyArray<unknown>>): ReadSnapshot {
  let header: SnapshotHeader;
  try {
    const h = JSON.parse(String(rows[0]?.[0] ?? '')) as Partial<SnapshotHeader>;
    if (h.magic !== SNAPSHOT_MAGIC) return { ok: false, code: 'notOurs' };
    if (h.v === 1 && typeof h.count === 'number' && h.block && typeof h.sheetId === 'number') return readSnapshotV1(h as SnapshotHeader, rows);
    if (h.v !== SNAPSHOT_VERSION || typeof h.count !== 'number' || !h.block || typeof h.sheetId !== 'number' || typeof h.extra !== 'number') return DAMAGED;
    header = h as SnapshotHeader;
  } catch {
    return { ok: false, code: 'notOurs' };
  }
  const n = header.extra ?? 0;
  if (rows.length - 1 < n) return DAMAGED;
  // Only column A of rows 2..n+1 holds the stream; other content there is an edit.
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i] ?? [];
    for (let c = i <= n ? 1 : 0; c < row.length; c++) if (!emptyCell(row[c])) return DAMAGED;
  }
  const pieces: string[] = new Array<string>(n);
  for (let i = 0; i < n; i++) pieces[i] = String(rows[i + 1]?.[0] ?? '');
  const stream = pieces.join('');
  const sum = hashAll(headHash(FNV_START, header.block, header.count), stream);
  if ((sum >>> 0).toString(16).padStart(8, '0') !== header.sum) return DAMAGED;
  const { block } = header;
  const cells: ChangedCell[] = new Array<ChangedCell>(header.count);
  let at = 0;
  for (let i = 0; i < header.count; i++) {
    const r = readInt(stream, at, 44);
    if (!r) return DAMAGED;
    const c = readInt(stream, r[1], 44);
    if (!c) return DAMAGED;
    const tb = readType(stream, c[1]);
    const ta = tb && readType(stream, c[1] + 2);
    if (!tb || !ta) return DAMAGED;
    const lb = readInt(stream, c[1] + 4, 44);
    const la = lb && readInt(stream, lb[1], 59);
    if (!lb || !la) return DAMAGED;
    const b0 = la[1];
    const a0 = b0 + lb[0];
    at = a0 + la[0];
    if (at > stream.length || r[0] >= block.rows || c[0] >= block.cols) return DAMAGED;
    cells[i] = { r: r[0], c: c[0], before: { t: tb, v: stream.slice(b0, a0) }, after: { t: ta, v: stream.slice(a0, at) } };
  }
  try {
    const extra = JSON.parse(stream.slice(at)) as { flip?: unknown; formats?: unknown };
    const flip = Array.isArray(extra.flip) ? extra.flip.filter((r): r is string => typeof r === 'string' && A1_RANGE.test(r)) : [];
    const formats = Array.isArray(extra.formats)
      ? extra.formats
        .filter((g): g is { format: string; ranges: unknown[] } => typeof g === 'object' && g !== null && typeof (g as { format?: unknown }).format === 'string' && Array.isArray((g as { ranges?: unknown }).ranges))
        .map((g) => ({ format: g.format, ranges: g.ranges.filter((r): r is string => typeof r === 'string' && A1_RANGE.test(r)) }))
      : [];
    header.flip = flip;
    header.formats = formats;
  } catch {
    return DAMAGED;
  }
  return { ok: true, header, cells };
}

/** The hash continued over a cell's place and types (v1: what its meta cell says, strictly parsed). */
function cellKey(h: number, r: number, c: number, tb: string, ta: string): number {
  h = (imul(h, 31) + r) | 0;
  h = (imul(h, 31) + c) | 0;
  h = (imul(h, 31) + tb.charCodeAt(0)) | 0;
  return (imul(h, 31) + ta.charCodeAt(0)) | 0;
}

/**
 * A snapshot of the first version (one row per changed cell: meta, before, after; then rows of ranges),
 * as a change made before an update left it: still undone.
 */
function readSnapshotV1(header: SnapshotHeader, rows: ReadonlyArray<ReadonlyArray<unknown>>): ReadSnapshot {
  if (rows.length - 1 < header.count) return DAMAGED;
  const cells: ChangedCell[] = [];
  let h = FNV_START;
  for (let i = 1; i <= header.count; i++) {
    const row = rows[i] ?? [];
    const meta = String(row[0] ?? '');
    const before = String(row[1] ?? '');
    const after = String(row[2] ?? '');
    const m = /^(\d+),(\d+),([a-z]),([a-z])$/.exec(meta);
    if (!m || !TYPES.has(m[3]) || !TYPES.has(m[4])) return DAMAGED;
    const r = Number(m[1]);
    const c = Number(m[2]);
    h = fnv(fnv(cellKey(h, r, c, m[3], m[4]), before), after);
    if (r >= header.block.rows || c >= header.block.cols) return DAMAGED;
    cells.push({ r, c, before: { t: m[3] as Stored['t'], v: before }, after: { t: m[4] as Stored['t'], v: after } });
  }
  const extra = header.extra ?? 0;
  if (rows.length - 1 < header.count + extra) return DAMAGED;
  const flip: string[] = [];
  const groups = new Map<string, string[]>();
  for (let i = header.count + 1; i <= header.count + extra; i++) {
    const [tag, format, chunk] = (rows[i] ?? []).map((v) => String(v ?? ''));
    h = fnv(fnv(fnv(h, tag ?? ''), format ?? ''), chunk ?? '');
    const ranges = (chunk ?? '').split(',').filter((r) => A1_RANGE.test(r));
    if (tag === 'flip') flip.push(...ranges);
    else if (tag === 'fmt') groups.set(format ?? '', [...(groups.get(format ?? '') ?? []), ...ranges]);
    else return DAMAGED;
  }
  header.flip = flip;
  header.formats = [...groups].map(([format, ranges]) => ({ format, ranges }));
  for (let i = header.count + extra + 1; i < rows.length; i++) if ((rows[i] ?? []).some((v) => v !== '' && v !== null)) return DAMAGED;
  if ((h >>> 0).toString(16).padStart(8, '0') !== header.sum) return DAMAGED;
  return { ok: true, header, cells };
}
