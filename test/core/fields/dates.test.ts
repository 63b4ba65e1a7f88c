import fc from 'fast-check';
import { FIELD_TYPES, calendarDate, calendarDateTime, dateToSerial, defaultContext } from '../../../src/core/fields';
import { cleaned, EN, GB, parsed, ZH } from './helpers';

const d = (value: string) => ({ kind: 'date', value });
const dt = (value: string) => ({ kind: 'dateTime', value });

describe('date', () => {
  test.each([
    ['2024-01-05', EN],
    ['2024/1/5', ZH],
    ['2024.1.5', ZH],
    ['2024年1月5日', ZH],
    ['2024 年 1 月 5 日', ZH],
    ['2024年01月05号', ZH],
    ['２０２４年１月５日', ZH],
    ['2024年1月5日（周五）', ZH],
    ['2024年1月5日 星期五', ZH],
    ['5 Jan 2024', EN],
    ['05-Jan-2024', EN],
    ['5 January, 2024', EN],
    ['Jan 5, 2024', EN],
    ['Jan. 5, 2024', EN],
    ['January 5th 2024', EN],
    ['january 5TH, 2024', EN],
    ['Friday, January 5, 2024', EN],
    ['Fri, 5 Jan 2024', EN],
    ['2024 Jan 5', EN],
    ['05.01.2024', EN], // dotted, year last: day first everywhere
    ['05.01.2024', ZH],
    ['1/5/2024', EN], // MDY in the US
    ['5/1/2024', GB], // DMY in Britain
    ['1/5/2024', ZH], // year-first regions read a/b/yyyy month first
    ['1-5-24', EN], // two-digit year
    ['24/1/5', ZH], // short year first in year-first regions
    ['24-01-05', ZH],
    ['13/1/2024', EN], // 13 cannot be a month: the only reading is 13 January... of another date
    ['20240105', EN],
    ['2024-01-05 14:30', EN], // a time in a date column is dropped
    ['2024-01-05T14:30:00', EN],
  ])('%j', (raw, ctx) => {
    const want = raw === '13/1/2024' ? '2024-01-13' : '2024-01-05';
    expect(parsed('date', raw, ctx)).toEqual(d(want));
    expect(cleaned('date', raw, ctx)).toBe(raw === want ? 'unchanged' : want);
  });

  test('ambiguous day/month follows the region', () => {
    expect(parsed('date', '03/04/2024', EN)).toEqual(d('2024-03-04'));
    expect(parsed('date', '03/04/2024', GB)).toEqual(d('2024-04-03'));
    expect(parsed('date', '03/04/2024', defaultContext('en', { region: 'DE' }))).toEqual(d('2024-04-03'));
    expect(parsed('date', '03/04/2024', defaultContext('en', { dateOrder: 'DMY' }))).toEqual(d('2024-04-03'));
  });

  test.each([
    '2024-02-30', '2023-02-29', '2024-13-01', '2024-00-10', '31/31/2024', '2024年2月30日', 'Feb 30, 2024',
    '2024-01-05 25:00', 'Jan 5', '1月5日', 'tomorrow', '2024', '12345', 'abc', '0000-01-01', '1899-12-31',
    '2024-01-05 garbage', '1/5/4',
  ])('%j is not a date', (raw) => {
    expect(parsed('date', raw, EN)).toBe('invalid:invalidDate');
  });

  test('leap days are dates in leap years only', () => {
    expect(parsed('date', '2024-02-29', EN)).toEqual(d('2024-02-29'));
    expect(parsed('date', '2000-02-29', EN)).toEqual(d('2000-02-29'));
    expect(parsed('date', '1900-02-29', EN)).toBe('invalid:invalidDate');
  });

  test('Date cells are read as calendar days in the spreadsheet time zone and never rewritten', () => {
    // Midnight 5 Jan in Shanghai is 16:00 on 4 Jan UTC: what getValues returns for a date cell there.
    const cell = new Date(Date.UTC(2024, 0, 4, 16, 0));
    expect(parsed('date', cell, ZH)).toEqual(d('2024-01-05'));
    expect(parsed('date', cell, EN)).toEqual(d('2024-01-04')); // UTC sheet
    expect(parsed('date', cell, defaultContext('en', { timeZone: 'America/Los_Angeles' }))).toEqual(d('2024-01-04'));
    expect(cleaned('date', cell, ZH)).toBe('unchanged');
    expect(parsed('date', new Date(NaN), ZH)).toBe('invalid:invalidDate');
  });

  test('numbers in a date column are Sheets serial numbers (days since 1899-12-30)', () => {
    expect(dateToSerial(2024, 1, 5)).toBe(45296);
    expect(parsed('date', 45296, EN)).toEqual(d('2024-01-05'));
    expect(parsed('date', 45296.75, EN)).toEqual(d('2024-01-05'));
    expect(parsed('date', 2, EN)).toEqual(d('1900-01-01'));
    expect(cleaned('date', 45296, EN)).toBe('2024-01-05');
    expect(parsed('date', -5, EN)).toBe('invalid:invalidDate');
    expect(parsed('date', 1e9, EN)).toBe('invalid:invalidDate');
    expect(parsed('date', 20240105, EN)).toEqual(d('2024-01-05'));
  });

  test('format and validation', () => {
    expect(FIELD_TYPES.date.numberFormat(ZH)).toBe('yyyy-mm-dd');
    expect(FIELD_TYPES.date.validation(ZH, 'J2')).toEqual({ kind: 'date' });
  });
});

describe('dateTime', () => {
  test.each([
    ['2024-01-05 14:30', EN, '2024-01-05T14:30'],
    ['2024-01-05 14:30:59', EN, '2024-01-05T14:30'],
    ['2024-01-05T14:30', EN, '2024-01-05T14:30'],
    ['2024/1/5 2:30 PM', EN, '2024-01-05T14:30'],
    ['2024/1/5 2:30pm', EN, '2024-01-05T14:30'],
    ['1/5/2024 2 PM', EN, '2024-01-05T14:00'],
    ['1/5/2024 12:15 AM', EN, '2024-01-05T00:15'],
    ['1/5/2024 12:15 p.m.', EN, '2024-01-05T12:15'],
    ['Jan 5, 2024 at 9:05 am', EN, '2024-01-05T09:05'],
    ['2024年1月5日 下午2:30', ZH, '2024-01-05T14:30'],
    ['2024年1月5日下午2点', ZH, '2024-01-05T14:00'],
    ['2024年1月5日 14点30分', ZH, '2024-01-05T14:30'],
    ['2024年1月5日 14时30分', ZH, '2024-01-05T14:30'],
    ['2024年1月5日 晚上8点半', ZH, '2024-01-05T20:30'],
    ['2024年1月5日 上午9:00', ZH, '2024-01-05T09:00'],
    ['2024年1月5日 中午12点', ZH, '2024-01-05T12:00'],
    ['2024-01-05 １４：３０', ZH, '2024-01-05T14:30'],
    ['2024-01-05', ZH, '2024-01-05T00:00'],
    ['2024-01-05T06:30:00Z', ZH, '2024-01-05T14:30'], // converted to the sheet's zone
    ['2024-01-05T06:30:00.000Z', ZH, '2024-01-05T14:30'],
    ['2024-01-05T14:30:00+08:00', EN, '2024-01-05T06:30'],
    ['2024-01-05T23:30:00-05:00', EN, '2024-01-06T04:30'],
  ])('%j → %j', (raw, ctx, want) => {
    expect(parsed('dateTime', raw, ctx)).toEqual(dt(want));
    const text = want.replace('T', ' ');
    expect(cleaned('dateTime', raw, ctx)).toBe(raw === text ? 'unchanged' : text);
  });

  test.each(['2024-01-05 24:00', '2024-01-05 14:60', '2024-01-05 13 PM', '2024-01-05 14', '2024-01-05 上午14点', '14:30', 'noon'])(
    '%j is not a date-time', (raw) => {
      expect(parsed('dateTime', raw, EN)).toBe('invalid:invalidDateTime');
    });

  test('Date cells and serial numbers keep their time of day', () => {
    expect(parsed('dateTime', new Date(Date.UTC(2024, 0, 5, 6, 30)), ZH)).toEqual(dt('2024-01-05T14:30'));
    expect(parsed('dateTime', 45296.5, EN)).toEqual(dt('2024-01-05T12:00'));
    expect(cleaned('dateTime', 45296.5, EN)).toBe('2024-01-05 12:00');
    expect(FIELD_TYPES.dateTime.numberFormat(EN)).toBe('yyyy-mm-dd hh:mm');
  });

  test('the auto date types read like dateTime (created, updated) and date (stage since)', () => {
    expect(parsed('created', '2024-01-05 14:30', EN)).toEqual(dt('2024-01-05T14:30'));
    expect(parsed('updated', 'Jan 5, 2024 2:30 PM', EN)).toEqual(dt('2024-01-05T14:30'));
    expect(parsed('stageSince', '2024年1月5日', ZH)).toEqual(d('2024-01-05'));
    expect(parsed('stageSince', 'soon', ZH)).toBe('invalid:invalidDate');
  });
});

describe('calendarDate / calendarDateTime', () => {
  test('read an instant in a time zone (DST included)', () => {
    const t = new Date(Date.UTC(2024, 6, 1, 3, 30)); // 1 July 03:30 UTC
    expect(calendarDate(t, 'UTC')).toBe('2024-07-01');
    expect(calendarDate(t, 'America/New_York')).toBe('2024-06-30'); // EDT, UTC-4
    expect(calendarDateTime(t, 'America/New_York')).toBe('2024-06-30T23:30');
    expect(calendarDateTime(t, 'Asia/Shanghai')).toBe('2024-07-01T11:30');
    expect(calendarDateTime(t, 'Asia/Kolkata')).toBe('2024-07-01T09:00');
  });
  test('an unknown zone falls back to UTC rather than failing', () => {
    expect(calendarDate(new Date(Date.UTC(2024, 0, 5, 23)), 'Not/AZone')).toBe('2024-01-05');
  });
  test('an invalid Date throws a RangeError', () => {
    expect(() => calendarDate(new Date(NaN), 'UTC')).toThrow(RangeError);
  });
});

describe('calendar parts match Intl everywhere (the per-15-minute offset memo is exact)', () => {
  const zones = ['America/New_York', 'Europe/London', 'Asia/Shanghai', 'Asia/Kolkata', 'Asia/Kathmandu',
    'America/St_Johns', 'Australia/Lord_Howe', 'Pacific/Chatham', 'Europe/Berlin', 'America/Sao_Paulo'];
  function viaIntl(t: number, timeZone: string): string {
    const f = new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
    const p: Record<string, string> = {};
    for (const x of f.formatToParts(new Date(t))) p[x.type] = x.value;
    return `${p.year}-${p.month}-${p.day}T${String(Number(p.hour) % 24).padStart(2, '0')}:${p.minute}`;
  }
  test('random instants, and every minute around DST changes', () => {
    const instants: number[] = [];
    let seed = 12345;
    for (let i = 0; i < 3000; i++) {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      instants.push(Date.UTC(1950, 0, 1) + (seed / 2147483648) * (Date.UTC(2090, 0, 1) - Date.UTC(1950, 0, 1)));
    }
    // New York spring forward 2024-03-10 07:00 UTC; Lord Howe (30-minute DST) 2024-04-06 15:00 UTC;
    // St John's (−03:30) 2024-11-03 04:30 UTC.
    for (const c of [Date.UTC(2024, 2, 10, 7), Date.UTC(2024, 3, 6, 15), Date.UTC(2024, 10, 3, 4, 30)]) {
      for (let m = -90; m <= 90; m++) instants.push(c + m * 60000);
    }
    for (const tz of zones) {
      for (const t of instants) {
        const at = Math.floor(t / 60000) * 60000;
        expect(`${tz} ${calendarDateTime(new Date(at), tz)}`).toBe(`${tz} ${viaIntl(at, tz)}`);
      }
    }
  });
});

describe('every written form of a random date reads back as that date', () => {
  const MON = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  const FULL = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
  const dim = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();
  test('valid dates in many forms and regions', () => {
    fc.assert(fc.property(fc.integer({ min: 1900, max: 2199 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 31 }), (y, m, d0) => {
      const d = Math.min(d0, dim(y, m));
      const want = { kind: 'date', value: `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}` };
      const forms: Array<[string, typeof EN]> = [
        [`${y}-${m}-${d}`, EN], [`${y}/${m}/${d}`, ZH], [`${y}年${m}月${d}日`, ZH], [`${d} ${MON[m - 1]} ${y}`, GB],
        [`${MON[m - 1]} ${d}, ${y}`, EN], [`${FULL[m - 1]} ${d}th ${y}`, EN], [`${d}.${m}.${y}`, ZH],
        [`${m}/${d}/${y}`, EN], [`${d}/${m}/${y}`, GB], [`${y}${String(m).padStart(2, '0')}${String(d).padStart(2, '0')}`, EN],
      ];
      for (const [text, ctx] of forms) expect([text, parsed('date', text, ctx)]).toEqual([text, want]);
    }), { numRuns: 500 });
  });
  test('days past the end of the month are refused in every form', () => {
    fc.assert(fc.property(fc.integer({ min: 1900, max: 2199 }), fc.integer({ min: 1, max: 12 }), (y, m) => {
      const d = dim(y, m) + 1;
      if (d > 31) return;
      for (const text of [`${y}-${m}-${d}`, `${y}年${m}月${d}日`, `${MON[m - 1]} ${d}, ${y}`, `${d}.${m}.${y}`]) {
        expect([text, parsed('date', text, ZH)]).toEqual([text, 'invalid:invalidDate']);
      }
    }), { numRuns: 300 });
  });
});
