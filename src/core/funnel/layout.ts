/**
 * The whole Funnel sheet as the add-on writes it: the live figures (planFunnelSheet), the process map
 * (processMap) and a note of what was not counted, grouped into rectangular blocks (each written with
 * one setNumberFormats and one setValues), the filter cells (their content is the user's: only their
 * format and dropdown), the header cells to make bold, and the charts (type, ranges, options, anchor).
 *
 * Blocks are the connected groups of planned cells (a gap row or column separates two blocks), so the
 * cells between them stay the user's. Text values get the plain-text format '@' so that Sheets never
 * parses them (a stage or owner named '00123' or '=x' stays text); formulas never get it (a formula in
 * a text cell would stay text).
 *
 * Charts are built with EmbeddedChartBuilder: setChartType, addRange, setOption, setPosition.
 * The funnel chart is a stacked bar chart of a transparent spacer series and the reached series, so each
 * bar is centred: a funnel, stages in order top down; its axis labels read "stage  count (percent)".
 * Ref: https://developers.google.com/apps-script/reference/spreadsheet/embedded-chart-builder#setOption(String,Object)
 * Ref: https://developers.google.com/chart/interactive/docs/gallery/barchart#configuration-options (isStacked, series.color)
 */
import { columnLetter } from '../fields/util';
import { t, type Locale, joinList, withAside } from '../i18n';
import { planFunnelSheet, type ChartBlock, type FunnelSheetInput, type FunnelSheetPlan, type PlannedCell } from './sheet';
import { processMap, type ProcessMapInput } from './processmap';
import type { ValueCount } from './types';
import type { ChartKind, FilterKey } from './workbook';

export interface SheetBlock {
  a1: string;
  row: number;
  column: number;
  /** Formulas ('=…') and values; '' for an empty cell of the block. */
  values: Array<Array<string | number>>;
  formats: string[][];
}

export interface ChartSpec {
  kind: ChartKind;
  type: 'BAR' | 'COLUMN' | 'LINE';
  /** A1 ranges on the Funnel sheet, the axis labels' first. */
  ranges: string[];
  options: Record<string, unknown>;
  anchor: { row: number; column: number };
}

export interface FilterCell {
  key: FilterKey;
  a1: string;
  /** 'list': a dropdown of these choices (typing another value is allowed: a warning); 'date': a date. */
  kind: 'list' | 'date';
  choices: string[];
}

export interface FunnelLayout {
  plan: FunnelSheetPlan;
  blocks: SheetBlock[];
  bold: string[];
  filters: FilterCell[];
  charts: ChartSpec[];
  /** Column widths in pixels (first column, how many, width): the labels and the process map's text. */
  widths: Array<{ column: number; count: number; width: number }>;
  /** The process map's rows, whose text wraps. */
  wrap: string;
}

export interface FunnelLayoutInput {
  sheet: FunnelSheetInput;
  map: Omit<ProcessMapInput, 'locale'>;
  /** Stage values that mean no stage, and rows with no stage (listed on the sheet). */
  unmapped: readonly ValueCount[];
  noStage: number;
  /** Choices of the owner and channel filter dropdowns. */
  choices: { owner: readonly string[]; channel: readonly string[] };
}

/** Column of the process map and of the charts (right of the figures and the chart data). */
export const SIDE_COLUMN = 17;
const FORMULA_FORMAT = '#,##0';
const NUMBER_FORMAT = '#,##0.##';
const TEXT = '@';
const CHART_ROWS = 16;

function rangeA1(r0: number, c0: number, r1: number, c1: number): string {
  return `${columnLetter(c0)}${r0}:${columnLetter(c1)}${r1}`;
}

/** Connected groups (4-neighbours) of cells with content, as blocks. */
export function blocksOf(cells: readonly PlannedCell[]): SheetBlock[] {
  const content = cells.filter((c) => c.formula !== undefined || c.value !== undefined);
  const at = new Map<string, PlannedCell>();
  for (const c of content) at.set(`${c.row},${c.column}`, c);
  const seen = new Set<string>();
  const blocks: SheetBlock[] = [];
  for (const c of content) {
    const k0 = `${c.row},${c.column}`;
    if (seen.has(k0)) continue;
    seen.add(k0);
    const stack = [c];
    let r0 = c.row, r1 = c.row, c0 = c.column, c1 = c.column;
    while (stack.length) {
      const x = stack.pop() as PlannedCell;
      r0 = Math.min(r0, x.row); r1 = Math.max(r1, x.row); c0 = Math.min(c0, x.column); c1 = Math.max(c1, x.column);
      for (const [dr, dc] of [[1, 0], [-1, 0], [0, 1], [0, -1]]) {
        const k = `${x.row + dr},${x.column + dc}`;
        const n = at.get(k);
        if (n && !seen.has(k)) { seen.add(k); stack.push(n); }
      }
    }
    const values: Array<Array<string | number>> = [];
    const formats: string[][] = [];
    for (let r = r0; r <= r1; r++) {
      const vr: Array<string | number> = [];
      const fr: string[] = [];
      for (let col = c0; col <= c1; col++) {
        const p = at.get(`${r},${col}`);
        if (p?.formula !== undefined) { vr.push(p.formula); fr.push(p.format ?? FORMULA_FORMAT); }
        else if (typeof p?.value === 'number') { vr.push(p.value); fr.push(p.format ?? NUMBER_FORMAT); }
        else { vr.push(p?.value ?? ''); fr.push(TEXT); }
      }
      values.push(vr);
      formats.push(fr);
    }
    blocks.push({ a1: rangeA1(r0, c0, r1, c1), row: r0, column: c0, values, formats });
  }
  return blocks.sort((a, b) => a.row - b.row || a.column - b.column);
}

function blockRange(b: ChartBlock, columns: readonly number[]): string {
  return rangeA1(b.header, columns[0], b.last, columns[columns.length - 1]);
}

export function layoutFunnelSheet(input: FunnelLayoutInput): FunnelLayout {
  const locale: Locale = input.sheet.locale;
  const plan = planFunnelSheet(input.sheet);
  const cells: PlannedCell[] = [...plan.cells];
  const put = (row: number, column: number, value: string) => cells.push({ row, column, a1: `${columnLetter(column)}${row}`, value });
  const bold: string[] = ['A1', rangeA1(plan.stageRows.header, 1, plan.stageRows.header, 15)];

  // The process map, right of the figures.
  const map = processMap({ locale, ...input.map });
  let row = 1;
  put(row, SIDE_COLUMN, map.title);
  bold.push(`${columnLetter(SIDE_COLUMN)}${row}`);
  row++;
  for (const line of map.general) put(row++, SIDE_COLUMN, line);
  row++;
  map.header.forEach((h, i) => put(row, SIDE_COLUMN + i, h));
  bold.push(rangeA1(row, SIDE_COLUMN, row, SIDE_COLUMN + 4));
  row++;
  const mapFirst = row;
  for (const r of map.rows) {
    [r.stage, r.meaning, r.responsible, r.fields, r.rules].forEach((v, i) => put(row, SIDE_COLUMN + i, v));
    row++;
  }
  const wrap = rangeA1(mapFirst, SIDE_COLUMN, Math.max(mapFirst, row - 1), SIDE_COLUMN + 4);
  // What was not counted, under the map.
  row++;
  const unmapped = joinList(locale, input.unmapped.slice(0, 20).map((u) => withAside(locale, u.value, String(u.count))));
  put(row++, SIDE_COLUMN, unmapped ? t(locale, 'funnel.sheet.unmapped', { values: unmapped }) : t(locale, 'funnel.sheet.allMapped'));
  if (input.noStage > 0) put(row++, SIDE_COLUMN, t(locale, 'funnel.sheet.noStage', { count: input.noStage }));

  // Bold headers of the trend and segment tables.
  const trend = [plan.charts.months, plan.charts.channels, plan.charts.owners].find((b) => b !== null);
  if (trend) bold.push(rangeA1(trend.header, 1, trend.header, 10));

  const filters: FilterCell[] = [];
  const f = plan.filters;
  if (f.owner) filters.push({ key: 'owner', a1: f.owner, kind: 'list', choices: [...input.choices.owner] });
  if (f.channel) filters.push({ key: 'channel', a1: f.channel, kind: 'list', choices: [...input.choices.channel] });
  if (f.createdFrom) filters.push({ key: 'createdFrom', a1: f.createdFrom, kind: 'date', choices: [] });
  if (f.createdTo) filters.push({ key: 'createdTo', a1: f.createdTo, kind: 'date', choices: [] });

  // Charts, right of the figures under the process map, one under the other.
  const charts: ChartSpec[] = [];
  let anchor = row + 2;
  const next = () => { const a = { row: anchor, column: SIDE_COLUMN }; anchor += CHART_ROWS; return a; };
  const size = { width: 560, height: 300 };
  const fb = plan.charts.funnel;
  charts.push({
    kind: 'funnel',
    type: 'BAR',
    ranges: [blockRange(fb, [fb.domain ?? fb.columns[0]]), blockRange(fb, [fb.columns[1], fb.columns[2]])],
    options: {
      title: t(locale, 'funnel.chart.funnel'),
      isStacked: true,
      legend: { position: 'none' },
      // The spacer is drawn transparent: the reached bars sit centred, one under the other.
      series: { 0: { color: 'transparent', visibleInLegend: false }, 1: { color: '#4285f4', dataLabel: 'value' } },
      hAxis: { gridlines: { count: 0 }, textPosition: 'none' },
      ...size,
    },
    anchor: next(),
  });
  if (plan.charts.months) {
    const b = plan.charts.months;
    charts.push({
      kind: 'months', type: 'COLUMN', ranges: [blockRange(b, b.columns)],
      options: { title: t(locale, 'funnel.chart.months'), legend: { position: 'none' }, ...size },
      anchor: next(),
    });
  }
  for (const [kind, b, key] of [['channels', plan.charts.channels, 'funnel.chart.channels'], ['owners', plan.charts.owners, 'funnel.chart.owners']] as const) {
    if (!b) continue;
    charts.push({
      kind, type: 'COLUMN', ranges: [blockRange(b, b.columns)],
      // Clients on the left axis, deal value on the right one (money dwarfs counts).
      options: { title: t(locale, key), legend: { position: 'bottom' }, series: { 0: { targetAxisIndex: 0 }, 1: { targetAxisIndex: 1 } }, ...size },
      anchor: next(),
    });
  }
  const widths = [{ column: 1, count: 1, width: 200 }, { column: SIDE_COLUMN, count: 1, width: 120 }, { column: SIDE_COLUMN + 1, count: 4, width: 220 }];
  return { plan, blocks: blocksOf(cells), bold, filters, charts, widths, wrap };
}
