/**
 * The cleanup plan: for every data cell of the columns it is given, what cleanup would write and why
 * (a kind and a reason), or why it leaves the cell as it is. One plan for the add-on's cleanup (menu and
 * sidebar) and `clientflow clean` (through ./grid.ts). Pure: no Apps Script, no clock, no I/O.
 *
 * What a column knows reaches the plan through `CleanupColumn` only (its type and a TypeContext carrying
 * the column's options with their variants, currency, phone region and date order): whoever builds the
 * columns (./columns.ts from a table schema, ./grid.ts from inference) decides where those come from.
 *
 * Rules, in order, for each cell:
 * - a formula is never rewritten, except a phone typed without the plain-text format, which Sheets read
 *   as a formula and shows as an error (#ERROR!) or a sum (+86-138-… is a subtraction) while its formula
 *   text still holds the number: in a phone column that text is recovered as the phone (kind
 *   'formulaPhone', which the user can switch off);
 * - the field type's normalizer (src/core/fields) gives the canonical value; the kind says what kind of
 *   mending it was (white space, control characters, email, phone, date, number, option…);
 * - a value of another currency in a money column is left and reported (we never convert);
 * - an ID column whose other IDs are zero-padded digits gets its lost leading zeros back when the number
 *   is exact; a number that lost digits (8.61E+12) in an ID or phone column is left and reported;
 * - never a formula trigger: a text result that would start with = + - @ where the cell did not (a
 *   trimmed leading space before '=', a folded full-width ＝) is left as it was and reported. E.164
 *   phones start with '+' by definition; they are always written as text (`asText`);
 * - a value the type does not understand is left exactly as it was and reported.
 * Rows whose every cell is blank (nothing, white space or invisible characters only, no formula) are
 * listed as empty rows: the change pipeline removes them (archived).
 */
import { fieldType } from '../fields';
import type { CellValue, FieldTypeId, IssueCode, TypeContext } from '../fields/types';
import { isBlankCell, stripInvisible } from '../fields/util';

/** What kind of mending a change is. Each kind can be switched off in the preview. */
export const CHANGE_KINDS = [
  'whitespace', 'control', 'email', 'phone', 'url', 'date', 'number', 'option', 'checkbox',
  'formulaPhone', 'leadingZeros', 'emptyRow',
] as const;
export type ChangeKind = (typeof CHANGE_KINDS)[number];

/** Why a cell was left as it was. */
export type LeftCode = IssueCode | 'otherCurrency' | 'wouldBeFormula' | 'digitsLost';

/** A column as the plan sees it (0-based index into the rows it is given). */
export interface CleanupColumn {
  column: number;
  header: string;
  type: FieldTypeId;
  /** The column's context: options with their variants, currency, phone region, date order. */
  ctx: TypeContext;
}

export interface CellChange {
  /** 0-based data row and column (indices into the rows given). */
  row: number;
  column: number;
  kind: ChangeKind;
  from: CellValue;
  /** The formula the cell held, for a recovered formula. */
  fromFormula?: string;
  to: string | number | boolean;
  /** `to` is text Sheets would read as something else: write it as text (DESIGN.md rule 4). */
  asText: boolean;
}

export interface LeftCell {
  row: number;
  column: number;
  value: CellValue;
  code: LeftCode;
  hint?: string;
}

export interface CleanupPlan {
  rows: number;
  changes: CellChange[];
  left: LeftCell[];
  /** 0-based data rows with nothing in them. */
  emptyRows: number[];
  counts: Record<ChangeKind, number>;
}

export interface PlanInput {
  columns: readonly CleanupColumn[];
  /** Data rows only, as getValues returns them (or CSV text). */
  values: ReadonlyArray<ReadonlyArray<CellValue>>;
  /** Formulas of the same cells ('' for none); absent for CSV. */
  formulas?: ReadonlyArray<ReadonlyArray<string>>;
}

export function emptyCounts(): Record<ChangeKind, number> {
  const c = {} as Record<ChangeKind, number>;
  for (const k of CHANGE_KINDS) c[k] = 0;
  return c;
}

type NormalizeResult = ReturnType<ReturnType<typeof fieldType>['normalize']>;

const KIND_OF_TYPE: Partial<Record<FieldTypeId, ChangeKind>> = {
  email: 'email', phone: 'phone', url: 'url', number: 'number', currency: 'number', percent: 'number',
  date: 'date', dateTime: 'date', created: 'date', updated: 'date', stageSince: 'date', checkbox: 'checkbox',
  dropdown: 'option',
};

/** The kind of a change of a text-like value: control characters removed, or white space. */
function textKind(from: CellValue): ChangeKind {
  return typeof from === 'string' && stripInvisible(from) !== from ? 'control' : 'whitespace';
}

const TRIGGER = /^[=+\-@]/;

// Built-ins used per cell, as module constants.
const isFiniteNumber = Number.isFinite;
const isInteger = Number.isInteger;
const isSafeInteger = Number.isSafeInteger;
const textOf = String;

/** True when writing `to` would make a formula trigger that `from` did not have. */
export function makesTrigger(from: CellValue, to: string | number | boolean): boolean {
  if (typeof to !== 'string' || !TRIGGER.test(to)) return false;
  return typeof from !== 'string' || from.charAt(0) !== to.charAt(0);
}

// Currency markers and the ISO codes they may stand for.
const CURRENCY_MARKS: Array<[RegExp, readonly string[]]> = [
  [/(?:^|[^a-z])(?:us\$|usd|美元)/i, ['USD']],
  [/hk\$|hkd|港币|港元/i, ['HKD']],
  [/nt\$|twd/i, ['TWD']],
  [/a\$|aud/i, ['AUD']],
  [/c\$|cad/i, ['CAD']],
  [/s\$|sgd/i, ['SGD']],
  [/r\$/i, ['BRL']],
  [/rmb|cny|人民币|元|块|圆/i, ['CNY']],
  [/jpy|日元/i, ['JPY']],
  [/eur|欧元|€/i, ['EUR']],
  [/gbp|英镑|£/i, ['GBP']],
  [/krw|₩/i, ['KRW']],
  [/inr|₹/i, ['INR']],
  [/chf/i, ['CHF']],
  [/[¥￥]/, ['CNY', 'JPY']],
  [/\$/, ['USD', 'HKD', 'TWD', 'AUD', 'CAD', 'SGD', 'NZD', 'MXN']],
];

/** The currencies a money text names (first marker that matches), or null when it names none. */
export function currenciesOf(raw: string): readonly string[] | null {
  for (const [re, codes] of CURRENCY_MARKS) if (re.test(raw)) return codes;
  return null;
}

/** The width of zero-padded digit IDs in a column, when every digit-only ID has the same one; else null. */
function paddedWidth(values: ReadonlyArray<ReadonlyArray<CellValue>>, column: number): number | null {
  let width: number | null = null;
  let padded = false;
  for (const row of values) {
    const v = row[column];
    if (typeof v !== 'string' || !/^\d+$/.test(v)) continue;
    if (width === null) width = v.length;
    else if (width !== v.length) return null;
    if (v.charCodeAt(0) === 48) padded = true;
  }
  return padded ? width : null;
}

/** A number that cannot stand for exact digits: too large to be exact, or rounded as 8.61E+12 is. */
function digitsLost(n: number): boolean {
  if (!isFiniteNumber(n) || !isInteger(n)) return false;
  if (!isSafeInteger(n)) return true;
  const s = textOf(n);
  return s.length >= 10 && /[1-9]0{5,}$/.test(s) && s.replace(/0+$/, '').length <= 4;
}

const ERROR_VALUE = /^#[A-Z0-9/]+[!?]?$/;
/**
 * A phone Sheets read as a formula: '+86 138 0013 8000' typed into a cell that is not plain text is
 * '=+86 138 0013 8000' (#ERROR!), and '+86-138-4504-2724' is a sum (-7280). Only phone characters.
 */
const PHONE_FORMULA = /^=\+[\d\s().-]+$/;

const DATE_TYPES = new Set<FieldTypeId>(['date', 'dateTime', 'created', 'updated', 'stageSince']);
const NUMBER_TYPES = new Set<FieldTypeId>(['number', 'currency', 'percent']);
/** 1900-01-01 UTC: Date cells before it are left to the type's own check (it reports them). */
const Y1900 = -2208988800000;

/**
 * A typed cell that is canonical as it stands, known without the type's parser (the hot path over a
 * large table): a number in a number column, a real date in a date column, a boolean in a checkbox
 * column, any non-text value in a text column (text types never rewrite those).
 */
function canonicalAsIs(type: FieldTypeId, raw: CellValue): boolean {
  if (typeof raw === 'string') return false;
  if (type === 'text' || type === 'longText') return true;
  if (typeof raw === 'number') return NUMBER_TYPES.has(type) && isFiniteNumber(raw);
  if (typeof raw === 'boolean') return type === 'checkbox';
  return DATE_TYPES.has(type) && raw.getTime() >= Y1900;
}

/** The plan for the given rows and columns. Never throws on any cell value. */
export function planCleanup(input: PlanInput): CleanupPlan {
  const { columns, values, formulas } = input;
  const changes: CellChange[] = [];
  const left: LeftCell[] = [];
  const counts = emptyCounts();
  const emptyRows: number[] = [];
  for (let r = 0; r < values.length; r++) {
    const row = values[r];
    let blank = true;
    for (let c = 0; c < row.length && blank; c++) {
      if (!isBlankCell(row[c]) || (formulas?.[r]?.[c] ?? '') !== '') blank = false;
    }
    if (blank) emptyRows.push(r);
  }
  const empty = new Uint8Array(values.length);
  for (const r of emptyRows) empty[r] = 1;
  // Row by row, every column of the row in turn: the rows are separate arrays, and walking down one
  // column at a time over a large table touches memory far apart at every cell. Each column keeps its
  // own state (type, memo of what its texts normalize to); the changes are sorted at the end.
  const cols = columns.map((col) => {
    const isId = col.type === 'autoId';
    return {
      col, def: fieldType(col.type), kind: KIND_OF_TYPE[col.type], isId, phone: col.type === 'phone',
      width: isId ? paddedWidth(values, col.column) : null,
      memo: new Map<string, NormalizeResult>(),
    };
  });
  for (let r = 0; r < values.length; r++) {
    if (empty[r] === 1) continue;
    const row = values[r];
    const frow = formulas?.[r];
    for (let ci = 0; ci < cols.length; ci++) {
      const { col, def, kind, isId, phone, width, memo } = cols[ci];
      const raw = row[col.column] ?? '';
      const formula = frow?.[col.column] ?? '';
      if (formula !== '') {
        if (phone && PHONE_FORMULA.test(formula) && ((typeof raw === 'string' && ERROR_VALUE.test(raw)) || typeof raw === 'number')) {
          const body = formula.replace(/^=/, '');
          const res = def.normalize(body, col.ctx);
          if (res.status === 'changed' && typeof res.value === 'string' && res.value.startsWith('+')) {
            changes.push({ row: r, column: col.column, kind: 'formulaPhone', from: raw, fromFormula: formula, to: res.value, asText: true });
            counts.formulaPhone++;
          } else if (res.status === 'unchanged' && body.startsWith('+')) {
            changes.push({ row: r, column: col.column, kind: 'formulaPhone', from: raw, fromFormula: formula, to: body, asText: true });
            counts.formulaPhone++;
          }
        }
        continue;
      }
      if (raw === '' || canonicalAsIs(col.type, raw)) continue;
      if (typeof raw === 'number' && (isId || phone) && digitsLost(raw)) {
        left.push({ row: r, column: col.column, value: raw, code: 'digitsLost' });
        continue;
      }
      if (isId && typeof raw === 'number' && width !== null && isSafeInteger(raw) && raw >= 0 && textOf(raw).length < width) {
        changes.push({ row: r, column: col.column, kind: 'leadingZeros', from: raw, to: textOf(raw).padStart(width, '0'), asText: true });
        counts.leadingZeros++;
        continue;
      }
      let res: NormalizeResult | undefined;
      try {
        const key = typeof raw === 'string' ? raw : null;
        res = key !== null ? memo.get(key) : undefined;
        if (!res) {
          res = def.normalize(raw, col.ctx);
          if (key !== null && memo.size < 50000) memo.set(key, res);
        }
      } catch {
        left.push({ row: r, column: col.column, value: raw, code: 'required' });
        continue;
      }
      if (res.status === 'invalid') {
        left.push(res.hint === undefined ? { row: r, column: col.column, value: raw, code: res.code } : { row: r, column: col.column, value: raw, code: res.code, hint: res.hint });
        continue;
      }
      if (res.status !== 'changed') continue;
      if (col.type === 'currency' && typeof raw === 'string') {
        const named = currenciesOf(raw);
        if (named && !named.includes(col.ctx.currency.toUpperCase())) {
          left.push({ row: r, column: col.column, value: raw, code: 'otherCurrency', hint: named[0] });
          continue;
        }
      }
      const k: ChangeKind = kind ?? textKind(raw);
      if (k !== 'phone' && makesTrigger(raw, res.value)) {
        left.push({ row: r, column: col.column, value: raw, code: 'wouldBeFormula' });
        continue;
      }
      changes.push({ row: r, column: col.column, kind: k, from: raw, to: res.value, asText: res.asText === true || (typeof res.value === 'string' && TRIGGER.test(res.value)) });
      counts[k]++;
    }
  }
  counts.emptyRow = emptyRows.length;
  changes.sort((a, b) => a.row - b.row || a.column - b.column);
  left.sort((a, b) => a.row - b.row || a.column - b.column);
  return { rows: values.length, changes, left, emptyRows, counts };
}

/** The plan with only the kinds the user kept (switched-off kinds drop their changes and empty rows). */
export function keepKinds(plan: CleanupPlan, off: ReadonlySet<ChangeKind>): CleanupPlan {
  if (off.size === 0) return plan;
  const counts = { ...plan.counts };
  for (const k of off) counts[k] = 0;
  return {
    rows: plan.rows,
    changes: plan.changes.filter((c) => !off.has(c.kind)),
    left: plan.left,
    emptyRows: off.has('emptyRow') ? [] : plan.emptyRows,
    counts,
  };
}
