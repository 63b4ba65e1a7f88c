import { formatMessage, LOCALES, messagesFor, t } from '../../../src/core/i18n';

describe('plurals in messages', () => {
  it('English picks one/other by count; # is the number', () => {
    const tpl = '{count, plural, one {# cell} other {# cells}} in {rows}';
    expect(formatMessage(tpl, 'en', { count: 1, rows: 'A' })).toBe('1 cell in A');
    expect(formatMessage(tpl, 'en', { count: 0, rows: 'A' })).toBe('0 cells in A');
    expect(formatMessage(tpl, 'en', { count: 2, rows: 'A' })).toBe('2 cells in A');
    expect(formatMessage(tpl, 'en', { count: 1.5, rows: 'A' })).toBe('1.5 cells in A');
    // A plural block whose parameter is not given stays as written.
    expect(formatMessage(tpl, 'en', { rows: 'A' })).toBe('{count, plural, one {# cell} other {# cells}} in A');
  });

  it('a branch may hold other placeholders', () => {
    expect(formatMessage('{n, plural, one {# row of {sheet}} other {# rows of {sheet}}}', 'en', { n: 1, sheet: 'S' })).toBe('1 row of S');
  });

  it('real messages: "1 cell", "1 row", "Adopted 1 column"; Chinese has no plural', () => {
    expect(t('en', 'setup.validate.found', { count: 1, rows: 1, cells: 'B2' })).toMatch(/^1 cell breaks its column's rules \(in 1 row\)\. First: B2\./);
    expect(t('en', 'setup.validate.found', { count: 3, rows: 2, cells: 'B2' })).toMatch(/^3 cells break their column's rules \(in 2 rows\)/);
    expect(t('en', 'setup.validate.ok', { rows: 1 })).toBe('The 1 row is valid.');
    expect(t('en', 'setup.validate.ok', { rows: 0 })).toBe('All 0 rows are valid.');
    expect(t('en', 'adopt.done', { count: 1, sheet: 'S' })).toMatch(/^Adopted 1 column of "S"/);
    expect(t('en', 'setup.done', { sheet: 'S', columns: 1, validations: 2, rules: 1 })).toBe('Table "S" is set up: 1 column, 2 validations, 1 color rule.');
    expect(t('zh-CN', 'adopt.done', { count: 1, sheet: 'S' })).toMatch(/的 1 列/);
  });

  it('every message renders without a leftover plural block, in every locale', () => {
    for (const loc of LOCALES) {
      for (const [key, tpl] of Object.entries(messagesFor(loc))) {
        const names = [...tpl.matchAll(/\{(\w+)/g)].map((m) => m[1] as string);
        const params = Object.fromEntries(names.map((n) => [n, 1]));
        const out = t(loc, key as Parameters<typeof t>[1], params);
        expect(`${key}: ${out}`).not.toMatch(/plural|[{}]|(^|[^\w])#(\s|$)/);
      }
    }
  });
});
