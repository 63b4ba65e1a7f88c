/**
 * The cached E.164 check (phone.ts validE164) answers exactly as libphonenumber-js's own
 * `new PhoneNumber(e164).isValid()` on the same "max" metadata, over every calling code and numbers of
 * every length, random and real.
 *
 * `npm test` samples: every calling code and every region is still compared, on a fifth of the numbers
 * (a few seconds). `npm run test:slow` (CLIENTFLOW_SLOW=1, also run by CI) compares them all (several times longer).
 */
import fc from 'fast-check';
import { getCountries, getCountryCallingCode, isSupportedCountry, parsePhoneNumberFromString } from 'libphonenumber-js/max';
import type { CountryCode } from 'libphonenumber-js/max';
import mobileExamples from 'libphonenumber-js/examples.mobile.json';
import { PhoneNumber } from 'libphonenumber-js/core';
import type { E164Number, MetadataJson } from 'libphonenumber-js/core';
import maxMetadata from 'libphonenumber-js/metadata.max.json';
import { nationalToE164, parsePhone, validE164 } from '../../../src/core/fields/phone';
import { defaultContext } from '../../../src/core/fields/context';
import { mulberry32 } from '../../../bench/random';

function library(e164: string): string | null {
  if (!/^\+[1-9]\d{6,14}$/.test(e164)) return null;
  try {
    const pn = new PhoneNumber(e164 as E164Number, maxMetadata as unknown as MetadataJson);
    return pn.isValid() ? pn.number : null;
  } catch {
    return null;
  }
}

/** Deterministic: the bench's seeded PRNG. */
const rng = mulberry32;

/** Share of the full comparison run by `npm test`; `npm run test:slow` runs it all. */
const SHARE = process.env.CLIENTFLOW_SLOW === '1' ? 1 : 0.2;
const scaled = (n: number) => Math.round(n * SHARE);

describe('validE164 (cached patterns) = PhoneNumber.isValid()', () => {
  const codes = [...new Set(getCountries().map((c) => getCountryCallingCode(c)))].concat(['800', '808', '870', '878', '881', '882', '883', '888', '979', '0', '999', '38', '42']);

  it('for random national numbers of 4 to 14 digits after every calling code', () => {
    const r = rng(7);
    let valid = 0;
    let checked = 0;
    for (const cc of codes) {
      for (let k = 0; k < scaled(250); k++) {
        const len = 4 + Math.floor(r() * 11);
        let nn = '';
        for (let i = 0; i < len; i++) nn += String(Math.floor(r() * 10));
        const e164 = `+${cc}${nn}`;
        const want = library(e164);
        expect([e164, validE164(e164)]).toEqual([e164, want]);
        if (want) valid++;
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(scaled(50_000));
    expect(valid).toBeGreaterThan(scaled(1_000)); // the comparison covers valid numbers too, not only rejections
  });

  it('for real numbers and near misses', () => {
    const samples = ['+8613800138000', '+861380013800', '+86138001380001', '+14155550132', '+12015550123', '+442079460958', '+447911123456',
      '+85291234567', '+6591234567', '+4930123456', '+33123456789', '+819012345678', '+18005550199', '+16135550123', '+17875550123',
      '+80012345678', '+8613', '+1', '+999123456789', '+0123456789'];
    for (const s of samples) expect([s, validE164(s)]).toEqual([s, library(s)]);
  });
});

/**
 * Numbers written without a country code: nationalToE164 (the library's national parsing steps on
 * patterns compiled once) must give exactly what `parsePhoneNumberFromString(s, region)` gives, valid
 * or not, for digits and for formatted text read through parsePhone.
 */
describe('numbers without a country code: fast path = parsePhoneNumberFromString(s, region)', () => {
  const REGIONS: CountryCode[] = ['US', 'CA', 'CN', 'GB', 'DE', 'FR', 'JP', 'IN', 'AU', 'RU', 'BR'];
  const TRUNK: Record<string, string[]> = { US: ['1'], CA: ['1'], RU: ['8'], BR: ['0', '0xx'], IN: ['0'], AU: ['0'], CN: ['0'], GB: ['0'], DE: ['0'], FR: ['0'], JP: ['0'] };

  function lib(s: string, region: CountryCode): string | null {
    const pn = parsePhoneNumberFromString(s, region);
    return pn && pn.isValid() ? pn.number : null;
  }
  const examples = Object.entries(mobileExamples as Record<string, string>)
    .filter(([c]) => isSupportedCountry(c))
    .map(([, nn]) => nn);

  const digit = fc.integer({ min: 0, max: 9 }).map(String);
  const digitsOf = (min: number, max: number) => fc.array(digit, { minLength: min, maxLength: max }).map((a) => a.join(''));
  /** An example mobile of any country with some of its last digits replaced (valid and invalid ones). */
  const mutated = fc.tuple(fc.constantFrom(...examples), fc.integer({ min: 0, max: 5 }), digitsOf(0, 5), fc.integer({ min: -1, max: 1 }))
    .map(([nn, keep, tail, delta]) => {
      const head = nn.slice(0, Math.max(1, nn.length - keep));
      const t = (tail + '0000000').slice(0, nn.length - head.length + delta);
      return head + t;
    });
  const chineseMobile = fc.tuple(fc.constantFrom('13', '15', '17', '18', '19', '14', '16'), digitsOf(9, 9)).map(([a, b]) => a + b);
  const nanp = fc.tuple(fc.integer({ min: 200, max: 999 }), fc.integer({ min: 200, max: 999 }), digitsOf(4, 4)).map(([a, b, c]) => `${a}${b}${c}`);
  const cnFixed = fc.tuple(fc.constantFrom('10', '20', '21', '755', '571', '28', '991'), digitsOf(7, 8)).map(([a, b]) => a + b);
  const body = fc.oneof(mutated, chineseMobile, nanp, cnFixed, digitsOf(5, 15));
  /** Optionally a trunk prefix, the region's calling code, an IDD prefix, or a stray digit in front. */
  const national = (region: CountryCode) => fc.tuple(
    fc.constantFrom('', '', 'trunk', 'cc', 'cctrunk', '011', '8', '0', '1', '7', '86'),
    body,
  ).map(([p, b]) => {
    const trunk = (TRUNK[region] ?? ['0'])[0] as string;
    const cc = getCountryCallingCode(region);
    const pre = p === 'trunk' ? trunk : p === 'cc' ? cc : p === 'cctrunk' ? cc + trunk : p;
    return (pre + b).replace(/x/g, '1');
  });
  const regionAndDigits = fc.constantFrom(...REGIONS).chain((r) => national(r).map((d) => [r, d] as const));

  it('on digits, for US CA CN GB DE FR JP IN AU RU BR', () => {
    let fast = 0;
    let valid = 0;
    fc.assert(fc.property(regionAndDigits, ([region, d]) => {
      const got = nationalToE164(d, region);
      if (got === undefined) return; // the library runs: same answer by definition
      fast++;
      if (got) valid++;
      expect([region, d, got]).toEqual([region, d, lib(d, region)]);
    }), { numRuns: scaled(40_000), seed: 42 });
    expect(fast).toBeGreaterThan(scaled(33_000)); // the fast path decides all but BR's carrier-code rule and IDD prefixes
    expect(valid).toBeGreaterThan(scaled(3_000)); // and the comparison covers valid numbers too
  });

  it('over every supported region on random and example-based digits', () => {
    const r = rng(11);
    const regions = getCountries();
    for (const region of regions) {
      for (let k = 0; k < scaled(60); k++) {
        const ex = examples[Math.floor(r() * examples.length)] as string;
        const own = (mobileExamples as Record<string, string>)[region] ?? ex;
        const pick = r();
        let d = pick < 0.3 ? own : pick < 0.6 ? ex : '';
        const keep = Math.floor(r() * 4);
        d = d.slice(0, d.length - keep);
        while (d.length < 5 + Math.floor(r() * 8)) d += String(Math.floor(r() * 10));
        if (r() < 0.3) d = '0' + d;
        else if (r() < 0.2) d = getCountryCallingCode(region) + d;
        const got = nationalToE164(d, region);
        if (got !== undefined) expect([region, d, got]).toEqual([region, d, lib(d, region)]);
      }
    }
  });

  it('over every supported region, every prefix digit and every length (trunk prefix and length rules)', () => {
    const r = rng(5);
    let compared = 0;
    for (const region of getCountries()) {
      const cc = getCountryCallingCode(region);
      for (const prefix of ['0', '1', '8', '9', '7', '6', '2', '5', '01', '02', '06', '80', '000', cc, cc + '0', cc + '1']) {
        for (let len = 3; len <= 14; len++) {
          // Sampled: every region and prefix, lengths in turn (all of them in the slow run).
          if (SHARE < 1 && (len + prefix.length) % Math.round(1 / SHARE) !== 0) continue;
          for (let k = 0; k < 2; k++) {
            let d = prefix;
            for (let i = 0; i < len; i++) d += String(Math.floor(r() * 10));
            const got = nationalToE164(d, region);
            if (got === undefined) continue;
            compared++;
            expect([region, d, got]).toEqual([region, d, lib(d, region)]);
          }
        }
      }
    }
    expect(compared).toBeGreaterThan(scaled(60_000));
  });

  const SEPARATED = /\d/;
  /** Real-looking text: spaces, dashes, dots, parentheses around the area code. */
  const formatted = fc.tuple(regionAndDigits, fc.array(fc.constantFrom('', '', '', ' ', '-', '.', ' - '), { minLength: 20, maxLength: 20 }), fc.boolean())
    .map(([[region, d], seps, paren]) => {
      let out = '';
      for (let i = 0; i < d.length; i++) out += (i > 0 ? seps[i] ?? '' : '') + d[i];
      if (paren && d.length > 6) out = `(${d.slice(0, 3)}) ${out.slice(out.indexOf(d[3] as string, out.indexOf(d[2] as string) + 1))}`;
      return [region, out] as const;
    });

  it('through parsePhone, on formatted text (what validation reads)', () => {
    fc.assert(fc.property(formatted, ([region, text]) => {
      const digits = text.replace(/\D/g, '');
      if (!SEPARATED.test(text) || digits.length > 17 || digits.length < 5 || digits.startsWith('00')) return;
      const p = parsePhone(text, { ...defaultContext('en'), region });
      expect([region, text, p ? p.e164 : null]).toEqual([region, text, lib(digits, region)]);
    }), { numRuns: scaled(15_000), seed: 7 });
  });

  it('on the cases this fast path was made for', () => {
    const cases: [CountryCode, string][] = [
      ['US', '138-0013-8000'], ['US', '13800138000'], ['US', '1-415-555-0132'], ['US', '(415) 555-0132'], ['US', '415.555.0132'],
      ['CN', '(415) 555-0132'], ['CN', '1-415-555-0132'], ['CN', '138 0013 8000'], ['CN', '010-6552-9988'], ['CN', '8613800138000'],
      ['CN', '0755-8888-1234'], ['GB', '020 7946 0958'], ['GB', '07911 123456'], ['DE', '030 123456'], ['FR', '01 23 45 67 89'],
      ['JP', '090-1234-5678'], ['JP', '03-1234-5678'], ['RU', '8 (912) 345-67-89'], ['RU', '8 800 555 35 35'], ['IN', '098765 43210'],
      ['AU', '0412 345 678'], ['BR', '(11) 91234-5678'], ['BR', '0 21 11 91234-5678'], ['CA', '1 613 555 0123'], ['CA', '(613) 555-0123'],
      ['US', '011 44 20 7946 0958'], ['US', '1 800 555 0199'], ['CA', '415 555 0132'],
    ];
    let validCount = 0;
    for (const [region, text] of cases) {
      const digits = text.replace(/\D/g, '');
      const want = lib(digits, region);
      if (want) validCount++;
      const p = parsePhone(text, { ...defaultContext('en'), region });
      expect([region, text, p ? p.e164 : null]).toEqual([region, text, want]);
    }
    expect(validCount).toBeGreaterThan(15);
    expect(parsePhone('138-0013-8000', { ...defaultContext('en'), region: 'US' })).toBeNull();
    expect(parsePhone('1-415-555-0132', { ...defaultContext('en'), region: 'US' })?.e164).toBe('+14155550132');
  });
});
