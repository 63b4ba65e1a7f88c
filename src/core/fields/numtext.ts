/**
 * Reading numbers written by people: grouping by region (1,234.5 / 1.234,5 / 1 234,5 / 1'234.5; a lone
 * ',' is grouping before exactly three digits outside decimal-comma regions, a lone '.' is always a point),
 * full-width digits, a sign or accounting parentheses, scientific notation from exports, and the
 * multiplier suffixes k, m/mn, b/bn, 千, 万, 百万, 千万, 亿 ('1.2万' → 12000). Multipliers shift the decimal
 * point in the digit string, so '1.1万' is exactly 11000 (not 11000.000000000002).
 */
import { usesDecimalComma } from './context';

const SIMPLE = /^-?\d+(?:\.\d+)?$/;
const SCI = /^[+-]?\d+(?:\.\d+)?e[+-]?\d{1,3}$/i;
const MULTIPLIERS: Array<[RegExp, number]> = [
  [/\s*(?:千万|千萬)$/, 7],
  [/\s*(?:百万|百萬)$/, 6],
  [/\s*(?:亿|億)$/, 8],
  [/\s*(?:万|萬|w)$/i, 4],
  [/\s*千$/, 3],
  [/\s*(?:bn|b)$/i, 9],
  [/\s*(?:mn|mm|m)$/i, 6],
  [/\s*k$/i, 3],
];

/** 'digits' with a decimal point moved `shift` places right (negative: left), as a Number. */
export function shiftDecimal(intPart: string, fracPart: string, shift: number): number {
  const all = intPart + fracPart;
  const point = intPart.length + shift;
  let s: string;
  if (point <= 0) s = '0.' + '0'.repeat(-point) + all;
  else if (point >= all.length) s = all + '0'.repeat(point - all.length);
  else s = all.slice(0, point) + '.' + all.slice(point);
  return Number(s);
}

/** Splits '1,234.5' into integer and fraction digits using the region's conventions; null if malformed. */
function splitDigits(core: string, region: string): [string, string] | null {
  if (/^\d+$/.test(core)) return [core, ''];
  if (!/^\d[\d.,' \u00A0\u202F]*$/.test(core) || !/\d$/.test(core)) {
    // '.5' is a fraction written without its zero
    if (/^\.\d+$/.test(core)) return ['0', core.slice(1)];
    return null;
  }
  const lastDot = core.lastIndexOf('.');
  const lastComma = core.lastIndexOf(',');
  let dec: string | null = null;
  if (lastDot >= 0 && lastComma >= 0) {
    dec = lastDot > lastComma ? '.' : ',';
  } else if (lastDot >= 0 || lastComma >= 0) {
    const ch = lastDot >= 0 ? '.' : ',';
    const count = core.split(ch).length - 1;
    const regionDec = usesDecimalComma(region) ? ',' : '.';
    if (count > 1) dec = null; // 1.234.567 or 1,234,567: grouping only
    // A single '.' is a decimal point everywhere, even where ',' is: '1234.5' is the canonical text
    // cleanup writes (docs/ARCHITECTURE.md `clean`), so reading it back must give the same number ('1.234' in a
    // German sheet is 1.234; a German thousand is written 1.234,00 or 1234).
    else if (ch === regionDec || ch === '.') dec = ch;
    else {
      // The other separator, once: grouping when it is followed by exactly three digits and led by 1–3
      // digits that do not start with 0 (1,234 in the US); otherwise it can only be a decimal mark (1,5).
      const i = core.indexOf(ch);
      const after = core.slice(i + 1);
      const before = core.slice(0, i).replace(/[' \u00A0\u202F]/g, '');
      dec = /^\d{3}$/.test(after) && /^[1-9]\d{0,2}$/.test(before) ? null : ch;
    }
  }
  let intPart = core;
  let frac = '';
  if (dec !== null) {
    const i = core.lastIndexOf(dec);
    intPart = core.slice(0, i);
    frac = core.slice(i + 1);
    if (!/^\d+$/.test(frac)) return null;
  }
  if (/^\d+$/.test(intPart)) return [intPart, frac];
  // Grouped integer part: 1–3 digits, then groups of exactly three, one kind of separator.
  const m = /^(\d{1,3})((?:[.,' \u00A0\u202F]\d{3})+)$/.exec(intPart);
  if (!m) return null;
  const seps = new Set(m[2].replace(/\d/g, ''));
  if (seps.size !== 1 || (dec !== null && seps.has(dec))) return null;
  return [intPart.replace(/[^\d]/g, ''), frac];
}

/**
 * Parses the text of a number (already trimmed and width-folded). `allowMultiplier` enables k/万/….
 * Returns null when it is not a number.
 */
export function parseNumberText(s: string, region: string, allowMultiplier = true): number | null {
  if (SIMPLE.test(s)) return Number(s);
  if (s.length > 60 || s === '') return null;
  let t = s.replace(/\u2212/g, '-');
  let negative = false;
  if (t[0] === '(' && t[t.length - 1] === ')') { negative = true; t = t.slice(1, -1).trim(); }
  if (t[0] === '-' || t[0] === '+') { negative = negative !== (t[0] === '-'); t = t.slice(1).trim(); }
  if (SCI.test(t)) {
    const n = Number(t);
    return Number.isFinite(n) ? (negative ? -n : n) : null;
  }
  let shift = 0;
  if (allowMultiplier && /[^\d]$/.test(t)) {
    for (const [re, k] of MULTIPLIERS) {
      const m = re.exec(t);
      if (m) { shift = k; t = t.slice(0, m.index); break; }
    }
  }
  const parts = splitDigits(t, region);
  if (!parts) return null;
  const n = shiftDecimal(parts[0], parts[1], shift);
  if (!Number.isFinite(n)) return null;
  return negative && n !== 0 ? -n : n;
}
