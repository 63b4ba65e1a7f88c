/**
 * "Build or refresh the funnel" (menuBuildFunnel) on the built bundle: the Funnel sheet's formulas,
 * evaluated by the emulator's engine, give the core's own figures for the same table (with and without a
 * filter chosen on the sheet); a refresh rewrites the same sheet and the same charts (no duplicates) and
 * keeps the user's filter and cells; a deleted sheet or chart comes back, a moved chart stays where it
 * was put; the charts are the funnel (stacked bars over a transparent spacer) and the trends; English
 * and Chinese; no stage column and unknown stage values are reported. Run `node build.mjs` first.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startOn, type SS, data } from './helpers';
import type { Addon } from '../../dev/harness';
import type { Emulator, SimChart } from '../../dev/emulator/types';
import { runScenario } from '../../dev/sim';
import { decodeTable } from '../../src/core/config';
import { defaultContext } from '../../src/core/fields';
import type { CellValue, DropdownOption } from '../../src/core/fields/types';
import { computeFunnel, funnelRecords, historyFromGrid, HISTORY_SHEET_KEY, HISTORY_SHEET_NAMES, type FunnelFilters, type FunnelResult, type StageChange } from '../../src/core/funnel';

const EN: string[][] = [
  ['Client ID', 'Company', 'Name', 'Owner', 'Channel', 'Stage', 'Deal value', 'Created'],
  ['C1', 'Acme', 'Ann', 'Amy', 'Website', 'Lead', '1000', '2026-01-05'],
  ['C2', 'Globex', 'Bob', 'Ben', 'Referral', 'Proposal', '2500', '2026-02-06'],
  ['C3', 'Initech', 'Cai', 'Amy', 'Website', 'Won', '5000', '2026-02-08'],
  ['C4', 'Umbrella', 'Dan', 'Ben', 'Event', 'Lost', '7000', '2026-03-09'],
  ['C5', 'Hooli', 'Eve', 'Amy', 'Referral', 'Contacted', '100', '2026-03-20'],
  ['C6', 'Vandelay', 'Fay', 'Cy', 'Event', 'Negotiation', '3000', '2026-03-21'],
  ['C7', 'Stark', 'Gus', 'Amy', 'Website', 'Qualified', '', '2026-01-11'],
  ['C8', 'Wayne', 'Hal', 'Ben', 'Website', 'Won', '8000', '2026-01-30'],
  ['C9', 'Tyrell', 'Ivy', 'Cy', 'Referral', 'Proposal', '1200', '2026-02-14'],
];

const ZH: string[][] = [
  ['客户编号', '客户名称', '联系人', '负责人', '客户来源', '跟进阶段', '成交金额', '创建日期'],
  ['K1', '华为', '张伟', '王芳', '官网', '潜在客户', '¥1,200', '2026-01-05'],
  ['K2', '腾讯', '李娜', '刘洋', '转介绍', '初步接触', '¥2,500', '2026-02-06'],
  ['K3', '阿里', '陈静', '王芳', '展会', '方案报价', '¥5,000', '2026-02-08'],
  ['K4', '百度', '赵磊', '刘洋', '官网', '成交', '¥7,000', '2026-03-09'],
  ['K5', '京东', '孙丽', '王芳', '展会', '流失', '¥3,000', '2026-03-20'],
  ['K6', '美团', '周杰', '刘洋', '转介绍', '商务谈判', '¥9,000', '2026-03-21'],
  ['K7', '小米', '吴敏', '王芳', '官网', '需求分析', '', '2026-01-11'],
];

function adopt(emu: Emulator, addon: Addon): void {
  emu.queueAnswers(['YES']);
  expect(addon.menu('menuAdopt')).toEqual({ ok: true, result: undefined });
  expect(addon.errors).toEqual([]);
}

function build(emu: Emulator, addon: Addon): string {
  const n = emu.alerts.length;
  expect(addon.menu('menuBuildFunnel')).toEqual({ ok: true, result: undefined });
  expect(addon.errors).toEqual([]);
  expect(emu.alerts).toHaveLength(n + 1);
  return emu.alerts[n]?.prompt ?? '';
}

interface StoredSchema { stages: { won: string; lost: string } | null; fields: Array<{ role: string | null; options?: DropdownOption[] }> }

/** The stored schema of Sheet1's table (each table is stored under its sheet's key). */
function tableSchema(emu: Emulator): StoredSchema {
  const app = emu.globals.SpreadsheetApp as GoogleAppsScript.Spreadsheet.SpreadsheetApp;
  const sheet = app.getActiveSpreadsheet().getSheetByName('Sheet1');
  if (!sheet) throw new Error('no Sheet1');
  const props = (emu.globals.PropertiesService as GoogleAppsScript.Properties.PropertiesService).getDocumentProperties().getProperties();
  const r = decodeTable(props, sheet.getSheetId());
  if (!r.ok) throw new Error('no table on Sheet1');
  return r.schema as unknown as StoredSchema;
}

/** The core's funnel of the table as it stands (the stage options as the add-on stored them). */
function coreFunnel(emu: Emulator, addon: Addon, locale: 'en' | 'zh-CN', filters: FunnelFilters = {}, history: StageChange[] | null = null): FunnelResult {
  const schema = tableSchema(emu);
  const stage = schema.fields.find((f) => f.role === 'stage');
  const grid = emu.view('Sheet1', 'A1:H20').map((r) => r.map((c) => (c.value instanceof Date ? c.display : c.value) as CellValue));
  const rows = grid.filter((r) => r.some((v) => v !== '' && v !== null));
  const ownerCol = schema.fields.find((f) => f.role === 'owner');
  const channelCol = schema.fields.find((f) => f.role === 'channel');
  const records = funnelRecords(rows, {
    stage: 5, id: { column: 0 },
    owner: { column: 3, ...(ownerCol?.options ? { options: ownerCol.options } : {}) },
    channel: { column: 4, ...(channelCol?.options ? { options: channelCol.options } : {}) },
    value: { column: 6, type: 'currency' }, created: { column: 7, type: 'date' },
  }, defaultContext(locale), 1, rows.length);
  return computeFunnel({
    records, stage: { options: stage?.options ?? [], won: schema.stages?.won ?? null, lost: schema.stages?.lost ?? null },
    filters, history, now: new Date(Date.UTC(2026, 5, 1)), timeZone: 'UTC',
  });
}

function funnelName(emu: Emulator): string {
  const names = emu.sheetNames().filter((n) => n !== 'Sheet1');
  expect(names).toHaveLength(1);
  return names[0] as string;
}

function grid(emu: Emulator, sheet: string, a1 = 'A1:U60') {
  return emu.view(sheet, a1);
}

/** Finds the row whose column A reads `label` (first match below `from`). */
function rowOf(emu: Emulator, sheet: string, label: string, from = 1): number {
  const g = grid(emu, sheet, 'A1:A60');
  for (let r = from - 1; r < g.length; r++) if (g[r]?.[0]?.display === label) return r + 1;
  throw new Error(`no row "${label}" in ${sheet}`);
}

function expectSheetEqualsCore(emu: Emulator, sheet: string, r: FunnelResult, labels: { stage: string; won: string; lost: string; winRate: string; open: string }) {
  const header = rowOf(emu, sheet, labels.stage);
  const g = grid(emu, sheet);
  r.stages.forEach((s, i) => {
    const row = g[header + i] ?? [];
    expect(row[0]?.value).toBe(s.label);
    expect([row[1]?.value, row[2]?.value, row[5]?.value]).toEqual([s.reached, s.now, s.dropOff]);
    expect(row[3]?.value as number).toBeCloseTo(s.conversion, 9);
    expect(row[4]?.value as number).toBeCloseTo(s.fromTop, 9);
    expect(row[6]?.value as number).toBeCloseTo(s.value, 6);
  });
  const total = (label: string) => g[rowOf(emu, sheet, label, header + r.stages.length) - 1]?.[1]?.value;
  expect(total(labels.won)).toBe(r.won);
  expect(total(labels.lost)).toBe(r.lost);
  expect(total(labels.winRate) as number).toBeCloseTo(r.winRate ?? NaN, 9);
  expect(total(labels.open) as number).toBeCloseTo(r.openValue, 6);
}

const EN_LABELS = { stage: 'Stage', won: 'Won', lost: 'Lost', winRate: 'Win rate', open: 'Open pipeline' };

function charts(emu: Emulator, sheet: string): SimChart[] {
  return emu.snapshot().sheets.find((s) => s.name === sheet)?.charts ?? [];
}

function chartIds(app: SS, sheet: string): number[] {
  return (app.getActiveSpreadsheet().getSheetByName(sheet)?.getCharts() ?? []).map((c) => c.getChartId() as number);
}

describe('menuBuildFunnel', () => {
  it('lays out live formulas whose values are the core\'s funnel, and follow a filter chosen on the sheet', () => {
    const { emu, addon } = startOn(EN, 'en');
    adopt(emu, addon);
    const message = build(emu, addon);
    expect(message).toMatch(/The sheet "Funnel" shows the funnel of "Sheet1": 9 clients counted, win rate 66.7%/);
    const sheet = funnelName(emu);
    expect(sheet).toBe('Funnel');
    const r = coreFunnel(emu, addon, 'en');
    expect(r.stages.map((s) => s.reached)).toEqual([9, 7, 6, 5, 3, 2]);
    expectSheetEqualsCore(emu, sheet, r, EN_LABELS);
    // The figures are formulas over the table's columns, not values.
    const header = rowOf(emu, sheet, 'Stage');
    expect(grid(emu, sheet)[header]?.[2]?.formula).toMatch(/^=COUNTIFS\('Sheet1'!\$F:\$F,"Lead"/);

    // The filter cells are dropdowns of the owners and channels; choosing one changes every figure.
    const ownerCell = `B${rowOf(emu, sheet, 'Owner')}`;
    const ownerView = grid(emu, sheet, ownerCell)[0]?.[0];
    expect(ownerView?.validation).toMatchObject({ criteria: 'VALUE_IN_LIST', listValues: ['Amy', 'Ben', 'Cy'] });
    emu.personEdit({ kind: 'type', sheet, a1: ownerCell, value: 'Amy' });
    const amy = coreFunnel(emu, addon, 'en', { owner: 'Amy' });
    expect(amy.clients).toBe(4);
    expectSheetEqualsCore(emu, sheet, amy, EN_LABELS);
    // A created period too.
    const fromCell = `B${rowOf(emu, sheet, 'Created from')}`;
    emu.personEdit({ kind: 'type', sheet, a1: ownerCell, value: '' });
    emu.personEdit({ kind: 'type', sheet, a1: fromCell, value: '2026-02-01' });
    const since = coreFunnel(emu, addon, 'en', { created: { from: '2026-02-01' } });
    expectSheetEqualsCore(emu, sheet, since, EN_LABELS);

    // An edit of the table shows without a rebuild.
    emu.personEdit({ kind: 'type', sheet: 'Sheet1', a1: 'F2', value: 'Won' });
    expectSheetEqualsCore(emu, sheet, coreFunnel(emu, addon, 'en', { created: { from: '2026-02-01' } }), EN_LABELS);
    emu.personEdit({ kind: 'type', sheet, a1: fromCell, value: '' });
    expectSheetEqualsCore(emu, sheet, coreFunnel(emu, addon, 'en'), EN_LABELS);
  });

  it('draws the funnel as stacked bars over a transparent spacer, stages in order, labelled with counts and percents; and the trends', () => {
    const { emu, addon } = startOn(EN, 'en');
    adopt(emu, addon);
    build(emu, addon);
    const list = charts(emu, 'Funnel');
    expect(list.map((c) => [c.chartType, c.options.title])).toEqual([
      ['BAR', 'Funnel: clients who reached each stage'],
      ['COLUMN', 'New clients per month'],
      ['COLUMN', 'Clients and deal value by channel'],
      ['COLUMN', 'Clients and deal value by owner'],
    ]);
    const funnel = list[0] as SimChart;
    expect(funnel.options.isStacked).toBe(true);
    expect(funnel.options.series).toEqual({ 0: { color: 'transparent', visibleInLegend: false }, 1: { color: '#4285f4', dataLabel: 'value' } });
    // (The lost client counts at the first stage.) The axis labels (first range), then the spacer and reached series, header row included.
    const [axis, series] = funnel.ranges;
    const axisCells = emu.view('Funnel', axis as string).slice(1).map((r) => r[0]?.display);
    expect(axisCells).toEqual(['Lead  9 (100%)', 'Contacted  7 (78%)', 'Qualified  6 (67%)', 'Proposal  5 (56%)', 'Negotiation  3 (33%)', 'Won  2 (22%)']);
    const bars = emu.view('Funnel', series as string).slice(1).map((r) => [r[0]?.value, r[1]?.value]);
    expect(bars).toEqual([[0, 9], [1, 7], [1.5, 6], [2, 5], [3, 3], [3.5, 2]]);
    // The months: January to March, each with its new clients.
    const months = emu.view('Funnel', list[1]?.ranges[0] as string).slice(1).map((r) => [r[0]?.display, r[1]?.value]);
    expect(months).toEqual([['2026-01', 3], ['2026-02', 3], ['2026-03', 3]]);
    const channels = emu.view('Funnel', list[2]?.ranges[0] as string).map((r) => r.map((c) => c.value));
    expect(channels[0]).toEqual(['Channel', 'Clients', 'Value']);
    expect(channels.slice(1).map((r) => r.slice(0, 2))).toEqual([['Website', 4], ['Referral', 3], ['Event', 2]]);
  });

  it('a refresh rewrites the same sheet and charts (no duplicates), keeps the user\'s filter and cells, brings back what was deleted', () => {
    const { emu, addon, app } = startOn(EN, 'en');
    adopt(emu, addon);
    build(emu, addon);
    const ss = app.getActiveSpreadsheet();
    const ids = chartIds(app, 'Funnel');
    expect(ids).toHaveLength(4);
    const before = emu.snapshot().sheets.find((s) => s.name === 'Funnel');
    // The user's own cells beside ours, and a filter choice.
    const ownerCell = `B${rowOf(emu, 'Funnel', 'Owner')}`;
    emu.personEdit({ kind: 'type', sheet: 'Funnel', a1: 'D3', value: 'my note' });
    emu.personEdit({ kind: 'type', sheet: 'Funnel', a1: ownerCell, value: 'Ben' });
    build(emu, addon);
    expect(emu.sheetNames()).toEqual(['Sheet1', 'Funnel']);
    expect(chartIds(app, 'Funnel')).toEqual(ids);
    const after = emu.snapshot().sheets.find((s) => s.name === 'Funnel');
    expect(after?.formulas).toEqual(before?.formulas);
    expect(after?.charts).toEqual(before?.charts);
    expect(emu.view('Funnel', 'D3')[0]?.[0]?.value).toBe('my note');
    expect(emu.view('Funnel', ownerCell)[0]?.[0]?.value).toBe('Ben');
    expectSheetEqualsCore(emu, 'Funnel', coreFunnel(emu, addon, 'en', { owner: 'Ben' }), EN_LABELS);

    // A chart deleted, one moved, one edited; a renamed sheet is still ours.
    const sheet = ss.getSheetByName('Funnel') as GoogleAppsScript.Spreadsheet.Sheet;
    const [c0, c1, c2] = sheet.getCharts();
    sheet.removeChart(c0 as GoogleAppsScript.Spreadsheet.EmbeddedChart);
    sheet.updateChart((c1 as GoogleAppsScript.Spreadsheet.EmbeddedChart).modify().setPosition(40, 2, 5, 5).build());
    sheet.updateChart((c2 as GoogleAppsScript.Spreadsheet.EmbeddedChart).modify().setOption('title', 'mine').setChartType(app.getActiveSpreadsheet() && (emu.globals.Charts as typeof Charts).ChartType.PIE).build());
    sheet.setName('Pipeline');
    build(emu, addon);
    expect(emu.sheetNames()).toEqual(['Sheet1', 'Pipeline']);
    const list = charts(emu, 'Pipeline');
    expect(list).toHaveLength(4);
    expect(list.map((c) => c.options.title).sort()).toEqual(['Clients and deal value by channel', 'Clients and deal value by owner', 'Funnel: clients who reached each stage', 'New clients per month']);
    const months = list.find((c) => c.options.title === 'New clients per month');
    expect(months?.position).toEqual({ row: 40, column: 2, offsetX: 5, offsetY: 5 });
    expect(list.find((c) => c.options.title === 'Clients and deal value by channel')?.chartType).toBe('COLUMN');

    // The whole sheet deleted: made again.
    ss.deleteSheet(ss.getSheetByName('Pipeline') as GoogleAppsScript.Spreadsheet.Sheet);
    build(emu, addon);
    expect(emu.sheetNames()).toEqual(['Sheet1', 'Funnel']);
    expect(charts(emu, 'Funnel')).toHaveLength(4);
    expectSheetEqualsCore(emu, 'Funnel', coreFunnel(emu, addon, 'en'), EN_LABELS);
  });

  it('Chinese: the sheet, its process map and charts speak Chinese; the figures are the core\'s', () => {
    const { emu, addon } = startOn(ZH, 'zh-CN');
    adopt(emu, addon);
    const message = build(emu, addon);
    expect(message).toMatch(/工作表“销售漏斗”显示“Sheet1”的销售漏斗：共统计 7 位客户，赢单率 50%/);
    expect(funnelName(emu)).toBe('销售漏斗');
    const r = coreFunnel(emu, addon, 'zh-CN');
    expectSheetEqualsCore(emu, '销售漏斗', r, { stage: '阶段', won: '成交', lost: '流失', winRate: '赢单率', open: '在途金额' });
    const map = emu.view('销售漏斗', 'Q1:U20').map((row) => row.map((c) => c.display));
    expect(map[0]?.[0]).toBe('客户管理流程图：各阶段的含义、负责角色、需填写的字段和适用规则');
    const header = map.findIndex((row) => row[0] === '阶段');
    expect(map[header]).toEqual(['阶段', '阶段含义', '角色和职责', '需填写的字段', '适用规则']);
    expect(map.slice(header + 1, header + 8).map((row) => row[0])).toEqual(['潜在客户', '初步接触', '需求分析', '方案报价', '商务谈判', '成交', '流失']);
    expect(map[header + 1]?.[1]).toBe('潜在客户识别：记录新客户资料及客户来源');
    expect(map[header + 1]?.[2]).toBe('销售人员（“负责人”列）');
    expect(map[header + 6]?.[2]).toBe('客户支持人员（“负责人”列）');
    expect(charts(emu, '销售漏斗').map((c) => c.options.title)).toEqual(['销售漏斗：到达各阶段的客户数', '每月新增客户', '各客户来源的客户数与金额', '各负责人的客户数与金额']);
  });

  it('Chinese: a stage value that is none of the stages is named with Chinese quotes and parentheses', () => {
    const { emu, addon } = startOn(ZH, 'zh-CN');
    adopt(emu, addon);
    emu.personEdit({ kind: 'type', sheet: 'Sheet1', a1: 'F3', value: '暂停' });
    const message = build(emu, addon);
    expect(message).toContain('未计入：“暂停”（1）。');
    const map = emu.view('销售漏斗', 'Q1:Q20').map((row) => row[0]?.display ?? '');
    expect(map.find((x) => x.includes('暂停'))).toMatch(/暂停（1）/);
  });

  it('stage values that are none of the stages are listed as not counted, on the sheet and in the message', () => {
    const { emu, addon } = startOn(EN, 'en');
    adopt(emu, addon);
    emu.personEdit({ kind: 'type', sheet: 'Sheet1', a1: 'F3', value: 'Paused' });
    const message = build(emu, addon);
    expect(message).toMatch(/1 row has a stage that is none of the stages, not counted: "Paused" \(1\)/);
    const map = emu.view('Funnel', 'Q1:Q20').map((row) => row[0]?.display);
    expect(map).toContain('Not counted: stage values that are none of the stages: Paused (1)');
    const r = coreFunnel(emu, addon, 'en');
    expect(r.clients).toBe(8);
    expectSheetEqualsCore(emu, 'Funnel', r, EN_LABELS);
  });

  it('with a stage history sheet: who reached each stage by the history and the days in each stage, as values, with the note why', () => {
    const { emu, addon, app } = startOn(EN, 'en');
    adopt(emu, addon);
    const rows = [
      ['Client ID', 'From', 'To', 'When'],
      ['C1', '', 'Lead', '2026-01-05'], ['C1', 'Lead', 'Contacted', '2026-01-09'], ['C1', 'Contacted', 'Lead', '2026-01-20'],
      ['C4', '', 'Lead', '2026-03-09'], ['C4', 'Lead', 'Proposal', '2026-03-12'], ['C4', 'Proposal', 'Lost', '2026-03-30'],
      ['C3', 'Lead', 'Qualified', '2026-02-10'], ['C3', 'Qualified', 'Won', '2026-02-20'],
      ['C99', 'Lead', 'Won', '2026-02-01'],
    ];
    emu.runScript(() => {
      const ss = app.getActiveSpreadsheet();
      const h = ss.insertSheet(HISTORY_SHEET_NAMES.en);
      h.addDeveloperMetadata(HISTORY_SHEET_KEY, String(ss.getSheetByName('Sheet1')?.getSheetId()));
      h.hideSheet();
    });
    emu.loadRows(rows, HISTORY_SHEET_NAMES.en);
    const message = build(emu, addon);
    expect(message).toMatch(/Stage history: 9 changes read from "ClientFlow stage history"/);
    expect(message).toMatch(/1 history row is about clients no longer in the table \(deleted or merged\), not counted/);
    const read = historyFromGrid(rows, defaultContext('en'));
    if (!read.ok) throw new Error('history');
    const r = coreFunnel(emu, addon, 'en', {}, read.changes);
    expect(r.history?.orphans).toBe(1);
    const header = rowOf(emu, 'Funnel', 'Stage');
    const g = grid(emu, 'Funnel');
    expect([g[header - 1]?.[7]?.value, g[header - 1]?.[8]?.value]).toEqual(['Reached (history)', 'Avg days']);
    r.stages.forEach((s, i) => {
      expect(g[header + i]?.[7]?.value).toBe(s.reached);
      expect(g[header + i]?.[8]?.value).toBe(s.avgDays === null ? '' : Math.round(s.avgDays * 10) / 10);
    });
    // C4 (lost) got as far as Proposal by its history; without one it would count at Lead only.
    expect(r.stages.find((s) => s.label === 'Proposal')?.reached).toBe(6);
    expect(emu.view('Funnel', 'A1:A40').some((row) => /As a sheet formula that would compare every client with every history row/.test(row[0]?.display ?? ''))).toBe(true);
    // The live columns still count from current stages.
    expectSheetEqualsCore(emu, 'Funnel', coreFunnel(emu, addon, 'en'), EN_LABELS);
  });

  it('an empty table: zeros, no win rate', () => {
    const { emu, addon } = startOn(EN, 'en');
    adopt(emu, addon);
    emu.personEdit({ kind: 'delete', sheet: 'Sheet1', a1: 'A2:H10' });
    expect(build(emu, addon)).toMatch(/0 clients counted, win rate —/);
    const header = rowOf(emu, 'Funnel', 'Stage');
    const g = grid(emu, 'Funnel');
    expect(g.slice(header, header + 6).map((row) => [row[1]?.value, row[2]?.value, row[3]?.value])).toEqual(Array(6).fill([0, 0, 0]).map((x, i) => (i === 0 ? [0, 0, 1] : x)));
    expect(g[rowOf(emu, 'Funnel', 'Win rate') - 1]?.[1]?.value).toBe('');
  });

  it('on a table set up from the B2B template: the figures are the core\'s, the process map shows the table\'s rules', () => {
    const { emu, addon } = startOn([], 'en');
    emu.queueAnswers(['1']);
    expect(addon.menu('menuSetUp')).toEqual({ ok: true, result: undefined });
    const table = emu.sheetNames()[emu.sheetNames().length - 1] as string;
    emu.activateSheet(table);
    // Company, Name, …, Channel (G), Owner (H), Stage (I), …, Deal value (N).
    const row = (company: string, channel: string, owner: string, stage: string, value: string) =>
      ['', company, 'x', '', '', '', channel, owner, stage, '', '', '', '', value];
    expect(addon.paste('A2', [
      row('Acme', 'Website', 'Amy', 'Lead', '100'), row('Globex', 'Referral', 'Ben', 'Won', '900'),
      row('Initech', 'Website', 'Amy', 'Proposal', '300'), row('Hooli', 'Event', 'Ben', 'Lost', '50'),
      row('Stark', 'Website', 'Cy', 'Won', '700'),
    ]).ok).toBe(true);
    build(emu, addon);
    const sheet = emu.sheetNames().find((n) => n.startsWith('Funnel')) as string;
    const summary = data<{ stages: Array<{ label: string; reached: number; now: number }>; won: number; lost: number; openValue: number; avgCycleDays: number | null }>(addon, 'getFunnelSummary');
    const header = rowOf(emu, sheet, 'Stage');
    const g = grid(emu, sheet);
    expect(summary.stages.map((s) => s.label)).toEqual(['Lead', 'Contacted', 'Qualified', 'Proposal', 'Negotiation', 'Won']);
    summary.stages.forEach((s, i) => expect([g[header + i]?.[0]?.value, g[header + i]?.[1]?.value, g[header + i]?.[2]?.value]).toEqual([s.label, s.reached, s.now]));
    expect(g[rowOf(emu, sheet, 'Won', header + 6) - 1]?.[1]?.value).toBe(summary.won);
    expect(g[rowOf(emu, sheet, 'Open pipeline') - 1]?.[1]?.value).toBe(summary.openValue);
    // Created and Stage since were stamped on the same day: a cycle of 0 days (formula and core).
    const cycle = g[rowOf(emu, sheet, 'Avg cycle (days, created to won)') - 1]?.[1]?.value as number;
    expect(cycle).toBeCloseTo(summary.avgCycleDays ?? NaN, 6);
    const map = emu.view(sheet, 'Q1:U20').map((r) => r.map((c) => c.display));
    const lead = map.find((r) => r[0] === 'Lead');
    expect(lead?.[4]).toBe('"Last contact" older than 14 days is shown amber; a "Next follow-up" date in the past is shown red; "Stage since" is set to the day the stage changes');
    expect(map.some((r) => r[0] === 'The stage column accepts only the stages listed below (their other spellings count as the stage).')).toBe(true);
  });

  it('a table with no stage column, or no table at all: a clear message, no sheet', () => {
    const noStage = EN.map((r) => [r[0], r[1], r[2], r[3], r[6]] as string[]);
    const { emu, addon } = startOn(noStage, 'en');
    expect(build(emu, addon)).toMatch(/There is no client table yet/);
    adopt(emu, addon);
    expect(build(emu, addon)).toMatch(/The table "Sheet1" has no stage column, so there is no funnel to count/);
    expect(emu.sheetNames()).toEqual(['Sheet1']);
  });

  it('the sidebar: key figures with the sheet\'s filters, the leakiest steps, and the same build', () => {
    const { emu, addon } = startOn(EN, 'en');
    adopt(emu, addon);
    const first = data<{ sheet: string | null; clients: number }>(addon, 'getFunnelSummary');
    expect(first).toMatchObject({ sheet: null, clients: 9 });
    const built = data<{ sheet: string; clients: number; leaks: Array<{ from: string; to: string }> }>(addon, 'buildFunnel');
    expect(built.sheet).toBe('Funnel');
    expect(built.leaks[0]).toMatchObject({ from: 'Proposal', to: 'Negotiation' });
    emu.personEdit({ kind: 'type', sheet: 'Funnel', a1: `B${rowOf(emu, 'Funnel', 'Channel')}`, value: 'Website' });
    const filtered = data<{ clients: number; filters: string[] }>(addon, 'getFunnelSummary');
    expect(filtered).toMatchObject({ clients: 4, filters: ['Channel: Website'] });
  });

  it('takes a constant number of service calls, whatever the table size', () => {
    const calls = (rows: number) => {
      const big = [EN[0] as string[]];
      for (let i = 0; i < rows; i++) big.push([...(EN[1 + (i % 9)] as string[])].map((v, j) => (j === 0 ? `C${i}` : v)));
      const { emu, addon } = startOn(big, 'en');
      adopt(emu, addon);
      const before = emu.stats().total;
      build(emu, addon);
      return emu.stats().total - before;
    };
    expect(calls(400)).toBe(calls(20));
  });

  it('sim: {"menu": "menuBuildFunnel"} builds the sheet headless', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sim-funnel-'));
    writeFileSync(join(dir, 'clients.csv'), EN.map((r) => r.join(',')).join('\n'));
    const p = join(dir, 'scenario.json');
    writeFileSync(p, JSON.stringify({ locale: 'en', data: 'clients.csv', steps: [{ answer: ['YES'] }, { menu: 'menuAdopt' }, { menu: 'menuBuildFunnel' }] }));
    const out = runScenario(p);
    expect(out.errors).toEqual([]);
    const funnel = out.sheets.find((s) => s.name === 'Funnel');
    expect(funnel?.charts.map((c) => c.chartType)).toEqual(['BAR', 'COLUMN', 'COLUMN', 'COLUMN']);
    expect(out.alerts.at(-1)?.prompt).toMatch(/9 clients counted/);
  });
});
