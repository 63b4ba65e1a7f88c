import { fieldType, nextClientId } from '../../../src/core/fields';
import type { CellValue } from '../../../src/core/fields/types';
import { clipEdit, idSequence, planAutoFill, type EditArea } from '../../../src/core/edit/autofill';
import { sequentialLayout } from '../../../src/core/table/layout';
import { highlightRanges, validateRows } from '../../../src/core/check/validate';
import { templateSchema } from '../../../src/core/templates';

const schema = templateSchema('b2b', 'en');
const layout = sequentialLayout(schema.fields);
const W = schema.fields.length;
const idx = (key: string) => (layout.columns[key] as number) - 1;

function row(values: Partial<Record<string, CellValue>>): CellValue[] {
  const r: CellValue[] = Array.from({ length: W }, () => '');
  for (const [k, v] of Object.entries(values)) r[idx(k)] = v as CellValue;
  return r;
}

describe('validateRows', () => {
  const good = { company: 'ACME', name: 'Ann Lee', owner: 'Bo', stage: 'Lead', email: 'ann@acme.com', phone: '+1 201 555 0123' };
  const rows = [
    row(good),
    row({ ...good, email: 'ann@@acme', stage: 'Maybe' }),
    row({}), // an empty row is not a client
    row({ ...good, name: '', nextFollowUp: 'someday' }),
    row({ ...good, clientId: '???', created: 'garbage' }), // auto fields are not checked
  ];
  const res = validateRows(schema, layout, rows, 2, 1, 'America/New_York', fieldType);

  it('finds exactly the broken cells, with sheet coordinates and codes', () => {
    expect(res.rows).toBe(4);
    expect(res.issues.map((i) => [i.row, i.key, i.code])).toEqual([
      [3, 'email', 'invalidEmail'],
      [3, 'stage', 'unknownOption'],
      [5, 'name', 'required'],
      [5, 'nextFollowUp', 'invalidDate'],
    ]);
    expect(res.issues[0]?.column).toBe(layout.columns.email);
  });

  it('merges broken cells into runs per column for the highlight', () => {
    const issues = [5, 6, 7, 9].map((r) => ({ row: r, column: 3, key: 'name', code: 'required' as const }))
      .concat([{ row: 2, column: 1, key: 'clientId', code: 'required' as const }]);
    expect(highlightRanges(issues)).toEqual(['A2', 'C5:C7', 'C9']);
    expect(highlightRanges(issues, 2)).toEqual(['A2', 'C5:C7']);
  });
});

describe('planAutoFill', () => {
  const now = new Date('2026-01-15T09:00:00Z');
  const base = (edit: Partial<EditArea>, rows: CellValue[][], first = 2) => planAutoFill({
    schema, layout, headerRow: 1, rows, rowsFirstRow: first, spanFirst: 1, now,
    edit: { firstRow: first, lastRow: first + rows.length - 1, firstColumn: 1, lastColumn: W, single: false, ...edit },
    newId: (n) => idSequence('C-000007', 10)[n] as string,
  });
  const write = (ws: ReturnType<typeof base>, key: string) => ws.find((w) => w.column === layout.columns[key]);

  it('fills ID, Created, Updated and Stage since for a new row typed in', () => {
    const ws = base({ firstColumn: idx('name') + 1, lastColumn: idx('name') + 1, single: true, value: 'Ann' }, [row({ name: 'Ann', stage: 'Lead' })]);
    expect(write(ws, 'clientId')?.values).toEqual([['C-000007']]);
    expect(write(ws, 'created')?.values).toEqual([[now]]);
    expect(write(ws, 'updated')?.values).toEqual([[now]]);
    expect(write(ws, 'stageSince')?.values).toEqual([[now]]);
  });

  it('only touches Updated on an existing row, and Stage since only when the stage really changed', () => {
    const existing = row({ clientId: 'C-000001', name: 'Ann', stage: 'Lead', created: new Date('2025-01-01'), stageSince: new Date('2025-01-01') });
    const nameEdit = base({ firstColumn: idx('name') + 1, lastColumn: idx('name') + 1, single: true, value: 'Ann', oldValue: 'An' }, [existing]);
    expect(nameEdit.map((w) => w.column)).toEqual([layout.columns.updated]);
    const sameStage = base({ firstColumn: idx('stage') + 1, lastColumn: idx('stage') + 1, single: true, value: 'Lead', oldValue: 'Lead' }, [existing]);
    expect(write(sameStage, 'stageSince')).toBeUndefined();
    const moved = base({ firstColumn: idx('stage') + 1, lastColumn: idx('stage') + 1, single: true, value: 'Qualified', oldValue: 'Lead' }, [existing.map((v, i) => (i === idx('stage') ? 'Qualified' : v))]);
    expect(write(moved, 'stageSince')?.values).toEqual([[now]]);
  });

  it('writes one block per auto column for a pasted block, skipping emptied rows and keeping existing values', () => {
    const rows = Array.from({ length: 1000 }, (_, i) => (i === 500 ? row({}) : row({ name: `N${i}`, stage: 'Lead', ...(i === 3 ? { clientId: 'KEEP', created: new Date('2025-05-05') } : {}) })));
    const ws = base({}, rows, 10);
    expect(ws.length).toBe(4);
    const ids = write(ws, 'clientId');
    expect(ids?.firstRow).toBe(10);
    expect(ids?.values.length).toBe(1000);
    expect(ids?.values[3]).toEqual(['KEEP']);
    expect(ids?.values[0]).toEqual(['C-000007']);
    expect(ids?.values[4]).toEqual(['C-000010']);
    expect(ids?.values[500]).toEqual(['']); // emptied row: left empty
    expect(write(ws, 'created')?.values[3]).toEqual([new Date('2025-05-05')]);
  });

  it('does nothing when only auto columns or only the header were edited', () => {
    expect(base({ firstColumn: idx('updated') + 1, lastColumn: idx('updated') + 1 }, [row({ name: 'A', updated: 'x' })])).toEqual([]);
    expect(clipEdit({ firstRow: 1, lastRow: 1, firstColumn: 1, lastColumn: 3, single: false }, 1)).toBeNull();
    expect(clipEdit({ firstRow: 1, lastRow: 5, firstColumn: 1, lastColumn: 3, single: false }, 1)?.firstRow).toBe(2);
  });

  it('numbers new IDs after the largest existing one', () => {
    expect(idSequence(nextClientId(['C-000041', 'C-000002', 'junk']), 3)).toEqual(['C-000042', 'C-000043', 'C-000044']);
  });
});
