import { createEmulator, type EmulatorExt } from '../../dev/emulator';
import type { EmulatorOptions } from '../../dev/emulator/types';

export type G = {
  SpreadsheetApp: GoogleAppsScript.Spreadsheet.SpreadsheetApp;
  PropertiesService: GoogleAppsScript.Properties.PropertiesService;
  LockService: GoogleAppsScript.Lock.LockService;
  CacheService: GoogleAppsScript.Cache.CacheService;
  Session: GoogleAppsScript.Base.Session;
  Utilities: GoogleAppsScript.Utilities.Utilities;
  HtmlService: GoogleAppsScript.HTML.HtmlService;
  ScriptApp: GoogleAppsScript.Script.ScriptApp;
  Charts: GoogleAppsScript.Charts.Charts;
};

export function setup(opts: EmulatorOptions = {}): { emu: EmulatorExt; g: G; sheet: GoogleAppsScript.Spreadsheet.Sheet } {
  const emu = createEmulator(opts);
  const g = emu.globals as unknown as G;
  const sheet = g.SpreadsheetApp.getActiveSpreadsheet().getActiveSheet();
  emu.resetStats();
  return { emu, g, sheet };
}
