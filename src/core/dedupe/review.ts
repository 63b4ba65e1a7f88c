/**
 * What the add-on's "Find duplicates" does with the engine's clusters (pure): the cluster IDs and the
 * helper column that carries them, the conditional-format rules of ours that color a cluster's rows
 * from that column (no cell's own format is touched), the stable fingerprint of a row, and the pairs
 * the user said are "not duplicates", taken out of the clusters before they are shown.
 */
import type { Cluster, DedupeResult } from './engine';
import { SURE } from './engine';
import type { CellValue } from '../fields/types';
import { calendarDateTime } from '../fields/calendar';
import type { Locale } from '../i18n';

/** Header of the helper column we add at the right end of the table (recognised in either language). */
export const DUPE_COLUMN_HEADERS: Readonly<Record<Locale, string>> = { en: 'Duplicate group', 'zh-CN': '重复组' };

export function isDupeColumnHeader(v: unknown): boolean {
  const s = String(v ?? '').trim();
  return s === DUPE_COLUMN_HEADERS.en || s === DUPE_COLUMN_HEADERS['zh-CN'];
}

/** Marker of our highlight rules: ISTEXT of a literal is always TRUE, so it never changes the rule. */
export const DUPE_RULE_MARKER = 'clientflow:dupe';

export function isDupeRuleFormula(formula: string | null | undefined): boolean {
  return !!formula && formula.includes(`ISTEXT("${DUPE_RULE_MARKER}")`);
}

/** Light backgrounds, one per cluster in turn (cluster k gets PALETTE[(k - 1) % length]). */
export const DUPE_PALETTE: readonly string[] = ['#fce5cd', '#d9ead3', '#cfe2f3', '#ead1dc', '#fff2cc', '#d0e0e3', '#d9d2e9', '#f4cccc'];

/** The ID shown in the helper column for the k-th cluster (1-based): "D1", "D2"… */
export function clusterId(k: number): string {
  return `D${k}`;
}

/**
 * The custom formula that colors a row of palette color `color` (0-based): the helper cell of the row
 * (column `letter`, data starting at `firstRow`) holds an ID whose number falls on that color.
 */
export function dupeRuleFormula(letter: string, firstRow: number, color: number): string {
  const cell = `$${letter}${firstRow}`;
  return `=AND(ISTEXT("${DUPE_RULE_MARKER}"),LEFT(${cell},1)="D",MOD(VALUE(MID(${cell},2,9))-1,${DUPE_PALETTE.length})=${color})`;
}

/** FNV-1a, 32 bits, as 8 hex digits. */
function fnv1a(s: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(16).padStart(8, '0');
}

export function cellText(v: CellValue): string {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return isNaN(v.getTime()) ? '' : v.toISOString().slice(0, 10);
  return String(v).trim();
}

/**
 * A value as the Duplicates panel shows it: a date as the day it is in the spreadsheet's time zone (a
 * date cell's getValues() is that day's midnight there, which in UTC is still the day before east of
 * Greenwich), with its time when it has one. Fingerprints keep cellText.
 */
export function shownText(v: CellValue, timeZone: string): string {
  if (!(v instanceof Date)) return cellText(v);
  if (isNaN(v.getTime())) return '';
  const at = calendarDateTime(v, timeZone);
  return at.endsWith('T00:00') ? at.slice(0, 10) : at.replace('T', ' ');
}

/**
 * A row's fingerprint, stable while the row is not edited: its client ID when it has one ("id:C12"),
 * else a hash of its values ("row:1a2b3c4d", case and spaces ignored).
 */
export function rowFingerprint(row: ReadonlyArray<CellValue>, idColumn: number | null): string {
  if (idColumn !== null) {
    const id = cellText(row[idColumn] ?? '');
    if (id) return `id:${id}`;
  }
  return `row:${fnv1a(row.map((v) => cellText(v).toLowerCase().replace(/\s+/g, ' ')).join('\u0001'))}`;
}

/** The key of a pair of fingerprints, whatever their order. */
export function pairKey(a: string, b: string): string {
  return a < b ? `${a}\u0002${b}` : `${b}\u0002${a}`;
}

/** The stored "not duplicates" pairs (a JSON array of pair keys); anything unreadable counts as none. */
export function parseNotDuplicates(raw: string | null | undefined): Set<string> {
  if (!raw) return new Set();
  try {
    const v: unknown = JSON.parse(raw);
    return new Set(Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);
  } catch {
    return new Set();
  }
}

/**
 * The clusters without the pairs marked "not duplicates": a cluster's links of a marked pair are
 * dropped and the cluster falls apart along them (the rows still linked stay together; a row left
 * alone leaves). A row still tied to a row it was marked against through a third row is removed too,
 * so a marked pair is never shown in one cluster. Score = weakest remaining link; band from the score.
 */
export function withoutNotDuplicates(clusters: readonly Cluster[], fingerprints: readonly string[], marked: ReadonlySet<string>): Cluster[] {
  if (marked.size === 0) return [...clusters];
  const fp = (r: number) => fingerprints[r] ?? `row#${r}`;
  const isMarked = (a: number, b: number) => marked.has(pairKey(fp(a), fp(b)));
  const out: Cluster[] = [];
  for (const c of clusters) {
    const links = c.links.filter((l) => !isMarked(l.a, l.b));
    const parent = new Map<number, number>(c.rows.map((r) => [r, r]));
    const find = (r: number): number => {
      let x = r;
      while (parent.get(x) !== x) x = parent.get(x) as number;
      return x;
    };
    for (const l of links) parent.set(find(l.a), find(l.b));
    const groups = new Map<number, number[]>();
    for (const r of c.rows) {
      const g = find(r);
      groups.set(g, [...(groups.get(g) ?? []), r]);
    }
    for (const rows of groups.values()) {
      const kept: number[] = [];
      for (const r of rows) if (!kept.some((k) => isMarked(k, r))) kept.push(r);
      if (kept.length < 2) continue;
      const inside = new Set(kept);
      const own = links.filter((l) => inside.has(l.a) && inside.has(l.b));
      const score = own.length ? Math.min(...own.map((l) => l.probability)) : c.score;
      out.push({ rows: kept, score, band: score >= SURE ? 'sure' : 'review', links: own });
    }
  }
  return out;
}

/** The helper column's values for `rows` data rows: the cluster ID of each row in a cluster, else ''. */
export function clusterColumn(clusters: readonly Cluster[], rows: number): string[] {
  const out = new Array<string>(rows).fill('');
  clusters.forEach((c, k) => {
    for (const r of c.rows) if (r < rows) out[r] = clusterId(k + 1);
  });
  return out;
}

/** Counts for the summary. */
export function bandCounts(clusters: readonly Cluster[]): { sure: number; review: number; rows: number } {
  let sure = 0;
  let review = 0;
  let rows = 0;
  for (const c of clusters) {
    if (c.band === 'sure') sure++;
    else review++;
    rows += c.rows.length;
  }
  return { sure, review, rows };
}

/** Which compared columns agreed (exact or close) and which differed in a cluster, by header. */
export function clusterWhy(c: Cluster, result: Pick<DedupeResult, 'fields'>): { agreed: string[]; differed: string[] } {
  const agreed = new Set<string>();
  const differed = new Set<string>();
  for (const l of c.links) {
    for (const f of l.fields) {
      if (f.level === 'missing') continue;
      if (f.weight > 0) agreed.add(f.header);
      else differed.add(f.header);
    }
  }
  const order = result.fields.map((f) => f.header);
  const sort = (s: Set<string>) => order.filter((h) => s.has(h));
  return { agreed: sort(agreed), differed: sort(differed).filter((h) => !agreed.has(h)) };
}
