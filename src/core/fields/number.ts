/**
 * Numbers (counts, scores, quantities). Text is read with the region's grouping ('1,234.5' in the US,
 * '1 234,5' / '1.234,5' in France/Germany), full-width digits, a sign or parentheses for negatives,
 * scientific notation and the multipliers k, m, 万, 亿 ('1.2万' → 12000). Percent signs and currency
 * symbols are not numbers here (use the percent and currency types). Normalized to a plain number
 * (written as a number; its text is '1200', '-3.5': '.' point, no grouping).
 *
 * Display: 'General' (Sheets' automatic format): a fixed '#,##0.##' would show 3 as '3.' and '#,##0'
 * would hide fractions. Validation: every number is accepted (requireNumberBetween is not needed for free numbers).
 */
import { defineType, fail } from './define';
import type { ParseResult } from './types';
import { parseNumberText } from './numtext';
import { cleanInput } from './util';

export const number = defineType({
  id: 'number',
  parseValue(raw, ctx): ParseResult {
    if (typeof raw === 'number') return { ok: true, value: { kind: 'number', value: raw } };
    if (typeof raw !== 'string') return fail('invalidNumber');
    const n = parseNumberText(cleanInput(raw), ctx.region);
    return n === null ? fail('invalidNumber') : { ok: true, value: { kind: 'number', value: n } };
  },
  canonical: (v) => (v.kind === 'number' ? v.value : null),
  numberFormat: () => 'General',
  validation: () => ({ kind: 'number' }),
});
