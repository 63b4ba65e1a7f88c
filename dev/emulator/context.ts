/** Shared state of one emulated spreadsheet and the factory that hands wrapped objects to the script. */
import type { Box } from './a1';
import type { Enums } from './enums';
import type { FormulaEngine } from './formulas';
import type { MetadataData, RangeRef, SheetData } from './model';
import type { Runtime } from './runtime';

/** Who is at the keyboard: the spreadsheet's owner or an editor it is shared with. */
export interface EmulatedUser {
  email: string;
  role: 'owner' | 'editor';
}

/** Sheets' cap on the cells of a spreadsheet (all sheets, empty cells included).
 * Ref: https://support.google.com/drive/answer/37603 ("Up to 10 million cells") */
export const CELL_LIMIT = 10_000_000;
/** Apps Script's error when a change would pass it (as scripts and the Sheets API report it). */
export const cellLimitMessage = (limit: number): string => `This action would increase the number of cells in the workbook above the limit of ${limit} cells.`;

/** Sheets' cap on the columns of a sheet: column ZZZ.
 * Ref: https://support.google.com/drive/answer/37603 ("Up to 10 million cells or 18,278 columns") */
export const MAX_COLUMNS = 18_278;
/** The refusal when a person's action would pass it (Sheets' own wording is not recorded; this one
 * follows the cell limit's). */
export const COLUMN_LIMIT_MESSAGE = `This action would increase the number of columns in the sheet above the limit of ${MAX_COLUMNS} columns.`;

export class Book {
  sheets: SheetData[] = [];
  user: EmulatedUser = { email: 'owner@example.com', role: 'owner' };
  cellLimit = CELL_LIMIT;
  active!: SheetData;
  metadata: MetadataData[] = [];
  nextSheetId = 0;
  nextId = 1;
  engine!: FormulaEngine;
  constructor(
    readonly id: string,
    public name: string,
    readonly locale: string,
    readonly tz: string,
  ) {}
  sheetByName(name: string): SheetData | undefined {
    return this.sheets.find((s) => s.name === name);
  }
  /** Cells of all sheets (rows × columns of each grid). */
  cells(): number {
    let n = 0;
    for (const s of this.sheets) n += s.maxRows * s.maxCols;
    return n;
  }
  /** Throws Apps Script's error when `extra` more cells would pass the spreadsheet's cell limit. */
  checkCells(extra: number, make: (message: string) => Error): void {
    if (extra > 0 && this.cells() + extra > this.cellLimit) throw make(cellLimitMessage(this.cellLimit));
  }
  /** Marks every cached computation stale after a write. */
  changed(sheet: SheetData): void {
    sheet.dirty();
    this.engine.invalidate();
  }
}

export interface Ctx {
  readonly rt: Runtime;
  readonly book: Book;
  readonly enums: Enums;
  range(sheet: SheetData, box: Box): GoogleAppsScript.Spreadsheet.Range;
  sheet(sheet: SheetData): GoogleAppsScript.Spreadsheet.Sheet;
  spreadsheet(): GoogleAppsScript.Spreadsheet.Spreadsheet;
  /** The sheet and box behind a Range proxy the script passed in. */
  refOf(range: unknown, what: string): RangeRef;
}
