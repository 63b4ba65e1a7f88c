/**
 * Range.getDisplayValues: a cell's value rendered by its number format.
 * Ref: https://developers.google.com/apps-script/reference/spreadsheet/range#getDisplayValues()
 * Ref: https://developers.google.com/sheets/api/guides/formats (number and date-time format tokens)
 */
import { DAYS, MONTHS, serialToWall } from './dates';
import { type Cell, isDateFormat, isGeneral, localeInfo, TEXT_FORMAT } from './values';

function generalNumber(n: number): string {
  if (Number.isInteger(n) && Math.abs(n) < 1e15) return String(n);
  const abs = Math.abs(n);
  if (abs !== 0 && (abs >= 1e15 || abs < 1e-9)) return n.toExponential(2).replace('e+', 'E+').replace('e-', 'E-');
  return String(Number(n.toPrecision(10)));
}

function groupDigits(intStr: string, sep: string): string {
  return intStr.replace(/\B(?=(\d{3})+(?!\d))/g, sep);
}

interface NumPattern {
  prefix: string;
  suffix: string;
  minInt: number;
  decimals: number;
  minDecimals: number;
  grouping: boolean;
  percent: boolean;
}

const patternCache = new Map<string, NumPattern>();

/** Literal text of a format section: quoted text, \x escapes and [$sym] currency tags become text. */
function literal(part: string): string {
  return part
    .replace(/\[\$([^\]-]*)(?:-[^\]]*)?\]/g, '$1')
    .replace(/\[[^\]]*\]/g, '')
    .replace(/"([^"]*)"/g, '$1')
    .replace(/\\(.)/g, '$1')
    .replace(/_./g, ' ')
    .replace(/\*./g, '');
}

function numPattern(section: string): NumPattern {
  const hit = patternCache.get(section);
  if (hit) return hit;
  // Locate the digit placeholder run, skipping quoted and bracketed parts.
  const masked = section.replace(/"[^"]*"|\[[^\]]*\]|\\./g, (m) => '\u0000'.repeat(m.length));
  const m = /[0#?][0#?,]*(?:\.[0#?]*)?|\.[0#?]+/.exec(masked);
  let p: NumPattern;
  if (!m) {
    p = { prefix: literal(section), suffix: '', minInt: 0, decimals: 0, minDecimals: 0, grouping: false, percent: false };
  } else {
    const core = m[0];
    const [intPart = '', fracPart = ''] = core.split('.');
    const prefix = literal(section.slice(0, m.index));
    const suffix = literal(section.slice(m.index + core.length));
    p = {
      prefix: prefix.replace('%', ''),
      suffix,
      minInt: (intPart.match(/0/g) ?? []).length,
      decimals: fracPart.length,
      minDecimals: (fracPart.match(/0/g) ?? []).length,
      grouping: intPart.includes(','),
      percent: section.replace(/"[^"]*"/g, '').includes('%'),
    };
  }
  patternCache.set(section, p);
  return p;
}

function formatNumber(n: number, fmt: string, group: string, decimal: string): string {
  const sections = fmt.split(/;(?=(?:[^"]*"[^"]*")*[^"]*$)/);
  let section = sections[0] ?? fmt;
  let value = n;
  let sign = n < 0 ? '-' : '';
  if (n < 0 && sections.length > 1) {
    section = sections[1] ?? section;
    value = -n;
    sign = '';
  } else if (n === 0 && sections.length > 2) {
    section = sections[2] ?? section;
  }
  const p = numPattern(section);
  let v = Math.abs(value);
  if (p.percent) v *= 100;
  let fixed = v.toFixed(p.decimals);
  let [ip = '0', fp = ''] = fixed.split('.');
  while (fp.length > p.minDecimals && fp.endsWith('0')) fp = fp.slice(0, -1);
  if (ip === '0' && p.minInt === 0) ip = '';
  ip = ip.padStart(p.minInt, '0');
  if (p.grouping) ip = groupDigits(ip, group);
  fixed = fp ? `${ip}${decimal}${fp}` : ip;
  if (fixed === '' && p.minDecimals === 0 && p.decimals === 0 && p.minInt === 0 && !p.prefix && !p.suffix) fixed = '0';
  if (sign && /^[0.,]*$/.test(fixed.replace(/[^\d.,]/g, '')) && !/[1-9]/.test(fixed)) sign = '';
  return `${sign}${p.prefix}${fixed}${p.suffix}${p.percent && !p.suffix.includes('%') && !p.prefix.includes('%') ? '%' : ''}`;
}

const pad = (n: number, w = 2): string => String(n).padStart(w, '0');

/** Date/time formats: yyyy yy mmmm mmm mm m dddd ddd dd d hh h mm(minutes) ss am/pm and quoted text. */
export function formatDateSerial(serial: number, fmt: string): string {
  const w = serialToWall(serial);
  const tokens: Array<{ t: string; lit?: boolean }> = [];
  const re = /"([^"]*)"|\\(.)|(yyyy|yy|mmmmm|mmmm|mmm|mm|m|dddd|ddd|dd|d|hh|h|ss|s|am\/pm|a\/p|\.0+|\[[^\]]*\])|(.)/gi;
  let m: RegExpExecArray | null;
  while ((m = re.exec(fmt))) {
    if (m[1] !== undefined) tokens.push({ t: m[1], lit: true });
    else if (m[2] !== undefined) tokens.push({ t: m[2], lit: true });
    else if (m[3] !== undefined) tokens.push({ t: m[3] });
    else tokens.push({ t: m[4] ?? '', lit: true });
  }
  const hasAmPm = tokens.some((x) => !x.lit && /^(am\/pm|a\/p)$/i.test(x.t));
  let out = '';
  tokens.forEach((tok, i) => {
    if (tok.lit) {
      out += tok.t;
      return;
    }
    const t = tok.t.toLowerCase();
    const prev = tokens.slice(0, i).reverse().find((x) => !x.lit);
    const next = tokens.slice(i + 1).find((x) => !x.lit);
    const isMinute = (t === 'm' || t === 'mm') && ((prev && /^h/.test(prev.t.toLowerCase())) || (next && /^s/.test(next.t.toLowerCase())));
    const hour12 = w.hour % 12 === 0 ? 12 : w.hour % 12;
    switch (t) {
      case 'yyyy': out += pad(w.year, 4); break;
      case 'yy': out += pad(w.year % 100); break;
      case 'mmmmm': out += (MONTHS[w.month - 1] ?? '').slice(0, 1); break;
      case 'mmmm': out += MONTHS[w.month - 1] ?? ''; break;
      case 'mmm': out += (MONTHS[w.month - 1] ?? '').slice(0, 3); break;
      case 'mm': out += isMinute ? pad(w.minute) : pad(w.month); break;
      case 'm': out += isMinute ? String(w.minute) : String(w.month); break;
      case 'dddd': out += DAYS[w.weekday] ?? ''; break;
      case 'ddd': out += (DAYS[w.weekday] ?? '').slice(0, 3); break;
      case 'dd': out += pad(w.day); break;
      case 'd': out += String(w.day); break;
      case 'hh': out += pad(hasAmPm ? hour12 : w.hour); break;
      case 'h': out += String(hasAmPm ? hour12 : w.hour); break;
      case 'ss': out += pad(w.second); break;
      case 's': out += String(w.second); break;
      case 'am/pm': out += w.hour < 12 ? 'AM' : 'PM'; break;
      case 'a/p': out += w.hour < 12 ? 'A' : 'P'; break;
      default:
        if (t.startsWith('.')) out += `.${pad(w.ms, 3).slice(0, t.length - 1)}`;
        // bracketed parts ([h], colors) are ignored
        break;
    }
  });
  return out;
}

/** The text Sheets shows for a stored value under a number format. */
export function displayValue(value: Cell, fmt: string | undefined, locale: string): string {
  if (value === '') return '';
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (typeof value === 'string') return value;
  if (fmt === TEXT_FORMAT || isGeneral(fmt) || fmt === undefined) return generalNumber(value);
  if (isDateFormat(fmt)) return formatDateSerial(value, fmt);
  const li = localeInfo(locale);
  return formatNumber(value, fmt, li.group, li.decimal);
}
