/**
 * The CLI's `validate` and `clean` on a parsed CSV grid: the same inference as "Adopt this sheet"
 * (src/core/infer) and the same parse/normalize as the field types (src/core/fields).
 * Pure: no file or process access here (src/cli/main.ts does that).
 */
import { cellText, fieldType, issueMessage as fieldIssueMessage } from '../core/fields';
import type { IssueCode, TypeContext, UserTypeId } from '../core/fields/types';
import type { Locale } from '../core/i18n';
import { checkSheet, columnContext, inferSheet, type Inference } from '../core/infer';

export class NoHeaderError extends Error {
  constructor() {
    super('noHeader');
  }
}

/** The same translated messages as the add-on's (src/core/fields). */
export function issueMessage(locale: Locale, code: IssueCode, hint?: string): string {
  return fieldIssueMessage(locale, code, hint ? { hint } : {});
}

export interface ValidateOutput {
  columns: Array<{ header: string; type: UserTypeId }>;
  issues: Array<{ row: number; column: string; code: IssueCode; message: string }>;
}

/**
 * The default region when neither --region nor the user's locale names a country: US, as the CLI
 * contract (DESIGN.md) says, whatever the table's language, so that results never depend on a guess.
 */
export const DEFAULT_REGION = 'US';

function inferOrThrow(grid: string[][], ctx: TypeContext): Inference {
  const inf = inferSheet({ grid, ctx });
  if (inf.headerRow === null) throw new NoHeaderError();
  return inf;
}

/** `clientflow validate`: the type of every column and every cell that breaks it (rows 0-based over data rows). */
export function validateGrid(grid: string[][], ctx: TypeContext, locale: Locale): ValidateOutput {
  const inf = inferOrThrow(grid, ctx);
  const byColumn = new Map(inf.columns.map((c) => [c.column, c]));
  const issues = checkSheet(grid, inf, ctx, undefined, true)
    .map((i) => ({
      row: i.row - inf.dataStart,
      column: byColumn.get(i.column)?.header ?? '',
      code: i.code,
      message: issueMessage(locale, i.code, i.hint),
    }));
  return { columns: inf.columns.map((c) => ({ header: c.header, type: c.type })), issues };
}

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
 * `clientflow clean`: the same rows and columns with data values normalized per their column's type.
 * Rows above and including the header are copied as they are; values that cannot be understood stay.
 */
export function cleanGrid(grid: string[][], ctx: TypeContext, locale: Locale): { out: string[][]; summary: CleanSummary } {
  const inf = inferOrThrow(grid, ctx);
  const out = grid.map((r) => r.slice());
  const summary: CleanSummary = { rows: inf.dataEnd - inf.dataStart, columns: [], changed: 0, changes: [], notUnderstood: [] };
  const cols = inf.columns.filter((c) => c.header !== '');
  for (const col of cols) {
    const def = fieldType(col.type);
    const cctx = columnContext(col, ctx);
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
        summary.notUnderstood.push({ row: r - inf.dataStart, column: col.header, value: raw, code: res.code, message: issueMessage(locale, res.code, res.hint) });
      }
    }
    summary.columns.push(stat);
  }
  return { out, summary };
}
