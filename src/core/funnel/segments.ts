/**
 * Trends and segments of a table, for the Funnel sheet's charts: new clients per month (by created
 * date), and clients and deal value per channel or per owner. Every row that passes the filters counts,
 * whatever its stage. Pure.
 */
import { foldKey } from '../fields/dropdown';
import { serialToParts, dateToSerial } from '../fields/calendar';
import { recordFilter } from './compute';
import type { FunnelFilters, FunnelRecord } from './types';

export interface MonthCount {
  /** 'YYYY-MM'. */
  month: string;
  /** Serial of the month's first day. */
  start: number;
  count: number;
}

const monthMemo = new Map<number, { y: number; m: number } | null>();
/** The year and month of a serial (memoized by day: a table's creation dates span few days). */
function monthOf(serial: number): { y: number; m: number } | null {
  const day = Math.floor(serial);
  let hit = monthMemo.get(day);
  if (hit === undefined) {
    const p = serialToParts(day);
    hit = p ? { y: p.y, m: p.m } : null;
    if (monthMemo.size > 100_000) monthMemo.clear();
    monthMemo.set(day, hit);
  }
  return hit;
}

/**
 * The months from the first to the last created date of all records (so the list does not change with
 * the filters), at most `maxMonths` (the latest ones), each with the filtered records created in it.
 */
export function newPerMonth(
  records: readonly FunnelRecord[],
  opts: { filters?: FunnelFilters | null; now: Date; timeZone: string; maxMonths?: number },
): MonthCount[] {
  let lo = Infinity;
  let hi = -Infinity;
  for (const r of records) {
    if (r.created === null) continue;
    if (r.created < lo) lo = r.created;
    if (r.created > hi) hi = r.created;
  }
  const a = lo === Infinity ? null : monthOf(lo);
  const b = hi === -Infinity ? null : monthOf(hi);
  if (!a || !b) return [];
  const index = (y: number, m: number) => y * 12 + (m - 1);
  const max = opts.maxMonths ?? 120;
  const first = Math.max(index(a.y, a.m), index(b.y, b.m) - max + 1);
  const last = index(b.y, b.m);
  const out: MonthCount[] = [];
  for (let i = first; i <= last; i++) {
    const y = Math.floor(i / 12);
    const m = (i % 12) + 1;
    out.push({ month: `${y}-${String(m).padStart(2, '0')}`, start: dateToSerial(y, m, 1), count: 0 });
  }
  const passes = recordFilter(opts.filters, opts.now, opts.timeZone);
  for (const r of records) {
    if (r.created === null || !passes(r)) continue;
    const mo = monthOf(r.created);
    if (!mo) continue;
    const k = index(mo.y, mo.m) - first;
    if (k >= 0 && k < out.length) out[k].count++;
  }
  return out;
}

export interface SegmentRow {
  /** The segment's name (the first spelling met, or the label given). */
  label: string;
  clients: number;
  /** Sum of deal values. */
  value: number;
}

/**
 * Clients and deal value per channel or per owner. `labels`: the segments to list, in order (a
 * dropdown's options); without them, every value met, most clients first. Values are grouped
 * case-, width- and space-insensitively; blank ones are left out.
 */
export function bySegment(
  records: readonly FunnelRecord[],
  key: 'channel' | 'owner',
  opts: { filters?: FunnelFilters | null; now: Date; timeZone: string; labels?: readonly string[] },
): SegmentRow[] {
  const rows = new Map<string, SegmentRow>();
  for (const l of opts.labels ?? []) {
    const k = foldKey(l);
    if (k && !rows.has(k)) rows.set(k, { label: l, clients: 0, value: 0 });
  }
  const fixed = opts.labels !== undefined;
  const passes = recordFilter(opts.filters, opts.now, opts.timeZone);
  // Segment values repeat (a few owners over many rows): fold each distinct one once.
  const folded = new Map<string, string>();
  for (const r of records) {
    const v = r[key];
    let k = folded.get(v);
    if (k === undefined) {
      k = foldKey(v);
      if (folded.size < 100_000) folded.set(v, k);
    }
    if (k === '' || !passes(r)) continue;
    let row = rows.get(k);
    if (!row) {
      if (fixed) continue;
      rows.set(k, (row = { label: r[key].trim(), clients: 0, value: 0 }));
    }
    row.clients++;
    row.value += r.value ?? 0;
  }
  const out = [...rows.values()];
  return fixed ? out : out.sort((x, y) => y.clients - x.clients || (x.label < y.label ? -1 : x.label > y.label ? 1 : 0));
}
