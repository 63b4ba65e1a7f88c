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
  sum: string;
}

const TYPES = new Set(['s', 'n', 'b', 'd', 'f', 'p']);

/** One step of FNV-1a: the hash `h` continued over `s` and a separator. */
export function fnv(h: number, s: string): number {
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  h ^= 0x1f;
  return Math.imul(h, 0x01000193) >>> 0;
}
export const FNV_START = 0x811c9dc5;

/** FNV-1a over the strings, as 8 hex digits. */
export function checksum(parts: readonly string[]): string {
  let h = 0x811c9dc5;
  for (const s of parts) {
    for (let i = 0; i < s.length; i++) {
      h ^= s.charCodeAt(i);
      h = Math.imul(h, 0x01000193) >>> 0;
    }
    h ^= 0x1f;
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, '0');
}

function cellRow(c: ChangedCell): [string, string, string] {
  return [`${c.r},${c.c},${c.before.t},${c.after.t}`, c.before.v, c.after.v];
}

/** The rows of the snapshot sheet: the header (JSON in A1) and one row per cell. */
export function snapshotRows(head: Omit<SnapshotHeader, 'magic' | 'v' | 'count' | 'sum'>, cells: readonly ChangedCell[]): string[][] {
  const body = cells.map(cellRow);
  const header: SnapshotHeader = { magic: SNAPSHOT_MAGIC, v: SNAPSHOT_VERSION, ...head, count: cells.length, sum: checksum(body.flat()) };
  return [[JSON.stringify(header), '', ''], ...body];
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
  const parts: string[] = [];
  for (let i = 1; i <= header.count; i++) {
    const row = rows[i] ?? [];
    const meta = String(row[0] ?? '');
    const before = String(row[1] ?? '');
    const after = String(row[2] ?? '');
    parts.push(meta, before, after);
    const m = /^(\d+),(\d+),([a-z]),([a-z])$/.exec(meta);
    if (!m || !TYPES.has(m[3]) || !TYPES.has(m[4])) return { ok: false, code: 'damaged' };
    const r = Number(m[1]);
    const c = Number(m[2]);
    if (r >= header.block.rows || c >= header.block.cols) return { ok: false, code: 'damaged' };
    cells.push({ r, c, before: { t: m[3] as Stored['t'], v: before }, after: { t: m[4] as Stored['t'], v: after } });
  }
  for (let i = header.count + 1; i < rows.length; i++) if ((rows[i] ?? []).some((v) => v !== '' && v !== null)) return { ok: false, code: 'damaged' };
  if (checksum(parts) !== header.sum) return { ok: false, code: 'damaged' };
  return { ok: true, header, cells };
}
