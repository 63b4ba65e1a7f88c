/**
 * The client form on the built bundle: a new client is one row written in one call, with its ID,
 * created date, checks and stage history as onEdit would give them; the selected row loads and saves
 * back; formula-looking text stays text. Run `node build.mjs` first.
 */
import { createEmulator } from '../../dev/emulator';
import { interleave, loadAddon, type Addon } from '../../dev/harness';
import type { Emulator } from '../../dev/emulator/types';
import { historySheetName } from '../../src/core/funnel/workbook';
import { templateTable } from './helpers';

type SS = GoogleAppsScript.Spreadsheet.SpreadsheetApp;

function setUp(): { emu: Emulator; addon: Addon; app: SS; sheet: GoogleAppsScript.Spreadsheet.Sheet } {
  const emu = createEmulator({ userLocale: 'en' });
  const addon = loadAddon(emu);
  emu.queueAnswers(['1']);
  expect(addon.menu('menuSetUp')).toEqual({ ok: true, result: undefined });
  const app = emu.globals.SpreadsheetApp as SS;
  return { emu, addon, app, sheet: app.getActiveSpreadsheet().getSheets()[0] as GoogleAppsScript.Spreadsheet.Sheet };
}

function data<T>(addon: Addon, fn: string, args: unknown[] = []): T {
  const out = addon.call(fn, args);
  if (!out.ok) throw new Error(out.error);
  const env = out.result as { ok: boolean; data?: T; error?: { message: string } };
  if (!env.ok) throw new Error(env.error?.message ?? 'error');
  return env.data as T;
}

interface Form { row: number | null; fields: Array<{ key: string; header: string; type: string; auto: boolean; value: string; options: Array<{ label: string }> }> }

test('a new client: one row, ID and stamps, flags and history as typing would', () => {
  const { addon, app, sheet } = setUp();
  const form = data<Form>(addon, 'getClientForm');
  expect(form.row).toBeNull();
  const keys = form.fields.map((f) => f.key);
  expect(form.fields.find((f) => f.key === 'stage')?.options.length).toBeGreaterThan(2);
  const stage = form.fields.find((f) => f.key === 'stage')?.options[1]?.label ?? '';
  const values: Record<string, string> = { company: '=1+1', name: '<script>x</script>', email: 'ann at example', stage };
  for (const k of Object.keys(values)) expect(keys).toContain(k);
  const saved = data<{ row: number; issues: Array<{ header: string; message: string }> }>(addon, 'saveClientForm', [null, values]);
  expect(saved.row).toBe(2);
  expect(saved.issues.map((i) => i.message)).toContain('Not a valid email address');
  const reread = data<Form>(addon, 'getClientForm');
  expect(reread.row).toBeNull(); // nothing selected on the table yet
  sheet.getRange('B2').activate();
  const loaded = data<Form>(addon, 'getClientForm');
  expect(loaded.row).toBe(2);
  const v = (k: string) => loaded.fields.find((f) => f.key === k)?.value;
  expect(v('company')).toBe('=1+1');
  expect(v('name')).toBe('<script>x</script>');
  expect(v('stage')).toBe(stage);
  const id = loaded.fields.find((f) => f.type === 'autoId');
  if (id) expect(id.value).not.toBe('');
  const hist = app.getActiveSpreadsheet().getSheetByName(historySheetName(sheet.getSheetId()));
  expect(hist?.getLastRow()).toBeGreaterThanOrEqual(2);
  // Edit: mend the email; the flag goes.
  const fixed = data<{ row: number; issues: Array<{ header: string; message: string }> }>(addon, 'saveClientForm', [2, { email: 'ann@example.com' }]);
  expect(fixed.row).toBe(2);
  expect(fixed.issues.map((i) => i.message)).not.toContain('Not a valid email address');
  // A required field left empty is said (as onEdit flags it).
  expect(fixed.issues.map((i) => i.message)).toContain('This field is required');
  expect(sheet.getRange('B3').getValue()).toBe('');
  expect(addon.errors).toEqual([]);
});

test('a save runs whole under the document lock: another save that comes in meanwhile is told the table is busy', () => {
  // The second save comes in after the first's 4th, 10th or 20th service call (its lock is taken by
  // the 3rd: the user's locale, getDocumentLock, tryLock): each time, the first save completes alone.
  for (const n of [4, 10, 20]) {
    const { emu, addon, sheet } = setUp();
    let second: { ok: boolean; error?: { message: string } } | null = null;
    const run = interleave(emu, n, () => {
      const out = addon.call('saveClientForm', [null, { name: 'Ann', email: 'ann@example.com' }]);
      expect(out.ok && (out.result as { ok: boolean }).ok).toBe(true);
    }, () => {
      const out = addon.call('saveClientForm', [null, { name: 'Bo' }]);
      second = out.ok ? (out.result as { ok: boolean; error?: { message: string } }) : null;
    });
    expect(run.switched).toBe(true);
    expect(second).toEqual({ ok: false, error: expect.objectContaining({ message: 'Another ClientFlow action is running on this spreadsheet. Try again in a moment.' }) });
    const rows = sheet.getRange('A2:E3').getValues();
    expect(rows[0]?.[2]).toBe('Ann');
    expect(String(rows[0]?.[0])).not.toBe(''); // its client ID, reserved under the same lock
    expect(rows[1]?.every((v) => v === '')).toBe(true);
    expect(addon.errors).toEqual([]);
  }
});

test('a save while another process holds the document lock changes nothing and says so', () => {
  const { emu, addon, sheet } = setUp();
  const contend = (on: boolean) => (emu as unknown as { contendLock(kind: string, on: boolean): void }).contendLock('document', on);
  contend(true);
  const out = addon.call('saveClientForm', [null, { name: 'Ann' }]);
  expect(out.ok && (out.result as { ok: boolean }).ok).toBe(false);
  expect(sheet.getRange('C2').getValue()).toBe('');
  contend(false);
  expect(data<{ row: number }>(addon, 'saveClientForm', [null, { name: 'Ann' }]).row).toBe(2);
});

// The cell notes are in the table's language (everyone who shares the sheet reads them); the form's
// messages speak to the person saving, in theirs.
test('a Chinese-speaking user saving an English table\'s form is told what is wrong in Chinese; the note stays English', () => {
  const { emu, addon } = templateTable('b2b', 'en', 'zh-CN');
  const saved = data<{ row: number; issues: Array<{ header: string; message: string }> }>(addon, 'saveClientForm', [null, { name: 'Ann', email: 'ann at example' }]);
  const email = saved.issues.find((i) => i.header === 'Email');
  expect(email?.message).toMatch(/[\u4e00-\u9fff]/);
  const sheet = (emu.globals.SpreadsheetApp as SS).getActiveSpreadsheet().getSheets()[0] as GoogleAppsScript.Spreadsheet.Sheet;
  const emailCol = (sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0] ?? []).indexOf('Email') + 1;
  expect(sheet.getRange(saved.row, emailCol).getNote()).toMatch(/Not a valid email address/);
  expect(addon.errors).toEqual([]);
});
