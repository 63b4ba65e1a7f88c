import {
  AUTO_TYPES, FIELD_TYPES, USER_TYPES, cellText, columnLetter, defaultContext, fieldType, issueMessage,
  mustWriteAsText, nextClientId, regionFromLocale, typeLabel, validationHelp,
} from '../../../src/core/fields';
import type { IssueCode } from '../../../src/core/fields';
import { LOCALES } from '../../../src/core/i18n';

describe('registry', () => {
  test('every type id has a definition with its own id', () => {
    for (const id of [...USER_TYPES, ...AUTO_TYPES]) {
      expect(FIELD_TYPES[id].id).toBe(id);
      expect(fieldType(id)).toBe(FIELD_TYPES[id]);
    }
    expect(Object.keys(FIELD_TYPES).sort()).toEqual([...USER_TYPES, ...AUTO_TYPES].sort());
    expect(() => fieldType('nope' as never)).toThrow('Unknown field type: nope');
  });

  test('only free-text types accept any text', () => {
    const any = Object.values(FIELD_TYPES).filter((d) => d.acceptsAnyText).map((d) => d.id).sort();
    expect(any).toEqual(['autoId', 'longText', 'text']);
  });

  test('every non-text type reports a formula string as a formula', () => {
    const ctx = defaultContext('en', { options: [{ label: 'A', color: '#fff' }] });
    for (const d of Object.values(FIELD_TYPES)) {
      const r = d.parse('=SUM(A1:A3)', ctx);
      if (d.acceptsAnyText) expect(r.ok).toBe(true);
      else expect(r).toEqual({ ok: false, code: 'formula' });
    }
  });

  test('plain-text columns are exactly those whose text Sheets would mangle', () => {
    const ctx = defaultContext('zh-CN');
    const textual = Object.values(FIELD_TYPES).filter((d) => d.numberFormat(ctx) === '@').map((d) => d.id).sort();
    expect(textual).toEqual(['autoId', 'dropdown', 'email', 'longText', 'phone', 'text', 'url']);
  });

  test('validations reference the given first cell', () => {
    const ctx = defaultContext('en');
    for (const id of ['email', 'phone', 'url'] as const) {
      const v = FIELD_TYPES[id].validation(ctx, 'Q7');
      expect(v?.kind).toBe('customFormula');
      if (v?.kind === 'customFormula') {
        expect(v.formula.startsWith('=OR(Q7="",REGEXMATCH(Q7&"",')).toBe(true);
        expect(v.formula).not.toMatch(/\b[A-Z]+[0-9]+\b(?<!Q7)/);
      }
    }
  });
});

describe('contexts', () => {
  test('defaults by locale', () => {
    expect(defaultContext('zh-CN')).toEqual({ locale: 'zh-CN', region: 'CN', timeZone: 'Asia/Shanghai', dateOrder: 'YMD', currency: 'CNY' });
    expect(defaultContext('en')).toEqual({ locale: 'en', region: 'US', timeZone: 'UTC', dateOrder: 'MDY', currency: 'USD' });
  });
  test('a region override brings its date order and currency; explicit overrides win', () => {
    expect(defaultContext('en', { region: 'gb' })).toMatchObject({ region: 'GB', dateOrder: 'DMY', currency: 'GBP' });
    expect(defaultContext('en', { region: 'DE' })).toMatchObject({ dateOrder: 'DMY', currency: 'EUR' });
    expect(defaultContext('en', { region: 'JP' })).toMatchObject({ dateOrder: 'YMD', currency: 'JPY' });
    expect(defaultContext('en', { region: 'TW' })).toMatchObject({ dateOrder: 'YMD', currency: 'TWD' });
    expect(defaultContext('en', { region: 'IN' })).toMatchObject({ dateOrder: 'DMY', currency: 'INR' });
    expect(defaultContext('zh-CN', { region: 'US', currency: 'CNY' })).toMatchObject({ dateOrder: 'MDY', currency: 'CNY' });
    expect(defaultContext('en', { region: 'ZZ' })).toMatchObject({ dateOrder: 'DMY', currency: 'USD' });
  });
  test.each([
    ['zh_CN', 'CN'], ['en_GB', 'GB'], ['en-US', 'US'], ['en_US', 'US'], ['zh_TW', 'TW'], ['zh-Hant-TW', 'TW'],
    ['zh_Hant', 'TW'], ['zh', 'CN'], ['de', 'DE'], ['ja_JP', 'JP'], ['pt_BR', 'BR'], ['', 'US'], ['xx', 'US'],
  ])('regionFromLocale(%j) = %j', (loc, want) => {
    expect(regionFromLocale(loc)).toBe(want);
  });
});

describe('helpers', () => {
  test.each([[1, 'A'], [2, 'B'], [26, 'Z'], [27, 'AA'], [52, 'AZ'], [53, 'BA'], [702, 'ZZ'], [703, 'AAA'], [18278, 'ZZZ']])(
    'columnLetter(%d) = %s', (n, want) => {
      expect(columnLetter(n)).toBe(want);
    });
  test('columnLetter refuses non-columns', () => {
    expect(() => columnLetter(0)).toThrow(RangeError);
    expect(() => columnLetter(1.5)).toThrow(RangeError);
  });

  test('nextClientId continues the largest number and keeps the padding', () => {
    expect(nextClientId([], 'C-')).toBe('C-000001');
    expect(nextClientId(['C-000001', 'C-000041', 'C-000007'], 'C-')).toBe('C-000042');
    expect(nextClientId(['c-000009', ' C-000010 ', 'X-999999', 'C-12a', ''], 'C-')).toBe('C-000011');
    expect(nextClientId(['C-999999'], 'C-')).toBe('C-1000000');
    expect(nextClientId(['C-00000001'], 'C-')).toBe('C-00000002');
    expect(nextClientId(['KH-12'], 'KH-')).toBe('KH-000013');
    expect(nextClientId(['C-99999999999999999999'], 'C-')).toBe('C-100000000000000000000');
    expect(nextClientId(['客户-0005'], '客户-')).toBe('客户-000006');
    expect(nextClientId(['C.1', 'CX1'], 'C.')).toBe('C.000002'); // the prefix is literal, not a pattern
  });

  test('mustWriteAsText flags what Sheets would reinterpret', () => {
    for (const s of ['=1+1', '+8613800138000', '-x', '@home', '00123', '1,234', '12%', 'TRUE', 'false', '2024-01-05', '1/5/2024', '14:30', '$5']) {
      expect(mustWriteAsText(s)).toBe(true);
    }
    for (const s of ['', 'Acme', '张三', 'a@b.com', 'https://x.com', 'Lead', 'C-000123']) expect(mustWriteAsText(s)).toBe(false);
  });

  test('cellText writes booleans like Sheets and numbers without grouping or noise', () => {
    expect(cellText(true)).toBe('TRUE');
    expect(cellText(false)).toBe('FALSE');
    expect(cellText(0.1 + 0.2)).toBe('0.3');
    expect(cellText(1234567.5)).toBe('1234567.5');
    expect(cellText(1e20)).toBe('100000000000000000000');
    expect(cellText('x')).toBe('x');
  });
});

describe('messages', () => {
  const codes: IssueCode[] = ['invalidEmail', 'invalidPhone', 'invalidUrl', 'invalidNumber', 'invalidCurrency', 'invalidPercent',
    'invalidDate', 'invalidDateTime', 'invalidCheckbox', 'unknownOption', 'required', 'formula',
    'notAmount', 'negativeAmount', 'otherCurrency', 'ambiguousPhone', 'formulaError'];
  test('a message without its hint (the report\'s count per problem) shows no placeholder; with it, names it', () => {
    for (const loc of LOCALES) {
      for (const c of codes) {
        expect(issueMessage(loc, c)).not.toMatch(/\{\w+\}/);
        expect(issueMessage(loc, c, { hint: '' })).not.toMatch(/\{\w+\}/);
      }
    }
    expect(issueMessage('en', 'otherCurrency', { hint: 'EUR' })).toBe('An amount in EUR, not in this column’s currency (left as written)');
    expect(issueMessage('zh-CN', 'ambiguousPhone', { hint: 'US, CN' })).toContain('（US、CN）'); // the Chinese list comma
  });
  test('every issue code has a distinct English and Chinese message', () => {
    for (const loc of LOCALES) {
      const msgs = codes.map((c) => issueMessage(loc, c));
      expect(new Set(msgs).size).toBe(codes.length);
      for (const m of msgs) expect(m).not.toMatch(/^fields\./);
    }
    expect(issueMessage('en', 'invalidEmail')).toBe('Not a valid email address');
    expect(issueMessage('zh-CN', 'invalidEmail')).toBe('不是有效的邮箱地址');
    for (const c of codes) expect(issueMessage('zh-CN', c)).toMatch(/[\u4e00-\u9fff]/);
  });
  test('unknownOption suggests the hint', () => {
    expect(issueMessage('en', 'unknownOption', { hint: 'Qualified' })).toBe('Not one of the options. Did you mean “Qualified”?');
    expect(issueMessage('zh-CN', 'unknownOption', { hint: '成交' })).toContain('“成交”');
    expect(issueMessage('en', 'unknownOption')).toBe('Not one of the options');
  });
  test('type labels and validation help texts exist in both languages', () => {
    for (const id of [...USER_TYPES, ...AUTO_TYPES]) {
      expect(typeLabel('en', id)).not.toMatch(/^fields\./);
      expect(typeLabel('zh-CN', id)).toMatch(/[\u4e00-\u9fff]/);
    }
    expect(validationHelp('zh-CN', 'email')).toContain('邮箱');
    expect(validationHelp('en', 'text')).toBeNull();
  });
});
