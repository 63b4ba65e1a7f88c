/**
 * After a paste that replaced the table's formats or data validation (Sheets' normal paste brings the
 * source cells' number formats and validation; a paste from another spreadsheet too; rows a paste adds
 * past the sheet's end have none), the table's own are put back on the pasted rows, in the same onEdit.
 *
 * Cheap: the block's number formats are read (one call, whatever its size); when they are right, its
 * validations too, to tell a column that lost its rule. Formats that are wrong are written back in one
 * setNumberFormats; rules are pasted from the table's first data row over the block in one copyTo
 * (PASTE_DATA_VALIDATION: relative references in custom formulas follow each cell's own row), or, for a
 * block at the top of the table, built per column as set-up builds them. A column whose formats are
 * right and whose cells all carry a rule is left alone (telling a wrong rule from a right one would
 * cost a call per cell).
 * Ref: https://developers.google.com/apps-script/reference/spreadsheet/range#getNumberFormats()
 * Ref: https://developers.google.com/apps-script/reference/spreadsheet/range#getDataValidations()
 * Ref: https://support.google.com/docs/answer/161678 (paste special: a normal paste brings formats and validation)
 */
import { fieldType } from '../../core/fields';
import type { TableSchema } from '../../core/schema';
import type { Layout } from '../../core/table/layout';
import { planSetup, typeContext } from '../../core/setup/plan';
import { buildValidation } from '../sheet/apply';
import { a1, columnLetter } from '../../core/table/a1';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Range = GoogleAppsScript.Spreadsheet.Range;
type Rule = GoogleAppsScript.Spreadsheet.DataValidation;
interface Area { firstRow: number; lastRow: number; firstColumn: number; lastColumn: number }

/**
 * @param block the edited data rows over columns firstColumn..lastColumn (rows below the header only)
 */
export function restoreFormats(sheet: Sheet, block: Range, schema: TableSchema, layout: Layout, area: Area, headerRow: number): number {
  const cols = schema.fields
    .map((f) => ({ f, column: layout.columns[f.key] }))
    .filter((x): x is { f: typeof x.f; column: number } => x.column !== undefined && x.column >= area.firstColumn && x.column <= area.lastColumn);
  if (cols.length === 0) return 0;
  // The number format of a type does not depend on the time zone (dates are shown by pattern).
  const expected = new Map(cols.map((c) => [c.column, fieldType(c.f.type).numberFormat(typeContext(schema, c.f, 'UTC'))]));
  const formats = block.getNumberFormats();
  const broken = new Set<number>();
  const needsRule = new Set<number>();
  for (const c of cols) {
    const j = c.column - area.firstColumn;
    const want = expected.get(c.column) as string;
    if (formats.some((row) => row[j] !== want)) broken.add(c.column);
    if (fieldType(c.f.type).validation(typeContext(schema, c.f, 'UTC'), 'A1')) needsRule.add(c.column);
  }
  // Formats replaced: the paste brought its own, validation included (a normal paste brings both), so
  // the rules are put back without reading them. Formats intact: the rules are read to tell.
  let current: Array<Array<Rule | null>> | null = null;
  let lostRules: number[];
  if (broken.size > 0) {
    lostRules = [...needsRule];
  } else {
    if (needsRule.size === 0) return 0;
    const read = block.getDataValidations();
    current = read;
    lostRules = [...needsRule].filter((c) => read.some((row) => row[c - area.firstColumn] === null));
    if (lostRules.length === 0) return 0;
  }
  if (broken.size > 0) {
    // Written over the whole block (one call for any block); columns that kept theirs get them back.
    block.setNumberFormats(formats.map((row) => row.map((fmt, j) => {
      const c = area.firstColumn + j;
      return broken.has(c) ? (expected.get(c) as string) : fmt;
    })));
  }
  if (lostRules.length > 0) restoreRules(sheet, block, current, schema, layout, area, lostRules, headerRow);
  return new Set([...broken, ...lostRules]).size;
}

/**
 * The validation of `columns` put back on the pasted rows. A rule without cell references (a list,
 * checkbox, date or number rule) is taken as it is from a row of the table the paste did not touch (its
 * first data row, else the row below the block): one read, and one setDataValidations for the block. A
 * custom formula refers to its own cell, so it is rebuilt for the block's first row from that row's rule
 * (copy, new formula: help text and reject/warn kept), and set on each column's range (one getRangeList
 * for all). Without a reference row, rules are built as set-up builds them.
 */
function restoreRules(sheet: Sheet, block: Range, read: Array<Array<Rule | null>> | null, schema: TableSchema, layout: Layout, area: Area, columns: number[], headerRow: number): void {
  const width = area.lastColumn - area.firstColumn + 1;
  // The first data row is the reference when the block is below it: its validation is pasted over the
  // whole block in one copyTo (relative references follow each cell, as a paste special moves them).
  // Ref: https://developers.google.com/apps-script/reference/spreadsheet/range#copyTo(Range,CopyPasteType,Boolean)
  if (area.firstRow > headerRow + 1) {
    sheet.getRange(headerRow + 1, area.firstColumn, 1, width).copyTo(block, SpreadsheetApp.CopyPasteType.PASTE_DATA_VALIDATION, false);
    return;
  }
  const current = read ?? block.getDataValidations();
  const refRow = area.lastRow < sheet.getMaxRows() ? area.lastRow + 1 : null;
  const ref = refRow !== null ? (sheet.getRange(refRow, area.firstColumn, 1, width).getDataValidations()[0] ?? []) : [];
  const byColumn = new Map(schema.fields.map((f) => [layout.columns[f.key], f] as const));
  const grid = current.map((row) => [...row]);
  let gridChanged = false;
  const formulas: Array<{ column: number; rule: () => Rule }> = [];
  let plan: ReturnType<typeof planSetup> | null = null;
  const planned = (c: number): Rule | null => {
    plan ??= planSetup(schema, layout, area.firstRow - 1, {
      timeZone: sheet.getParent().getSpreadsheetTimeZone(),
      maxRows: area.lastRow,
      // The table's language, as the rules set up and our notes (no Session call).
      uiLocale: schema.locale,
      writeHeaders: false,
    }, fieldType);
    const v = plan.columns.find((p) => p.column === c)?.validation;
    return v ? buildValidation(v) : null;
  };
  for (const c of columns) {
    const f = byColumn.get(c);
    if (!f) continue;
    const spec = fieldType(f.type).validation(typeContext(schema, f, 'UTC'), `${columnLetter(c)}${area.firstRow}`);
    if (!spec) continue;
    const j = c - area.firstColumn;
    const model = ref[j] ?? null;
    if (spec.kind === 'customFormula') {
      formulas.push({ column: c, rule: () => (model ? model.copy().withCriteria(SpreadsheetApp.DataValidationCriteria.CUSTOM_FORMULA, [spec.formula]).build() : (planned(c) as Rule)) });
    } else {
      const rule = model ?? planned(c);
      for (const row of grid) row[j] = rule;
      gridChanged = true;
    }
  }
  if (gridChanged) block.setDataValidations(grid);
  if (formulas.length > 0) {
    const ranges = sheet.getRangeList(formulas.map((x) => a1(area.firstRow, x.column, area.lastRow, x.column))).getRanges();
    formulas.forEach((x, i) => ranges[i]?.setDataValidation(x.rule()));
  }
}
