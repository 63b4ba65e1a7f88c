/**
 * The common frame of every field type, so each module only says what is special about it:
 * - empty cells ('' or white space only) parse to { kind: 'empty' };
 * - a string starting with '=' is a formula string (code 'formula') for every type except the free-text
 *   ones (text, long text, ID), which keep such a value as text: it is stored in a '@' cell, so it is
 *   text and stays text (docs/ARCHITECTURE.md rule 4); and except a value the type itself names (a dropdown
 *   option labelled '=1+1', see isFormulaLikeValue);
 * - normalize = parse, then the canonical written form; 'unchanged' when the cell already shows exactly
 *   that form (compared as cell text, so '1200' in a CSV and 1200 from getValues are both canonical).
 */
import type {
  CellValue, FieldTypeDef, FieldTypeId, IssueCode, NormalizeResult, ParseResult, TypeContext, TypedValue,
  ValidationSpec,
} from './types';
import { cellText, isBlankCell, isFormulaText, mustWriteAsText, OK_EMPTY, UNCHANGED } from './util';

export interface TypeSpec {
  id: FieldTypeId;
  /** Free-text types never fail and keep '=…' as text. */
  freeText?: boolean;
  /** Values are written as text ('@' cells): normalize flags any value Sheets would reinterpret. */
  textual?: boolean;
  acceptsAnyText?: boolean;
  /**
   * A string starting with '=' that is nonetheless a value of this type (a dropdown option whose own
   * label is '=1+1'): such a cell is in a '@' column and holds that text, not a formula.
   */
  isFormulaLikeValue?(raw: string, ctx: TypeContext): boolean;
  /** Parses a non-empty cell (strings are not blank and, unless freeText, not formulas). */
  parseValue(raw: Exclude<CellValue, ''>, ctx: TypeContext): ParseResult;
  /** The canonical value to write for a parsed value; null keeps the cell as it is (e.g. a Date cell). */
  canonical(value: TypedValue, raw: CellValue, ctx: TypeContext): string | number | boolean | null;
  numberFormat(ctx: TypeContext): string;
  validation(ctx: TypeContext, cell: string): ValidationSpec | null;
}

const FORMULA: ParseResult = { ok: false, code: 'formula' };

export function fail(code: IssueCode, hint?: string): ParseResult {
  return hint === undefined ? { ok: false, code } : { ok: false, code, hint };
}

export function defineType(spec: TypeSpec): FieldTypeDef {
  const parse = (raw: CellValue, ctx: TypeContext): ParseResult => {
    if (typeof raw === 'string') {
      if (raw === '') return OK_EMPTY;
      const c = raw.charCodeAt(0);
      // Fast blank check: only strings starting with white space or invisible chars can be blank.
      if ((c <= 32 || c === 0xa0 || c === 0x3000 || (c >= 0x2000 && c <= 0x206f) || c === 0xfeff) && isBlankCell(raw)) return OK_EMPTY;
      if (!spec.freeText && isFormulaText(raw.trimStart()) && !spec.isFormulaLikeValue?.(raw, ctx)) return FORMULA;
    } else if (typeof raw === 'number' && !Number.isFinite(raw)) {
      return fail(invalidCode(spec.id));
    } else if (raw instanceof Date && Number.isNaN(raw.getTime())) {
      return fail(invalidCode(spec.id));
    }
    return spec.parseValue(raw as Exclude<CellValue, ''>, ctx);
  };
  const normalize = (raw: CellValue, ctx: TypeContext): NormalizeResult => {
    const r = parse(raw, ctx);
    if (!r.ok) return r.hint === undefined ? { status: 'invalid', code: r.code } : { status: 'invalid', code: r.code, hint: r.hint };
    if (r.value.kind === 'empty') return raw === '' ? UNCHANGED : { status: 'changed', value: '' };
    const v = spec.canonical(r.value, raw, ctx);
    if (v === null || v === raw) return UNCHANGED;
    const text = cellText(v);
    if (text === (typeof raw === 'string' ? raw : typeof raw === 'object' ? null : cellText(raw))) return UNCHANGED;
    if (spec.textual && typeof v === 'string' && mustWriteAsText(v)) return { status: 'changed', value: v, asText: true };
    return { status: 'changed', value: v };
  };
  return {
    id: spec.id,
    parse,
    normalize,
    numberFormat: spec.numberFormat,
    validation: spec.validation,
    acceptsAnyText: spec.acceptsAnyText ?? false,
  };
}

const INVALID: Partial<Record<FieldTypeId, IssueCode>> = {
  email: 'invalidEmail', phone: 'invalidPhone', url: 'invalidUrl', number: 'invalidNumber',
  currency: 'invalidCurrency', percent: 'invalidPercent', date: 'invalidDate', dateTime: 'invalidDateTime',
  checkbox: 'invalidCheckbox', dropdown: 'unknownOption', created: 'invalidDateTime', updated: 'invalidDateTime',
  stageSince: 'invalidDate',
};

/** The 'does not parse' code of a type (text types have none; they fall back to 'required'). */
export function invalidCode(id: FieldTypeId): IssueCode {
  return INVALID[id] ?? 'required';
}

/**
 * The white space of a REGEXMATCH class, spelled out: exactly the characters the types' parsers read as
 * white space — JavaScript's `\s` (ECMAScript WhiteSpace and LineTerminator: tab, LF, CR, space,
 * U+00A0, U+1680, U+2000–U+200A, U+2028, U+2029, U+202F, U+205F, U+3000) without the ones they strip
 * as invisible first (VT, FF, U+FEFF: util.stripInvisible), which a formula must let through as they
 * do. RE2, Sheets' regular expressions, reads `\s` as `[\t\n\f\r ]` only, so a formula with `\s`
 * would accept a no-break or ideographic space that the add-on's check and the CLI refuse.
 * Ref: https://github.com/google/re2/wiki/Syntax (`\s`, `\x{10FFFF}`)
 * Ref: https://tc39.es/ecma262/#sec-white-space
 */
export const RE2_SPACES = '\\t\\n\\r \\x{a0}\\x{1680}\\x{2000}-\\x{200a}\\x{2028}\\x{2029}\\x{202f}\\x{205f}\\x{3000}';

/** The cell formula that lets blank cells pass: =OR(C2="", <test>). */
export function allowBlank(cell: string, test: string): string {
  return `=OR(${cell}="",${test})`;
}
