/**
 * The one meaning of "blank" (src/core/fields/util.ts isBlankCell), shared by inference, adopt, the
 * check of every row and onEdit, and the one edit distance (src/core/text/distance.ts).
 */
import { fieldType } from '../../../src/core/fields';
import type { CellValue } from '../../../src/core/fields/types';
import { isBlankCell } from '../../../src/core/fields/util';
import { validateRows } from '../../../src/core/check/validate';
import { editDistance } from '../../../src/core/text/distance';
import { sequentialLayout } from '../../../src/core/table/layout';
import { templateSchema } from '../../../src/core/templates';

describe('isBlankCell', () => {
  it.each<[CellValue | null | undefined, boolean]>([
    ['', true],
    [undefined, true],
    [null, true],
    ['   ', true],
    ['\t\n', true],
    ['\u3000', true], // ideographic space
    ['\u00a0', true], // no-break space
    ['\u200b', true], // zero-width space
    [' \ufeff\u200d ', true], // BOM and zero-width joiner
    ['a', false],
    ['\u200bx', false],
    [0, false],
    [false, false],
    [new Date(0), false],
  ])('%j → %s', (v, blank) => {
    expect(isBlankCell(v)).toBe(blank);
  });

  it('agrees with every field type: a blank cell parses as empty', () => {
    for (const s of ['', '   ', '\u3000', '\u200b', ' \ufeff ']) {
      for (const id of ['text', 'email', 'phone', 'number', 'date', 'dropdown'] as const) {
        expect(
          fieldType(id).parse(s, { locale: 'en', region: 'US', currency: 'USD', dateOrder: 'MDY', timeZone: 'UTC', options: [] }).ok,
        ).toBe(true);
      }
    }
  });

  it('makes the check of every row report a required cell holding only a zero-width space', () => {
    const schema = templateSchema('b2b', 'en');
    const layout = sequentialLayout(schema.fields);
    const row: CellValue[] = schema.fields.map(() => '');
    const at = (key: string) => (layout.columns[key] as number) - 1;
    Object.assign(row, { [at('company')]: 'ACME', [at('owner')]: 'Bo', [at('stage')]: 'Lead', [at('name')]: '\u200b' });
    const res = validateRows(schema, layout, [row], 2, 1, 'UTC', fieldType);
    expect(res.issues.map((i) => [i.row, i.key, i.code])).toEqual([[2, 'name', 'required']]);
  });
});

describe('editDistance', () => {
  it.each([
    ['qualified', 'qualifeid', 5, 1], // a swap is one edit
    ['lead', 'lead', 5, 0],
    ['lead', 'led', 5, 1],
    ['lead', 'won', 1, 2], // over the cap: cap + 1
    ['成交', '成功', 5, 1], // code points, not UTF-16 units
    ['😀a', 'a', 5, 1],
  ])('%s ↔ %s (max %d) = %d', (a, b, max, d) => {
    expect(editDistance(a, b, max)).toBe(d);
  });
});
