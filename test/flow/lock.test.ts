/**
 * Every user action takes the document lock around its change only: the menu item and its sidebar
 * twin alike. While another execution holds the lock, a menu still asks its question (the lock is
 * never held while a dialog waits), then says the document is busy and changes nothing; the sidebar
 * endpoint answers with the same translated message. Runs the built bundle on the emulator.
 */
import { createEmulator } from '../../dev/emulator';
import { loadAddon } from '../../dev/harness';
import { t } from '../../src/core/i18n';

const CLIENTS = [
  ['Name', 'Email', 'Stage'],
  ['Ada Lovelace', 'ada@example.com', 'Lead'],
  ['Bo Chen', 'bo@example.com', 'Won'],
];

function start(rows: string[][] = []) {
  const emu = createEmulator({ userLocale: 'en' });
  if (rows.length) emu.loadRows(rows);
  const addon = loadAddon(emu);
  return { emu, addon };
}

const BUSY = 'Another ClientFlow action is running on this spreadsheet. Try again in a moment.';

describe('the document lock', () => {
  it('has the busy message this file expects', () => {
    expect(t('en', 'error.busy')).toBe(BUSY);
  });

  it('menuSetUp asks for the template first, then reports busy and changes nothing', () => {
    const { emu, addon } = start();
    const before = emu.snapshot().sheets;
    emu.contendLock('document', true);
    emu.queueAnswers(['1']);
    expect(addon.menu('menuSetUp')).toEqual({ ok: true, result: undefined });
    expect(emu.alerts.map((a) => [a.kind, a.title])).toEqual([
      ['prompt', 'Set up a client table'],
      ['alert', 'Set up a client table'],
    ]);
    expect(emu.alerts[1]?.prompt).toBe(BUSY);
    expect(emu.snapshot().sheets).toEqual(before);
    // Once the other execution is done, the same answer sets the table up.
    emu.contendLock('document', false);
    emu.queueAnswers(['1']);
    addon.menu('menuSetUp');
    expect(emu.snapshot().sheets[0]?.values[0]?.[0]).toBe('Client ID');
  });

  it('menuAdopt shows its confirmation first, then reports busy and changes nothing', () => {
    const { emu, addon } = start(CLIENTS);
    const before = emu.snapshot().sheets;
    emu.contendLock('document', true);
    emu.queueAnswers(['YES']);
    addon.menu('menuAdopt');
    expect(emu.alerts.map((a) => [a.title, a.buttons])).toEqual([
      ['Adopt this sheet', 'YES_NO'],
      ['Adopt this sheet', 'OK'],
    ]);
    expect(emu.alerts[1]?.prompt).toBe(BUSY);
    expect(emu.snapshot().sheets).toEqual(before);
  });

  it('menuValidateAll and its sidebar twin validateTable both report busy and leave the highlight as it was', () => {
    const { emu, addon } = start(CLIENTS);
    emu.queueAnswers(['YES']);
    addon.menu('menuAdopt');
    // A broken email written after adopting: a check would highlight it.
    (emu.globals.SpreadsheetApp as GoogleAppsScript.Spreadsheet.SpreadsheetApp).getActiveSheet().getRange('B3').setValue('not an email');
    const before = emu.snapshot().sheets;
    const alerts = emu.alerts.length;
    emu.contendLock('document', true);
    addon.menu('menuValidateAll');
    expect(emu.alerts.slice(alerts).map((a) => [a.title, a.prompt])).toEqual([['Check all rows', BUSY]]);
    expect(addon.call('validateTable')).toEqual({ ok: true, result: { ok: false, error: { code: 'error.busy', message: BUSY } } });
    expect(emu.snapshot().sheets).toEqual(before);
    // Free again: the same call checks and highlights the broken cell.
    emu.contendLock('document', false);
    expect(addon.call('validateTable')).toMatchObject({ ok: true, result: { ok: true, data: { count: 1, cells: [{ a1: 'B3' }] } } });
    expect(emu.snapshot().sheets).not.toEqual(before);
  });
});
