/**
 * Two executions interleaving (Runtime.pauseAtCall through the harness) and LockService across them.
 * Ref: https://developers.google.com/apps-script/reference/lock/lock (tryLock times out, waitLock throws)
 * Ref: https://developers.google.com/apps-script/guides/services/quotas (executions run in parallel)
 */
import { createEmulator, LOCK_TIMEOUT_MESSAGE } from '../../dev/emulator';
import { interleave, loadAddon } from '../../dev/harness';

/** A counter kept in document properties, bumped by read-modify-write with a service call between, with
 * and without the document lock. */
const CODE = `
function bump(useLock) {
  var lock = useLock ? LockService.getDocumentLock() : null;
  if (lock && !lock.tryLock(10000)) return 'busy';
  var props = PropertiesService.getDocumentProperties();
  var n = Number(props.getProperty('n') || '0');
  SpreadsheetApp.getActiveSpreadsheet().getActiveSheet().getRange('A1').setValue(n + 1);
  props.setProperty('n', String(n + 1));
  if (lock) lock.releaseLock();
  return n + 1;
}
function holdAndWait() {
  var lock = LockService.getDocumentLock();
  lock.waitLock(1000);
  SpreadsheetApp.getActiveSpreadsheet().getActiveSheet().getRange('B1').setValue('held');
  return lock.hasLock();
}
function whoami() { return Session.getActiveUser().getEmail(); }
function onEdit(e) {
  var props = PropertiesService.getDocumentProperties();
  var n = Number(props.getProperty('edits') || '0');
  e.range.offset(0, 1).setValue(('value' in e ? 'V' : 'x') + ('oldValue' in e ? 'O' : 'x'));
  props.setProperty('edits', String(n + 1));
}
function onOpen(e) { SpreadsheetApp.getUi().createAddonMenu().addItem('Bump', 'bump').addToUi(); }
function ask() {
  var ui = SpreadsheetApp.getUi();
  var lock = LockService.getDocumentLock();
  lock.tryLock(1000);
  ui.alert('Sure?', ui.ButtonSet.YES_NO);
  lock.releaseLock();
  return 'asked';
}
`;

function addon(opts: Parameters<typeof createEmulator>[0] = {}) {
  const emu = createEmulator(opts);
  return { emu, a: loadAddon(emu, { code: CODE }) };
}

describe('interleaving two executions', () => {
  test('without a lock, the first execution suspended between its read and its write loses the second\'s update', () => {
    const { emu, a } = addon();
    let second: unknown;
    // call 1 getDocumentProperties, 2 getProperty, 3 getActiveSpreadsheet ...: suspend at the 3rd
    emu.pauseAtCall(3, () => {
      second = a.call('bump', [false]);
    });
    const first = a.call('bump', [false]);
    expect(second).toEqual({ ok: true, result: 1 });
    expect(first).toEqual({ ok: true, result: 1 }); // lost update: both wrote 1
    expect(emu.cancelPause()).toBe(false);
    expect(emu.executionDepth()).toBe(0);
  });

  test('with the document lock, the second execution\'s tryLock times out on the simulated clock', () => {
    const { emu, a } = addon();
    let second: unknown;
    let waited = 0;
    emu.pauseAtCall(4, () => {
      const t0 = emu.now();
      second = a.call('bump', [true]);
      waited = emu.now() - t0;
    });
    const first = a.call('bump', [true]);
    expect(second).toEqual({ ok: true, result: 'busy' });
    expect(waited).toBeGreaterThanOrEqual(10000);
    expect(first).toEqual({ ok: true, result: 1 });
    // once the first ended, its lock is free again
    expect(a.call('bump', [true])).toEqual({ ok: true, result: 2 });
  });

  test('waitLock in the second execution throws Apps Script\'s timeout error; the first keeps its lock', () => {
    const { emu, a } = addon();
    let second: unknown;
    emu.pauseAtCall(3, () => {
      second = a.call('holdAndWait');
    });
    expect(a.call('holdAndWait')).toEqual({ ok: true, result: true });
    expect(second).toEqual({ ok: false, error: `Exception: ${LOCK_TIMEOUT_MESSAGE}` });
  });

  test('a lock is released when its execution ends without releaseLock', () => {
    const { a } = addon();
    expect(a.call('holdAndWait')).toEqual({ ok: true, result: true });
    expect(a.call('holdAndWait')).toEqual({ ok: true, result: true });
  });

  test('a lock held across a dialog: the think time passes while another execution waits for it', () => {
    const { emu, a } = addon();
    emu.queueAnswers([{ answer: 'YES', thinkMs: 45000 }]);
    let second: unknown;
    const t0 = emu.now();
    emu.pauseAtCall(5, () => {
      second = a.call('bump', [true]);
    }); // the 5th call is Ui.alert's answer being awaited
    expect(a.call('ask')).toEqual({ ok: true, result: 'asked' });
    expect(second).toEqual({ ok: true, result: 'busy' });
    expect(emu.now() - t0).toBeGreaterThanOrEqual(45000 + 10000);
  });

  test('the interrupted execution gets its auth mode back: an onOpen in NONE inside a sidebar call in FULL', () => {
    const { emu, a } = addon();
    let inner: unknown;
    emu.pauseAtCall(2, () => {
      inner = a.open('NONE');
    });
    expect(a.call('bump', [false])).toEqual({ ok: true, result: 1 }); // its SpreadsheetApp calls still allowed
    expect(inner).toEqual({ ok: true, result: undefined });
    expect(emu.menus).toHaveLength(1);
  });

  test('scopes: a call the manifest does not cover fails in FULL mode too, with Apps Script\'s message', () => {
    const { a } = addon();
    expect(a.call('whoami')).toEqual({ ok: false, error: 'Exception: You do not have permission to call User.getEmail. Required permissions: https://www.googleapis.com/auth/userinfo.email' });
  });
});

describe('the harness helpers', () => {
  test('interleave: two onEdits of two pastes, the second inside the first, at every switch point', () => {
    for (let n = 0; n <= 6; n++) {
      const { emu, a } = addon();
      const { switched } = interleave(emu, n, () => void a.act({ kind: 'paste', a1: 'A2', values: [['x']] }), () => void a.act({ kind: 'paste', a1: 'A3', values: [['y']] }));
      const edits = Number((emu.globals.PropertiesService as GoogleAppsScript.Properties.PropertiesService).getDocumentProperties().getProperty('edits'));
      // the counter has no lock: when the switch falls after its read (call 2) and before its write, one update is lost
      expect(edits).toBe(switched && n >= 2 ? 1 : 2);
      expect(emu.view('Sheet1', 'B2:B3').map((r) => r[0]?.value)).toEqual(['xx', 'xx']);
    }
  });

  test('act: each person action reaches onEdit with its event shape', () => {
    const { emu, a } = addon();
    a.act({ kind: 'type', a1: 'A1', value: 'x' });
    a.act({ kind: 'type', a1: 'A1', value: 'y' });
    a.act({ kind: 'delete', a1: 'A1' });
    expect(emu.view('Sheet1', 'B1')[0]?.[0]?.value).toBe('xO');
  });

  test('onEdit can run in NONE mode (an add-on not yet used in the document): the document is refused', () => {
    const emu = createEmulator();
    const a = loadAddon(emu, { code: CODE, editAuthMode: 'NONE' });
    const out = a.act({ kind: 'type', a1: 'A1', value: 'x' });
    expect(out).toEqual({ ok: false, error: expect.stringContaining('You do not have permission to call PropertiesService.getDocumentProperties') });
  });
});

describe('LockService outside a containing document', () => {
  test('getDocumentLock returns null (standalone script or web app)', () => {
    const emu = createEmulator({ containingDocument: false });
    const g = emu.globals as { LockService: GoogleAppsScript.Lock.LockService };
    expect(g.LockService.getDocumentLock()).toBeNull();
    expect(g.LockService.getScriptLock()).not.toBeNull();
  });
});
