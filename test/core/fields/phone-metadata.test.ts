/**
 * The add-on's phone metadata (JSON text in the bundle, parsed on first use) is libphonenumber-js's
 * installed "max" metadata less the national formats, and reading numbers with it gives the library's
 * own answers on the full metadata.
 */
import { getCountries, parsePhoneNumberFromString } from 'libphonenumber-js/max';
import type { CountryCode } from 'libphonenumber-js/max';
import mobileExamples from 'libphonenumber-js/examples.mobile.json';
import maxMetadata from 'libphonenumber-js/metadata.max.json';
import { phoneMetadata } from '../../../src/core/fields/phone-metadata';
import { PHONE_METADATA_VERSION } from '../../../src/core/fields/phone-metadata.data';
import { parsePhoneNumberFromString as parseWith } from 'libphonenumber-js/core';

describe('the bundled phone metadata', () => {
  it('is the installed max metadata without national formats (regenerate with npm run gen:phone-metadata)', () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    expect(PHONE_METADATA_VERSION).toBe(require('libphonenumber-js/package.json').version);
    const want = structuredClone(maxMetadata) as unknown as { countries: Record<string, unknown[]>; nonGeographic: Record<string, unknown[]> };
    for (const plan of [...Object.values(want.countries), ...Object.values(want.nonGeographic)]) plan[4] = undefined;
    expect(phoneMetadata()).toEqual(JSON.parse(JSON.stringify(want)));
  });

  it('is parsed once per execution', () => {
    expect(phoneMetadata()).toBe(phoneMetadata());
  });

  it('reads every country\'s example mobile, national and international, as the library does on the full metadata', () => {
    let compared = 0;
    for (const country of getCountries() as CountryCode[]) {
      const national = (mobileExamples as Record<string, string>)[country];
      if (!national) continue;
      for (const text of [national, `+${parsePhoneNumberFromString(national, country)?.countryCallingCode}${national}`]) {
        const full = parsePhoneNumberFromString(text, country);
        const packed = parseWith(text, country, phoneMetadata());
        const read = (p: typeof full) => (p ? [p.number, p.isValid(), p.getType() ?? null] : null);
        expect([country, text, read(packed)]).toEqual([country, text, read(full)]);
        compared++;
      }
    }
    expect(compared).toBeGreaterThan(400);
  });
});
