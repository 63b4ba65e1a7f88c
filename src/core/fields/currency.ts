/**
 * Money (deal value, total spend). Text may carry a currency symbol or code before or after the amount
 * (¥ ￥ $ US$ HK$ € £ 元 块 RMB CNY USD EUR GBP HKD JPY 人民币 美元 …), grouping, the multipliers k, m, 万,
 * 亿: '¥1,200' → 1200, '1.2万' → 12000, '$3.5k' → 3500, '1,200元' → 1200, 'RMB 5万' → 50000. The value
 * is a plain number (docs/ARCHITECTURE.md `clean`: no symbol, no grouping, '.' point); the column's number format
 * shows the context currency. A symbol of another currency is read as the amount as written (we do not
 * convert; cleanup reports every change so a '$' in a ¥ column is visible).
 *
 * Each money column has its own currency (inferColumnCurrency: from its marks). With
 * `ctx.currencyStrict` (a column whose currency is known), an amount marked with another currency
 * ('€8900' in a ¥ column) is 'otherCurrency': reported and left as written, never relabelled. Text with
 * no digit at all ('tbd', '待定', '面议') is 'notAmount'.
 *
 * Decision: amounts are never negative ('negativeAmount'). Deal values and total spend are what a client is worth or has
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

/**
 * The currencies a mark may name, most likely first: '¥' is the yuan or the yen, '$' any dollar (US
 * first), '元' and 'RMB' only the yuan. Lower-case keys.
 */
const MARKS: Record<string, readonly string[]> = {
  'us$': ['USD'], 'hk$': ['HKD'], 'nt$': ['TWD'], 'a$': ['AUD'], 'c$': ['CAD'], 's$': ['SGD'], 'r$': ['BRL'],
  rmb: ['CNY'], cny: ['CNY'], usd: ['USD'], eur: ['EUR'], gbp: ['GBP'], hkd: ['HKD'], jpy: ['JPY'], twd: ['TWD'],
  sgd: ['SGD'], aud: ['AUD'], cad: ['CAD'], chf: ['CHF'], krw: ['KRW'], inr: ['INR'],
  人民币: ['CNY'], 美元: ['USD'], 欧元: ['EUR'], 英镑: ['GBP'], 港币: ['HKD'], 港元: ['HKD'], 日元: ['JPY'],
  块钱: ['CNY'], 元: ['CNY'], 块: ['CNY'], 圆: ['CNY'],
  $: ['USD', 'CAD', 'AUD', 'HKD', 'SGD', 'NZD', 'TWD', 'MXN'], '¥': ['CNY', 'JPY'], '￥': ['CNY', 'JPY'],
  '€': ['EUR'], '£': ['GBP'], '₩': ['KRW'], '₹': ['INR'],
};

/** The currencies the mark in a money text may name (most likely first); null when it has no mark. */
export function currencyMarks(raw: string): readonly string[] | null {
  const s = cleanInput(raw).toLowerCase();
  const m = PREFIX.exec(s) ?? SUFFIX.exec(s);
  if (!m) return null;
  const mark = m[0].replace(/[-+()\s]/g, '');
  return MARKS[mark] ?? null;
}

export interface ColumnCurrency {
  /** ISO 4217 code of the column: the currency most marked amounts are in, else the fallback. */
  currency: string;
  /** Marked amounts per currency, when more than one currency is marked (a mixed column). */
  mixed: Record<string, number> | null;
}

/**
 * The currency of a money column from its own marks ('¥', '元', 'RMB', '$', 'US$', '€'…). A mark that
 * may name several currencies ('¥', '$') counts for the one another mark of the column names, else for
 * its most likely one. Unmarked amounts say nothing. Without any mark: `fallback` (the locale's).
 */
export function inferColumnCurrency(values: readonly unknown[], fallback: string): ColumnCurrency {
  const sets: Array<readonly string[]> = [];
  for (const v of values) {
    if (typeof v !== 'string') continue;
    const m = currencyMarks(v);
    if (m) sets.push(m);
  }
  if (sets.length === 0) return { currency: fallback, mixed: null };
  // Unambiguous marks first: they decide what '¥' and '$' mean in this column.
  const sure = new Map<string, number>();
  for (const s of sets) if (s.length === 1) sure.set(s[0], (sure.get(s[0]) ?? 0) + 1);
  const counts = new Map<string, number>();
  for (const s of sets) {
    const pick = s.length === 1 ? s[0] : s.find((c) => sure.has(c)) ?? (s.includes(fallback) ? fallback : s[0]);
    counts.set(pick, (counts.get(pick) ?? 0) + 1);
  }
  const ranked = [...counts.entries()].sort((a, b) => b[1] - a[1] || (a[0] === fallback ? -1 : b[0] === fallback ? 1 : a[0] < b[0] ? -1 : 1));
  return { currency: ranked[0][0], mixed: ranked.length > 1 ? Object.fromEntries(ranked) : null };
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
    else if (typeof raw === 'string') {
      n = parseMoneyText(raw, ctx);
      // 'tbd', '待定', '面议': no digit at all is no amount (not a wrong one).
      if (n === null && !/[0-9０-９]/.test(raw)) return fail('notAmount');
      if (n !== null && ctx.currencyStrict) {
        const marks = currencyMarks(raw);
        if (marks && !marks.includes(ctx.currency.toUpperCase())) return fail('otherCurrency', marks[0]);
      }
    }
    if (n === null) return fail('invalidCurrency');
    if (n < 0) return fail('negativeAmount');
    return { ok: true, value: { kind: 'number', value: n } };
  },
  canonical: (v) => (v.kind === 'number' ? v.value : null),
  numberFormat: (ctx) => (ctx.currencyMixed ? '#,##0.00' : currencyFormat(ctx.currency)),
  validation: () => ({ kind: 'number', min: 0 }),
});
