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
