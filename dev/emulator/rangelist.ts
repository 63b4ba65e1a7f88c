/**
 * RangeList: one or more ranges of one sheet, from Sheet.getRangeList(a1Notations). Only the members the
 * add-on uses are emulated (anything else throws `Not emulated: RangeList.…`); each applies the Range
 * method of the same name to every range of the list, as one service call.
 * Ref: https://developers.google.com/apps-script/reference/spreadsheet/range-list
 * Ref: https://developers.google.com/apps-script/reference/spreadsheet/sheet#getRangeList(String) ("a
 * non-empty list of A1 notations or R1C1 notations" of the same sheet)
 */
import { parseA1, splitSheet } from './a1';
import type { Ctx } from './context';
import type { SheetData } from './model';
import { checkEditable } from './objects';
import { RangeImpl, rangeAt } from './range';
import { ScriptException } from './runtime';

type GRange = GoogleAppsScript.Spreadsheet.Range;
type GRangeList = GoogleAppsScript.Spreadsheet.RangeList;

export const RANGE_LIST_API = ['getRanges', 'setNumberFormat', 'clearDataValidations', 'setFontWeight', 'setBackground', 'setFontColor'] as const;

export class RangeListImpl {
  proxy!: GRangeList;
  constructor(
    private readonly ctx: Ctx,
    private readonly ranges: readonly GRange[],
  ) {}
  /** The implementations behind the ranges (calling them directly: one service call for the list). */
  private impls(): RangeImpl[] {
    return this.ranges.map((r) => this.ctx.rt.unwrap(r, RangeImpl, 'range'));
  }
  private each(fn: (r: RangeImpl) => unknown): GRangeList {
    const impls = this.impls();
    for (const r of impls) checkEditable(this.ctx, r.sheet, r.box);
    for (const r of impls) fn(r);
    return this.proxy;
  }
  getRanges(): GRange[] { return [...this.ranges]; }
  setNumberFormat(fmt: string): GRangeList { return this.each((r) => r.setNumberFormat(fmt)); }
  clearDataValidations(): GRangeList { return this.each((r) => r.clearDataValidations()); }
  setFontWeight(w: string | null): GRangeList { return this.each((r) => r.setFontWeight(w)); }
  setBackground(c: string | null): GRangeList { return this.each((r) => r.setBackground(c)); }
  setFontColor(c: string | null): GRangeList { return this.each((r) => r.setFontColor(c)); }
}

/** Sheet.getRangeList: every notation must name a range of this sheet; an empty list is refused. */
export function makeRangeList(ctx: Ctx, sheet: SheetData, a1Notations: unknown): GRangeList {
  if (!Array.isArray(a1Notations) || a1Notations.length === 0) {
    throw new ScriptException("The parameters (number[]) don't match the method signature for SpreadsheetApp.Sheet.getRangeList.");
  }
  const ranges = a1Notations.map((a) => {
    if (typeof a !== 'string') throw new ScriptException("The parameters don't match the method signature for SpreadsheetApp.Sheet.getRangeList.");
    const { sheet: other, ref } = splitSheet(a);
    if (other !== null && other !== sheet.name) throw new ScriptException('Range not found');
    const b = parseA1(ref, sheet.maxRows, sheet.maxCols);
    return rangeAt(ctx, sheet, b.row, b.col, b.rows, b.cols);
  });
  const impl = new RangeListImpl(ctx, ranges);
  impl.proxy = ctx.rt.wrap<GRangeList>('RangeList', impl, { methods: RANGE_LIST_API });
  return impl.proxy;
}
