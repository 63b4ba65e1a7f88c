/**
 * Client IDs stay unique when onEdit is cut short or runs beside another onEdit (the built bundle on the
 * emulator): the counter is reserved under the document lock before any ID is written, so the time
 * limit striking at any service call can skip numbers but never repeat one, and two pastes of new rows
 * interleaved at any switch point number all their rows, each once.
 * Run `node build.mjs` first (npm test does).
 */
import { createEmulator } from '../../dev/emulator';
import { interleave, loadAddon, type Addon } from '../../dev/harness';
import type { Emulator } from '../../dev/emulator/types';

function setUp(): { emu: Emulator; addon: Addon } {
  const emu = createEmulator({ userLocale: 'en' });
  const addon = loadAddon(emu);
  emu.queueAnswers(['1']);
  expect(addon.menu('menuSetUp')).toEqual({ ok: true, result: undefined });
  return { emu, addon };
}
const ids = (emu: Emulator, a1: string) => emu.view('Sheet1', a1).map((r) => String(r[0]?.value ?? ''));

/** Service calls of one onEdit for a paste of two new rows, unfaulted. */
function callsOfPaste(): number {
  const { emu, addon } = setUp();
  addon.act({ kind: 'paste', a1: 'C2', values: [['Ann'], ['Bo']] });
  const before = emu.stats().total;
  addon.act({ kind: 'paste', a1: 'C4', values: [['Cy'], ['Di']] });
  return emu.stats().total - before;
}

describe('client IDs', () => {
  const calls = callsOfPaste();

  test('two pastes of new rows get distinct client IDs at every switch point', () => {
    expect(calls).toBeGreaterThan(5);
    const bad: Array<[number, string[]]> = [];
    for (let n = 0; n <= calls + 1; n++) {
      const { emu, addon } = setUp();
      interleave(emu, n, () => void addon.act({ kind: 'paste', a1: 'C2', values: [['Ann'], ['Bo']] }), () => void addon.act({ kind: 'paste', a1: 'C4', values: [['Cy'], ['Di']] }));
      const got = ids(emu, 'A2:A5');
      if (new Set(got).size !== 4 || got.some((x) => !/^C-\d+$/.test(x))) bad.push([n, got]);
      expect(addon.errors).toEqual([]);
    }
    expect(bad).toEqual([]);
  });

  test('the time limit striking at any call of onEdit never leads to a repeated ID', () => {
    const bad: Array<[number, string[]]> = [];
    for (let n = 1; n <= calls + 1; n++) {
      const { emu, addon } = setUp();
      addon.act({ kind: 'paste', a1: 'C2', values: [['Ann'], ['Bo']] });
      emu.failAfterCalls(n);
      addon.act({ kind: 'paste', a1: 'C4', values: [['Cy'], ['Di']] });
      // the next edits: new rows below, and a re-edit of the interrupted rows fills what they lack
      addon.act({ kind: 'paste', a1: 'C6', values: [['Ed'], ['Flo']] });
      addon.act({ kind: 'paste', a1: 'D4', values: [['x'], ['y']] });
      const got = ids(emu, 'A2:A7');
      if (new Set(got).size !== 6 || got.some((x) => !/^C-\d+$/.test(x))) bad.push([n, got]);
    }
    expect(bad).toEqual([]);
  });

  test('a deferred-rows record that cannot be read is dropped, one of another table kept', () => {
    const { emu, addon } = setUp();
    const store = (emu.globals.PropertiesService as GoogleAppsScript.Properties.PropertiesService).getDocumentProperties();
    store.setProperty('clientflow.idsPending.broken', '{not json');
    store.setProperty('clientflow.idsPending.other', JSON.stringify({ sheetId: 987654, rows: [[2, 3]] }));
    addon.act({ kind: 'paste', a1: 'C2', values: [['Ann']] });
    const keys = Object.keys(store.getProperties()).filter((k) => k.startsWith('clientflow.idsPending.'));
    expect(keys).toEqual(['clientflow.idsPending.other']);
    expect(ids(emu, 'A2')).toEqual(['C-000001']);
  });

  test('a document lock held elsewhere defers the numbering, and the next reservation fills it', () => {
    const { emu, addon } = setUp();
    (emu as unknown as { contendLock(kind: string, on: boolean): void }).contendLock('document', true);
    addon.act({ kind: 'paste', a1: 'C2', values: [['Ann'], ['Bo']] });
    expect(ids(emu, 'A2:A3')).toEqual(['', '']);
    (emu as unknown as { contendLock(kind: string, on: boolean): void }).contendLock('document', false);
    addon.act({ kind: 'paste', a1: 'C4', values: [['Cy']] });
    const got = ids(emu, 'A2:A4');
    expect(new Set(got).size).toBe(3);
    for (const x of got) expect(x).toMatch(/^C-\d+$/);
  });
});

describe('stage history beside another edit', () => {
  const history = (emu: Emulator): string[] => {
    const ss = (emu.globals.SpreadsheetApp as GoogleAppsScript.Spreadsheet.SpreadsheetApp).getActiveSpreadsheet();
    const sheet = ss.getSheets().find((s) => s.getName().startsWith('_ClientFlow') || s.isSheetHidden());
    if (!sheet) return [];
    const last = sheet.getLastRow();
    return last < 2 ? [] : sheet.getRange(2, 1, last - 1, 3).getValues().map((r) => `${String(r[0])}:${String(r[1])}>${String(r[2])}`);
  };
  /** Two clients, the stage history already made by a first change (so both executions append). */
  function twoClients(): { emu: Emulator; addon: Addon } {
    const s = setUp();
    s.addon.act({ kind: 'paste', a1: 'C2', values: [['Ann'], ['Bo']] });
    s.addon.edit('I2', 'Contacted');
    return s;
  }
  function callsOfStageEdit(): number {
    const { emu, addon } = twoClients();
    const before = emu.stats().total;
    addon.edit('I3', 'Contacted');
    return emu.stats().total - before;
  }

  test('two people changing stages at the same moment: both changes are in the history, at every switch point', () => {
    const calls = callsOfStageEdit();
    expect(calls).toBeGreaterThan(5);
    const bad: Array<[number, string[]]> = [];
    for (let n = 0; n <= calls + 1; n++) {
      const { emu, addon } = twoClients();
      interleave(emu, n, () => void addon.edit('I2', 'Proposal'), () => void addon.edit('I3', 'Contacted'));
      const got = history(emu);
      const want = ['C-000001:>Contacted', 'C-000001:Contacted>Proposal', 'C-000002:>Contacted'];
      if (got.length !== 3 || want.some((w) => !got.includes(w))) bad.push([n, got]);
      expect(addon.errors).toEqual([]);
    }
    expect(bad).toEqual([]);
  });

  test('two pastes of new clients with stages at the same moment: every change in the history, each with its row\'s ID', () => {
    const bad: Array<[number, string[], string[]]> = [];
    for (let n = 0; n <= 34; n += 1) {
      const { emu, addon } = setUp();
      interleave(emu, n, () => void addon.act({ kind: 'paste', sheet: 'Sheet1', a1: 'C2', values: [['Ann', 'x', 'a@example.com', '', '', '', 'Lead'], ['Bo', 'x', 'b@example.com', '', '', '', 'Contacted']] }), () => void addon.act({ kind: 'paste', sheet: 'Sheet1', a1: 'C4', values: [['Cy', 'x', 'c@example.com', '', '', '', 'Won'], ['Di', 'x', 'd@example.com', '', '', '', 'Lost']] }));
      const rowIds = ids(emu, 'A2:A5');
      const got = history(emu);
      const want = rowIds.map((id, i) => `${id}:>${['Lead', 'Contacted', 'Won', 'Lost'][i] ?? ''}`);
      if (new Set(rowIds).size !== 4 || got.length !== 4 || want.some((w) => !got.includes(w))) bad.push([n, rowIds, got]);
      expect(addon.errors).toEqual([]);
    }
    expect(bad).toEqual([]);
  });

  test('a document lock held elsewhere defers a stage change and its ID; the next edit that holds the lock writes both', () => {
    const { emu, addon } = setUp();
    const contend = (on: boolean) => (emu as unknown as { contendLock(kind: string, on: boolean): void }).contendLock('document', on);
    addon.act({ kind: 'paste', sheet: 'Sheet1', a1: 'C2', values: [['Ann', '', '', '', '', '', 'Lead']] });
    contend(true);
    addon.act({ kind: 'paste', sheet: 'Sheet1', a1: 'C3', values: [['Bo', '', '', '', '', '', 'Qualified']] });
    addon.edit('I2', 'Contacted');
    expect(ids(emu, 'A3')).toEqual(['']);
    expect(history(emu)).toEqual(['C-000001:>Lead']);
    contend(false);
    addon.edit('I2', 'Proposal');
    const bo = ids(emu, 'A3')[0] ?? '';
    expect(bo).toMatch(/^C-\d+$/);
    // Every change once (the funnel orders a client's changes by their time, not by their row).
    expect(history(emu).sort()).toEqual(['C-000001:>Lead', 'C-000001:Contacted>Proposal', 'C-000001:Lead>Contacted', `${bo}:>Qualified`].sort());
    // The records are gone once written.
    const store = (emu.globals.PropertiesService as GoogleAppsScript.Properties.PropertiesService).getDocumentProperties();
    expect(Object.keys(store.getProperties()).filter((k) => /Pending/.test(k))).toEqual([]);
    expect(addon.errors).toEqual([]);
  });

  test.each(['menuBuildFunnel', 'menuValidateAll'])('what edits deferred is written before %s reads the history and the IDs', (fn) => {
    const { emu, addon } = setUp();
    const contend = (on: boolean) => (emu as unknown as { contendLock(kind: string, on: boolean): void }).contendLock('document', on);
    addon.act({ kind: 'paste', sheet: 'Sheet1', a1: 'C2', values: [['Ann', '', '', '', '', '', 'Lead']] });
    contend(true);
    addon.act({ kind: 'paste', sheet: 'Sheet1', a1: 'C3', values: [['Bo', '', '', '', '', '', 'Qualified']] });
    addon.edit('I2', 'Contacted');
    expect(history(emu)).toEqual(['C-000001:>Lead']);
    contend(false);
    // No edit comes after: the menu action, under the lock, writes what was deferred before it reads.
    emu.queueAnswers(['OK', 'OK', 'OK']);
    expect(addon.menu(fn)).toEqual({ ok: true, result: undefined });
    const bo = ids(emu, 'A3')[0] ?? '';
    expect(bo).toMatch(/^C-\d+$/);
    expect(history(emu).sort()).toEqual(['C-000001:>Lead', 'C-000001:Lead>Contacted', `${bo}:>Qualified`].sort());
    const store = (emu.globals.PropertiesService as GoogleAppsScript.Properties.PropertiesService).getDocumentProperties();
    expect(Object.keys(store.getProperties()).filter((k) => /Pending/.test(k))).toEqual([]);
    expect(addon.errors).toEqual([]);
  });
});


describe('deferred stage history adopted once', () => {
  const historyRows = (emu: Emulator): string[] => {
    const ss = (emu.globals.SpreadsheetApp as GoogleAppsScript.Spreadsheet.SpreadsheetApp).getActiveSpreadsheet();
    const sheet = ss.getSheets().find((s) => s.isSheetHidden() && s.getName() !== 'Sheet1');
    if (!sheet) return [];
    const last = sheet.getLastRow();
    return last < 2 ? [] : sheet.getRange(2, 1, last - 1, 3).getValues().map((r) => `${String(r[0])}:${String(r[1])}>${String(r[2])}`);
  };
  const pendingKeys = (emu: Emulator): string[] => {
    const store = (emu.globals.PropertiesService as GoogleAppsScript.Properties.PropertiesService).getDocumentProperties();
    return Object.keys(store.getProperties()).filter((k) => /historyPending/.test(k));
  };
  /** Two clients with IDs and a history; Bo's change to Qualified deferred (the lock held elsewhere). */
  function deferred(): { emu: Emulator; addon: Addon } {
    const s = setUp();
    const contend = (on: boolean) => (s.emu as unknown as { contendLock(kind: string, on: boolean): void }).contendLock('document', on);
    s.addon.act({ kind: 'paste', sheet: 'Sheet1', a1: 'C2', values: [['Ann', '', '', '', '', '', 'Lead'], ['Bo', '', '', '', '', '', 'Lead']] });
    contend(true);
    s.addon.edit('I3', 'Qualified');
    contend(false);
    expect(pendingKeys(s.emu)).toHaveLength(1);
    return s;
  }
  const counts = (rows: string[]) => rows.reduce<Record<string, number>>((m, r) => ({ ...m, [r]: (m[r] ?? 0) + 1 }), {});

  /** For every n up to the calls of the edit that adopts the record: `disturb` that edit at call n, then
   * a later stage change adopts whatever is still recorded; the deferred change must be there once. */
  function everyCall(from: number, disturb: (s: { emu: Emulator; addon: Addon }, n: number) => void): void {
    const { emu, addon } = deferred();
    const before = emu.stats().total;
    addon.edit('I2', 'Contacted');
    const calls = emu.stats().total - before;
    const bad: Array<[number, Record<string, number>]> = [];
    for (let n = from; n <= calls + 1; n++) {
      const s = deferred();
      disturb(s, n);
      s.addon.edit('I3', 'Proposal');
      const got = counts(historyRows(s.emu));
      if (got['C-000002:Lead>Qualified'] !== 1 || pendingKeys(s.emu).length > 0) bad.push([n, got]);
    }
    expect(bad).toEqual([]);
  }

  test('two edits that both find the record at the same moment append it once, at every switch point', () => {
    everyCall(0, (s, n) => {
      interleave(s.emu, n, () => void s.addon.edit('I2', 'Contacted'), () => void s.addon.edit('I2', 'Proposal'));
      expect(s.addon.errors).toEqual([]);
    });
  });

  test('the time limit striking at any call of the adopting edit neither loses nor repeats a deferred row', () => {
    everyCall(1, (s, n) => {
      s.emu.failAfterCalls(n);
      s.addon.edit('I2', 'Contacted');
    });
  });
});

test('a stage change that cannot be recorded in a nearly full property store (500 KB) is appended, not lost', () => {
  const { emu, addon } = setUp();
  const rows = 200;
  addon.act({ kind: 'paste', sheet: 'Sheet1', a1: 'C2', values: Array.from({ length: rows }, (_, i) => [`Client ${i}`, '', '', '', '', '', 'Lead']) });
  const store = (emu.globals.PropertiesService as GoogleAppsScript.Properties.PropertiesService).getDocumentProperties();
  // Other properties fill the store to within 4 KB of its 500 KB (a large definition, a backup's settings…).
  const used = () => Object.entries(store.getProperties()).reduce((n, [k, v]) => n + Buffer.byteLength(k) + Buffer.byteLength(v), 0);
  for (let i = 0; used() < 500 * 1024 - 4_000; i++) store.setProperty(`filler.${i}`, 'x'.repeat(Math.min(8000, 500 * 1024 - 4_000 - used())));
  (emu as unknown as { contendLock(kind: string, on: boolean): void }).contendLock('document', true);
  addon.act({ kind: 'paste', sheet: 'Sheet1', a1: 'I2', values: Array.from({ length: rows }, () => ['Contacted']) });
  const ss = (emu.globals.SpreadsheetApp as GoogleAppsScript.Spreadsheet.SpreadsheetApp).getActiveSpreadsheet();
  const history = ss.getSheets().find((s) => s.isSheetHidden() && s.getName() !== 'Sheet1');
  const last = history?.getLastRow() ?? 0;
  const changes = history ? history.getRange(2, 2, last - 1, 2).getValues().filter((r) => r[0] === 'Lead' && r[1] === 'Contacted') : [];
  expect(changes).toHaveLength(rows);
  expect(addon.errors).toEqual([]);
  expect(JSON.stringify(emu.toasts)).not.toMatch(/quota|storage/i);
});
