/**
 * The check report's hint under a broken cell says what Clean up would write over it — planned by Clean
 * up itself on that cell — and nothing where Clean up would leave it. The demo table, adopted in an
 * en_US spreadsheet: a phone Sheets read as a formula (#ERROR!) gets the number Clean up recovers, a
 * date nobody can read ('月底') or a count with a unit ('19次') gets no hint, and no hint names a
 * command-line tool the add-on's user does not have.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import { createEmulator } from '../../dev/emulator';
import { loadAddon } from '../../dev/harness';

const rows = Papa.parse<string[]>(readFileSync(join(__dirname, '..', '..', 'dev', 'playground', 'demo.csv'), 'utf8'), { skipEmptyLines: true }).data;

interface Report { cells: Array<{ a1: string; code: string; hint: string | null }> }

function report(userLocale: 'en' | 'zh-CN'): { cells: Report['cells']; after: Map<string, unknown> } {
  const emu = createEmulator({ userLocale, spreadsheetLocale: userLocale === 'en' ? 'en_US' : 'zh_CN' });
  emu.loadRows(rows);
  const addon = loadAddon(emu);
  emu.queueAnswers(['YES', 'OK']);
  addon.menu('menuAdopt');
  const out = addon.call('validateTable', []);
  const env = (out.ok ? out.result : null) as { ok: boolean; data: Report } | null;
  if (!env?.ok) throw new Error(`validateTable failed: ${JSON.stringify(out)}`);
  // What Clean up then writes, to hold the hints to it.
  emu.queueAnswers(['YES']);
  addon.menu('menuCleanUp');
  const sheet = emu.snapshot().sheets.find((s) => s.name === 'Sheet1');
  const after = new Map<string, unknown>();
  for (const c of env.data.cells) {
    const m = /^([A-Z]+)(\d+)$/.exec(c.a1);
    if (!m || !sheet) continue;
    const col = (m[1] as string).charCodeAt(0) - 64;
    after.set(c.a1, sheet.values[Number(m[2]) - 1]?.[col - 1]);
  }
  return { cells: env.data.cells, after };
}

it('hints what Clean up writes, and only where it writes something', () => {
  const { cells, after } = report('en');
  const byA1 = new Map(cells.map((c) => [c.a1, c]));
  expect(byA1.get('E5')).toMatchObject({ code: 'formulaError', hint: 'Clean up can change it to “+8618792728087”.' });
  expect(byA1.get('M8')?.hint).toBeNull(); // 月底
  expect(byA1.get('O2')?.hint).toBeNull(); // 19次
  for (const c of cells) {
    expect(c.hint ?? '').not.toMatch(/clientflow/i);
    if (c.hint !== null) expect(c.hint).toBe(`Clean up can change it to “${String(after.get(c.a1))}”.`);
  }
  expect(cells.filter((c) => c.hint !== null).length).toBeGreaterThan(5);
});

it('in Chinese too', () => {
  const { cells } = report('zh-CN');
  const e5 = cells.find((c) => c.a1 === 'E5');
  expect(e5?.hint).toBe('清理可以把它改为“+8618792728087”。');
});
