/**
 * Percentages. The typed value is the fraction Sheets stores (12% → 0.12). Read:
 * - '12%', '12.5 %', '-3%', '１２％' → the fraction;
 * - a number from getValues → as stored (Sheets keeps 12% as 0.12);
 * - bare text numbers: decision: |x| ≤ 1 is a fraction ('0.12' → 12%, '1' → 100%) and |x| > 1 is
 *   percentage points ('12' → 12%), which is how people fill a percent column by hand;
 * - '百分之十二', '百分之12.5' → 0.12, 0.125.
 * The canonical text is the percent form ('12%', '12.5%'): it is unambiguous, so cleaning twice changes
 * nothing, and Sheets reads it back as the same fraction. Display '0.##%'-like formats show '12.%', so the
 * format is '0.00%'. Validation: every number is accepted.
 */
import { defineType, fail } from './define';
import type { ParseResult } from './types';
import { parseNumberText, shiftDecimal } from './numtext';
import { cleanInput, numberText } from './util';

const CN_DIGITS: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/** Small Chinese numerals (up to 9999): 十二 → 12, 一百 → 100, 三十五 → 35. Null if not one. */
export function chineseNumeral(s: string): number | null {
  if (s === '' || !/^[零〇一二两三四五六七八九十百千]+$/.test(s)) return null;
  let total = 0;
  let digit = -1;
  for (const ch of s) {
    const unit = ch === '十' ? 10 : ch === '百' ? 100 : ch === '千' ? 1000 : 0;
    if (unit) {
      total += (digit < 0 ? 1 : digit) * unit;
      digit = -1;
    } else {
      if (digit > 0) return null; // 二三: not a numeral
      digit = CN_DIGITS[ch];
    }
  }
  return total + (digit < 0 ? 0 : digit);
}

export function parsePercentText(raw: string, region: string): number | null {
  const s = cleanInput(raw);
  if (s === '') return null;
  let m = /^(.*?)\s*%$/.exec(s);
  if (m) {
    const n = parseNumberText(m[1], region, false);
    if (n === null) return null;
    return toFraction(n);
  }
  m = /^百分之(.+)$/.exec(s);
  if (m) {
    const n = chineseNumeral(m[1]) ?? parseNumberText(m[1], region, false);
    return n === null ? null : toFraction(n);
  }
  const n = parseNumberText(s, region, false);
  if (n === null) return null;
  return Math.abs(n) <= 1 ? n : toFraction(n);
}

/** points / 100 by moving the decimal point (12.3 → 0.123 exactly as written). */
function toFraction(points: number): number {
  const t = numberText(Math.abs(points));
  if (t.indexOf('e') >= 0) return points / 100;
  const [i, f = ''] = t.split('.');
  const v = shiftDecimal(i, f, -2);
  return points < 0 ? -v : v;
}

export function percentText(fraction: number): string {
  return numberText(fraction * 100) + '%';
}

export const percent = defineType({
  id: 'percent',
  parseValue(raw, ctx): ParseResult {
    if (typeof raw === 'number') return { ok: true, value: { kind: 'number', value: raw } };
    if (typeof raw !== 'string') return fail('invalidPercent');
    const n = parsePercentText(raw, ctx.region);
    return n === null ? fail('invalidPercent') : { ok: true, value: { kind: 'number', value: n } };
  },
  canonical: (v, raw) => (typeof raw === 'string' && v.kind === 'number' ? percentText(v.value) : null),
  numberFormat: () => '0.00%',
  validation: () => ({ kind: 'number' }),
});
