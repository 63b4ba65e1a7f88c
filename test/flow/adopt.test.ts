/**
 * "Adopt this sheet" on the built bundle (dist/Code.js) running on the emulator through the harness,
 * driven as a user would: data typed/pasted into the sheet, the menu clicked, alerts answered.
 * Run `node build.mjs` first (npm test does).
 */
import type { Addon } from '../../dev/harness';
import { startOn } from './helpers';
import type { Emulator } from '../../dev/emulator/types';


const HEADER = ['客户名称', 'Company', '手机', 'Email', '阶段', 'Deal value', '下次跟进', 'Notes', '身高'];
/** A mixed Chinese/English sheet with a title row and a blank row above the header (row 3). */
const DATA: string[][] = [
  ['Clients 客户名单 2026', '', '', '', '', '', '', '', ''],
  ['', '', '', '', '', '', '', '', ''],
  HEADER,
  ['张伟', 'Acme', '138 0013 8000', 'zw@example.cn', '线索', '¥1,200', '2026-01-05', '展会认识', '180'],
  ['Ann Lee', 'Globex', '13900139000', 'ann@example.com', '初步接触', '2500', '2026-01-06', 'Met at the fair', '165'],
  ['李娜', 'Initech', 'call later', 'lina@example', '方案', '5000', '2026/1/8', '', '170'],
  ['Bob Ray', 'Umbrella', '13700137000', 'bob@example.com', '谈判', '7000', '2026-01-09', '', '175'],
  ['王芳', 'Hooli', '15800158000', 'wf@example.cn', '成交', 'abc', '2026-01-20', '老客户', '160'],
  ['Cai Wu', 'Initrode', '13600136000', 'cai@example.com', '流失', '3000', 'next week', 'Price', '172'],
  ['陈静', 'Soylent', '13500135000', 'cj@example.cn', '谈判', '8000', '2026-02-01', '', '168'],
  ['Dan Fox', 'Vandelay', '13400134000', 'dan@example.com', '线索', '=1000*2', '2026-02-02', '', '181'],
];

function start(data: string[][] = DATA, userLocale: 'en' | 'zh-CN' = 'zh-CN'): ReturnType<typeof startOn> {
  return startOn(data, userLocale);
}

function adopt(emu: Emulator, addon: Addon, answer = 'YES'): void {
  emu.queueAnswers([answer]);
  expect(addon.menu('menuAdopt')).toEqual({ ok: true, result: undefined });
  expect(addon.errors).toEqual([]);
}

/** Everything a user sees of the sheet's content: values (computed), formulas, notes. */
function content(emu: Emulator) {
  return emu.snapshot().sheets.map((s) => ({ name: s.name, values: s.values, formulas: s.formulas, notes: s.notes }));
}

/** Everything adopt is responsible for. */
function state(emu: Emulator) {
  return emu.snapshot().sheets.map((s) => ({
    name: s.name, values: s.values, formulas: s.formulas, numberFormats: s.numberFormats, validations: s.validations,
    conditionalFormats: s.conditionalFormats, protections: s.protections, frozenRows: s.frozenRows, backgrounds: s.backgrounds,
  }));
}

function cell(emu: Emulator, a1: string) {
  const v = emu.view('Sheet1', a1)[0]?.[0];
  if (!v) throw new Error(`no cell ${a1}`);
  return v;
}

describe('menuAdopt on a mixed Chinese/English sheet', () => {
  it('confirms the mapping it inferred, with the header found in row 3 and the unknown column left alone', () => {
    const { emu, addon } = start();
    adopt(emu, addon, 'NO');
    const ask = emu.alerts[0];
    expect(ask?.buttons).toBe('YES_NO');
    const lines = ask?.prompt.split('\n') ?? [];
    expect(lines[0]).toMatch(/第 3 行/);
    // One glossary: beside a Company column, 客户名称 holds the person (联系人); Company is 客户名称.
    // Chinese sentences take Chinese brackets.
    expect(lines).toContain('A  客户名称 → 联系人，文本（必填）');
    expect(lines).toContain('B  Company → 客户名称，文本');
    expect(lines).toContain('C  手机 → 电话，电话（87% 符合）');
    expect(lines).toContain('D  Email → 邮箱，邮箱（87% 符合）');
    expect(lines).toContain('E  阶段 → 阶段，下拉选项：线索 → 初步接触 → 方案 → 谈判 → 成交 → 流失');
    expect(lines.some((l) => l.startsWith('F  Deal value → 成交金额，金额'))).toBe(true);
    expect(lines.some((l) => l.startsWith('G  下次跟进 → 下次跟进，日期'))).toBe(true);
    expect(lines.find((l) => l.startsWith('保持不动'))).toMatch(/I“身高”/);
  });

  it('NO changes nothing at all', () => {
    const { emu, addon } = start();
    const before = state(emu);
    adopt(emu, addon, 'NO');
    expect(state(emu)).toEqual(before);
    expect(emu.alerts).toHaveLength(1);
  });

  it('YES applies validation, formats and colors, reports exactly the broken cells, and changes no value', () => {
    const { emu, addon } = start();
    const before = content(emu);
    const formatI5 = cell(emu, 'I5').numberFormat;
    const displayBefore = emu.view('Sheet1', 'A4:I11').map((r) => r.map((c) => c.display));
    adopt(emu, addon);
    expect(content(emu)).toEqual(before);
    // The formula in F11 is still a formula.
    expect(cell(emu, 'F11').formula).toBe('=1000*2');

    const report = emu.alerts[1]?.prompt ?? '';
    expect(report).toMatch(/已接管“Sheet1”的 8 列/);
    expect(report).toMatch(/有 4 个单元格不符合所在列的类型：C6、D6、F8、G9。/);
    expect(report).toMatch(/有 1 个单元格是公式/);

    // Highlighted: exactly those cells, by one rule of ours.
    const [sheet] = emu.snapshot().sheets;
    const highlight = sheet?.conditionalFormats.filter((r) => String(r.condition.args[0]).includes('clientflow:invalid'));
    expect(highlight).toHaveLength(1);
    expect([...(highlight?.[0]?.ranges ?? [])].sort()).toEqual(['C6', 'D6', 'F8', 'G9']);
    expect(cell(emu, 'D6').background).toBe('#f4c7c3');
    expect(cell(emu, 'D5').background).not.toBe('#f4c7c3');

    // Types as validations.
    expect(cell(emu, 'D4').validation?.criteria).toBe('CUSTOM_FORMULA');
    expect(cell(emu, 'C4').validation?.criteria).toBe('CUSTOM_FORMULA');
    expect(cell(emu, 'E4').validation).toMatchObject({ criteria: 'VALUE_IN_LIST', listValues: ['线索', '初步接触', '方案', '谈判', '成交', '流失'] });
    expect(cell(emu, 'G4').validation?.criteria).toMatch(/DATE/);
    expect(cell(emu, 'F4').numberFormat).toMatch(/¥/);
    // The header row is the header: frozen down to row 3, bold.
    expect(sheet?.frozenRows).toBe(3);
    expect(cell(emu, 'B3').bold).toBe(true);
    // The unknown column is left alone: no validation, its format untouched, no metadata-driven rules.
    expect(cell(emu, 'I5').validation).toBeNull();
    expect(cell(emu, 'I5').numberFormat).toBe(formatI5);
    // Values read as before, except where a format of ours shows the same value its way (money, dates).
    const displayAfter = emu.view('Sheet1', 'A4:I11').map((r) => r.map((c) => c.display));
    const changed: string[] = [];
    displayAfter.forEach((r, i) => r.forEach((d, j) => { if (d !== displayBefore[i]?.[j]) changed.push(`${'ABCDEFGHI'[j]}${i + 4}`); }));
    expect(changed.every((a) => /^[FG]/.test(a))).toBe(true);
    expect(cell(emu, 'G4').display).toBe('2026-01-05');
    expect(cell(emu, 'C5').display).toBe('13900139000');
  });

  it('is idempotent: adopting again leaves exactly the same sheet', () => {
    const { emu, addon } = start();
    adopt(emu, addon);
    const once = state(emu);
    adopt(emu, addon);
    expect(state(emu)).toEqual(once);
    // alerts[2] is the offer of automatic columns after the first report.
    expect(emu.alerts[3]?.prompt).toMatch(/之前已接管/);
  });

  it('still finds a column the user renamed after adopting', () => {
    const { emu, addon } = start();
    adopt(emu, addon);
    const once = state(emu);
    emu.typeValue('C3', 'Mobile 移动号码');
    adopt(emu, addon);
    const after = state(emu);
    expect(after[0]?.validations).toEqual(once[0]?.validations);
    expect(after[0]?.conditionalFormats).toEqual(once[0]?.conditionalFormats);
    expect(emu.alerts[3]?.prompt).toMatch(/C {2}Mobile 移动号码 → 电话/);
  });

  it('reads the sheet in a number of calls that does not grow with rows', () => {
    const rows = (n: number) => {
      const out = [HEADER];
      for (let i = 0; i < n; i++) out.push([`客户${i}`, `Co ${i % 7}`, `139${String(i).padStart(8, '0')}`, `c${i}@example.com`, ['线索', '方案', '成交', '流失'][i % 4] ?? '', String(100 + i), '2026-01-05', '', '170']);
      return out;
    };
    const calls = (n: number) => {
      const { emu, addon } = start(rows(n));
      emu.resetStats();
      adopt(emu, addon);
      return emu.stats();
    };
    const small = calls(50);
    const big = calls(1000);
    expect(big.total).toBe(small.total);
    expect(big.byMethod['Range.getValues']).toBe(small.byMethod['Range.getValues']);
  });
});

describe('menuAdopt refuses clearly', () => {
  it('a sheet without a header row', () => {
    const { emu, addon } = start([
      ['Ann Lee', 'ann@example.com', '+1 415 555 0100'],
      ['Bob Ray', 'bob@example.com', '+1 415 555 0101'],
    ], 'en');
    const before = state(emu);
    adopt(emu, addon);
    expect(emu.alerts.map((a) => a.prompt)).toEqual([expect.stringMatching(/could not find a header row/)]);
    expect(state(emu)).toEqual(before);
  });

  it('merged header cells', () => {
    const { emu, addon, app } = start(DATA.slice(2), 'en');
    app.getActiveSpreadsheet().getActiveSheet().getRange('A1:B1').merge();
    const before = state(emu);
    adopt(emu, addon);
    expect(emu.alerts.map((a) => a.prompt)).toEqual([expect.stringMatching(/Header cells A1:B1 are merged/)]);
    expect(state(emu)).toEqual(before);
  });

  it('an empty sheet', () => {
    const { emu, addon } = start([], 'en');
    adopt(emu, addon);
    expect(emu.alerts[0]?.prompt).toMatch(/This sheet is empty/);
  });
});
