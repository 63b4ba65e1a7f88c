/**
 * Clean up reads phones in the table's candidate regions, as the check does: the demo table adopted in
 * an en_US spreadsheet (a US default, Chinese mobiles among the candidates) keeps its Chinese mobiles
 * Chinese (187-3768-0570 → +8618737680570), never turning them into made-up US numbers (+18737680570).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import { createEmulator } from '../../dev/emulator';
import { loadAddon } from '../../dev/harness';

const rows = Papa.parse<string[]>(readFileSync(join(__dirname, '..', '..', 'dev', 'playground', 'demo.csv'), 'utf8'), { skipEmptyLines: true }).data;

it('cleans the phones of an en_US table in its candidate regions, not in the default region alone', () => {
  const emu = createEmulator({ userLocale: 'en', spreadsheetLocale: 'en_US', timeZone: 'America/New_York' });
  emu.loadRows(rows);
  const addon = loadAddon(emu);
  emu.queueAnswers(['YES', 'OK']);
  addon.menu('menuAdopt');
  const phones = () => {
    const s = emu.snapshot().sheets.find((x) => x.name === 'Sheet1');
    if (!s) throw new Error('no Sheet1');
    const col = s.values[0]?.indexOf('手机') ?? -1;
    return s.values.map((r) => r[col]);
  };
  const before = phones();
  // The table's own candidates put the US first, and China among them.
  const check = addon.call('validateTable', []);
  expect(JSON.stringify(check)).toMatch(/US, CN/);

  emu.queueAnswers(['YES']);
  addon.menu('menuCleanUp');
  const after = phones();
  // A Chinese mobile as Chinese write it: 11 digits from 13x to 19x, bare or grouped 3-4-4.
  const chineseMobile = /^1[3-9]\d(?:[\s-]?\d{4}){2}$/;
  let seen = 0;
  before.forEach((v, i) => {
    if (i === 0 || typeof v !== 'string') return;
    if (!chineseMobile.test(v)) return;
    const digits = v.replace(/[\s-]/g, '');
    seen++;
    expect([v, after[i]]).toEqual([v, `+86${digits}`]);
  });
  expect(seen).toBeGreaterThan(10);
  expect(after[1]).toBe('+8618737680570');
});
