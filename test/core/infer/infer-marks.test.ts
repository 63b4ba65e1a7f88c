import { defaultContext } from '../../../src/core/fields';
import { inferSheet, type Inference } from '../../../src/core/infer';

const EN = defaultContext('en', { region: 'US' });
const ZH = defaultContext('zh-CN', { region: 'CN' });
const col = (inf: Inference, header: string) => inf.columns.find((c) => c.header === header);

describe('inferSheet: percent, checkbox and client/contact rules', () => {
  it('bare numbers are numbers; percent needs % marks or a percent header; zero-led IDs stay text', () => {
    const inf = inferSheet({ ctx: EN, grid: [
      ['Name', 'Qty', 'Ref', 'Discount', 'Share %'],
      ['Ann', '3', '00123', '10%', '10'],
      ['Bob', '5', '00124', '15%', '25'],
      ['Cy', '120', '00980', '5%', '65'],
    ] });
    expect(col(inf, 'Qty')?.type).toBe('number');
    expect(col(inf, 'Ref')?.type).toBe('text');
    expect(col(inf, 'Discount')?.type).toBe('percent');
    expect(col(inf, 'Share %')?.type).toBe('percent');
    const zh = inferSheet({ ctx: ZH, grid: [['客户', '占比', '数量'], ['甲', '10', '3'], ['乙', '20', '4']] });
    expect([col(zh, '占比')?.type, col(zh, '数量')?.type]).toEqual(['percent', 'number']);
  });

  it('checkbox needs real checkbox words; a notes header keeps its text', () => {
    const inf = inferSheet({ ctx: EN, grid: [
      ['Name', 'Notes', 'Marks', 'Paid'],
      ['Ann', 'x', 'x', 'yes'],
      ['Bob', 'y', 'y', 'no'],
      ['Cy', 'n', 'n', 'yes'],
    ] });
    // Exact types: a column that vanished or became a checkbox fails alike.
    expect(inf.columns.map((c) => [c.header, c.type, c.role])).toEqual([
      ['Name', 'text', 'name'],
      ['Notes', 'longText', 'notes'],
      ['Marks', 'text', null],
      ['Paid', 'checkbox', null],
    ]);
    // Even real checkbox words under a notes header stay notes.
    const zh = inferSheet({ ctx: ZH, grid: [['客户', '备注'], ['甲', '是'], ['乙', '否'], ['丙', '是']] });
    expect([col(zh, '备注')?.role, col(zh, '备注')?.type]).toEqual(['notes', 'longText']);
  });

  it('客户名称 + 联系人: company and name; either alone: name', () => {
    const both = inferSheet({ ctx: ZH, grid: [['客户名称', '联系人', '手机'], ['甲公司', '张三', '13800138000']] });
    expect(col(both, '客户名称')?.role).toBe('company');
    expect(col(both, '联系人')?.role).toBe('name');
    const en = inferSheet({ ctx: EN, grid: [['Client', 'Contact name', 'Email'], ['Acme', 'Ann', 'a@x.com']] });
    expect([col(en, 'Client')?.role, col(en, 'Contact name')?.role]).toEqual(['company', 'name']);
    expect(col(inferSheet({ ctx: ZH, grid: [['客户名称', '手机'], ['张三', '13800138000']] }), '客户名称')?.role).toBe('name');
    expect(col(inferSheet({ ctx: ZH, grid: [['联系人', '手机'], ['张三', '13800138000']] }), '联系人')?.role).toBe('name');
    // Another header already names the company: the client-ish one stays the name.
    const co = inferSheet({ ctx: ZH, grid: [['客户', '联系人', '公司名称'], ['张三', '李四', '甲公司']] });
    expect(col(co, '客户')?.role).toBe('name');
    expect(col(co, '公司名称')?.role).toBe('company');
  });

  it('a known header row is used as given', () => {
    const grid = [['2024', '2025'], ['1', '2'], ['3', '4']];
    expect(inferSheet({ ctx: EN, grid }).headerRow).toBeNull();
    expect(inferSheet({ ctx: EN, grid, headerRow: 0 }).headerRow).toBe(0);
  });
});
