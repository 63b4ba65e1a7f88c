/**
 * Conditional format rules: builder, rule, boolean condition, and evaluation per cell.
 * Ref: https://developers.google.com/apps-script/reference/spreadsheet/conditional-format-rule-builder
 * Ref: https://developers.google.com/apps-script/reference/spreadsheet/boolean-condition
 * Custom formulas are written for the top-left cell of the rule's first range and shifted for every
 * other cell; when several rules match a cell, the first one in the list wins.
 * Ref: https://support.google.com/docs/answer/78413 ("Use custom formulas with conditional formatting")
 */
import type { Ctx } from './context';
import { dateToSerial } from './dates';
import { isTruthy, shiftFormula } from './formulas';
import type { CFData, CFFormat, SheetData } from './model';
import { enumName, ScriptException } from './runtime';
import { SpreadsheetAppEnums } from './validation';
import type { Cell } from './values';

type GRule = GoogleAppsScript.Spreadsheet.ConditionalFormatRule;
type GBuilder = GoogleAppsScript.Spreadsheet.ConditionalFormatRuleBuilder;
type GCond = GoogleAppsScript.Spreadsheet.BooleanCondition;

export const CF_BUILDER_API = [
  'whenFormulaSatisfied', 'whenTextEqualTo', 'whenTextContains', 'whenTextDoesNotContain', 'whenTextStartsWith', 'whenTextEndsWith',
  'whenCellEmpty', 'whenCellNotEmpty', 'whenDateBefore', 'whenDateAfter', 'whenDateEqualTo',
  'whenNumberGreaterThan', 'whenNumberGreaterThanOrEqualTo', 'whenNumberLessThan', 'whenNumberLessThanOrEqualTo',
  'whenNumberBetween', 'whenNumberEqualTo', 'whenNumberNotEqualTo',
  'setBackground', 'setFontColor', 'setBold', 'setItalic', 'setStrikethrough', 'setUnderline', 'setRanges',
  'getRanges', 'getBooleanCondition', 'getGradientCondition', 'build', 'copy',
] as const;
export const CF_RULE_API = ['getRanges', 'getBooleanCondition', 'getGradientCondition', 'copy'] as const;
export const CF_COND_API = ['getCriteriaType', 'getCriteriaValues', 'getBackground', 'getFontColor', 'getBold', 'getItalic', 'getStrikethrough', 'getUnderline'] as const;

function cloneData(d: CFData): CFData {
  return { ranges: d.ranges.map((r) => ({ sheet: r.sheet, box: { ...r.box } })), condition: d.condition ? { type: d.condition.type, args: [...d.condition.args] } : null, format: { ...d.format } };
}

function isDateLike(v: unknown): v is Date {
  return !!v && typeof v === 'object' && typeof (v as Date).getTime === 'function';
}

export class CFBuilderImpl {
  data: CFData;
  proxy!: GBuilder;
  constructor(
    private readonly ctx: Ctx,
    data?: CFData,
  ) {
    this.data = data ? cloneData(data) : { ranges: [], condition: null, format: {} };
  }
  private when(type: string, args: unknown[]): GBuilder {
    this.data.condition = { type, args };
    return this.proxy;
  }
  whenFormulaSatisfied(f: string): GBuilder {
    if (typeof f !== 'string' || !f.startsWith('=')) throw new ScriptException('Invalid argument: formula');
    return this.when('CUSTOM_FORMULA', [f]);
  }
  whenTextEqualTo(t: string): GBuilder { return this.when('TEXT_EQUAL_TO', [String(t)]); }
  whenTextContains(t: string): GBuilder { return this.when('TEXT_CONTAINS', [String(t)]); }
  whenTextDoesNotContain(t: string): GBuilder { return this.when('TEXT_DOES_NOT_CONTAIN', [String(t)]); }
  whenTextStartsWith(t: string): GBuilder { return this.when('TEXT_STARTS_WITH', [String(t)]); }
  whenTextEndsWith(t: string): GBuilder { return this.when('TEXT_ENDS_WITH', [String(t)]); }
  whenCellEmpty(): GBuilder { return this.when('CELL_EMPTY', []); }
  whenCellNotEmpty(): GBuilder { return this.when('CELL_NOT_EMPTY', []); }
  private whenDate(kind: 'BEFORE' | 'AFTER' | 'EQUAL_TO', d: unknown): GBuilder {
    if (isDateLike(d)) return this.when(`DATE_${kind}`, [new Date(d.getTime())]);
    return this.when(`DATE_${kind}_RELATIVE`, [d]);
  }
  whenDateBefore(d: unknown): GBuilder { return this.whenDate('BEFORE', d); }
  whenDateAfter(d: unknown): GBuilder { return this.whenDate('AFTER', d); }
  whenDateEqualTo(d: unknown): GBuilder { return this.whenDate('EQUAL_TO', d); }
  whenNumberGreaterThan(n: number): GBuilder { return this.when('NUMBER_GREATER_THAN', [n]); }
  whenNumberGreaterThanOrEqualTo(n: number): GBuilder { return this.when('NUMBER_GREATER_THAN_OR_EQUAL_TO', [n]); }
  whenNumberLessThan(n: number): GBuilder { return this.when('NUMBER_LESS_THAN', [n]); }
  whenNumberLessThanOrEqualTo(n: number): GBuilder { return this.when('NUMBER_LESS_THAN_OR_EQUAL_TO', [n]); }
  whenNumberBetween(a: number, b: number): GBuilder { return this.when('NUMBER_BETWEEN', [a, b]); }
  whenNumberEqualTo(n: number): GBuilder { return this.when('NUMBER_EQUAL_TO', [n]); }
  whenNumberNotEqualTo(n: number): GBuilder { return this.when('NUMBER_NOT_EQUAL_TO', [n]); }
  private fmt(k: keyof CFFormat, v: unknown): GBuilder {
    (this.data.format as Record<string, unknown>)[k] = v === undefined ? null : v;
    return this.proxy;
  }
  setBackground(c: string | null): GBuilder { return this.fmt('background', c); }
  setFontColor(c: string | null): GBuilder { return this.fmt('fontColor', c); }
  setBold(b: boolean | null): GBuilder { return this.fmt('bold', b); }
  setItalic(b: boolean | null): GBuilder { return this.fmt('italic', b); }
  setStrikethrough(b: boolean | null): GBuilder { return this.fmt('strikethrough', b); }
  setUnderline(b: boolean | null): GBuilder { return this.fmt('underline', b); }
  setRanges(ranges: unknown[]): GBuilder {
    if (!Array.isArray(ranges)) throw new ScriptException('Invalid argument: ranges');
    this.data.ranges = ranges.map((r) => this.ctx.refOf(r, 'ranges'));
    return this.proxy;
  }
  getRanges(): GoogleAppsScript.Spreadsheet.Range[] {
    return this.data.ranges.map((r) => this.ctx.range(r.sheet, r.box));
  }
  getBooleanCondition(): GCond | null {
    return this.data.condition ? makeCondition(this.ctx, this.data) : null;
  }
  getGradientCondition(): null {
    return null;
  }
  build(): GRule {
    if (!this.data.condition) throw new ScriptException('Conditional format rule must have a condition.');
    if (this.data.ranges.length === 0) throw new ScriptException('Conditional format rule must have at least one range.');
    return makeRule(this.ctx, cloneData(this.data));
  }
  copy(): GBuilder {
    return makeCFBuilder(this.ctx, this.data);
  }
}

export class CFRuleImpl {
  constructor(
    private readonly ctx: Ctx,
    readonly data: CFData,
  ) {}
  getRanges(): GoogleAppsScript.Spreadsheet.Range[] {
    return this.data.ranges.map((r) => this.ctx.range(r.sheet, r.box));
  }
  getBooleanCondition(): GCond | null {
    return this.data.condition ? makeCondition(this.ctx, this.data) : null;
  }
  getGradientCondition(): null {
    return null;
  }
  copy(): GBuilder {
    return makeCFBuilder(this.ctx, this.data);
  }
}

class ConditionImpl {
  constructor(private readonly data: CFData) {}
  getCriteriaType(): unknown {
    const t = this.data.condition?.type ?? '';
    return (SpreadsheetAppEnums.BooleanCriteria as Record<string, unknown>)[t] ?? t;
  }
  getCriteriaValues(): unknown[] {
    return (this.data.condition?.args ?? []).map((a) => (a instanceof Date ? new Date(a.getTime()) : a));
  }
  getBackground(): string | null { return this.data.format.background ?? null; }
  getFontColor(): string | null { return this.data.format.fontColor ?? null; }
  getBold(): boolean | null { return this.data.format.bold ?? null; }
  getItalic(): boolean | null { return this.data.format.italic ?? null; }
  getStrikethrough(): boolean | null { return this.data.format.strikethrough ?? null; }
  getUnderline(): boolean | null { return this.data.format.underline ?? null; }
}

export function makeCFBuilder(ctx: Ctx, data?: CFData): GBuilder {
  const b = new CFBuilderImpl(ctx, data);
  b.proxy = ctx.rt.wrap<GBuilder>('ConditionalFormatRuleBuilder', b, { methods: CF_BUILDER_API });
  return b.proxy;
}
export function makeRule(ctx: Ctx, data: CFData): GRule {
  return ctx.rt.wrap<GRule>('ConditionalFormatRule', new CFRuleImpl(ctx, data), { methods: CF_RULE_API });
}
function makeCondition(ctx: Ctx, data: CFData): GCond {
  return ctx.rt.wrap<GCond>('BooleanCondition', new ConditionImpl(data), { methods: CF_COND_API });
}

function text(v: Cell): string {
  return typeof v === 'boolean' ? (v ? 'TRUE' : 'FALSE') : String(v);
}

/** Serial of today (or a relative date) on the simulated clock, in the spreadsheet's zone. */
function relativeSerial(ctx: Ctx, rel: unknown): number {
  const today = Math.floor(dateToSerial(new Date(ctx.rt.now()), ctx.book.tz));
  switch (enumName(rel)) {
    case 'TOMORROW': return today + 1;
    case 'YESTERDAY': return today - 1;
    case 'PAST_WEEK': return today - 7;
    case 'PAST_MONTH': return today - 30;
    case 'PAST_YEAR': return today - 365;
    default: return today;
  }
}

/** Whether a rule applies to the cell (r0, c0) of `sheet` holding `value`. `cache` memoizes formula results. */
export function ruleMatches(ctx: Ctx, rule: CFData, sheet: SheetData, r0: number, c0: number, value: Cell, cache: Map<string, boolean>): boolean {
  const cond = rule.condition;
  if (!cond) return false;
  const a = cond.args;
  const n = typeof value === 'number' ? value : NaN;
  switch (cond.type) {
    case 'CUSTOM_FORMULA': {
      const anchor = rule.ranges[0]?.box;
      if (!anchor) return false;
      const f = shiftFormula(String(a[0]), r0 + 1 - anchor.row, c0 + 1 - anchor.col);
      const key = `${sheet.id}|${f}`;
      let hit = cache.get(key);
      if (hit === undefined) {
        hit = isTruthy(ctx.book.engine.evaluate(sheet, f));
        cache.set(key, hit);
      }
      return hit;
    }
    case 'CELL_EMPTY': return value === '';
    case 'CELL_NOT_EMPTY': return value !== '';
    case 'TEXT_EQUAL_TO': return text(value).toLowerCase() === String(a[0]).toLowerCase();
    case 'TEXT_CONTAINS': return text(value).toLowerCase().includes(String(a[0]).toLowerCase());
    case 'TEXT_DOES_NOT_CONTAIN': return !text(value).toLowerCase().includes(String(a[0]).toLowerCase());
    case 'TEXT_STARTS_WITH': return text(value).toLowerCase().startsWith(String(a[0]).toLowerCase());
    case 'TEXT_ENDS_WITH': return text(value).toLowerCase().endsWith(String(a[0]).toLowerCase());
    case 'NUMBER_GREATER_THAN': return n > Number(a[0]);
    case 'NUMBER_GREATER_THAN_OR_EQUAL_TO': return n >= Number(a[0]);
    case 'NUMBER_LESS_THAN': return n < Number(a[0]);
    case 'NUMBER_LESS_THAN_OR_EQUAL_TO': return n <= Number(a[0]);
    case 'NUMBER_BETWEEN': return n >= Number(a[0]) && n <= Number(a[1]);
    case 'NUMBER_EQUAL_TO': return n === Number(a[0]);
    case 'NUMBER_NOT_EQUAL_TO': return typeof value === 'number' && n !== Number(a[0]);
    case 'DATE_BEFORE': return typeof value === 'number' && Math.floor(n) < Math.floor(dateToSerial(a[0] as Date, ctx.book.tz));
    case 'DATE_AFTER': return typeof value === 'number' && Math.floor(n) > Math.floor(dateToSerial(a[0] as Date, ctx.book.tz));
    case 'DATE_EQUAL_TO': return typeof value === 'number' && Math.floor(n) === Math.floor(dateToSerial(a[0] as Date, ctx.book.tz));
    case 'DATE_BEFORE_RELATIVE': return typeof value === 'number' && Math.floor(n) < relativeSerial(ctx, a[0]);
    case 'DATE_AFTER_RELATIVE': return typeof value === 'number' && Math.floor(n) > relativeSerial(ctx, a[0]);
    case 'DATE_EQUAL_TO_RELATIVE': return typeof value === 'number' && Math.floor(n) === relativeSerial(ctx, a[0]);
    default: return false;
  }
}
