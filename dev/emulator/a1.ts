/** A1 notation: 'B3', 'A1:C10', 'A:A', '2:2', "'My sheet'!A1:B2". Rows/columns are 1-based. */
import { ScriptException } from './runtime';

export interface Box {
  row: number;
  col: number;
  rows: number;
  cols: number;
}

export function colToLetters(col: number): string {
  let s = '';
  let n = col;
  while (n > 0) {
    const m = (n - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

export function lettersToCol(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

export function boxToA1(b: Box): string {
  const a = `${colToLetters(b.col)}${b.row}`;
  if (b.rows === 1 && b.cols === 1) return a;
  return `${a}:${colToLetters(b.col + b.cols - 1)}${b.row + b.rows - 1}`;
}

/** Splits "'Sheet name'!A1:B2" into sheet name (or null) and the range part. */
export function splitSheet(a1: string): { sheet: string | null; ref: string } {
  const m = /^(?:'((?:[^']|'')+)'|([^'!]+))!(.+)$/.exec(a1.trim());
  if (!m) return { sheet: null, ref: a1.trim() };
  return { sheet: (m[1] ?? m[2] ?? '').replace(/''/g, "'"), ref: m[3] ?? '' };
}

/**
 * Parses a range reference against a sheet of maxRows × maxCols. Open ranges ('A:A', '2:3', 'A2:B')
 * run to the sheet's edge, as in Sheets.
 */
export function parseA1(ref: string, maxRows: number, maxCols: number): Box {
  const parts = ref.replace(/\$/g, '').toUpperCase().split(':');
  if (parts.length > 2 || parts.length === 0) throw new ScriptException(`Range not found`);
  const cell = (p: string): { col: number | null; row: number | null } => {
    const m = /^([A-Z]{0,3})(\d*)$/.exec(p);
    if (!m || (m[1] === '' && m[2] === '')) throw new ScriptException('Range not found');
    return { col: m[1] ? lettersToCol(m[1]) : null, row: m[2] ? Number(m[2]) : null };
  };
  const a = cell(parts[0] ?? '');
  const b = parts.length === 2 ? cell(parts[1] ?? '') : a;
  if (parts.length === 1 && (a.col === null || a.row === null)) throw new ScriptException('Range not found');
  const r1 = a.row ?? 1;
  const c1 = a.col ?? 1;
  const r2 = b.row ?? maxRows;
  const c2 = b.col ?? maxCols;
  if (r1 < 1 || c1 < 1 || r2 < 1 || c2 < 1) throw new ScriptException('Range not found');
  const row = Math.min(r1, r2);
  const col = Math.min(c1, c2);
  return { row, col, rows: Math.abs(r2 - r1) + 1, cols: Math.abs(c2 - c1) + 1 };
}
