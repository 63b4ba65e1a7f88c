/**
 * The Funnel sheet of the configured table: read the table in one batched getValues (and the stage
 * history sheet, when there is one, in another), lay the sheet out in core (layoutFunnelSheet: live
 * COUNTIFS/SUMIFS formulas, process map, chart specs), and write it block by block: one
 * setNumberFormats and one setValues per block, the filter cells' format and dropdown, bold headers in
 * one RangeList call, then the charts, updated in place (EmbeddedChart.modify + Sheet.updateChart) or
 * inserted when missing. The number of service calls does not depend on the table's size.
 *
 * What a build left (its blocks, filter cells and chart ids) is kept in the Funnel sheet's developer
 * metadata (core/funnel/workbook.ts), so a rebuild finds the sheet even renamed, clears only its own
 * stale blocks, keeps the user's filter choices and the user's cells outside its blocks, recreates a
 * deleted chart, restores an edited one and leaves a moved one where the user put it; a deleted Funnel
 * sheet is made again.
 * Ref: https://developers.google.com/apps-script/reference/spreadsheet/sheet#updateChart(EmbeddedChart)
 * Ref: https://developers.google.com/apps-script/reference/spreadsheet/embedded-chart#modify()
 * Ref: https://developers.google.com/apps-script/reference/spreadsheet/embedded-chart#getChartId()
 *   ("a stable identifier for the chart that is unique across the spreadsheet")
 * Ref: https://developers.google.com/apps-script/reference/spreadsheet/sheet#addDeveloperMetadata(String,String)
 */
import { t, type Locale, joinList, withAside } from '../../core/i18n';
import type { CellValue, TypeContext, UserTypeId } from '../../core/fields/types';
import { USER_TYPES } from '../../core/fields/types';
import { fieldByRole, type Field, type TableSchema } from '../../core/schema';
import {
  biggestLeaks, bySegment, computeFunnel, encodeFunnelState, FILTER_KEYS, filtersOfCells, freeSheetName, FUNNEL_SHEET_KEY,
  FUNNEL_SHEET_NAMES, funnelRecords, HISTORY_HEAD_ROWS, HISTORY_SHEET_KEY, HISTORY_SHEET_NAMES, historyLayout, historyRows, historySheetName, layoutFunnelSheet, newPerMonth,
  parseFunnelState, type ChartKind, type ColumnRef, type FilterKey, type FunnelFilters, type FunnelLayout, type FunnelRecord,
  type FunnelResult, type FunnelSheetInput, type FunnelSheetState, type StageChange, type StageField,
} from '../../core/funnel';
import type { FunnelSummary } from '../../core/api/funnel';
import { allTables, requireConfigOrNull, tableOf } from '../config/store';
import { roleForHeader } from '../../core/infer';
import { UserError } from '../runtime/errors';
import { readLayout, requireTableSheet } from '../sheet/table';
import { adoptDeferredEdits } from '../edit/autofill';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

interface Source {
  schema: TableSchema;
  sheet: Sheet;
  records: FunnelRecord[];
  stage: StageField;
  columns: FunnelSheetInput['table']['columns'];
  fields: { owner: Field | null; channel: Field | null };
  history: { changes: StageChange[]; sheet: string } | null;
  timeZone: string;
}

const USER_TYPE_SET: ReadonlySet<string> = new Set(USER_TYPES);

/** The history sheet of a table: by its metadata (the table's sheet id, or the only one), else by name. */
function findHistorySheet(ss: Spreadsheet, tableId: number): Sheet | null {
  const found = ss.createDeveloperMetadataFinder().withKey(HISTORY_SHEET_KEY).find();
  const sheets: Array<{ sheet: Sheet; value: string | null }> = [];
  for (const md of found) {
    const sheet = md.getLocation().getSheet();
    if (sheet) sheets.push({ sheet, value: md.getValue() });
  }
  const mine = sheets.find((s) => s.value === String(tableId)) ?? (sheets.length === 1 ? sheets[0] : undefined);
  if (mine) return mine.sheet;
  return ss.getSheetByName(historySheetName(tableId)) ?? ss.getSheetByName(HISTORY_SHEET_NAMES.en) ?? ss.getSheetByName(HISTORY_SHEET_NAMES['zh-CN']);
}

/**
 * The table the funnel counts: the active sheet's table; on a Funnel or stage history sheet, the table
 * it belongs to (its metadata names the table's sheet id); else the spreadsheet's only table.
 */
function funnelTable(ss: Spreadsheet): TableSchema | null {
  const own = requireConfigOrNull();
  if (own) return own;
  const active = ss.getActiveSheet();
  for (const md of active.getDeveloperMetadata()) {
    const key = md.getKey();
    const id = key === HISTORY_SHEET_KEY ? Number(md.getValue()) : key === FUNNEL_SHEET_KEY ? parseFunnelState(md.getValue())?.table : undefined;
    if (id === undefined || !Number.isInteger(id)) continue;
    const r = tableOf(id);
    if (r.ok) return r.schema;
  }
  const tables = allTables();
  return tables.length === 1 ? (tables[0] ?? null) : null;
}

/** The funnel's table's records (one getValues over the funnel's columns) and its history. */
/** `adopt`: the caller holds the document lock (Build funnel): stage changes edits deferred are written first. */
function readSource(ss: Spreadsheet, adopt = false): Source {
  const schema = funnelTable(ss);
  if (!schema) throw new UserError('funnel.error.noTable');
  const sheet = requireTableSheet(ss, schema);
  const stageField = fieldByRole(schema, 'stage');
  if (!stageField || stageField.type !== 'dropdown' || !stageField.options?.length) {
    throw new UserError('funnel.error.noStageField', { sheet: sheet.getName() });
  }
  const headerRow = schema.location?.headerRow ?? 1;
  const { layout } = readLayout(sheet, schema, headerRow);
  if (adopt) adoptDeferredEdits(ss, sheet, schema, layout);
  // The user's own column whose header names the role first, else the field with the role: adopt keeps
  // a column of the user's own dates ("Created", 创建日期) a plain date column, and may add an automatic
  // Created beside it that is empty for the clients already there; the user's column holds their past.
  const pick = (...roles: Parameters<typeof fieldByRole>[1][]): Field | null => {
    for (const r of roles) {
      const own = schema.fields.find((x) => x.role === null && layout.columns[x.key] && roleForHeader(x.header)?.role === r);
      const f = own ?? fieldByRole(schema, r);
      if (f && layout.columns[f.key]) return f;
    }
    return null;
  };
  const stageCol = layout.columns[stageField.key];
  if (!stageCol) throw new UserError('funnel.error.stageColumnMissing', { column: stageField.header, sheet: sheet.getName() });
  const f = {
    id: pick('clientId'), owner: pick('owner'), channel: pick('channel'), created: pick('created', 'registered'),
    stageSince: pick('stageSince'), value: pick('dealValue', 'totalSpend'),
  };
  const colOf = (x: Field | null) => (x ? layout.columns[x.key] : null);
  const columns = {
    stage: stageCol, owner: colOf(f.owner), channel: colOf(f.channel), created: colOf(f.created),
    stageSince: colOf(f.stageSince), value: colOf(f.value),
  };
  // Only the funnel's columns are read: one getValues per run of adjacent ones (at most seven), so a
  // wide table costs no more than a narrow one; the rows are then gathered, one cell per column used.
  const used = [...new Set([stageCol, colOf(f.id), ...Object.values(columns)].filter((c): c is number => typeof c === 'number'))].sort((a, b) => a - b);
  const runs: Array<{ first: number; last: number }> = [];
  for (const c of used) {
    const r = runs[runs.length - 1];
    if (r && r.last === c - 1) r.last = c;
    else runs.push({ first: c, last: c });
  }
  const n = Math.max(0, sheet.getLastRow() - headerRow);
  const read = n > 0 ? runs.map((r) => sheet.getRange(headerRow + 1, r.first, n, r.last - r.first + 1).getValues() as CellValue[][]) : [];
  const where = used.map((c) => {
    const k = runs.findIndex((r) => c >= r.first && c <= r.last);
    return { run: k, at: c - (runs[k] as { first: number }).first };
  });
  const grid: CellValue[][] = new Array<CellValue[]>(n);
  for (let i = 0; i < n; i++) {
    const row = new Array<CellValue>(used.length);
    for (let k = 0; k < used.length; k++) row[k] = (read[where[k].run] as CellValue[][])[i][where[k].at];
    grid[i] = row;
  }
  const timeZone = ss.getSpreadsheetTimeZone();
  const ctx: TypeContext = { locale: schema.locale, region: schema.region, timeZone, dateOrder: schema.dateOrder, currency: schema.currency };
  const ref = (x: Field | null): ColumnRef | null => {
    const c = colOf(x);
    if (!x || !c) return null;
    return { column: used.indexOf(c), ...(USER_TYPE_SET.has(x.type) ? { type: x.type as UserTypeId } : {}), ...(x.options ? { options: x.options } : {}) };
  };
  const valueRef = (r: ColumnRef | null, x: Field | null): ColumnRef | null =>
    r && x && x.type === 'currency' ? { ...r, currency: x.currency ?? schema.currency } : r;
  const records = funnelRecords(grid, {
    stage: used.indexOf(stageCol), id: ref(f.id), owner: ref(f.owner), channel: ref(f.channel), created: ref(f.created),
    // Amounts in the column's currency only: '$2.6k' in a yuan column is not 2,600 yuan of pipeline.
    stageSince: ref(f.stageSince), value: valueRef(ref(f.value), f.value),
  }, ctx, 0, grid.length);

  let history: Source['history'] = null;
  const hs = f.id ? findHistorySheet(ss, sheet.getSheetId()) : null;
  if (hs) {
    // Its first rows find the columns (a header, else by position); then only client ID, from, to and
    // when are read, in one getValues (the owner column and any other is left unread).
    const lastRow = hs.getLastRow();
    const lastCol = hs.getLastColumn();
    const head = lastRow > 0 && lastCol > 0 ? hs.getRange(1, 1, Math.min(lastRow, HISTORY_HEAD_ROWS), lastCol).getValues() as CellValue[][] : [];
    const lay = head.length ? historyLayout(head, ctx) : null;
    if (lay?.ok) {
      const cols = [lay.at.id, lay.at.from, lay.at.to, lay.at.when];
      const left = Math.min(...cols);
      const n = lastRow - lay.startRow;
      const rows = n <= 0 ? [] : lastRow <= head.length ? head.slice(lay.startRow).map((r) => r.slice(left))
        : hs.getRange(lay.startRow + 1, left + 1, n, Math.max(...cols) - left + 1).getValues() as CellValue[][];
      history = { changes: historyRows(rows, lay.at, left, ctx).changes, sheet: hs.getName() };
    }
  }
  return {
    schema, sheet, records,
    stage: { options: stageField.options, won: schema.stages?.won ?? null, lost: schema.stages?.lost ?? null },
    columns, fields: { owner: f.owner, channel: f.channel }, history, timeZone,
  };
}

interface Found { sheet: Sheet; state: FunnelSheetState | null; md: GoogleAppsScript.Spreadsheet.DeveloperMetadata }

/** The Funnel sheet of the table (by its metadata), or null when there is none (never built, or deleted). */
function findFunnelSheet(ss: Spreadsheet, tableId: number): Found | null {
  let fallback: Found | null = null;
  for (const md of ss.createDeveloperMetadataFinder().withKey(FUNNEL_SHEET_KEY).find()) {
    const sheet = md.getLocation().getSheet();
    if (!sheet) continue;
    const state = parseFunnelState(md.getValue());
    if (state && state.table === tableId) return { sheet, state, md };
    // A Funnel sheet whose remembered state cannot be read (edited): rebuilt over, its charts found by their ranges.
    if (!state && !fallback) fallback = { sheet, state: null, md };
  }
  return fallback;
}

function readFilters(found: Found | null): Partial<Record<FilterKey, CellValue>> {
  const out: Partial<Record<FilterKey, CellValue>> = {};
  if (!found?.state) return out;
  for (const k of FILTER_KEYS) {
    const a1 = found.state.filters[k];
    if (a1) out[k] = found.sheet.getRange(a1).getValue() as CellValue;
  }
  return out;
}

function segmentsOf(field: Field | null, records: readonly FunnelRecord[], key: 'owner' | 'channel', now: Date, timeZone: string): string[] {
  if (!field) return [];
  if (field.options?.length) return field.options.map((o) => o.label);
  return bySegment(records, key, { now, timeZone }).slice(0, 50).map((s) => s.label);
}

function percent(x: number | null): string {
  return x === null ? '—' : `${Math.round(x * 1000) / 10}%`;
}

function summarize(locale: Locale, src: Source, funnelSheet: string | null, r: FunnelResult, filters: FunnelFilters, built: boolean): FunnelSummary {
  const lines: string[] = [];
  // A value and how many rows hold it: '"Paused" (1)', in Chinese '“暂停”（1）'.
  const counted = (u: { value: string; count: number }) => withAside(locale, locale === 'zh-CN' ? `“${u.value}”` : `"${u.value}"`, String(u.count));
  if (built) lines.push(t(locale, 'funnel.done', { sheet: funnelSheet ?? '', table: src.sheet.getName(), clients: r.clients, winRate: percent(r.winRate) }));
  if (r.unmapped.length) {
    const count = r.unmapped.reduce((a, u) => a + u.count, 0);
    lines.push(t(locale, 'funnel.done.unmapped', { count, values: joinList(locale, r.unmapped.slice(0, 10).map((u) => counted(u))) }));
  }
  if (r.noStage > 0) lines.push(t(locale, 'funnel.done.noStage', { count: r.noStage }));
  // Amounts written as text count in these figures but not in the sheet's sums: say why they differ.
  const textAmounts = src.records.filter((x) => x.textValue === true && x.stage.trim() !== '').length;
  if (built && textAmounts > 0) lines.push(t(locale, 'funnel.done.textAmounts', { count: textAmounts }));
  if (src.history) lines.push(t(locale, 'funnel.done.history', { sheet: src.history.sheet, changes: src.history.changes.length }));
  if (r.history && r.history.orphans > 0) lines.push(t(locale, 'funnel.done.orphans', { count: r.history.orphans }));
  if (r.history && r.history.unmapped.length) {
    const count = r.history.unmapped.reduce((a, u) => a + u.count, 0);
    lines.push(t(locale, 'funnel.done.historyUnmapped', { count, values: joinList(locale, r.history.unmapped.slice(0, 10).map((u) => counted(u))) }));
  }
  const shown: string[] = [];
  if (filters.owner) shown.push(`${t(locale, 'funnel.sheet.owner')}: ${filters.owner}`);
  if (filters.channel) shown.push(`${t(locale, 'funnel.sheet.channel')}: ${filters.channel}`);
  const period = filters.created && 'from' in filters.created ? filters.created : null;
  if (period?.from) shown.push(`${t(locale, 'funnel.sheet.createdFrom')}: ${period.from}`);
  if (period?.to) shown.push(`${t(locale, 'funnel.sheet.createdTo')}: ${period.to}`);
  return {
    table: src.sheet.getName(),
    sheet: funnelSheet,
    clients: r.clients,
    won: r.won,
    lost: r.lost,
    winRate: r.winRate,
    avgCycleDays: r.avgCycleDays,
    openValue: r.openValue,
    stages: r.stages.map((s) => ({ label: s.label, reached: s.reached, now: s.now, conversion: s.conversion, fromTop: s.fromTop })),
    leaks: biggestLeaks(r, 3),
    unmapped: r.unmapped.slice(0, 20),
    noStage: r.noStage,
    filters: shown,
    historyChanges: src.history ? src.history.changes.length : null,
    message: lines.join('\n\n'),
  };
}

function compute(src: Source, filters: FunnelFilters | null, now: Date): FunnelResult {
  return computeFunnel({ records: src.records, stage: src.stage, history: src.history?.changes ?? null, filters, now, timeZone: src.timeZone });
}

/** The key figures, with the Funnel sheet's filters; nothing is written. */
export function funnelSummary(locale: Locale): FunnelSummary {
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const src = readSource(ss);
  const found = findFunnelSheet(ss, src.sheet.getSheetId());
  const filters = filtersOfCells(readFilters(found), src.timeZone);
  const r = compute(src, filters, new Date());
  return summarize(locale, src, found ? found.sheet.getName() : null, r, filters, false);
}

function filterRule(kind: 'list' | 'date', choices: readonly string[]): GoogleAppsScript.Spreadsheet.DataValidation | null {
  if (kind === 'date') return SpreadsheetApp.newDataValidation().requireDate().setAllowInvalid(false).build();
  if (choices.length === 0) return null;
  // A new owner typed in before the next build is allowed (a warning only).
  return SpreadsheetApp.newDataValidation().requireValueInList([...choices], true).setAllowInvalid(true).build();
}

/** Writes the layout on the Funnel sheet (made when missing) and returns the state to remember. */
function writeSheet(
  ss: Spreadsheet, src: Source, layout: FunnelLayout, found: Found | null, oldFilters: Partial<Record<FilterKey, CellValue>>, locale: Locale,
): { sheet: Sheet; state: FunnelSheetState; filterValues: Partial<Record<FilterKey, CellValue>> } {
  let sheet: Sheet;
  const old = found?.state ?? null;
  if (found) sheet = found.sheet;
  else {
    const taken = new Set(ss.getSheets().map((s) => s.getName()));
    sheet = ss.insertSheet(freeSheetName(FUNNEL_SHEET_NAMES[locale], taken));
  }
  // The user's filter choices (read before anything is written), carried to where the filter cells now are.
  const filterValues: Partial<Record<FilterKey, CellValue>> = {};
  const newFilterA1 = new Set(layout.filters.map((f) => f.a1));
  const newBlocks = new Set(layout.blocks.map((b) => b.a1));
  // Our cells of the last build that this one does not write again are cleared (stale blocks and filters).
  for (const a1 of old?.blocks ?? []) if (!newBlocks.has(a1)) sheet.getRange(a1).clear();
  for (const k of FILTER_KEYS) {
    const a1 = old?.filters[k];
    if (a1 && !newFilterA1.has(a1)) sheet.getRange(a1).clear().clearDataValidations();
  }
  for (const b of layout.blocks) {
    const range = sheet.getRange(b.a1);
    range.setNumberFormats(b.formats);
    range.setValues(b.values);
  }
  sheet.getRangeList(layout.bold).setFontWeight('bold');
  sheet.getRange(layout.wrap).setWrap(true);
  for (const w of layout.widths) sheet.setColumnWidths(w.column, w.count, w.width);
  const filters = { owner: null, channel: null, createdFrom: null, createdTo: null } as Record<FilterKey, string | null>;
  for (const fc of layout.filters) {
    filters[fc.key] = fc.a1;
    if (old?.filters[fc.key]) filterValues[fc.key] = oldFilters[fc.key] ?? '';
    const range = sheet.getRange(fc.a1);
    range.setNumberFormat(fc.kind === 'date' ? 'yyyy-mm-dd' : '@');
    const rule = filterRule(fc.kind, fc.choices);
    if (rule) range.setDataValidation(rule);
    else range.clearDataValidations();
    const was = old?.filters[fc.key];
    if (was && was !== fc.a1) range.setValue(oldFilters[fc.key] ?? '');
  }
  const charts = writeCharts(sheet, layout, old);
  return { sheet, state: { v: 1, table: src.sheet.getSheetId(), blocks: layout.blocks.map((b) => b.a1), filters, charts }, filterValues };
}

type Chart = GoogleAppsScript.Spreadsheet.EmbeddedChart;
type Builder = GoogleAppsScript.Spreadsheet.EmbeddedChartBuilder;

/** A chart's id (null only for a chart not on a sheet, which these are not). */
function idOf(c: Chart): number {
  return c.getChartId() ?? -1;
}

/**
 * The charts: each kind's chart is the one remembered by id, else (state lost) one on the sheet whose
 * first range is the kind's; it is updated in place (its position kept: the user may have moved it),
 * or inserted when missing. Remembered charts of kinds no longer drawn are removed. Charts of the
 * user's own are left alone.
 */
function writeCharts(sheet: Sheet, layout: FunnelLayout, old: FunnelSheetState | null): Partial<Record<ChartKind, number>> {
  const existing = sheet.getCharts();
  const byId = new Map<number, Chart>();
  for (const c of existing) byId.set(idOf(c), c);
  const taken = new Set<number>();
  const mine = new Map<ChartKind, Chart>();
  for (const spec of layout.charts) {
    const id = old?.charts[spec.kind];
    const c = id !== undefined ? byId.get(id) : undefined;
    if (c) { mine.set(spec.kind, c); taken.add(id as number); }
  }
  const missing = layout.charts.filter((s) => !mine.has(s.kind));
  if (missing.length && !old) {
    // No remembered ids: recognise our charts by their first range.
    for (const c of existing) {
      const id = idOf(c);
      if (taken.has(id)) continue;
      const first = c.getRanges()[0];
      const a1 = first ? first.getA1Notation() : '';
      const spec = missing.find((s) => s.ranges[0] === a1 && !mine.has(s.kind));
      if (spec) { mine.set(spec.kind, c); taken.add(id); }
    }
  }
  const ids: Partial<Record<ChartKind, number>> = {};
  const fill = (b: Builder, spec: FunnelLayout['charts'][number]): Builder => {
    let x = b.clearRanges().setChartType(Charts.ChartType[spec.type]);
    for (const a1 of spec.ranges) x = x.addRange(sheet.getRange(a1));
    x = x.setNumHeaders(1);
    for (const [k, v] of Object.entries(spec.options)) x = x.setOption(k, v);
    return x;
  };
  const inserted: ChartKind[] = [];
  for (const spec of layout.charts) {
    const c = mine.get(spec.kind);
    if (c) {
      sheet.updateChart(fill(c.modify(), spec).build());
      ids[spec.kind] = idOf(c);
    } else {
      sheet.insertChart(fill(sheet.newChart(), spec).setPosition(spec.anchor.row, spec.anchor.column, 0, 0).build());
      inserted.push(spec.kind);
    }
  }
  // Remembered charts of kinds this build does not draw.
  const drawn = new Set(layout.charts.map((s) => s.kind));
  for (const [kind, id] of Object.entries(old?.charts ?? {}) as Array<[ChartKind, number]>) {
    const c = byId.get(id);
    if (c && !drawn.has(kind)) sheet.removeChart(c);
  }
  if (inserted.length) {
    // An inserted chart's id is known once it is on the sheet: the new ids, in the order inserted.
    const before = new Set(existing.map(idOf));
    const fresh = sheet.getCharts().map(idOf).filter((id) => !before.has(id));
    inserted.forEach((kind, i) => { if (fresh[i] !== undefined) ids[kind] = fresh[i]; });
  }
  return ids;
}

/** Builds or refreshes the Funnel sheet of the configured table; the caller holds the document lock. */
export function buildFunnelSheet(locale: Locale): FunnelSummary {
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const src = readSource(ss, true);
  const now = new Date();
  const tz = src.timeZone;
  const all = compute(src, null, now);
  const observed = [...new Set(src.records.map((r) => r.stage))];
  const channels = segmentsOf(src.fields.channel, src.records, 'channel', now, tz);
  const owners = segmentsOf(src.fields.owner, src.records, 'owner', now, tz);
  const layout = layoutFunnelSheet({
    sheet: {
      locale,
      table: { sheetName: src.sheet.getName(), columns: src.columns },
      stage: src.stage,
      observed,
      withHistory: src.history ? all : null,
      months: src.columns.created ? newPerMonth(src.records, { now, timeZone: tz }).map((m) => m.start) : [],
      segments: { channel: channels, owner: owners },
    },
    map: {
      options: src.stage.options,
      won: all.wonLabel,
      lost: all.lostLabel,
      fields: src.schema.fields.map((f) => ({ header: f.header, role: f.role, required: f.required })),
      rules: src.schema.rules,
      stageRejects: fieldByRole(src.schema, 'stage')?.onInvalid === 'reject',
    },
    unmapped: all.unmapped,
    noStage: all.noStage,
    choices: { owner: owners, channel: channels },
  });
  const found = findFunnelSheet(ss, src.sheet.getSheetId());
  // Nothing is read back after the writes: a read would make Sheets recalculate every formula first.
  const { sheet, state, filterValues } = writeSheet(ss, src, layout, found, readFilters(found), locale);
  if (found) found.md.setValue(encodeFunnelState(state));
  else sheet.addDeveloperMetadata(FUNNEL_SHEET_KEY, encodeFunnelState(state));
  sheet.activate();
  const filters = filtersOfCells(filterValues, tz);
  const hasFilter = Boolean(filters.owner || filters.channel || filters.created);
  return summarize(locale, src, sheet.getName(), hasFilter ? compute(src, filters, now) : all, filters, true);
}
