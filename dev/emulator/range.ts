/**
 * Range: values, formulas, formats, notes, colors, validation, protection, banding, merges, metadata.
 * Ref: https://developers.google.com/apps-script/reference/spreadsheet/range
 */
import { type Box, boxToA1 } from './a1';
import { makeDataValidation, type AppliedDV } from './validation';
import type { Ctx } from './context';
import { dateToSerial, serialToDate } from './dates';
import { displayValue } from './display';
import { type DVData, type MetadataSpan, type SheetData, spanBox } from './model';
import { checkEditable, makeBanding, makeMetadata, makeProtection, overlaps } from './objects';
import { enumName, ScriptException } from './runtime';
import { shiftFormula } from './formulas';
import { type Cell, DEFAULT_FORMAT, isDateFormat, localeInfo, parseTyped, surelyText } from './values';

type GRange = GoogleAppsScript.Spreadsheet.Range;

/**
 * The selection of each book: Range.activate() "sets the specified range as the active range, with the
 * top left cell in the range as the current cell" and makes its sheet the active one; getActiveRange()
 * returns it while that sheet stays active (else the active sheet's A1).
 * Ref: https://developers.google.com/apps-script/reference/spreadsheet/range#activate()
 * Ref: https://developers.google.com/apps-script/reference/spreadsheet/spreadsheet#getActiveRange()
 */
export const SELECTIONS = new WeakMap<object, { sheet: SheetData; box: Box }>();

/** The active range of a book: its selection on the active sheet, else that sheet's A1. */
export function activeBox(book: { active: SheetData }): Box {
  const sel = SELECTIONS.get(book);
  return sel && sel.sheet === book.active ? { ...sel.box } : { row: 1, col: 1, rows: 1, cols: 1 };
}

export const RANGE_API = [
  'getA1Notation', 'getRow', 'getColumn', 'getNumRows', 'getNumColumns', 'getLastRow', 'getLastColumn', 'getSheet', 'getHeight', 'getWidth',
  'offset', 'getCell', 'activate', 'isBlank',
  'getValues', 'setValues', 'getValue', 'setValue', 'getDisplayValues', 'getDisplayValue',
  'getFormulas', 'setFormulas', 'getFormula', 'setFormula',
  'getNumberFormats', 'getNumberFormat', 'setNumberFormat', 'setNumberFormats',
  'getBackgrounds', 'getBackground', 'setBackground', 'setBackgrounds',
  'getNotes', 'getNote', 'setNote', 'setNotes', 'clearNote',
  'setFontWeight', 'setFontWeights', 'getFontWeights', 'getFontWeight', 'setFontColor', 'setFontColors', 'getFontColors', 'getFontColor',
  'setHorizontalAlignment', 'getHorizontalAlignment', 'setWrap', 'setWrapStrategy', 'getWrap',
  'clear', 'clearContent', 'clearFormat', 'clearDataValidations',
  'setDataValidation', 'setDataValidations', 'getDataValidation', 'getDataValidations', 'copyTo',
  'protect', 'applyRowBanding', 'getBandings', 'merge', 'breakApart', 'getMergedRanges', 'isPartOfMerge',
  'addDeveloperMetadata', 'getDeveloperMetadata',
] as const;

/** Members that change the cells (refused on a protected range the user may not edit). */
export const RANGE_WRITES: ReadonlySet<string> = new Set(RANGE_API.filter((m) => /^(set|clear)/.test(m) || m === 'merge' || m === 'breakApart'));

/** A cell holds at most 50,000 characters; longer input is refused whole.
 * Ref: https://support.google.com/drive/answer/37603 (Google Sheets: 50,000 characters per cell) */
export const MAX_CELL_CHARS = 50_000;
export const CELL_TOO_LONG = `Your input contains more than the maximum of ${MAX_CELL_CHARS} characters in a single cell.`;

export class RangeImpl {
  proxy!: GRange;
  constructor(
    readonly ctx: Ctx,
    readonly sheet: SheetData,
    readonly box: Box,
  ) {}

  private get r0(): number { return this.box.row - 1; }
  private get c0(): number { return this.box.col - 1; }
  private touched(): void { this.ctx.book.changed(this.sheet); }

  // ---- geometry ----
  getA1Notation(): string { return boxToA1(this.box); }
  getRow(): number { return this.box.row; }
  getColumn(): number { return this.box.col; }
  getNumRows(): number { return this.box.rows; }
  getNumColumns(): number { return this.box.cols; }
  getHeight(): number { return this.box.rows; }
  getWidth(): number { return this.box.cols; }
  getLastRow(): number { return this.box.row + this.box.rows - 1; }
  getLastColumn(): number { return this.box.col + this.box.cols - 1; }
  getSheet(): GoogleAppsScript.Spreadsheet.Sheet { return this.ctx.sheet(this.sheet); }
  offset(rowOffset: number, columnOffset: number, numRows?: number, numColumns?: number): GRange {
    return rangeAt(this.ctx, this.sheet, this.box.row + rowOffset, this.box.col + columnOffset, numRows ?? this.box.rows, numColumns ?? this.box.cols);
  }
  getCell(row: number, column: number): GRange {
    if (row < 1 || column < 1 || row > this.box.rows || column > this.box.cols) throw new ScriptException('Cell reference out of range');
    return this.ctx.range(this.sheet, { row: this.box.row + row - 1, col: this.box.col + column - 1, rows: 1, cols: 1 });
  }
  activate(): GRange {
    this.ctx.book.active = this.sheet;
    SELECTIONS.set(this.ctx.book, { sheet: this.sheet, box: { ...this.box } });
    return this.proxy;
  }
  isBlank(): boolean {
    for (let r = 0; r < this.box.rows; r++) for (let c = 0; c < this.box.cols; c++) if (this.sheet.getValue(this.r0 + r, this.c0 + c) !== '' || this.sheet.formula(this.r0 + r, this.c0 + c) !== undefined) return false;
    return true;
  }

  // ---- values ----
  /** The stored (or computed) value of a cell, as getValues returns it. */
  private scriptValue(r: number, c: number): unknown {
    const s = this.sheet;
    const f = s.formulas.size ? s.formula(r, c) : undefined;
    const v: Cell = f !== undefined ? this.ctx.book.engine.valueAt(s, r, c) : s.getValue(r, c);
    if (typeof v === 'number') {
      const fmt = s.formats.get(r, c);
      if (fmt !== undefined && isDateFormat(fmt)) return serialToDate(v, this.ctx.book.tz);
    }
    return v;
  }

  /** getValues: Date for date-formatted numbers, number, boolean, string or ''.
   * Ref: https://developers.google.com/apps-script/reference/spreadsheet/range#getValues() */
  getValues(): unknown[][] {
    const { rows, cols } = this.box;
    const s = this.sheet;
    const r0 = this.r0;
    const c0 = this.c0;
    const out: unknown[][] = new Array<unknown[]>(rows);
    const plain = s.formulas.size === 0;
    const tz = this.ctx.book.tz;
    for (let i = 0; i < rows; i++) {
      const src = s.values[r0 + i];
      const fmts = s.formats.rows[r0 + i];
      let row: unknown[];
      if (!src) {
        row = new Array<unknown>(cols).fill('');
      } else if (c0 === 0 && src.length === cols) {
        row = src.slice();
      } else {
        row = new Array<unknown>(cols);
        for (let j = 0; j < cols; j++) {
          const v = src[c0 + j];
          row[j] = v === undefined ? '' : v;
        }
      }
      if (fmts) {
        for (let j = 0; j < cols; j++) {
          const v = row[j];
          if (typeof v === 'number') {
            const f = fmts[c0 + j];
            if (f !== undefined && isDateFormat(f)) row[j] = serialToDate(v, tz);
          }
        }
      }
      if (!plain) for (let j = 0; j < cols; j++) if (s.formula(r0 + i, c0 + j) !== undefined) row[j] = this.scriptValue(r0 + i, c0 + j);
      out[i] = row;
    }
    this.ctx.rt.read(rows * cols);
    return out;
  }
  getValue(): unknown {
    this.ctx.rt.read(1);
    return this.scriptValue(this.r0, this.c0);
  }

  /** Writes one value the way Range.setValue does: strings parsed as typing unless the format is '@'. */
  writeCell(r: number, c: number, v: unknown): void {
    const s = this.sheet;
    if (typeof v === 'string') {
      const fmt = s.formats.count ? s.formats.get(r, c) : undefined;
      if (fmt === '@' || v === '' || surelyText(v)) {
        s.setValue(r, c, v);
        if (s.formulas.size) s.setFormula(r, c, undefined);
        return;
      }
      const p = parseTyped(v, fmt, this.ctx.book.locale);
      s.setValue(r, c, p.value);
      if (p.formula !== undefined || s.formulas.size) s.setFormula(r, c, p.formula);
      if (p.format !== undefined) s.formats.set(r, c, p.format);
      return;
    }
    if (s.formulas.size) s.setFormula(r, c, undefined);
    if (v === null || v === undefined) s.setValue(r, c, '');
    else if (typeof v === 'number') s.setValue(r, c, Number.isFinite(v) ? v : '#NUM!');
    else if (typeof v === 'boolean') s.setValue(r, c, v);
    else if (v instanceof Date || (typeof v === 'object' && typeof (v as Date).getTime === 'function' && typeof (v as Date).getFullYear === 'function')) {
      const d = v as Date;
      s.setValue(r, c, dateToSerial(d, this.ctx.book.tz));
      const fmt = s.formats.get(r, c);
      // Ref: https://developers.google.com/apps-script/reference/spreadsheet/range#setValue(Object)
      // (a Date written to an unformatted cell shows as a date-time in the spreadsheet's locale)
      if (!isDateFormat(fmt)) s.formats.set(r, c, localeInfo(this.ctx.book.locale).dateTimeFormat);
    } else {
      s.setValue(r, c, String(v));
    }
  }

  /** Ref: https://developers.google.com/apps-script/reference/spreadsheet/range#setValues(Object) */
  setValues(values: unknown[][]): GRange {
    if (!Array.isArray(values)) throw new ScriptException('The parameters (String) don\'t match the method signature for SpreadsheetApp.Range.setValues.');
    const { rows, cols } = this.box;
    if (values.length !== rows) throw new ScriptException(`The number of rows in the data does not match the number of rows in the range. The data has ${values.length} but the range has ${rows}.`);
    for (const row of values) {
      if (!Array.isArray(row)) throw new ScriptException('The parameters (number[]) don\'t match the method signature for SpreadsheetApp.Range.setValues.');
      if (row.length !== cols) throw new ScriptException(`The number of columns in the data does not match the number of columns in the range. The data has ${row.length} but the range has ${cols}.`);
      for (let j = 0; j < cols; j++) {
        const v: unknown = row[j];
        if (typeof v === 'string' && v.length > MAX_CELL_CHARS) throw new ScriptException(CELL_TOO_LONG);
      }
    }
    for (let i = 0; i < rows; i++) {
      const row = values[i] as unknown[];
      for (let j = 0; j < cols; j++) this.writeCell(this.r0 + i, this.c0 + j, row[j]);
    }
    this.ctx.rt.wrote(rows * cols);
    this.touched();
    return this.proxy;
  }
  setValue(v: unknown): GRange {
    if (typeof v === 'string' && v.length > MAX_CELL_CHARS) throw new ScriptException(CELL_TOO_LONG);
    for (let i = 0; i < this.box.rows; i++) for (let j = 0; j < this.box.cols; j++) this.writeCell(this.r0 + i, this.c0 + j, v);
    this.ctx.rt.wrote(this.box.rows * this.box.cols);
    this.touched();
    return this.proxy;
  }

  getDisplayValues(): string[][] {
    const out: string[][] = [];
    const s = this.sheet;
    for (let i = 0; i < this.box.rows; i++) {
      const row: string[] = [];
      for (let j = 0; j < this.box.cols; j++) {
        const r = this.r0 + i;
        const c = this.c0 + j;
        const f = s.formulas.size ? s.formula(r, c) : undefined;
        const v = f !== undefined ? this.ctx.book.engine.valueAt(s, r, c) : s.getValue(r, c);
        row.push(displayValue(v, s.formats.get(r, c), this.ctx.book.locale));
      }
      out.push(row);
    }
    this.ctx.rt.read(this.box.rows * this.box.cols);
    return out;
  }
  getDisplayValue(): string {
    return this.cellRange().getDisplayValues()[0]?.[0] ?? '';
  }
  private cellRange(): RangeImpl {
    return new RangeImpl(this.ctx, this.sheet, { row: this.box.row, col: this.box.col, rows: 1, cols: 1 });
  }

  // ---- generic layer helpers ----
  private grid<T>(get: (r: number, c: number) => T): T[][] {
    const out: T[][] = [];
    for (let i = 0; i < this.box.rows; i++) {
      const row: T[] = new Array<T>(this.box.cols);
      for (let j = 0; j < this.box.cols; j++) row[j] = get(this.r0 + i, this.c0 + j);
      out.push(row);
    }
    this.ctx.rt.read(this.box.rows * this.box.cols);
    return out;
  }
  private put<T>(values: T[][], what: string, set: (r: number, c: number, v: T) => void): GRange {
    if (!Array.isArray(values)) throw new ScriptException(`Invalid argument: ${what}`);
    if (values.length !== this.box.rows) throw new ScriptException(`The number of rows in the data does not match the number of rows in the range. The data has ${values.length} but the range has ${this.box.rows}.`);
    for (const row of values) if (!Array.isArray(row) || row.length !== this.box.cols) throw new ScriptException(`The number of columns in the data does not match the number of columns in the range. The data has ${Array.isArray(row) ? row.length : 0} but the range has ${this.box.cols}.`);
    for (let i = 0; i < this.box.rows; i++) for (let j = 0; j < this.box.cols; j++) set(this.r0 + i, this.c0 + j, (values[i] as T[])[j] as T);
    this.ctx.rt.wrote(this.box.rows * this.box.cols);
    this.touched();
    return this.proxy;
  }
  private fillAll(set: (r: number, c: number) => void): GRange {
    for (let i = 0; i < this.box.rows; i++) for (let j = 0; j < this.box.cols; j++) set(this.r0 + i, this.c0 + j);
    this.ctx.rt.wrote(this.box.rows * this.box.cols);
    this.touched();
    return this.proxy;
  }

  // ---- formulas ----
  getFormulas(): string[][] {
    return this.grid((r, c) => this.sheet.formula(r, c) ?? '');
  }
  getFormula(): string {
    this.ctx.rt.read(1);
    return this.sheet.formula(this.r0, this.c0) ?? '';
  }
  private writeFormula(r: number, c: number, f: unknown): void {
    const text = f === null || f === undefined ? '' : String(f);
    if (text === '') {
      this.sheet.setFormula(r, c, undefined);
      this.sheet.setValue(r, c, '');
      return;
    }
    if (!text.startsWith('=')) {
      this.writeCell(r, c, text);
      return;
    }
    this.sheet.setFormula(r, c, text);
    this.sheet.setValue(r, c, '');
  }
  setFormulas(formulas: unknown[][]): GRange {
    return this.put(formulas, 'formulas', (r, c, f) => this.writeFormula(r, c, f));
  }
  setFormula(f: string): GRange {
    return this.fillAll((r, c) => this.writeFormula(r, c, f));
  }

  // ---- number formats ----
  getNumberFormats(): string[][] {
    return this.grid((r, c) => this.sheet.formats.get(r, c) ?? DEFAULT_FORMAT);
  }
  getNumberFormat(): string {
    this.ctx.rt.read(1);
    return this.sheet.formats.get(this.r0, this.c0) ?? DEFAULT_FORMAT;
  }
  setNumberFormat(fmt: string): GRange {
    const f = String(fmt);
    return this.fillAll((r, c) => this.sheet.formats.set(r, c, f === '' || f.toLowerCase() === 'general' ? undefined : f));
  }
  setNumberFormats(fmts: string[][]): GRange {
    return this.put(fmts, 'formats', (r, c, f) => this.sheet.formats.set(r, c, f ? String(f) : undefined));
  }

  // ---- colors, notes, fonts ----
  getBackgrounds(): string[][] { return this.grid((r, c) => this.sheet.backgrounds.get(r, c) ?? '#ffffff'); }
  getBackground(): string { this.ctx.rt.read(1); return this.sheet.backgrounds.get(this.r0, this.c0) ?? '#ffffff'; }
  setBackground(color: string | null): GRange { return this.fillAll((r, c) => this.sheet.backgrounds.set(r, c, normColor(color))); }
  setBackgrounds(colors: Array<Array<string | null>>): GRange { return this.put(colors, 'colors', (r, c, v) => this.sheet.backgrounds.set(r, c, normColor(v))); }
  getNotes(): string[][] { return this.grid((r, c) => this.sheet.notes.get(r, c) ?? ''); }
  getNote(): string { this.ctx.rt.read(1); return this.sheet.notes.get(this.r0, this.c0) ?? ''; }
  setNote(note: string | null): GRange { return this.fillAll((r, c) => this.sheet.notes.set(r, c, note ? String(note) : undefined)); }
  setNotes(notes: Array<Array<string | null>>): GRange { return this.put(notes, 'notes', (r, c, v) => this.sheet.notes.set(r, c, v ? String(v) : undefined)); }
  clearNote(): GRange { return this.fillAll((r, c) => this.sheet.notes.set(r, c, undefined)); }
  setFontWeight(w: string | null): GRange { return this.fillAll((r, c) => this.sheet.fontWeights.set(r, c, w === 'bold' ? 'bold' : undefined)); }
  setFontWeights(ws: Array<Array<string | null>>): GRange { return this.put(ws, 'weights', (r, c, v) => this.sheet.fontWeights.set(r, c, v === 'bold' ? 'bold' : undefined)); }
  getFontWeights(): string[][] { return this.grid((r, c) => this.sheet.fontWeights.get(r, c) ?? 'normal'); }
  getFontWeight(): string { this.ctx.rt.read(1); return this.sheet.fontWeights.get(this.r0, this.c0) ?? 'normal'; }
  setFontColor(color: string | null): GRange { return this.fillAll((r, c) => this.sheet.fontColors.set(r, c, normColor(color))); }
  setFontColors(colors: Array<Array<string | null>>): GRange { return this.put(colors, 'colors', (r, c, v) => this.sheet.fontColors.set(r, c, normColor(v))); }
  getFontColors(): string[][] { return this.grid((r, c) => this.sheet.fontColors.get(r, c) ?? '#000000'); }
  getFontColor(): string { this.ctx.rt.read(1); return this.sheet.fontColors.get(this.r0, this.c0) ?? '#000000'; }
  setHorizontalAlignment(a: string | null): GRange { return this.fillAll((r, c) => this.sheet.hAligns.set(r, c, a ? String(a) : undefined)); }
  getHorizontalAlignment(): string { this.ctx.rt.read(1); return this.sheet.hAligns.get(this.r0, this.c0) ?? 'general'; }
  setWrap(w: boolean): GRange { return this.fillAll((r, c) => this.sheet.wraps.set(r, c, w ? 'WRAP' : 'OVERFLOW')); }
  setWrapStrategy(s: unknown): GRange { const n = enumName(s); return this.fillAll((r, c) => this.sheet.wraps.set(r, c, n)); }
  getWrap(): boolean { this.ctx.rt.read(1); return this.sheet.wraps.get(this.r0, this.c0) === 'WRAP'; }

  // ---- clearing ----
  clearContent(): GRange {
    return this.fillAll((r, c) => {
      this.sheet.setValue(r, c, '');
      this.sheet.setFormula(r, c, undefined);
    });
  }
  clearFormat(): GRange {
    return this.fillAll((r, c) => {
      for (const l of [this.sheet.formats, this.sheet.backgrounds, this.sheet.fontColors, this.sheet.fontWeights, this.sheet.hAligns, this.sheet.wraps]) l.set(r, c, undefined);
    });
  }
  clear(): GRange {
    this.clearContent();
    this.clearFormat();
    return this.proxy;
  }
  clearDataValidations(): GRange {
    return this.fillAll((r, c) => this.sheet.validations.set(r, c, undefined));
  }

  // ---- data validation ----
  private dvData(rule: unknown): DVData | null {
    if (rule === null || rule === undefined) return null;
    const impl = this.ctx.rt.unwrap(rule, DataValidationShape, 'rule');
    return impl.data;
  }
  /** Ref: https://developers.google.com/apps-script/reference/spreadsheet/range#setDataValidation(DataValidation) */
  setDataValidation(rule: unknown): GRange {
    const d = this.dvData(rule);
    const applied: AppliedDV | undefined = d ? { criteria: d.criteria, args: [...d.args], allowInvalid: d.allowInvalid, helpText: d.helpText, anchor: { row: this.box.row, col: this.box.col } } : undefined;
    return this.fillAll((r, c) => this.sheet.validations.set(r, c, applied));
  }
  setDataValidations(rules: unknown[][]): GRange {
    return this.put(rules, 'rules', (r, c, rule) => {
      const d = this.dvData(rule);
      // A rule read from a cell (getDataValidations) keeps the cell its formula was written for, so a
      // read-modify-write round trip leaves every cell checking its own value; a new rule is written for
      // the cell it is set on.
      const from = d && 'anchor' in d ? (d as AppliedDV).anchor : null;
      this.sheet.validations.set(r, c, d ? { criteria: d.criteria, args: [...d.args], allowInvalid: d.allowInvalid, helpText: d.helpText, anchor: from ? { ...from } : { row: r + 1, col: c + 1 } } : undefined);
    });
  }
  /**
   * copyTo(destination, SpreadsheetApp.CopyPasteType.PASTE_DATA_VALIDATION, false): the data validation
   * of this range pasted at the destination, as a person's paste special would ("Paste the data
   * validation only"): each rule keeps its criteria and its relative references follow the cell it
   * lands on (the rule's anchor moves with it). A destination that spans a multiple of this range's
   * rows and columns gets the source repeated over it; any other destination gets the source's size
   * from its top-left cell (the Sheets API's copyPaste, which Range.copyTo drives: "If the range
   * covers a span that's a multiple of the source's height or width, then the data will be repeated
   * to fill in the destination range. If the range is smaller than the source range, the entire
   * source data will still be copied"). Other paste types and the options overload are not emulated.
   * Ref: https://developers.google.com/apps-script/reference/spreadsheet/range#copyTo(Range,CopyPasteType,Boolean)
   * Ref: https://developers.google.com/apps-script/reference/spreadsheet/copy-paste-type
   * Ref: https://developers.google.com/sheets/api/reference/rest/v4/spreadsheets/request#CopyPasteRequest
   */
  copyTo(destination: unknown, type?: unknown, transposed?: unknown): void {
    if (enumName(type) !== 'PASTE_DATA_VALIDATION' || (transposed !== undefined && transposed !== false)) {
      throw new ScriptException(`Not emulated: Range.copyTo with ${enumName(type)}${transposed ? ' transposed' : ''}`);
    }
    const dst = this.ctx.rt.unwrap(destination, RangeImpl, 'destination');
    const src = this.box;
    const d = dst.box;
    const tileRows = d.rows >= src.rows && d.rows % src.rows === 0 ? d.rows / src.rows : 1;
    const tileCols = d.cols >= src.cols && d.cols % src.cols === 0 ? d.cols / src.cols : 1;
    const out: Box = { row: d.row, col: d.col, rows: src.rows * tileRows, cols: src.cols * tileCols };
    if (out.row + out.rows - 1 > dst.sheet.maxRows || out.col + out.cols - 1 > dst.sheet.maxCols) throw new ScriptException('The coordinates of the range are outside the dimensions of the sheet.');
    checkEditable(this.ctx, dst.sheet, out);
    // Read the whole source first (source and destination may overlap).
    const rules: Array<Array<AppliedDV | undefined>> = [];
    for (let i = 0; i < src.rows; i++) {
      const row: Array<AppliedDV | undefined> = [];
      for (let j = 0; j < src.cols; j++) row.push(this.sheet.validations.get(this.r0 + i, this.c0 + j) as AppliedDV | undefined);
      rules.push(row);
    }
    this.ctx.rt.read(src.rows * src.cols);
    // One copy per source rule, moved as far as the block moved: a cell of a later tile then reads its
    // own row and column through the same relative references (the shift is linear).
    const copies = new Map<AppliedDV, AppliedDV>();
    for (let i = 0; i < out.rows; i++) {
      for (let j = 0; j < out.cols; j++) {
        const rule = rules[i % src.rows]?.[j % src.cols];
        let copy = rule ? copies.get(rule) : undefined;
        if (rule && !copy) {
          const dr = out.row - src.row;
          const dc = out.col - src.col;
          // The formula is rewritten as written for the moved anchor, so each cell reads as far from
          // its own position as the source cell read from its own.
          const args = rule.criteria === 'CUSTOM_FORMULA' ? [shiftFormula(String(rule.args[0]), dr, dc)] : [...rule.args];
          copy = { ...rule, args, anchor: { row: rule.anchor.row + dr, col: rule.anchor.col + dc } };
          copies.set(rule, copy);
        }
        dst.sheet.validations.set(out.row - 1 + i, out.col - 1 + j, copy);
      }
    }
    this.ctx.rt.wrote(out.rows * out.cols);
    this.ctx.book.changed(dst.sheet);
  }
  getDataValidation(): GoogleAppsScript.Spreadsheet.DataValidation | null {
    this.ctx.rt.read(1);
    const d = this.sheet.validations.get(this.r0, this.c0) as AppliedDV | undefined;
    return d ? makeDataValidation(this.ctx, d) : null;
  }
  getDataValidations(): Array<Array<GoogleAppsScript.Spreadsheet.DataValidation | null>> {
    return this.grid((r, c) => {
      const d = this.sheet.validations.get(r, c) as AppliedDV | undefined;
      return d ? makeDataValidation(this.ctx, d) : null;
    });
  }

  // ---- protection, banding, merges ----
  protect(): GoogleAppsScript.Spreadsheet.Protection {
    const data = { sheet: this.sheet, box: { ...this.box }, description: '', warningOnly: false, removed: false, editors: [this.ctx.book.user.email] };
    this.sheet.protections.push(data);
    return makeProtection(this.ctx, data);
  }
  /** Ref: https://developers.google.com/apps-script/reference/spreadsheet/range#applyRowBanding(BandingTheme,Boolean,Boolean)
   * A range can carry one banding only: applying a second over it fails. */
  applyRowBanding(theme?: unknown, showHeader?: boolean, showFooter?: boolean): GoogleAppsScript.Spreadsheet.Banding {
    const ref = { sheet: this.sheet, box: { ...this.box } };
    if (this.sheet.bandings.some((b) => overlaps(b.range, ref))) throw new ScriptException('You cannot add alternating background colors to a range that already has alternating background colors.');
    const data = { id: this.ctx.book.nextId++, range: ref, theme: theme === undefined ? 'LIGHT_GREY' : enumName(theme), header: showHeader ?? true, footer: showFooter ?? false, removed: false };
    this.sheet.bandings.push(data);
    return makeBanding(this.ctx, data);
  }
  getBandings(): GoogleAppsScript.Spreadsheet.Banding[] {
    const ref = { sheet: this.sheet, box: this.box };
    return this.sheet.bandings.filter((b) => overlaps(b.range, ref)).map((b) => makeBanding(this.ctx, b));
  }
  merge(): GRange {
    const ref = { sheet: this.sheet, box: this.box };
    this.sheet.merges = this.sheet.merges.filter((m) => !overlaps({ sheet: this.sheet, box: m }, ref));
    this.sheet.merges.push({ ...this.box });
    // Merging keeps the top-left value only. Ref: https://developers.google.com/apps-script/reference/spreadsheet/range#merge()
    for (let i = 0; i < this.box.rows; i++) for (let j = 0; j < this.box.cols; j++) if (i || j) this.writeCell(this.r0 + i, this.c0 + j, '');
    this.touched();
    return this.proxy;
  }
  breakApart(): GRange {
    const ref = { sheet: this.sheet, box: this.box };
    this.sheet.merges = this.sheet.merges.filter((m) => !overlaps({ sheet: this.sheet, box: m }, ref));
    return this.proxy;
  }
  getMergedRanges(): GRange[] {
    const ref = { sheet: this.sheet, box: this.box };
    return this.sheet.merges.filter((m) => overlaps({ sheet: this.sheet, box: m }, ref)).map((m) => this.ctx.range(this.sheet, m));
  }
  isPartOfMerge(): boolean {
    const ref = { sheet: this.sheet, box: this.box };
    return this.sheet.merges.some((m) => overlaps({ sheet: this.sheet, box: m }, ref));
  }

  // ---- developer metadata (whole rows or columns only) ----
  /** Ref: https://developers.google.com/apps-script/reference/spreadsheet/range#addDeveloperMetadata(String)
   * One whole row or one whole column only ("an entire row or column"): a span of several columns is
   * refused too, as gas-fakes refuses it (the stricter reading; unconfirmed on Sheets). */
  addDeveloperMetadata(key: string, value?: unknown, visibility?: unknown): GRange {
    const wholeRows = this.box.col === 1 && this.box.cols === this.sheet.maxCols && this.box.rows === 1;
    const wholeCols = this.box.row === 1 && this.box.rows === this.sheet.maxRows && this.box.cols === 1;
    if (!wholeRows && !wholeCols) throw new ScriptException('Adding developer metadata to arbitrary ranges is not currently supported. Developer metadata may only be added to the top-level spreadsheet, an individual sheet, or an entire row or column.');
    let val: string | null = null;
    let vis = 'DOCUMENT';
    if (typeof value === 'string') val = value;
    else if (value !== undefined && value !== null) vis = enumName(value);
    if (visibility !== undefined) vis = enumName(visibility);
    const span: MetadataSpan = wholeCols ? { dim: 'COLUMN', start: this.box.col, count: this.box.cols } : { dim: 'ROW', start: this.box.row, count: this.box.rows };
    this.ctx.book.metadata.push({ id: this.ctx.book.nextId++, key: String(key), value: val, visibility: vis, sheet: this.sheet, span, removed: false });
    return this.proxy;
  }
  /** Metadata whose row/column location is exactly this range (e.g. 'C:C' for column C). */
  getDeveloperMetadata(): GoogleAppsScript.Spreadsheet.DeveloperMetadata[] {
    return this.ctx.book.metadata
      .filter((m) => {
        if (m.sheet !== this.sheet || !m.span) return false;
        const b = spanBox(this.sheet, m.span);
        return b.row === this.box.row && b.col === this.box.col && b.rows === this.box.rows && b.cols === this.box.cols;
      })
      .map((m) => makeMetadata(this.ctx, m));
  }
}

/** Used to recognize DataValidation proxies handed back by the script. */
import { DataValidationImpl as DataValidationShape } from './validation';

function normColor(c: unknown): string | undefined {
  if (c === null || c === undefined || c === '') return undefined;
  const s = String(c).toLowerCase();
  if (s === 'white' || s === '#fff' || s === '#ffffff') return undefined;
  return s;
}

export function rangeAt(ctx: Ctx, sheet: SheetData, row: number, col: number, rows = 1, cols = 1): GRange {
  if (!Number.isInteger(row) || !Number.isInteger(col) || !Number.isInteger(rows) || !Number.isInteger(cols)) throw new ScriptException('Invalid argument: row/column must be whole numbers');
  if (rows < 1) throw new ScriptException('The number of rows in the range must be at least 1.');
  if (cols < 1) throw new ScriptException('The number of columns in the range must be at least 1.');
  // Apps Script's own messages for a range starting before row/column 1.
  if (row < 1) throw new ScriptException('The starting row of the range is too small.');
  if (col < 1) throw new ScriptException('The starting column of the range is too small.');
  if (row + rows - 1 > sheet.maxRows || col + cols - 1 > sheet.maxCols) throw new ScriptException('The coordinates of the range are outside the dimensions of the sheet.');
  return ctx.range(sheet, { row, col, rows, cols });
}
