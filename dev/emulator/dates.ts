/**
 * Dates in Sheets are serial numbers (days since 1899-12-30, fraction = time of day) read in the
 * spreadsheet's time zone; getValues turns a date-formatted serial into a JavaScript Date at that local
 * time in the spreadsheet's zone.
 * Ref: https://developers.google.com/sheets/api/guides/formats#about_date_time_values
 * Ref: https://developers.google.com/apps-script/reference/spreadsheet/range#getValues()
 */

const DAY_MS = 86_400_000;
const EPOCH_1899 = Date.UTC(1899, 11, 30);

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(tz: string): Intl.DateTimeFormat {
  let f = formatters.get(tz);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', { timeZone: tz, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric' });
    formatters.set(tz, f);
  }
  return f;
}

const offsetCache = new Map<string, number>();
/** Offset (ms) of `tz` from UTC at the instant `ms` (local = utc + offset). Cached per quarter hour. */
export function tzOffset(tz: string, ms: number): number {
  const bucket = Math.floor(ms / 900_000);
  const key = `${tz}|${bucket}`;
  const hit = offsetCache.get(key);
  if (hit !== undefined) return hit;
  const parts = formatter(tz).formatToParts(new Date(bucket * 900_000));
  const get = (t: string): number => Number(parts.find((p) => p.type === t)?.value ?? 0);
  const local = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour') % 24, get('minute'), get('second'));
  const off = local - bucket * 900_000;
  if (offsetCache.size > 200_000) offsetCache.clear();
  offsetCache.set(key, off);
  return off;
}

/** Wall-clock fields of an instant in a zone. */
export interface Wall {
  year: number;
  month: number; // 1-12
  day: number;
  hour: number;
  minute: number;
  second: number;
  ms: number;
  weekday: number; // 0 = Sunday
}

export function wallOf(ms: number, tz: string): Wall {
  const local = new Date(ms + tzOffset(tz, ms));
  return { year: local.getUTCFullYear(), month: local.getUTCMonth() + 1, day: local.getUTCDate(), hour: local.getUTCHours(), minute: local.getUTCMinutes(), second: local.getUTCSeconds(), ms: local.getUTCMilliseconds(), weekday: local.getUTCDay() };
}

/** The instant of a local wall-clock time in `tz`. */
export function instantOfWall(localAsUtcMs: number, tz: string): number {
  let guess = localAsUtcMs - tzOffset(tz, localAsUtcMs);
  guess = localAsUtcMs - tzOffset(tz, guess);
  return guess;
}

export function dateToSerial(d: Date, tz: string): number {
  const ms = d.getTime();
  return (ms + tzOffset(tz, ms) - EPOCH_1899) / DAY_MS;
}

export function serialToDate(serial: number, tz: string): Date {
  const local = Math.round(EPOCH_1899 + serial * DAY_MS);
  return new Date(instantOfWall(local, tz));
}

/** Wall-clock fields of a serial (no zone needed: a serial is already local). */
export function serialToWall(serial: number): Wall {
  const d = new Date(Math.round(EPOCH_1899 + serial * DAY_MS));
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate(), hour: d.getUTCHours(), minute: d.getUTCMinutes(), second: d.getUTCSeconds(), ms: d.getUTCMilliseconds(), weekday: d.getUTCDay() };
}

export function wallToSerial(y: number, m: number, d: number, hh = 0, mm = 0, ss = 0): number {
  return (Date.UTC(y, m - 1, d, hh, mm, ss) - EPOCH_1899) / DAY_MS;
}

export function isValidYmd(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1 || y < 1 || y > 9999) return false;
  const dt = new Date(Date.UTC(y, m - 1, d));
  return dt.getUTCMonth() === m - 1 && dt.getUTCDate() === d;
}

export const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
export const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

const pad = (n: number, w: number): string => String(n).padStart(w, '0');

/**
 * Utilities.formatDate with a Java SimpleDateFormat pattern.
 * Ref: https://developers.google.com/apps-script/reference/utilities/utilities#formatDate(Date,String,String)
 * Ref: https://docs.oracle.com/javase/7/docs/api/java/text/SimpleDateFormat.html
 */
export function formatJavaDate(date: Date, tz: string, pattern: string): string {
  const ms = date.getTime();
  const w = wallOf(ms, tz);
  const off = tzOffset(tz, ms);
  let out = '';
  let i = 0;
  while (i < pattern.length) {
    const ch = pattern[i] ?? '';
    if (ch === "'") {
      const end = pattern.indexOf("'", i + 1);
      if (end === i + 1) {
        out += "'";
        i += 2;
        continue;
      }
      const stop = end === -1 ? pattern.length : end;
      out += pattern.slice(i + 1, stop);
      i = stop + 1;
      continue;
    }
    if (!/[A-Za-z]/.test(ch)) {
      out += ch;
      i += 1;
      continue;
    }
    let n = 1;
    while (pattern[i + n] === ch) n += 1;
    i += n;
    const offMin = Math.round(off / 60000);
    const sign = offMin < 0 ? '-' : '+';
    const abs = Math.abs(offMin);
    switch (ch) {
      case 'y':
      case 'Y':
        out += n === 2 ? pad(w.year % 100, 2) : pad(w.year, n);
        break;
      case 'M':
      case 'L':
        out += n >= 4 ? MONTHS[w.month - 1] : n === 3 ? (MONTHS[w.month - 1] ?? '').slice(0, 3) : pad(w.month, n);
        break;
      case 'd':
        out += pad(w.day, n);
        break;
      case 'D': {
        const doy = Math.round((Date.UTC(w.year, w.month - 1, w.day) - Date.UTC(w.year, 0, 1)) / DAY_MS) + 1;
        out += pad(doy, n);
        break;
      }
      case 'E':
        out += n >= 4 ? DAYS[w.weekday] : (DAYS[w.weekday] ?? '').slice(0, 3);
        break;
      case 'u':
        out += pad(w.weekday === 0 ? 7 : w.weekday, n);
        break;
      case 'a':
        out += w.hour < 12 ? 'AM' : 'PM';
        break;
      case 'H':
        out += pad(w.hour, n);
        break;
      case 'k':
        out += pad(w.hour === 0 ? 24 : w.hour, n);
        break;
      case 'K':
        out += pad(w.hour % 12, n);
        break;
      case 'h':
        out += pad(w.hour % 12 === 0 ? 12 : w.hour % 12, n);
        break;
      case 'm':
        out += pad(w.minute, n);
        break;
      case 's':
        out += pad(w.second, n);
        break;
      case 'S':
        out += pad(w.ms, Math.max(n, 3)).slice(0, Math.max(n, 3));
        break;
      case 'Z':
        out += `${sign}${pad(Math.floor(abs / 60), 2)}${pad(abs % 60, 2)}`;
        break;
      case 'X':
        out += offMin === 0 ? 'Z' : n === 1 ? `${sign}${pad(Math.floor(abs / 60), 2)}` : n === 2 ? `${sign}${pad(Math.floor(abs / 60), 2)}${pad(abs % 60, 2)}` : `${sign}${pad(Math.floor(abs / 60), 2)}:${pad(abs % 60, 2)}`;
        break;
      case 'z':
        out += offMin === 0 ? 'GMT' : `GMT${sign}${pad(Math.floor(abs / 60), 2)}:${pad(abs % 60, 2)}`;
        break;
      default:
        throw new Error(`Illegal pattern character '${ch}'`);
    }
  }
  return out;
}
