/**
 * Checks as people type or paste, and the stage history (the built bundle on the emulator): a broken
 * cell gets our note (in the user's language) and our highlight, a mended one loses both, the user's
 * own notes and colors never change; required fields per row; every stage change appends to a hidden
 * history sheet, a pasted block in one write, a variant no change.
 * Run `node build.mjs` first (npm test does).
 */
import { createEmulator } from '../../dev/emulator';
import { loadAddon, type Addon } from '../../dev/harness';
import type { Emulator } from '../../dev/emulator/types';
import { decodeTable, encodeConfig, tableKey } from '../../src/core/config';
import { historySheetName } from '../../src/core/funnel/workbook';

type SS = GoogleAppsScript.Spreadsheet.SpreadsheetApp;
const MARK = 'ClientFlow ⚠';
const OURS = '#f8d0cc';

function setUp(userLocale: 'en' | 'zh-CN' = 'en'): { emu: Emulator; addon: Addon; sheet: () => GoogleAppsScript.Spreadsheet.Sheet; app: SS } {
  const emu = createEmulator({ userLocale });
  const addon = loadAddon(emu);
  emu.queueAnswers(['1']);
  expect(addon.menu('menuSetUp')).toEqual({ ok: true, result: undefined });
  const app = emu.globals.SpreadsheetApp as SS;
  return { emu, addon, app, sheet: () => app.getActiveSpreadsheet().getSheets()[0] as GoogleAppsScript.Spreadsheet.Sheet };
}
const note = (emu: Emulator, a1: string) => emu.view('Sheet1', a1)[0]?.[0]?.note ?? '';
/** The history sheet of the table on the first sheet. */
const historyName = (app: SS) => historySheetName((app.getActiveSpreadsheet().getSheets()[0] as GoogleAppsScript.Spreadsheet.Sheet).getSheetId());
const history = (app: SS) => {
  const h = app.getActiveSpreadsheet().getSheetByName(historyName(app));
  if (!h) return [];
  return h.getRange(2, 1, Math.max(h.getLastRow() - 1, 1), 5).getValues().filter((r) => r[0] !== '' || r[2] !== '').map((r) => [r[0], r[1], r[2], r[4]]);
};

describe('checks as people type', () => {
  test('a typed bad email gets our note and highlight; mending it removes both', () => {
    const { emu, addon, sheet } = setUp();
    addon.edit('C2', 'Ann Lee');
    addon.edit('E2', 'ann at example');
    expect(note(emu, 'E2')).toBe(`${MARK} Not a valid email address`);
    expect(sheet().getRange('E2').getBackground()).toBe(OURS);
    addon.edit('E2', 'ann@example.com');
    expect(note(emu, 'E2')).toBe('');
    expect(sheet().getRange('E2').getBackground()).toBe('#ffffff');
    expect(addon.errors).toEqual([]);
  });

  test('the note is in the table\'s language: a Chinese table set up by a Chinese-speaking user', () => {
    const { emu, addon } = setUp('zh-CN');
    addon.edit('C2', '李安');
    addon.edit('E2', 'ann at example');
    expect(note(emu, 'E2').startsWith(MARK)).toBe(true);
    expect(note(emu, 'E2')).toMatch(/[\u4e00-\u9fff]/);
  });

  // Notes stay in the sheet for everyone who shares it, like its headers and options: an English table
  // gets English notes whoever types, and "Check all rows" writes the same ones (no churn between two
  // people's languages).
  test('an English table edited by a Chinese-speaking user gets English notes, from onEdit and from Check alike', () => {
    const emu = createEmulator({ userLocale: 'zh-CN' });
    const addon = loadAddon(emu);
    const envelope = (fn: string, args: unknown[]) => (addon.call(fn, args) as { result?: { ok: boolean; data?: unknown } }).result;
    const draft = envelope('previewTemplate', ['b2b', 'en']);
    expect(envelope('applySetup', [draft?.data, { target: 'auto' }])).toMatchObject({ ok: true });
    addon.edit('C2', 'Ann Lee');
    addon.edit('E2', 'ann at example');
    expect(note(emu, 'E2')).toBe(`${MARK} Not a valid email address`);
    addon.edit('E3', 'bo at example');
    expect(envelope('validateTable', [])).toMatchObject({ ok: true });
    expect(note(emu, 'E2')).toBe(`${MARK} Not a valid email address`);
    expect(note(emu, 'E3')).toBe(`${MARK} Not a valid email address`);
    expect(addon.errors).toEqual([]);
  });

  test('the user\'s own note and color are never changed', () => {
    const { emu, addon, sheet } = setUp();
    addon.edit('C2', 'Ann Lee');
    sheet().getRange('E2').setNote('ask her for the work address');
    sheet().getRange('F2').setBackground('#00ff00');
    addon.edit('E2', 'not an email');
    addon.edit('F2', 'call me');
    expect(note(emu, 'E2')).toBe('ask her for the work address');
    expect(sheet().getRange('E2').getBackground()).toBe(OURS);
    expect(note(emu, 'F2').startsWith(MARK)).toBe(true);
    expect(sheet().getRange('F2').getBackground()).toBe('#00ff00');
    addon.edit('E2', 'ann@example.com');
    addon.edit('F2', '+1 201 555 0123');
    expect(note(emu, 'E2')).toBe('ask her for the work address');
    expect(sheet().getRange('E2').getBackground()).toBe('#ffffff');
    expect(note(emu, 'F2')).toBe('');
    expect(sheet().getRange('F2').getBackground()).toBe('#00ff00');
  });

  test('a pasted block is flagged cell by cell, required fields per row, and a Delete of the row removes our flags', () => {
    const { emu, addon, sheet } = setUp();
    addon.paste('C2', [['Ann', '', 'ann@example.com'], ['Bo', '', 'bo@@x'], ['Cy', '', 'nope']]);
    expect([note(emu, 'E2'), note(emu, 'E3').slice(0, MARK.length), note(emu, 'E4').slice(0, MARK.length)]).toEqual(['', MARK, MARK]);
    const required = sheet().getRange(2, 1, 1, 19).getNotes()[0]?.map((n, i) => (n.startsWith(MARK) ? i : -1)).filter((i) => i >= 0) ?? [];
    expect(required.length).toBeGreaterThan(0);
    expect(addon.act({ kind: 'delete', a1: 'A4:S4' }).ok).toBe(true);
    expect(sheet().getRange(4, 1, 1, 19).getNotes()[0]?.filter((n) => n.startsWith(MARK))).toEqual([]);
    expect(sheet().getRange(4, 1, 1, 19).getBackgrounds()[0]?.filter((b) => b === OURS)).toEqual([]);
  });
});

describe('a very large paste', () => {
  test('is numbered within the trigger\'s time; its checks are left to "Check all rows" with a message', () => {
    const { emu, addon, sheet } = setUp();
    const n = 20_000;
    sheet().insertRowsAfter(1000, n);
    const toasts = emu.toasts.length;
    const out = addon.paste('C2', Array.from({ length: n }, (_, i) => [`N${i}`, '', i % 2 ? `a${i}@x.com` : 'bad', '', '', '', 'Lead']));
    expect(out.ok).toBe(true);
    expect(addon.errors).toEqual([]);
    const said = emu.toasts.slice(toasts).map((x) => x.message);
    expect(said.some((m) => m.includes('could not'))).toBe(false);
    expect(said.some((m) => m.includes('Check all rows'))).toBe(true);
    expect(emu.view('Sheet1', `A${n + 1}`)[0]?.[0]?.value).toBe(`C-${String(n).padStart(6, '0')}`);
  });

  test('too large to number within the trigger\'s time: left to "Check all rows" with a message, nothing half done', () => {
    const { emu, addon, sheet } = setUp();
    const n = 40_000;
    sheet().insertRowsAfter(1000, n);
    const toasts = emu.toasts.length;
    expect(addon.paste('C2', Array.from({ length: n }, (_, i) => [`N${i}`]), 'Sheet1').ok).toBe(true);
    expect(emu.toasts.slice(toasts).map((x) => x.message).some((m) => m.includes('too large'))).toBe(true);
    expect(emu.view('Sheet1', 'A2')[0]?.[0]?.value).toBe('');
  });
});

describe('normalize on entry', () => {
  test('off by default; on for a field that asks for it: a typed or pasted email is lowercased and trimmed', () => {
    const { emu, addon } = setUp();
    addon.edit('C2', 'Ann');
    addon.edit('E2', ' Ann@Example.COM ');
    expect(emu.view('Sheet1', 'E2')[0]?.[0]?.value).toBe(' Ann@Example.COM ');
    const store = (emu.globals.PropertiesService as GoogleAppsScript.Properties.PropertiesService).getDocumentProperties();
    const r = decodeTable(store.getProperties(), sheetId1(emu));
    if (!r.ok) throw new Error('no config');
    const email = r.schema.fields.find((f) => f.type === 'email');
    if (!email) throw new Error('no email field');
    email.normalizeOnEntry = true;
    const enc = encodeConfig(r.schema, tableKey(sheetId1(emu)));
    if (!enc.ok) throw new Error('cannot encode');
    store.setProperties(enc.props);
    addon.edit('E2', ' Ann@Example.COM ');
    expect(emu.view('Sheet1', 'E2')[0]?.[0]?.value).toBe('ann@example.com');
    addon.paste('C3', [['Bo', '', 'BO@X.COM'], ['Cy', '', 'not an email']]);
    expect(emu.view('Sheet1', 'E3:E4').map((r) => r[0]?.value)).toEqual(['bo@x.com', 'not an email']);
    expect(note(emu, 'E4').startsWith(MARK)).toBe(true);
    expect(note(emu, 'E2')).toBe('');
  });
});

describe('stage history', () => {
  test('typed, pasted and filled stage changes append to a hidden history sheet; a variant is no change', () => {
    const { addon, app } = setUp();
    addon.paste('C2', [['Ann'], ['Bo']]);
    addon.edit('K2', 'Mia'); // Owner (column K) if the template has it there; read back as written
    addon.edit('I2', 'Lead');
    addon.edit('I2', 'Qualified');
    addon.edit('I2', 'qualified');
    addon.paste('I2', [['Won'], ['Lead']]);
    const h = history(app);
    expect(h.map((r) => [r[0], r[1], r[2]])).toEqual([
      ['C-000001', '', 'Lead'],
      ['C-000001', 'Lead', 'Qualified'],
      ['C-000001', 'Qualified', 'Won'],
      ['C-000002', '', 'Lead'],
    ]);
    const sheet = app.getActiveSpreadsheet().getSheetByName(historyName(app));
    expect(sheet?.isSheetHidden()).toBe(true);
    expect(app.getActiveSpreadsheet().getActiveSheet().getName()).toBe('Sheet1');
  });

  test('a pasted block of stage changes is one write; undo after our stamps records the way back once', () => {
    const { emu, addon, app } = setUp();
    addon.paste('C2', Array.from({ length: 50 }, (_, i) => [`N${i}`]));
    addon.paste('I2', Array.from({ length: 50 }, () => ['Lead']));
    emu.resetStats();
    addon.paste('I2', Array.from({ length: 50 }, () => ['Proposal']));
    expect(emu.stats().byMethod['Range.setValues'] ?? 0).toBeLessThanOrEqual(3);
    expect(history(app).length).toBe(100);
    addon.act({ kind: 'undo' });
    const h = history(app);
    expect(h.length).toBe(150);
    expect(h.slice(100).every((r) => r[1] === 'Proposal' && r[2] === 'Lead')).toBe(true);
  });

  test('a history longer than the history sheet grows it, and the rows stay text', () => {
    const { emu, addon, app } = setUp();
    const toasts = emu.toasts.length;
    addon.paste('C2', Array.from({ length: 600 }, (_, i) => [`N${i}`, '', '', '', '', '', 'Lead']));
    addon.paste('I2', Array.from({ length: 600 }, () => ['Won']));
    expect(emu.toasts.length).toBe(toasts);
    const h = history(app);
    expect(h.length).toBe(1200);
    expect(h[1199]?.slice(1, 3)).toEqual(['Lead', 'Won']);
    const sheet = app.getActiveSpreadsheet().getSheetByName(historyName(app));
    expect(sheet?.getRange(1200, 1).getNumberFormat()).toBe('@');
    // The sheet was made with room to spare: the second block needed no growing. A third one does:
    // the sheet grows ahead (as many rows again), and every row below the history keeps the formats.
    const max = sheet?.getMaxRows() ?? 0;
    expect(max).toBeGreaterThanOrEqual(1201);
    // Five columns only: spare rows of 26 default columns would eat the spreadsheet's 10-million-cell limit.
    expect(sheet?.getMaxColumns()).toBe(5);
    addon.paste('I2', Array.from({ length: 600 }, () => ['Lost']));
    const h3 = history(app);
    expect(h3.length).toBe(1800);
    expect(h3[1799]?.slice(1, 3)).toEqual(['Won', 'Lost']);
    expect(Object.prototype.toString.call(sheet?.getRange(1801, 4).getValue())).toBe('[object Date]');
    const grown = sheet?.getMaxRows() ?? 0;
    expect(grown).toBeGreaterThanOrEqual(2 * 1801);
    for (const r of [1801, 1802, grown - 1000, grown]) {
      expect(sheet?.getRange(r, 1, 1, 5).getNumberFormats()[0]).toEqual(['@', '@', '@', 'yyyy-mm-dd hh:mm', '@']);
    }
    expect(emu.toasts.length).toBe(toasts);
  });

  test('a client ID edited by hand: later history rows carry the new ID, earlier ones keep theirs, new IDs pass it', () => {
    const { emu, addon, app } = setUp();
    addon.edit('C2', 'Ann');
    addon.edit('I2', 'Lead');
    addon.edit('A2', 'C-000500');
    addon.edit('I2', 'Contacted');
    expect(history(app).map((r) => [r[0], r[2]])).toEqual([['C-000001', 'Lead'], ['C-000500', 'Contacted']]);
    addon.edit('C3', 'Bo');
    expect(emu.view('Sheet1', 'A3')[0]?.[0]?.value).toBe('C-000501');
  });

  test('a history sheet the user unhid and edited keeps their rows; ours go below', () => {
    const { addon, app } = setUp();
    addon.edit('C2', 'Ann');
    addon.edit('I2', 'Lead');
    const h = app.getActiveSpreadsheet().getSheetByName(historyName(app));
    h?.showSheet();
    h?.getRange('A3:C3').setValues([['my own row', 'x', 'y']]);
    addon.edit('I2', 'Won');
    expect(history(app).map((r) => r[0])).toEqual(['C-000001', 'my own row', 'C-000001']);
  });
});

/** The id of Sheet1, whose table the tests change (each table is stored under its sheet's key). */
function sheetId1(emu: Emulator): number {
  const sh = (emu.globals.SpreadsheetApp as GoogleAppsScript.Spreadsheet.SpreadsheetApp).getActiveSpreadsheet().getSheetByName('Sheet1');
  if (!sh) throw new Error('no Sheet1');
  return sh.getSheetId();
}
