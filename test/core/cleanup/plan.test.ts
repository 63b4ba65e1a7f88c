/** The cleanup plan: kinds, reasons, the formula-trigger guard, recoveries, and properties of every normalizer. */
import fc from 'fast-check';
import { planCleanup, keepKinds, makesTrigger, type CleanupColumn } from '../../../src/core/cleanup/plan';
import { columnsOfTable } from '../../../src/core/cleanup/columns';
import { fieldType } from '../../../src/core/fields';
import { defaultContext } from '../../../src/core/fields/context';
import { USER_TYPES, type CellValue, type FieldTypeId } from '../../../src/core/fields/types';
import { cellText } from '../../../src/core/fields/util';

const cn = defaultContext('zh-CN');
const STAGES = [{ label: '成交', color: '#00ff00', aliases: ['Closed Won'] }, { label: '线索', color: '#cccccc' }];
const cols: CleanupColumn[] = [
  { column: 0, header: 'Name', type: 'text', ctx: cn },
  { column: 1, header: 'Email', type: 'email', ctx: cn },
  { column: 2, header: 'Phone', type: 'phone', ctx: cn },
  { column: 3, header: 'Value', type: 'currency', ctx: cn },
  { column: 4, header: 'Stage', type: 'dropdown', ctx: { ...cn, options: STAGES } },
  { column: 5, header: 'ID', type: 'autoId', ctx: cn },
];

function plan(values: CellValue[][], formulas?: string[][]) {
  return planCleanup({ columns: cols, values, formulas });
}

describe('planCleanup', () => {
  it('gives each change a kind, and counts them', () => {
    const p = plan([
      ['  Ann\u00a0 Lee ', 'MAILTO:Ann@Example.COM', 'tel:138 0013 8000', '¥1,200', 'closed won', '00017'],
      ['Bo\u200b', ' bo＠example.com', '＋86 139 0013 9000', '1.2万', '成交', 18],
    ]);
    const by = (r: number, c: number) => p.changes.find((x) => x.row === r && x.column === c);
    expect(by(0, 0)).toMatchObject({ kind: 'whitespace', to: 'Ann Lee' });
    expect(by(0, 1)).toMatchObject({ kind: 'email', to: 'ann@example.com' });
    expect(by(0, 2)).toMatchObject({ kind: 'phone', to: '+8613800138000', asText: true });
    expect(by(0, 3)).toMatchObject({ kind: 'number', to: 1200 });
    expect(by(0, 4)).toMatchObject({ kind: 'option', to: '成交' });
    expect(by(1, 0)).toMatchObject({ kind: 'control', to: 'Bo' });
    expect(by(1, 1)).toMatchObject({ kind: 'email', to: 'bo@example.com' });
    expect(by(1, 2)).toMatchObject({ kind: 'phone', to: '+8613900139000' });
    expect(by(1, 3)).toMatchObject({ kind: 'number', to: 12000 });
    expect(by(1, 5)).toMatchObject({ kind: 'leadingZeros', to: '00018', asText: true });
    expect(p.counts.phone).toBe(2);
    expect(p.left).toEqual([]);
  });

  it('leaves another currency and reports it', () => {
    const p = plan([['A', '', '', '$3.5k', '', ''], ['B', '', '', '€5', '', ''], ['C', '', '', '5元', '', '']]);
    expect(p.left.map((l) => [l.row, l.code, l.hint])).toEqual([[0, 'otherCurrency', 'USD'], [1, 'otherCurrency', 'EUR']]);
    expect(p.changes).toEqual([expect.objectContaining({ row: 2, to: 5 })]);
    const us = planCleanup({ columns: [{ column: 0, header: 'V', type: 'currency', ctx: defaultContext('en') }], values: [['$3.5k']] });
    expect(us.changes[0]).toMatchObject({ to: 3500, kind: 'number' });
  });

  it('never makes a formula trigger the cell did not have', () => {
    const p = plan([[' =1+1', '', '', '', '', '＝2'], ['\u200b+x', '', '', '', '', ''], [' @bob', '', '', '', '', ''], ['=SUM(1)', '', '', '', '', '']]);
    expect(p.changes).toEqual([]);
    expect(p.left.map((l) => [l.row, l.column, l.code])).toEqual([[0, 0, 'wouldBeFormula'], [0, 5, 'wouldBeFormula'], [1, 0, 'wouldBeFormula'], [2, 0, 'wouldBeFormula']]);
    expect(makesTrigger('=a ', '=a')).toBe(false);
  });

  it('recovers a phone Sheets turned into #ERROR!, and nothing else of a formula', () => {
    const p = plan(
      [['x', '', '#ERROR!', '#ERROR!', '', ''], ['y', '', 1200, '', '', ''], ['z', '', -7280, '', '', ''], ['w', '', '#ERROR!', '', '', '']],
      [['', '', '=+86 138 0013 8000', '=+86 1', '', ''], ['', '', '=A1*2', '', '', ''], ['', '', '=+86-138-4504-2724', '', '', ''], ['', '', '=+86 SUM(1)', '', '', '']],
    );
    expect(p.changes).toEqual([
      { row: 0, column: 2, kind: 'formulaPhone', from: '#ERROR!', fromFormula: '=+86 138 0013 8000', to: '+8613800138000', asText: true },
      { row: 2, column: 2, kind: 'formulaPhone', from: -7280, fromFormula: '=+86-138-4504-2724', to: '+8613845042724', asText: true },
    ]);
  });

  it('reports numbers that lost digits in ID and phone columns', () => {
    const p = plan([['a', '', 8.61e12, '', '', 8.61e12], ['b', '', 8613800138000, '', '', '']]);
    expect(p.left.map((l) => [l.row, l.column, l.code])).toEqual([[0, 2, 'digitsLost'], [0, 5, 'digitsLost']]);
    expect(p.changes[0]).toMatchObject({ row: 1, column: 2, kind: 'phone', to: '+8613800138000' });
  });

  it('lists empty rows (white space and zero-width only), not rows with a formula', () => {
    const p = plan([['a', '', '', '', '', ''], ['', ' ', '\u200b', '', '', ''], ['', '', '', '', '', ''], ['', '', '', '', '', '']], [[], [], ['', '', '', '', '', '=1'], []]);
    expect(p.emptyRows).toEqual([1, 3]);
    expect(p.counts.emptyRow).toBe(2);
    expect(keepKinds(p, new Set(['emptyRow'])).emptyRows).toEqual([]);
  });

  it('keeps bad input exactly: long cells, mixed scripts, right-to-left, emoji, dates before 1900', () => {
    const long = 'x'.repeat(50000);
    const p = plan([[long, 'not an email 📧', '电话 call me', 'abc', 'שלום', ''], ['مرحبا Ann 👋', '', '', '', '', '']]);
    expect(p.changes).toEqual([]);
    expect(p.left.map((l) => l.value)).toEqual(['not an email 📧', '电话 call me', 'abc', 'שלום']);
    const d = planCleanup({ columns: [{ column: 0, header: 'D', type: 'date', ctx: cn }], values: [['1899-05-01'], [new Date(Date.UTC(1850, 0, 1))]] });
    expect(d.changes).toEqual([]);
    expect(d.left).toHaveLength(2);
  });

  it('reads options with variants and per-column currency from table knowledge', () => {
    const c = columnsOfTable(
      { region: 'CN', currency: 'CNY', dateOrder: 'YMD', fields: [
        { key: 'stage', header: 'Stage', type: 'dropdown', options: [{ label: 'Won', color: '#00ff00', variants: ['成交'] }] },
        { key: 'usd', header: 'USD value', type: 'currency', currency: 'USD' },
      ] },
      { stage: 2, usd: 3 }, cn, 1);
    const p = planCleanup({ columns: c, values: [['', '成交', '$5']] });
    expect(p.changes.map((x) => x.to)).toEqual(['Won', 5]);
  });
});

// Properties of every normalizer, through the plan and the field types.
const cellArb: fc.Arbitrary<CellValue> = fc.oneof(
  fc.string({ maxLength: 30 }),
  fc.string({ unit: 'grapheme', maxLength: 20 }),
  fc.constantFrom(' =1', '＝1', '\u200b@x', '+86 138 0013 8000', '¥1,200', '1.2万', '$3.5k', 'mailto:A@B.COM', '２０２４/1/5', '00123', '8.61E+12', '\u001b[31mred', 'closed won'),
  fc.integer(), fc.double({ noNaN: true }), fc.boolean(),
);
const types = [...USER_TYPES, 'autoId'] as FieldTypeId[];
const ctxOf = (type: FieldTypeId) => (type === 'dropdown' ? { ...cn, options: STAGES } : cn);

describe('every normalizer (property tests)', () => {
  it('never throws, and is idempotent: cleaning the cleaned value changes nothing', () => {
    fc.assert(fc.property(fc.constantFrom(...types), cellArb, (type, raw) => {
      const columns = [{ column: 0, header: 'c', type, ctx: ctxOf(type) }];
      const p = planCleanup({ columns, values: [[raw]] });
      const ch = p.changes[0];
      if (!ch) return;
      const again = planCleanup({ columns, values: [[ch.to]] });
      const rewritten = again.changes[0];
      expect(rewritten === undefined || cellText(rewritten.to) === cellText(ch.to)).toBe(true);
    }), { numRuns: 3000 });
  });

  it('leaves a canonical value unchanged, and leaves what it does not understand exactly as it was', () => {
    fc.assert(fc.property(fc.constantFrom(...types), cellArb, (type, raw) => {
      const def = fieldType(type);
      const res = def.normalize(raw, ctxOf(type));
      if (res.status === 'changed') {
        // The canonical value is a fixed point of the type's own normalizer.
        const again = def.normalize(res.value, ctxOf(type));
        expect(again.status === 'unchanged' || (again.status === 'changed' && cellText(again.value) === cellText(res.value))).toBe(true);
      }
      const p = planCleanup({ columns: [{ column: 0, header: 'c', type, ctx: ctxOf(type) }], values: [[raw]] });
      if (p.left.length) {
        expect(p.changes).toEqual([]);
        expect(p.left[0].value).toBe(raw);
      }
      // Never a new formula trigger, whatever the input.
      for (const c of p.changes) if (c.kind !== 'phone') expect(makesTrigger(raw, c.to)).toBe(false);
    }), { numRuns: 3000 });
  });
});
