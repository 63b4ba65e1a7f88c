/** Shared state of one emulated spreadsheet and the factory that hands wrapped objects to the script. */
import type { Box } from './a1';
import type { Enums } from './enums';
import type { FormulaEngine } from './formulas';
import type { MetadataData, RangeRef, SheetData } from './model';
import type { Runtime } from './runtime';

export class Book {
  sheets: SheetData[] = [];
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
