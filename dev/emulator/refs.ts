/**
 * Structural edits (rows/columns inserted, deleted or moved) and what they do to references.
 *
 * Sheets keeps references pointing at the same cells when the grid changes: an A1 reference in a cell
 * formula (relative or $-absolute alike) follows its cell, a range grows or shrinks with rows inserted
 * or deleted inside it, and a reference to a deleted cell becomes #REF!. Rule formulas (conditional
 * formats, data validation) are relative to the first cell of their range and are kept the same way.
 * Ref: https://support.google.com/docs/answer/46977 (insert, delete or move rows and columns)
 * Ref: https://developers.google.com/apps-script/reference/spreadsheet/sheet#insertRowsBefore(Integer,Integer)
 */
import { colToLetters, lettersToCol } from './a1';
import { shiftFormula } from './formulas';

/** How one dimension's 1-based indexes map through an edit. */
export interface DimMap {
  readonly dim: 'row' | 'col';
  /** The new index of a row/column, or null when it was deleted. */
  point(i: number): number | null;
  /** The new span [lo, hi] of an inclusive span, or null when all of it was deleted. */
  span(lo: number, hi: number): [number, number] | null;
  /** Like point, but a deleted line lands where the lines after it now start. */
  clamp(i: number): number;
}

export function insertMap(dim: 'row' | 'col', at1: number, n: number): DimMap {
  const point = (i: number): number => (i >= at1 ? i + n : i);
  return { dim, point, clamp: point, span: (lo, hi) => [point(lo), point(hi)] };
}

export function deleteMap(dim: 'row' | 'col', at1: number, n: number): DimMap {
  const end = at1 + n; // exclusive
  return {
    dim,
    point: (i) => (i < at1 ? i : i >= end ? i - n : null),
    clamp: (i) => (i < at1 ? i : i >= end ? i - n : at1),
    span(lo, hi) {
      const a = lo < at1 ? lo : lo >= end ? lo - n : at1;
      const b = hi < at1 ? hi : hi >= end ? hi - n : at1 - 1;
      return b < a ? null : [a, b];
    },
  };
}

/** Sheet.moveColumns / moveRows: `n` lines from `from1` go before line `to1` (indexes before the move). */
export function moveMap(dim: 'row' | 'col', from1: number, n: number, to1: number): DimMap {
  const point = (i: number): number => {
    if (to1 > from1 + n) {
      if (i >= from1 && i < from1 + n) return to1 - n + (i - from1);
      if (i >= from1 + n && i < to1) return i - n;
      return i;
    }
    if (to1 < from1) {
      if (i >= from1 && i < from1 + n) return to1 + (i - from1);
      if (i >= to1 && i < from1) return i + n;
      return i;
    }
    return i;
  };
  return {
    dim,
    point,
    clamp: point,
    span(lo, hi) {
      // A span that is wholly the moved block, or wholly outside the lines that shift, moves as one.
      const a = point(lo);
      const b = point(hi);
      return a <= b && b - a === hi - lo ? [a, b] : [Math.min(a, b), Math.max(a, b)];
    },
  };
}

const REF = /(?<![A-Za-z0-9_.$'"!])((?:'(?:[^']|'')+'|[A-Za-z_][A-Za-z0-9_.]*)!)?(?:(\$?)([A-Za-z]{1,3})(\$?)(\d+)(?::(\$?)([A-Za-z]{1,3})(\$?)(\d+)?)?|(\$?)([A-Za-z]{1,3}):(\$?)([A-Za-z]{1,3})|(\$?)(\d+):(\$?)(\d+))(?![A-Za-z0-9_(!])/g;

function unquote(prefix: string): string {
  const name = prefix.slice(0, -1);
  return name.startsWith("'") ? name.slice(1, -1).replace(/''/g, "'") : name;
}

export interface RefContext {
  /** The sheet the formula lives on (unprefixed references point there). */
  home: string;
  /** The sheet whose grid changed. */
  changed: string;
  map: DimMap;
  /** For rule formulas: where a relative part lands when the cell it named was deleted (keeps the
   * offset from the rule's new first cell). */
  fallback?: (dim: 'row' | 'col', value: number) => number;
}

/**
 * Rewrites the A1 references of a formula after a structural edit. String literals are left alone;
 * a reference whose cells are all gone becomes #REF!.
 */
export function rewriteRefs(formula: string, ctx: RefContext): string {
  if (!formula.startsWith('=')) return formula;
  const parts = formula.split(/("(?:[^"]|"")*")/);
  let changedAny = false;
  const out = parts.map((part, i) => {
    if (i % 2 === 1) return part;
    return part.replace(REF, (m: string, prefix: string | undefined, ...g: Array<string | undefined>) => {
      const sheet = prefix ? unquote(prefix) : ctx.home;
      if (sheet !== ctx.changed) return m;
      const next = rewriteOne(g, ctx);
      if (next === null) {
        changedAny = true;
        return '#REF!';
      }
      if (next !== m.slice(prefix ? prefix.length : 0)) changedAny = true;
      return `${prefix ?? ''}${next}`;
    });
  });
  return changedAny ? out.join('') : formula;
}

function pointOf(ctx: RefContext, dim: 'row' | 'col', v: number, abs: boolean): number | null {
  if (ctx.map.dim !== dim) return v;
  const p = ctx.map.point(v);
  if (p !== null) return p;
  return !abs && ctx.fallback ? ctx.fallback(dim, v) : null;
}

function spanOf(ctx: RefContext, dim: 'row' | 'col', lo: number, hi: number, abs: boolean): [number, number] | null {
  if (ctx.map.dim !== dim) return [lo, hi];
  const s = ctx.map.span(Math.min(lo, hi), Math.max(lo, hi));
  if (s !== null) return s;
  if (!abs && ctx.fallback) return [ctx.fallback(dim, lo), ctx.fallback(dim, hi)];
  return null;
}

function rewriteOne(g: Array<string | undefined>, ctx: RefContext): string | null {
  const [cA1, c1, rA1, r1, cA2, c2, rA2, r2, ccA1, cc1, ccA2, cc2, rrA1, rr1, rrA2, rr2] = g;
  if (c1 !== undefined && r1 !== undefined) {
    const col1 = lettersToCol(c1);
    const row1 = Number(r1);
    if (c2 === undefined) {
      // A single cell.
      const row = pointOf(ctx, 'row', row1, !!rA1);
      const col = pointOf(ctx, 'col', col1, !!cA1);
      if (row === null || col === null) return null;
      return `${cA1}${colToLetters(col)}${rA1}${row}`;
    }
    const col2 = lettersToCol(c2);
    if (r2 === undefined) {
      // 'A2:B' — open at the bottom: only the start row moves.
      const row = pointOf(ctx, 'row', row1, !!rA1);
      const cols = spanOf(ctx, 'col', col1, col2, !!cA1 && !!cA2);
      if (row === null || cols === null) return null;
      return `${cA1}${colToLetters(cols[0])}${rA1}${row}:${cA2}${colToLetters(cols[1])}`;
    }
    const rows = spanOf(ctx, 'row', row1, Number(r2), !!rA1 && !!rA2);
    const cols = spanOf(ctx, 'col', col1, col2, !!cA1 && !!cA2);
    if (rows === null || cols === null) return null;
    return `${cA1}${colToLetters(cols[0])}${rA1}${rows[0]}:${cA2}${colToLetters(cols[1])}${rA2}${rows[1]}`;
  }
  if (cc1 !== undefined && cc2 !== undefined) {
    const cols = spanOf(ctx, 'col', lettersToCol(cc1), lettersToCol(cc2), !!ccA1 && !!ccA2);
    if (cols === null) return null;
    return `${ccA1}${colToLetters(cols[0])}:${ccA2}${colToLetters(cols[1])}`;
  }
  if (rr1 !== undefined && rr2 !== undefined) {
    const rows = spanOf(ctx, 'row', Number(rr1), Number(rr2), !!rrA1 && !!rrA2);
    if (rows === null) return null;
    return `${rrA1}${rows[0]}:${rrA2}${rows[1]}`;
  }
  return null;
}

/** A box through the edit (null when all of it was deleted). */
export function mapBox<B extends { row: number; col: number; rows: number; cols: number }>(b: B, map: DimMap): B | null {
  if (map.dim === 'row') {
    const s = map.span(b.row, b.row + b.rows - 1);
    return s ? { ...b, row: s[0], rows: s[1] - s[0] + 1 } : null;
  }
  const s = map.span(b.col, b.col + b.cols - 1);
  return s ? { ...b, col: s[0], cols: s[1] - s[0] + 1 } : null;
}

/**
 * A rule formula written for `anchor` after the edit, written for `newAnchor`: references keep naming
 * the same cells; a relative part whose cell was deleted keeps its offset from the rule's first cell;
 * an absolute part whose cell was deleted becomes #REF!.
 */
export function rewriteRuleFormula(formula: string, home: string, changed: string, map: DimMap, anchor: { row: number; col: number }, newAnchor: { row: number; col: number }): string {
  const at = home === changed ? { row: map.dim === 'row' ? map.clamp(anchor.row) : anchor.row, col: map.dim === 'col' ? map.clamp(anchor.col) : anchor.col } : anchor;
  let f = rewriteRefs(formula, { home, changed, map, fallback: (dim, v) => (dim === 'row' ? at.row + (v - anchor.row) : at.col + (v - anchor.col)) });
  if (at.row !== newAnchor.row || at.col !== newAnchor.col) f = shiftFormula(f, newAnchor.row - at.row, newAnchor.col - at.col);
  return f;
}
