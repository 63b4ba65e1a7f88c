/**
 * Formulas, evaluated by HyperFormula (a dev dependency, loaded lazily: nothing requires it unless a
 * formula or a custom-formula rule must be evaluated). The spreadsheet is mirrored into HyperFormula
 * only when needed, and rebuilt after writes.
 *
 * Google Sheets functions HyperFormula lacks are registered here: REGEXMATCH, ISEMAIL, ISURL; TODAY and
 * NOW are replaced so that they follow the emulator's simulated clock in the spreadsheet's time zone.
 * Ref: https://support.google.com/docs/answer/3098292 (REGEXMATCH: "uses RE2 for regular expressions")
 * REGEXMATCH runs on re2js, a port of RE2: `\s` is [\t\n\f\r ] only and lookarounds and backreferences
 * are refused (https://github.com/google/re2/wiki/Syntax), as in Sheets; a refused pattern gives #REF!.
 *
 * Text comparison (`=`, `<>`) is case-insensitive and accent-sensitive: `"won"="Won"` is TRUE and
 * `"Café"="Cafe"` is FALSE. The case rule is Sheets' documented behaviour for EQ
 * (https://support.google.com/docs/answer/3093027); accent-sensitivity is the stricter reading where no
 * reference settles it (HyperFormula's default, accentSensitive: false, would equate them).
 * Ref: https://support.google.com/docs/answer/3256503 (ISEMAIL), https://support.google.com/docs/answer/3256501 (ISURL)
 */
import type { HyperFormula as HF, RawCellContent } from 'hyperformula';
import { RE2JS } from 're2js';
import { dateToSerial } from './dates';
import { SheetData } from './model';
import type { Cell } from './values';

type HFModule = typeof import('hyperformula');

let hfModule: HFModule | null = null;
/** The clock the TODAY/NOW replacements read (set by the engine before each evaluation). */
let clock: { nowMs: number; tz: string } = { nowMs: Date.now(), tz: 'UTC' };

export const EMAIL_RE = /^[^\s@"(),:;<>[\\\]]+@[^\s@"(),:;<>[\\\]]+\.[^\s@"(),:;<>[\\\]]{2,}$/u;
export const URL_RE = /^(?:(?:https?|ftp):\/\/)?(?:[\p{L}\p{N}-]+\.)+[\p{L}]{2,}(?::\d+)?(?:[/?#][^\s]*)?$/iu;

const re2Cache = new Map<string, RE2JS>();
/** Compiles a pattern with RE2 semantics (throws on syntax RE2 refuses). */
export function compileRe2(re: string): RE2JS {
  let c = re2Cache.get(re);
  if (!c) {
    c = RE2JS.compile(re);
    if (re2Cache.size < 10_000) re2Cache.set(re, c);
  }
  return c;
}

function loadHF(): HFModule {
  if (hfModule) return hfModule;
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const mod = require('hyperformula') as HFModule;
  const { FunctionPlugin, FunctionArgumentType, HyperFormula } = mod;
  type Ast = { args: unknown[] };
  type Runner = (args: unknown[], state: unknown, meta: unknown, fn: (...a: never[]) => unknown) => unknown;
  class GoogleSheetsPlugin extends FunctionPlugin {
    private run(name: string, ast: Ast, state: unknown, fn: (...a: never[]) => unknown): unknown {
      const self = this as unknown as { runFunction: Runner; metadata: (n: string) => unknown };
      return self.runFunction.call(this, ast.args, state, self.metadata.call(this, name), fn);
    }
    regexmatch(ast: Ast, state: unknown): unknown {
      return this.run('REGEXMATCH', ast, state, (text: string, re: string) => {
        let compiled: RE2JS;
        try {
          compiled = compileRe2(re);
        } catch {
          return new mod.CellError(mod.ErrorType.REF, `Function REGEXMATCH parameter 2 value "${re}" is not a valid regular expression.`);
        }
        return compiled.matcher(text).find();
      });
    }
    isemail(ast: Ast, state: unknown): unknown {
      return this.run('ISEMAIL', ast, state, (v: unknown) => typeof v === 'string' && EMAIL_RE.test(v));
    }
    isurl(ast: Ast, state: unknown): unknown {
      return this.run('ISURL', ast, state, (v: unknown) => typeof v === 'string' && URL_RE.test(v));
    }
    today(ast: Ast, state: unknown): unknown {
      return this.run('TODAY', ast, state, () => Math.floor(dateToSerial(new Date(clock.nowMs), clock.tz)));
    }
    now(ast: Ast, state: unknown): unknown {
      return this.run('NOW', ast, state, () => dateToSerial(new Date(clock.nowMs), clock.tz));
    }
  }
  const S = FunctionArgumentType.STRING;
  const ANY = FunctionArgumentType.SCALAR;
  (GoogleSheetsPlugin as unknown as { implementedFunctions: unknown }).implementedFunctions = {
    REGEXMATCH: { method: 'regexmatch', parameters: [{ argumentType: S }, { argumentType: S }] },
    ISEMAIL: { method: 'isemail', parameters: [{ argumentType: ANY }] },
    ISURL: { method: 'isurl', parameters: [{ argumentType: ANY }] },
    TODAY: { method: 'today', parameters: [], isVolatile: true },
    NOW: { method: 'now', parameters: [], isVolatile: true },
  };
  const names = { REGEXMATCH: 'REGEXMATCH', ISEMAIL: 'ISEMAIL', ISURL: 'ISURL', TODAY: 'TODAY', NOW: 'NOW' };
  HyperFormula.registerFunctionPlugin(GoogleSheetsPlugin as unknown as Parameters<typeof HyperFormula.registerFunctionPlugin>[0], { enGB: names, enUS: names });
  hfModule = mod;
  return mod;
}

/** Shifts the relative A1 references of a formula by (dr, dc), as Sheets does for rule formulas
 * applied to each cell of their range. String literals are left alone; $-anchored parts stay. */
export function shiftFormula(formula: string, dr: number, dc: number): string {
  if (dr === 0 && dc === 0) return formula;
  const parts = formula.split(/("(?:[^"]|"")*")/);
  return parts
    .map((part, i) => {
      if (i % 2 === 1) return part;
      return part.replace(/(^|[^A-Za-z0-9_.$'"])(\$?)([A-Za-z]{1,3})(\$?)(\d+)(?![A-Za-z0-9_(])/g, (_m, pre: string, cAbs: string, col: string, rAbs: string, row: string) => {
        let c = 0;
        for (const ch of col.toUpperCase()) c = c * 26 + (ch.charCodeAt(0) - 64);
        const newC = cAbs ? c : c + dc;
        const newR = rAbs ? Number(row) : Number(row) + dr;
        if (newC < 1 || newR < 1) return `${pre}#REF!`;
        let letters = '';
        let n = newC;
        while (n > 0) {
          const m = (n - 1) % 26;
          letters = String.fromCharCode(65 + m) + letters;
          n = Math.floor((n - 1) / 26);
        }
        return `${pre}${cAbs}${letters}${rAbs}${newR}`;
      });
    })
    .join('');
}

/** A rule formula written for the cell (anchorRow, anchorCol) in a position-free form: relative parts
 * become offsets (R[-1]C[0]-like), absolute parts stay. Two cells whose rules have the same form apply
 * the same rule, wherever each rule was first written (used to group per-cell validations into ranges). */
export function relativeForm(formula: string, anchorRow: number, anchorCol: number): string {
  const parts = formula.split(/("(?:[^"]|"")*")/);
  return parts
    .map((part, i) => {
      if (i % 2 === 1) return part;
      return part.replace(/(^|[^A-Za-z0-9_.$'"])(\$?)([A-Za-z]{1,3})(\$?)(\d+)(?![A-Za-z0-9_(])/g, (_m, pre: string, cAbs: string, col: string, rAbs: string, row: string) => {
        let c = 0;
        for (const ch of col.toUpperCase()) c = c * 26 + (ch.charCodeAt(0) - 64);
        const cs = cAbs ? `C${c}` : `C[${c - anchorCol}]`;
        const rs = rAbs ? `R${row}` : `R[${Number(row) - anchorRow}]`;
        return `${pre}${rs}${cs}`;
      });
    })
    .join('');
}

function toCell(v: unknown): Cell {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number' || typeof v === 'boolean' || typeof v === 'string') return v;
  if (typeof v === 'object' && v && 'value' in v) return String((v as { value: unknown }).value); // DetailedCellError: '#NAME?' etc.
  return String(v);
}

/** A formula that references no cell or range (e.g. "=+86 138 0013 8000", "=1+1", "=-abc"): it can be
 * evaluated without mirroring the spreadsheet. */
export function isSelfContained(formula: string): boolean {
  const code = formula.replace(/"(?:[^"]|"")*"/g, '""');
  return !/\$?\b[A-Za-z]{1,3}\$?\d+\b|!|:|\bINDIRECT\b|\bOFFSET\b|\bROW\b|\bCOLUMN\b/i.test(code);
}
const VOLATILE = /\b(TODAY|NOW|RAND|RANDBETWEEN)\s*\(/i;

export class FormulaEngine {
  private hf: HF | null = null;
  private scratch: HF | null = null;
  private constants = new Map<string, Cell>();
  private stale = true;
  private sheetIds = new Map<string, number>();

  constructor(
    private readonly sheets: () => SheetData[],
    private readonly clockNow: () => number,
    private readonly tz: string,
  ) {}

  invalidate(): void {
    this.stale = true;
  }

  private setClock(): void {
    clock = { nowMs: this.clockNow(), tz: this.tz };
  }

  private ensure(): HF {
    this.setClock();
    if (this.hf && !this.stale) return this.hf;
    const { HyperFormula } = loadHF();
    if (this.hf) this.hf.destroy();
    const data: Record<string, RawCellContent[][]> = {};
    for (const s of this.sheets()) {
      const rows = s.lastRow();
      const cols = s.lastColumn();
      const grid: RawCellContent[][] = [];
      for (let r = 0; r < rows; r++) {
        const src = s.values[r];
        const out: RawCellContent[] = new Array<RawCellContent>(cols).fill(null);
        if (src) {
          for (let c = 0; c < Math.min(cols, src.length); c++) {
            const v = src[c];
            out[c] = v === '' || v === undefined ? null : typeof v === 'string' ? `'${v}` : v;
          }
        }
        grid.push(out);
      }
      for (const [k, f] of s.formulas) {
        const r = Math.floor(k / SheetData.KEY);
        const c = k % SheetData.KEY;
        const row = grid[r];
        if (row) row[c] = f;
      }
      data[s.name] = grid;
    }
    // maxRows/maxColumns: HyperFormula refuses sheets past 40,000 rows by default ("Sheet size limit
    // exceeded"); Sheets allows 10 million cells per spreadsheet and 18,278 columns per sheet.
    // Ref: https://support.google.com/drive/answer/37603 (10 million cells), HyperFormula ConfigParams.maxRows.
    this.hf = HyperFormula.buildFromSheets(data, { maxRows: 10_000_000, maxColumns: 18_278, licenseKey: 'gpl-v3', nullDate: { year: 1899, month: 12, day: 30 }, leapYear1900: false, dateFormats: ['YYYY-MM-DD', 'MM/DD/YYYY'], timeFormats: ['hh:mm', 'hh:mm:ss.sss'], useRegularExpressions: false, caseSensitive: false, accentSensitive: true });
    this.hf.addNamedExpression('TRUE', '=TRUE()');
    this.hf.addNamedExpression('FALSE', '=FALSE()');
    this.sheetIds.clear();
    for (const name of this.hf.getSheetNames()) {
      const id = this.hf.getSheetId(name);
      if (id !== undefined) this.sheetIds.set(name, id);
    }
    this.stale = false;
    return this.hf;
  }

  /** Evaluates a self-contained formula in an empty scratch sheet (cached unless volatile). */
  private constant(formula: string): Cell {
    const hit = this.constants.get(formula);
    if (hit !== undefined) return hit;
    this.setClock();
    if (!this.scratch) {
      const { HyperFormula } = loadHF();
      this.scratch = HyperFormula.buildFromSheets({ scratch: [] }, { licenseKey: 'gpl-v3', nullDate: { year: 1899, month: 12, day: 30 }, leapYear1900: false, useRegularExpressions: false, caseSensitive: false, accentSensitive: true });
      this.scratch.addNamedExpression('TRUE', '=TRUE()');
      this.scratch.addNamedExpression('FALSE', '=FALSE()');
    }
    let v: Cell;
    try {
      const out = this.scratch.calculateFormula(formula, 0);
      v = toCell(Array.isArray(out) ? out[0]?.[0] : out);
    } catch {
      v = '#ERROR!';
    }
    if (!VOLATILE.test(formula) && this.constants.size < 100_000) this.constants.set(formula, v);
    return v;
  }

  /** The computed value of a formula cell (0-based). */
  valueAt(sheet: SheetData, r: number, c: number): Cell {
    const f = sheet.formula(r, c);
    if (f !== undefined && isSelfContained(f) && (this.stale || !this.hf)) return this.constant(f);
    const hf = this.ensure();
    const id = this.sheetIds.get(sheet.name);
    if (id === undefined) return '';
    return toCell(hf.getCellValue({ sheet: id, row: r, col: c }));
  }

  /** Evaluates a formula as if it sat in `sheet` (no cell of its own). */
  evaluate(sheet: SheetData, formula: string): Cell {
    const hf = this.ensure();
    const id = this.sheetIds.get(sheet.name) ?? 0;
    try {
      const v = hf.calculateFormula(formula, id);
      if (Array.isArray(v)) return toCell(v[0]?.[0]);
      return toCell(v);
    } catch {
      return '#ERROR!';
    }
  }
}

/** Sheets' truthiness of a rule formula's result: TRUE, or a non-zero number. */
export function isTruthy(v: Cell): boolean {
  if (typeof v === 'boolean') return v;
  if (typeof v === 'number') return v !== 0;
  return typeof v === 'string' && v.toUpperCase() === 'TRUE';
}
