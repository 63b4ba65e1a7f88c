/**
 * The list rules of a table's dropdown columns, derived from the cells they hold now. While a column
 * holds variants of its options ('成交' for 'Won'), its rule only warns and its help text says a marked
 * spelling counts as its option (see planSetup); once no variant remains (Clean up wrote the labels),
 * the rule is the field's own again (strict when the field rejects invalid entries). Undo of that
 * cleanup brings the variants back, and the same derivation gives the warning rule back.
 *
 * Only a rule of ours is replaced: a list rule whose items are exactly the field's labels (on the
 * column's first data cell). A rule the user set themselves, or none, is left alone.
 * Calls: getMaxRows, one getRange + getDataValidations over the dropdown columns' first data row, and
 * getRange + setDataValidation only where a rule must change; none grows with the rows.
 * Ref: https://developers.google.com/apps-script/reference/spreadsheet/range#getDataValidations()
 * Ref: https://developers.google.com/apps-script/reference/spreadsheet/data-validation#getCriteriaValues()
 *   (for VALUE_IN_LIST: the list of values, then whether a dropdown is shown)
 * Ref: https://developers.google.com/apps-script/reference/spreadsheet/data-validation-criteria
 */
import { variantCells } from '../../core/adopt/variants';
import { fieldType } from '../../core/fields';
import type { CellValue } from '../../core/fields/types';
import type { Locale } from '../../core/i18n';
import type { TableSchema } from '../../core/schema';
import { planSetup } from '../../core/setup/plan';
import type { Layout } from '../../core/table/layout';
import { buildValidation } from './apply';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

export interface ListRuleContext {
  sheet: Sheet;
  schema: TableSchema;
  layout: Layout;
  headerRow: number;
  locale: Locale;
  timeZone: string;
}

function sameList(a: unknown, b: readonly string[]): boolean {
  return Array.isArray(a) && a.length === b.length && a.every((x, i) => String(x) === b[i]);
}

/** The dropdown columns of a table (sheet columns, 1-based). */
export function dropdownColumns(schema: TableSchema, layout: Layout): number[] {
  const out: number[] = [];
  for (const f of schema.fields) {
    const col = layout.columns[f.key];
    if (f.type === 'dropdown' && col !== undefined && f.options?.length) out.push(col);
  }
  return out;
}

/**
 * Reads the dropdown columns' data cells (one getValues per column), as rows holding those columns
 * only (at their sheet positions), for syncListRules after a change it did not plan itself.
 */
export function readDropdownRows(ctx: ListRuleContext): CellValue[][] {
  const cols = dropdownColumns(ctx.schema, ctx.layout);
  const first = ctx.headerRow + 1;
  const n = ctx.sheet.getLastRow() - first + 1;
  if (n <= 0 || cols.length === 0) return [];
  const rows: CellValue[][] = Array.from({ length: n }, () => []);
  for (const col of cols) {
    const vals = ctx.sheet.getRange(first, col, n, 1).getValues();
    for (let i = 0; i < n; i++) (rows[i] as CellValue[])[col - 1] = (vals[i]?.[0] ?? '') as CellValue;
  }
  return rows;
}

/**
 * Sets each dropdown column's list rule to what its cells call for (`rows`: the data rows, from sheet
 * column `firstColumn`). Returns how many columns' rules changed.
 */
export function syncListRules(ctx: ListRuleContext, rows: readonly (readonly CellValue[])[], firstColumn = 1): number {
  const cols = new Set(dropdownColumns(ctx.schema, ctx.layout));
  if (cols.size === 0) return 0;
  const shift = firstColumn - 1;
  const rowLayout = shift === 0 ? ctx.layout : { ...ctx.layout, columns: Object.fromEntries(Object.entries(ctx.layout.columns).map(([k, c]) => [k, c - shift])) };
  const variants = variantCells(ctx.schema, rowLayout, rows);
  const maxRows = ctx.sheet.getMaxRows();
  const planIn = (uiLocale: Locale) => planSetup(ctx.schema, ctx.layout, ctx.headerRow, {
    timeZone: ctx.timeZone, maxRows, uiLocale, writeHeaders: false, variants,
  }, fieldType);
  // Help texts are part of the sheet, read by everyone who shares it: in the table's language, like its
  // notes (edit/autofill.ts) and headers.
  const plan = planIn(ctx.schema.locale);
  // The help text of a rule set up by someone in the other language: the same rule (not rewritten in
  // this person's language, and back at the next person's check). Planned only when a text differs.
  let other: Map<number, string> | null = null;
  const otherHelp = (column: number): string | undefined => {
    other ??= new Map(planIn(ctx.schema.locale === 'en' ? 'zh-CN' : 'en').columns.map((c) => [c.column, c.validation?.helpText ?? '']));
    return other.get(column);
  };
  let changed = 0;
  const lists = plan.columns.filter((c) => cols.has(c.column) && c.validation?.spec.kind === 'list');
  if (lists.length === 0) return 0;
  // The rules on the first data row of every dropdown column, in one read.
  const first = Math.min(...lists.map((c) => c.column));
  const last = Math.max(...lists.map((c) => c.column));
  const rules = ctx.sheet.getRange(plan.firstDataRow, first, 1, last - first + 1).getDataValidations()[0] ?? [];
  for (const c of lists) {
    const want = c.validation;
    if (!want || want.spec.kind !== 'list') continue;
    const now = rules[c.column - first] ?? null;
    if (!now || now.getCriteriaType() !== SpreadsheetApp.DataValidationCriteria.VALUE_IN_LIST) continue;
    if (!sameList(now.getCriteriaValues()[0], want.spec.values)) continue;
    const help = now.getHelpText() ?? '';
    if (now.getAllowInvalid() === want.allowInvalid && (help === want.helpText || help === otherHelp(c.column))) continue;
    ctx.sheet.getRange(c.dataRange).setDataValidation(buildValidation(want));
    changed++;
  }
  return changed;
}
