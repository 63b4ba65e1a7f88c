/**
 * The cached E.164 check (phone.ts validE164) answers exactly as libphonenumber-js's own
 * `new PhoneNumber(e164).isValid()` on the same "max" metadata, over every calling code and numbers of
 * every length, random and real.
 */
import { getCountries, getCountryCallingCode } from 'libphonenumber-js/max';
import { PhoneNumber } from 'libphonenumber-js/core';
import type { E164Number, MetadataJson } from 'libphonenumber-js/core';
import maxMetadata from 'libphonenumber-js/metadata.max.json';
import { validE164 } from '../../../src/core/fields/phone';

function library(e164: string): string | null {
  if (!/^\+[1-9]\d{6,14}$/.test(e164)) return null;
  try {
    const pn = new PhoneNumber(e164 as E164Number, maxMetadata as unknown as MetadataJson);
    return pn.isValid() ? pn.number : null;
  } catch {
    return null;
  }
}

/** mulberry32: deterministic. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('validE164 (cached patterns) = PhoneNumber.isValid()', () => {
  const codes = [...new Set(getCountries().map((c) => getCountryCallingCode(c)))].concat(['800', '808', '870', '878', '881', '882', '883', '888', '979', '0', '999', '38', '42']);

  it('for random national numbers of 4 to 14 digits after every calling code', () => {
    const r = rng(7);
    let valid = 0;
    let checked = 0;
    for (const cc of codes) {
      for (let k = 0; k < 250; k++) {
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
    expect(checked).toBeGreaterThan(50_000);
    expect(valid).toBeGreaterThan(1_000); // the comparison covers valid numbers too, not only rejections
  });

  it('for real numbers and near misses', () => {
    const samples = ['+8613800138000', '+861380013800', '+86138001380001', '+14155550132', '+12015550123', '+442079460958', '+447911123456',
      '+85291234567', '+6591234567', '+4930123456', '+33123456789', '+819012345678', '+18005550199', '+16135550123', '+17875550123',
      '+80012345678', '+8613', '+1', '+999123456789', '+0123456789'];
    for (const s of samples) expect([s, validE164(s)]).toEqual([s, library(s)]);
  });
});
