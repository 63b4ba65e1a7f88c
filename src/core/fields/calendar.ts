/**
 * Calendar arithmetic without Date pitfalls: calendar dates are 'YYYY-MM-DD' strings, date-times
 * 'YYYY-MM-DDTHH:mm', both local to the spreadsheet. Date objects from Range.getValues() are turned into
 * calendar values with Intl in the spreadsheet's time zone (pure: Apps Script V8, Node and browsers all
 * ship Intl with time zones).
 *
 * Apps Script returns date cells as JavaScript Date objects
 * (https://developers.google.com/apps-script/reference/spreadsheet/range#getValues(),
 * https://developers.google.com/apps-script/reference/spreadsheet/value-type); the instant is the cell's
 * wall-clock time in the spreadsheet's time zone, so formatting it in that zone gives back the calendar day.
 * Sheets serial numbers count days since 1899-12-30 (https://support.google.com/docs/answer/3092969).
 */


const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    const opts: Intl.DateTimeFormatOptions = {
      year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit',
      hourCycle: 'h23', timeZone,
    };
    try {
      f = new Intl.DateTimeFormat('en-US', opts);
    } catch {
      // An unknown zone name: fall back to UTC rather than failing every date cell.
      f = new Intl.DateTimeFormat('en-US', { ...opts, timeZone: 'UTC' });
    }
    formatters.set(timeZone, f);
  }
  return f;
}

/**
 * Whether this runtime's Intl knows the zone. formatterFor reads an unknown zone as UTC so that one bad
 * name cannot fail every date cell; callers that read a spreadsheet's dates check this first and report
 * the zone rather than read dates a few hours off.
 */
export function isKnownTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone });
    return true;
  } catch {
    return false;
  }
}

export interface CalendarParts { y: number; m: number; d: number; hh: number; mm: number; ss: number }

/**
 * Offsets of a zone from UTC, memoized per 15-minute slice of time: every zone's offset changes only at
 * instants that are multiples of 15 minutes in UTC (even +05:45, −03:30 or Lord Howe's half-hour DST), so
 * one Intl call per slice is exact, and a column of dates costs one Intl call per distinct day or so.
 */
const offsetMemo = new Map<string, Map<number, number>>();
const SLICE_MS = 15 * 60000;

const MS_DAY = 86_400_000;

/**
 * UTC fields of an instant by integer arithmetic (days → civil date, the proleptic Gregorian calendar as
 * Date uses it; H. Hinnant's civil_from_days), without allocating a Date: this runs for every date cell of
 * a 100k-row check. Same results as the getUTC* getters for every finite time value.
 */
function fieldsOf(t: number): CalendarParts {
  const days = Math.floor(t / MS_DAY);
  let ms = t - days * MS_DAY;
  const hh = Math.floor(ms / 3_600_000);
  ms -= hh * 3_600_000;
  const mm = Math.floor(ms / 60_000);
  ms -= mm * 60_000;
  const ss = Math.floor(ms / 1000);
  const z = days + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  return { y, m, d, hh, mm, ss };
}

function offsetAt(t: number, timeZone: string): number {
  let zone = offsetMemo.get(timeZone);
  if (!zone) { zone = new Map(); offsetMemo.set(timeZone, zone); }
  const slice = Math.floor(t / SLICE_MS);
  const hit = zone.get(slice);
  if (hit !== undefined) return hit;
  const p: CalendarParts = { y: 0, m: 0, d: 0, hh: 0, mm: 0, ss: 0 };
  for (const part of formatterFor(timeZone).formatToParts(new Date(slice * SLICE_MS))) {
    switch (part.type) {
      case 'year': p.y = Number(part.value); break;
      case 'month': p.m = Number(part.value); break;
      case 'day': p.d = Number(part.value); break;
      case 'hour': p.hh = Number(part.value) % 24; break;
      case 'minute': p.mm = Number(part.value); break;
      case 'second': p.ss = Number(part.value); break;
      default: break;
    }
  }
  const offset = Date.UTC(p.y, p.m - 1, p.d, p.hh, p.mm, p.ss) - slice * SLICE_MS;
  if (zone.size > 100_000) zone.clear();
  zone.set(slice, offset);
  return offset;
}

/** The wall-clock fields of an instant in a time zone; null for an invalid Date. */
export function calendarParts(date: Date, timeZone: string): CalendarParts | null {
  const t = date.getTime();
  if (Number.isNaN(t)) return null;
  if (timeZone === 'UTC' || timeZone === 'Etc/UTC') return fieldsOf(t);
  return fieldsOf(t + offsetAt(t, timeZone));
}

/** The wall-clock time of an instant in a time zone, as milliseconds of a UTC clock; null for an invalid Date. */
export function wallClockMs(date: Date, timeZone: string): number | null {
  const t = date.getTime();
  if (Number.isNaN(t)) return null;
  return timeZone === 'UTC' || timeZone === 'Etc/UTC' ? t : t + offsetAt(t, timeZone);
}

/** The calendar date ('YYYY-MM-DD') of an instant in a time zone, e.g. a Date from getValues(). */
export function calendarDate(d: Date, timeZone: string): string {
  const p = calendarParts(d, timeZone);
  if (!p) throw new RangeError('calendarDate: invalid Date');
  return ymd(p.y, p.m, p.d);
}

/** The local date-time ('YYYY-MM-DDTHH:mm') of an instant in a time zone. */
export function calendarDateTime(d: Date, timeZone: string): string {
  const p = calendarParts(d, timeZone);
  if (!p) throw new RangeError('calendarDateTime: invalid Date');
  return ymd(p.y, p.m, p.d) + 'T' + pad2(p.hh) + ':' + pad2(p.mm);
}

export function pad2(n: number): string {
  return n < 10 ? '0' + n : String(n);
}

export function ymd(y: number, m: number, d: number): string {
  return String(y).padStart(4, '0') + '-' + pad2(m) + '-' + pad2(d);
}

export function isLeapYear(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

const DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
export function daysInMonth(y: number, m: number): number {
  return m === 2 && isLeapYear(y) ? 29 : DAYS[m - 1];
}

/** Accepted years: 1900–9999 (Sheets' own range for DATE; earlier years are typos in a client table). */
export function isValidDate(y: number, m: number, d: number): boolean {
  return Number.isInteger(y) && Number.isInteger(m) && Number.isInteger(d) &&
    y >= 1900 && y <= 9999 && m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m);
}

export function isValidTime(hh: number, mm: number, ss = 0): boolean {
  return Number.isInteger(hh) && Number.isInteger(mm) && hh >= 0 && hh <= 23 && mm >= 0 && mm <= 59 && ss >= 0 && ss < 60;
}

const MS_PER_DAY = 86400000;
/** 1899-12-30 in epoch days (UTC). */
const SERIAL_EPOCH = Date.UTC(1899, 11, 30) / MS_PER_DAY;
/** Serial of 1900-01-01 and of 9999-12-31: the range we read as dates. */
export const MIN_SERIAL = 2;
export const MAX_SERIAL = 2958465;

/** A Sheets serial number (days since 1899-12-30, fraction = time of day) to calendar parts; null out of range. */
export function serialToParts(serial: number): CalendarParts | null {
  if (!Number.isFinite(serial) || serial < MIN_SERIAL || serial >= MAX_SERIAL + 1) return null;
  const totalMinutes = Math.round(serial * 1440);
  const days = Math.floor(totalMinutes / 1440);
  const minutes = totalMinutes - days * 1440;
  const dt = new Date((SERIAL_EPOCH + days) * MS_PER_DAY);
  return { y: dt.getUTCFullYear(), m: dt.getUTCMonth() + 1, d: dt.getUTCDate(), hh: Math.floor(minutes / 60), mm: minutes % 60, ss: 0 };
}

/** The Sheets serial number of a calendar date (for tests and for the add-on's comparisons). */
export function dateToSerial(y: number, m: number, d: number): number {
  return Date.UTC(y, m - 1, d) / MS_PER_DAY - SERIAL_EPOCH;
}
