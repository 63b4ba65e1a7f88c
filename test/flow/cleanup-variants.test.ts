/**
 * Clean up writes an option's own label over the other spellings adopt found for it (李娜 for "Li Na",
 * 陈静 for "Chen Jing"), as adopt's report promises, instead of reporting them "Not one of the options"
 * while the check counts them as that option. The demo table, adopted in an en_US spreadsheet.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import { createEmulator } from '../../dev/emulator';
import { loadAddon } from '../../dev/harness';

const rows = Papa.parse<string[]>(readFileSync(join(__dirname, '..', '..', 'dev', 'playground', 'demo.csv'), 'utf8'), { skipEmptyLines: true }).data;

it('mends the variants of an option to its label and leaves none of them as unknown', () => {
  const emu = createEmulator({ userLocale: 'en', spreadsheetLocale: 'en_US', timeZone: 'America/New_York' });
  emu.loadRows(rows);
  const addon = loadAddon(emu);
  emu.queueAnswers(['YES', 'OK']);
  addon.menu('menuAdopt');
  const owners = () => {
    const s = emu.snapshot().sheets.find((x) => x.name === 'Sheet1');
    if (!s) throw new Error('no Sheet1');
    const col = s.values[0]?.indexOf('负责人') ?? -1;
    return s.values.slice(1).map((r) => String(r[col] ?? ''));
  };
  const before = owners();
  expect(before).toContain('李娜');

  const out = addon.call('previewCleanup', []);
  const env = (out.ok ? out.result : null) as { ok: boolean; data: { left: Array<{ a1: string; value: string }>; leftCount: number } } | null;
  expect(env?.ok).toBe(true);
  expect(env?.data.leftCount).toBeGreaterThan(env?.data.left.length ?? 0); // the list shown is the first page
  expect(env?.data.left.map((l) => l.value)).not.toEqual(expect.arrayContaining(['李娜']));
  expect(env?.data.left.map((l) => l.value)).not.toEqual(expect.arrayContaining(['陈静']));

  emu.queueAnswers(['YES']);
  addon.menu('menuCleanUp');
  const after = owners();
  before.forEach((v, i) => {
    if (v === '李娜') expect(after[i]).toBe('Li Na');
    if (v === '陈静') expect(after[i]).toBe('Chen Jing');
  });
  expect(after.filter((v) => v === '李娜' || v === '陈静')).toEqual([]);
});
