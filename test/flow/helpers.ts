/** Shared set-up of the flow tests: a spreadsheet holding `data` (pasted as a person would), with the built add-on. */
import { createEmulator } from '../../dev/emulator';
import { loadAddon, type Addon } from '../../dev/harness';
import type { Emulator } from '../../dev/emulator/types';

export type SS = GoogleAppsScript.Spreadsheet.SpreadsheetApp;

export function startOn(data: string[][], userLocale: 'en' | 'zh-CN' = 'zh-CN'): { emu: Emulator; addon: Addon; app: SS } {
  const emu = createEmulator({ userLocale });
  emu.loadRows(data);
  const addon = loadAddon(emu);
  return { emu, addon, app: emu.globals.SpreadsheetApp as SS };
}

/** A new spreadsheet with a table set up from a template in `tableLocale`, by a user whose Sheets is in
 * `userLocale` (the Setup panel's preview and apply). */
export function templateTable(template: string, tableLocale: 'en' | 'zh-CN', userLocale: 'en' | 'zh-CN'): { emu: Emulator; addon: Addon; app: SS } {
  const emu = createEmulator({ userLocale });
  const addon = loadAddon(emu);
  const envelope = (fn: string, args: unknown[]) => (addon.call(fn, args) as { result?: { ok: boolean; data?: unknown } }).result;
  const draft = envelope('previewTemplate', [template, tableLocale]);
  const applied = envelope('applySetup', [draft?.data, { target: 'auto' }]);
  if (!applied?.ok) throw new Error(`setup failed: ${JSON.stringify(applied)}`);
  return { emu, addon, app: emu.globals.SpreadsheetApp as SS };
}

/** A sidebar endpoint's data through google.script.run's envelope (throws on a failed call or envelope). */
export function data<T>(addon: Addon, fn: string, args: unknown[] = []): T {
  const out = addon.call(fn, args);
  if (!out.ok) throw new Error(out.error);
  const env = out.result as { ok: boolean; data?: T; error?: { message: string } };
  if (!env.ok) throw new Error(env.error?.message);
  return env.data as T;
}

/** The first sheet's cells as a person sees them (display values). */
export function values(app: SS): string[][] {
  const s = app.getActiveSpreadsheet().getSheets()[0] as GoogleAppsScript.Spreadsheet.Sheet;
  return s.getRange(1, 1, s.getLastRow(), s.getLastColumn()).getDisplayValues();
}
