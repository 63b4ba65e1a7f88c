/**
 * The layout of a live Funnel sheet: the cells to write, with figures as sheet formulas over the
 * table's columns, so they follow edits without a rebuild. Pure: the add-on writes the cells.
 *
 * Only COUNTIFS, SUMIFS, SUM and IF are used (Sheets evaluates them over whole columns fast, and so
 * does the emulator's engine without array arithmetic). Ranges are whole columns ('Clients'!$E:$E), so
 * rows added below the table count; the header row is never a stage spelling, so it is not counted.
 *
 * - Now in stage: one COUNTIFS per spelling of the stage (its label, its variants and the variants found
 *   in the table: COUNTIFS compares case-insensitively but not across widths or spaces), summed.
 * - Reached, from current stages: the sum of "now" of this stage and every later one, plus the lost
 *   clients at the first stage (nothing else is known of how far they got), as the core counts it.
 * - Conversion, from top, drop-off, value in stage, won, lost, win rate, open pipeline value, average
 *   cycle (created to stage since, for won clients with both dates).
 * - Filters: cells on the sheet (owner, channel, created from / to); a blank filter cell is no filter.
 *   Every COUNTIFS/SUMIFS carries one criterion per filter: '<>§' (any cell, blank included) when the
 *   filter cell is blank.
 * - With a stage history, who reached each stage by the history and the days spent in each stage are
 *   written as values computed when the sheet is built, and the sheet says why. Reached needs each
 *   client's furthest stage over its current stage and every history row naming it, for the table's
 *   clients as filtered (owner, channel, created are the table's), history rows of clients no longer
 *   there left out: a join of the history with the table per client (a MATCH or MAXIFS per client,
 *   100,000 × 300,000 comparisons). Days in a stage need each client's changes in time order (a stay
 *   runs from one change to the client's next; respellings skipped; the first stay starts at the
 *   client's creation), which no COUNTIFS/SUMIFS over the columns expresses. Both are far beyond what
 *   a sheet recalculates at every edit (the emulator's engine already takes seconds on the COUNTIFS).
 *
 * Known differences with the core on data ClientFlow does not write: stage texts in another width or
 * with other spacing than any listed spelling are not counted by the formulas until a rebuild lists
 * them; money or dates written as text are not summed; a won client whose stage-since date is before
 * its creation counts in the formula's cycle (the core leaves it out).
 */
import { t, type Locale } from '../i18n';
import { columnLetter } from '../fields/util';
import { dateToSerial, serialToParts } from '../fields/calendar';
import { stageModel } from './compute';
import type { FunnelResult, StageField } from './types';

export interface FunnelSheetInput {
  locale: Locale;
  table: {
    sheetName: string;
    /** 1-based columns of the table's fields (null or absent when the table has none). */
    columns: { stage: number; owner?: number | null; channel?: number | null; created?: number | null; stageSince?: number | null; value?: number | null };
  };
  stage: StageField;
  /** Distinct stage texts found in the table, so that variants spelled there are counted by the formulas too. */
  observed?: readonly string[];
  /** The funnel computed with the stage history, when there is one: its reached and days are written as values. */
  withHistory?: FunnelResult | null;
  /** Months to list under "new clients per month": the serials of their first days, in order (see newPerMonth). */
  months?: readonly number[];
  /** Segments to list under "by channel" and "by owner" (option labels, or the values met; see bySegment). */
  segments?: { channel?: readonly string[]; owner?: readonly string[] };
}

/** A block of the sheet that a chart draws: its header row, data rows and columns (1-based). */
export interface ChartBlock {
  header: number; first: number; last: number; columns: number[];
  /** The column of the chart's axis labels when it is not columns[0] (the funnel: "Stage  count (percent)"). */
  domain?: number;
}

export interface PlannedCell {
  /** 1-based row and column on the Funnel sheet, and their A1. */
  row: number;
  column: number;
  a1: string;
  /**
   * A formula ('=…'), or a value; text values are to be written as plain text (never parsed). A cell
   * with neither only gets its format (a filter cell: its content is the user's).
   */
  formula?: string;
  value?: string | number;
  /** Number format for the cell, when not the default. */
  format?: string;
}

export interface FunnelSheetPlan {
  cells: PlannedCell[];
  /** A1 of the filter input cells (null when the table has no such column). */
  filters: { owner: string | null; channel: string | null; createdFrom: string | null; createdTo: string | null };
  /** Rows of the stage table (first and last stage), and the header row above them. */
  stageRows: { header: number; first: number; last: number };
  /** The columns of the stage table by figure (1-based). */
  stageColumns: Record<'stage' | 'reached' | 'now' | 'conversion' | 'fromTop' | 'dropOff' | 'value', number> & { historyReached?: number; avgDays?: number };
  /** Rows of the overall figures (label in column A, figure in column B). */
  totals: Record<'won' | 'lost' | 'winRate' | 'avgCycle' | 'openValue', number>;
  /** Spellings counted for each stage (labels first), and for the lost outcome. */
  spellings: { stages: Array<{ label: string; spellings: string[] }>; lost: string[] };
  /**
   * Data for the charts. funnel: stage, spacer ((largest reached − reached) / 2, drawn transparent so the
   * stacked bars are centred into a funnel), reached, a label "count (percent of the top)", and (domain)
   * the axis label "stage  count (percent)".
   * months: month (first day), new clients. channels / owners: name, clients, deal value. Null when
   * there is nothing to draw (no created column, no segments).
   */
  charts: { funnel: ChartBlock; months: ChartBlock | null; channels: ChartBlock | null; owners: ChartBlock | null };
}

/** The serial of the first day of the month after the one starting at `start`. */
function nextMonth(start: number): number {
  const p = serialToParts(start);
  if (!p) return start + 31;
  return p.m === 12 ? dateToSerial(p.y + 1, 1, 1) : dateToSerial(p.y, p.m + 1, 1);
}

/** A string literal in a formula. */
function str(s: string): string {
  return `"${s.replace(/"/g, '""')}"`;
}

/** A COUNTIFS criterion that means "equals this text": wildcards escaped, a leading operator made literal. */
export function equalsCriterion(s: string): string {
  const escaped = s.replace(/[~*?]/g, (c) => `~${c}`);
  return str(/^[=<>]/.test(s) ? `=${escaped}` : escaped);
}

/** Adds a spelling unless it equals one already listed, case aside (COUNTIFS would count it twice). */
function addSpelling(list: string[], seen: Set<string>, s: string): void {
  const k = s.toLowerCase();
  if (s.trim() === '' || seen.has(k)) return;
  seen.add(k);
  list.push(s);
}

export function planFunnelSheet(input: FunnelSheetInput): FunnelSheetPlan {
  const { locale } = input;
  const model = stageModel(input.stage);
  const n = model.steps.length;
  const cols = input.table.columns;
  const sheetRef = `'${input.table.sheetName.replace(/'/g, "''")}'!`;
  const col = (c: number) => `${sheetRef}$${columnLetter(c)}:$${columnLetter(c)}`;

  // Spellings per stage: every option's label and variants, and every observed text the core maps to it.
  const seen = new Set<string>();
  const per: string[][] = model.steps.map(() => []);
  const lost: string[] = [];
  const into = (code: number): string[] | null => (code >= 0 ? per[code] : code === -1 ? lost : null);
  for (const o of input.stage.options) {
    for (const s of [o.label, ...(o.variants ?? [])]) {
      const list = into(model.code(s));
      if (list) addSpelling(list, seen, s);
    }
  }
  for (const s of input.observed ?? []) {
    const list = into(model.code(s));
    if (list) addSpelling(list, seen, s);
  }

  const cells: PlannedCell[] = [];
  const put = (row: number, column: number, c: Omit<PlannedCell, 'row' | 'column' | 'a1'>) => {
    cells.push({ row, column, a1: `${columnLetter(column)}${row}`, ...c });
  };
  put(1, 1, { value: t(locale, 'funnel.sheet.title', { sheet: input.table.sheetName }) });

  // Filters.
  const filters: FunnelSheetPlan['filters'] = { owner: null, channel: null, createdFrom: null, createdTo: null };
  const criteria: string[] = [];
  let row = 3;
  const filterRow = (key: keyof FunnelSheetPlan['filters'], label: string, column: number | null | undefined, crit: (cell: string) => string) => {
    if (!column) return;
    put(row, 1, { value: label });
    const cell = `$B$${row}`;
    filters[key] = `B${row}`;
    criteria.push(`${col(column)},IF(${cell}="","<>§",${crit(cell)})`);
    // The filter cell itself keeps what the user chose (a refresh must not clear it): format only.
    if (key === 'createdFrom' || key === 'createdTo') put(row, 2, { format: 'yyyy-mm-dd' });
    row++;
  };
  filterRow('owner', t(locale, 'funnel.sheet.owner'), cols.owner, (c) => `"="&${c}`);
  filterRow('channel', t(locale, 'funnel.sheet.channel'), cols.channel, (c) => `"="&${c}`);
  filterRow('createdFrom', t(locale, 'funnel.sheet.createdFrom'), cols.created, (c) => `">="&${c}`);
  filterRow('createdTo', t(locale, 'funnel.sheet.createdTo'), cols.created, (c) => `"<"&(${c}+1)`);
  if (row > 3) put(row, 1, { value: t(locale, 'funnel.sheet.filterHint') });

  const filt = criteria.length ? `,${criteria.join(',')}` : '';
  const countOf = (spellings: readonly string[]) =>
    spellings.length ? spellings.map((s) => `COUNTIFS(${col(cols.stage)},${equalsCriterion(s)}${filt})`).join('+') : '0';
  const sumOf = (sumColumn: number, spellings: readonly string[], extra = '') =>
    spellings.length ? spellings.map((s) => `SUMIFS(${col(sumColumn)},${col(cols.stage)},${equalsCriterion(s)}${extra}${filt})`).join('+') : '0';

  // The stage table.
  const header = row + 2;
  const first = header + 1;
  const last = header + n;
  const hist = input.withHistory ?? null;
  const C = { stage: 1, reached: 2, now: 3, conversion: 4, fromTop: 5, dropOff: 6, value: 7 } as const;
  const stageColumns: FunnelSheetPlan['stageColumns'] = { ...C, ...(hist ? { historyReached: 8, avgDays: 9 } : {}) };
  const heads: Array<[number, string]> = [
    [C.stage, t(locale, 'funnel.report.stage')], [C.reached, t(locale, 'funnel.report.reached')], [C.now, t(locale, 'funnel.report.now')],
    [C.conversion, t(locale, 'funnel.report.conversion')], [C.fromTop, t(locale, 'funnel.report.fromTop')],
    [C.dropOff, t(locale, 'funnel.report.dropOff')], [C.value, t(locale, 'funnel.report.value')],
  ];
  if (hist) heads.push([8, t(locale, 'funnel.sheet.historyReached')], [9, t(locale, 'funnel.report.avgDays')]);
  for (const [c, label] of heads) put(header, c, { value: label });

  // Totals below the stage table (their rows are known before the stage formulas refer to them).
  const totalsStart = last + 2;
  const totals = { won: totalsStart, lost: totalsStart + 1, winRate: totalsStart + 2, avgCycle: totalsStart + 3, openValue: totalsStart + 4 };
  const L = (c: number) => columnLetter(c);
  for (let s = 0; s < n; s++) {
    const r = first + s;
    put(r, C.stage, { value: model.steps[s] });
    put(r, C.now, { formula: `=${countOf(per[s])}` });
    put(r, C.reached, { formula: `=SUM(${L(C.now)}${r}:${L(C.now)}$${last})${s === 0 ? `+$B$${totals.lost}` : ''}` });
    put(r, C.conversion, { formula: s === 0 ? '=1' : `=IF(${L(C.reached)}${r - 1}=0,0,${L(C.reached)}${r}/${L(C.reached)}${r - 1})`, format: '0.0%' });
    put(r, C.fromTop, { formula: `=IF($${L(C.reached)}$${first}=0,0,${L(C.reached)}${r}/$${L(C.reached)}$${first})`, format: '0.0%' });
    put(r, C.dropOff, { formula: s === n - 1 ? '=0' : `=${L(C.reached)}${r}-${L(C.reached)}${r + 1}` });
    put(r, C.value, { formula: cols.value ? `=${sumOf(cols.value, per[s])}` : '=0', format: '#,##0.00' });
    if (hist) {
      const h = hist.stages.find((x) => x.label === model.steps[s]);
      put(r, 8, { value: h ? h.reached : '' });
      put(r, 9, { value: h && h.avgDays !== null ? Math.round(h.avgDays * 10) / 10 : '', format: '0.0' });
    }
  }

  const wonRow = model.won === null ? null : last;
  put(totals.won, 1, { value: t(locale, 'funnel.report.won') });
  put(totals.won, 2, { formula: wonRow === null ? '=0' : `=${L(C.now)}${wonRow}` });
  put(totals.lost, 1, { value: t(locale, 'funnel.report.lost') });
  put(totals.lost, 2, { formula: `=${countOf(lost)}` });
  put(totals.winRate, 1, { value: t(locale, 'funnel.report.winRate') });
  put(totals.winRate, 2, { formula: `=IF(B${totals.won}+B${totals.lost}=0,"",B${totals.won}/(B${totals.won}+B${totals.lost}))`, format: '0.0%' });
  put(totals.avgCycle, 1, { value: t(locale, 'funnel.sheet.avgCycle') });
  if (cols.created && cols.stageSince && wonRow !== null) {
    // Won clients with both dates: (Σ stage since − Σ created) / count.
    const both = `,${col(cols.created)},">0",${col(cols.stageSince)},">0"`;
    const wonSp = per[n - 1];
    const count = wonSp.length ? wonSp.map((s) => `COUNTIFS(${col(cols.stage)},${equalsCriterion(s)}${both}${filt})`).join('+') : '0';
    put(totals.avgCycle, 2, { formula: `=IF((${count})=0,"",((${sumOf(cols.stageSince, wonSp, both)})-(${sumOf(cols.created, wonSp, both)}))/(${count}))`, format: '0.0' });
  } else put(totals.avgCycle, 2, { value: '' });
  put(totals.openValue, 1, { value: t(locale, 'funnel.report.open') });
  const openLast = wonRow === null ? last : last - 1;
  put(totals.openValue, 2, { formula: openLast >= first ? `=SUM(${L(C.value)}${first}:${L(C.value)}${openLast})` : '=0', format: '#,##0.00' });
  if (hist) put(totals.openValue + 2, 1, { value: t(locale, 'funnel.sheet.historyNote') });

  // The funnel chart's data, beside the stage table (columns K–N).
  const FC = { stage: 11, spacer: 12, reached: 13, label: 14, axis: 15 };
  put(header, FC.stage, { value: t(locale, 'funnel.report.stage') });
  put(header, FC.spacer, { value: '' });
  put(header, FC.reached, { value: t(locale, 'funnel.report.reached') });
  put(header, FC.label, { value: '' });
  put(header, FC.axis, { value: '' });
  const reachedCol = L(C.reached);
  for (let s = 0; s < n; s++) {
    const r = first + s;
    put(r, FC.stage, { formula: `=${L(C.stage)}${r}` });
    put(r, FC.spacer, { formula: `=(MAX($${reachedCol}$${first}:$${reachedCol}$${last})-${reachedCol}${r})/2` });
    put(r, FC.reached, { formula: `=${reachedCol}${r}` });
    // ROUND rather than TEXT(…,"0%"): the same text in Sheets and in the emulator's engine.
    put(r, FC.label, { formula: `=${reachedCol}${r}&" ("&ROUND(${L(C.fromTop)}${r}*100,0)&"%)"` });
    // The funnel chart's axis label: the stage with its count and percent, so every bar is labelled.
    put(r, FC.axis, { formula: `=${L(C.stage)}${r}&"  "&${L(FC.label)}${r}` });
  }
  const charts: FunnelSheetPlan['charts'] = {
    funnel: { header, first, last, columns: [FC.stage, FC.spacer, FC.reached, FC.label], domain: FC.axis },
    months: null,
    channels: null,
    owners: null,
  };

  // Trends and segments, below the totals: new clients per month (A–B), by channel (D–F), by owner (H–J).
  const trendHeader = totals.openValue + (hist ? 4 : 2);
  const months = cols.created ? input.months ?? [] : [];
  if (cols.created && months.length) {
    put(trendHeader, 1, { value: t(locale, 'funnel.sheet.month') });
    put(trendHeader, 2, { value: t(locale, 'funnel.sheet.newClients') });
    months.forEach((start, i) => {
      const r = trendHeader + 1 + i;
      const end = i + 1 < months.length ? months[i + 1] : nextMonth(start);
      put(r, 1, { value: start, format: 'yyyy-mm' });
      put(r, 2, { formula: `=COUNTIFS(${col(cols.created as number)},">="&${start},${col(cols.created as number)},"<"&${end}${filt})` });
    });
    charts.months = { header: trendHeader, first: trendHeader + 1, last: trendHeader + months.length, columns: [1, 2] };
  }
  const segment = (labels: readonly string[] | undefined, column: number | null | undefined, at: number, title: string): ChartBlock | null => {
    if (!column || !labels || labels.length === 0) return null;
    put(trendHeader, at, { value: title });
    put(trendHeader, at + 1, { value: t(locale, 'funnel.sheet.clients') });
    put(trendHeader, at + 2, { value: t(locale, 'funnel.report.value') });
    labels.forEach((label, i) => {
      const r = trendHeader + 1 + i;
      put(r, at, { value: label });
      put(r, at + 1, { formula: `=COUNTIFS(${col(column)},${equalsCriterion(label)}${filt})` });
      put(r, at + 2, { formula: cols.value ? `=SUMIFS(${col(cols.value)},${col(column)},${equalsCriterion(label)}${filt})` : '=0', format: '#,##0.00' });
    });
    return { header: trendHeader, first: trendHeader + 1, last: trendHeader + labels.length, columns: [at, at + 1, at + 2] };
  };
  charts.channels = segment(input.segments?.channel, cols.channel, 4, t(locale, 'funnel.sheet.channel'));
  charts.owners = segment(input.segments?.owner, cols.owner, 8, t(locale, 'funnel.sheet.owner'));

  return {
    cells,
    filters,
    stageRows: { header, first, last },
    stageColumns,
    totals,
    spellings: { stages: model.steps.map((label, s) => ({ label, spellings: per[s] })), lost },
    charts,
  };
}
