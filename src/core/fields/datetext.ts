/**
 * Reading dates and date-times written by people: ISO, 2024/1/5, 2024年1月5日, 5 Jan 2024, Jan 5, 2024,
 * January 5th 2024, 05.01.2024, 1/5/2024 (day/month order from the context), 20240105, with optional
 * weekday and optional time (14:30, 2:30 PM, 下午2:30, 14点30分, 2点半, ISO 'T…Z'). Also Date cells and
 * Sheets serial numbers. Shared by the date, dateTime and auto types.
 */
import type { CellValue, TypeContext } from './types';
import { calendarParts, isValidDate, isValidTime, serialToParts } from './calendar';
import { cleanInput } from './util';

export interface DateTimeParts {
  y: number; m: number; d: number;
  hh: number; mm: number;
  /** Whether a time of day was written (or the Date/serial had one). */
  hasTime: boolean;
}

const MONTHS: Record<string, number> = {
  jan: 1, january: 1, feb: 2, february: 2, mar: 3, march: 3, apr: 4, april: 4, may: 5, jun: 6, june: 6,
  jul: 7, july: 7, aug: 8, august: 8, sep: 9, sept: 9, september: 9, oct: 10, october: 10, nov: 11,
  november: 11, dec: 12, december: 12,
};
const MONTH_RE = '(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?';

const ISO_FAST = /^(\d{4})-(\d{2})-(\d{2})$/;
const RE_YMD = /^(\d{4})\s*[-/.]\s*(\d{1,2})\s*[-/.]\s*(\d{1,2})(?![\d])/;
const RE_CN = /^(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]?/;
const RE_NUM_YEAR_LAST = /^(\d{1,2})\s*([-/.])\s*(\d{1,2})\s*\2\s*(\d{4}|\d{1,2})(?![\d])/;
const RE_COMPACT = /^(\d{4})(\d{2})(\d{2})(?![\d])/;
const RE_D_MON_Y = new RegExp('^(\\d{1,2})[\\s-]*' + MONTH_RE + '[\\s,-]*(\\d{4})(?![\\d])');
const RE_MON_D_Y = new RegExp('^' + MONTH_RE + '\\s*(\\d{1,2}),?\\s*(\\d{4})(?![\\d])');
const RE_Y_MON_D = new RegExp('^(\\d{4})[\\s-]*' + MONTH_RE + '[\\s-]*(\\d{1,2})(?![\\d])');

const WEEKDAY_EN = /\b(?:mon(?:day)?|tue(?:s(?:day)?)?|wed(?:nesday)?|thu(?:r(?:s(?:day)?)?)?|fri(?:day)?|sat(?:urday)?|sun(?:day)?)\b\.?,?/g;
const WEEKDAY_CN = /[(（]?(?:星期|周|礼拜)[一二三四五六日天][)）]?/g;
const ORDINAL = /(\d)(?:st|nd|rd|th)\b/g;

/** The time part: '14:30', '14:30:15', '2:30 pm', '2pm', '下午2:30', '14点30分', '2点半', with 'Z' or '+08:00'. */
const RE_TIME = /^(凌晨|早上|早晨|上午|中午|下午|傍晚|晚上|夜里|夜间)?\s*(\d{1,2})\s*(?:(?:[:：]\s*(\d{2})(?:\s*[:：]\s*(\d{2})(?:\.\d+)?)?)|(?:[点點时時]\s*(?:(半)|(\d{1,2})\s*分?)?\s*(?:(\d{1,2})\s*秒)?))?\s*(a\.?m\.?|p\.?m\.?)?\s*(z|[+-]\d{2}:?\d{2})?$/;

function year2(y: string): number {
  const n = Number(y);
  if (y.length === 4) return n;
  return n < 50 ? 2000 + n : 1900 + n; // two-digit years: 00–49 → 2000s, 50–99 → 1900s
}

interface DateMatch { y: number; m: number; d: number; rest: string }

function matchDate(s: string, ctx: TypeContext): DateMatch | null | 'invalid' {
  let m: RegExpExecArray | null;
  if ((m = RE_YMD.exec(s)) || (m = RE_CN.exec(s))) {
    return { y: Number(m[1]), m: Number(m[2]), d: Number(m[3]), rest: s.slice(m[0].length) };
  }
  if ((m = RE_NUM_YEAR_LAST.exec(s))) {
    const a = Number(m[1]);
    const b = Number(m[3]);
    if (m[4].length <= 2 && ctx.dateOrder === 'YMD' && m[2] !== '.') {
      // Year-first regions write short years first: 24/1/5 is 2024-01-05 in China and Japan.
      return { y: year2(m[1].padStart(2, '0')), m: b, d: Number(m[4]), rest: s.slice(m[0].length) };
    }
    if (m[4].length === 1) return 'invalid';
    const y = year2(m[4]);
    // A dotted date with the year last (05.01.2024) is day-first everywhere it is written.
    // Otherwise the region decides; year-first regions get month-first (what US-made exports write).
    const dayFirst = m[2] === '.' || ctx.dateOrder === 'DMY';
    let mo = dayFirst ? b : a;
    let d = dayFirst ? a : b;
    if (!isValidDate(y, mo, d) && isValidDate(y, d, mo)) { const t = mo; mo = d; d = t; }
    return { y, m: mo, d, rest: s.slice(m[0].length) };
  }
  if ((m = RE_D_MON_Y.exec(s))) {
    return { y: Number(m[3]), m: MONTHS[m[2]], d: Number(m[1]), rest: s.slice(m[0].length) };
  }
  if ((m = RE_MON_D_Y.exec(s))) {
    return { y: Number(m[3]), m: MONTHS[m[1]], d: Number(m[2]), rest: s.slice(m[0].length) };
  }
  if ((m = RE_Y_MON_D.exec(s))) {
    return { y: Number(m[1]), m: MONTHS[m[2]], d: Number(m[3]), rest: s.slice(m[0].length) };
  }
  if ((m = RE_COMPACT.exec(s))) {
    return { y: Number(m[1]), m: Number(m[2]), d: Number(m[3]), rest: s.slice(m[0].length) };
  }
  return null;
}

interface TimeMatch { hh: number; mm: number; offsetMin: number | null }

function matchTime(t: string): TimeMatch | null {
  const m = RE_TIME.exec(t);
  if (!m) return null;
  const period = m[1];
  let hh = Number(m[2]);
  const colonMin = m[3];
  const colonSec = m[4];
  const half = m[5];
  const cnMin = m[6];
  const ampm = m[8];
  const hasClock = colonMin !== undefined || /[点點时時]/.test(m[0]);
  if (!hasClock && !ampm) return null; // a bare number is not a time
  const mm = colonMin !== undefined ? Number(colonMin) : half ? 30 : cnMin !== undefined ? Number(cnMin) : 0;
  const ss = colonSec !== undefined ? Number(colonSec) : m[7] !== undefined ? Number(m[7]) : 0;
  if (ampm) {
    if (hh < 1 || hh > 12 || period) return null;
    const pm = ampm[0] === 'p';
    if (pm && hh < 12) hh += 12;
    if (!pm && hh === 12) hh = 0;
  } else if (period) {
    if (hh > 12) {
      if (!(period === '下午' || period === '晚上' || period === '傍晚' || period === '中午')) return null;
    } else if (period === '下午' || period === '晚上' || period === '傍晚' || period === '夜里' || period === '夜间') {
      if (hh < 12) hh += 12;
      else if (period !== '下午') hh = 0; // 晚上12点 = midnight
    } else if (period === '中午') {
      if (hh < 11) hh += 12;
    } else if (period === '凌晨' && hh === 12) {
      hh = 0;
    }
  }
  if (!isValidTime(hh, mm, ss)) return null;
  let offsetMin: number | null = null;
  const z = m[9];
  if (z) {
    if (z === 'z') offsetMin = 0;
    else {
      const sign = z[0] === '-' ? -1 : 1;
      const digits = z.slice(1).replace(':', '');
      offsetMin = sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2, 4)));
    }
  }
  return { hh, mm, offsetMin };
}

/**
 * Parses the text of a date or date-time cell. Returns null when it is not one (including impossible
 * dates like 2024-02-30 and times like 25:00). Text with a 'Z' or an offset is converted to the context's
 * time zone.
 */
export function parseDateTimeText(raw: string, ctx: TypeContext): DateTimeParts | null {
  const fast = ISO_FAST.exec(raw);
  if (fast) {
    const y = Number(fast[1]); const m = Number(fast[2]); const d = Number(fast[3]);
    return isValidDate(y, m, d) ? { y, m, d, hh: 0, mm: 0, hasTime: false } : null;
  }
  let s = cleanInput(raw);
  if (s === '' || s.length > 80) return null;
  s = s.toLowerCase();
  if (/[a-z]/.test(s)) s = s.replace(WEEKDAY_EN, ' ').replace(ORDINAL, '$1');
  if (/[星周礼]/.test(s)) s = s.replace(WEEKDAY_CN, ' ');
  s = s.replace(/\s+/g, ' ').trim();
  const dm = matchDate(s, ctx);
  if (dm === null || dm === 'invalid') return null;
  if (!isValidDate(dm.y, dm.m, dm.d)) return null;
  let rest = dm.rest.trim();
  if (rest === '') return { y: dm.y, m: dm.m, d: dm.d, hh: 0, mm: 0, hasTime: false };
  rest = rest.replace(/^(?:t|,|at\b|@)\s*/, '');
  const tm = matchTime(rest);
  if (!tm) return null;
  if (tm.offsetMin === null) return { y: dm.y, m: dm.m, d: dm.d, hh: tm.hh, mm: tm.mm, hasTime: true };
  const instant = new Date(Date.UTC(dm.y, dm.m - 1, dm.d, tm.hh, tm.mm) - tm.offsetMin * 60000);
  const p = calendarParts(instant, ctx.timeZone);
  if (!p || !isValidDate(p.y, p.m, p.d)) return null;
  return { y: p.y, m: p.m, d: p.d, hh: p.hh, mm: p.mm, hasTime: true };
}

/**
 * Any non-empty cell of a date/date-time column: a Date from getValues (read in ctx.timeZone), a Sheets
 * serial number (days since 1899-12-30; also an 8-digit 20240105), or text. Null when not a date.
 */
export function parseDateTimeCell(raw: Exclude<CellValue, boolean>, ctx: TypeContext): DateTimeParts | null {
  if (typeof raw === 'string') return parseDateTimeText(raw, ctx);
  if (typeof raw === 'number') {
    if (Number.isInteger(raw) && raw >= 19000101 && raw <= 99991231) {
      const y = Math.floor(raw / 10000); const m = Math.floor(raw / 100) % 100; const d = raw % 100;
      if (isValidDate(y, m, d)) return { y, m, d, hh: 0, mm: 0, hasTime: false };
    }
    const p = serialToParts(raw);
    if (!p) return null;
    return { y: p.y, m: p.m, d: p.d, hh: p.hh, mm: p.mm, hasTime: p.hh !== 0 || p.mm !== 0 };
  }
  const p = calendarParts(raw, ctx.timeZone);
  if (!p || !isValidDate(p.y, p.m, p.d)) return null;
  return { y: p.y, m: p.m, d: p.d, hh: p.hh, mm: p.mm, hasTime: p.hh !== 0 || p.mm !== 0 };
}
