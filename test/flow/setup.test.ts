/**
 * Set-up, validate-all and the auto fields, on the built bundle (dist/Code.js) running on the
 * emulator through the harness, as a user would drive them: menus with queued answers, typing, pasting.
 * Run `node build.mjs` first (npm test does).
 */
import { createEmulator } from '../../dev/emulator';
import { loadAddon, type Addon } from '../../dev/harness';
import type { Emulator } from '../../dev/emulator/types';

type SS = GoogleAppsScript.Spreadsheet.SpreadsheetApp;

function start(userLocale: 'en' | 'zh-CN' = 'en'): { emu: Emulator; addon: Addon; app: SS } {
  const emu = createEmulator({ userLocale });
  const addon = loadAddon(emu);
  return { emu, addon, app: emu.globals.SpreadsheetApp as SS };
}

function setUp(addon: Addon, emu: Emulator, answer = '1'): void {
  emu.queueAnswers([answer]);
  const r = addon.menu('menuSetUp');
  expect(r).toEqual({ ok: true, result: undefined });
  expect(addon.errors).toEqual([]);
}

/** What set-up is responsible for, per sheet: everything but the call log. */
function state(emu: Emulator) {
  return emu.snapshot().sheets.map((s) => ({
    name: s.name, values: s.values, numberFormats: s.numberFormats, validations: s.validations,
    conditionalFormats: s.conditionalFormats, protections: s.protections, frozenRows: s.frozenRows, hidden: s.hidden,
  }));
}

const B2B_EN = ['Client ID', 'Company', 'Name', 'Title', 'Email', 'Phone', 'Channel', 'Owner', 'Stage', 'Next step', 'Next follow-up',
  'Last contact', 'Priority', 'Deal value', 'Last interaction', 'Notes', 'Created', 'Updated', 'Stage since'];

describe('menuSetUp', () => {
  it('turns the empty first sheet into a B2B table: headers, validations, formats, rules, protection, frozen row, banding', () => {
    const { emu, addon, app } = start();
    setUp(addon, emu, '');
    const [sheet] = emu.snapshot().sheets;
    expect(emu.sheetNames()).toEqual(['Sheet1']);
    expect(sheet?.values[0]).toEqual(B2B_EN);
    expect(sheet?.frozenRows).toBe(1);
    expect(sheet?.protections).toEqual([{ range: 'A1:S1', description: expect.stringMatching(/^ClientFlow header/), warningOnly: true }]);

    const [row2] = emu.view('Sheet1', 'A2:S2');
    const cell = (h: string) => row2?.[B2B_EN.indexOf(h)];
    // Phone and ID stay text; dates and money formatted.
    expect(cell('Phone')?.numberFormat).toBe('@');
    expect(cell('Client ID')?.numberFormat).toBe('@');
    expect(cell('Next follow-up')?.numberFormat).toBe(cell('Last contact')?.numberFormat);
    expect(cell('Deal value')?.numberFormat).toMatch(/\$/);
    // Validation: stage list rejects, priority list warns, email by custom formula, date, none on Client ID.
    expect(cell('Stage')?.validation).toMatchObject({ criteria: 'VALUE_IN_LIST', allowInvalid: false, listValues: ['Lead', 'Contacted', 'Qualified', 'Proposal', 'Negotiation', 'Won', 'Lost'] });
    expect(cell('Priority')?.validation).toMatchObject({ criteria: 'VALUE_IN_LIST', allowInvalid: true });
    expect(cell('Email')?.validation?.criteria).toBe('CUSTOM_FORMULA');
    expect(cell('Next follow-up')?.validation?.criteria).toMatch(/DATE/);
    expect(cell('Client ID')?.validation).toBeNull();
    // Every row below the header is covered, down to the last row of the sheet.
    const [last] = emu.view('Sheet1', 'I1000');
    expect(last?.[0]?.validation?.criteria).toBe('VALUE_IN_LIST');
    expect(emu.view('Sheet1', 'E1000')[0]?.[0]?.validation?.criteria).toBe('CUSTOM_FORMULA');
    // Header style.
    expect(emu.view('Sheet1', 'A1')[0]?.[0]?.bold).toBe(true);
    // Banding over the data rows.
    const bandings = app.getActiveSpreadsheet().getSheetByName('Sheet1')?.getBandings() ?? [];
    expect(bandings.map((b) => b.getRange().getA1Notation())).toEqual(['A2:S1000']);
    // Rules: all ours, recognizable.
    const rules = sheet?.conditionalFormats ?? [];
    expect(rules.length).toBeGreaterThan(10);
    for (const r of rules) expect(String(r.condition.args[0])).toContain('ISTEXT("clientflow:');
    expect(emu.toasts.at(-1)?.message).toMatch(/Sheet1.*19 columns/);
  });

  it('shows the rules at work: won row green, lost grey, overdue follow-up red, stale contact amber, empty required light red', () => {
    const { emu, addon } = start();
    setUp(addon, emu);
    emu.pasteValues('A2', [
      ['', 'ACME', 'Ann', '', '', '', '', 'Bo', 'Won', '', '', '', '', '', '', '', '', '', ''],
      ['', 'Beta', 'Ben', '', '', '', '', 'Bo', 'Lost', '', '', '', '', '', '', '', '', '', ''],
      ['', 'Gamma', 'Cy', '', '', '', '', 'Bo', 'Proposal', '', '2020-01-01', '2020-01-01', '', '', '', '', '', '', ''],
      ['', 'Delta', '', '', '', '', '', 'Bo', 'Lead', '', '2099-01-01', '', '', '', '', '', '', '', ''],
    ]);
    const v = emu.view('Sheet1', 'A2:S5');
    expect(v[0]?.[1]?.background).toBe('#d9ead3'); // won: the whole row
    expect(v[1]?.[1]?.background).toBe('#e0e0e0'); // lost
    expect(v[2]?.[10]?.background).toBe('#ea9999'); // overdue next follow-up
    expect(v[2]?.[11]?.background).toBe('#ffe599'); // stale last contact
    expect(v[3]?.[10]?.background).not.toBe('#ea9999'); // follow-up in the future
    expect(v[3]?.[2]?.background).toBe('#fce8e6'); // required name empty
    expect(v[2]?.[8]?.background).toBe('#fff2cc'); // option color of "Proposal"
  });

  it('is idempotent: setting up again leaves the same sheet, rules, formats and protections, and keeps the user\'s own rule', () => {
    const { emu, addon, app } = start();
    setUp(addon, emu);
    // The user adds a rule of their own.
    const sheet = app.getActiveSpreadsheet().getSheetByName('Sheet1');
    if (!sheet) throw new Error('no sheet');
    const mine = app.newConditionalFormatRule().whenFormulaSatisfied('=$N2>10000').setBackground('#0000ff').setRanges([sheet.getRange('N2:N1000')]).build();
    sheet.setConditionalFormatRules([...sheet.getConditionalFormatRules(), mine]);
    const once = state(emu);
    setUp(addon, emu);
    const twice = state(emu);
    expect(twice).toEqual(once);
    expect(emu.sheetNames()).toEqual(['Sheet1']);
    const user = twice[0]?.conditionalFormats.filter((r) => r.condition.args[0] === '=$N2>10000');
    expect(user).toHaveLength(1);
    expect(emu.toasts.at(-1)?.message).toMatch(/1 of your own rules kept/);
  });

  it('puts the table on a new sheet when the active sheet has data, and leaves that data alone', () => {
    const { emu, addon } = start();
    emu.loadRows([['my', 'notes'], ['keep', 'this']]);
    setUp(addon, emu, '2');
    expect(emu.sheetNames()).toEqual(['Sheet1', 'Clients']);
    const [mine, table] = emu.snapshot().sheets;
    expect(mine?.values).toEqual([['my', 'notes'], ['keep', 'this']]);
    expect(mine?.validations).toEqual([]);
    expect(table?.values[0]).toContain('Total spend');
    expect(table?.hidden).toBe(false);
  });

  it('builds the Chinese template under zh-CN with Chinese headers, options and messages', () => {
    const { emu, addon } = start('zh-CN');
    setUp(addon, emu, '1');
    const [sheet] = emu.snapshot().sheets;
    expect(sheet?.values[0]?.slice(0, 9)).toEqual(['客户编号', '客户名称', '联系人', '职位', '邮箱', '联系电话', '客户来源', '负责人', '跟进阶段']);
    expect(emu.view('Sheet1', 'I2')[0]?.[0]?.validation?.listValues).toEqual(['潜在客户', '初步接触', '需求分析', '方案报价', '商务谈判', '成交', '流失']);
    expect(emu.view('Sheet1', 'N2')[0]?.[0]?.numberFormat).toMatch(/¥/);
    expect(emu.alerts[0]?.prompt).toMatch(/请选择模板/);
    expect(emu.toasts.at(-1)?.message).toMatch(/已建好/);
    expect(sheet?.protections[0]?.description).toMatch(/^ClientFlow 表头/);
    // A stage typed that is no option is refused by the list rule; the message is Chinese throughout.
    expect(() => emu.typeValue('I2', '随便写')).toThrow('出现问题：请从选项中选择。');
  });

  it('refuses an answer that is not a template number, and changes nothing on cancel', () => {
    const { emu, addon } = start();
    const before = state(emu);
    emu.queueAnswers(['7']);
    addon.menu('menuSetUp');
    expect(emu.alerts.at(-1)?.prompt).toMatch(/"7" is not one of the template numbers/);
    emu.queueAnswers(['CANCEL']);
    addon.menu('menuSetUp');
    expect(emu.toasts.at(-1)?.message).toMatch(/cancelled/);
    expect(state(emu)).toEqual(before);
  });

  it('leaves the workbook as it was when the time limit strikes half way, and a second run completes', () => {
    const { emu, addon } = start();
    emu.loadRows([['existing']]);
    const before = state(emu);
    emu.queueAnswers(['1']);
    emu.failAfterCalls(60);
    addon.menu('menuSetUp');
    // Visible sheets and the config are as before (the half-built sheet is hidden and unnamed).
    expect(state(emu).filter((s) => !s.hidden)).toEqual(before);
    // No config (only the marker naming the half-built sheet, for the next run to recognise it).
    expect((emu.globals.PropertiesService as GoogleAppsScript.Properties.PropertiesService).getDocumentProperties().getKeys()).toEqual(['clientflow.setupPending']);
    const errors = addon.errors.length;
    emu.queueAnswers(['1']);
    addon.menu('menuSetUp');
    expect(addon.errors.length).toBe(errors);
    expect(emu.sheetNames()).toEqual(['Sheet1', 'Clients']);
    expect(emu.snapshot().sheets.every((s) => !s.hidden)).toBe(true);
  });

  it('costs the same number of service calls at 100 and 10,000 rows, first set-up and again', () => {
    const calls = (rows: number) => {
      const { emu, addon, app } = start();
      // A sheet of `rows` rows (Sheets' new sheets have 1000).
      const sheet = app.getActiveSpreadsheet().getSheetByName('Sheet1');
      if (!sheet) throw new Error('no sheet');
      if (rows + 1 > 1000) sheet.insertRowsAfter(1000, rows + 1 - 1000);
      else sheet.deleteRows(rows + 2, 1000 - rows - 1);
      emu.resetStats();
      setUp(addon, emu);
      const first = emu.stats();
      const data = Array.from({ length: rows }, (_, i) => [`C-${String(i + 1).padStart(6, '0')}`, `Co ${i}`, `Name ${i}`, '', `p${i}@x.com`, '', '', 'Bo', 'Lead']);
      emu.pasteValues('A2', data);
      emu.resetStats();
      setUp(addon, emu);
      return { first, again: emu.stats() };
    };
    const small = calls(100);
    const large = calls(10_000);
    expect(large.first.byMethod).toEqual(small.first.byMethod);
    expect(large.first.total).toBe(small.first.total);
    expect(large.again.byMethod).toEqual(small.again.byMethod);
    expect(large.again.total).toBe(small.again.total);
  });
});

describe('menuValidateAll', () => {
  it('finds exactly the broken cells, reports them and highlights them without changing a value', () => {
    const { emu, addon } = start();
    setUp(addon, emu);
    const rows = [
      ['C-000001', 'ACME', 'Ann', '', 'ann@acme.com', '+1 201 555 0123', 'Website', 'Bo', 'Lead'],
      ['C-000002', 'Beta', 'Ben', '', 'ben@@beta', '', 'Website', 'Bo', 'Lead'],
      ['C-000003', 'Gamma', '', '', '', 'call me', '', 'Bo', 'Qualified'],
      ['', '', '', '', '', '', '', '', ''],
      ['C-000005', 'Delta', 'Di', '', '', '', 'Carrier pigeon', 'Bo', 'Won'],
    ];
    emu.pasteValues('A2', rows);
    const before = emu.snapshot().sheets[0]?.values;
    addon.menu('menuValidateAll');
    const alert = emu.alerts.at(-1);
    expect(alert?.title).toBe('Check all rows');
    expect(alert?.prompt).toMatch(/^4 cells break/);
    expect(alert?.prompt).toMatch(/E3/);
    const sheet = emu.snapshot().sheets[0];
    expect(sheet?.values).toEqual(before);
    const invalid = sheet?.conditionalFormats.find((r) => String(r.condition.args[0]).includes('clientflow:invalid'));
    expect(invalid?.ranges.sort()).toEqual(['C4', 'E3', 'F4', 'G6'].sort());
    expect(emu.view('Sheet1', 'E3')[0]?.[0]?.background).toBe('#f4c7c3');
    // Fixing the cells and checking again clears the highlight.
    emu.pasteValues('C4', [['Cy']]);
    emu.pasteValues('E3', [['ben@beta.com']]);
    emu.pasteValues('F4', [['']]);
    emu.pasteValues('G6', [['Other']]);
    addon.menu('menuValidateAll');
    expect(emu.alerts.at(-1)?.prompt).toBe('All 4 rows are valid.');
    expect(emu.snapshot().sheets[0]?.conditionalFormats.some((r) => String(r.condition.args[0]).includes('clientflow:invalid'))).toBe(false);
  });

  it('says there is no table yet instead of failing', () => {
    const { emu, addon } = start('zh-CN');
    addon.menu('menuValidateAll');
    expect(emu.alerts.at(-1)?.prompt).toMatch(/还没有客户表/);
    expect(addon.errors).toEqual([]);
  });

  it('offers repair or reset for a damaged config, in the user\'s language, and never crashes', () => {
    const { emu, addon } = start('zh-CN');
    setUp(addon, emu);
    const props = (emu.globals.PropertiesService as GoogleAppsScript.Properties.PropertiesService).getDocumentProperties();
    // A field of an unknown type: repair keeps the others.
    const key = props.getKeys().find((k) => /^clientflow\.table\.\d+$/.test(k)) ?? '';
    const raw = JSON.parse(props.getProperty(`${key}.0`) ?? '{}') as { fields: Array<{ type: string }> };
    raw.fields[3] = { ...raw.fields[3], type: 'hologram' } as { type: string };
    const json = JSON.stringify(raw);
    props.setProperties({ [key]: JSON.stringify({ format: 1, version: 2, parts: 1 }), [`${key}.0`]: json });
    emu.queueAnswers(['YES']);
    addon.menu('menuValidateAll');
    expect(emu.alerts.at(-2)?.prompt).toMatch(/不是有效的表格定义[\s\S]*回答“是”修复/);
    expect(emu.toasts.at(-1)?.message).toMatch(/设置已修复：保留了 18 个字段/);
    expect(emu.alerts.at(-1)?.prompt).toMatch(/全部 0 行均有效/);
    // Garbage: only a reset helps.
    props.setProperty(key, '{broken');
    emu.queueAnswers(['YES']);
    addon.menu('menuValidateAll');
    expect(emu.alerts.at(-2)?.prompt).toMatch(/已损坏[\s\S]*回答“是”重置/);
    expect(emu.toasts.at(-1)?.message).toMatch(/设置已重置/);
    expect(props.getKeys().filter((k) => /^clientflow\.(config|table\.)/.test(k))).toEqual([]);
    expect(addon.errors).toEqual([]);
  });
});

describe('onEdit auto fields', () => {
  it('fills Client ID, Created and Updated for a new row, Stage since when the stage changes', () => {
    const { emu, addon } = start();
    setUp(addon, emu);
    addon.edit('C2', 'Ann Lee');
    let [row] = emu.view('Sheet1', 'A2:S2');
    expect(row?.[0]?.value).toBe('C-000001');
    expect(row?.[16]?.value).toBeInstanceOf(Date);
    expect(row?.[17]?.value).toBeInstanceOf(Date);
    expect(row?.[18]?.value).toBe('');
    addon.edit('I2', 'Qualified');
    [row] = emu.view('Sheet1', 'A2:S2');
    expect(row?.[18]?.value).toBeInstanceOf(Date);
    addon.edit('C3', 'Bo');
    expect(emu.view('Sheet1', 'A3')[0]?.[0]?.value).toBe('C-000002');
    expect(addon.errors).toEqual([]);
  });

  it('fills a pasted 1000-row block with the same number of calls as a 20-row block', () => {
    // Both blocks run past the sheet's last row, so both also get the table's formats and validation back.
    const calls = (rows: number) => {
      const { emu, addon } = start();
      setUp(addon, emu);
      const max = (emu.globals.SpreadsheetApp as SS).getActiveSpreadsheet().getSheets()[0]?.getMaxRows() ?? 1000;
      emu.resetStats();
      addon.paste(`B${max + 3 - rows}`, Array.from({ length: rows }, (_, i) => [`Co ${i}`, `N ${i}`]));
      return { emu, calls: emu.stats().total, first: max + 3 - rows };
    };
    const small = calls(20);
    const big = calls(1000);
    expect(big.calls).toBe(small.calls);
    const ids = big.emu.view('Sheet1', `A${big.first}:A${big.first + 999}`).map((r) => r[0]?.value);
    expect(ids[0]).toBe('C-000001');
    expect(ids[999]).toBe('C-001000');
    expect(new Set(ids).size).toBe(1000);
  });

  it('costs the same service calls and cells read in a 100-row and a 5,000-row table (no whole-column reads)', () => {
    const measure = (rows: number) => {
      const { emu, addon, app } = start();
      setUp(addon, emu);
      const sheet = app.getActiveSpreadsheet().getSheetByName('Sheet1');
      if (!sheet) throw new Error('no sheet');
      if (rows + 10 > 1000) sheet.insertRowsAfter(1000, rows + 10 - 1000);
      addon.paste('B2', Array.from({ length: rows }, (_, i) => [`Co ${i}`, `Name ${i}`, '', `p${i}@x.com`]));
      expect(emu.view('Sheet1', `A${rows + 1}`)[0]?.[0]?.value).toBe(`C-${String(rows).padStart(6, '0')}`);
      emu.resetStats();
      addon.edit(`C${rows + 2}`, 'New client'); // a new row: needs the next ID
      const fresh = emu.stats();
      expect(emu.view('Sheet1', `A${rows + 2}`)[0]?.[0]?.value).toBe(`C-${String(rows + 1).padStart(6, '0')}`);
      emu.resetStats();
      addon.edit(`E${Math.floor(rows / 2)}`, 'new@x.com'); // an existing row in the middle
      const existing = emu.stats();
      expect(addon.errors).toEqual([]);
      return { fresh, existing };
    };
    const small = measure(100);
    const large = measure(5000);
    expect(large.fresh.byMethod).toEqual(small.fresh.byMethod);
    expect(large.fresh.cellsRead).toBe(small.fresh.cellsRead);
    expect(large.existing.byMethod).toEqual(small.existing.byMethod);
    expect(large.existing.cellsRead).toBe(small.existing.cellsRead);
    // One row of the table, the header, the properties: nothing near 5,000 cells.
    expect(large.fresh.cellsRead).toBeLessThan(100);
    // A new row also reserves its ID under the document lock and checks its required cells.
    expect(large.fresh.total).toBeLessThanOrEqual(26);
  });

  it('continues after IDs the user pasted or typed, and after the whole column when no counter is stored', () => {
    const { emu, addon } = start();
    setUp(addon, emu);
    addon.paste('A2', [['C-000500', 'ACME', 'Ann']]);
    addon.edit('C3', 'Bo');
    expect(emu.view('Sheet1', 'A3')[0]?.[0]?.value).toBe('C-000501');
    addon.edit('A4', 'C-0000900'); // typed into the ID column: wider, zero-padded
    addon.edit('C5', 'Cy');
    expect(emu.view('Sheet1', 'A5')[0]?.[0]?.value).toBe('C-0000901');
    // A table without a counter (adopted by an older version): the ID column is read once.
    const props = (emu.globals.PropertiesService as GoogleAppsScript.Properties.PropertiesService).getDocumentProperties();
    for (const k of props.getKeys()) if (k.startsWith('clientflow.ids')) props.deleteProperty(k);
    emu.resetStats();
    addon.edit('C6', 'Di');
    expect(emu.view('Sheet1', 'A6')[0]?.[0]?.value).toBe('C-0000902');
    expect(emu.stats().byMethod['Range.getValues']).toBe(1); // the ID column (header and row: getSheetValues)
    emu.resetStats();
    addon.edit('C7', 'Ed');
    expect(emu.view('Sheet1', 'A7')[0]?.[0]?.value).toBe('C-0000903');
    expect(emu.stats().byMethod['Range.getValues'] ?? 0).toBe(0);
    expect(addon.errors).toEqual([]);
  });

  it('ignores edits of other sheets and of the header', () => {
    const { emu, addon } = start();
    setUp(addon, emu);
    emu.resetStats();
    addon.edit('B1', 'Firm');
    expect(emu.view('Sheet1', 'A2')[0]?.[0]?.value).toBe('');
    // The renamed column is still found (column metadata), so typing a row still fills it.
    addon.edit('B2', 'ACME');
    expect(emu.view('Sheet1', 'A2')[0]?.[0]?.value).toBe('C-000001');
    expect(addon.errors).toEqual([]);
  });
});

describe('sidebar set-up endpoints', () => {
  it('previews a template, applies an edited schema, and keeps a removed field\'s data', () => {
    const { emu, addon } = start();
    const state0 = addon.call('getSetupState');
    expect(state0).toMatchObject({ ok: true, result: { ok: true, data: { schema: null, configProblem: null } } });
    const preview = addon.call('previewTemplate', ['services', 'zh-CN']);
    if (!preview.ok) throw new Error(preview.error);
    const env = preview.result as { ok: true; data: { fields: Array<{ key: string; header: string }> } };
    expect(env.data.fields.map((f) => f.header)).toContain('服务类型');
    const p2 = addon.call('previewTemplate', ['b2b', 'en']);
    if (!p2.ok) throw new Error(p2.error);
    const schema = (p2.result as { data: { fields: Array<{ key: string; header: string }> } }).data;
    const applied = addon.call('applySetup', [schema, { target: 'auto' }]);
    expect(applied).toMatchObject({ ok: true, result: { ok: true, data: { sheetName: 'Sheet1', columns: 19 } } });
    emu.pasteValues('D2', [['CEO']]);
    // Remove "Title", rename "Notes", add nothing: the Title column and its data stay.
    const edited = { ...schema, fields: schema.fields.filter((f) => f.key !== 'title').map((f) => (f.key === 'notes' ? { ...f, header: 'Remarks' } : f)) };
    const again = addon.call('applySetup', [edited]);
    expect(again).toMatchObject({ ok: true, result: { ok: true, data: { columns: 18 } } });
    const [header] = emu.snapshot().sheets[0]?.values ?? [];
    expect(header?.[3]).toBe('Title');
    expect(header?.[15]).toBe('Remarks');
    expect(emu.view('Sheet1', 'D2')[0]?.[0]?.value).toBe('CEO');
    // A bad schema is refused with a translated message, not a stack trace.
    const bad = addon.call('applySetup', [{ ...schema, stages: { won: 'Nope', lost: 'Lost' } }]);
    expect(bad.ok && (bad.result as { ok: boolean }).ok).toBe(false);
    expect(addon.errors).toEqual([]);
  });
});
