import type { CellValue } from '../../../src/core/fields/types';
import { idSequence, planAutoFill } from '../../../src/core/edit/autofill';
import { sequentialLayout } from '../../../src/core/table/layout';
import { templateSchema } from '../../../src/core/templates';

const schema = templateSchema('b2b', 'en');
const layout = sequentialLayout(schema.fields);
const W = schema.fields.length;
const now = new Date('2026-02-03T04:05:06Z');
const col = (key: string) => layout.columns[key] as number;
function row(vals: Record<string, CellValue>): CellValue[] {
  const r: CellValue[] = Array.from({ length: W }, () => '');
  for (const [k, v] of Object.entries(vals)) r[col(k) - 1] = v;
  return r;
}
const plan = (rows: CellValue[][]) => planAutoFill({
  schema, layout, headerRow: 1, rows, rowsFirstRow: 2, spanFirst: 1, now,
  edit: { firstRow: 2, lastRow: 1 + rows.length, firstColumn: 1, lastColumn: 3, single: false },
  newId: (n) => idSequence('C-000001', 10)[n] as string,
});
const write = (ws: ReturnType<typeof plan>, key: string) => ws.find((w) => w.column === col(key));

describe('planAutoFill: which rows are new', () => {
  it('a pasted row with its own ID gets Created (and keeps its ID); the row without one gets both', () => {
    const ws = plan([row({ clientId: 'MY-7', name: 'Ann' }), row({ name: 'Ben' })]);
    expect(write(ws, 'created')?.values).toEqual([[now], [now]]);
    expect(write(ws, 'clientId')).toMatchObject({ firstRow: 3, values: [['C-000001']] });
  });

  it('an existing row whose Created the user cleared is not new: Created stays blank, only Updated moves', () => {
    const ws = plan([row({ clientId: 'C-000009', name: 'Ann', updated: new Date('2025-01-01') })]);
    expect(write(ws, 'created')).toBeUndefined();
    expect(write(ws, 'clientId')).toBeUndefined();
    expect(write(ws, 'updated')?.values).toEqual([[now]]);
  });
});
