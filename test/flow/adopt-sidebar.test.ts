/**
 * The Adopt panel's endpoints (previewAdopt, applyAdopt) on the built bundle (dist/Code.js) through the
 * harness's `call`, as google.script.run would call them: read the mapping of a mixed Chinese/English
 * sheet, edit it, apply it; a wrong mapping gets a translated message and changes nothing.
 * Run `node build.mjs` first (npm test does).
 */
import type { Addon } from '../../dev/harness';
import { startOn } from './helpers';
import type { Emulator } from '../../dev/emulator/types';
import { t } from '../../src/core/i18n';
import { mappingOfPreview, type AdoptMapping, type AdoptPreview, type AdoptReport } from '../../src/core/api/adopt';


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
  ['Cai Wu', 'Initrode', '13600136000', 'cai@example.com', '流失', '3000', 'next week', 'Price', 'tall'],
  ['陈静', 'Acme', '13500135000', 'cj@example.cn', '谈判', '8000', '2026-02-01', '', '168'],
  ['Dan Fox', 'Globex', '13400134000', 'dan@example.com', '线索', '=1000*2', '2026-02-02', '', '181'],
];

function start(data: string[][] = DATA, userLocale: 'en' | 'zh-CN' = 'zh-CN'): ReturnType<typeof startOn> {
  return startOn(data, userLocale);
}

function ok<T>(addon: Addon, fn: string, args: unknown[] = []): T {
  const out = addon.call(fn, args);
  if (!out.ok) throw new Error(`${fn} threw: ${out.error}`);
  const env = out.result as { ok: boolean; data?: unknown; error?: { code: string; message: string } };
  if (!env.ok) throw new Error(`${fn} refused: ${env.error?.code} ${env.error?.message}`);
  return env.data as T;
}

function refused(addon: Addon, fn: string, args: unknown[]): { code: string; message: string } {
  const out = addon.call(fn, args);
  if (!out.ok) throw new Error(`${fn} threw: ${out.error}`);
  const env = out.result as { ok: boolean; error?: { code: string; message: string } };
  expect(env.ok).toBe(false);
  return env.error as { code: string; message: string };
}

/** Everything a user sees of the sheet's content: values (computed), formulas, notes. */
function content(emu: Emulator) {
  return emu.snapshot().sheets.map((s) => ({ name: s.name, values: s.values, formulas: s.formulas, notes: s.notes }));
}

/** Everything adopting is responsible for, plus the stored config. */
function state(emu: Emulator) {
  const props = (emu.globals.PropertiesService as GoogleAppsScript.Properties.PropertiesService).getDocumentProperties().getProperties();
  return {
    props,
    sheets: emu.snapshot().sheets.map((s) => ({
      name: s.name, values: s.values, formulas: s.formulas, numberFormats: s.numberFormats, validations: s.validations,
      conditionalFormats: s.conditionalFormats, protections: s.protections, frozenRows: s.frozenRows, backgrounds: s.backgrounds,
    })),
  };
}

function cell(emu: Emulator, a1: string) {
  const v = emu.view('Sheet1', a1)[0]?.[0];
  if (!v) throw new Error(`no cell ${a1}`);
  return v;
}

function col(p: AdoptPreview, letter: string) {
  const c = p.columns.find((x) => x.letter === letter);
  if (!c) throw new Error(`no column ${letter}`);
  return c;
}

function edit(m: AdoptMapping, column: number, change: Partial<AdoptMapping['columns'][number]>): AdoptMapping {
  return { ...m, columns: m.columns.map((c) => (c.column === column ? { ...c, ...change } : c)) };
}

describe('previewAdopt', () => {
  it('reads the mapping of the active sheet: header row, roles, types, options, fit and the first misfits', () => {
    const { emu, addon } = start();
    const before = state(emu);
    const p = ok<AdoptPreview>(addon, 'previewAdopt');
    expect(state(emu)).toEqual(before); // a preview writes nothing
    expect(p).toMatchObject({ sheetName: 'Sheet1', headerRow: 3, dataRows: 8, adoptedBefore: false, stages: { won: '成交', lost: '流失' } });
    expect(p.columns.map((c) => c.letter)).toEqual(['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'I']);
    expect(col(p, 'A')).toMatchObject({ header: '客户名称', adopt: true, role: 'name', type: 'text', required: true, fit: 1 });
    expect(col(p, 'C')).toMatchObject({ header: '手机', adopt: true, role: 'phone', type: 'phone', filled: 8, misfitCount: 1, misfits: [{ a1: 'C6', value: 'call later' }] });
    expect(col(p, 'C').fit).toBeCloseTo(7 / 8);
    expect(col(p, 'D')).toMatchObject({ role: 'email', type: 'email', misfits: [{ a1: 'D6', value: 'lina@example' }] });
    expect(col(p, 'E').type).toBe('dropdown');
    expect(col(p, 'E').options?.map((o) => o.label)).toEqual(['线索', '初步接触', '方案', '谈判', '成交', '流失']);
    expect(col(p, 'E').options?.every((o) => /^#[0-9a-f]{6}$/i.test(o.color))).toBe(true);
    // A formula is counted as such, never as a misfit.
    expect(col(p, 'F')).toMatchObject({ role: 'dealValue', type: 'currency', formulas: 1, misfits: [{ a1: 'F8', value: 'abc' }] });
    // The unknown column is offered, left alone.
    expect(col(p, 'I')).toMatchObject({ header: '身高', adopt: false, role: null, adoptable: true });
  });

  it('with an edited mapping: recomputes the fit for the new type and suggests options for a new dropdown', () => {
    const { addon } = start();
    const p = ok<AdoptPreview>(addon, 'previewAdopt');
    let m = edit(mappingOfPreview(p), 2, { role: 'owner', type: 'dropdown', options: [] });
    m = edit(m, 9, { adopt: true, type: 'number' });
    const q = ok<AdoptPreview>(addon, 'previewAdopt', [m]);
    expect(col(q, 'B')).toMatchObject({ role: 'owner', type: 'dropdown', misfitCount: 0 });
    expect(col(q, 'B').options?.map((o) => o.label).sort()).toEqual(['Acme', 'Globex', 'Hooli', 'Initech', 'Initrode', 'Umbrella']);
    expect(col(q, 'I')).toMatchObject({ adopt: true, type: 'number', filled: 8, misfitCount: 1, misfits: [{ a1: 'I9', value: 'tall' }] });
  });

  it('reads in a number of calls that does not grow with rows', () => {
    const rows = (n: number) => {
      const out = [HEADER];
      for (let i = 0; i < n; i++) out.push([`客户${i}`, `Co ${i % 7}`, `139${String(i).padStart(8, '0')}`, `c${i}@example.com`, ['线索', '方案', '成交', '流失'][i % 4] ?? '', String(100 + i), '2026-01-05', '', '170']);
      return out;
    };
    const calls = (n: number) => {
      const { emu, addon } = start(rows(n));
      const p = ok<AdoptPreview>(addon, 'previewAdopt');
      emu.resetStats();
      ok<AdoptPreview>(addon, 'previewAdopt', [mappingOfPreview(p)]);
      ok<AdoptReport>(addon, 'applyAdopt', [mappingOfPreview(p)]);
      return emu.stats().total;
    };
    expect(calls(1000)).toBe(calls(50));
  });
});

describe('applyAdopt', () => {
  it('the unchanged preview applies exactly what menuAdopt applies after YES', () => {
    const viaMenu = start();
    viaMenu.emu.queueAnswers(['YES']);
    expect(viaMenu.addon.menu('menuAdopt')).toEqual({ ok: true, result: undefined });
    const viaSidebar = start();
    const p = ok<AdoptPreview>(viaSidebar.addon, 'previewAdopt');
    const report = ok<AdoptReport>(viaSidebar.addon, 'applyAdopt', [mappingOfPreview(p)]);
    expect(state(viaSidebar.emu)).toEqual(state(viaMenu.emu));
    // The same report text as the menu's final alert.
    expect(report.message).toBe(viaMenu.emu.alerts[1]?.prompt);
    expect(report).toMatchObject({ sheetName: 'Sheet1', adoptedColumns: 8, misfitCount: 4, formulaCells: 1 });
    expect(report.cells.map((c) => c.a1)).toEqual(['C6', 'D6', 'F8', 'G9']);
    expect(report.cells[1]).toMatchObject({ header: 'Email', value: 'lina@example', code: 'invalidEmail' });
    expect(report.cells[1]?.message).toBe(t('zh-CN', 'fields.issue.invalidEmail'));
  });

  it('applies the edited mapping: a new role and type, a column left alone; no value changes', () => {
    const { emu, addon } = start();
    const before = content(emu);
    const formatH5 = cell(emu, 'H5').numberFormat;
    const p = ok<AdoptPreview>(addon, 'previewAdopt');
    let m = mappingOfPreview(p);
    m = edit(m, 2, { role: 'owner', type: 'dropdown', options: [] }); // Company → Owner, a dropdown
    m = edit(m, 8, { adopt: false }); // Notes: leave alone
    m = edit(m, 9, { adopt: true, role: null, type: 'number' }); // 身高: a number column of the user's own
    m = mappingOfPreview(ok<AdoptPreview>(addon, 'previewAdopt', [m])); // options suggested for B
    m = edit(m, 2, { options: (m.columns[1]?.options ?? []).map((o) => (o.label === 'Acme' ? { ...o, color: '#ff0000' } : o)) });
    const report = ok<AdoptReport>(addon, 'applyAdopt', [m]);

    expect(content(emu)).toEqual(before);
    expect(cell(emu, 'F11').formula).toBe('=1000*2');
    // B: a dropdown of the companies, Acme in the chosen color.
    expect(cell(emu, 'B4').validation).toMatchObject({ criteria: 'VALUE_IN_LIST' });
    expect([...(cell(emu, 'B4').validation?.listValues ?? [])].sort()).toEqual(['Acme', 'Globex', 'Hooli', 'Initech', 'Initrode', 'Umbrella']);
    expect(cell(emu, 'B4').background).toBe('#ff0000');
    expect(cell(emu, 'B5').background).not.toBe('#ff0000');
    // I: a number validation, and its misfit reported and highlighted.
    expect(cell(emu, 'I4').validation?.criteria).toMatch(/NUMBER/);
    expect(report.cells.map((c) => c.a1)).toEqual(['C6', 'D6', 'F8', 'G9', 'I9']);
    expect(cell(emu, 'I9').background).toBe('#f4c7c3');
    // H: left alone — no validation, format untouched.
    expect(cell(emu, 'H5').validation).toBeNull();
    expect(cell(emu, 'H5').numberFormat).toBe(formatH5);
    expect(report.adoptedColumns).toBe(8);

    // The stored table says the same, and reading again shows the edited mapping as known.
    const again = ok<AdoptPreview>(addon, 'previewAdopt');
    expect(again.adoptedBefore).toBe(true);
    expect(col(again, 'B')).toMatchObject({ known: true, adopt: true, role: 'owner', type: 'dropdown' });
    expect(col(again, 'I')).toMatchObject({ known: true, adopt: true, role: null, type: 'number' });
    // A column left alone is not stored anywhere: reading again proposes it as menuAdopt would.
    expect(col(again, 'H')).toMatchObject({ known: false, adopt: true, role: 'notes' });
    // Applying the same choices again changes nothing (idempotent).
    const once = state(emu);
    ok<AdoptReport>(addon, 'applyAdopt', [edit(mappingOfPreview(again), 8, { adopt: false })]);
    expect(state(emu)).toEqual(once);
  });

  describe('refuses a wrong mapping with a translated message and changes nothing', () => {
    const cases: Array<[string, (m: AdoptMapping) => AdoptMapping, string, RegExp]> = [
      ['an unknown role', (m) => edit(m, 3, { role: 'boss' }), 'adopt.mapping.unknownRole', /C 列“手机”：ClientFlow 不认识“boss”这个含义/],
      ['a type that does not exist', (m) => edit(m, 4, { type: 'emailish' }), 'adopt.mapping.unknownType', /D 列“Email”：“emailish”不是字段类型/],
      ['two columns with one role', (m) => edit(m, 9, { adopt: true, role: 'email', type: 'email' }), 'adopt.mapping.duplicateRole', /D 列和 I 列的含义都是“邮箱”/],
      ['a dropdown without options', (m) => edit(m, 5, { options: [] }), 'adopt.mapping.noOptions', /E 列“阶段”是下拉选项，但没有任何选项/],
      ['a color that is not one', (m) => edit(m, 5, { options: [{ label: '线索', color: 'red' }] }), 'adopt.mapping.badColor', /颜色“red”无效/],
      ['every column left alone', (m) => ({ ...m, columns: m.columns.map((c) => ({ ...c, adopt: false })) }), 'adopt.mapping.nothing', /没有可以接管的列/],
    ];
    it.each(cases)('%s', (_name, change, code, message) => {
      const { emu, addon } = start();
      const before = state(emu);
      const m = change(mappingOfPreview(ok<AdoptPreview>(addon, 'previewAdopt')));
      const e = refused(addon, 'applyAdopt', [m]);
      expect(e.code).toBe(code);
      expect(e.message).toMatch(message);
      expect(state(emu)).toEqual(before);
    });

    it('in English too', () => {
      const { emu, addon } = start(DATA, 'en');
      const before = state(emu);
      const m = edit(mappingOfPreview(ok<AdoptPreview>(addon, 'previewAdopt')), 9, { adopt: true, role: 'email', type: 'email' });
      const e = refused(addon, 'applyAdopt', [m]);
      expect(e).toEqual({ code: 'adopt.mapping.duplicateRole', message: 'Columns D and I both mean "Email". Give one of them another meaning or leave it alone.' });
      expect(state(emu)).toEqual(before);
    });

    it('a mapping made before the sheet changed', () => {
      const { emu, addon } = start();
      const m = mappingOfPreview(ok<AdoptPreview>(addon, 'previewAdopt'));
      emu.typeValue('C3', '座机');
      const before = state(emu);
      const e = refused(addon, 'applyAdopt', [m]);
      expect(e.code).toBe('adopt.mapping.stale');
      expect(e.message).toMatch(/C 列现在是“座机”/);
      expect(state(emu)).toEqual(before);
    });

    it('a malformed mapping (wrong shape on the wire)', () => {
      const { emu, addon } = start();
      const before = state(emu);
      const e = refused(addon, 'applyAdopt', [{ sheetId: 'x', columns: 'all' }]);
      expect(e.code).toBe('adopt.mapping.invalid');
      expect(e.message).toMatch(/^侧边栏发送的列设置格式有误（sheetId: invalid_type）/);
      expect(state(emu)).toEqual(before);
    });
  });
});
