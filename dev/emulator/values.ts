/**
 * Cell values the way Sheets stores them (number | boolean | string, '' = empty; dates are numbers with a
 * date format) and the way it parses what a person types — which is also what Range.setValue(s) does
 * with a string, unless the cell's number format is plain text '@'.
 * The reference itself says only that a string starting with '=' is read as a formula
 * (https://developers.google.com/apps-script/reference/spreadsheet/range#setValues(Object)); the
 * parse-as-typed model is the Sheets API's USER_ENTERED ("parsed as if the user typed them into the
 * UI", https://developers.google.com/sheets/api/reference/rest/v4/ValueInputOption), which gas-fakes
 * also uses for setValues. The contract suite (dev/contract) checks the forms below on real Sheets.
 * Parsed: numbers (grouping and decimal marks of the locale family), percents, currency with a leading
 * symbol or a trailing ¥ €  £ 元, TRUE/FALSE, ISO and the locale's d/m/y or m/d/y dates with optional times, formulas ('=' and a
 * leading '+' or '-' followed by a formula), a leading apostrophe (dropped, keeps text).
 * Knowingly not parsed (stay text here, may not in Sheets): year-less dates ('3/4', 'Jan 5'), accounting
 * negatives ('(12)'), fractions ('1/2' as a number), locales beyond the four families of computeLocaleInfo (en_US, en_GB-like, zh, continental European).
 * Ref: https://support.google.com/docs/answer/56470 (number formats; "Plain text" keeps what you type)
 * Ref: https://support.google.com/docs/answer/3094038 (date & time formats)
 */
import { isValidYmd, MONTHS, wallToSerial } from './dates';

export type Cell = number | boolean | string; // '' = empty

/** Number format of a cell that was never formatted, as Range.getNumberFormat() reports it.
 * Ref: https://developers.google.com/apps-script/reference/spreadsheet/range#getNumberFormat()
 * (Apps Script reports the automatic format as '0.###############'). */
export const DEFAULT_FORMAT = '0.###############';
export const TEXT_FORMAT = '@';

export interface LocaleInfo {
  decimal: string;
  group: string;
  /** Order of day/month/year in slash dates typed by a person. */
  dateOrder: 'MDY' | 'DMY' | 'YMD';
  dateFormat: string;
  dateTimeFormat: string;
  currency: string;
  currencyFormat: string;
}

const localeCache = new Map<string, LocaleInfo>();
export function localeInfo(locale: string): LocaleInfo {
  let li = localeCache.get(locale);
  if (!li) {
    li = computeLocaleInfo(locale);
    localeCache.set(locale, li);
  }
  return li;
}

function computeLocaleInfo(locale: string): LocaleInfo {
  const l = locale.replace('-', '_');
  if (/^zh/i.test(l)) return { decimal: '.', group: ',', dateOrder: 'YMD', dateFormat: 'yyyy-mm-dd', dateTimeFormat: 'yyyy-mm-dd h:mm:ss', currency: '¥', currencyFormat: '[$¥]#,##0.00' };
  if (/^(de|fr|es|it|pt|nl|ru)/i.test(l)) return { decimal: ',', group: '.', dateOrder: 'DMY', dateFormat: 'dd.mm.yyyy', dateTimeFormat: 'dd.mm.yyyy hh:mm:ss', currency: '€', currencyFormat: '#,##0.00 [$€]' };
  if (/^en_(GB|AU|NZ|IE|IN|ZA)/i.test(l)) return { decimal: '.', group: ',', dateOrder: 'DMY', dateFormat: 'dd/mm/yyyy', dateTimeFormat: 'dd/mm/yyyy hh:mm:ss', currency: '£', currencyFormat: '[$£]#,##0.00' };
  return { decimal: '.', group: ',', dateOrder: 'MDY', dateFormat: 'm/d/yyyy', dateTimeFormat: 'm/d/yyyy h:mm:ss', currency: '$', currencyFormat: '[$$]#,##0.00' };
}

/** What typing `text` into a cell produces. */
export interface Parsed {
  value: Cell;
  formula?: string;
  /** A format the typed text implies (percent, currency, date); undefined = keep the cell's format. */
  format?: string;
}

const CURRENCY_SYMBOLS = ['$', '¥', '￥', '€', '£', '元'];

const numberRes = new Map<string, RegExp>();
function parseNumberText(s: string, li: LocaleInfo): { n: number; decimals: number; grouped: boolean } | null {
  const key = li.group + li.decimal;
  let re = numberRes.get(key);
  if (!re) {
    const g = li.group === '.' ? '\\.' : li.group;
    const d = li.decimal === '.' ? '\\.' : li.decimal;
    re = new RegExp(`^([+-]?)(\\d{1,3}(?:${g}\\d{3})+|\\d*)(?:${d}(\\d*))?(?:[eE]([+-]?\\d+))?$`);
    numberRes.set(key, re);
  }
  const m = re.exec(s);
  if (!m) return null;
  const intPart = m[2] ?? '';
  const frac = m[3];
  if (intPart === '' && (frac === undefined || frac === '')) return null;
  const grouped = intPart.includes(li.group);
  const num = Number(`${m[1] ?? ''}${intPart.split(li.group).join('') || '0'}.${frac ?? '0'}${m[4] !== undefined ? `e${m[4]}` : ''}`);
  if (!Number.isFinite(num)) return null;
  return { n: num, decimals: frac ? frac.length : 0, grouped };
}

const MONTH_IDX = new Map<string, number>();
MONTHS.forEach((m, i) => {
  MONTH_IDX.set(m.toLowerCase(), i + 1);
  MONTH_IDX.set(m.slice(0, 3).toLowerCase(), i + 1);
});
MONTH_IDX.set('sept', 9);

function timeFraction(t: string | undefined): { frac: number; seconds: boolean } | null {
  if (!t) return { frac: 0, seconds: false };
  const m = /^(\d{1,2}):(\d{2})(?::(\d{2}))?\s*(am|pm|AM|PM)?$/.exec(t.trim());
  if (!m) return null;
  let h = Number(m[1]);
  const mi = Number(m[2]);
  const s = m[3] ? Number(m[3]) : 0;
  if (m[4]) {
    if (h > 12 || h === 0) return null;
    if (/pm/i.test(m[4]) && h < 12) h += 12;
    if (/am/i.test(m[4]) && h === 12) h = 0;
  }
  if (h > 23 || mi > 59 || s > 59) return null;
  return { frac: (h * 3600 + mi * 60 + s) / 86400, seconds: m[3] !== undefined };
}

function parseDateText(s: string, li: LocaleInfo): { serial: number; format: string } | null {
  let m: RegExpExecArray | null;
  let y = 0;
  let mo = 0;
  let d = 0;
  let rest: string | undefined;
  let fmt = li.dateFormat;
  if ((m = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T](.+))?$/.exec(s))) {
    y = +(m[1] ?? 0); mo = +(m[2] ?? 0); d = +(m[3] ?? 0); rest = m[4]; fmt = 'yyyy-mm-dd';
  } else if ((m = /^(\d{4})\/(\d{1,2})\/(\d{1,2})(?: (.+))?$/.exec(s))) {
    y = +(m[1] ?? 0); mo = +(m[2] ?? 0); d = +(m[3] ?? 0); rest = m[4]; fmt = 'yyyy/m/d';
  } else if ((m = /^(\d{4})年(\d{1,2})月(\d{1,2})日(?:\s*(.+))?$/.exec(s))) {
    y = +(m[1] ?? 0); mo = +(m[2] ?? 0); d = +(m[3] ?? 0); rest = m[4]; fmt = 'yyyy"年"m"月"d"日"';
  } else if ((m = /^(\d{1,2})[/.](\d{1,2})[/.](\d{4}|\d{2})(?: (.+))?$/.exec(s)) && li.dateOrder !== 'YMD') {
    const a = +(m[1] ?? 0);
    const b = +(m[2] ?? 0);
    y = +(m[3] ?? 0);
    if (y < 100) y += y < 30 ? 2000 : 1900;
    if (li.dateOrder === 'MDY') { mo = a; d = b; } else { d = a; mo = b; }
    rest = m[4];
  } else if ((m = /^(\d{1,2})[ -]([A-Za-z]{3,9})\.?[ -,]*(\d{4})$/.exec(s))) {
    d = +(m[1] ?? 0); mo = MONTH_IDX.get((m[2] ?? '').toLowerCase()) ?? 0; y = +(m[3] ?? 0);
  } else if ((m = /^([A-Za-z]{3,9})\.? (\d{1,2}),? (\d{4})$/.exec(s))) {
    mo = MONTH_IDX.get((m[1] ?? '').toLowerCase()) ?? 0; d = +(m[2] ?? 0); y = +(m[3] ?? 0);
  } else {
    return null;
  }
  if (!isValidYmd(y, mo, d)) return null;
  const t = timeFraction(rest);
  if (!t) return null;
  const serial = wallToSerial(y, mo, d) + t.frac;
  if (rest) fmt = fmt === 'yyyy-mm-dd' ? (t.seconds ? 'yyyy-mm-dd hh:mm:ss' : 'yyyy-mm-dd hh:mm') : li.dateTimeFormat;
  return { serial, format: fmt };
}

/** A text that typing keeps as text for sure (starts with a letter or CJK and is no boolean, month-name
 * date or 元 amount): lets bulk writes skip the full parser. */
export function surelyText(s: string): boolean {
  const ch = s.charCodeAt(0);
  if (!((ch >= 65 && ch <= 90) || (ch >= 97 && ch <= 122) || (ch >= 0x3000 && ch !== 0xffe5))) return false;
  const last = s.charCodeAt(s.length - 1);
  if (last === 0x5143 /* 元 */ || last === 32) return false;
  if (s.length <= 5 && /^(true|false)$/i.test(s)) return false;
  return !/^[A-Za-z]{3,9}\.? \d/.test(s);
}

/**
 * Parses text as Sheets parses typing. `cellFormat` is the cell's current number format: '@' keeps
 * the text exactly. A text that starts with '=' is a formula; so is one that starts with '+' or '-' and
 * is not a number (Sheets reads "+86 138…" as a formula and shows an error).
 * Ref: https://support.google.com/docs/answer/46977 (formulas start with "=", "+" or "-")
 */
export function parseTyped(text: string, cellFormat: string | undefined, locale: string): Parsed {
  if (cellFormat === TEXT_FORMAT) return { value: text };
  if (text === '') return { value: '' };
  // A leading apostrophe is Sheets' quote prefix: the rest is kept as text, and the apostrophe is not
  // part of the value (getValue returns '00123' for a typed "'00123"; scripts use setValue("'" + s) for
  // the same effect). Ref: https://support.google.com/docs/answer/3094146 (format numbers as text)
  if (text.startsWith("'")) return { value: text.slice(1) };
  if (text.length > 1 && text.startsWith('=')) return { value: '', formula: text };
  if (/^[1-9]\d{0,14}$/.test(text)) return { value: Number(text) };
  const s = text.trim();
  if (s === '') return { value: text };
  // Fast path for ordinary words: a letter or CJK start can only be a boolean or a month-name date.
  const ch = s.charCodeAt(0);
  if (((ch >= 65 && ch <= 90) || (ch >= 97 && ch <= 122) || (ch >= 0x3000 && ch !== 0xffe5)) && !/^(true|false)$/i.test(s) && !/^[A-Za-z]{3,9}\.? \d/.test(s) && !s.endsWith('元')) return { value: text };
  const li = localeInfo(locale);
  const upper = s.toUpperCase();
  if (upper === 'TRUE') return { value: true };
  if (upper === 'FALSE') return { value: false };
  const num = parseNumberText(s, li);
  if (num) return { value: num.n, format: num.grouped && isGeneral(cellFormat) ? (num.decimals ? '#,##0.00' : '#,##0') : undefined };
  if (s.endsWith('%')) {
    const p = parseNumberText(s.slice(0, -1).trim(), li);
    if (p) return { value: p.n / 100, format: isPercentFormat(cellFormat) ? undefined : p.decimals ? '0.00%' : '0%' };
  }
  for (const sym of CURRENCY_SYMBOLS) {
    let body: string | null = null;
    let neg = false;
    if (s.startsWith(sym)) body = s.slice(sym.length);
    else if (s.startsWith(`-${sym}`)) { body = s.slice(sym.length + 1); neg = true; }
    else if (s.endsWith(sym) && sym !== '$') body = s.slice(0, -sym.length);
    if (body === null) continue;
    const p = parseNumberText(body.trim(), li);
    if (p && !body.trim().startsWith('+') && !body.trim().startsWith('-')) {
      const shown = sym === '￥' || sym === '元' ? '¥' : sym;
      return { value: neg ? -p.n : p.n, format: `[$${shown}]#,##0${p.decimals ? '.00' : ''}` };
    }
  }
  const date = parseDateText(s, li);
  if (date) return { value: date.serial, format: isDateFormat(cellFormat) ? undefined : date.format };
  const time = /^\d{1,2}:\d{2}(:\d{2})?(\s*[ap]m)?$/i.test(s) ? timeFraction(s) : null;
  if (time) return { value: time.frac, format: isDateFormat(cellFormat) ? undefined : time.seconds ? 'h:mm:ss am/pm' : 'h:mm am/pm' };
  if ((s.startsWith('+') || s.startsWith('-')) && s.length > 1) return { value: '', formula: `=${s}` };
  return { value: text };
}

export function isGeneral(fmt: string | undefined): boolean {
  return fmt === undefined || fmt === DEFAULT_FORMAT || fmt === '' || fmt.toLowerCase() === 'general';
}
export function isPercentFormat(fmt: string | undefined): boolean {
  return !!fmt && stripLiterals(fmt).includes('%');
}

/** Removes quoted literals, escapes and bracketed parts ([$¥], [Red]) of a number format. */
export function stripLiterals(fmt: string): string {
  return fmt.replace(/"[^"]*"/g, '').replace(/\\./g, '').replace(/\[[^\]]*\]/g, '');
}

const dateFmtCache = new Map<string, boolean>();
export function isDateFormat(fmt: string | undefined): boolean {
  if (!fmt || fmt === TEXT_FORMAT || isGeneral(fmt)) return false;
  let v = dateFmtCache.get(fmt);
  if (v === undefined) {
    v = /[ydhsm]/i.test(stripLiterals(fmt).replace(/am\/pm|a\/p/gi, 'h'));
    dateFmtCache.set(fmt, v);
  }
  return v;
}
