/**
 * What a person does in the Sheets window, for `sim` and the playground alike: type into a cell, paste
 * (plain text, or cells carrying their formats), clear a selection with Delete, click a sheet's tab.
 * Each fires the simple onEdit trigger with the event shape Sheets gives that action, and each is
 * refused, with a clear message and nothing changed, where Sheets would refuse it (a cell beyond
 * Sheets' limits, a sheet that does not exist, a cell outside the sheet's grid).
 *
 * Event shapes (the onEdit event object):
 * - typing one cell: `value`, and `oldValue` when the cell held one;
 * - a paste, of one cell or a block: neither `value` nor `oldValue`;
 * - Delete on one cell: `oldValue` only; Delete on a block: neither.
 * Ref: https://developers.google.com/apps-script/guides/triggers/events#edit ("value: New cell value
 * after the edit. Only available if the edited range is a single cell"; "oldValue: Cell value prior to
 * the edit, if any. Only available if the edited range is a single cell"). The paste and Delete
 * shapes are public measurements (e.g. Tanaike's onEdit notes: "When an user copied and pasted from
 * other cell, e.oldValue and e.value are not shown"); no Google page states them, so the stricter
 * reading (less in the event) is modelled.
 *
 * Limits: 10 million cells per spreadsheet and 18,278 columns (ZZZ).
 * Ref: https://support.google.com/drive/answer/37603 ("Up to 10 million cells or 18,278 columns").
 *
 * Formats, validation and conditional formats of a paste are applied through the script API with
 * emu.uncounted(), so a person's paste costs no service call and moves no clock, as in Sheets.
 */
import type { EmulatorExt } from './emulator';
import { shiftFormula } from './emulator/formulas';
import type { EditEventLike } from './emulator/types';
import type { Addon, Outcome } from './harness';

export const MAX_COLUMNS = 18_278;
export const MAX_CELLS = 10_000_000;
/** Sheets' own words when a change would pass the cell limit. */
export const CELL_LIMIT_MESSAGE = `This action would increase the number of cells in the workbook above the limit of ${MAX_CELLS} cells.`;

export interface Block {
  sheet: string | null;
  row: number;
  col: number;
  rows: number;
  cols: number;
}

function lettersToCol(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

export function colLetters(col: number): string {
  let s = '';
  let n = col;
  while (n > 0) {
    const m = (n - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

const SHEET_PREFIX = /^(?:'((?:[^']|'')+)'|([^'!]+))!/;

/** "B3", "'My sheet'!B3", "A2:C4" → a block (1-based), or null when it is not A1 notation. Column
 * letters and row digits are not bounded here: limits are checked apart, with their own message. */
export function parseBlock(a1: string, allowRange = true): Block | null {
  let ref = a1.trim();
  let sheet: string | null = null;
  const m = SHEET_PREFIX.exec(ref);
  if (m) {
    sheet = (m[1] ?? m[2] ?? '').replace(/''/g, "'");
    ref = ref.slice(m[0].length);
  }
  const cell = /^\$?([A-Za-z]+)\$?(\d+)$/;
  const parts = ref.split(':');
  if (parts.length > (allowRange ? 2 : 1)) return null;
  const a = cell.exec(parts[0] ?? '');
  const b = cell.exec(parts[1] ?? parts[0] ?? '');
  if (!a || !b) return null;
  const r1 = Number(a[2]);
  const r2 = Number(b[2]);
  const c1 = lettersToCol(a[1] ?? '');
  const c2 = lettersToCol(b[1] ?? '');
  if (r1 < 1 || r2 < 1) return null;
  return { sheet, row: Math.min(r1, r2), col: Math.min(c1, c2), rows: Math.abs(r2 - r1) + 1, cols: Math.abs(c2 - c1) + 1 };
}

export function blockA1(b: Block): string {
  const a = `${colLetters(b.col)}${b.row}`;
  return b.rows === 1 && b.cols === 1 ? a : `${a}:${colLetters(b.col + b.cols - 1)}${b.row + b.rows - 1}`;
}

/** A block no spreadsheet can hold (past column ZZZ, or more cells than a whole spreadsheet may
 * have): the message says why; null when the block could exist. */
export function limitProblem(b: Block): string | null {
  const lastCol = b.col + b.cols - 1;
  const lastRow = b.row + b.rows - 1;
  const where = `${colLetters(b.col)}${b.row}${b.rows > 1 || b.cols > 1 ? `:${colLetters(lastCol)}${lastRow}` : ''}`;
  if (lastCol > MAX_COLUMNS) return `${where} is beyond Sheets' limits: the last column is ZZZ (${MAX_COLUMNS} columns)`;
  if (lastRow > MAX_CELLS || lastRow * lastCol > MAX_CELLS) return `${where} is beyond Sheets' limits: a spreadsheet holds at most ${MAX_CELLS} cells`;
  return null;
}

/** A refused person action: the message is what the person is told; nothing changed. */
export class Refused extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'Refused';
  }
}

export interface PasteSpec {
  a1: string;
  /** Text of the cells, as on the clipboard; read as Sheets reads a paste of text. */
  values?: string[][];
  /** Number formats the pasted cells carry (same shape as values), as when copied from cells so formatted. */
  numberFormats?: string[][];
  /** Sheets' normal paste of cells copied from this range: their values (formulas as their values),
   * number formats, data validation and conditional formats. */
  from?: string;
  sheet?: string;
}

type App = GoogleAppsScript.Spreadsheet.SpreadsheetApp;
type GSheet = GoogleAppsScript.Spreadsheet.Sheet;

function strip(e: EditEventLike, keepOld: boolean): EditEventLike {
  delete e.value;
  if (!keepOld) delete e.oldValue;
  return e;
}

export class Person {
  constructor(
    private readonly emu: EmulatorExt,
    private readonly addon: Addon,
  ) {}

  private app(): App {
    return this.emu.globals.SpreadsheetApp as App;
  }

  /** Runs `fn` on the script API without counting it (a person's or a tool's own access). */
  private quiet<T>(fn: (app: App) => T): T {
    return this.emu.uncounted(() => fn(this.app()));
  }

  activeSheet(): string {
    return this.quiet((app) => app.getActiveSpreadsheet().getActiveSheet().getName());
  }

  private sheet(app: App, name: string): GSheet {
    const s = app.getActiveSpreadsheet().getSheetByName(name);
    if (!s) throw new Refused(`there is no sheet named "${name}"`);
    return s;
  }

  /** The sheet a block is on: its own prefix, else `sheet`, else the active sheet. */
  private target(a1: string, sheet: string | undefined, allowRange: boolean): Block & { sheet: string } {
    const b = parseBlock(a1, allowRange);
    if (!b) throw new Refused(`"${a1}" is not a cell in A1 notation`);
    const limit = limitProblem(b);
    if (limit) throw new Refused(limit);
    const name = b.sheet ?? sheet ?? this.activeSheet();
    this.quiet((app) => this.sheet(app, name));
    return { ...b, sheet: name };
  }

  /** Cells the spreadsheet would hold once `b`'s sheet has grown to include it. */
  private cellsAfter(b: Block & { sheet: string }): number {
    return this.quiet((app) => {
      let total = 0;
      for (const s of app.getActiveSpreadsheet().getSheets()) {
        let rows = s.getMaxRows();
        let cols = s.getMaxColumns();
        if (s.getName() === b.sheet) {
          rows = Math.max(rows, b.row + b.rows - 1);
          cols = Math.max(cols, b.col + b.cols - 1);
        }
        total += rows * cols;
      }
      return total;
    });
  }

  /** A person can select (type into, clear) only cells inside the sheet's grid. */
  private inside(b: Block & { sheet: string }): void {
    const size = this.quiet((app) => {
      const s = this.sheet(app, b.sheet);
      return { rows: s.getMaxRows(), cols: s.getMaxColumns() };
    });
    if (b.row + b.rows - 1 > size.rows || b.col + b.cols - 1 > size.cols) {
      throw new Refused(`${blockA1(b)} is outside the sheet "${b.sheet}" (${size.rows} rows × ${size.cols} columns): a person adds rows or columns first (a paste grows the sheet)`);
    }
  }

  /** A person types `value` into one cell; onEdit gets `value` and `oldValue` (when there was one). */
  edit(a1: string, value: string, sheet?: string): Outcome {
    return this.addon.personEdit(() => {
      const b = this.target(a1, sheet, false);
      this.inside(b);
      return this.emu.typeValue(blockA1(b), value, b.sheet);
    });
  }

  /** Delete on a selection: contents cleared (formats and validation stay). */
  clear(a1: string, sheet?: string): Outcome {
    return this.addon.personEdit(() => {
      const b = this.target(a1, sheet, true);
      this.inside(b);
      if (b.rows === 1 && b.cols === 1) return strip(this.emu.typeValue(blockA1(b), '', b.sheet), true);
      const blank = Array.from({ length: b.rows }, () => new Array<string>(b.cols).fill(''));
      return strip(this.emu.pasteValues(blockA1(b), blank, b.sheet), false);
    });
  }

  /** A person clicks a sheet's tab. */
  activate(name: string): Outcome {
    try {
      this.quiet((app) => this.sheet(app, name));
      this.emu.activateSheet(name);
      return { ok: true, result: undefined };
    } catch (e) {
      return { ok: false, error: e instanceof Error ? e.message : String(e) };
    }
  }

  /** A paste: plain text, text with number formats, or Sheets' normal paste of another range. */
  paste(spec: PasteSpec): Outcome {
    return this.addon.personEdit(() => {
      let values = spec.values;
      let formats = spec.numberFormats;
      let source: { sheet: string; block: Block } | null = null;
      if (spec.from !== undefined) {
        const from = parseBlock(spec.from);
        if (!from) throw new Refused(`"${spec.from}" is not a range in A1 notation`);
        const name = from.sheet ?? spec.sheet ?? this.activeSheet();
        const read = this.quiet((app) => {
          const s = this.sheet(app, name);
          if (from.row + from.rows - 1 > s.getMaxRows() || from.col + from.cols - 1 > s.getMaxColumns()) throw new Refused(`${spec.from} is outside the sheet "${name}"`);
          const r = s.getRange(from.row, from.col, from.rows, from.cols);
          return { values: r.getDisplayValues(), formats: r.getNumberFormats() };
        });
        values = read.values;
        formats = read.formats;
        source = { sheet: name, block: from };
      }
      if (!values || values.length === 0) throw new Refused('a paste needs values or from');
      const width = values.reduce((w, r) => Math.max(w, r.length), 1);
      const start = this.target(spec.a1, spec.sheet, false);
      const b = { ...start, rows: values.length, cols: width };
      const limit = limitProblem(b);
      if (limit) throw new Refused(limit);
      if (this.cellsAfter(b) > MAX_CELLS) throw new Refused(CELL_LIMIT_MESSAGE);
      const rect = values.map((r) => (r.length < width ? [...r, ...new Array<string>(width - r.length).fill('')] : r));
      if (formats) {
        if (formats.length !== rect.length || formats.some((r) => r.length !== width)) throw new Refused('numberFormats must have the same rows and columns as values');
      }
      const undo = formats || source ? this.carryFormats(b, formats ?? null, source) : null;
      try {
        return strip(this.emu.pasteValues(blockA1(b), rect, b.sheet), false);
      } catch (e) {
        undo?.();
        throw e;
      }
    });
  }

  /** Applies what the pasted cells carry before their text is read (a plain-text format keeps
   * `00123` as text); returns how to put the target back if the paste is refused. */
  private carryFormats(b: Block & { sheet: string }, formats: string[][] | null, source: { sheet: string; block: Block } | null): () => void {
    return this.quiet((app) => {
      const sheet = this.sheet(app, b.sheet);
      // A paste past the grid grows the sheet, as Sheets does.
      const lastRow = b.row + b.rows - 1;
      const lastCol = b.col + b.cols - 1;
      if (lastRow > sheet.getMaxRows()) sheet.insertRowsAfter(sheet.getMaxRows(), lastRow - sheet.getMaxRows());
      if (lastCol > sheet.getMaxColumns()) sheet.insertColumnsAfter(sheet.getMaxColumns(), lastCol - sheet.getMaxColumns());
      const range = sheet.getRange(b.row, b.col, b.rows, b.cols);
      const before = { formats: range.getNumberFormats(), validations: range.getDataValidations(), rules: sheet.getConditionalFormatRules() };
      if (formats) range.setNumberFormats(formats);
      if (source) {
        const src = this.sheet(app, source.sheet);
        const s = source.block;
        range.setDataValidations(src.getRange(s.row, s.col, s.rows, s.cols).getDataValidations());
        // Conditional format rules covering the copied cells come along, on the pasted cells. A custom
        // formula is written for its first range's top-left cell; pasted, its relative references move
        // as a cell formula's do when copied, its absolute ones ($E) stay.
        const carried: GoogleAppsScript.Spreadsheet.ConditionalFormatRule[] = [];
        for (const rule of src.getConditionalFormatRules()) {
          const ranges: GoogleAppsScript.Spreadsheet.Range[] = [];
          const first = rule.getRanges()[0];
          for (const r of rule.getRanges()) {
            const top = Math.max(r.getRow(), s.row);
            const left = Math.max(r.getColumn(), s.col);
            const bottom = Math.min(r.getLastRow(), s.row + s.rows - 1);
            const right = Math.min(r.getLastColumn(), s.col + s.cols - 1);
            if (top > bottom || left > right) continue;
            ranges.push(sheet.getRange(b.row + top - s.row, b.col + left - s.col, bottom - top + 1, right - left + 1));
          }
          const anchor = ranges[0];
          if (!anchor || !first) continue;
          const builder = rule.copy().setRanges(ranges);
          const cond = rule.getBooleanCondition();
          if (cond && String(cond.getCriteriaType()) === 'CUSTOM_FORMULA') {
            const formula = String(cond.getCriteriaValues()[0] ?? '');
            builder.whenFormulaSatisfied(shiftFormula(formula, anchor.getRow() - first.getRow(), anchor.getColumn() - first.getColumn()));
          }
          carried.push(builder.build());
        }
        if (carried.length > 0) sheet.setConditionalFormatRules([...sheet.getConditionalFormatRules(), ...carried]);
      }
      return () =>
        this.quiet(() => {
          range.setNumberFormats(before.formats);
          range.setDataValidations(before.validations);
          sheet.setConditionalFormatRules(before.rules);
        });
    });
  }
}
