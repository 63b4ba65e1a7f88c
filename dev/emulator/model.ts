/**
 * The spreadsheet model: sheets of typed cells stored as row arrays (plain data never goes through the
 * formula engine), plus sparse layers for formulas, formats, notes, colors and validations.
 */
import type { Box } from './a1';
import { type Cell } from './values';

/** A sparse 2D layer: rows allocated on first write. Indices are 0-based. */
export class Layer<T> {
  rows: Array<Array<T | undefined> | undefined> = [];
  count = 0; // rows allocated, to skip empty layers fast

  get(r: number, c: number): T | undefined {
    const row = this.rows[r];
    return row ? row[c] : undefined;
  }
  set(r: number, c: number, v: T | undefined): void {
    let row = this.rows[r];
    if (!row) {
      if (v === undefined) return;
      row = [];
      this.rows[r] = row;
      this.count += 1;
    }
    row[c] = v;
  }
  fill(b: Box, v: T | undefined): void {
    for (let r = b.row - 1; r < b.row - 1 + b.rows; r++) for (let c = b.col - 1; c < b.col - 1 + b.cols; c++) this.set(r, c, v);
  }
  isEmpty(): boolean {
    return this.count === 0;
  }
  insertRows(at: number, n: number): void {
    if (this.rows.length > at) this.rows.splice(at, 0, ...new Array<undefined>(n));
  }
  deleteRows(at: number, n: number): void {
    this.rows.splice(at, n);
  }
  insertCols(at: number, n: number): void {
    for (const row of this.rows) if (row && row.length > at) row.splice(at, 0, ...new Array<undefined>(n));
  }
  deleteCols(at: number, n: number): void {
    for (const row of this.rows) if (row) row.splice(at, n);
  }
  moveCols(from: number, n: number, to: number): void {
    if (to > from && to <= from + n) return; // onto itself
    for (const row of this.rows) {
      if (!row) continue;
      while (row.length < Math.max(from + n, to)) row.push(undefined);
      const moved = row.splice(from, n);
      const dest = to > from ? to - n : to;
      row.splice(dest, 0, ...moved);
    }
  }
}

export interface Merge {
  box: Box;
}

export class SheetData {
  /** values[r][c]; rows may be shorter than the sheet (missing = ''). */
  values: Cell[][] = [];
  /** Formulas by cell key (r * KEY + c). */
  formulas = new Map<number, string>();
  formats = new Layer<string>();
  notes = new Layer<string>();
  backgrounds = new Layer<string>();
  fontColors = new Layer<string>();
  fontWeights = new Layer<string>();
  hAligns = new Layer<string>();
  wraps = new Layer<string>();
  validations = new Layer<object>();
  columnWidths = new Map<number, number>();
  frozenRows = 0;
  frozenColumns = 0;
  hidden = false;
  merges: Box[] = [];
  cfRules: CFData[] = [];
  protections: ProtectionData[] = [];
  charts: ChartData[] = [];
  bandings: BandingData[] = [];
  private lastRowCache: number | null = null;
  private lastColCache: number | null = null;

  constructor(
    public name: string,
    readonly id: number,
    public maxRows = 1000,
    public maxCols = 26,
  ) {}

  static readonly KEY = 20000; // > Sheets' 18,278 columns

  dirty(): void {
    this.lastRowCache = null;
    this.lastColCache = null;
  }

  getValue(r: number, c: number): Cell {
    const row = this.values[r];
    if (!row) return '';
    const v = row[c];
    return v === undefined ? '' : v;
  }
  setValue(r: number, c: number, v: Cell): void {
    let row = this.values[r];
    if (!row) {
      if (v === '') return;
      while (this.values.length < r) this.values.push([]);
      row = [];
      this.values[r] = row;
    }
    if (row.length <= c) {
      if (v === '') return;
      while (row.length < c) row.push('');
    }
    row[c] = v;
  }
  formula(r: number, c: number): string | undefined {
    return this.formulas.size ? this.formulas.get(r * SheetData.KEY + c) : undefined;
  }
  setFormula(r: number, c: number, f: string | undefined): void {
    if (f === undefined) this.formulas.delete(r * SheetData.KEY + c);
    else this.formulas.set(r * SheetData.KEY + c, f);
  }

  /** 1-based last row holding a value or formula (0 if none). */
  lastRow(): number {
    if (this.lastRowCache !== null) return this.lastRowCache;
    let last = 0;
    for (let r = this.values.length - 1; r >= 0; r--) {
      const row = this.values[r];
      if (row && row.some((v) => v !== '')) {
        last = r + 1;
        break;
      }
    }
    for (const k of this.formulas.keys()) last = Math.max(last, Math.floor(k / SheetData.KEY) + 1);
    this.lastRowCache = last;
    return last;
  }
  lastColumn(): number {
    if (this.lastColCache !== null) return this.lastColCache;
    let last = 0;
    for (const row of this.values) {
      if (!row || row.length <= last) continue;
      for (let c = row.length - 1; c >= last; c--) {
        if (row[c] !== '') {
          last = c + 1;
          break;
        }
      }
    }
    for (const k of this.formulas.keys()) last = Math.max(last, (k % SheetData.KEY) + 1);
    this.lastColCache = last;
    return last;
  }

  allLayers(): Array<Layer<unknown>> {
    return [this.formats, this.notes, this.backgrounds, this.fontColors, this.fontWeights, this.hAligns, this.wraps, this.validations] as Array<Layer<unknown>>;
  }

  insertRows(at0: number, n: number): void {
    if (this.values.length > at0) this.values.splice(at0, 0, ...Array.from({ length: n }, () => [] as Cell[]));
    for (const l of this.allLayers()) l.insertRows(at0, n);
    this.shiftFormulaKeys((r, c) => [r >= at0 ? r + n : r, c]);
    this.maxRows += n;
    this.dirty();
  }
  deleteRows(at0: number, n: number): void {
    this.values.splice(at0, n);
    for (const l of this.allLayers()) l.deleteRows(at0, n);
    this.shiftFormulaKeys((r, c) => (r >= at0 && r < at0 + n ? null : [r >= at0 + n ? r - n : r, c]));
    this.maxRows -= n;
    this.dirty();
  }
  insertCols(at0: number, n: number): void {
    for (const row of this.values) if (row.length > at0) row.splice(at0, 0, ...new Array<Cell>(n).fill(''));
    for (const l of this.allLayers()) l.insertCols(at0, n);
    this.shiftFormulaKeys((r, c) => [r, c >= at0 ? c + n : c]);
    this.maxCols += n;
    this.dirty();
  }
  deleteCols(at0: number, n: number): void {
    for (const row of this.values) row.splice(at0, n);
    for (const l of this.allLayers()) l.deleteCols(at0, n);
    this.shiftFormulaKeys((r, c) => (c >= at0 && c < at0 + n ? null : [r, c >= at0 + n ? c - n : c]));
    this.maxCols -= n;
    this.dirty();
  }
  moveCols(from0: number, n: number, to0: number): void {
    if (to0 > from0 && to0 <= from0 + n) return; // onto itself
    for (const row of this.values) {
      while (row.length < Math.max(from0 + n, to0)) row.push('');
      const moved = row.splice(from0, n);
      row.splice(to0 > from0 ? to0 - n : to0, 0, ...moved);
    }
    for (const l of this.allLayers()) l.moveCols(from0, n, to0);
    const map = (c: number): number => {
      const order = Array.from({ length: Math.max(from0 + n, to0) + 1 }, (_, i) => i);
      const moved = order.splice(from0, n);
      order.splice(to0 > from0 ? to0 - n : to0, 0, ...moved);
      const idx = order.indexOf(c);
      return idx === -1 ? c : idx;
    };
    this.shiftFormulaKeys((r, c) => [r, map(c)]);
    this.dirty();
  }
  private shiftFormulaKeys(f: (r: number, c: number) => [number, number] | null): void {
    if (!this.formulas.size) return;
    const next = new Map<number, string>();
    for (const [k, v] of this.formulas) {
      const to = f(Math.floor(k / SheetData.KEY), k % SheetData.KEY);
      if (to) next.set(to[0] * SheetData.KEY + to[1], v);
    }
    this.formulas = next;
  }
}

// ---- Plain data behind the rule/object services (the script sees them through wrapped classes) ----

export interface RangeRef {
  sheet: SheetData;
  box: Box;
}

export interface DVData {
  criteria: string; // DataValidationCriteria name
  args: unknown[]; // RangeRef for VALUE_IN_RANGE, Date for date criteria
  allowInvalid: boolean;
  helpText: string | null;
}

export interface CFFormat {
  background?: string | null;
  fontColor?: string | null;
  bold?: boolean | null;
  italic?: boolean | null;
  strikethrough?: boolean | null;
  underline?: boolean | null;
}

export interface CFData {
  ranges: RangeRef[];
  condition: { type: string; args: unknown[] } | null;
  format: CFFormat;
}

export interface ProtectionData {
  sheet: SheetData;
  box: Box | null; // null: the whole sheet
  description: string;
  warningOnly: boolean;
  removed: boolean;
  /** Emails allowed to edit it (its creator at first); the owner always may. */
  editors: string[];
}

export interface ChartData {
  id: number;
  sheet: SheetData;
  chartType: string;
  ranges: RangeRef[];
  position: { row: number; column: number; offsetX: number; offsetY: number };
  options: Record<string, unknown>;
}

export interface BandingData {
  id: number;
  range: RangeRef;
  theme: string;
  header: boolean;
  footer: boolean;
  removed: boolean;
}

export interface MetadataData {
  id: number;
  key: string;
  value: string | null;
  visibility: string;
  /** Where it is attached: the spreadsheet (sheet null), a sheet (span null), or whole rows / whole
   * columns of a sheet. A row or column location is kept as such whatever the sheet's size becomes,
   * and moves with its rows/columns. Ref: https://developers.google.com/apps-script/reference/spreadsheet/developer-metadata-location */
  sheet: SheetData | null;
  span: MetadataSpan | null;
  removed: boolean;
}

/** 1-based first row/column and count of a ROW or COLUMN metadata location. */
export interface MetadataSpan {
  dim: 'ROW' | 'COLUMN';
  start: number;
  count: number;
}

/** The whole-row or whole-column range of a span, at the sheet's current size. */
export function spanBox(sheet: SheetData, span: MetadataSpan): Box {
  return span.dim === 'COLUMN' ? { row: 1, col: span.start, rows: sheet.maxRows, cols: span.count } : { row: span.start, col: 1, rows: span.count, cols: sheet.maxCols };
}

