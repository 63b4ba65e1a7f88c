/**
 * Cleanup of a grid of text cells: the cleanup plan (./plan.ts) over the columns inferred with the same
 * inference as "Adopt this sheet" (src/core/infer). `clientflow clean` runs it over a CSV; the add-on's
 * in-sheet cleanup runs the same plan over the configured table. Values that cannot be understood stay
 * exactly as they were and are reported. Rows are kept (a CSV keeps its rows; empty ones are counted).
 * Pure: no file, process or Apps Script access.
 */
import { cellText } from '../fields';
import type { TypeContext, UserTypeId } from '../fields/types';
import type { Locale } from '../i18n';
import { columnContext, inferWithHeader } from '../infer';
import { leftMessage } from './messages';
import { planCleanup, type ChangeKind, type CleanupColumn, type LeftCode } from './plan';

export interface CleanSummary {
  rows: number;
  columns: Array<{ header: string; type: UserTypeId; changed: number; notUnderstood: number }>;
  changed: number;
  /** The first changes (at most CHANGES_SHOWN), for a look at what cleanup did. */
  changes: Array<{ row: number; column: string; from: string; to: string; kind: ChangeKind }>;
  /** Every value left as it was, with why (not understood, another currency, would become a formula…). */
  notUnderstood: Array<{ row: number; column: string; value: string; code: LeftCode; message: string }>;
  /** Changes counted by kind. */
  byKind: Record<ChangeKind, number>;
  /** Values left as they were, counted by reason. */
  leftByCode: Partial<Record<LeftCode, number>>;
}

export const CHANGES_SHOWN = 1000;

/**
 * The same rows and columns with data values normalized per their column's type (rows 0-based over
 * data rows in the summary). Rows above and including the header are copied as they are. Throws
 * NoHeaderError when the grid has no header row.
 */
export function cleanGrid(grid: string[][], ctx: TypeContext, locale: Locale, region: string | null = null): { out: string[][]; summary: CleanSummary & { dataStart: number } } {
  const inferred = inferWithHeader(grid, ctx);
  // An explicitly chosen region goes first among the inferred candidates; the others stay, so a number
  // valid only elsewhere is never moved into the chosen country.
  const inf = region ? { ...inferred, regions: [region, ...inferred.regions.filter((r) => r !== region)] } : inferred;
  const out = grid.map((r) => r.slice());
  const cols = inf.columns.filter((c) => c.header !== '');
  const columns: CleanupColumn[] = cols.map((c) => ({ column: c.column, header: c.header, type: c.type, ctx: columnContext(c, ctx, inf) }));
  const data = grid.slice(inf.dataStart, inf.dataEnd);
  const plan = planCleanup({ columns, values: data });
  const stats = new Map(cols.map((c) => [c.column, { header: c.header, type: c.type, changed: 0, notUnderstood: 0 }]));
  const summary: CleanSummary & { dataStart: number } = {
    dataStart: inf.dataStart,
    rows: inf.dataEnd - inf.dataStart, columns: [...stats.values()], changed: 0, changes: [], notUnderstood: [],
    byKind: { ...plan.counts, emptyRow: 0 }, leftByCode: {},
  };
  for (const ch of plan.changes) {
    const to = cellText(ch.to);
    const from = String(ch.from);
    const r = inf.dataStart + ch.row;
    out[r][ch.column] = to;
    const st = stats.get(ch.column);
    if (st) st.changed++;
    summary.changed++;
    if (summary.changes.length < CHANGES_SHOWN) summary.changes.push({ row: ch.row, column: st?.header ?? '', from, to, kind: ch.kind });
  }
  for (const l of plan.left) {
    const st = stats.get(l.column);
    if (st) st.notUnderstood++;
    summary.leftByCode[l.code] = (summary.leftByCode[l.code] ?? 0) + 1;
    summary.notUnderstood.push({ row: l.row, column: st?.header ?? '', value: String(l.value), code: l.code, message: leftMessage(locale, l.code, l.hint) });
  }
  return { out, summary };
}
