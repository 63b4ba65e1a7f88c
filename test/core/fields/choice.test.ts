import { FIELD_TYPES, defaultContext, editDistance, matchOption } from '../../../src/core/fields';
import type { DropdownOption } from '../../../src/core/fields';
import { cleaned, EN, parsed, ZH } from './helpers';

describe('checkbox', () => {
  test.each([
    ['TRUE', true], ['true', true], ['True', true], ['yes', true], ['Y', true], ['是', true], ['对', true],
    ['✓', true], ['√', true], ['✔', true], ['☑', true], ['1', true], ['checked', true], [' YES ', true], ['ｙｅｓ', true],
    ['FALSE', false], ['false', false], ['no', false], ['N', false], ['否', false], ['错', false], ['✗', false],
    ['×', false], ['0', false], ['unchecked', false], ['不是', false],
  ])('%j → %s', (raw, want) => {
    expect(parsed('checkbox', raw, EN)).toEqual({ kind: 'boolean', value: want });
  });

  test.each(['maybe', '2', '是否', 'yess', '√?'])('%j is not a yes/no value', (raw) => {
    expect(parsed('checkbox', raw, ZH)).toBe('invalid:invalidCheckbox');
  });

  test('booleans and 1/0 from the sheet; cleanup writes booleans, TRUE/FALSE text is canonical', () => {
    expect(parsed('checkbox', true, EN)).toEqual({ kind: 'boolean', value: true });
    expect(parsed('checkbox', 0, EN)).toEqual({ kind: 'boolean', value: false });
    expect(parsed('checkbox', 2, EN)).toBe('invalid:invalidCheckbox');
    expect(cleaned('checkbox', true, EN)).toBe('unchanged');
    expect(cleaned('checkbox', 'TRUE', EN)).toBe('unchanged');
    expect(cleaned('checkbox', 'yes', EN)).toBe(true);
    expect(cleaned('checkbox', '否', ZH)).toBe(false);
    expect(cleaned('checkbox', 1, EN)).toBe(true);
    expect(FIELD_TYPES.checkbox.validation(EN, 'K2')).toEqual({ kind: 'checkbox' });
  });
});

describe('dropdown', () => {
  const options: DropdownOption[] = [
    { label: 'Lead', color: '#e8eaed' },
    { label: 'Contacted', color: '#d2e3fc' },
    { label: 'Qualified', color: '#fef7e0', variants: ['合格'] },
    { label: 'Proposal', color: '#fce8b2' },
    { label: 'Negotiation', color: '#f6aea9' },
    { label: 'Won', color: '#ceead6', variants: ['Closed won', '成交', '赢单'] },
    { label: 'Lost', color: '#dadce0', variants: ['丢单'] },
  ];
  const ctx = defaultContext('en', { options });
  const zhOptions: DropdownOption[] = [
    { label: '潜在客户', color: '#e8eaed' }, { label: '已联系', color: '#d2e3fc' }, { label: '成交', color: '#ceead6', variants: ['Won'] },
  ];
  const zh = defaultContext('zh-CN', { options: zhOptions });

  test.each([
    ['Lead', 'Lead'], ['lead', 'Lead'], ['  LEAD ', 'Lead'], ['Ｌｅａｄ', 'Lead'], ['closed  WON', 'Won'],
    ['ClosedWon', 'Won'], ['成交', 'Won'], ['合格', 'Qualified'],
    ['Qualifed', 'Qualified'], // deletion
    ['Qualifiedd', 'Qualified'], // insertion
    ['Qaulified', 'Qualified'], // swap
    ['Propossal', 'Proposal'], ['Negotiaton', 'Negotiation'], ['Contactd', 'Contacted'],
  ])('%j → %j', (raw, want) => {
    expect(parsed('dropdown', raw, ctx)).toEqual({ kind: 'option', value: want });
    expect(cleaned('dropdown', raw, ctx)).toBe(raw === want ? 'unchanged' : want);
  });

  test('Chinese labels and variants', () => {
    expect(parsed('dropdown', ' 已联系 ', zh)).toEqual({ kind: 'option', value: '已联系' });
    expect(parsed('dropdown', 'won', zh)).toEqual({ kind: 'option', value: '成交' });
    expect(parsed('dropdown', '潜在', zh)).toBe('invalid:unknownOption');
    expect(parsed('dropdown', '潜在客', zh)).toBe('invalid:unknownOption'); // 3 characters: no typo mending
    expect(parsed('dropdown', '潜在客护', zh)).toEqual({ kind: 'option', value: '潜在客户' });
  });

  test('short labels are never typo-mended', () => {
    expect(parsed('dropdown', 'Wan', ctx)).toBe('invalid:unknownOption');
    expect(parsed('dropdown', 'Lst', ctx)).toBe('invalid:unknownOption');
  });

  test('a typo close to two options is not mended (only unique matches)', () => {
    const two: DropdownOption[] = [{ label: 'Lean', color: '#fff' }, { label: 'Lead', color: '#fff' }];
    expect(matchOption('Leaf', two).label).toBeNull();
    expect(matchOption('Lead', two).label).toBe('Lead');
  });

  test('unknown values get the closest label as a hint when it is close', () => {
    expect(FIELD_TYPES.dropdown.parse('Qualify', ctx)).toEqual({ ok: false, code: 'unknownOption', hint: 'Qualified' });
    expect(FIELD_TYPES.dropdown.normalize('Propo', ctx)).toEqual({ status: 'invalid', code: 'unknownOption', hint: 'Proposal' });
    expect(FIELD_TYPES.dropdown.parse('xyzzy banana', ctx)).toEqual({ ok: false, code: 'unknownOption' });
  });

  test('numbers and booleans from the sheet match labels by their text', () => {
    const prio = defaultContext('en', { options: [{ label: '1', color: '#fff' }, { label: '2', color: '#fff' }, { label: 'TRUE', color: '#fff' }] });
    expect(parsed('dropdown', 2, prio)).toEqual({ kind: 'option', value: '2' });
    expect(cleaned('dropdown', 2, prio)).toBe('unchanged');
    expect(parsed('dropdown', true, prio)).toEqual({ kind: 'option', value: 'TRUE' });
    expect(parsed('dropdown', 3, prio)).toBe('invalid:unknownOption');
  });

  test('no options configured: every value is unknown; validation lists the labels', () => {
    expect(parsed('dropdown', 'Lead', EN)).toBe('invalid:unknownOption');
    expect(parsed('dropdown', '', EN)).toEqual({ kind: 'empty' });
    expect(FIELD_TYPES.dropdown.validation(ctx, 'F2')).toEqual({ kind: 'list', values: options.map((o) => o.label) });
  });

  test('editDistance is optimal string alignment', () => {
    expect(editDistance('abcd', 'abcd')).toBe(0);
    expect(editDistance('abcd', 'abdc')).toBe(1);
    expect(editDistance('abcd', 'abc')).toBe(1);
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('ca', 'abc')).toBe(3); // OSA, not unrestricted Damerau (which gives 2)
    expect(editDistance('潜在客户', '潜在客护')).toBe(1);
    expect(editDistance('abcdef', 'uvwxyz', 1)).toBe(2); // stops early past the bound
  });
});

describe('client IDs', () => {
  test('any non-empty text is an ID; cleanup only trims', () => {
    expect(parsed('autoId', 'C-000123', EN)).toEqual({ kind: 'text', value: 'C-000123' });
    expect(parsed('autoId', '=A1', EN)).toEqual({ kind: 'text', value: '=A1' });
    expect(parsed('autoId', 42, EN)).toEqual({ kind: 'text', value: '42' });
    expect(cleaned('autoId', ' C-7 ', EN)).toBe('C-7');
    expect(cleaned('autoId', 42, EN)).toBe('unchanged');
    expect(FIELD_TYPES.autoId.numberFormat(EN)).toBe('@');
    expect(FIELD_TYPES.autoId.acceptsAnyText).toBe(true);
  });
});
