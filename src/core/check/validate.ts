/**
 * Validate-all (menuValidateAll): every cell of the table parsed with its field type, as
 * pure computation over one batched read. Auto fields are skipped (the add-on writes them); a row
 * with nothing in any table column is not a client and is skipped too (so "required" only speaks
 * about rows that exist).
 */
import type { CellValue, IssueCode, ParseResult } from '../fields/types';
import { AUTO_TYPES } from '../fields/types';
import type { TableSchema } from '../schema';
import { isBlankCell, isFormulaError } from '../fields/util';
import { a1 } from '../table/a1';
import type { Layout } from '../table/layout';
import type { TypeLookup } from '../fields/types';
import { typeContext } from '../setup/plan';

/** A cell that breaks its field, in sheet coordinates (1-based row and column, as Apps Script; see GridIssue). */
export interface SheetIssue {
  /** Sheet row and column (1-based). */
  row: number;
  column: number;
  key: string;
  code: IssueCode;
  hint?: string;
}

export interface ValidationResult {
  /** Non-empty data rows checked. */
  rows: number;
  issues: SheetIssue[];
  /** Per row of `values`: 1 when it has something in a table column (a client row), else 0. */
  dataRows: Uint8Array;
}

const AUTO = new Set<string>(AUTO_TYPES);
/** A column's memo holds at most this many values (a column of 100k cells often has far fewer distinct ones). */
const MEMO_MAX = 20_000;
/**
 * After this many values parsed (misses), a memo hit less than once per MEMO_MIN_RATIO misses is dropped
 * for the rest of the column: a column of unique texts (emails, phones) would otherwise pay a hash and a
 * map insert for every cell, which measured a third of the loop's own time.
 */
const MEMO_PROBE = 2_048;
const MEMO_MIN_RATIO = 4;

/**
 * Parse results of one column, keyed by the cell's text or instant. Parsing is pure, so a value seen
 * before gives the same result; bounded (MEMO_MAX) and abandoned when it does not pay (MEMO_PROBE).
 */
class ColumnMemo<K> {
  private readonly map = new Map<K, ParseResult>();
  private hits = 0;
  private misses = 0;
  private on = true;
  get(k: K): ParseResult | undefined {
    if (!this.on) return undefined;
    const r = this.map.get(k);
    if (r !== undefined) this.hits++;
    return r;
  }
  set(k: K, r: ParseResult): void {
    if (!this.on) return;
    if (++this.misses === MEMO_PROBE && this.hits * MEMO_MIN_RATIO < this.misses) {
      this.on = false;
      this.map.clear();
      return;
    }
    if (this.map.size < MEMO_MAX) this.map.set(k, r);
  }
}

/** isBlankCell, with a fast answer for text that starts with a printable ASCII character (most cells). */
function blank(v: CellValue | undefined): boolean {
  if (typeof v === 'string' && v.length > 0) {
    const c = v.charCodeAt(0);
    if (c > 0x20 && c < 0x7f) return false;
  }
  return isBlankCell(v);
}

/**
 * @param values rows of the table's span as getValues returns them, starting at sheet row `firstRow`
 *   and sheet column `firstColumn`.
 */
export function validateRows(
  schema: TableSchema,
  layout: Layout,
  values: readonly (readonly CellValue[])[],
  firstRow: number,
  firstColumn: number,
  timeZone: string,
  types: TypeLookup,
): ValidationResult {
  const checks = schema.fields
    .filter((f) => layout.columns[f.key] !== undefined && !AUTO.has(f.type))
    .map((f) => ({ f, idx: (layout.columns[f.key] as number) - firstColumn, def: types(f.type), ctx: typeContext(schema, f, timeZone), memo: new ColumnMemo<string>(), dates: new ColumnMemo<number>(), numbers: new ColumnMemo<number>(), required: f.required === true, anyText: types(f.type).acceptsAnyText === true }));
  const tableIdx = Object.values(layout.columns).map((c) => c - firstColumn);
  const issues: SheetIssue[] = [];
  const dataRows = new Uint8Array(values.length);
  let rows = 0;
  for (let r = 0; r < values.length; r++) {
    const row = values[r] as readonly CellValue[];
    let hasData = false;
    for (let t = 0; t < tableIdx.length; t++) if (!blank(row[tableIdx[t] as number])) { hasData = true; break; }
    if (!hasData) continue;
    rows++;
    dataRows[r] = 1;
    for (let k = 0; k < checks.length; k++) {
      const c = checks[k] as (typeof checks)[number];
      const v = row[c.idx];
      if (blank(v)) {
        if (c.required) issues.push({ row: firstRow + r, column: c.idx + firstColumn, key: c.f.key, code: 'required' });
        continue;
      }
      // A formula Sheets turned into an error ('#ERROR!' for a typed '+86 …'): named as such, in any column.
      if (typeof v === 'string' && v.charCodeAt(0) === 35 /* # */ && isFormulaError(v)) {
        issues.push({ row: firstRow + r, column: c.idx + firstColumn, key: c.f.key, code: 'formulaError' });
        continue;
      }
      // A type that accepts any text (text, long text) never fails on a non-blank cell: nothing to parse.
      if (c.anyText) continue;
      // Parsing is pure: a text or an instant seen before in the column (a dropdown's options, repeated
      // dates or amounts) is not parsed again (ColumnMemo).
      let res: ParseResult | undefined;
      if (typeof v === 'string') {
        res = c.memo.get(v);
        if (res === undefined) {
          res = c.def.parse(v, c.ctx);
          c.memo.set(v, res);
        }
      } else if (typeof v === 'number') {
        res = c.numbers.get(v);
        if (res === undefined) {
          res = c.def.parse(v, c.ctx);
          c.numbers.set(v, res);
        }
      } else if (v instanceof Date) {
        const at = v.getTime();
        res = c.dates.get(at);
        if (res === undefined) {
          res = c.def.parse(v, c.ctx);
          c.dates.set(at, res);
        }
      } else res = c.def.parse(v as CellValue, c.ctx);
      if (!res.ok) {
        const issue: SheetIssue = { row: firstRow + r, column: c.idx + firstColumn, key: c.f.key, code: res.code };
        if (res.hint) issue.hint = res.hint;
        issues.push(issue);
      }
    }
  }
  return { rows, issues, dataRows };
}

/**
 * The A1 ranges to highlight: per column, runs of consecutive broken rows merged ('C5:C9'), at most
 * `max` ranges (a rule with thousands of ranges is slow in Sheets; the report still counts them all),
 * and how many cells those ranges cover.
 */
export function highlightRuns(issues: readonly SheetIssue[], max = 500): { ranges: string[]; covered: number } {
  const byCol = new Map<number, number[]>();
  for (const i of issues) {
    const list = byCol.get(i.column) ?? [];
    list.push(i.row);
    byCol.set(i.column, list);
  }
  const ranges: string[] = [];
  let covered = 0;
  for (const [col, rows] of [...byCol.entries()].sort((x, y) => x[0] - y[0])) {
    rows.sort((x, y) => x - y);
    let start = rows[0] as number;
    let prev = start;
    for (let k = 1; k <= rows.length; k++) {
      const r = rows[k];
      if (r !== undefined && r === prev + 1) { prev = r; continue; }
      if (ranges.length >= max) return { ranges, covered };
      ranges.push(a1(start, col, prev, col));
      covered += prev - start + 1;
      if (r !== undefined) { start = r; prev = r; }
    }
  }
  return { ranges, covered };
}

/** Just the ranges of highlightRuns. */
export function highlightRanges(issues: readonly SheetIssue[], max = 500): string[] {
  return highlightRuns(issues, max).ranges;
}
