/**
 * Money (deal value, total spend). Text may carry a currency symbol or code before or after the amount
 * (¥ ￥ $ US$ HK$ € £ 元 块 RMB CNY USD EUR GBP HKD JPY 人民币 美元 …), grouping, the multipliers k, m, 万,
 * 亿: '¥1,200' → 1200, '1.2万' → 12000, '$3.5k' → 3500, '1,200元' → 1200, 'RMB 5万' → 50000. The value
 * is a plain number (docs/ARCHITECTURE.md `clean`: no symbol, no grouping, '.' point); the column's number format
 * shows the context currency. A symbol of another currency is read as the amount as written (we do not
 * convert; cleanup reports every change so a '$' in a ¥ column is visible).
 *
 * Decision: amounts are never negative. Deal values and total spend are what a client is worth or has
 * paid; refunds are recorded as a lower total, not a negative one. So '-5', '(1,200)' and '$-3' do not
 * parse (invalidCurrency) and the validation is requireNumberGreaterThanOrEqualTo(0).
 */
import { defineType, fail } from './define';
import type { ParseResult, TypeContext } from './types';
import { parseNumberText } from './numtext';
import { cleanInput } from './util';

const SYMBOLS = '(?:us\\$|hk\\$|nt\\$|a\\$|c\\$|s\\$|r\\$|rmb|cny|usd|eur|gbp|hkd|jpy|twd|sgd|aud|cad|chf|krw|inr|人民币|美元|欧元|英镑|港币|港元|日元|块钱|元|块|圆|\\$|¥|￥|€|£|₩|₹)';
const PREFIX = new RegExp(`^([-+(]?)\\s*${SYMBOLS}\\s*`, 'i');
const SUFFIX = new RegExp(`\\s*${SYMBOLS}\\s*(\\)?)$`, 'i');

/** The amount written in a currency cell's text; null when it is not an amount. May be negative. */
export function parseMoneyText(raw: string, ctx: TypeContext): number | null {
  let s = cleanInput(raw).toLowerCase();
  if (s === '' || s.length > 60) return null;
  const p = PREFIX.exec(s);
  if (p) s = p[1] + s.slice(p[0].length);
  const q = SUFFIX.exec(s);
  if (q) s = s.slice(0, q.index) + (q[1] ?? '');
  s = s.trim();
  // '1.2万元' has the multiplier before the unit; '¥-5' has the sign after the symbol.
  return parseNumberText(s, ctx.region, true);
}

/** Display formats by currency (Sheets renders separators by the spreadsheet's locale). */
const FORMATS: Record<string, string> = {
  CNY: '"¥"#,##0.00', USD: '"$"#,##0.00', EUR: '"€"#,##0.00', GBP: '"£"#,##0.00', JPY: '"¥"#,##0',
  HKD: '"HK$"#,##0.00', TWD: '"NT$"#,##0', SGD: '"S$"#,##0.00', AUD: '"A$"#,##0.00', CAD: '"C$"#,##0.00',
  KRW: '"₩"#,##0', INR: '"₹"#,##0.00', CHF: '"CHF "#,##0.00',
};

export function currencyFormat(currency: string): string {
  const c = currency.toUpperCase();
  return FORMATS[c] ?? `"${c.replace(/[^A-Z]/g, '')} "#,##0.00`;
}

export const currency = defineType({
  id: 'currency',
  parseValue(raw, ctx): ParseResult {
    let n: number | null = null;
    if (typeof raw === 'number') n = raw;
    else if (typeof raw === 'string') n = parseMoneyText(raw, ctx);
    if (n === null || n < 0) return fail('invalidCurrency');
    return { ok: true, value: { kind: 'number', value: n } };
  },
  canonical: (v) => (v.kind === 'number' ? v.value : null),
  numberFormat: (ctx) => currencyFormat(ctx.currency),
  validation: () => ({ kind: 'number', min: 0 }),
});
