/**
 * A table keeps its meaning, on the bundled demo table (mixed English and Chinese clients), adopted in
 * an English and in a Chinese spreadsheet on the built bundle: Stage has one option per stage with its
 * variants and every variant of Won colors its row; the money column keeps its currency; the phone
 * column's verdicts do not depend on the interface language; adopt's report and Check count the same
 * cells. And several tables in one spreadsheet each keep their definition and their automatic fields.
 * Run `node build.mjs` first (npm test does).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseCsvChecked } from '../../src/cli/csv';
import type { Emulator } from '../../dev/emulator/types';
import type { Addon } from '../../dev/harness';
import { startOn } from './helpers';

const DEMO = parseCsvChecked(readFileSync(join(__dirname, '..', '..', 'dev', 'playground', 'demo.csv'), 'utf8')).rows;
type Loc = 'en' | 'zh-CN';

interface StoredOption { label: string; color: string; variants?: string[]; outcome?: string }
interface StoredField { key: string; header: string; role: string | null; type: string; options?: StoredOption[]; currency?: string; currencyMixed?: boolean }
interface Stored { fields: StoredField[]; stages: { won: string; lost: string } | null; regions?: string[]; location: { sheetId: number } | null }

function props(emu: Emulator): GoogleAppsScript.Properties.Properties {
  return (emu.globals.PropertiesService as GoogleAppsScript.Properties.PropertiesService).getDocumentProperties();
}

/** Every stored table definition, by its key. */
function tables(emu: Emulator): Stored[] {
  const p = props(emu);
  return p.getKeys().filter((k) => /^clientflow\.table\.\d+$/.test(k)).sort().map((k) => {
    const head = JSON.parse(p.getProperty(k) ?? '{}') as { parts: number };
    let json = '';
    for (let i = 0; i < head.parts; i++) json += p.getProperty(`${k}.${i}`) ?? '';
    return JSON.parse(json) as Stored;
  });
}

function adoptDemo(locale: Loc): { emu: Emulator; addon: Addon } {
  const { emu, addon } = startOn(DEMO, locale);
  emu.queueAnswers(['YES']);
  expect(addon.menu('menuAdopt')).toEqual({ ok: true, result: undefined });
  expect(addon.errors).toEqual([]);
  return { emu, addon };
}

const COUNT = /(\d+) (?:cells? (?:don't|doesn't|break)|个单元格不符合)/;

function count(text: string | undefined): number {
  const m = COUNT.exec(text ?? '');
  return m ? Number(m[1]) : 0;
}

function letter(i: number): string {
  return String.fromCharCode(65 + i);
}

/** Cells (A1) the highlight rule of ours covers in one column. */
function flagged(emu: Emulator, col: string): string[] {
  const [sheet] = emu.snapshot().sheets;
  const rule = sheet?.conditionalFormats.find((r) => String(r.condition.args[0]).includes('clientflow:invalid'));
  const out: string[] = [];
  for (const range of rule?.ranges ?? []) {
    const m = /^([A-Z]+)(\d+)(?::[A-Z]+(\d+))?$/.exec(range);
    if (!m || m[1] !== col) continue;
    for (let r = Number(m[2]); r <= Number(m[3] ?? m[2]); r++) out.push(`${col}${r}`);
  }
  return out;
}

describe.each(['en', 'zh-CN'] as Loc[])('the demo table adopted (%s)', (locale) => {
  let world: { emu: Emulator; addon: Addon };
  beforeAll(() => { world = adoptDemo(locale); });

  it('Stage has one option per stage, with its variants, and the outcomes known', () => {
    const [t] = tables(world.emu);
    const stage = t?.fields.find((f) => f.role === 'stage');
    const labels = stage?.options?.map((o) => o.label) ?? [];
    expect(labels.length).toBeLessThanOrEqual(8);
    const won = stage?.options?.find((o) => o.outcome === 'won');
    expect(won).toBeDefined();
    expect([won?.label, ...(won?.variants ?? [])]).toEqual(expect.arrayContaining(['Won', '成交']));
    expect(t?.stages?.won).toBe(won?.label);
    expect(labels.indexOf(t?.stages?.won ?? '')).toBeGreaterThan(labels.length - 3);
    // Sheets' dropdown lists the labels.
    const col = letter(DEMO[0]!.indexOf('阶段'));
    expect(world.emu.view('Sheet1', `${col}2`)[0]?.[0]?.validation).toMatchObject({ criteria: 'VALUE_IN_LIST', listValues: labels });
  });

  it('every variant of Won colors its row', () => {
    const [t] = tables(world.emu);
    const stage = t?.fields.find((f) => f.role === 'stage');
    const won = stage?.options?.find((o) => o.outcome === 'won');
    const spellings = new Set([won?.label, ...(won?.variants ?? [])].map((s) => String(s).trim().toLowerCase()));
    const sc = DEMO[0]!.indexOf('阶段');
    const nameCol = DEMO[0]!.indexOf('Title');
    let rows = 0;
    DEMO.forEach((r, i) => {
      if (i === 0 || !spellings.has(String(r[sc]).trim().toLowerCase())) return;
      rows++;
      expect(world.emu.view('Sheet1', `${letter(nameCol)}${i + 1}`)[0]?.[0]?.background).toBe(won?.color);
    });
    expect(rows).toBeGreaterThan(1);
  });

  it("a variant of Won is 'another spelling', not an error: Sheets' red corner warns, with a help text that says so", () => {
    const [t] = tables(world.emu);
    const stage = t?.fields.find((f) => f.role === 'stage');
    const won = stage?.options?.find((o) => o.outcome === 'won');
    const labels = new Set(stage?.options?.map((o) => o.label.toLowerCase()));
    const sc = DEMO[0]!.indexOf('阶段');
    const at = DEMO.findIndex((r, i) => i > 0 && (won?.variants ?? []).includes(String(r[sc])) && !labels.has(String(r[sc]).toLowerCase()));
    expect(at).toBeGreaterThan(0);
    const cell = world.emu.view('Sheet1', `${letter(sc)}${at + 1}`)[0]?.[0];
    // Sheets lists the labels only, so the variant fails its list rule (the red corner)...
    expect(cell?.validation?.valid).toBe(false);
    // ...which only warns while variants remain, and says what the corner means.
    expect(cell?.validation?.allowInvalid).toBe(true);
    expect(cell?.validation?.helpText).toContain(locale === 'en' ? 'Other spellings of an option' : '选项的其他写法');
    // The add-on's own check does not count it, and the report names the variants.
    expect(flagged(world.emu, letter(sc))).not.toContain(`${letter(sc)}${at + 1}`);
    expect(world.emu.alerts[1]?.prompt).toMatch(locale === 'en' ? /\d+ cells hold another spelling of an option/ : /\d+ 个单元格写的是选项的其他写法/);
  });

  it('the money column keeps its currency: nothing is relabelled', () => {
    const [t] = tables(world.emu);
    const money = t?.fields.find((f) => f.type === 'currency');
    expect(money?.currency).toBe('CNY');
    expect(money?.currencyMixed).toBe(true);
    const col = letter(DEMO[0]!.indexOf('金额'));
    // A mixed column's format names no currency: ¥ amounts are not shown as $ (nor $ as ¥).
    expect(world.emu.view('Sheet1', `${col}2`)[0]?.[0]?.numberFormat).not.toMatch(/[$¥€]/);
  });

  it("adopt's report and Check count the same cells", () => {
    const adopted = count(world.emu.alerts[1]?.prompt);
    world.emu.queueAnswers(['YES', 'YES']);
    world.addon.menu('menuValidateAll');
    const checked = count(world.emu.alerts.at(-1)?.prompt);
    expect(adopted).toBeGreaterThan(0);
    expect(checked).toBe(adopted);
  });
});

describe('the phone column reads the same in both interface languages', () => {
  it('flags the same cells', () => {
    const col = letter(DEMO[0]!.indexOf('手机'));
    const en = adoptDemo('en');
    const zh = adoptDemo('zh-CN');
    expect(flagged(en.emu, col)).toEqual(flagged(zh.emu, col));
    expect(new Set(tables(en.emu)[0]?.regions)).toEqual(new Set(tables(zh.emu)[0]?.regions));
    // A Chinese mobile written without +86 is valid whatever the language.
    const row = DEMO.findIndex((r) => r[4] === '13291823121') + 1;
    expect(flagged(en.emu, col)).not.toContain(`${col}${row}`);
  });
});

describe('adopt offers the automatic columns', () => {
  it('the user says yes: the ID column is kept as it is, the dates are added, and a new row gets them', () => {
    const { emu, addon } = startOn(DEMO, 'en');
    emu.queueAnswers(['YES', 'OK', 'YES']);
    expect(addon.menu('menuAdopt')).toEqual({ ok: true, result: undefined });
    expect(addon.errors).toEqual([]);
    expect(emu.alerts[2]?.prompt).toMatch(/Client ID, Created, Updated, Stage since|IDs already there are kept/);
    const [t] = tables(emu);
    const types = Object.fromEntries((t?.fields ?? []).filter((f) => f.role && ['clientId', 'created', 'updated', 'stageSince'].includes(f.role)).map((f) => [f.role, f.type]));
    expect(types).toEqual({ clientId: 'autoId', created: 'created', updated: 'updated', stageSince: 'stageSince' });
    // The existing IDs, mixed formats and all, are untouched.
    expect(emu.view('Sheet1', 'A2:A7').map((r) => String(r[0]?.value))).toEqual(DEMO.slice(1, 7).map((r) => String(Number(r[0]) || r[0])));
    const width = DEMO[0]!.length;
    const header = emu.view('Sheet1', `${letter(width)}1:${letter(width + 2)}1`)[0]?.map((c) => c.value);
    expect(header).toEqual(['Created', 'Updated', 'Stage since']);
    const next = DEMO.length + 1;
    addon.edit(`B${next}`, 'New Client');
    expect(addon.errors).toEqual([]);
    expect(String(emu.view('Sheet1', `A${next}`)[0]?.[0]?.value)).not.toBe('');
    expect(emu.view('Sheet1', `${letter(width)}${next}`)[0]?.[0]?.value).not.toBe('');
    // The reports say what a valid Client ID looks like: the formats kept, and the next ID, which the new row got.
    expect(emu.alerts[1]?.prompt).toMatch(/Client ID: whatever text a cell holds is a valid ID, and the IDs already here are kept exactly as written \(\d+ formats, such as “1”, “C00005”/);
    const said = /the next is (\S+)\.$/.exec(emu.toasts.at(-1)?.message ?? '');
    expect(said?.[1]).toBe(String(emu.view('Sheet1', `A${next}`)[0]?.[0]?.value));
  });

  it('the user says no: nothing is added', () => {
    const { emu, addon } = startOn(DEMO, 'en');
    emu.queueAnswers(['YES', 'OK', 'NO']);
    addon.menu('menuAdopt');
    expect(tables(emu)[0]?.fields.some((f) => f.type === 'created')).toBe(false);
    expect(emu.view('Sheet1', `${letter(DEMO[0]!.length)}1`)[0]?.[0]?.value).toBe('');
  });
});

describe('the sidebar opens where it helps', () => {
  const data = <T>(addon: Addon, fn: string): T => {
    const r = addon.call(fn);
    if (!r.ok) throw new Error(r.error);
    return (r.result as { data: T }).data;
  };
  const panel = (addon: Addon) => data<{ panel?: string }>(addon, 'getBootstrap').panel;
  it('Adopt on a sheet of clients, Set up (showing the table itself) once adopted, Set up on an empty sheet', () => {
    const { emu, addon } = startOn(DEMO, 'en');
    expect(panel(addon)).toBe('adopt');
    emu.queueAnswers(['YES']);
    addon.menu('menuAdopt');
    expect(panel(addon)).toBe('setup');
    // Set up shows the adopted table, not a template.
    const state = data<{ schema: { template: string | null; fields: unknown[] } | null }>(addon, 'getSetupState');
    expect(state.schema).not.toBeNull();
    expect(state.schema?.template).toBeNull();
    const app = emu.globals.SpreadsheetApp as GoogleAppsScript.Spreadsheet.SpreadsheetApp;
    app.getActiveSpreadsheet().insertSheet('Empty').activate();
    expect(panel(addon)).toBe('setup');
    expect(data<{ schema: unknown }>(addon, 'getSetupState').schema).toBeNull();
  });
});

describe('several tables in one spreadsheet', () => {
  it('a second set-up keeps the first table: both get their automatic fields', () => {
    const { emu, addon } = startOn([], 'en');
    emu.queueAnswers(['1']);
    expect(addon.menu('menuSetUp')).toEqual({ ok: true, result: undefined });
    emu.queueAnswers(['3', 'YES']);
    expect(addon.menu('menuSetUp')).toEqual({ ok: true, result: undefined });
    expect(addon.errors).toEqual([]);
    const stored = tables(emu);
    expect(stored).toHaveLength(2);
    const names = emu.snapshot().sheets.map((s) => s.name);
    expect(names.length).toBeGreaterThanOrEqual(2);
    // A new client on each table: each gets its ID.
    addon.edit('B2', 'Acme', names[0]);
    addon.edit('B2', 'Globex', names[1]);
    expect(addon.errors).toEqual([]);
    expect(emu.view(names[0]!, 'A2')[0]?.[0]?.value).toMatch(/\d/);
    expect(emu.view(names[1]!, 'A2')[0]?.[0]?.value).toMatch(/\d/);
  });

  it('Check on a sheet that is not a table says so, and does not report another sheet', () => {
    const { emu, addon } = startOn([], 'en');
    emu.queueAnswers(['1']);
    addon.menu('menuSetUp');
    const app = emu.globals.SpreadsheetApp as GoogleAppsScript.Spreadsheet.SpreadsheetApp;
    app.getActiveSpreadsheet().insertSheet('Other').activate();
    emu.queueAnswers(['YES']);
    addon.menu('menuValidateAll');
    const said = [...emu.alerts.map((a) => a.prompt), ...emu.toasts.map((x) => x.message)].join('\n');
    expect(said).toMatch(/"Other" is not a client table[\s\S]*on: Sheet1/);
    // The table on Sheet1 was not checked from Other: no highlight rule appeared there.
    expect(emu.snapshot().sheets[0]?.conditionalFormats.some((r) => String(r.condition.args[0]).includes('clientflow:invalid'))).toBe(false);
  });
});
