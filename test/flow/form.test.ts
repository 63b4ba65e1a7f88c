/**
 * The client form on the built bundle: a new client is one row written in one call, with its ID,
 * created date, checks and stage history as onEdit would give them; the selected row loads and saves
 * back; formula-looking text stays text. Run `node build.mjs` first.
 */
import { createEmulator } from '../../dev/emulator';
import { loadAddon, type Addon } from '../../dev/harness';
import type { Emulator } from '../../dev/emulator/types';
import { historySheetName } from '../../src/core/funnel/workbook';

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
