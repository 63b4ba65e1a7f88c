import { createEmulator } from '../../dev/emulator';
import { loadAddon } from '../../dev/harness';

/** A small hand-written add-on: onOpen builds a translated menu; a menu function writes and toasts;
 * onEdit stamps the edited row; a sidebar endpoint returns JSON. */
const CODE = `
var Lib = (function () {
  function label() { return Session.getActiveUserLocale().indexOf('zh') === 0 ? '设置' : 'Set up'; }
  return { label: label };
})();
function onOpen(e) {
  SpreadsheetApp.getUi().createAddonMenu().addItem(Lib.label(), 'menuSetUp').addSeparator().addItem('Fail', 'menuFail').addToUi();
}
function menuSetUp() {
  var ss = SpreadsheetApp.getActiveSpreadsheet();
  var sheet = ss.getActiveSheet();
  var answer = SpreadsheetApp.getUi().alert('Go?', SpreadsheetApp.getUi().ButtonSet.YES_NO);
  if (answer !== SpreadsheetApp.getUi().Button.YES) return 'cancelled';
  sheet.getRange('A1:B1').setValues([['Name', 'Phone']]);
  sheet.getRange('B2:B').setNumberFormat('@');
  ss.toast('Done', 'ClientFlow');
  return 'done';
}
function menuFail() { SpreadsheetApp.getActiveSpreadsheet().getActiveSheet().getRange('A1').foo(); }
function onEdit(e) {
  if (e.range.getNumRows() === 1) e.range.offset(0, 2).setValue('seen ' + e.value);
  else e.range.offset(0, e.range.getNumColumns(), e.range.getNumRows(), 1).setValue('pasted');
}
function getInfo(x) { return { got: x, isDate: new Date() instanceof Date, now: new Date().toISOString() }; }
function badResult() { return { when: new Date() }; }
function usesProcess() { return typeof process + typeof require + typeof setTimeout; }
`;

describe('harness on a hand-written Code.js', () => {
  test('finds the top-level functions and runs onOpen in AuthMode.NONE (menu only)', () => {
    const emu = createEmulator({ userLocale: 'zh-CN' });
    const addon = loadAddon(emu, { code: CODE });
    expect(addon.functions.sort()).toEqual(['badResult', 'getInfo', 'menuFail', 'menuSetUp', 'onEdit', 'onOpen', 'usesProcess']);
    expect(addon.open()).toEqual({ ok: true, result: undefined });
    expect(emu.menus).toEqual([{ name: 'Add-on', items: [{ caption: '设置', functionName: 'menuSetUp' }, { separator: true }, { caption: 'Fail', functionName: 'menuFail' }] }]);
  });

  test('a menu function runs in FULL with queued answers; text typed later into the @ column stays text', () => {
    const emu = createEmulator();
    const addon = loadAddon(emu, { code: CODE });
    emu.queueAnswers(['YES']);
    expect(addon.menu('menuSetUp')).toEqual({ ok: true, result: 'done' });
    expect(emu.alerts[0]).toMatchObject({ kind: 'alert', prompt: 'Go?', buttons: 'YES_NO', answer: { button: 'YES' } });
    expect(emu.toasts).toEqual([{ message: 'Done', title: 'ClientFlow' }]);
    expect(addon.edit('B2', '+86 138 0013 8000')).toMatchObject({ ok: true });
    const snap = emu.snapshot().sheets[0];
    expect(snap?.values[1]).toEqual(['', '+86 138 0013 8000', '', 'seen +86 138 0013 8000']);
    // With the queue empty the alert is closed (CLOSE), and the function takes its cancel path.
    expect(addon.menu('menuSetUp')).toEqual({ ok: true, result: 'cancelled' });
    expect(emu.alerts[1]?.answer).toEqual({ button: 'CLOSE' });
  });

  test('uncaught errors are reported as Sheets shows them; unknown functions are not found', () => {
    const emu = createEmulator();
    const addon = loadAddon(emu, { code: CODE });
    expect(addon.menu('menuFail')).toEqual({ ok: false, error: 'Exception: Not emulated: Range.foo' });
    expect(addon.menu('menuNope')).toEqual({ ok: false, error: 'Error: Script function not found: menuNope' });
    expect(addon.errors).toEqual(['Exception: Not emulated: Range.foo', 'Error: Script function not found: menuNope']);
  });

  test('paste fires one onEdit for the block', () => {
    const emu = createEmulator();
    const addon = loadAddon(emu, { code: CODE });
    addon.paste('A2', [['x', '1'], ['y', '2']]);
    expect(emu.snapshot().sheets[0]?.values).toEqual([['', '', ''], ['x', 1, 'pasted'], ['y', 2, 'pasted']]);
  });

  test('google.script.run semantics: JSON-like in and out, Date refused, sim clock, no Node globals', () => {
    const emu = createEmulator({ now: Date.parse('2026-03-01T12:00:00Z') });
    const addon = loadAddon(emu, { code: CODE });
    const ok = addon.call('getInfo', [{ a: [1, 'b', null] }]);
    expect(ok.ok).toBe(true);
    const res = ok.ok ? (ok.result as { got: unknown; isDate: boolean; now: string }) : null;
    expect(res?.got).toEqual({ a: [1, 'b', null] });
    expect(res?.isDate).toBe(true);
    expect(Date.parse(res?.now ?? '') - Date.parse('2026-03-01T12:00:00Z')).toBeLessThan(60_000);
    expect(addon.call('getInfo', [new Date()])).toEqual({ ok: false, error: 'Error: Failed due to illegal value in property: 0' });
    expect(addon.call('badResult', [])).toMatchObject({ ok: false });
    expect(addon.call('usesProcess', [])).toEqual({ ok: true, result: 'undefinedundefinedundefined' });
  });
});
