/**
 * validateRows remembers parse results per column (bounded, and dropped for columns of unique values):
 * on random columns, long enough to fill and to abandon its memos, it reports exactly the cells a plain
 * per-cell parse reports, with the same codes and hints.
 */
import fc from 'fast-check';
import { fieldType } from '../../../src/core/fields';
import type { CellValue } from '../../../src/core/fields/types';
import { isBlankCell, isFormulaError } from '../../../src/core/fields/util';
import { sequentialLayout } from '../../../src/core/table/layout';
import { validateRows } from '../../../src/core/check/validate';
import type { SheetIssue } from '../../../src/core/check/validate';
import { typeContext } from '../../../src/core/setup/plan';
import { templateSchema } from '../../../src/core/templates';
import { AUTO_TYPES } from '../../../src/core/fields/types';

const base = templateSchema('b2b', 'en');
const schema = { ...base, regions: ['US', 'CN', 'GB'] };
const layout = sequentialLayout(schema.fields);
const TZ = 'Asia/Shanghai';

/** The same check without any memo: every cell parsed on its own. */
function plain(values: CellValue[][]): SheetIssue[] {
  const issues: SheetIssue[] = [];
  const auto = new Set<string>(AUTO_TYPES);
  values.forEach((row, r) => {
    if (Object.values(layout.columns).every((c) => isBlankCell(row[c - 1]))) return;
    for (const f of schema.fields) {
      if (auto.has(f.type)) continue;
      const col = layout.columns[f.key] as number;
      const v = row[col - 1] as CellValue;
      const at = { row: r + 2, column: col, key: f.key };
      if (isBlankCell(v)) { if (f.required) issues.push({ ...at, code: 'required' }); continue; }
      if (typeof v === 'string' && isFormulaError(v)) { issues.push({ ...at, code: 'formulaError' }); continue; }
      const res = fieldType(f.type).parse(v, typeContext(schema, f, TZ));
      if (!res.ok) issues.push(res.hint ? { ...at, code: res.code, hint: res.hint } : { ...at, code: res.code });
    }
  });
  return issues;
}

const few = (xs: CellValue[]) => fc.constantFrom(...xs);
const PHONES = ['+86 138 0013 8000', '138-0013-8000', '(415) 555-0132', '020 7946 0958', '2024-01-05', 'N/A', '１３８００１３８０００', '415 555 0132 ext. 12'];
const DATES: CellValue[] = ['2024-01-05', '2024/1/5', '5 Jan 2024', 'someday', 45300, new Date(Date.UTC(2024, 0, 4, 16)), new Date(Date.UTC(2024, 0, 5, 3, 30)), new Date(NaN)];

/** A cell of each kind: a few repeated values or one of very many (unique) ones. */
const cell = {
  email: fc.oneof(few(['ann@acme.com', 'bad@', 'Li.Si@QQ.com ', '']), fc.integer({ min: 0, max: 1e6 }).map((n) => (n % 7 ? `u${n}@ex.com` : `u${n}@@ex`))),
  phone: fc.oneof(few(PHONES), fc.integer({ min: 0, max: 99_999_999 }).map((n) => (n % 3 ? `139-${String(n).padStart(8, '0').slice(0, 4)}-${String(n).padStart(8, '0').slice(4)}` : `+1 415 55${n % 10} ${String(n).slice(-4).padStart(4, '0')}`))),
  date: fc.oneof(few(DATES), fc.integer({ min: 0, max: 40_000 }).map((n) => new Date(Date.UTC(2000, 0, 1) + n * 3_600_000))),
  money: fc.oneof(few(['¥1,200', '$3.5k', 99.5, 'abc', '#ERROR!', '=A1']), fc.integer({ min: -1e6, max: 1e6 })),
  stage: few(['Lead', 'Qualified', 'Won', 'qualifed', 'Maybe', '', ' ']),
  text: fc.oneof(few(['Ann', '', 'Bo']), fc.string({ maxLength: 6 })),
};

test('validateRows equals a plain per-cell parse on random columns', () => {
  const W = schema.fields.length;
  const rowArb = fc.record(cell).map((c) => {
    const r: CellValue[] = Array.from({ length: W }, () => '');
    const put = (key: string, v: CellValue) => { r[(layout.columns[key] as number) - 1] = v; };
    put('email', c.email); put('phone', c.phone); put('nextFollowUp', c.date); put('lastContact', c.date);
    put('dealValue', c.money); put('stage', c.stage); put('name', c.text); put('company', c.text);
    return r;
  });
  fc.assert(
    fc.property(fc.array(rowArb, { minLength: 2_500, maxLength: 5_000 }), (values) => {
      const want = plain(values);
      expect(want.length).toBeGreaterThan(values.length / 2);
      expect(validateRows(schema, layout, values, 2, 1, TZ, fieldType).issues).toEqual(want);
    }),
    { numRuns: 12 },
  );
});
