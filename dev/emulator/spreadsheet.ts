/**
 * Sheet, Spreadsheet and SpreadsheetApp.
 * Ref: https://developers.google.com/apps-script/reference/spreadsheet/sheet
 * Ref: https://developers.google.com/apps-script/reference/spreadsheet/spreadsheet
 * Ref: https://developers.google.com/apps-script/reference/spreadsheet/spreadsheet-app
 */
import { type Box, parseA1, splitSheet } from './a1';
import { makeCFBuilder, CFRuleImpl, makeRule } from './conditional';
import { Book, type Ctx } from './context';
import type { Enums } from './enums';
import { SheetData, type ChartData, type RangeRef } from './model';
import { ChartImpl, checkEditable, makeChart, makeChartBuilder, makeFinder, makeMetadata, makeProtection } from './objects';
import { CELL_TOO_LONG, MAX_CELL_CHARS, RANGE_API, RANGE_WRITES, RangeImpl, rangeAt, activeBox } from './range';
import { makeRangeList } from './rangelist';
import { enumName, type Runtime, ScriptException } from './runtime';
import { deleteMap, type DimMap, insertMap, mapBox, moveMap, rewriteRefs, rewriteRuleFormula } from './refs';
import { type AppliedDV, makeDVBuilder } from './validation';

type GSheet = GoogleAppsScript.Spreadsheet.Sheet;
type GRange = GoogleAppsScript.Spreadsheet.Range;
type GSS = GoogleAppsScript.Spreadsheet.Spreadsheet;

export const SHEET_API = [
  'getName', 'setName', 'getSheetId', 'getIndex', 'getParent', 'getRange', 'getSheetValues', 'getRangeList', 'getDataRange', 'getLastRow', 'getLastColumn', 'getMaxRows', 'getMaxColumns',
  'insertRows', 'insertRowsBefore', 'insertRowsAfter', 'insertRowBefore', 'insertRowAfter', 'deleteRow', 'deleteRows',
  'insertColumns', 'insertColumnsBefore', 'insertColumnsAfter', 'insertColumnBefore', 'insertColumnAfter', 'deleteColumn', 'deleteColumns', 'moveColumns',
  'setFrozenRows', 'getFrozenRows', 'setFrozenColumns', 'getFrozenColumns', 'setColumnWidth', 'setColumnWidths', 'getColumnWidth', 'autoResizeColumns',
  'hideSheet', 'showSheet', 'isSheetHidden', 'activate', 'getConditionalFormatRules', 'setConditionalFormatRules', 'clearConditionalFormatRules',
  'protect', 'getProtections', 'getCharts', 'newChart', 'insertChart', 'updateChart', 'removeChart', 'getBandings',
  'addDeveloperMetadata', 'getDeveloperMetadata', 'createDeveloperMetadataFinder', 'clear', 'clearContents', 'clearFormats', 'appendRow', 'setTabColor', 'getTabColor',
] as const;

export const SPREADSHEET_API = [
  'getId', 'getName', 'rename', 'getUrl', 'getSheets', 'getNumSheets', 'getSheetByName', 'getSheetById', 'insertSheet', 'deleteSheet', 'getActiveSheet', 'setActiveSheet',
  'getSpreadsheetLocale', 'getSpreadsheetTimeZone', 'toast', 'getRange', 'addDeveloperMetadata', 'getDeveloperMetadata', 'createDeveloperMetadataFinder', 'getActiveRange',
] as const;

export const SPREADSHEET_APP_API = ['getActiveSpreadsheet', 'getActive', 'getActiveSheet', 'getActiveRange', 'getUi', 'newDataValidation', 'newConditionalFormatRule', 'flush'] as const;
export const SPREADSHEET_APP_PROPS = ['DataValidationCriteria', 'BooleanCriteria', 'ProtectionType', 'BandingTheme', 'Dimension', 'CopyPasteType', 'WrapStrategy', 'RelativeDate', 'DeveloperMetadataVisibility', 'DeveloperMetadataLocationType'] as const;

function sheetNameError(name: string): ScriptException {
  return new ScriptException(`A sheet with the name "${name}" already exists. Please enter another name.`);
}

export class SheetImpl {
  proxy!: GSheet;
  constructor(
    readonly ctx: Ctx,
    readonly data: SheetData,
  ) {}
  private get book(): Book { return this.ctx.book; }

  getName(): string { return this.data.name; }
  setName(name: string): GSheet {
    const n = String(name);
    if (this.book.sheets.some((s) => s !== this.data && s.name.toLowerCase() === n.toLowerCase())) throw sheetNameError(n);
    this.data.name = n;
    this.book.engine.invalidate();
    return this.proxy;
  }
  getSheetId(): number { return this.data.id; }
  getIndex(): number { return this.book.sheets.indexOf(this.data) + 1; }
  getParent(): GSS { return this.ctx.spreadsheet(); }

  /** getRange(a1) | getRange(row, column[, numRows[, numColumns]]). */
  getRange(a: string | number, column?: number, numRows?: number, numColumns?: number): GRange {
    if (typeof a === 'string') {
      const { sheet, ref } = splitSheet(a);
      const target = sheet === null ? this.data : this.book.sheetByName(sheet);
      if (!target) throw new ScriptException('Range not found');
      const b = parseA1(ref, target.maxRows, target.maxCols);
      return rangeAt(this.ctx, target, b.row, b.col, b.rows, b.cols);
    }
    if (typeof a !== 'number' || typeof column !== 'number') throw new ScriptException("The parameters don't match the method signature for SpreadsheetApp.Sheet.getRange.");
    return rangeAt(this.ctx, this.data, a, column, numRows ?? 1, numColumns ?? 1);
  }
  /**
   * The values of a box in one call, as getRange(...).getValues() returns them ("Returns the rectangular
   * grid of values for this range starting at the given coordinates"), with getRange's checks.
   * Ref: https://developers.google.com/apps-script/reference/spreadsheet/sheet#getSheetValues(Integer,Integer,Integer,Integer)
   */
  getSheetValues(startRow: number, startColumn: number, numRows: number, numColumns: number): unknown[][] {
    const range = rangeAt(this.ctx, this.data, startRow, startColumn, numRows, numColumns);
    // The wrapped range's own getValues would count a second call: read through its implementation.
    return this.ctx.rt.unwrap(range, RangeImpl, 'Range').getValues();
  }
  /** Ref: https://developers.google.com/apps-script/reference/spreadsheet/sheet#getRangeList(String) */
  getRangeList(a1Notations: unknown): GoogleAppsScript.Spreadsheet.RangeList {
    return makeRangeList(this.ctx, this.data, a1Notations);
  }
  /** Ref: https://developers.google.com/apps-script/reference/spreadsheet/sheet#getDataRange() (A1 to last row/column with content; A1 if empty) */
  getDataRange(): GRange {
    return this.ctx.range(this.data, { row: 1, col: 1, rows: Math.max(1, this.data.lastRow()), cols: Math.max(1, this.data.lastColumn()) });
  }
  getLastRow(): number { return this.data.lastRow(); }
  getLastColumn(): number { return this.data.lastColumn(); }
  getMaxRows(): number { return this.data.maxRows; }
  getMaxColumns(): number { return this.data.maxCols; }

  // ---- rows and columns ----
  /**
   * After rows/columns of this sheet were inserted, deleted or moved (the cell store already moved):
   * rule, chart, protection, banding, merge and metadata ranges follow their cells, and A1 references
   * in cell formulas and rule formulas on every sheet are rewritten (see ./refs.ts).
   */
  private shiftAll(map: DimMap): void {
    const s = this.data;
    const move = (ref: RangeRef): RangeRef | null => {
      if (ref.sheet !== s) return ref;
      const b = mapBox(ref.box, map);
      return b ? { sheet: ref.sheet, box: b } : null;
    };
    for (const sh of this.book.sheets) {
      // Cell formulas.
      if (sh.formulas.size) {
        for (const [k, f] of sh.formulas) {
          const g = rewriteRefs(f, { home: sh.name, changed: s.name, map });
          if (g !== f) sh.formulas.set(k, g);
        }
      }
      // Conditional formats: ranges follow their cells; a custom formula stays written for the first cell.
      for (const rule of sh.cfRules) {
        const first = rule.ranges[0]?.box;
        rule.ranges = rule.ranges.map(move).filter((r): r is RangeRef => r !== null);
        const now = rule.ranges[0]?.box;
        if (first && now && rule.condition?.type === 'CUSTOM_FORMULA') {
          rule.condition.args = [rewriteRuleFormula(String(rule.condition.args[0]), sh.name, s.name, map, first, now), ...rule.condition.args.slice(1)];
        }
      }
      sh.cfRules = sh.cfRules.filter((r) => r.ranges.length > 0);
      for (const ch of sh.charts) ch.ranges = ch.ranges.map(move).filter((r): r is RangeRef => r !== null);
      this.shiftValidations(sh, map, move);
    }
    s.protections = s.protections.filter((p) => {
      if (!p.box) return true;
      const b = mapBox(p.box, map);
      if (b) p.box = b;
      return b !== null;
    });
    s.bandings = s.bandings.filter((bd) => {
      const r = move(bd.range);
      if (r) bd.range = r;
      return r !== null;
    });
    s.merges = s.merges.map((m) => mapBox(m, map)).filter((m): m is Box => m !== null);
    // Row metadata follows row edits, column metadata column edits; deleted with its rows/columns.
    // Ref: https://developers.google.com/workspace/sheets/api/reference/rest/v4/spreadsheets.developerMetadata
    // ("if developer metadata is associated with row 5 and another row is then subsequently inserted
    // above row 5, that original metadata is still associated with the row it was first associated
    // with (what is now row 6). If the associated object is deleted its metadata is deleted too.")
    for (const m of this.book.metadata) {
      if (m.sheet !== s || !m.span || (m.span.dim === 'ROW') !== (map.dim === 'row')) continue;
      const next = map.span(m.span.start, m.span.start + m.span.count - 1);
      if (next) m.span = { dim: m.span.dim, start: next[0], count: next[1] - next[0] + 1 };
      else m.removed = true;
    }
    this.book.metadata = this.book.metadata.filter((m) => !m.removed);
    this.book.changed(s);
  }
  /** Validation rules of `sh` (per-cell copies, already moved with their cells): each rule's first cell
   * and custom formula follow the edit; a list-from-range rule's range follows its cells. */
  private shiftValidations(sh: SheetData, map: DimMap, move: (ref: RangeRef) => RangeRef | null): void {
    if (sh.validations.isEmpty()) return;
    const s = this.data;
    const seen = new Set<object>();
    for (const row of sh.validations.rows) {
      if (!row) continue;
      for (const d of row) {
        if (!d || seen.has(d)) continue;
        seen.add(d);
        const dv = d as AppliedDV;
        if (dv.criteria === 'CUSTOM_FORMULA') {
          const old = dv.anchor;
          const now = sh === s ? { row: map.dim === 'row' ? map.clamp(old.row) : old.row, col: map.dim === 'col' ? map.clamp(old.col) : old.col } : old;
          dv.args = [rewriteRuleFormula(String(dv.args[0]), sh.name, s.name, map, old, now), ...dv.args.slice(1)];
          dv.anchor = now;
        } else if (dv.criteria === 'VALUE_IN_RANGE') {
          const ref = dv.args[0] as RangeRef;
          const r = move(ref);
          if (r) dv.args = [r, ...dv.args.slice(1)];
        }
      }
    }
  }
  /** The 10-million-cell limit of a spreadsheet (see Book.checkCells). */
  private growCells(extra: number): void {
    this.book.checkCells(extra, (m) => new ScriptException(m));
  }
  private checkRow(r: number): void {
    if (!Number.isInteger(r) || r < 1 || r > this.data.maxRows) throw new ScriptException('Those rows are out of bounds.');
  }
  private checkCol(c: number): void {
    if (!Number.isInteger(c) || c < 1 || c > this.data.maxCols) throw new ScriptException('Those columns are out of bounds.');
  }
  insertRowsBefore(before: number, n: number): GSheet {
    this.checkRow(before);
    this.growCells(n * this.data.maxCols);
    this.data.insertRows(before - 1, n);
    this.shiftAll(insertMap('row', before, n));
    return this.proxy;
  }
  insertRowsAfter(after: number, n: number): GSheet {
    this.checkRow(after);
    this.growCells(n * this.data.maxCols);
    this.data.insertRows(after, n);
    this.shiftAll(insertMap('row', after + 1, n));
    return this.proxy;
  }
  insertRows(before: number, n = 1): void { this.insertRowsBefore(before, n); }
  insertRowBefore(before: number): GSheet { return this.insertRowsBefore(before, 1); }
  insertRowAfter(after: number): GSheet { return this.insertRowsAfter(after, 1); }
  /** Ref: https://developers.google.com/apps-script/reference/spreadsheet/sheet#deleteRows(Integer,Integer) */
  deleteRows(position: number, n: number): void {
    this.checkRow(position);
    if (position + n - 1 > this.data.maxRows) throw new ScriptException('Those rows are out of bounds.');
    if (n >= this.data.maxRows) throw new ScriptException('You can\'t delete all the rows on the sheet.');
    // Sheets keeps at least one row below the frozen ones.
    const fr = this.data.frozenRows;
    if (fr > 0 && position <= fr + 1 && position + n - 1 >= this.data.maxRows) throw new ScriptException('Sorry, it is not possible to delete all non-frozen rows.');
    this.data.deleteRows(position - 1, n);
    this.shiftAll(deleteMap('row', position, n));
  }
  deleteRow(position: number): GSheet { this.deleteRows(position, 1); return this.proxy; }
  insertColumnsBefore(before: number, n: number): GSheet {
    this.checkCol(before);
    this.growCells(n * this.data.maxRows);
    this.data.insertCols(before - 1, n);
    this.shiftAll(insertMap('col', before, n));
    return this.proxy;
  }
  insertColumnsAfter(after: number, n: number): GSheet {
    this.checkCol(after);
    this.growCells(n * this.data.maxRows);
    this.data.insertCols(after, n);
    this.shiftAll(insertMap('col', after + 1, n));
    return this.proxy;
  }
  insertColumns(before: number, n = 1): void { this.insertColumnsBefore(before, n); }
  insertColumnBefore(before: number): GSheet { return this.insertColumnsBefore(before, 1); }
  insertColumnAfter(after: number): GSheet { return this.insertColumnsAfter(after, 1); }
  deleteColumns(position: number, n: number): void {
    this.checkCol(position);
    if (position + n - 1 > this.data.maxCols) throw new ScriptException('Those columns are out of bounds.');
    if (n >= this.data.maxCols) throw new ScriptException('You can\'t delete all the columns on the sheet.');
    this.data.deleteCols(position - 1, n);
    this.shiftAll(deleteMap('col', position, n));
  }
  deleteColumn(position: number): GSheet { this.deleteColumns(position, 1); return this.proxy; }
  /** Ref: https://developers.google.com/apps-script/reference/spreadsheet/sheet#moveColumns(Range,Integer) */
  moveColumns(columnSpec: unknown, destinationIndex: number): void {
    const ref = this.ctx.refOf(columnSpec, 'columnSpec');
    if (ref.sheet !== this.data) throw new ScriptException('Invalid argument: columnSpec');
    this.checkCol(destinationIndex);
    this.data.moveCols(ref.box.col - 1, ref.box.cols, destinationIndex - 1);
    this.shiftAll(moveMap('col', ref.box.col, ref.box.cols, destinationIndex));
  }

  /** Sheets refuses a freeze line that cuts through a merged cell (message as scripts and the Sheets
   * API report it; the reference page does not state it). */
  setFrozenRows(n: number): void {
    if (this.data.merges.some((m) => m.row <= n && m.row + m.rows - 1 > n)) throw new ScriptException("You can't freeze rows which contain only part of a merged cell.");
    this.data.frozenRows = n;
  }
  getFrozenRows(): number { return this.data.frozenRows; }
  setFrozenColumns(n: number): void {
    if (this.data.merges.some((m) => m.col <= n && m.col + m.cols - 1 > n)) throw new ScriptException("You can't freeze columns which contain only part of a merged cell.");
    this.data.frozenColumns = n;
  }
  getFrozenColumns(): number { return this.data.frozenColumns; }
  setColumnWidth(col: number, width: number): GSheet { this.checkCol(col); this.data.columnWidths.set(col, width); return this.proxy; }
  setColumnWidths(start: number, n: number, width: number): GSheet {
    for (let c = start; c < start + n; c++) this.setColumnWidth(c, width);
    return this.proxy;
  }
  /** Ref: https://developers.google.com/apps-script/reference/spreadsheet/sheet#getColumnWidth(Integer) (default 100 px) */
  getColumnWidth(col: number): number { this.checkCol(col); return this.data.columnWidths.get(col) ?? 100; }
  autoResizeColumns(start: number, n: number): GSheet {
    for (let c = start; c < start + n; c++) this.data.columnWidths.delete(c);
    return this.proxy;
  }
  /** Ref: https://developers.google.com/apps-script/reference/spreadsheet/sheet#hideSheet() */
  hideSheet(): GSheet {
    if (this.book.sheets.filter((s) => !s.hidden && s !== this.data).length === 0) throw new ScriptException("You can't hide all the sheets in a document.");
    this.data.hidden = true;
    return this.proxy;
  }
  showSheet(): GSheet { this.data.hidden = false; return this.proxy; }
  isSheetHidden(): boolean { return this.data.hidden; }
  activate(): GSheet { this.book.active = this.data; this.data.hidden = false; return this.proxy; }
  setTabColor(c: string | null): GSheet { this.tabColor = c; return this.proxy; }
  getTabColor(): string | null { return this.tabColor; }
  private tabColor: string | null = null;

  // ---- conditional formats ----
  getConditionalFormatRules(): GoogleAppsScript.Spreadsheet.ConditionalFormatRule[] {
    return this.data.cfRules.map((d) => makeRule(this.ctx, d));
  }
  /** Replaces all the sheet's rules. Ref: https://developers.google.com/apps-script/reference/spreadsheet/sheet#setConditionalFormatRules(ConditionalFormatRule) */
  setConditionalFormatRules(rules: unknown[]): void {
    if (!Array.isArray(rules)) throw new ScriptException('Invalid argument: rules');
    const datas = rules.map((r) => this.ctx.rt.unwrap(r, CFRuleImpl, 'rules').data);
    for (const d of datas) if (d.ranges.some((rr) => rr.sheet !== this.data)) throw new ScriptException('Conditional format rule cannot reference a different sheet.');
    this.data.cfRules = datas.map((d) => ({ ranges: d.ranges.map((r) => ({ sheet: r.sheet, box: { ...r.box } })), condition: d.condition ? { type: d.condition.type, args: [...d.condition.args] } : null, format: { ...d.format } }));
  }
  clearConditionalFormatRules(): void { this.data.cfRules = []; }

  // ---- protections ----
  protect(): GoogleAppsScript.Spreadsheet.Protection {
    const existing = this.data.protections.find((p) => p.box === null);
    if (existing) return makeProtection(this.ctx, existing);
    const data = { sheet: this.data, box: null, description: '', warningOnly: false, removed: false, editors: [this.ctx.book.user.email] };
    this.data.protections.push(data);
    return makeProtection(this.ctx, data);
  }
  getProtections(type: unknown): GoogleAppsScript.Spreadsheet.Protection[] {
    const t = enumName(type);
    if (t !== 'RANGE' && t !== 'SHEET') throw new ScriptException('Invalid argument: type');
    return this.data.protections.filter((p) => (t === 'SHEET' ? p.box === null : p.box !== null)).map((p) => makeProtection(this.ctx, p));
  }

  // ---- charts ----
  getCharts(): GoogleAppsScript.Spreadsheet.EmbeddedChart[] { return this.data.charts.map((c) => makeChart(this.ctx, c)); }
  newChart(): GoogleAppsScript.Spreadsheet.EmbeddedChartBuilder {
    return makeChartBuilder(this.ctx, { id: 0, sheet: this.data, chartType: '', ranges: [], position: { row: 1, column: 1, offsetX: 0, offsetY: 0 }, options: {} });
  }
  private chartData(chart: unknown): ChartData {
    return this.ctx.rt.unwrap(chart, ChartImpl, 'chart').data;
  }
  insertChart(chart: unknown): void {
    const d = this.chartData(chart);
    this.data.charts.push({ ...d, id: this.book.nextId++, sheet: this.data, ranges: [...d.ranges], options: { ...d.options }, position: { ...d.position } });
  }
  updateChart(chart: unknown): void {
    const d = this.chartData(chart);
    const i = this.data.charts.findIndex((c) => c.id === d.id);
    if (i < 0) throw new ScriptException('The chart does not exist on this sheet.');
    this.data.charts[i] = { ...d, sheet: this.data, ranges: [...d.ranges], options: { ...d.options }, position: { ...d.position } };
  }
  removeChart(chart: unknown): void {
    const d = this.chartData(chart);
    this.data.charts = this.data.charts.filter((c) => c.id !== d.id);
  }
  getBandings(): GoogleAppsScript.Spreadsheet.Banding[] {
    return this.data.bandings.map((b) => (this.ctx.range(b.range.sheet, b.range.box) as unknown as { getBandings(): GoogleAppsScript.Spreadsheet.Banding[] }).getBandings()[0]).filter((b): b is GoogleAppsScript.Spreadsheet.Banding => !!b);
  }

  // ---- developer metadata ----
  addDeveloperMetadata(key: string, value?: unknown, visibility?: unknown): GSheet {
    let val: string | null = null;
    let vis = 'DOCUMENT';
    if (typeof value === 'string') val = value;
    else if (value !== undefined && value !== null) vis = enumName(value);
    if (visibility !== undefined) vis = enumName(visibility);
    this.book.metadata.push({ id: this.book.nextId++, key: String(key), value: val, visibility: vis, sheet: this.data, span: null, removed: false });
    return this.proxy;
  }
  getDeveloperMetadata(): GoogleAppsScript.Spreadsheet.DeveloperMetadata[] {
    return this.book.metadata.filter((m) => m.sheet === this.data && m.span === null).map((m) => makeMetadata(this.ctx, m));
  }
  createDeveloperMetadataFinder(): GoogleAppsScript.Spreadsheet.DeveloperMetadataFinder {
    return makeFinder(this.ctx, (m) => m.sheet === this.data);
  }

  // ---- whole-sheet edits ----
  clear(): GSheet {
    const s = this.data;
    s.values = [];
    s.formulas.clear();
    for (const l of [s.formats, s.backgrounds, s.fontColors, s.fontWeights, s.hAligns, s.wraps, s.notes]) {
      l.rows = [];
      l.count = 0;
    }
    this.book.changed(s);
    return this.proxy;
  }
  clearContents(): GSheet {
    this.data.values = [];
    this.data.formulas.clear();
    this.book.changed(this.data);
    return this.proxy;
  }
  clearFormats(): GSheet {
    const s = this.data;
    for (const l of [s.formats, s.backgrounds, s.fontColors, s.fontWeights, s.hAligns, s.wraps]) {
      l.rows = [];
      l.count = 0;
    }
    return this.proxy;
  }
  /** Ref: https://developers.google.com/apps-script/reference/spreadsheet/sheet#appendRow(Object) */
  appendRow(values: unknown[]): GSheet {
    if (!Array.isArray(values)) throw new ScriptException("The parameters (String) don't match the method signature for SpreadsheetApp.Sheet.appendRow.");
    if (values.some((v) => typeof v === 'string' && v.length > MAX_CELL_CHARS)) throw new ScriptException(CELL_TOO_LONG);
    const row = this.data.lastRow() + 1;
    this.growCells((row > this.data.maxRows ? this.data.maxCols : 0) + Math.max(0, values.length - this.data.maxCols) * Math.max(row, this.data.maxRows));
    if (row > this.data.maxRows) this.data.maxRows = row;
    if (values.length > this.data.maxCols) this.data.maxCols = values.length;
    const impl = new RangeImpl(this.ctx, this.data, { row, col: 1, rows: 1, cols: values.length });
    values.forEach((v, j) => impl.writeCell(row - 1, j, v));
    this.ctx.rt.wrote(values.length);
    this.book.changed(this.data);
    return this.proxy;
  }
}

export class SpreadsheetImpl {
  proxy!: GSS;
  constructor(readonly ctx: Ctx, private readonly toastLog: (m: string, t: string, s?: number) => void) {}
  private get book(): Book { return this.ctx.book; }
  getId(): string { return this.book.id; }
  getName(): string { return this.book.name; }
  rename(name: string): void { this.book.name = String(name); }
  getUrl(): string { return `https://docs.google.com/spreadsheets/d/${this.book.id}/edit`; }
  getSheets(): GSheet[] { return this.book.sheets.map((s) => this.ctx.sheet(s)); }
  getNumSheets(): number { return this.book.sheets.length; }
  getSheetByName(name: string): GSheet | null {
    const s = this.book.sheetByName(String(name));
    return s ? this.ctx.sheet(s) : null;
  }
  getSheetById(id: number): GSheet | null {
    const s = this.book.sheets.find((x) => x.id === id);
    return s ? this.ctx.sheet(s) : null;
  }
  /** insertSheet() | insertSheet(name) | insertSheet(index) | insertSheet(name, index). The new sheet becomes active.
   * Ref: https://developers.google.com/apps-script/reference/spreadsheet/spreadsheet#insertSheet(String,Integer) */
  insertSheet(a?: string | number, b?: number): GSheet {
    let name: string | undefined;
    let index: number | undefined;
    if (typeof a === 'string') {
      name = a;
      index = b;
    } else if (typeof a === 'number') index = a;
    if (name === undefined) {
      let n = this.book.sheets.length + 1;
      while (this.book.sheets.some((s) => s.name === `Sheet${n}`)) n++;
      name = `Sheet${n}`;
    }
    if (this.book.sheets.some((s) => s.name.toLowerCase() === (name ?? '').toLowerCase())) throw sheetNameError(name);
    this.book.checkCells(1000 * 26, (m) => new ScriptException(m));
    const data = new SheetData(name, this.book.nextSheetId++ === 0 ? 0 : Math.floor(1e8 + this.book.nextSheetId * 7919));
    const at = index === undefined ? this.book.sheets.indexOf(this.book.active) + 1 : Math.max(0, Math.min(this.book.sheets.length, index));
    this.book.sheets.splice(at, 0, data);
    this.book.active = data;
    this.book.engine.invalidate();
    return this.ctx.sheet(data);
  }
  deleteSheet(sheet: unknown): void {
    const impl = this.ctx.rt.unwrap(sheet, SheetImpl, 'sheet');
    if (this.book.sheets.length === 1) throw new ScriptException("You can't remove all the sheets in a document.");
    this.book.sheets = this.book.sheets.filter((s) => s !== impl.data);
    this.book.metadata = this.book.metadata.filter((m) => m.sheet !== impl.data);
    if (this.book.active === impl.data) this.book.active = this.book.sheets[0] as SheetData;
    this.book.engine.invalidate();
  }
  getActiveSheet(): GSheet { return this.ctx.sheet(this.book.active); }
  setActiveSheet(sheet: unknown): GSheet {
    const impl = this.ctx.rt.unwrap(sheet, SheetImpl, 'sheet');
    this.book.active = impl.data;
    impl.data.hidden = false;
    return this.ctx.sheet(impl.data);
  }
  getActiveRange(): GRange { return this.ctx.range(this.book.active, activeBox(this.book)); }
  getSpreadsheetLocale(): string { return this.book.locale; }
  getSpreadsheetTimeZone(): string { return this.book.tz; }
  toast(msg: string, title?: string, timeoutSeconds?: number): void { this.toastLog(String(msg), title === undefined ? '' : String(title), timeoutSeconds); }
  getRange(a1: string): GRange {
    const { sheet, ref } = splitSheet(String(a1));
    const target = sheet === null ? this.book.active : this.book.sheetByName(sheet);
    if (!target) throw new ScriptException('Range not found');
    const b = parseA1(ref, target.maxRows, target.maxCols);
    return rangeAt(this.ctx, target, b.row, b.col, b.rows, b.cols);
  }
  addDeveloperMetadata(key: string, value?: unknown, visibility?: unknown): GSS {
    let val: string | null = null;
    let vis = 'DOCUMENT';
    if (typeof value === 'string') val = value;
    else if (value !== undefined && value !== null) vis = enumName(value);
    if (visibility !== undefined) vis = enumName(visibility);
    this.book.metadata.push({ id: this.book.nextId++, key: String(key), value: val, visibility: vis, sheet: null, span: null, removed: false });
    return this.proxy;
  }
  getDeveloperMetadata(): GoogleAppsScript.Spreadsheet.DeveloperMetadata[] {
    return this.book.metadata.filter((m) => m.sheet === null).map((m) => makeMetadata(this.ctx, m));
  }
  createDeveloperMetadataFinder(): GoogleAppsScript.Spreadsheet.DeveloperMetadataFinder {
    return makeFinder(this.ctx, () => true);
  }
}

/** The Ctx implementation: hands out wrapped Range/Sheet/Spreadsheet proxies (Sheets cached per sheet). */
export class Workbook implements Ctx {
  private readonly sheetProxies = new WeakMap<SheetData, GSheet>();
  private ssProxy: GSS | null = null;
  toastSink: (m: string, t: string, s?: number) => void = () => undefined;
  constructor(
    readonly rt: Runtime,
    readonly book: Book,
    readonly enums: Enums,
  ) {}
  range(sheet: SheetData, box: Box): GRange {
    const impl = new RangeImpl(this, sheet, { ...box });
    impl.proxy = this.rt.wrap<GRange>('Range', impl, { methods: RANGE_API, before: (m) => (RANGE_WRITES.has(m) ? checkEditable(this, sheet, impl.box) : undefined) });
    return impl.proxy;
  }
  /**
   * The range of an onEdit event: a Range that also carries its box as plain properties rowStart,
   * rowEnd, columnStart and columnEnd (1-based, inclusive), read without a service call. The events
   * reference documents `range` as a Range only; the four properties are what Sheets puts on it, as
   * measured by printing the event object ("Benchmark: Event Objects for Google Apps Script",
   * https://tanaikech.github.io/page/80: `"range": {"columnStart": 1, "rowStart": 1, "rowEnd": 1, "columnEnd": 1}` for A1).
   * Ref: https://developers.google.com/apps-script/guides/triggers/events#edit
   */
  eventRange(sheet: SheetData, box: Box): GRange {
    const impl = new RangeImpl(this, sheet, { ...box });
    Object.assign(impl, { rowStart: box.row, rowEnd: box.row + box.rows - 1, columnStart: box.col, columnEnd: box.col + box.cols - 1 });
    impl.proxy = this.rt.wrap<GRange>('Range', impl, { methods: RANGE_API, props: ['rowStart', 'rowEnd', 'columnStart', 'columnEnd'], before: (m) => (RANGE_WRITES.has(m) ? checkEditable(this, sheet, impl.box) : undefined) });
    return impl.proxy;
  }
  sheet(sheet: SheetData): GSheet {
    let p = this.sheetProxies.get(sheet);
    if (!p) {
      const impl = new SheetImpl(this, sheet);
      p = this.rt.wrap<GSheet>('Sheet', impl, { methods: SHEET_API });
      impl.proxy = p;
      this.sheetProxies.set(sheet, p);
    }
    return p;
  }
  spreadsheet(): GSS {
    if (!this.ssProxy) {
      const impl = new SpreadsheetImpl(this, (m, t, s) => this.toastSink(m, t, s));
      impl.proxy = this.rt.wrap<GSS>('Spreadsheet', impl, { methods: SPREADSHEET_API });
      this.ssProxy = impl.proxy;
    }
    return this.ssProxy;
  }
  refOf(range: unknown, what: string): RangeRef {
    const impl = this.rt.unwrap(range, RangeImpl, what);
    return { sheet: impl.sheet, box: { ...impl.box } };
  }
}

export function makeSpreadsheetApp(wb: Workbook, ui: () => unknown): unknown {
  const e = wb.enums;
  const impl = {
    getActiveSpreadsheet: () => wb.spreadsheet(),
    getActive: () => wb.spreadsheet(),
    getActiveSheet: () => wb.sheet(wb.book.active),
    getActiveRange: () => wb.range(wb.book.active, activeBox(wb.book)),
    getUi: () => ui(),
    newDataValidation: () => makeDVBuilder(wb),
    newConditionalFormatRule: () => makeCFBuilder(wb),
    flush: () => undefined,
    DataValidationCriteria: e.DataValidationCriteria,
    BooleanCriteria: e.BooleanCriteria,
    ProtectionType: e.ProtectionType,
    BandingTheme: e.BandingTheme,
    Dimension: e.Dimension,
    CopyPasteType: e.CopyPasteType,
    WrapStrategy: e.WrapStrategy,
    RelativeDate: e.RelativeDate,
    DeveloperMetadataVisibility: e.DeveloperMetadataVisibility,
    DeveloperMetadataLocationType: e.DeveloperMetadataLocationType,
  };
  return wb.rt.wrap('SpreadsheetApp', impl, { methods: SPREADSHEET_APP_API, props: SPREADSHEET_APP_PROPS });
}
