/**
 * Cleanup of a grid of text cells: every data value of an inferred column normalized by its field type
 * (src/core/fields), with the same inference as "Adopt this sheet" (src/core/infer). `clientflow clean`
 * runs it over a CSV; the add-on's in-sheet cleanup shares it. Values that cannot be understood stay
 * exactly as they were and are reported. Pure: no file, process or Apps Script access.
 */
import { cellText, fieldType, issueMessage } from '../fields';
import type { IssueCode, TypeContext, UserTypeId } from '../fields/types';
import type { Locale } from '../i18n';
import { columnContext, inferWithHeader } from '../infer';

export interface CleanSummary {
  rows: number;
  columns: Array<{ header: string; type: UserTypeId; changed: number; notUnderstood: number }>;
  changed: number;
  /** The first changes (at most CHANGES_SHOWN), for a look at what cleanup did. */
  changes: Array<{ row: number; column: string; from: string; to: string }>;
  /** Every value left as it was because it could not be understood. */
  notUnderstood: Array<{ row: number; column: string; value: string; code: IssueCode; message: string }>;
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
  const summary: CleanSummary & { dataStart: number } = { rows: inf.dataEnd - inf.dataStart, columns: [], changed: 0, changes: [], notUnderstood: [], dataStart: inf.dataStart };
  const cols = inf.columns.filter((c) => c.header !== '');
  for (const col of cols) {
    const def = fieldType(col.type);
    const cctx = columnContext(col, ctx, inf);
    const stat = { header: col.header, type: col.type, changed: 0, notUnderstood: 0 };
    const memo = new Map<string, ReturnType<typeof def.normalize>>();
    for (let r = inf.dataStart; r < inf.dataEnd; r++) {
      const raw = grid[r][col.column] ?? '';
      if (raw === '') continue;
      let res = memo.get(raw);
      if (!res) {
        res = def.normalize(raw, cctx);
        if (memo.size < 50000) memo.set(raw, res);
      }
      if (res.status === 'changed') {
        const to = cellText(res.value);
        if (to === raw) continue;
        out[r][col.column] = to;
        stat.changed++;
        summary.changed++;
        if (summary.changes.length < CHANGES_SHOWN) summary.changes.push({ row: r - inf.dataStart, column: col.header, from: raw, to });
      } else if (res.status === 'invalid') {
        stat.notUnderstood++;
        summary.notUnderstood.push({ row: r - inf.dataStart, column: col.header, value: raw, code: res.code, message: issueMessage(locale, res.code, res.hint ? { hint: res.hint } : {}) });
      }
    }
    summary.columns.push(stat);
  }
  return { out, summary };
}
