/** A1 helpers for plans (pure). Columns and rows are 1-based, as in Apps Script. */
import { columnLetter } from '../fields/util';

export { columnLetter };

/** 'C2:C1000' (or 'C2' for one cell). */
export function a1(row: number, column: number, lastRow = row, lastColumn = column): string {
  const first = `${columnLetter(column)}${row}`;
  return row === lastRow && column === lastColumn ? first : `${first}:${columnLetter(lastColumn)}${lastRow}`;
}

/** A string literal for a Sheets formula ("" doubles a quote). */
export function formulaString(s: string): string {
  return `"${s.replace(/"/g, '""')}"`;
}
