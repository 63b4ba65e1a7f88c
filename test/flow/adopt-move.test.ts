/**
 * Issue 3: "Columns that the user later moves or renames are still found". After adopting, a person
 * moves a column (Sheet.moveColumns, as dragging a column header does), inserts a column in front of
 * the table, or renames a header; checking the table and adopting again still find every column by
 * its developer metadata. Built bundle (dist/Code.js) on the emulator; run `node build.mjs` first.
 */
import { createEmulator } from '../../dev/emulator';
import { loadAddon, type Addon } from '../../dev/harness';
import type { Emulator } from '../../dev/emulator/types';
import { mappingOfPreview, type AdoptPreview, type AdoptReport } from '../../src/core/api/adopt';
import { data } from './helpers';

type SS = GoogleAppsScript.Spreadsheet.SpreadsheetApp;

const DATA: string[][] = [
  ['客户名称', 'Company', '手机', 'Email', '阶段', 'Deal value', '下次跟进', 'Notes', '身高'],
  ['张伟', 'Acme', '138 0013 8000', 'zw@example.cn', '线索', '¥1,200', '2026-01-05', '展会认识', '180'],
  ['Ann Lee', 'Globex', '13900139000', 'ann@example.com', '初步接触', '2500', '2026-01-06', 'Met at the fair', '165'],
  ['李娜', 'Initech', 'call later', 'lina@example', '方案', '5000', '2026/1/8', '', '170'],
  ['Bob Ray', 'Umbrella', '13700137000', 'bob@example.com', '谈判', '7000', '2026-01-09', '', '175'],
  ['王芳', 'Hooli', '15800158000', 'wf@example.cn', '成交', 'abc', '2026-01-20', '老客户', '160'],
  ['Cai Wu', 'Initrode', '13600136000', 'cai@example.com', '流失', '3000', 'next week', 'Price', '172'],
];

function start(data: string[][] = DATA): { emu: Emulator; addon: Addon; sheet: GoogleAppsScript.Spreadsheet.Sheet } {
  const emu = createEmulator({ userLocale: 'zh-CN' });
  emu.loadRows(data);
  const addon = loadAddon(emu);
  const sheet = (emu.globals.SpreadsheetApp as SS).getActiveSpreadsheet().getActiveSheet();
  return { emu, addon, sheet };
}

function adopt(emu: Emulator, addon: Addon): string {
  emu.queueAnswers(['YES']);
  expect(addon.menu('menuAdopt')).toEqual({ ok: true, result: undefined });
  expect(addon.errors).toEqual([]);
  // The confirmation: the YES/NO alert before the report (an offer of automatic columns may follow it).
  const recent = emu.alerts.slice(-3);
  return recent.find((a) => a.buttons === 'YES_NO' && !/Automatic columns|自动列/.test(a.title))?.prompt ?? '';
}

function rulesAndValidations(emu: Emulator) {
  const [s] = emu.snapshot().sheets;
  return { validations: s?.validations, conditionalFormats: s?.conditionalFormats, numberFormats: s?.numberFormats };
}

function cell(emu: Emulator, a1: string) {
  const v = emu.view('Sheet1', a1)[0]?.[0];
  if (!v) throw new Error(`no cell ${a1}`);
  return v;
}

interface StoredField { key: string; role: string | null; type: string }
function storedFields(addon: Addon): StoredField[] {
  const s = data<{ schema: { fields: StoredField[] } | null }>(addon, 'getSetupState');
  return (s.schema?.fields ?? []).map((f) => ({ key: f.key, role: f.role, type: f.type }));
}

/** The sheet's rows with column `from` (0-based) moved to the end: what the moved sheet looks like. */
function movedToEnd(rows: string[][], from: number): string[][] {
  return rows.map((r) => [...r.slice(0, from), ...r.slice(from + 1), r[from] ?? '']);
}

describe('a column moved after adopting', () => {
  it('is still checked as its type where it now is, and adopting again sets up the same table as adopting the moved sheet fresh', () => {
    const { emu, addon, sheet } = start();
    adopt(emu, addon);
    const fields = storedFields(addon);
    // The person drags the Email column (D) to the far right: it becomes I, the others shift left.
    sheet.moveColumns(sheet.getRange('D:D'), 10);
    expect(cell(emu, 'I1').value).toBe('Email');

    // Checking the table finds the broken email where it now is.
    const report = data<{ count: number; cells: Array<{ a1: string; header: string; code: string }> }>(addon, 'validateTable');
    expect(report.cells.map((c) => c.a1).sort()).toEqual(['C4', 'E6', 'F7', 'I4']);
    expect(report.cells.find((c) => c.a1 === 'I4')).toMatchObject({ header: 'Email', code: 'invalidEmail' });

    // Adopting again: the same fields (no duplicate "email_2"), each on its column now.
    const confirm = adopt(emu, addon);
    expect(confirm).toMatch(/之前已接管/);
    expect(storedFields(addon)).toEqual(expect.arrayContaining(fields));
    expect(storedFields(addon)).toHaveLength(fields.length);
    expect(cell(emu, 'I2').validation?.criteria).toBe('CUSTOM_FORMULA');
    expect(cell(emu, 'D2').validation).toMatchObject({ criteria: 'VALUE_IN_LIST' }); // 阶段 is D now
    expect(cell(emu, 'H2').validation).toBeNull(); // 身高: still left alone
    expect(cell(emu, 'I4').background).toBe('#f4c7c3');
    expect(cell(emu, 'D4').background).not.toBe('#f4c7c3');

    // Exactly what adopting the moved sheet from scratch sets up.
    const fresh = start(movedToEnd(DATA, 3));
    adopt(fresh.emu, fresh.addon);
    expect(rulesAndValidations(emu)).toEqual(rulesAndValidations(fresh.emu));
  });

  it('moved and renamed: the sidebar still shows it as the known email column', () => {
    const { emu, addon, sheet } = start();
    adopt(emu, addon);
    sheet.moveColumns(sheet.getRange('D:D'), 2); // Email to B
    emu.typeValue('B1', '联系邮箱 Contact');
    const p = data<AdoptPreview>(addon, 'previewAdopt');
    expect(p.columns.find((c) => c.letter === 'B')).toMatchObject({ header: '联系邮箱 Contact', known: true, adopt: true, role: 'email', type: 'email', misfits: [{ a1: 'B4', value: 'lina@example' }] });
    expect(p.columns.filter((c) => c.role === 'email')).toHaveLength(1);
    const r = data<AdoptReport>(addon, 'applyAdopt', [mappingOfPreview(p)]);
    expect(r.cells.map((c) => c.a1)).toEqual(['B4', 'D4', 'F6', 'G7']);
    expect(cell(emu, 'B2').validation?.criteria).toBe('CUSTOM_FORMULA');
  });

  it('a column inserted in front of the table shifts every column; all are still found, the new one is offered', () => {
    const { emu, addon, sheet } = start();
    adopt(emu, addon);
    const fields = storedFields(addon);
    sheet.insertColumnsBefore(1, 1);
    emu.typeValue('A1', '微信');
    emu.pasteValues('A2', [['zw01'], ['annlee'], ['lina_88'], ['bobray'], ['wangfang'], ['caiwu']]);
    const report = data<{ cells: Array<{ a1: string }> }>(addon, 'validateTable');
    expect(report.cells.map((c) => c.a1).sort()).toEqual(['D4', 'E4', 'G6', 'H7']);
    const p = data<AdoptPreview>(addon, 'previewAdopt');
    expect(p.columns[0]).toMatchObject({ letter: 'A', header: '微信', known: false, adopt: true, role: 'wechat' });
    expect(p.columns.filter((c) => c.known).map((c) => c.letter)).toEqual(['B', 'C', 'D', 'E', 'F', 'G', 'H', 'I']);
    data<AdoptReport>(addon, 'applyAdopt', [mappingOfPreview(p)]);
    const after = storedFields(addon);
    expect(after).toEqual(expect.arrayContaining(fields));
    expect(after.map((f) => f.role)).toContain('wechat');
    expect(cell(emu, 'E2').validation?.criteria).toBe('CUSTOM_FORMULA'); // Email, now E
  });
});
