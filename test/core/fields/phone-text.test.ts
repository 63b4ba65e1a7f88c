/**
 * The fast reading of a phone cell's text (readPhoneText: one pass over cells made of digits, spaces and
 * + ( ) - . /) answers exactly as the plain one (readPhoneTextPlain: invisible characters, full-width
 * forms, labels, extensions, dates), on random texts built from the characters at the edges of both.
 */
import fc from 'fast-check';
import { readPhoneText, readPhoneTextPlain } from '../../../src/core/fields/phone';

const PIECES = [
  '0', '1', '2', '3', '4', '5', '6', '7', '8', '9', '00', '86', '138', '0013', '8000', '415', '555', '2024',
  ' ', '  ', '-', '.', '/', '+', '(', ')', '\u3000', '\u00a0', '\u200B', '\uFEFF', '\t', '\n',
  '１', '３', '８', '＋', '（', '）', 'x', 'X', '#', 'ext', 'ext.', '转', '分机', 'Tel:', 'tel:', '手机：', ':', 'a', '—',
];

test('readPhoneText equals readPhoneTextPlain on random texts', () => {
  fc.assert(
    fc.property(fc.array(fc.constantFrom(...PIECES), { maxLength: 24 }), (parts) => {
      const s = parts.join('');
      expect(readPhoneText(s)).toEqual(readPhoneTextPlain(s));
    }),
    { numRuns: 20_000 },
  );
});

test('the fast reading on the forms people write', () => {
  for (const s of ['+86 138 0013 8000', '138-0013-8000', '(415) 555-0132', '0044 20 7946 0958', '2024-01-05', '2024/1/5', '12345', '1234', ' +1 (415) 555-0132 ', '000123456', '+44 (0)20 7946 0958']) {
    expect(readPhoneText(s)).toEqual(readPhoneTextPlain(s));
  }
  expect(readPhoneText('0044 20 7946 0958')).toEqual({ s: '+442079460958' });
  expect(readPhoneText('2024-01-05')).toBeNull();
});
