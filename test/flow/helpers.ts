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
