/**
 * Merging a group of the demo table before Clean up: rows below hold phones Sheets read as formulas
 * (=+86 …), which removing rows would move, so the merge is refused — with a message that names the
 * cell and the way out (Clean up turns those phones back into text), in the user's language. After Clean
 * up a formula of the user's own is named as it is, and a group below it merges.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import { createEmulator } from '../../dev/emulator';
import { loadAddon, type Addon } from '../../dev/harness';
import type { DuplicatesReport } from '../../src/core/api/dedupe';

const rows = Papa.parse<string[]>(readFileSync(join(__dirname, '..', '..', 'dev', 'playground', 'demo.csv'), 'utf8'), { skipEmptyLines: true }).data;

function call(addon: Addon, fn: string, args: unknown[] = []): { ok: boolean; data?: unknown; error?: { code: string; message: string } } {
  const out = addon.call(fn, args);
  if (!out.ok) throw new Error(out.error);
  return out.result as { ok: boolean; data?: unknown; error?: { code: string; message: string } };
}

describe.each([
  ['en' as const, /^These rows cannot be merged yet: E\d+ below them holds a phone number Sheets read as a formula \(=\+[\d ()+-]+\).*Clean up/],
  ['zh-CN' as const, /^暂时无法合并这些行：下方的 E\d+ 是被表格当成公式的电话号码（=\+[\d ()+-]+）.*“清理”/],
])('%s', (locale, message) => {
  it('refuses with a message that names the formula and Clean up, and merges after Clean up', () => {
    const emu = createEmulator({ userLocale: locale, spreadsheetLocale: locale === 'en' ? 'en_US' : 'zh_CN' });
    emu.loadRows(rows);
    const addon = loadAddon(emu);
    emu.queueAnswers(['YES', 'OK']);
    addon.menu('menuAdopt');
    const before = emu.snapshot().sheets[0]?.values;
    const rep = call(addon, 'getDuplicates').data as DuplicatesReport;
    const group = rep.clusters[0]?.records.map((r) => r.fingerprint) ?? [];
    const refused = call(addon, 'mergeDuplicates', [group]);
    expect(refused.ok).toBe(false);
    expect(refused.error?.message).toMatch(message);
    expect(emu.snapshot().sheets[0]?.values).toEqual(before);

    emu.queueAnswers(['YES']);
    addon.menu('menuCleanUp');
    // The phones are text now; the demo's one formula of the user's own (=1+1 in P62) still stands
    // below the first group, and is named as such.
    const again = call(addon, 'getDuplicates').data as DuplicatesReport;
    const first = call(addon, 'mergeDuplicates', [again.clusters[0]?.records.map((r) => r.fingerprint) ?? []]);
    expect(first.error?.message).toMatch(/P62/);
    expect(first.error?.message).toMatch(/=1\+1/);
    // A group below the last formula merges.
    const formulas = emu.snapshot().sheets[0]?.formulas ?? [];
    const lastFormulaRow = formulas.reduce((last, row, i) => (row.some((f) => f !== '') ? i + 1 : last), 0);
    const below = again.clusters.find((c) => c.records.every((r) => r.row > lastFormulaRow));
    expect(below).toBeDefined();
    const merged = call(addon, 'mergeDuplicates', [below?.records.map((r) => r.fingerprint) ?? []]);
    expect(merged.error?.message ?? '').toBe('');
    expect(emu.snapshot().sheets[0]?.values.length).toBeLessThan(before?.length ?? 0);
  });
});
