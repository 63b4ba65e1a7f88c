/**
 * "Find duplicates" (menuFindDuplicates) and the Duplicates panel's endpoints on the built bundle: on
 * the demo table (which has planted duplicates) the rows of a cluster share an ID in the "Duplicate
 * group" column and a color from our conditional-format rules; no value of the user's changes; a second
 * run replaces its own column and rules (nothing added); "not duplicates" is remembered; English and
 * Chinese; the sim runs the menu item. Run `node build.mjs` first.
 */
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import { startOn, type SS, data } from './helpers';
import type { Addon } from '../../dev/harness';
import type { Emulator } from '../../dev/emulator/types';
import { runScenario } from '../../dev/sim';
import type { DuplicatesReport } from '../../src/core/api/dedupe';
import { DUPE_PALETTE } from '../../src/core/dedupe/review';

const DEMO_PATH = join(__dirname, '..', '..', 'dev', 'playground', 'demo.csv');
const DEMO = (Papa.parse<string[]>(readFileSync(DEMO_PATH, 'utf8'), { skipEmptyLines: true }).data);

function adopt(emu: Emulator, addon: Addon): void {
  emu.queueAnswers(['YES']);
  expect(addon.menu('menuAdopt')).toEqual({ ok: true, result: undefined });
  expect(addon.errors).toEqual([]);
}

function find(emu: Emulator, addon: Addon): string {
  const n = emu.alerts.length;
  expect(addon.menu('menuFindDuplicates')).toEqual({ ok: true, result: undefined });
  expect(addon.errors).toEqual([]);
  expect(emu.alerts).toHaveLength(n + 1);
  return emu.alerts[n]?.prompt ?? '';
}

function sheetOf(app: SS): GoogleAppsScript.Spreadsheet.Sheet {
  return app.getActiveSpreadsheet().getSheets()[0] as GoogleAppsScript.Spreadsheet.Sheet;
}

function values(app: SS, width: number): unknown[][] {
  const s = sheetOf(app);
  return s.getRange(1, 1, s.getLastRow(), width).getValues();
}

/** Cluster ID of each data row (from the helper column) → its rows (0-based data rows). */
function groups(ids: string[]): Map<string, number[]> {
  const m = new Map<string, number[]>();
  ids.forEach((id, r) => {
    if (id) m.set(id, [...(m.get(id) ?? []), r]);
  });
  return m;
}

describe('menuFindDuplicates on the demo table', () => {
  const width = DEMO[0]!.length;
  const rows = DEMO.length - 1;

  it('colors each cluster and gives it an ID in a helper column, changing no value; a re-run replaces its own', () => {
    const { emu, addon, app } = startOn(DEMO, 'en');
    adopt(emu, addon);
    const before = values(app, width);
    const rulesBefore = sheetOf(app).getConditionalFormatRules().length;
    const msg = find(emu, addon);
    expect(msg).toMatch(new RegExp(`Found \\d+ groups of duplicates \\(\\d+ rows\\) among the ${rows} rows`));
    expect(msg).toMatch(/\d+ surely the same client, \d+ to review/);
    const sheet = sheetOf(app);
    expect(sheet.getLastColumn()).toBe(width + 1);
    expect(sheet.getRange(1, width + 1).getValue()).toBe('Duplicate group');
    expect(values(app, width)).toEqual(before);
    const ids = sheet.getRange(2, width + 1, rows, 1).getValues().map((r) => String(r[0]));
    const g = groups(ids);
    expect(g.size).toBeGreaterThanOrEqual(3);
    const [sure, review] = [Number(/(\d+) surely/.exec(msg)?.[1]), Number(/(\d+) to review/.exec(msg)?.[1])];
    expect(sure + review).toBe(g.size);
    // Same cluster, same color (after conditional formatting); a row in no cluster gets none of ours.
    const view = emu.view(sheet.getName(), `A2:${String.fromCharCode(64 + width + 1)}${rows + 1}`);
    for (const [, members] of g) {
      const colors = new Set(members.map((r) => view[r]![width]!.background));
      expect(colors.size).toBe(1);
      expect(DUPE_PALETTE).toContain([...colors][0]);
    }
    ids.forEach((id, r) => {
      if (!id) expect(DUPE_PALETTE).not.toContain(view[r]![width]!.background);
    });
    const rulesAfter = sheet.getConditionalFormatRules().length;
    expect(rulesAfter).toBeGreaterThan(rulesBefore);

    // Again: the same column and the same number of rules, the same IDs, still no value changed.
    expect(find(emu, addon)).toBe(msg);
    expect(sheet.getLastColumn()).toBe(width + 1);
    expect(sheet.getConditionalFormatRules().length).toBe(rulesAfter);
    expect(sheet.getRange(2, width + 1, rows, 1).getValues().map((r) => String(r[0]))).toEqual(ids);
    expect(values(app, width)).toEqual(before);
  });

  it('the panel lists the clusters with why; "not duplicates" is remembered by the panel and the menu', () => {
    const { emu, addon, app } = startOn(DEMO, 'en');
    adopt(emu, addon);
    find(emu, addon);
    const rep = data<DuplicatesReport>(addon, 'getDuplicates');
    const sheet = sheetOf(app);
    const ids = sheet.getRange(2, width + 1, rows, 1).getValues().map((r) => String(r[0]));
    expect(rep.clusters.map((c) => c.id)).toEqual([...groups(ids).keys()].sort((a, b) => Number(a.slice(1)) - Number(b.slice(1))));
    expect(rep.headers).toEqual(DEMO[0]);
    for (const c of rep.clusters) {
      expect(c.agreed.length).toBeGreaterThan(0);
      for (const r of c.records) {
        expect(ids[r.row - 2]).toBe(c.id);
        expect(r.values).toHaveLength(width);
      }
    }
    const first = rep.clusters[0]!;
    const fps = first.records.map((r) => r.fingerprint);
    const after = data<DuplicatesReport>(addon, 'markNotDuplicates', [fps]);
    expect(after.notDuplicates).toBeGreaterThan(0);
    const together = (c: DuplicatesReport['clusters'][number]) => c.records.filter((r) => fps.includes(r.fingerprint)).length > 1;
    expect(after.clusters.some(together)).toBe(false);
    expect(after.clusters.length).toBeLessThan(rep.clusters.length + 1);
    // Remembered: a new read and the menu's highlight leave the pair apart.
    expect(data<DuplicatesReport>(addon, 'getDuplicates').clusters.some(together)).toBe(false);
    expect(find(emu, addon)).toMatch(/marked “not duplicates” (was|were) left out/);
    const ids2 = sheet.getRange(2, width + 1, rows, 1).getValues().map((r) => String(r[0]));
    const rowsOfFirst = first.records.map((r) => r.row - 2);
    const shared = new Set(rowsOfFirst.map((r) => ids2[r]).filter((x) => x));
    expect(shared.size).toBe(rowsOfFirst.map((r) => ids2[r]).filter((x) => x).length);
    // A tampered call is refused.
    const bad = addon.call('markNotDuplicates', [['only-one']]);
    expect(bad.ok && (bad.result as { ok: boolean }).ok).toBe(false);
  });

  it('speaks Chinese to a Chinese user', () => {
    const { emu, addon, app } = startOn(DEMO, 'zh-CN');
    adopt(emu, addon);
    const msg = find(emu, addon);
    expect(msg).toMatch(/找到 \d+ 组重复客户/);
    expect(msg).toMatch(/组确定是同一客户/);
    expect(sheetOf(app).getRange(1, width + 1).getValue()).toBe('重复组');
    // The panel reads the same clusters in Chinese (it colors nothing, so says only that nothing was
    // changed), and a second run finds its Chinese-headed column.
    expect(data<DuplicatesReport>(addon, 'getDuplicates').message).toBe(msg.replace('这些行已标色，“重复组”列给出每组的编号（D1、D2…）。没有修改任何值。', '未做任何修改。'));
    expect(find(emu, addon)).toBe(msg);
    expect(sheetOf(app).getLastColumn()).toBe(width + 1);
  });

  it('a re-run with no duplicates left clears its IDs and removes only its own rules', () => {
    const data = [
      ['Client ID', 'Name', 'Company', 'Email', 'Phone', 'City'],
      ['C1', 'John Smith', 'Acme Inc.', 'john.smith@acme.com', '+1 415 555 0101', 'San Francisco'],
      ['C2', 'Jon Smith', 'ACME', 'john.smith@acme.com', '(415) 555-0101', 'SF'],
      ['C3', 'Mary Jones', 'Globex', 'mary@globex.com', '+1 212 555 0199', 'New York'],
      ['C4', 'Peter Brown', 'Initech', 'peter.brown@initech.io', '+1 312 555 0142', 'Chicago'],
    ];
    const { emu, addon, app } = startOn(data, 'en');
    adopt(emu, addon);
    const sheet = sheetOf(app);
    // A rule of the user's own, which must survive every run.
    const mine = app.newConditionalFormatRule().whenTextEqualTo('Chicago').setBackground('#00ff00').setRanges([sheet.getRange('F2:F5')]).build();
    sheet.setConditionalFormatRules([...sheet.getConditionalFormatRules(), mine]);
    const rulesBefore = sheet.getConditionalFormatRules().length;
    expect(find(emu, addon)).toMatch(/Found 1 group of duplicates \(2 rows\)/);
    expect(sheet.getRange('G1:G5').getValues().map((r) => r[0])).toEqual(['Duplicate group', 'D1', 'D1', '', '']);
    expect(emu.view(sheet.getName(), 'F5')[0]![0]!.background).toBe('#00ff00');
    expect(sheet.getConditionalFormatRules().length).toBe(rulesBefore + 1);
    // The user makes C2 another client: the next run finds nothing and leaves no highlight of ours.
    sheet.getRange('B3:F3').setValues([['Ana Lee', 'Umbrella', 'ana@umbrella.com', '+1 206 555 0123', 'Seattle']]);
    expect(find(emu, addon)).toMatch(/No duplicates among the 4 rows/);
    expect(sheet.getRange('G1:G5').getValues().map((r) => r[0])).toEqual(['Duplicate group', '', '', '', '']);
    expect(sheet.getConditionalFormatRules().length).toBe(rulesBefore);
    expect(emu.view(sheet.getName(), 'F5')[0]![0]!.background).toBe('#00ff00');
    expect(DUPE_PALETTE).not.toContain(emu.view(sheet.getName(), 'A2')[0]![0]!.background);
  });

  it('says so when there is no table', () => {
    const { emu, addon } = startOn([['a', 'b'], ['1', '2']], 'en');
    find(emu, addon);
    expect(emu.alerts.at(-1)?.prompt).toMatch(/no ClientFlow table yet/);
  });

  it('runs in the sim', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cf-dedupe-'));
    copyFileSync(DEMO_PATH, join(dir, 'demo.csv'));
    const p = join(dir, 'scenario.json');
    writeFileSync(p, JSON.stringify({ locale: 'en', data: 'demo.csv', steps: [{ answer: ['YES'] }, { menu: 'menuAdopt' }, { menu: 'menuFindDuplicates' }] }));
    const out = runScenario(p);
    expect(out.errors).toEqual([]);
    expect(out.alerts.at(-1)?.prompt).toMatch(/groups of duplicates/);
  });
});
