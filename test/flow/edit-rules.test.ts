/**
 * Stage rules (table settings, off by default), through the built bundle on the emulator: no skipping
 * stages, no moving backward, a field required from a stage on. A breaking edit is flagged on its cell
 * and explained; the value the person entered stays.
 * Run `node build.mjs` first (npm test does).
 */
import { createEmulator } from '../../dev/emulator';
import { loadAddon, type Addon } from '../../dev/harness';
import type { Emulator } from '../../dev/emulator/types';
import { decodeTable, encodeConfig, tableKey } from '../../src/core/config';
import type { TableSchema } from '../../src/core/schema';
import { columnLetter } from '../../src/core/table/a1';

const MARK = 'ClientFlow ⚠';

function setUp(rules?: (s: TableSchema) => void): { emu: Emulator; addon: Addon; col: (role: string) => string } {
  const emu = createEmulator({ userLocale: 'en' });
  const addon = loadAddon(emu);
  emu.queueAnswers(['1']);
  expect(addon.menu('menuSetUp')).toEqual({ ok: true, result: undefined });
  const store = (emu.globals.PropertiesService as GoogleAppsScript.Properties.PropertiesService).getDocumentProperties();
  const r = decodeTable(store.getProperties(), sheetId1(emu));
  if (!r.ok) throw new Error('no config');
  if (rules) {
    rules(r.schema);
    const enc = encodeConfig(r.schema, tableKey(sheetId1(emu)));
    if (!enc.ok) throw new Error(`cannot encode: ${enc.detail ?? ''}`);
    store.setProperties(enc.props);
  }
  const header = emu.view('Sheet1', 'A1:Z1')[0]?.map((c) => String(c.value)) ?? [];
  const col = (role: string) => {
    const f = r.schema.fields.find((x) => x.role === role);
    const i = header.indexOf(f?.header ?? '?');
    if (i < 0) throw new Error(`no column for ${role}`);
    return columnLetter(i + 1);
  };
  return { emu, addon, col };
}
const note = (emu: Emulator, a1: string) => emu.view('Sheet1', a1)[0]?.[0]?.note ?? '';

describe('stage rules', () => {
  test('off by default: skipping and moving back are not flagged', () => {
    const { emu, addon, col } = setUp();
    addon.edit('C2', 'Ann');
    addon.edit(`${col('stage')}2`, 'Lead');
    addon.edit(`${col('stage')}2`, 'Proposal');
    addon.edit(`${col('stage')}2`, 'Contacted');
    expect(note(emu, `${col('stage')}2`)).toBe('');
  });

  test('no skipping: a jump is flagged and explained, the value stays; the next proper step clears it', () => {
    const { emu, addon, col } = setUp((s) => { s.rules.stageRules = { noSkipping: true, noBackward: false, requiredFrom: {} }; });
    const st = `${col('stage')}2`;
    addon.edit('C2', 'Ann');
    addon.edit(st, 'Lead');
    addon.edit(st, 'Proposal');
    expect(emu.view('Sheet1', st)[0]?.[0]?.value).toBe('Proposal');
    expect(note(emu, st)).toBe(`${MARK} Stages skipped: Lead → Proposal leaves out Contacted, Qualified.`);
    addon.edit(st, 'Negotiation');
    expect(note(emu, st)).toBe('');
    addon.edit(st, 'Lost'); // the exit is always allowed
    expect(note(emu, st)).toBe('');
  });

  test('no moving backward, also for a pasted block (the stage before is known from our Stage since note)', () => {
    const { emu, addon, col } = setUp((s) => { s.rules.stageRules = { noSkipping: false, noBackward: true, requiredFrom: {} }; });
    const c = col('stage');
    addon.paste('C2', [['Ann'], ['Bo']]);
    addon.paste(`${c}2`, [['Qualified'], ['Lead']]);
    addon.paste(`${c}2`, [['Contacted'], ['Qualified']]);
    expect(note(emu, `${c}2`)).toBe(`${MARK} Stage moved back: Qualified → Contacted.`);
    expect(note(emu, `${c}3`)).toBe('');
  });

  test('a field required from a stage on is flagged when the row reaches it, and cleared when filled', () => {
    const { emu, addon, col } = setUp((s) => {
      const deal = s.fields.find((f) => f.role === 'dealValue');
      if (!deal) throw new Error('no deal value');
      s.rules.stageRules = { noSkipping: false, noBackward: false, requiredFrom: { [deal.key]: 'Proposal' } };
    });
    const deal = `${col('dealValue')}2`;
    addon.edit('C2', 'Ann');
    addon.edit(`${col('stage')}2`, 'Qualified');
    expect(note(emu, deal)).toBe('');
    addon.edit(`${col('stage')}2`, 'Proposal');
    expect(note(emu, deal)).toBe(`${MARK} Required from the stage Proposal on.`);
    addon.edit(deal, '1200');
    expect(note(emu, deal)).toBe('');
  });
});

describe('Check all rows and the stage rules', () => {
  test('Check recomputes the stage-rule flags (skipped and backward steps from the history, required-from from the row) instead of removing them', () => {
    const { emu, addon, col } = setUp((s) => {
      const deal = s.fields.find((f) => f.role === 'dealValue');
      if (!deal) throw new Error('no deal value');
      s.rules.stageRules = { noSkipping: true, noBackward: true, requiredFrom: { [deal.key]: 'Proposal' } };
    });
    const st = col('stage');
    addon.paste('C2', [['Ann'], ['Bo'], ['Cy']]);
    addon.edit(`${st}2`, 'Lead');
    addon.edit(`${st}2`, 'Proposal'); // skips Contacted, Qualified; Deal value now required
    addon.edit(`${st}3`, 'Qualified');
    addon.edit(`${st}3`, 'Lead'); // backward
    addon.edit(`${st}4`, 'Lead');
    addon.edit(`${st}4`, 'Contacted'); // a proper step
    const skip = `${MARK} Stages skipped: Lead → Proposal leaves out Contacted, Qualified.`;
    const back = `${MARK} Stage moved back: Qualified → Lead.`;
    const required = `${MARK} Required from the stage Proposal on.`;
    expect(note(emu, `${st}2`)).toBe(skip);
    expect(note(emu, `${st}3`)).toBe(back);
    expect(note(emu, `${col('dealValue')}2`)).toBe(required);
    // Check all rows (confirming its report) keeps every one of them, and flags nothing on the proper step
    emu.queueAnswers(['OK']);
    expect(addon.menu('menuValidateAll').ok).toBe(true);
    expect(note(emu, `${st}2`)).toBe(skip);
    expect(note(emu, `${st}3`)).toBe(back);
    expect(note(emu, `${col('dealValue')}2`)).toBe(required);
    expect(note(emu, `${st}4`)).toBe('');
    const sheet = (emu.globals.SpreadsheetApp as GoogleAppsScript.Spreadsheet.SpreadsheetApp).getActiveSpreadsheet().getSheetByName('Sheet1');
    expect(sheet?.getRange(`${st}2`).getBackground()).toBe('#f8d0cc');
    // a flag whose cause is gone stays gone at the next Check: the row moved on by a proper step
    addon.edit(`${st}3`, 'Contacted');
    expect(note(emu, `${st}3`)).toBe('');
    emu.queueAnswers(['OK']);
    addon.menu('menuValidateAll');
    expect(note(emu, `${st}3`)).toBe('');
    expect(addon.errors).toEqual([]);
  });
});

/** The id of Sheet1, whose table the tests change (each table is stored under its sheet's key). */
function sheetId1(emu: Emulator): number {
  const sh = (emu.globals.SpreadsheetApp as GoogleAppsScript.Spreadsheet.SpreadsheetApp).getActiveSpreadsheet().getSheetByName('Sheet1');
  if (!sh) throw new Error('no Sheet1');
  return sh.getSheetId();
}
