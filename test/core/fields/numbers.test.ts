import fc from 'fast-check';
import { FIELD_TYPES, defaultContext } from '../../../src/core/fields';
import { cleaned, DE, EN, parsed, ZH } from './helpers';

const FR = defaultContext('en', { region: 'FR' });
const num = (value: number) => ({ kind: 'number', value });

describe('number', () => {
  test.each([
    ['1200', EN, 1200],
    ['1,234.5', EN, 1234.5],
    ['1,234,567', EN, 1234567],
    ['1 234,5', FR, 1234.5],
    ['1\u202F234,5', FR, 1234.5],
    ['1.234,5', DE, 1234.5],
    ['1.234.567', DE, 1234567],
    ['1.234', DE, 1.234], // a lone '.' is the point of the canonical form everywhere
    ['1.234,00', DE, 1234],
    ['1,5', DE, 1.5],
    ['1,5', EN, 1.5], // a single comma not followed by three digits can only be a decimal mark
    ['1,234', EN, 1234],
    ['1,234', DE, 1.234],
    ['0,123', EN, 0.123],
    ["1'234.5", EN, 1234.5],
    ['１２３', ZH, 123],
    ['１，２３４．５', ZH, 1234.5],
    ['-42', EN, -42],
    ['+42', EN, 42],
    ['−42', EN, -42],
    ['(1,234)', EN, -1234],
    ['.5', EN, 0.5],
    ['1.5e3', EN, 1500],
    ['1.2万', ZH, 12000],
    ['1.1万', ZH, 11000],
    ['3亿', ZH, 300000000],
    ['2千', ZH, 2000],
    ['1.5百万', ZH, 1500000],
    ['3k', EN, 3000],
    ['2.5K', EN, 2500],
    ['1.2m', EN, 1200000],
    ['2bn', EN, 2000000000],
  ])('%j → %d', (raw, ctx, want) => {
    expect(parsed('number', raw, ctx)).toEqual(num(want));
  });

  test.each(['abc', '1,2,3', '12%', '$5', '1..2', '1.2.3,4,5', '12 apples', '--5', '1,23,456', '五', 'k', '1e999'])(
    '%j is not a number', (raw) => {
      expect(parsed('number', raw, EN)).toBe('invalid:invalidNumber');
    });

  test('cleanup writes plain numbers; canonical text and numbers from the sheet are unchanged', () => {
    expect(cleaned('number', '1,234.50', EN)).toBe(1234.5);
    expect(cleaned('number', '1.2万', ZH)).toBe(12000);
    expect(cleaned('number', '1200', EN)).toBe('unchanged');
    expect(cleaned('number', '-3.5', EN)).toBe('unchanged');
    expect(cleaned('number', 1200, EN)).toBe('unchanged');
    expect(cleaned('number', ' 12 ', EN)).toBe(12);
    expect(cleaned('number', 'abc', EN)).toBe('invalid:invalidNumber');
  });

  test('a date cell or a boolean in a number column is not a number', () => {
    expect(parsed('number', new Date(2024, 0, 5), EN)).toBe('invalid:invalidNumber');
    expect(parsed('number', true, EN)).toBe('invalid:invalidNumber');
    expect(parsed('number', '=1+1', EN)).toBe('invalid:formula');
  });
});

describe('currency', () => {
  test.each([
    ['¥1,200', ZH, 1200],
    ['￥1,200.50', ZH, 1200.5],
    ['1.2万', ZH, 12000],
    ['1.2万元', ZH, 12000],
    ['$3.5k', EN, 3500],
    ['$1,234.56', EN, 1234.56],
    ['US$ 99', EN, 99],
    ['1,200元', ZH, 1200],
    ['RMB 5万', ZH, 50000],
    ['5万 RMB', ZH, 50000],
    ['人民币3000', ZH, 3000],
    ['3000块', ZH, 3000],
    ['USD 1,000.50', EN, 1000.5],
    ['1.000,50 €', DE, 1000.5],
    ['€1.000,50', DE, 1000.5],
    ['£12', defaultContext('en', { region: 'GB' }), 12],
    ['2m', EN, 2000000],
    ['0', EN, 0],
    ['１２００元', ZH, 1200],
  ])('%j → %d', (raw, ctx, want) => {
    expect(parsed('currency', raw, ctx)).toEqual(num(want));
  });

  test.each(['-5', '(1,200)', '$-3', '-¥100'])('%j is a negative amount (amounts are never negative)', (raw) => {
    expect(parsed('currency', raw, EN)).toBe('invalid:negativeAmount');
  });

  test.each(['free', '¥', 'tbd', '待定', '面议', 'TBD'])('%j is no amount at all (not a negative one)', (raw) => {
    expect(parsed('currency', raw, EN)).toBe('invalid:notAmount');
  });

  test.each(['12%', '$1,2,3'])('%j is not an amount of money', (raw) => {
    expect(parsed('currency', raw, EN)).toBe('invalid:invalidCurrency');
  });

  test('numbers from the sheet; negative numbers are refused', () => {
    expect(parsed('currency', 99.5, EN)).toEqual(num(99.5));
    expect(parsed('currency', -1, EN)).toBe('invalid:negativeAmount');
    expect(cleaned('currency', 1200, ZH)).toBe('unchanged');
    expect(cleaned('currency', '¥1,200', ZH)).toBe(1200);
  });

  test('display format follows the context currency; validation is ≥ 0', () => {
    expect(FIELD_TYPES.currency.numberFormat(ZH)).toBe('"¥"#,##0.00');
    expect(FIELD_TYPES.currency.numberFormat(EN)).toBe('"$"#,##0.00');
    expect(FIELD_TYPES.currency.numberFormat(DE)).toBe('"€"#,##0.00');
    expect(FIELD_TYPES.currency.numberFormat(defaultContext('en', { region: 'JP' }))).toBe('"¥"#,##0');
    expect(FIELD_TYPES.currency.numberFormat(defaultContext('en', { currency: 'BRL' }))).toBe('"BRL "#,##0.00');
    expect(FIELD_TYPES.currency.validation(EN, 'H2')).toEqual({ kind: 'number', min: 0 });
  });
});

describe('percent', () => {
  test.each([
    ['12%', 0.12],
    ['12.5 %', 0.125],
    ['１２％', 0.12],
    ['-3%', -0.03],
    ['0.12', 0.12],
    ['1', 1],
    ['12', 0.12],
    ['150%', 1.5],
    ['百分之十二', 0.12],
    ['百分之12.5', 0.125],
    ['百分之一百', 1],
    ['7%', 0.07],
  ])('%j → %d', (raw, want) => {
    expect(parsed('percent', raw, EN)).toEqual(num(want));
  });

  test.each(['abc', '%', '12%%', '百分之', '百分之abc', '1,2,3%'])('%j is not a percentage', (raw) => {
    expect(parsed('percent', raw, EN)).toBe('invalid:invalidPercent');
  });

  test('canonical text is the percent form; stored fractions are left alone', () => {
    expect(cleaned('percent', '0.12', EN)).toBe('12%');
    expect(cleaned('percent', '12', EN)).toBe('12%');
    expect(cleaned('percent', '7%', EN)).toBe('unchanged');
    expect(cleaned('percent', '12.5 %', EN)).toBe('12.5%');
    expect(cleaned('percent', 0.12, EN)).toBe('unchanged');
    expect(cleaned('percent', '150%', EN)).toBe('unchanged');
    expect(FIELD_TYPES.percent.numberFormat(EN)).toBe('0.00%');
  });
});

describe('numbers written the way each region formats them read back exactly', () => {
  test.each([['en-US', 'US'], ['de-DE', 'DE'], ['fr-FR', 'FR'], ['zh-CN', 'CN'], ['en-GB', 'GB'], ['es-ES', 'ES']])(
    'Intl %s in region %s', (intlLocale, region) => {
      const ctx = defaultContext('en', { region });
      fc.assert(fc.property(
        fc.integer({ min: -999_999_999, max: 999_999_999 }), fc.integer({ min: 0, max: 99 }),
        (whole, cents) => {
          const n = whole + Math.sign(whole || 1) * cents / 100;
          const text = n.toLocaleString(intlLocale, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
          expect(parsed('number', text, ctx)).toEqual(num(Number(n.toFixed(2))));
        },
      ), { numRuns: 300 });
    });
});
