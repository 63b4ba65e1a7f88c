/**
 * The check's report and follow-ups on the built bundle: "Check all rows" refreshes our notes and
 * highlight on every broken cell (the same flags as typing) and reports counts per column and per
 * problem, every broken cell page by page, each with a "go to" that selects it (the active range
 * changes) and a cleanup hint; the legend's colors are the table's rules'. Follow-ups due, overdue and
 * stale with a fixed clock; English and Chinese; `<script>` and formula-looking text come back as text.
 * Run `node build.mjs` first.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createEmulator } from '../../dev/emulator';
import { runScenario } from '../../dev/sim';
import { loadAddon, type Addon } from '../../dev/harness';
import type { Emulator } from '../../dev/emulator/types';
import { RULE_COLORS } from '../../src/core/setup/rules';

type SS = GoogleAppsScript.Spreadsheet.SpreadsheetApp;
const MARK = 'ClientFlow ⚠';
const OURS = '#f8d0cc';
// 2026-03-10 09:00 UTC.
const NOW = Date.UTC(2026, 2, 10, 9, 0, 0);

const EN_HEAD = ['Client ID', 'Company', 'Name', 'Email', 'Stage', 'Next follow-up', 'Last contact'];
const ZH_HEAD = ['客户编号', '客户名称', '联系人', '邮箱', '跟进阶段', '下次跟进', '上次联系'];
const WON = ['C90', 'Wonco', 'Wu', 'w@x.co', 'Won', '2026-01-01', '2026-01-01'];
const LOST = ['C91', 'Lostco', 'Lu', 'l@x.co', 'Lost', '2026-01-01', '2026-01-01'];
const ZH_WON = ['K90', '成交公司', '吴', 'w@x.co', '成交', '2026-01-01', '2026-01-01'];
const ZH_LOST = ['K91', '流失公司', '陆', 'l@x.co', '流失', '2026-01-01', '2026-01-01'];

function start(rows: string[][], userLocale: 'en' | 'zh-CN' = 'en'): { emu: Emulator; addon: Addon; app: SS } {
  const emu = createEmulator({ userLocale, now: NOW, timeZone: 'UTC' });
  emu.loadRows(rows);
  const addon = loadAddon(emu);
  emu.queueAnswers(['YES']);
  expect(addon.menu('menuAdopt')).toEqual({ ok: true, result: undefined });
  expect(addon.errors).toEqual([]);
  return { emu, addon, app: emu.globals.SpreadsheetApp as SS };
}

function data<T>(addon: Addon, fn: string, args: unknown[] = []): T {
  const out = addon.call(fn, args);
  if (!out.ok) throw new Error(out.error);
  const env = out.result as { ok: boolean; data?: T; error?: { message: string } };
  if (!env.ok) throw new Error(env.error?.message ?? 'error');
  return env.data as T;
}

interface Report {
  count: number;
  page: number;
  pages: number;
  cells: Array<{ a1: string; row: number; column: number; header: string; code: string; message: string; hint: string | null }>;
  byColumn: Array<{ header: string; count: number }>;
  byProblem: Array<{ code: string; message: string; count: number }>;
  legend: Array<{ kind: string; background: string; label: string }>;
  flagsChanged: number;
  message: string;
}

interface FollowUps {
  today: string;
  overdue: Array<{ name: string; row: number; column: number; days: number; label: string }>;
  due: Array<{ name: string; row: number; label: string }>;
  stale: Array<{ name: string; row: number; column: number; days: number; label: string }>;
  staleTitle: string;
  staleByStage: Array<{ stage: string; days: number }>;
  message: string;
}

const note = (emu: Emulator, a1: string) => emu.view('Sheet1', a1)[0]?.[0]?.note ?? '';

describe('the check report', () => {
  const rows: string[][] = [EN_HEAD];
  rows.push(WON, LOST);
  for (let i = 3; i <= 132; i++) rows.push([`C${i}`, `Co ${i}`, `P ${i}`, i % 2 === 0 ? `bad${i} at example` : `p${i}@example.com`, 'Lead', '2026-03-20', '2026-03-09']);

  test('refreshes every flag, counts, pages through every broken cell, go to selects it', () => {
    const { emu, addon, app } = start(rows);
    const sheet = app.getActiveSpreadsheet().getSheets()[0] as GoogleAppsScript.Spreadsheet.Sheet;
    // The user's own note on a broken cell stays; a stale note of ours on a valid cell goes.
    sheet.getRange('D5').setNote('ask for the work address');
    sheet.getRange('D4').setNote(`${MARK} old`);
    sheet.getRange('D4').setBackground(OURS);
    const r = data<Report>(addon, 'validateTable');
    expect(r.count).toBe(65);
    expect(r.byColumn).toEqual([{ column: 4, header: 'Email', count: 65 }]);
    expect(r.byProblem).toEqual([{ code: 'invalidEmail', message: 'Not a valid email address', count: 65 }]);
    expect(r.pages).toBe(2);
    expect(r.cells).toHaveLength(50);
    expect(r.cells[0]).toMatchObject({ a1: 'D5', row: 5, column: 4, header: 'Email', hint: null });
    // Flags: the same notes and highlight as typing.
    expect(note(emu, 'D5')).toBe('ask for the work address');
    expect(sheet.getRange('D5').getBackground()).toBe(OURS);
    expect(note(emu, 'D7')).toBe(`${MARK} Not a valid email address`);
    expect(sheet.getRange('D7').getBackground()).toBe(OURS);
    expect(note(emu, 'D4')).toBe('');
    expect(sheet.getRange('D4').getBackground()).toBe('#ffffff');
    expect(r.flagsChanged).toBeGreaterThanOrEqual(65);
    // Page 2: the rest, none cut off; nothing written.
    const p2 = data<Report>(addon, 'getCheckPage', [1]);
    expect(p2.page).toBe(1);
    expect(p2.cells).toHaveLength(15);
    expect(p2.cells[14]?.a1).toBe('D133');
    expect(p2.flagsChanged).toBe(0);
    expect(new Set([...r.cells, ...p2.cells].map((c) => c.a1)).size).toBe(65);
    // Go to: the active range becomes the cell.
    expect(app.getActiveRange().getA1Notation()).toBe('A1');
    expect(data<{ a1: string }>(addon, 'goToCell', [p2.cells[14]?.row, p2.cells[14]?.column])).toEqual({ a1: 'D133' });
    expect(app.getActiveRange().getA1Notation()).toBe('D133');
    expect(app.getActiveSpreadsheet().getActiveRange()?.getA1Notation()).toBe('D133');
    // A second check finds the flags already right.
    expect(data<Report>(addon, 'validateTable').flagsChanged).toBe(0);
    expect(addon.errors).toEqual([]);
  });

  test('legend colors are the rules\' colors; no cleanup hint where Clean up would leave the cell', () => {
    const { addon, app } = start([EN_HEAD, ['C1', 'Acme', 'Ann', 'a@b.co', 'Lead', '2026-03-20', '2026-03-01'], WON, LOST]);
    // Written by a script (no onEdit): a misspelt stage and a date nobody can read.
    const sheet = app.getActiveSpreadsheet().getSheets()[0] as GoogleAppsScript.Spreadsheet.Sheet;
    sheet.getRange('E2').setValue('Laid');
    sheet.getRange('F2').setValue('soon');
    const r = data<Report>(addon, 'validateTable');
    const kinds = r.legend.map((e) => e.kind);
    expect(kinds).toEqual(expect.arrayContaining(['won', 'lost', 'overdue', 'stale', 'broken']));
    expect(r.legend.find((e) => e.kind === 'overdue')?.background).toBe(RULE_COLORS.overdue.background);
    expect(r.legend.find((e) => e.kind === 'stale')?.background).toBe(RULE_COLORS.stale.background);
    expect(r.legend.find((e) => e.kind === 'broken')?.background).toBe(OURS);
    expect(r.legend.every((e) => e.label.length > 0)).toBe(true);
    const stage = r.cells.find((c) => c.code === 'unknownOption');
    // 'Laid' is not close enough for Clean up to rewrite it: the message asks instead, no hint promises it.
    expect(stage).toMatchObject({ message: 'Not one of the options. Did you mean “Lead”?', hint: null });
    // A date nobody can read: Clean up leaves it, so no hint promises otherwise (and no CLI command is named).
    expect(r.cells.find((c) => c.code === 'invalidDate')).toMatchObject({ a1: 'F2', hint: null });
  });

  test('Chinese, and cell text shown as text', () => {
    const { addon } = start([ZH_HEAD, ['K1', '<script>alert(1)</script>', "'=1+1", '错误邮箱', '潜在客户', '2026-03-20', '2026-03-09'], ZH_WON, ZH_LOST], 'zh-CN');
    const r = data<Report>(addon, 'validateTable');
    expect(r.count).toBe(1);
    expect(r.cells[0]?.message).toMatch(/[\u4e00-\u9fff]/);
    expect(r.message).toMatch(/[\u4e00-\u9fff]/);
    expect(r.legend.find((e) => e.kind === 'won')?.label).toMatch(/成交/);
  });
});

describe('follow-ups', () => {
  const rows: string[][] = [
    EN_HEAD,
    ['C1', 'Acme', 'Ann', 'a@x.co', 'Lead', '2026-03-05', '2026-03-09'], // overdue 5 days
    ['C2', 'Globex', 'Bob', 'b@x.co', 'Proposal', '2026-03-10', '2026-03-09'], // due today
    ['C3', 'Initech', 'Cai', 'c@x.co', 'Lead', '2026-03-30', '2026-01-01'], // stale (68 days)
    ['C4', 'Umbrella', 'Dan', 'd@x.co', 'Won', '2026-01-01', '2026-01-01'], // won: left out
    ['C5', '<script>x</script>', 'Eve', 'e@x.co', 'Lead', '2026-03-09', '2026-03-09'], // overdue 1 day
    ['C6', "'=HYPERLINK(\"x\")", 'Fay', 'f@x.co', 'Lead', '2026-03-11', '2026-03-09'], // not yet
    ['C7', 'Hooli', 'Gus', 'g@x.co', 'Lost', '2026-01-01', '2026-01-01'], // lost: left out
  ];

  test('due, overdue and stale with a fixed clock; go to selects the date cell', () => {
    const { addon, app } = start(rows);
    const f = data<FollowUps>(addon, 'getFollowUps');
    expect(f.today).toBe('2026-03-10');
    expect(f.overdue.map((x) => [x.name, x.days])).toEqual([['Acme', 5], ['<script>x</script>', 1]]);
    expect(f.due.map((x) => x.name)).toEqual(['Globex']);
    expect(f.stale.map((x) => [x.name, x.days])).toEqual([['Initech', 68]]);
    expect(f.overdue[0]?.label).toBe('Acme — follow-up 2026-03-05, 5 days ago');
    expect(f.message).toBe('Today 2026-03-10: 2 overdue, 1 due today, 1 without contact for over 14 days.');
    // No stage has days of its own: the title names the table's.
    expect(f.staleTitle).toBe('No contact in over 14 days');
    const s = f.stale[0];
    data(addon, 'goToCell', [s?.row, s?.column]);
    expect(app.getActiveRange().getA1Notation()).toBe('G4');
    expect(addon.errors).toEqual([]);
  });

  test('Chinese', () => {
    const { addon } = start([ZH_HEAD, ['K1', '华为', '张伟', 'a@x.co', '潜在客户', '2026-03-05', '2026-03-09'], ZH_WON, ZH_LOST], 'zh-CN');
    const f = data<FollowUps>(addon, 'getFollowUps');
    expect(f.overdue.map((x) => x.label)).toEqual(['华为 — 跟进日期 2026-03-05，已过 5 天']);
    expect(f.message).toMatch(/今天 2026-03-10/);
  });
});

describe('sim scenario', () => {
  test('check, a second page, go to and follow-ups through `clientflow sim` (the emulator\'s clock: 2026-01-15)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cf-report-'));
    const rows = [EN_HEAD, WON, LOST, ['C1', 'Acme', 'Ann', 'a@x.co', 'Lead', '2026-01-10', '2026-01-14']];
    for (let i = 2; i <= 60; i++) rows.push([`C${i}`, `Co ${i}`, `P ${i}`, `bad${i} at x`, 'Lead', '2026-02-01', '2026-01-14']);
    writeFileSync(join(dir, 'clients.csv'), rows.map((r) => r.join(',')).join('\n'));
    const p = join(dir, 'scenario.json');
    writeFileSync(p, JSON.stringify({ locale: 'en', data: 'clients.csv', steps: [
      { answer: ['YES'] }, { menu: 'menuAdopt' },
      { call: 'validateTable', args: [] }, { call: 'getCheckPage', args: [1] }, { call: 'goToCell', args: [62, 4] }, { call: 'getFollowUps', args: [] },
    ] }));
    const out = runScenario(p);
    expect(out.errors).toEqual([]);
    const reply = (i: number) => (out.steps[i]?.result as { ok: boolean; data: Record<string, unknown> }).data;
    expect(reply(2)).toMatchObject({ count: 59, page: 0, pages: 2 });
    expect(reply(3)).toMatchObject({ page: 1, flagsChanged: 0 });
    expect((reply(3).cells as unknown[]).length).toBe(9);
    expect(reply(4)).toEqual({ a1: 'D62' });
    expect((reply(5).overdue as Array<{ name: string; days: number }>).map((f) => [f.name, f.days])).toEqual([['Acme', 5]]);
    const sheet = out.sheets.find((x) => x.name === 'Sheet1');
    expect(sheet?.notes[4]?.[3]).toBe(`${MARK} Not a valid email address`);
  });
});

describe('stale per stage', () => {
  test('set in the Setup panel: the stale color and the follow-ups list use the stage\'s days, other stages the table\'s', () => {
    const { emu, addon, app } = start([
      EN_HEAD,
      ['C1', 'Acme', 'Ann', 'a@x.co', 'Proposal', '2026-03-20', '2026-03-05'], // 5 days: stale in Proposal (3)
      ['C2', 'Globex', 'Bo', 'b@x.co', 'Lead', '2026-03-20', '2026-03-05'], // 5 days: fine in Lead (14)
      ['C3', 'Initech', 'Cy', 'c@x.co', 'Lead', '2026-03-20', '2026-02-01'], // 37 days: stale in Lead
      WON, LOST,
    ]);
    const state = data<{ schema: { rules: Record<string, unknown>; fields: Array<{ role: string | null; options?: Array<{ label: string }> }> } }>(addon, 'getSetupState');
    expect(state.schema.fields.find((f) => f.role === 'stage')?.options?.map((o) => o.label)).toContain('Proposal');
    const draft = { ...state.schema, rules: { ...state.schema.rules, staleDaysByStage: { Proposal: 3 } } };
    data(addon, 'applySetup', [draft, { target: 'auto' }]);
    // stored (an optional field: configs without it read as before)
    expect(data<{ schema: { rules: { staleDaysByStage?: Record<string, number> } } }>(addon, 'getSetupState').schema.rules.staleDaysByStage).toEqual({ Proposal: 3 });
    const f = data<FollowUps>(addon, 'getFollowUps');
    expect(f.stale.map((x) => [x.name, x.days])).toEqual([['Initech', 37], ['Acme', 5]]);
    // The list's title and the summary say which days apply: the table's, and Proposal's own.
    expect(f.staleByStage).toEqual([{ stage: 'Proposal', days: 3 }]);
    expect(f.staleTitle).toBe('No contact in over 14 days (Proposal: 3 days)');
    expect(f.message).toBe('Today 2026-03-10: 0 overdue, 0 due today, 2 without contact for over 14 days (Proposal: 3 days).');
    // the stale color rule: Proposal after 3 days, the rest after 14
    const [sheet] = emu.snapshot().sheets;
    const stale = sheet?.conditionalFormats.find((c) => String(c.condition.args[0]).includes('TODAY()-') && c.format.background === RULE_COLORS.stale.background);
    expect(String(stale?.condition.args[0])).toMatch(/TODAY\(\)-IF\(.*"Proposal".*,3,14\)/);
    const shown = (a1: string) => emu.view(sheet?.name ?? 'Sheet1', a1)[0]?.[0]?.background;
    expect(shown('G2')).toBe(RULE_COLORS.stale.background); // Acme, Proposal, 5 days
    expect(shown('G3')).not.toBe(RULE_COLORS.stale.background); // Globex, Lead, 5 days
    expect(shown('G4')).toBe(RULE_COLORS.stale.background); // Initech, Lead, 37 days
    expect(app.getActiveSpreadsheet().getSheets().length).toBeGreaterThan(0);
    expect(addon.errors).toEqual([]);
  });

  test('Chinese: the title and the summary name each stage\'s own days, in stage order, with Chinese punctuation', () => {
    const { addon } = start([
      ZH_HEAD,
      ['K1', '华为', '张伟', 'a@x.co', '潜在客户', '2026-03-20', '2026-03-01'], // 9 days: stale in 潜在客户 (7)
      ['K2', '小米', '李娜', 'b@x.co', '谈判', '2026-03-20', '2026-03-09'],
      ZH_WON, ZH_LOST,
    ], 'zh-CN');
    const state = data<{ schema: { rules: Record<string, unknown>; fields: Array<{ role: string | null; options?: Array<{ label: string }> }> } }>(addon, 'getSetupState');
    const labels = state.schema.fields.find((f) => f.role === 'stage')?.options?.map((o) => o.label) ?? [];
    expect(labels).toEqual(expect.arrayContaining(['潜在客户', '谈判', '成交']));
    // 成交 is won (never followed up): its days are not shown; 谈判 before 潜在客户 in the map, stage order in the text.
    const draft = { ...state.schema, rules: { ...state.schema.rules, staleDays: 14, staleDaysByStage: { 谈判: 3, 潜在客户: 7, 成交: 1 } } };
    data(addon, 'applySetup', [draft, { target: 'auto' }]);
    const f = data<FollowUps>(addon, 'getFollowUps');
    expect(f.stale.map((x) => [x.name, x.days])).toEqual([['华为', 9]]);
    const stages = labels.filter((l) => l === '潜在客户' || l === '谈判').map((l) => `${l}：${l === '谈判' ? 3 : 7} 天`).join('、');
    expect(f.staleTitle).toBe(`超过 14 天未联系（${stages}）`);
    expect(f.message).toBe(`今天 2026-03-10：逾期 0 位，今天到期 0 位，超过 14 天未联系 1 位（${stages}）。`);
    expect(addon.errors).toEqual([]);
  });
});
