/**
 * The Funnel sheet's layout: blocks are the connected groups of planned cells (the cells between them stay
 * the user's); text is written as plain text and formulas never are; the remembered state is read back
 * only when it is ours and well formed; the process map follows the funnel's order in both languages.
 */
import { blocksOf, encodeFunnelState, filtersOfCells, freeSheetName, layoutFunnelSheet, parseFunnelState, processMap, serialOf } from '../../../src/core/funnel';
import { dateToSerial, defaultContext } from '../../../src/core/fields';
import { parseDateTimeCell } from '../../../src/core/fields/datetext';
import type { DropdownOption } from '../../../src/core/fields/types';

const opt = (label: string, variants?: string[]): DropdownOption => (variants ? { label, color: '#ffffff', variants } : { label, color: '#ffffff' });
const OPTIONS = [opt('Lead'), opt('Contacted'), opt('Won', ['成交']), opt('On hold'), opt('Lost')];

test('blocks: connected cells, text as plain text, formulas and numbers with their formats', () => {
  const blocks = blocksOf([
    { row: 1, column: 1, a1: 'A1', value: 'Title' },
    { row: 3, column: 1, a1: 'A3', value: '00123' },
    { row: 3, column: 2, a1: 'B3', formula: '=1+1', format: '0.0%' },
    { row: 4, column: 2, a1: 'B4', value: 5 },
    { row: 3, column: 3, a1: 'C3', format: 'yyyy-mm-dd' },
    { row: 3, column: 5, a1: 'E3', value: '=not a formula' },
  ]);
  expect(blocks.map((b) => b.a1)).toEqual(['A1:A1', 'A3:B4', 'E3:E3']);
  expect(blocks[1]?.values).toEqual([['00123', '=1+1'], ['', 5]]);
  expect(blocks[1]?.formats).toEqual([['@', '0.0%'], ['@', '#,##0.##']]);
  expect(blocks[2]?.formats).toEqual([['@']]);
});

test('the layout: the figures, the map and the charts do not overlap; the funnel chart reads its axis labels first', () => {
  const l = layoutFunnelSheet({
    sheet: { locale: 'en', table: { sheetName: 'Clients', columns: { stage: 3, owner: 2, created: 4 } }, stage: { options: OPTIONS }, months: [46023, 46054] },
    map: { options: OPTIONS, won: 'Won', lost: 'Lost', fields: [{ header: 'Owner', role: 'owner', required: true }], rules: { staleDays: 14, overdueFollowUp: true }, stageRejects: true },
    unmapped: [{ value: 'Paused', count: 2 }],
    noStage: 1,
    choices: { owner: ['Amy'], channel: [] },
  });
  const cells = new Set<string>();
  for (const b of l.blocks) {
    b.values.forEach((row, i) => row.forEach((_, j) => {
      const k = `${b.row + i},${b.column + j}`;
      expect(cells.has(k)).toBe(false);
      cells.add(k);
    }));
  }
  expect(l.filters.map((f) => [f.key, f.kind, f.choices])).toEqual([['owner', 'list', ['Amy']], ['createdFrom', 'date', []], ['createdTo', 'date', []]]);
  expect(l.charts.map((c) => c.kind)).toEqual(['funnel', 'months']);
  expect(l.charts[0]?.ranges[0]).toMatch(/^O\d+:O\d+$/);
  const text = l.blocks.flatMap((b) => b.values.flat()).filter((v): v is string => typeof v === 'string');
  expect(text).toContain('Not counted: stage values that are none of the stages: Paused (2)');
  expect(text).toContain('1 row has no stage (not counted).');
});

test('the process map: the funnel order, lost last; meanings of known steps only; the table\'s own headers', () => {
  const m = processMap({
    locale: 'zh-CN', options: OPTIONS, won: 'Won', lost: 'Lost', stageRejects: false,
    fields: [{ header: '负责人', role: 'owner', required: true }, { header: '最近联系日期', role: 'lastContact', required: false }],
    rules: { staleDays: 7, overdueFollowUp: true },
  });
  expect(m.rows.map((r) => r.stage)).toEqual(['Lead', 'Contacted', 'On hold', 'Won', 'Lost']);
  expect(m.rows[2]?.meaning).toBe('—');
  expect(m.rows[0]?.rules).toBe('“最近联系日期”超过 7 天显示为橙色');
  expect(m.rows[3]?.rules).toBe('不再提醒跟进');
  expect(m.general).toEqual(['每个阶段都必须填写：负责人。']);
  // Stale days set for one stage: that stage's row says its own days.
  const perStage = processMap({
    locale: 'en', options: OPTIONS, won: 'Won', lost: 'Lost', stageRejects: false,
    fields: [{ header: 'Last contact', role: 'lastContact', required: false }],
    rules: { staleDays: 14, staleDaysByStage: { Contacted: 3 }, overdueFollowUp: true },
  });
  expect(perStage.rows.map((r) => r.rules.match(/\d+ days/)?.[0] ?? null)).toEqual(['14 days', '3 days', '14 days', null, null]);
});

test('the remembered state: ours and well formed, or nothing', () => {
  const s = { v: 1 as const, table: 7, blocks: ['A1:B2'], filters: { owner: 'B3', channel: null, createdFrom: null, createdTo: null }, charts: { funnel: 12 } };
  expect(parseFunnelState(encodeFunnelState(s))).toEqual(s);
  expect(parseFunnelState('{"v":2}')).toBeNull();
  expect(parseFunnelState('not json')).toBeNull();
  expect(parseFunnelState(JSON.stringify({ ...s, blocks: ['A1:B2', 'x;y'], charts: { funnel: 'a' } }))).toEqual({ ...s, charts: {} });
  expect(freeSheetName('Funnel', new Set(['funnel', 'Funnel 2']))).toBe('Funnel 3');
  expect(filtersOfCells({ owner: ' Amy ', createdFrom: new Date(Date.UTC(2026, 1, 1, 5)), createdTo: '' }, 'America/New_York'))
    .toEqual({ owner: 'Amy', channel: null, created: { from: '2026-02-01', to: null } });
});

test('a Date cell read the fast way is the day and minute the date types read, in any time zone', () => {
  for (const timeZone of ['UTC', 'America/New_York', 'Asia/Shanghai', 'Australia/Lord_Howe']) {
    const ctx = { ...defaultContext('en'), timeZone };
    for (let i = 0; i < 400; i++) {
      const d = new Date(Date.UTC(1995, 0, 1) + i * 7_919_999_937);
      const p = parseDateTimeCell(d, ctx);
      const expected = p ? dateToSerial(p.y, p.m, p.d) + (p.hh * 60 + p.mm) / 1440 : null;
      expect(serialOf(d, ctx)).toBe(expected);
    }
  }
  expect(serialOf(new Date(NaN), defaultContext('en'))).toBeNull();
});
