/**
 * Data validation: DataValidationBuilder / DataValidation, and how a rule judges a cell's value.
 * Ref: https://developers.google.com/apps-script/reference/spreadsheet/data-validation-builder
 * Ref: https://developers.google.com/apps-script/reference/spreadsheet/data-validation-criteria
 * Scripts' own writes skip validation (only people typing are checked); `allowInvalid` false rejects what
 * a person types, true shows a warning. Empty cells are never flagged.
 * Ref: https://support.google.com/docs/answer/186103
 */
import type { Ctx } from './context';
import { dateToSerial } from './dates';
import { EMAIL_RE, isTruthy, shiftFormula, URL_RE } from './formulas';
import type { DVData, RangeRef, SheetData } from './model';
import { ScriptException } from './runtime';
import type { Cell } from './values';

type GDV = GoogleAppsScript.Spreadsheet.DataValidation;
type GDVB = GoogleAppsScript.Spreadsheet.DataValidationBuilder;

export const DV_BUILDER_API = [
  'requireValueInList', 'requireValueInRange', 'requireCheckbox', 'requireDate', 'requireDateAfter', 'requireDateOnOrAfter',
  'requireDateBefore', 'requireDateOnOrBefore', 'requireDateBetween', 'requireDateEqualTo',
  'requireNumberBetween', 'requireNumberGreaterThan', 'requireNumberGreaterThanOrEqualTo', 'requireNumberLessThan',
  'requireNumberLessThanOrEqualTo', 'requireNumberEqualTo', 'requireFormulaSatisfied', 'requireTextIsEmail', 'requireTextIsUrl',
  'requireTextContains', 'requireTextEqualTo', 'setAllowInvalid', 'setHelpText', 'build', 'copy',
  'getCriteriaType', 'getCriteriaValues', 'getAllowInvalid', 'getHelpText', 'withCriteria',
] as const;
export const DV_API = ['getCriteriaType', 'getCriteriaValues', 'getAllowInvalid', 'getHelpText', 'copy'] as const;

/** Per-cell copy of a rule: `anchor` is the 1-based top-left cell of the range it was applied to. */
export interface AppliedDV extends DVData {
  anchor: { row: number; col: number };
}

function criteriaEnum(name: string): unknown {
  return (SpreadsheetAppEnums.DataValidationCriteria as Record<string, unknown>)[name] ?? name;
}

/** Filled by index.ts with the SpreadsheetApp enums (to return enum values from getCriteriaType). */
export const SpreadsheetAppEnums: { DataValidationCriteria: Record<string, unknown>; BooleanCriteria: Record<string, unknown> } = {
  DataValidationCriteria: {},
  BooleanCriteria: {},
};

function toDate(v: unknown, what: string): Date {
  if (v instanceof Date || (v && typeof v === 'object' && typeof (v as Date).getTime === 'function')) return new Date((v as Date).getTime());
  throw new ScriptException(`Invalid argument: ${what}`);
}
function toNum(v: unknown, what: string): number {
  if (typeof v !== 'number' || !Number.isFinite(v)) throw new ScriptException(`Invalid argument: ${what}`);
  return v;
}

export class DataValidationBuilderImpl {
  data: DVData;
  proxy!: GDVB;
  constructor(
    private readonly ctx: Ctx,
    data?: DVData,
  ) {
    this.data = data ? { ...data, args: [...data.args] } : { criteria: '', args: [], allowInvalid: true, helpText: null };
  }
  private set(criteria: string, args: unknown[]): GDVB {
    this.data.criteria = criteria;
    this.data.args = args;
    return this.proxy;
  }
  requireValueInList(values: unknown, showDropdown?: boolean): GDVB {
    if (!Array.isArray(values)) throw new ScriptException('Invalid argument: values');
    return this.set('VALUE_IN_LIST', [values.map((v) => String(v)), showDropdown ?? true]);
  }
  requireValueInRange(range: unknown, showDropdown?: boolean): GDVB {
    return this.set('VALUE_IN_RANGE', [this.ctx.refOf(range, 'range'), showDropdown ?? true]);
  }
  requireCheckbox(checked?: unknown, unchecked?: unknown): GDVB {
    return this.set('CHECKBOX', checked === undefined ? [] : unchecked === undefined ? [checked] : [checked, unchecked]);
  }
  requireDate(): GDVB {
    return this.set('DATE_IS_VALID_DATE', []);
  }
  requireDateAfter(d: unknown): GDVB {
    return this.set('DATE_AFTER', [toDate(d, 'date')]);
  }
  requireDateOnOrAfter(d: unknown): GDVB {
    return this.set('DATE_ON_OR_AFTER', [toDate(d, 'date')]);
  }
  requireDateBefore(d: unknown): GDVB {
    return this.set('DATE_BEFORE', [toDate(d, 'date')]);
  }
  requireDateOnOrBefore(d: unknown): GDVB {
    return this.set('DATE_ON_OR_BEFORE', [toDate(d, 'date')]);
  }
  requireDateBetween(a: unknown, b: unknown): GDVB {
    return this.set('DATE_BETWEEN', [toDate(a, 'start'), toDate(b, 'end')]);
  }
  requireDateEqualTo(d: unknown): GDVB {
    return this.set('DATE_EQUAL_TO', [toDate(d, 'date')]);
  }
  requireNumberBetween(a: unknown, b: unknown): GDVB {
    return this.set('NUMBER_BETWEEN', [toNum(a, 'start'), toNum(b, 'end')]);
  }
  requireNumberGreaterThan(n: unknown): GDVB {
    return this.set('NUMBER_GREATER_THAN', [toNum(n, 'number')]);
  }
  requireNumberGreaterThanOrEqualTo(n: unknown): GDVB {
    return this.set('NUMBER_GREATER_THAN_OR_EQUAL_TO', [toNum(n, 'number')]);
  }
  requireNumberLessThan(n: unknown): GDVB {
    return this.set('NUMBER_LESS_THAN', [toNum(n, 'number')]);
  }
  requireNumberLessThanOrEqualTo(n: unknown): GDVB {
    return this.set('NUMBER_LESS_THAN_OR_EQUAL_TO', [toNum(n, 'number')]);
  }
  requireNumberEqualTo(n: unknown): GDVB {
    return this.set('NUMBER_EQUAL_TO', [toNum(n, 'number')]);
  }
  requireFormulaSatisfied(formula: unknown): GDVB {
    if (typeof formula !== 'string' || !formula.startsWith('=')) throw new ScriptException('Invalid argument: formula');
    return this.set('CUSTOM_FORMULA', [formula]);
  }
  requireTextIsEmail(): GDVB {
    return this.set('TEXT_IS_VALID_EMAIL', []);
  }
  requireTextIsUrl(): GDVB {
    return this.set('TEXT_IS_VALID_URL', []);
  }
  requireTextContains(t: unknown): GDVB {
    return this.set('TEXT_CONTAINS', [String(t)]);
  }
  requireTextEqualTo(t: unknown): GDVB {
    return this.set('TEXT_EQUAL_TO', [String(t)]);
  }
  withCriteria(criteria: unknown, args: unknown[]): GDVB {
    const name = String(criteria);
    return this.set(name, [...args]);
  }
  setAllowInvalid(allow: boolean): GDVB {
    this.data.allowInvalid = !!allow;
    return this.proxy;
  }
  setHelpText(text: string): GDVB {
    this.data.helpText = String(text);
    return this.proxy;
  }
  build(): GDV {
    if (!this.data.criteria) throw new ScriptException('The data validation rule has no criteria.');
    return makeDataValidation(this.ctx, { ...this.data, args: [...this.data.args] });
  }
  copy(): GDVB {
    return makeDVBuilder(this.ctx, this.data);
  }
  getCriteriaType(): unknown {
    return criteriaEnum(this.data.criteria);
  }
  getCriteriaValues(): unknown[] {
    return criteriaValues(this.ctx, this.data);
  }
  getAllowInvalid(): boolean {
    return this.data.allowInvalid;
  }
  getHelpText(): string | null {
    return this.data.helpText;
  }
}

function criteriaValues(ctx: Ctx, d: DVData): unknown[] {
  return d.args.map((a) => {
    if (a && typeof a === 'object' && 'box' in a && 'sheet' in a) return ctx.range((a as RangeRef).sheet, (a as RangeRef).box);
    if (a instanceof Date) return new Date(a.getTime());
    if (Array.isArray(a)) return [...a];
    return a;
  });
}

export class DataValidationImpl {
  constructor(
    private readonly ctx: Ctx,
    readonly data: DVData,
  ) {}
  getCriteriaType(): unknown {
    return criteriaEnum(this.data.criteria);
  }
  getCriteriaValues(): unknown[] {
    return criteriaValues(this.ctx, this.data);
  }
  getAllowInvalid(): boolean {
    return this.data.allowInvalid;
  }
  getHelpText(): string | null {
    return this.data.helpText;
  }
  copy(): GDVB {
    return makeDVBuilder(this.ctx, this.data);
  }
}

export function makeDVBuilder(ctx: Ctx, data?: DVData): GDVB {
  const b = new DataValidationBuilderImpl(ctx, data);
  b.proxy = ctx.rt.wrap<GDVB>('DataValidationBuilder', b, { methods: DV_BUILDER_API });
  return b.proxy;
}
export function makeDataValidation(ctx: Ctx, data: DVData): GDV {
  return ctx.rt.wrap<GDV>('DataValidation', new DataValidationImpl(ctx, data), { methods: DV_API });
}

function asText(v: Cell): string {
  return typeof v === 'boolean' ? (v ? 'TRUE' : 'FALSE') : String(v);
}

/** Whether a cell's value passes the rule (empty cells always pass). */
export function isValid(ctx: Ctx, dv: AppliedDV, sheet: SheetData, r0: number, c0: number, value: Cell): boolean {
  if (value === '') return true;
  const a = dv.args;
  const n = typeof value === 'number' ? value : NaN;
  const dateSerial = (d: unknown): number => dateToSerial(d as Date, ctx.book.tz);
  switch (dv.criteria) {
    // A dropdown accepts its options in any letter case ("won" for "Won") and keeps what was typed, as
    // Sheets' `=` compares text; accents count. Commonly reported for Sheets, unconfirmed by a reference:
    // the contract suite checks it on a real spreadsheet. Accepting case variants is the stricter reading
    // for the add-on (they reach its code).
    case 'VALUE_IN_LIST': {
      const t = asText(value).toLowerCase();
      return (a[0] as string[]).some((x) => x.toLowerCase() === t);
    }
    case 'VALUE_IN_RANGE': {
      const ref = a[0] as RangeRef;
      const t = asText(value).toLowerCase();
      for (let r = ref.box.row - 1; r < ref.box.row - 1 + ref.box.rows; r++)
        for (let c = ref.box.col - 1; c < ref.box.col - 1 + ref.box.cols; c++) if (asText(ref.sheet.getValue(r, c)).toLowerCase() === t) return true;
      return false;
    }
    case 'CHECKBOX':
      if (a.length === 0) return typeof value === 'boolean';
      return a.some((x) => asText(value) === String(x));
    case 'DATE_IS_VALID_DATE':
      return typeof value === 'number';
    case 'DATE_AFTER':
      return typeof value === 'number' && Math.floor(n) > Math.floor(dateSerial(a[0]));
    case 'DATE_ON_OR_AFTER':
      return typeof value === 'number' && Math.floor(n) >= Math.floor(dateSerial(a[0]));
    case 'DATE_BEFORE':
      return typeof value === 'number' && Math.floor(n) < Math.floor(dateSerial(a[0]));
    case 'DATE_ON_OR_BEFORE':
      return typeof value === 'number' && Math.floor(n) <= Math.floor(dateSerial(a[0]));
    case 'DATE_BETWEEN':
      return typeof value === 'number' && Math.floor(n) >= Math.floor(dateSerial(a[0])) && Math.floor(n) <= Math.floor(dateSerial(a[1]));
    case 'DATE_EQUAL_TO':
      return typeof value === 'number' && Math.floor(n) === Math.floor(dateSerial(a[0]));
    case 'NUMBER_BETWEEN':
      return n >= (a[0] as number) && n <= (a[1] as number);
    case 'NUMBER_GREATER_THAN':
      return n > (a[0] as number);
    case 'NUMBER_GREATER_THAN_OR_EQUAL_TO':
      return n >= (a[0] as number);
    case 'NUMBER_LESS_THAN':
      return n < (a[0] as number);
    case 'NUMBER_LESS_THAN_OR_EQUAL_TO':
      return n <= (a[0] as number);
    case 'NUMBER_EQUAL_TO':
      return n === (a[0] as number);
    case 'TEXT_IS_VALID_EMAIL':
      return typeof value === 'string' && EMAIL_RE.test(value);
    case 'TEXT_IS_VALID_URL':
      return typeof value === 'string' && URL_RE.test(value);
    case 'TEXT_CONTAINS':
      return asText(value).includes(String(a[0]));
    case 'TEXT_EQUAL_TO':
      return asText(value) === String(a[0]);
    case 'CUSTOM_FORMULA': {
      const f = shiftFormula(String(a[0]), r0 + 1 - dv.anchor.row, c0 + 1 - dv.anchor.col);
      return isTruthy(ctx.book.engine.evaluate(sheet, f));
    }
    default:
      return true;
  }
}

/** Values a dropdown offers (list or range rules). */
export function listValues(dv: DVData): string[] | undefined {
  if (dv.criteria === 'VALUE_IN_LIST') return [...(dv.args[0] as string[])];
  if (dv.criteria === 'VALUE_IN_RANGE') {
    const ref = dv.args[0] as RangeRef;
    const out: string[] = [];
    for (let r = ref.box.row - 1; r < ref.box.row - 1 + ref.box.rows; r++)
      for (let c = ref.box.col - 1; c < ref.box.col - 1 + ref.box.cols; c++) {
        const v = ref.sheet.getValue(r, c);
        if (v !== '') out.push(asText(v));
      }
    return out;
  }
  return undefined;
}
