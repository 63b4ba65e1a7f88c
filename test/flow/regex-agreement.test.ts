/**
 * Validation formulas say exactly which characters they mean: for every white-space character where
 * RE2 (Sheets' REGEXMATCH; the emulator runs re2js) and JavaScript (the add-on's own checks, the CLI)
 * read `\s` differently, placed inside and around an email address and a web address, Sheets' data
 * validation, "Check all rows" (validateTable) and `clientflow validate` give the same verdict.
 * Built bundle (dist/Code.js) on the emulator; built CLI (dist/cli.js).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createEmulator } from '../../dev/emulator';
import { loadAddon } from '../../dev/harness';

const CLI = resolve(__dirname, '../../dist/cli.js');

/** Every character JavaScript's \s matches (RE2's \s has only \t \n \f \r and space). */
const SPACES = ['\t', '\n', '\v', '\f', '\r', ' ', '\u00a0', '\u1680', '\u2000', '\u2005', '\u200a', '\u2028', '\u2029', '\u202f', '\u205f', '\u3000', '\ufeff'];
const name = (c: string) => `U+${c.charCodeAt(0).toString(16).padStart(4, '0')}`;

const EMAILS = SPACES.flatMap((c) => [`ann${c}lee@example.com`, `ann@exam${c}ple.com`, `${c}ann@example.com`, `ann@example.com${c}`]);
const URLS = SPACES.flatMap((c) => [`https://exa${c}mple.com`, `https://example.com/a${c}b`, `${c}https://example.com`]);

/** Valid rows first, so that every reader infers the columns' types from them. */
const GOOD = Array.from({ length: 40 }, (_, i) => [`Client ${i}`, `c${i}@example.com`, `https://site${i}.example.com`]);

interface Verdicts { sheets: boolean[]; check: boolean[]; cli: boolean[] }

function verdicts(values: string[], column: 1 | 2): Verdicts {
  const rows = values.map((v, i) => (column === 1 ? [`Test ${i}`, v, 'https://ok.example.com'] : [`Test ${i}`, `t${i}@example.com`, v]));
  const header = ['Name', 'Email', 'Website'];
  const letter = column === 1 ? 'B' : 'C';
  const first = GOOD.length + 2;

  // Sheets and the add-on: adopt the good rows, then write the test values below them.
  const emu = createEmulator({ userLocale: 'en' });
  emu.loadRows([header, ...GOOD]);
  const addon = loadAddon(emu);
  emu.queueAnswers(['YES']);
  addon.menu('menuAdopt');
  const sheet = (emu.globals.SpreadsheetApp as GoogleAppsScript.Spreadsheet.SpreadsheetApp).getActiveSpreadsheet().getSheetByName('Sheet1');
  if (!sheet) throw new Error('no sheet');
  const sheets: boolean[] = [];
  const check: boolean[] = [];
  // validateTable lists at most 20 cells: 15 test rows at a time.
  for (let at = 0; at < rows.length; at += 15) {
    const batch = rows.slice(at, at + 15);
    sheet.getRange(first, 1, rows.length, 3).clearContent();
    sheet.getRange(first, 1, batch.length, 3).setValues(batch);
    batch.forEach((_, i) => sheets.push(emu.view('Sheet1', `${letter}${first + i}`)[0]?.[0]?.validation?.valid ?? true));
    const r = addon.call('validateTable');
    const data = (r.ok ? (r.result as { data?: { cells: Array<{ a1: string }> } }).data : undefined) ?? { cells: [] };
    const bad = new Set(data.cells.map((c) => c.a1));
    batch.forEach((_, i) => check.push(!bad.has(`${letter}${first + i}`)));
  }

  // The CLI on the same table as a CSV file.
  const dir = mkdtempSync(join(tmpdir(), 'cf-re2-'));
  try {
    const q = (s: string) => `"${s.replace(/"/g, '""')}"`;
    const file = join(dir, 'table.csv');
    writeFileSync(file, [header, ...GOOD, ...rows].map((r) => r.map(q).join(',')).join('\r\n') + '\r\n');
    const out = spawnSync(process.execPath, [CLI, 'validate', file], { encoding: 'utf8', env: { PATH: process.env.PATH ?? '', LANG: 'C' } });
    const report = JSON.parse(out.stdout) as { columns: Array<{ header: string; type: string }>; issues: Array<{ row: number; column: string }> };
    expect(report.columns.map((c) => c.type)).toEqual(['text', 'email', 'url']);
    const bad = new Set(report.issues.filter((i) => i.column === header[column]).map((i) => i.row - GOOD.length));
    const cli = rows.map((_, i) => !bad.has(i));
    return { sheets, check, cli };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe.each([
  ['an email address', EMAILS, 1],
  ['a web address', URLS, 2],
] as const)('white space in %s', (_what, values, column) => {
  it('Sheets\' validation, Check all rows and the CLI agree on every value', () => {
    const v = verdicts([...values], column);
    const disagree = values
      .map((value, i) => ({ value: [...value].map((ch) => (/\s/.test(ch) ? name(ch) : ch)).join(''), sheets: v.sheets[i], check: v.check[i], cli: v.cli[i] }))
      .filter((d) => d.sheets !== d.check || d.check !== d.cli);
    expect(disagree).toEqual([]);
  });
});
