/**
 * Small shared helpers for the field types: width folding, invisible-character stripping, formula
 * detection, column letters, text forms of written values. Pure and allocation-light: they run on
 * every cell of inference and validation (100k rows × 20 columns).
 */
import type { CellValue, ParseResult, TypedValue } from './types';

/** Zero-width characters, BOM, soft hyphen, word joiner, bidi marks and C0/C1 controls except \t \n \r. */
// eslint-disable-next-line no-control-regex
const INVISIBLE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u00AD\u200B-\u200F\u202A-\u202E\u2060-\u2064\uFEFF]/g;
// eslint-disable-next-line no-control-regex
const INVISIBLE_TEST = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u00AD\u200B-\u200F\u202A-\u202E\u2060-\u2064\uFEFF]/;

/** INVISIBLE as the body of an RE2 character class (validation formulas let these through, as parsers strip them). */
export const RE2_INVISIBLE = '\\x{00}-\\x{08}\\x{0b}\\x{0c}\\x{0e}-\\x{1f}\\x{7f}-\\x{9f}\\x{ad}\\x{200b}-\\x{200f}\\x{202a}-\\x{202e}\\x{2060}-\\x{2064}\\x{feff}';

/** Removes zero-width and control characters (keeps \t, \n, \r; callers decide about those). */
export function stripInvisible(s: string): string {
  return INVISIBLE_TEST.test(s) ? s.replace(INVISIBLE, '') : s;
}

const NEEDS_FOLD = /[\uFF01-\uFF5E\u3000\u3002\uFF61]/;

/**
 * Full-width ASCII forms (Ａ１＠，) to their half-width twins, and the ideographic space to a space.
 * The ideographic full stop '。' is left alone here (it means different things per type).
 */
export function toHalfWidth(s: string): string {
  if (!NEEDS_FOLD.test(s)) return s;
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xff01 && c <= 0xff5e) out += String.fromCharCode(c - 0xfee0);
    else if (c === 0x3000) out += ' ';
    else out += s[i];
  }
  return out;
}

/** Every kind of horizontal white space (incl. NBSP, thin and ideographic spaces, tabs). */
export const HSPACE = /[ \t\u00A0\u1680\u2000-\u200A\u202F\u205F\u3000]+/g;

/**
 * The cleaned form of a raw string cell as most types read it: invisible characters removed, full-width
 * folded, outer white space trimmed. Line breaks inside are kept (types that care reject them).
 */
export function cleanInput(s: string): string {
  return toHalfWidth(stripInvisible(s)).trim();
}

/** A string that Sheets would take as a formula if typed or written into a non-text cell. */
export function isFormulaText(s: string): boolean {
  return s.length > 1 && s.charCodeAt(0) === 61 /* = */;
}

/**
 * True when a string must be written into a plain-text ('@') cell, because Sheets would otherwise read
 * it as a formula, a number, a date or a boolean (docs/ARCHITECTURE.md rule 4): a leading '=', '+', '-' or '@',
 * or text that looks like a number, a percent, a date or TRUE/FALSE.
 */
export function mustWriteAsText(s: string): boolean {
  if (s === '') return false;
  const c = s.charCodeAt(0);
  if (c === 61 || c === 43 || c === 45 || c === 64) return true; // = + - @
  if (/^\s*[($¥￥€£]?\s*[\d.,]+\s*%?\)?\s*$/.test(s)) return /\d/.test(s);
  if (/^\s*(true|false)\s*$/i.test(s)) return true;
  // Dates and times: 2024-01-05, 1/5/2024, 5.1.2024, 14:30, Jan 5
  if (/^\s*\d{1,4}[-/.]\d{1,2}([-/.]\d{1,4})?/.test(s)) return true;
  if (/^\s*\d{1,2}:\d{2}/.test(s)) return true;
  return false;
}

/** The text a written value has in a CSV or a plain-text cell: booleans as TRUE/FALSE like Sheets. */
export function cellText(v: string | number | boolean): string {
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (typeof v === 'number') return numberText(v);
  return v;
}

/** A plain decimal without grouping or exponent for ordinary magnitudes ('1200', '0.125', '-3.5'). */
export function numberText(n: number): string {
  if (Number.isInteger(n) && n < 1e15 && n > -1e15) return String(n);
  if (!Number.isFinite(n)) return String(n);
  // Round away binary noise (0.1 + 0.2) at 15 significant digits, which is Sheets' own precision.
  const r = Number(n.toPrecision(15));
  const s = String(r);
  if (s.indexOf('e') < 0) return s;
  const abs = Math.abs(r);
  if (abs >= 1e21 || abs < 1e-6) return s; // outside any client table
  return r.toFixed(20).replace(/\.?0+$/, '');
}

/** 1 → 'A', 26 → 'Z', 27 → 'AA', 703 → 'AAA'. */
export function columnLetter(n: number): string {
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`columnLetter: ${n} is not a column number (1-based)`);
  let s = '';
  let x = n;
  while (x > 0) {
    const r = (x - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    x = Math.floor((x - 1) / 26);
  }
  return s;
}

/** Shared results, so the hot paths do not allocate. */
export const EMPTY_VALUE: TypedValue = { kind: 'empty' };
export const OK_EMPTY: ParseResult = { ok: true, value: EMPTY_VALUE };
export const UNCHANGED = { status: 'unchanged' } as const;

/**
 * A blank cell, as every part of ClientFlow means it: no value (getValues gives '' for an empty cell),
 * or a string of only white space and invisible characters (zero-width spaces, BOM, controls), which
 * every field type also reads as empty. Numbers, booleans and Dates are never blank.
 */
/**
 * The value Sheets shows for a formula that fails (getValues returns it as text): a typed '+86 138…'
 * is read as a formula and becomes '#ERROR!'.
 * Ref: https://support.google.com/docs/answer/3093349 (formula errors)
 */
export function isFormulaError(v: unknown): boolean {
  return typeof v === 'string' && /^#(?:ERROR!|NAME\?|N\/A|REF!|VALUE!|DIV\/0!|NUM!|NULL!)$/.test(v);
}

export function isBlankCell(v: CellValue | null | undefined): boolean {
  if (v === '' || v === null || v === undefined) return true;
  if (typeof v !== 'string') return false;
  // The common cases without allocating: a first character that is printable ASCII or CJK is neither
  // white space nor invisible.
  const c = v.charCodeAt(0);
  if ((c > 0x20 && c < 0x7f) || (c > 0x3000 && c < 0xfeff)) return false;
  return v.trim() === '' || (INVISIBLE_TEST.test(v) && cleanInput(v) === '');
}

/** A cell's value as a string: '' for no value, Dates as ISO strings (inference and adopt read text). */
export function valueText(v: CellValue | null | undefined): string {
  if (v === undefined || v === null) return '';
  if (v instanceof Date) return v.toISOString();
  return String(v);
}

