/**
 * Shared setup for the hostile-input tests: the built add-on (dist/Code.js, `node build.mjs` first) on
 * the emulator through the flow harness, driven as a demanding user would.
 */
import { createEmulator } from '../../dev/emulator';
import { loadAddon, type Addon } from '../../dev/harness';
import type { Emulator } from '../../dev/emulator/types';

export type SS = GoogleAppsScript.Spreadsheet.Spreadsheet;
export type Loc = 'en' | 'zh-CN';

export interface World { emu: Emulator; addon: Addon; ss: SS }

export function world(locale: Loc = 'en', rows?: string[][], firstSheetName?: string): World {
  const emu = createEmulator({ userLocale: locale, ...(firstSheetName ? { firstSheetName } : {}) });
  if (rows) emu.loadRows(rows);
  const addon = loadAddon(emu);
  const app = emu.globals.SpreadsheetApp as GoogleAppsScript.Spreadsheet.SpreadsheetApp;
  return { emu, addon, ss: app.getActiveSpreadsheet() };
}

/** menuSetUp with the B2B template (answer '1'); fails the test on an uncaught error. */
export function setUp(w: World, answer = '1'): void {
  w.emu.queueAnswers([answer]);
  expect(w.addon.menu('menuSetUp')).toEqual({ ok: true, result: undefined });
}

/** A world with the B2B table set up on Sheet1. */
export function table(locale: Loc = 'en'): World {
  const w = world(locale);
  setUp(w);
  return w;
}

export function sheetOf(w: World, name = 'Sheet1'): GoogleAppsScript.Spreadsheet.Sheet {
  const s = w.ss.getSheetByName(name);
  if (!s) throw new Error(`no sheet ${name}`);
  return s;
}

/** Every message the user saw: alert texts, toasts. */
export function messages(w: World): string[] {
  return [...w.emu.alerts.map((a) => a.prompt), ...w.emu.toasts.map((t) => t.message)];
}

/** Values, formulas and notes of every sheet: what "nothing is lost" is about. */
export function content(w: World) {
  return w.emu.snapshot().sheets.map((s) => ({ name: s.name, values: s.values, formulas: s.formulas, notes: s.notes }));
}

/** One cell as the user sees it. */
export function cell(w: World, a1: string, sheet = 'Sheet1') {
  const v = w.emu.view(sheet, a1)[0]?.[0];
  if (!v) throw new Error(`no cell ${a1}`);
  return v;
}

/** A stack trace or a JS error name in a user-facing message. */
export const TECHNICAL = /\bat \S+ \(|\bat <anonymous>|TypeError|ReferenceError|RangeError|SyntaxError|undefined is not|Cannot read prop|\[object Object\]|Error: /;

/**
 * English leaking into a Chinese message: a run of 3+ Latin letters that is not one of the names that
 * legitimately stay in Latin script (the product name, sheet names, A1 ranges, user text passed in).
 */
export function englishWords(text: string, allowed: readonly string[] = []): string[] {
  let rest = text;
  for (const a of ['ClientFlow', ...allowed]) rest = rest.split(a).join(' ');
  return rest.match(/[A-Za-z]{3,}/g) ?? [];
}

/** Headers of the English B2B template, in order. */
export const B2B_EN = ['Client ID', 'Company', 'Name', 'Title', 'Email', 'Phone', 'Channel', 'Owner', 'Stage', 'Next step', 'Next follow-up',
  'Last contact', 'Priority', 'Deal value', 'Last interaction', 'Notes', 'Created', 'Updated', 'Stage since'];

/** A1 of a B2B column (English template) in a row. */
export function at(header: string, row: number): string {
  const i = B2B_EN.indexOf(header);
  if (i < 0) throw new Error(`no column ${header}`);
  return `${String.fromCharCode(65 + i)}${row}`;
}

export const FORMULA_LIKE = ["=cmd|' /C calc'!A0", '+SUM(1)', '-1+2', '@foo', '=HYPERLINK("http://evil.example","x")', '00123', '1/2', '3e5', 'TRUE', '50%'];
export const MARKUP = ['<script>alert(1)</script>', '<img src=x onerror=alert(1)>', '"><svg onload=alert(1)>', '&lt;b&gt;'];
