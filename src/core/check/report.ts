/**
 * The check's report, as pure data over the issues validateRows found: counts per column and per
 * problem, one page of broken cells (every cell reachable page by page, none cut off), a hint where
 * cleanup can mend a cell, and the legend of every color the table uses (taken from the rule
 * definitions and our flag's highlight, never copied).
 */
import type { CellValue, IssueCode } from '../fields/types';
import { cellText, isBlankCell } from '../fields/util';
import { planCleanup, type CleanupColumn } from '../cleanup/plan';
import type { TableSchema } from '../schema';
import type { Layout } from '../table/layout';
import { a1 } from '../table/a1';
import { planRules, RULE_COLORS, type RuleFormat } from '../setup/rules';
import { FLAG_BACKGROUND } from '../edit/flags';
import type { SheetIssue } from './validate';

export const REPORT_PAGE_SIZE = 50;

export interface ReportCell {
  row: number;
  column: number;
  a1: string;
  header: string;
  code: string;
  message: string;
  /** How cleanup can mend the cell, or null when only a person can. */
  hint: string | null;
}

export type HintKey = 'check.hint.option';

/**
 * What Clean up would write over a broken cell — the very plan Clean up makes, on that one cell — as a
 * hint ("Cleanup can change it to “+8618692696409”."), or null when Clean up would leave the cell as it
 * is (a person has to mend it: an email without its @, a date nobody can read, an empty required cell).
 * `formula`: the cell's formula, for a phone Sheets read as one (#ERROR!), which Clean up recovers.
 */
export function cleanupHint(column: CleanupColumn | undefined, raw: CellValue, formula = ''): { key: HintKey; params: Record<string, string> } | null {
  if (!column || isBlankCell(raw)) return null;
  const change = planCleanup({ columns: [{ ...column, column: 0 }], values: [[raw]], formulas: [[formula]] }).changes[0];
  return change ? { key: 'check.hint.option', params: { hint: cellText(change.to) } } : null;
}

/** Broken cells per column (sheet column order) and per problem (most frequent first). */
export function reportCounts(
  issues: readonly SheetIssue[],
  headerOf: (column: number) => string,
  messageOf: (issue: SheetIssue) => string,
): { byColumn: Array<{ column: number; header: string; count: number }>; byProblem: Array<{ code: string; message: string; count: number }> } {
  const cols = new Map<number, number>();
  const probs = new Map<string, { code: string; message: string; count: number }>();
  for (const i of issues) {
    cols.set(i.column, (cols.get(i.column) ?? 0) + 1);
    // A problem is its code; an option's hint only changes the wording, not the problem.
    const p = probs.get(i.code);
    if (p) p.count++;
    else probs.set(i.code, { code: i.code, message: messageOf({ ...i, hint: undefined } as SheetIssue), count: 1 });
  }
  return {
    byColumn: [...cols.entries()].sort((x, y) => x[0] - y[0]).map(([column, count]) => ({ column, header: headerOf(column), count })),
    byProblem: [...probs.values()].sort((x, y) => y.count - x.count || x.code.localeCompare(y.code)),
  };
}

/** Page `page` (0-based, clamped) of the issues, in row then column order. */
export function reportPage(issues: readonly SheetIssue[], page: number, size = REPORT_PAGE_SIZE): { page: number; pages: number; items: SheetIssue[] } {
  const pages = Math.max(1, Math.ceil(issues.length / size));
  const p = Math.min(Math.max(0, Math.floor(Number.isFinite(page) ? page : 0)), pages - 1);
  const sorted = [...issues].sort((x, y) => x.row - y.row || x.column - y.column);
  return { page: p, pages, items: sorted.slice(p * size, p * size + size) };
}

export function reportCell(i: SheetIssue, header: string, message: string, hint: string | null): ReportCell {
  return { row: i.row, column: i.column, a1: a1(i.row, i.column), header, code: i.code, message, hint };
}

export type LegendKind = 'won' | 'lost' | 'overdue' | 'stale' | 'required' | 'broken' | 'checked';

export interface LegendEntry { kind: LegendKind; background: string; fontColor: string | null }

/**
 * Every color the table uses, as the table's own rules define it (planRules: won and lost rows take the
 * stage options' colors; overdue only when the table flags overdue follow-ups; stale only with a last
 * contact column), then the highlight of a cell flagged as it is typed (FLAG_BACKGROUND) and of a cell
 * found by Check (the 'invalid' rule).
 */
export function legend(schema: TableSchema, layout: Layout): LegendEntry[] {
  const rules = planRules(schema, layout, { firstRow: 2, lastRow: 2 });
  const out: LegendEntry[] = [];
  const entry = (kind: LegendKind, f: RuleFormat) => out.push({ kind, background: f.background ?? '#ffffff', fontColor: f.fontColor ?? null });
  for (const kind of ['won', 'lost', 'overdue', 'stale', 'required'] as const) {
    const r = rules.find((x) => x.kind === kind);
    if (r) entry(kind, r.format);
  }
  entry('broken', { background: FLAG_BACKGROUND });
  entry('checked', RULE_COLORS.invalid);
  return out;
}

/**
 * The checks of core/edit/flags (checkBlock's shape) for a whole table, from the issues the core check
 * found (validateRows), so the flags Check writes and the cells it reports are one truth: on a row with
 * data every user field's cell is in scope (its issue, or none); auto fields and columns between fields
 * are left as they are; a row with nothing in the table is in scope everywhere (our flags there go).
 */
export function checksFromIssues(input: {
  schema: TableSchema;
  layout: Layout;
  rows: number;
  width: number;
  firstRow: number;
  spanFirst: number;
  /** Rows (0-based) with something in a table column. */
  hasData: (r: number) => boolean;
  issues: readonly SheetIssue[];
  autoTypes: ReadonlySet<string>;
}): Array<Array<{ scope: boolean; issue: { code: IssueCode; hint?: string } | null }>> {
  const { schema, layout, spanFirst } = input;
  const user = new Array<boolean>(input.width).fill(false);
  for (const f of schema.fields) {
    const c = layout.columns[f.key];
    if (c !== undefined && !input.autoTypes.has(f.type)) user[c - spanFirst] = true;
  }
  const byCell = new Map<number, SheetIssue>();
  for (const i of input.issues) byCell.set((i.row - input.firstRow) * input.width + (i.column - spanFirst), i);
  const none = { scope: true, issue: null };
  const skip = { scope: false, issue: null };
  const out: Array<Array<{ scope: boolean; issue: { code: IssueCode; hint?: string } | null }>> = [];
  for (let r = 0; r < input.rows; r++) {
    const row: Array<{ scope: boolean; issue: { code: IssueCode; hint?: string } | null }> = new Array(input.width);
    if (!input.hasData(r)) { row.fill(none); out.push(row); continue; }
    for (let c = 0; c < input.width; c++) {
      if (!user[c]) { row[c] = skip; continue; }
      const i = byCell.get(r * input.width + c);
      row[c] = i ? { scope: true, issue: { code: i.code, ...(i.hint ? { hint: i.hint } : {}) } } : none;
    }
    out.push(row);
  }
  return out;
}
