import { FIELD_TYPES, defaultContext } from '../../../src/core/fields';
import { cleaned, EN, parsed, ZH } from './helpers';
import { compileRe2 } from '../../../dev/emulator/formulas';

describe('text and long text', () => {
  test.each([
    ['  hello   world  ', 'hello world'],
    ['张\u3000三', '张 三'],
    ['A\u200Bcme\uFEFF Ltd', 'Acme Ltd'],
    ['tab\there', 'tab here'],
    ['line\nbreak', 'line break'],
    ['Ｆｕｌｌ宽', 'Ｆｕｌｌ宽'], // full-width letters in a name are the writer's choice
    ['\u0007bell', 'bell'],
  ])('text %j → %j', (raw, want) => {
    expect(parsed('text', raw, EN)).toEqual({ kind: 'text', value: want });
    expect(cleaned('text', raw, EN)).toBe(want === raw ? 'unchanged' : want);
  });

  test('long text keeps line breaks but tidies them', () => {
    expect(cleaned('longText', 'first  line \r\nsecond\r\n\r\n\r\n\r\nthird ', EN)).toBe('first line\nsecond\n\nthird');
    expect(cleaned('longText', 'a\nb', EN)).toBe('unchanged');
  });

  test('text never fails and keeps a leading = as text', () => {
    expect(parsed('text', '=cmd|\' /C calc\'!A0', EN)).toEqual({ kind: 'text', value: '=cmd|\' /C calc\'!A0' });
    expect(parsed('text', '<script>alert(1)</script>', EN)).toEqual({ kind: 'text', value: '<script>alert(1)</script>' });
  });

  test('a cleaned value Sheets would reinterpret is flagged to be written as text', () => {
    expect(FIELD_TYPES.text.normalize('  +86 138  0013 8000', EN)).toEqual({ status: 'changed', value: '+86 138 0013 8000', asText: true });
    expect(FIELD_TYPES.text.normalize(' -minus ', EN)).toEqual({ status: 'changed', value: '-minus', asText: true });
    expect(FIELD_TYPES.text.normalize(' 00123 ', EN)).toEqual({ status: 'changed', value: '00123', asText: true });
    expect(FIELD_TYPES.text.normalize(' Acme ', EN)).toEqual({ status: 'changed', value: 'Acme' });
    expect(FIELD_TYPES.text.numberFormat(EN)).toBe('@');
  });

  test('numbers and dates read from the sheet are shown as text but never rewritten', () => {
    expect(parsed('text', 42, EN)).toEqual({ kind: 'text', value: '42' });
    expect(cleaned('text', 42, EN)).toBe('unchanged');
    expect(cleaned('text', new Date(Date.UTC(2024, 0, 5)), EN)).toBe('unchanged');
  });

  test('blank cells are empty; white-space-only cells are cleared', () => {
    expect(parsed('text', '', EN)).toEqual({ kind: 'empty' });
    expect(parsed('text', '  \u3000 ', EN)).toEqual({ kind: 'empty' });
    expect(cleaned('text', '', EN)).toBe('unchanged');
    expect(cleaned('text', '   ', EN)).toBe('');
  });
});

describe('email', () => {
  test.each([
    ['name@example.com', 'name@example.com'],
    [' Name@Example.COM ', 'name@example.com'],
    ['用户@例子.公司', '用户@例子.公司'],
    ['josé@bücher.de', 'josé@bücher.de'],
    ['first.last+tag@sub.example.co.uk', 'first.last+tag@sub.example.co.uk'],
    ['abc＠qq.com', 'abc@qq.com'],
    ['abc@qq。com', 'abc@qq.com'],
    ['abc@163.com。', 'abc@163.com'],
    ['abc@163.com,', 'abc@163.com'],
    ['abc@163.com；', 'abc@163.com'],
    ['mailto:Sales@Acme.io', 'sales@acme.io'],
    ['<sales@acme.io>', 'sales@acme.io'],
    ['张三 <zhangsan@qq.com>', 'zhangsan@qq.com'],
    ['ｗａｎｇ＠１６３．ｃｏｍ', 'wang@163.com'],
    ['x@xn--fiqs8s.com', 'x@xn--fiqs8s.com'],
    ['x@example.xn--fiqs8s', 'x@example.xn--fiqs8s'],
  ])('%j is the address %j', (raw, want) => {
    expect(parsed('email', raw, EN)).toEqual({ kind: 'text', value: want });
    expect(cleaned('email', raw, EN)).toBe(raw === want ? 'unchanged' : want);
  });

  test.each([
    'plainaddress', 'a@b', 'a b@c.com', 'a..b@c.com', '.a@c.com', 'a.@c.com', 'a@c..com', 'a@-c.com',
    'a@c-.com', 'a@c.c', 'a@c.123', 'a@@c.com', 'a@b@c.com', '@c.com', 'a@', '"quoted"@c.com',
    'a@c .com', `${'x'.repeat(65)}@c.com`, `a@${'b'.repeat(250)}.com`, '13800138000',
  ])('%j is not an address', (raw) => {
    expect(parsed('email', raw, EN)).toBe('invalid:invalidEmail');
    expect(cleaned('email', raw, EN)).toBe('invalid:invalidEmail');
  });

  test('a formula is reported as a formula, numbers and booleans are not addresses', () => {
    expect(parsed('email', '=A1&"@x.com"', EN)).toBe('invalid:formula');
    expect(parsed('email', 12, EN)).toBe('invalid:invalidEmail');
    expect(parsed('email', true, EN)).toBe('invalid:invalidEmail');
  });

  test('validation is a REGEXMATCH custom formula that lets blank cells pass', () => {
    const v = FIELD_TYPES.email.validation(EN, 'D2');
    expect(v).toEqual({ kind: 'customFormula', formula: expect.stringMatching(/^=OR\(D2="",REGEXMATCH\(D2&"","\^.*\$"\)\)$/) });
    if (v?.kind !== 'customFormula') throw new Error('expected a custom formula');
    // Evaluated as Sheets does, with RE2 (re2js, as the emulator's REGEXMATCH).
    const pattern = /REGEXMATCH\(D2&"","(.*)"\)\)$/.exec(v.formula)?.[1] ?? '';
    const re = compileRe2(pattern);
    for (const ok of ['a@b.com', '用户@例子.公司', 'josé@bücher.de', ' a@b.com ']) expect(re.matcher(ok).find()).toBe(true);
    for (const bad of ['a b@c.com', 'a\u00a0b@c.com', 'a@b\u3000c.com', 'a@b', 'a..b@c.com', 'a@b.c1', 'a@b.c']) expect(re.matcher(bad).find()).toBe(false);
  });
});

describe('phone', () => {
  test.each([
    ['+86 138 0013 8000', EN, '+8613800138000'],
    ['138-0013-8000', ZH, '+8613800138000'],
    ['138 0013 8000', ZH, '+8613800138000'],
    ['１３８００１３８０００', ZH, '+8613800138000'],
    ['手机：13800138000', ZH, '+8613800138000'],
    ['(010) 6552-9988', ZH, '+861065529988'],
    ['(415) 555-0132', EN, '+14155550132'],
    ['415.555.0132', EN, '+14155550132'],
    ['+1 415 555 0132', ZH, '+14155550132'],
    ['0044 20 7946 0958', EN, '+442079460958'],
    ['0044 20 7946 0958', ZH, '+442079460958'],
    ['020 7946 0958', defaultContext('en', { region: 'GB' }), '+442079460958'],
    ['tel:+442079460958', EN, '+442079460958'],
    ['(415) 555-0132 ext. 12', EN, '+14155550132 ext. 12'],
    ['415-555-0132 x7', EN, '+14155550132 ext. 7'],
    ['010-6552 9988 转 123', ZH, '+861065529988 ext. 123'],
    ['010-65529988分机8', ZH, '+861065529988 ext. 8'],
    ['1 (415) 555-0132', EN, '+14155550132'], // North American trunk prefix 1
    ['8 916 123-45-67', defaultContext('en', { region: 'RU' }), '+79161234567'], // Russian trunk prefix 8
    ['916 123-45-67', defaultContext('en', { region: 'RU' }), '+79161234567'],
    ['030 12345678', defaultContext('en', { region: 'DE' }), '+493012345678'],
    ['+44 (0)20 7946 0958', EN, '+442079460958'], // trunk prefix after the country code
  ])('%j → %j', (raw, ctx, want) => {
    expect(parsed('phone', raw, ctx)).toEqual({ kind: 'text', value: want });
    expect(FIELD_TYPES.phone.normalize(raw, ctx)).toEqual({ status: 'changed', value: want, asText: true });
  });

  test('E.164 is canonical; a phone read from a number cell becomes text', () => {
    expect(cleaned('phone', '+8613800138000', EN)).toBe('unchanged');
    expect(cleaned('phone', 13800138000, ZH)).toBe('+8613800138000');
    expect(FIELD_TYPES.phone.numberFormat(ZH)).toBe('@');
  });

  test.each([
    ['12345', EN], ['138-0013-800', ZH], ['+86 138 0013 80001', EN], ['call me', EN], ['+1 234', EN],
    ['13800138000', EN], // a Chinese mobile without +86 is not a US number
    ['555-0132', EN], ['abc@example.com', EN], ['2024-01-05', ZH], ['+0 123 456 789', EN],
  ])('%j is not a phone number (region %#)', (raw, ctx) => {
    expect(parsed('phone', raw, ctx)).toBe('invalid:invalidPhone');
  });

  test('the default region decides numbers written without a country code', () => {
    expect(parsed('phone', '020 7946 0958', defaultContext('en', { region: 'GB' }))).toEqual({ kind: 'text', value: '+442079460958' });
    expect(parsed('phone', '020 7946 0958', ZH)).not.toEqual({ kind: 'text', value: '+442079460958' });
  });

  test('validation formula accepts typed phone forms and rejects words', () => {
    const v = FIELD_TYPES.phone.validation(EN, 'E2');
    if (v?.kind !== 'customFormula') throw new Error('expected a custom formula');
    const re = compileRe2(/REGEXMATCH\(E2&"","(.*)"\)\)$/.exec(v.formula)?.[1] ?? '');
    for (const ok of ['+86 138 0013 8000', '(415) 555-0132', '010-6552 9988 转 123', '+14155550132 ext. 12']) expect(re.matcher(ok).find()).toBe(true);
    for (const bad of ['call me', 'abc@x.com', '12']) expect(re.matcher(bad).find()).toBe(false);
  });
});

describe('url', () => {
  test.each([
    ['example.com', 'https://example.com'],
    ['www.example.com/about', 'https://www.example.com/about'],
    ['HTTP://Example.COM/Path?Q=1', 'http://example.com/Path?Q=1'],
    ['https://example.com', 'https://example.com'],
    ['https://shop.example.co.uk:8443/a#b', 'https://shop.example.co.uk:8443/a#b'],
    ['www.例子.中国', 'https://www.例子.中国'],
    ['bücher.de', 'https://bücher.de'],
    ['example。com', 'https://example.com'],
    ['https://example.com/x,', 'https://example.com/x'],
    ['（example.com）', 'https://example.com'],
    ['ｅｘａｍｐｌｅ．ｃｏｍ', 'https://example.com'],
  ])('%j → %j', (raw, want) => {
    expect(parsed('url', raw, EN)).toEqual({ kind: 'text', value: want });
    expect(cleaned('url', raw, EN)).toBe(raw === want ? 'unchanged' : want);
  });

  test.each([
    'ftp://example.com', 'mailto:a@b.com', 'javascript:alert(1)', 'a@b.com', 'http://localhost:3000',
    'example', 'exa mple.com', 'https://-bad.com', 'http:example.com', 'https://example.c0m', 'just words',
  ])('%j is not a web address', (raw) => {
    expect(parsed('url', raw, EN)).toBe('invalid:invalidUrl');
  });
});
