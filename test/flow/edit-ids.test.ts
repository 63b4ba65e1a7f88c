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
