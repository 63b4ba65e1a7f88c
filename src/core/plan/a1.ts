/** A1 helpers for plans (pure). Columns and rows are 1-based, as in Apps Script. */
export function columnLetter(column: number): string {
  let n = column;
  let s = '';
  while (n > 0) {
    const m = (n - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** 'C2:C1000' (or 'C2' for one cell). */
export function a1(row: number, column: number, lastRow = row, lastColumn = column): string {
  const first = `${columnLetter(column)}${row}`;
  return row === lastRow && column === lastColumn ? first : `${first}:${columnLetter(lastColumn)}${lastRow}`;
}

/** A string literal for a Sheets formula ("" doubles a quote). */
export function formulaString(s: string): string {
  return `"${s.replace(/"/g, '""')}"`;
}
