import { defaultContext } from '../../../src/core/fields';
import type { CellValue } from '../../../src/core/fields/types';
import { checkSheet, inferSheet, toSchema, type Inference } from '../../../src/core/infer';
import { parseSchema } from '../../../src/core/schema';

const EN = defaultContext('en', { region: 'US' });
const ZH = defaultContext('zh-CN', { region: 'CN' });

function types(inf: Inference): Record<string, string> {
  return Object.fromEntries(inf.columns.map((c) => [c.header, c.type]));
}
function roles(inf: Inference): Record<string, string | null> {
  return Object.fromEntries(inf.columns.map((c) => [c.header, c.role]));
}

describe('inferSheet', () => {
  it('reads an English sheet by header and content', () => {
    const grid = [
      ['Client', 'E-mail', 'Tel', 'Status', 'Amount', 'Last contact', 'Website', 'VIP'],
      ['Ann', 'ann@x.com', '(415) 555-0100', 'Lead', '$1,200', '2026-01-03', 'https://ann.example', 'yes'],
      ['Bob', 'bob@x.com', '415-555-0101', 'Won', '3.5k', 'Jan 4, 2026', 'bob.example.com', 'no'],
      ['Cai', 'cai@x.com', '415 555 0102', 'Lost', '300', '1/5/2026', 'https://cai.example/a', 'yes'],
      ['Dee', 'dee@x.com', '4155550103', 'Lead', '$90', '2026-01-06', 'https://dee.example', 'no'],
    ];
    const inf = inferSheet({ grid, ctx: EN });
    expect(inf.headerRow).toBe(0);
    expect(types(inf)).toEqual({
      Client: 'text', 'E-mail': 'email', Tel: 'phone', Status: 'dropdown', Amount: 'currency',
      'Last contact': 'date', Website: 'url', VIP: 'checkbox',
    });
    expect(roles(inf)).toEqual({
      Client: 'name', 'E-mail': 'email', Tel: 'phone', Status: 'stage', Amount: 'dealValue',
      'Last contact': 'lastContact', Website: 'website', VIP: null,
    });
    const stage = inf.columns.find((c) => c.header === 'Status');
    expect(stage?.options?.map((o) => o.label)).toEqual(['Lead', 'Won', 'Lost']);
    expect(stage?.stages).toEqual({ won: 'Won', lost: 'Lost' });
  });

  it('reads a Chinese sheet whose header is below a title row and a blank row', () => {
    const grid = [
      ['客户跟进表', '', '', '', ''],
      ['', '', '', '', ''],
      ['客户名称', '联系电话', '邮箱', '跟进阶段', '成交金额'],
      ['张伟', '138 0013 8000', 'zw@example.cn', '线索', '¥1,200'],
      ['李娜', '13900139000', 'ln@example.cn', '方案', '1.2万'],
      ['王芳', '+86 137 0013 7000', 'wf@example.cn', '成交', '5000元'],
      ['刘洋', '15800158000', 'ly@example.cn', '线索', '800'],
    ];
    const inf = inferSheet({ grid, ctx: ZH });
    expect(inf.headerRow).toBe(2);
    expect(inf.dataStart).toBe(3);
    expect(types(inf)).toEqual({ 客户名称: 'text', 联系电话: 'phone', 邮箱: 'email', 跟进阶段: 'dropdown', 成交金额: 'currency' });
    expect(inf.columns.find((c) => c.header === '跟进阶段')?.options?.map((o) => o.label)).toEqual(['线索', '方案', '成交']);
  });

  it('reads Date, number and boolean cells as getValues returns them', () => {
    const grid: CellValue[][] = [
      ['Name', 'Next follow-up', 'Deal value', 'Phone', 'Paid'],
      ['Ann', new Date(Date.UTC(2026, 0, 5)), 1200, 4155550100, true],
      ['Bob', new Date(Date.UTC(2026, 0, 6)), 800.5, 4155550101, false],
      ['Cai', '', 90, 4155550102, true],
    ];
    const inf = inferSheet({ grid, ctx: { ...EN, timeZone: 'UTC' } });
    expect(types(inf)).toEqual({ Name: 'text', 'Next follow-up': 'date', 'Deal value': 'currency', Phone: 'phone', Paid: 'checkbox' });
  });

  it('takes the majority type of a mixed column and reports the rest', () => {
    const grid = [['Name', 'Email']];
    for (let i = 0; i < 10; i++) grid.push([`P${i}`, i < 7 ? `p${i}@x.com` : `not an email ${i}`]);
    const inf = inferSheet({ grid, ctx: EN });
    const email = inf.columns[1];
    expect(email?.type).toBe('email');
    expect(email?.share).toBeCloseTo(0.7, 5);
    const issues = checkSheet(grid, inf, EN);
    expect(issues.map((i) => [i.row, i.column, i.code])).toEqual([[8, 1, 'invalidEmail'], [9, 1, 'invalidEmail'], [10, 1, 'invalidEmail']]);
  });

  it('lets content override a header that does not fit it', () => {
    const grid = [['Contact', 'Notes'], ['a@x.com', 'x'], ['b@x.com', 'y'], ['c@x.com', 'z']];
    const inf = inferSheet({ grid, ctx: EN });
    expect(inf.columns[0]).toMatchObject({ type: 'email', role: 'email' });
  });

  it('keeps a typed header when no other type fits most values, so the misfits are reported', () => {
    const grid = [['Name', 'Phone'], ['A', 'call me'], ['B', 'ask Bob'], ['C', '4155550100']];
    const inf = inferSheet({ grid, ctx: EN });
    expect(inf.columns[1]).toMatchObject({ type: 'phone', role: 'phone' });
    expect(checkSheet(grid, inf, EN).map((i) => i.row)).toEqual([1, 2]);
  });

  it('reports blank and duplicate headers and leaves those columns out of the schema', () => {
    const grid = [
      ['Name', '', 'Email', 'email', 'Company'],
      ['Ann', 'x', 'a@x.com', 'a2@x.com', 'Acme'],
      ['Bob', 'y', 'b@x.com', 'b2@x.com', 'Globex'],
    ];
    const inf = inferSheet({ grid, ctx: EN });
    expect(inf.problems).toEqual([
      { code: 'blankHeader', column: 1 },
      { code: 'duplicateHeader', column: 3, header: 'email', first: 2 },
    ]);
    const schema = toSchema(inf, EN, 'en');
    expect(schema.fields.map((f) => f.header)).toEqual(['Name', 'Email', 'Company']);
    expect(parseSchema(schema).ok).toBe(true);
  });

  it('reports merged header cells', () => {
    const grid = [['Name', '', 'Email'], ['Ann', 'x', 'a@x.com']];
    const inf = inferSheet({ grid, ctx: EN, merged: [{ row: 0, column: 0, rows: 1, columns: 2 }] });
    expect(inf.problems).toContainEqual({ code: 'mergedHeader', a1: 'A1:B1' });
  });

  it('says there is no header row', () => {
    const inf = inferSheet({ grid: [['Ann', 'a@x.com'], ['Bob', 'b@x.com']], ctx: EN });
    expect(inf.headerRow).toBeNull();
    expect(inf.problems).toEqual([{ code: 'noHeader' }]);
  });

  it('keeps formula cells out of typing and checking', () => {
    const grid: CellValue[][] = [['Name', 'Deal value'], ['A', 100], ['B', 'oops'], ['C', 300], ['D', 400]];
    const formulas = [['', ''], ['', ''], ['', '=FOO()'], ['', ''], ['', '']];
    const inf = inferSheet({ grid, formulas, ctx: EN });
    expect(inf.columns[1]).toMatchObject({ type: 'currency', formulas: 1, share: 1 });
    expect(checkSheet(grid, inf, EN, formulas)).toEqual([]);
  });

  it('makes a schema the table code accepts, stages included', () => {
    const grid = [['Name', 'Stage', 'Owner'], ['A', 'Lead', 'Kim'], ['B', 'Won', 'Lee'], ['C', 'Lost', 'Kim'], ['D', 'Lead', 'Lee']];
    const inf = inferSheet({ grid, ctx: EN });
    const r = parseSchema(toSchema(inf, EN, 'en', { sheetId: 7, sheetName: 'Clients' }));
    expect(r.ok).toBe(true);
    if (r.ok) {
      expect(r.schema.stages).toEqual({ won: 'Won', lost: 'Lost' });
      expect(r.schema.location).toEqual({ sheetId: 7, sheetName: 'Clients', headerRow: 1 });
      expect(r.schema.fields.map((f) => [f.key, f.type])).toEqual([['name', 'text'], ['stage', 'dropdown'], ['owner', 'dropdown']]);
    }
  });

  it('infers 100,000 rows and checks every cell', () => {
    const grid: CellValue[][] = [['Name', 'Email', 'Phone', 'Stage', 'Deal value', 'Next follow-up', 'Notes']];
    const stages = ['Lead', 'Contacted', 'Qualified', 'Won', 'Lost'];
    for (let i = 0; i < 100_000; i++) {
      grid.push([`Client ${i}`, i === 77_777 ? 'broken@' : `c${i}@example.com`, `+1 415 555 ${String(i % 10000).padStart(4, '0')}`,
        stages[i % 5] ?? '', i % 997, `2026-01-${String((i % 28) + 1).padStart(2, '0')}`, '']);
    }
    const inf = inferSheet({ grid, ctx: EN });
    const issues = checkSheet(grid, inf, EN);
    expect(types(inf)).toEqual({ Name: 'text', Email: 'email', Phone: 'phone', Stage: 'dropdown', 'Deal value': 'currency', 'Next follow-up': 'date', Notes: 'longText' });
    expect(issues).toEqual([{ row: 77_778, column: 1, code: 'invalidEmail' }]);
    // The check reads all 700k cells (speed: npm run bench, action adopt / validate-all).
  });
});
