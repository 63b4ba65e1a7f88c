/**
 * Column inference for "Adopt this sheet" and the CLI: find the header row, map each header to a role
 * (by English/Chinese synonyms) and infer each column's type from its header AND its content (the share
 * of non-empty sample values that parse with each field type; the majority wins, the rest is reported).
 *
 * Pure and fast: type inference reads a deterministic, evenly spaced sample of each column; `checkCells`
 * (the validation) reads every cell.
 */
import type { CellValue, DropdownOption, FieldTypeDef, FieldTypeId, IssueCode, ParseResult, TypeContext, TypeLookup, UserTypeId } from '../fields/types';
import { ROLE_TYPES, type Role } from '../roles';
import { calendarParts } from '../fields/calendar';
import { columnLetter, isBlankCell, isFormulaError, valueText } from '../fields/util';
import { inferOptions, type InferredOptions } from './options';
import { headerKey, roleForHeader, scriptParts } from './synonyms';
import { looksLikeCompanies } from './companies';
import { inferColumnCurrency } from '../fields/currency';
import { inferDateOrder, inferPhoneRegions } from './meaning';

export type { TypeLookup };

/** A merged block, 0-based and relative to the grid. */
export interface MergedBlock { row: number; column: number; rows: number; columns: number }

export interface InferInput {
  /** The sheet's values as getValues returns them ('' for empty), rows of equal or ragged length. */
  grid: ReadonlyArray<ReadonlyArray<CellValue>>;
  /** Formulas as getFormulas returns them ('' where none); formula cells are kept and not typed. */
  formulas?: ReadonlyArray<ReadonlyArray<string>>;
  /**
   * Number formats as getNumberFormats returns them: Sheets turns a typed '$1,500' into 1500 with the
   * format '[$$]#,##0', so a money cell's currency may live in its format only.
   */
  formats?: ReadonlyArray<ReadonlyArray<string>>;
  /** Merged blocks of the sheet (only those touching the header row matter). */
  merged?: readonly MergedBlock[];
  ctx: TypeContext;
  types: TypeLookup;
  /**
   * 0-based header row when it is known (a table ClientFlow set up: the saved settings say where its
   * header is), so it is not guessed from content. Ignored when outside the grid.
   */
  headerRow?: number;
  /**
   * Values per column read for type inference (evenly spaced). Default 1000: the shares it gives are
   * within a few points of the whole column's, and the check that follows reads every cell anyway.
   */
  sampleSize?: number;
}

export type InferProblem =
  | { code: 'noHeader' }
  | { code: 'noData' }
  | { code: 'mergedHeader'; a1: string }
  | { code: 'blankHeader'; column: number }
  | { code: 'duplicateHeader'; column: number; header: string; first: number };

export interface InferredColumn {
  /** 0-based column index in the grid. */
  column: number;
  header: string;
  /** False for a column with a blank header, or a header that repeats an earlier one. */
  managed: boolean;
  role: Role | null;
  type: UserTypeId;
  /** Share of non-empty sampled values that parse with `type` (1 for text). */
  share: number;
  /** Share per type among sampled non-empty values (types with a share > 0). */
  shares: Partial<Record<UserTypeId, number>>;
  /** Non-empty values sampled. */
  sampled: number;
  /** Formula cells in the column (kept, not typed). */
  formulas: number;
  required: boolean;
  options?: DropdownOption[];
  /** For the stage column when its options are known pipeline stages. */
  stages?: { won: string; lost: string };
  /** Stage options the vocabulary does not know: their place in the order is a guess to confirm. */
  unplaced?: string[];
  /** Money: the column's currency (ISO 4217) and, when it mixes currencies, the count per currency. */
  currency?: string;
  currencyMixed?: Record<string, number>;
  /** Dates: how ambiguous numeric dates are read, and whether nothing in the column decided it. */
  dateOrder?: 'DMY' | 'MDY' | 'YMD';
  dateAmbiguous?: boolean;
  /** Dates: the column writes both 13/04 (day first) and 04/13 (month first). */
  dateConflicting?: boolean;
  /** How the type was decided. */
  reason: 'header' | 'content' | 'headerAndContent' | 'dropdown' | 'fallback';
}

export interface Inference {
  /** 0-based row of the header in the grid, or null when no header row was found. */
  headerRow: number | null;
  /** 0-based grid rows of the data: [start, end). Trailing empty rows excluded. */
  dataStart: number;
  dataEnd: number;
  width: number;
  /** Every column with a header or data, in order; managed ones with a role are adopted (see adopted()). */
  columns: InferredColumn[];
  problems: InferProblem[];
  /** Phone regions of the table, the default first (from its phone columns' numbers). */
  regions: string[];
}

const CONTENT_TYPES: readonly UserTypeId[] = ['checkbox', 'email', 'url', 'percent', 'date', 'dateTime', 'phone', 'currency', 'number'];
/** Tie-break among content types with (nearly) the same share: the more specific first. */
const SPECIFICITY: Record<string, number> = { checkbox: 0, email: 1, url: 2, percent: 3, date: 4, dateTime: 5, phone: 6, currency: 7, number: 8 };

/** The user type a role suggests (auto types are adopted as plain typed columns). */
export function userTypeOfRole(role: Role): UserTypeId {
  const t = ROLE_TYPES[role] as FieldTypeId;
  switch (t) {
    case 'autoId': return 'text';
    case 'created': case 'updated': case 'stageSince': return 'date';
    default: return t;
  }
}

const NATURAL_ROLE: Partial<Record<UserTypeId, Role>> = { email: 'email', phone: 'phone', url: 'website' };

/** Rough "this is a data value, not a header" test, independent of the field types. */
function looksLikeValue(v: CellValue): boolean {
  if (typeof v === 'number' || typeof v === 'boolean' || v instanceof Date) return true;
  const s = v.trim();
  if (!s) return false;
  if (/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(s)) return true;
  if (/^[+(]?[\d\s().,$¥€£%+-]+$/.test(s) && /\d/.test(s)) return true;
  if (/^\d{4}[-/.年]\d{1,2}/.test(s) || /^\d{1,2}[-/.]\d{1,2}[-/.]\d{2,4}/.test(s)) return true;
  if (/^https?:\/\//i.test(s)) return true;
  return false;
}

const HEADER_SCAN = 30;

/** Finds the header row: the row that names the most known roles, holds only short labels, and has data below. */
export function findHeaderRow(grid: ReadonlyArray<ReadonlyArray<CellValue>>): number | null {
  const width = grid.reduce((w, r) => Math.max(w, r.length), 0);
  const limit = Math.min(grid.length, HEADER_SCAN);
  let best: { row: number; score: number; roles: number } | null = null;
  for (let r = 0; r < limit; r++) {
    const row = grid[r];
    let nonEmpty = 0;
    let valueLike = 0;
    let roles = 0;
    const keys = new Set<string>();
    const knownKeys = new Set<string>();
    for (const v of row) {
      if (isBlankCell(v)) continue;
      nonEmpty++;
      if (looksLikeValue(v)) valueLike++;
      const s = valueText(v);
      // A long label is still a label (a Google Forms question is a column's header); a cell that holds
      // several lines or a paragraph is a value.
      if (s.includes('\n') || s.length > 300) valueLike++;
      keys.add(headerKey(s));
      if (roleForHeader(s)) {
        roles++;
        knownKeys.add(headerKey(s));
      }
    }
    if (nonEmpty === 0 || valueLike > 0) continue;
    if (nonEmpty < 2 && width > 1) continue;
    // A header row has mostly distinct labels; one that repeats labels but names at least two known
    // columns is still the header (its repeated labels are reported as such: duplicateHeader).
    if (keys.size < nonEmpty * 0.7 && knownKeys.size < 2) continue;
    const score = roles * 3 + nonEmpty;
    if (!best || score > best.score) best = { row: r, score, roles };
  }
  if (!best) return null;
  if (best.roles > 0) return best.row;
  // No known label: accept the row only if the columns below it hold values of another kind
  // (the row is text above numbers, dates, emails…).
  const below = grid.slice(best.row + 1, best.row + 1 + 50);
  if (below.length === 0) return null;
  for (let c = 0; c < width; c++) {
    let n = 0;
    let vals = 0;
    for (const row of below) {
      const v = row[c];
      if (isBlankCell(v)) continue;
      n++;
      if (looksLikeValue(v)) vals++;
    }
    if (n > 0 && vals * 2 > n) return best.row;
  }
  return null;
}

/** Evenly spaced indices: deterministic, covers the whole column. */
function sampleIndices(n: number, size: number): number[] {
  if (n <= size) return Array.from({ length: n }, (_, i) => i);
  // One index per stratum of n/size rows, at a fixed pseudo-random offset inside it (an LCG with a
  // constant seed): deterministic, spread over the whole column, and blind to periodic data.
  const out: number[] = [];
  let seed = 0x2545f491;
  for (let i = 0; i < size; i++) {
    seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
    const lo = Math.floor((i * n) / size);
    const hi = Math.floor(((i + 1) * n) / size);
    out.push(lo + (seed % Math.max(1, hi - lo)));
  }
  return out;
}

function parsesAs(type: FieldTypeDef, v: CellValue, ctx: TypeContext): boolean {
  try {
    const r = type.parse(v, ctx);
    return r.ok && r.value.kind !== 'empty';
  } catch {
    return false;
  }
}

const CURRENCY_MARK = /[¥$€£₩₹]|元|RMB|CNY|USD|EUR|GBP|HKD/i;
const PERCENT_MARK = /[%％]|百分之/;
/** A header that says the column holds percentages ("Discount %", "Win rate", "占比", "转化率"). */
const PERCENT_HEADER = /percent|pct|%|％|比例|占比|百分比|率/i;
/** Real checkbox vocabulary: values a user writes to mean ticked / not ticked. 'x' or 'y' alone is not enough. */
const CHECKBOX_WORD = /^(true|false|yes|no|是|否|对|错|✓|✔|✗|✘|☑|☐|☒)$/i;
const TIME_MARK = /\d{1,2}:\d{2}/;

function hasTime(v: CellValue, ctx: TypeContext): boolean {
  if (v instanceof Date) {
    // A Date cell carries a time of day when it is not midnight in the spreadsheet's zone (the
    // field types' calendar reading: one Intl call per 15-minute slice, not one per cell).
    const p = calendarParts(v, ctx.timeZone);
    return p !== null && (p.hh !== 0 || p.mm !== 0);
  }
  return typeof v === 'string' && TIME_MARK.test(v);
}

interface ContentStats {
  sampled: number;
  shares: Partial<Record<UserTypeId, number>>;
  currencyMarks: number;
  percentMarks: number;
  checkboxWords: number;
  /** String values like '00123': an identifier whose leading zeros a number would lose. */
  leadingZeros: number;
  timeMarks: number;
  longOrMultiline: number;
  strings: string[];
}

function contentStats(values: CellValue[], ctx: TypeContext, types: TypeLookup): ContentStats {
  const shares: Partial<Record<UserTypeId, number>> = {};
  let currencyMarks = 0;
  let percentMarks = 0;
  let checkboxWords = 0;
  let leadingZeros = 0;
  let timeMarks = 0;
  let longOrMultiline = 0;
  const strings: string[] = [];
  // Each distinct value is parsed once per type, weighted by how often it occurs (a stage or channel
  // column repeats a few values: 1000 samples, a dozen parses per type).
  const distinct = new Map<CellValue, number>();
  for (const v of values) distinct.set(v, (distinct.get(v) ?? 0) + 1);
  for (const t of CONTENT_TYPES) {
    const def = types(t);
    let ok = 0;
    for (const [v, n] of distinct) if (parsesAs(def, v, ctx)) ok += n;
    if (ok > 0) shares[t] = ok / values.length;
  }
  for (const v of values) {
    if (typeof v === 'string') {
      if (CURRENCY_MARK.test(v)) currencyMarks++;
      if (PERCENT_MARK.test(v)) percentMarks++;
      if (CHECKBOX_WORD.test(v.trim())) checkboxWords++;
      if (/^0\d+$/.test(v.trim())) leadingZeros++;
      if (v.length > 60 || v.includes('\n')) longOrMultiline++;
    }
    if (typeof v === 'boolean') checkboxWords++;
    if (hasTime(v, ctx)) timeMarks++;
    strings.push(valueText(v));
  }
  return { sampled: values.length, shares, currencyMarks, percentMarks, checkboxWords, leadingZeros, timeMarks, longOrMultiline, strings };
}

/** The content's own verdict: the type most values parse with (≥ half), most specific on ties. */
function contentType(st: ContentStats, moneyHeader: boolean, percentHeader: boolean): { type: UserTypeId; share: number } | null {
  const cands = CONTENT_TYPES
    .map((t) => ({ type: t, share: st.shares[t] ?? 0 }))
    .filter((c) => c.share >= 0.5)
    // Bare numbers parse as percent too ("3" → 3%): percent only when a good share of values carry a
    // '%' / '百分之' mark or the header says percent (like the currency-mark rule below), so an ID,
    // quantity or height column stays what it is.
    .filter((c) => c.type !== 'percent' || percentHeader || st.percentMarks * 10 >= st.sampled * 3)
    // Checkbox from content alone needs real checkbox vocabulary (TRUE/FALSE, yes/no, 是/否, ✓…) in a
    // clear majority: a column of 'x' / 'y' marks is notes, not ticks.
    .filter((c) => c.type !== 'checkbox' || st.checkboxWords * 10 >= st.sampled * 6)
    // Zero-led digit strings ('00123') are identifiers: as a number they would lose their zeros.
    .filter((c) => st.leadingZeros === 0 || (c.type !== 'number' && c.type !== 'currency' && c.type !== 'percent'));
  if (cands.length === 0) return null;
  const pick = (type: UserTypeId) => cands.find((c) => c.type === type);
  // Money vs plain number: currency only with currency marks or a money header.
  const cur = pick('currency');
  const num = pick('number');
  let pool = cands;
  if (cur && num) {
    const money = moneyHeader || st.currencyMarks * 10 >= st.sampled;
    pool = pool.filter((c) => c.type !== (money ? 'number' : 'currency'));
  }
  // Date vs date-time: date-time only when a good share of values carry a time.
  const dt = pick('dateTime');
  const d = pick('date');
  if (dt && d) {
    const timed = st.timeMarks * 10 >= st.sampled * 3;
    pool = pool.filter((c) => c.type !== (timed ? 'date' : 'dateTime'));
  }
  const top = Math.max(...pool.map((c) => c.share));
  const near = pool.filter((c) => c.share >= top - 0.02);
  near.sort((a, b) => SPECIFICITY[a.type] - SPECIFICITY[b.type]);
  return near[0];
}

function textType(st: ContentStats): UserTypeId {
  return st.longOrMultiline * 10 >= st.sampled && st.sampled > 0 ? 'longText' : 'text';
}

// Built on first use: headerKey compiles a Unicode pattern, and Apps Script evaluates the bundle's top
// level at every execution, every onEdit included (measured ~1.2 ms there).
let clientish: Set<string> | undefined;
let contactPerson: Set<string> | undefined;
const CLIENTISH = { has: (k: string) => (clientish ??= new Set(['客户', '客户名称', '客户名', 'Client', 'Client name', 'Customer', 'Customer name'].map(headerKey))).has(k) };
const CONTACT_PERSON = { has: (k: string) => (contactPerson ??= new Set(['联系人', '联系人姓名', 'Contact', 'Contact name', 'Contact person'].map(headerKey))).has(k) };

/** A client-ish header (客户名称, Client, 'Customer name 客户名称'), read by its parts too. */
function isClientHeader(header: string): boolean {
  const key = headerKey(header);
  return !!key && [key, ...scriptParts(key)].some((k) => CLIENTISH.has(k));
}

/**
 * ClientFlow's own B2B headers: when a sheet has both a client-ish header (客户名称, Client…) and a
 * contact-person header (联系人, Contact name…), the client-ish one is the company and the contact one
 * the person's name. With only one of them, the synonyms apply (it is the name). Unless another header
 * already names the company ("公司名称"): then the client-ish one stays the name. 0-based column → role.
 */
function clientContactRoles(headerCells: ReadonlyArray<CellValue>, width: number): Map<number, Role> {
  let client = -1;
  let contact = -1;
  let company = false;
  for (let c = 0; c < width; c++) {
    const key = headerKey(valueText(headerCells[c]).trim());
    if (!key) continue;
    // A bilingual header ('Contact 联系人', '客户名称 Client') is read by its parts too.
    const keys = [key, ...scriptParts(key)];
    if (keys.some((k) => CLIENTISH.has(k))) { if (client < 0) client = c; } else if (keys.some((k) => CONTACT_PERSON.has(k))) { if (contact < 0) contact = c; } else if (roleForHeader(key)?.role === 'company') company = true;
  }
  const out = new Map<number, Role>();
  if (client >= 0 && contact >= 0 && !company) {
    out.set(client, 'company');
    out.set(contact, 'name');
  }
  return out;
}

const MONEY_ROLES: ReadonlySet<Role> = new Set<Role>(['dealValue', 'totalSpend']);

/** Infers header row, roles, types and options of a whole sheet. */
export function inferTable(input: InferInput): Inference {
  const { grid, ctx, types } = input;
  const sampleSize = input.sampleSize ?? 1000;
  const width = grid.reduce((w, r) => Math.max(w, r.length), 0);
  const problems: InferProblem[] = [];
  const known = input.headerRow;
  const headerRow = known !== undefined && known >= 0 && known < grid.length && grid[known].some((v) => !isBlankCell(v))
    ? known
    : findHeaderRow(grid);
  let dataEnd = grid.length;
  while (dataEnd > 0 && grid[dataEnd - 1].every((v) => isBlankCell(v))) dataEnd--;
  if (headerRow === null) {
    problems.push({ code: 'noHeader' });
    return { headerRow: null, dataStart: 0, dataEnd, width, columns: [], problems, regions: [ctx.region] };
  }
  const dataStart = headerRow + 1;
  if (dataEnd < dataStart) dataEnd = dataStart;
  if (dataEnd === dataStart) problems.push({ code: 'noData' });

  for (const m of input.merged ?? []) {
    if (m.row <= headerRow && headerRow < m.row + m.rows && m.columns > 1) {
      const a1 = `${columnLetter(m.column + 1)}${m.row + 1}:${columnLetter(m.column + m.columns)}${m.row + m.rows}`;
      problems.push({ code: 'mergedHeader', a1 });
    }
  }

  const seen = new Map<string, number>();
  const rolesTaken = new Set<Role>();
  const columns: InferredColumn[] = [];
  const headerCells = grid[headerRow];
  const nData = dataEnd - dataStart;
  const idx = sampleIndices(nData, sampleSize);
  // One row-major pass (the grid is an array of rows: reading it column by column costs a cache miss
  // per cell on large sheets): rows with data, and per column its filled and formula cells.
  let rowsWithData = 0;
  const filledIn = new Array<number>(width).fill(0);
  const formulasIn = new Array<number>(width).fill(0);
  for (let r = dataStart; r < dataEnd; r++) {
    const row = grid[r];
    const frow = input.formulas?.[r];
    let hasData = false;
    for (let c = 0; c < row.length; c++) {
      if (!isBlankCell(row[c])) { filledIn[c]++; hasData = true; }
      if (frow && frow[c]) formulasIn[c]++;
    }
    if (hasData) rowsWithData++;
  }

  const override = clientContactRoles(headerCells, width);
  // A header of the sheet that names the company ("公司名称", "Company"): then a client header is the person.
  let companyNamed = false;
  for (let c = 0; c < width; c++) if (roleForHeader(valueText(headerCells[c]).trim())?.role === 'company') companyNamed = true;
  const wholeDropdowns: Array<{ col: InferredColumn; sampled: InferredOptions }> = [];
  for (let c = 0; c < width; c++) {
    const header = valueText(headerCells[c]).trim();
    // Values of this column: non-empty, not formulas.
    const formulaCount = formulasIn[c] ?? 0;
    const filled = filledIn[c] ?? 0;
    let managed = true;
    if (!header) {
      if (filled === 0) continue;
      problems.push({ code: 'blankHeader', column: c });
      managed = false;
    } else {
      const hk = headerKey(header) || header.toLowerCase();
      const first = seen.get(hk);
      if (first !== undefined) {
        problems.push({ code: 'duplicateHeader', column: c, header, first });
        managed = false;
      } else seen.set(hk, c);
    }

    const sample: CellValue[] = [];
    for (const i of idx) {
      const r = dataStart + i;
      if (input.formulas?.[r]?.[c]) continue;
      const v = grid[r][c];
      if (!isBlankCell(v)) sample.push(v);
    }
    const st = contentStats(sample, ctx, types);
    const over = override.get(c);
    const match = managed ? (over ? { role: over, exact: true } : roleForHeader(header)) : null;
    let role: Role | null = match && !rolesTaken.has(match.role) ? match.role : null;
    // A lone client header (客户名称, Client: no contact-person column beside it) names the company when
    // its values are companies ("苏州明德医疗器械有限公司", "Acme Inc"), the person's name otherwise.
    if (role === 'name' && !over && !companyNamed && !rolesTaken.has('company') && isClientHeader(header) && looksLikeCompanies(st.strings)) role = 'company';
    const roleType = role ? userTypeOfRole(role) : null;
    let fromContent = contentType(st, role !== null && MONEY_ROLES.has(role), PERCENT_HEADER.test(header));
    // A header with a known text role ("Notes", "备注", "Name") wins over checkbox-looking content.
    if (fromContent?.type === 'checkbox' && (roleType === 'text' || roleType === 'longText')) fromContent = null;

    let type: UserTypeId;
    let share = 1;
    let reason: InferredColumn['reason'];
    let opts: InferredOptions | null = null;

    if (roleType && roleType !== 'text' && roleType !== 'longText' && roleType !== 'dropdown'
        && (st.sampled === 0 || (st.shares[roleType] ?? 0) >= 0.5)) {
      // The header says it and the content agrees (or is empty).
      type = roleType;
      share = st.sampled === 0 ? 1 : st.shares[roleType] ?? 0;
      reason = st.sampled === 0 ? 'header' : 'headerAndContent';
    } else if (roleType === 'dropdown' && !fromContent && (opts = inferOptions(st.strings, true, ctx.locale))) {
      type = 'dropdown';
      reason = 'dropdown';
    } else if (fromContent && (!roleType || roleType === 'dropdown' || roleType === 'currency' || roleType === 'number'
        || ((roleType === 'text' || roleType === 'longText') ? fromContent.share >= 0.8 : true))) {
      type = fromContent.type;
      share = fromContent.share;
      reason = 'content';
      // The content contradicts the header's role: keep a role only if it is the content's own.
      if (role && roleType !== type && !(roleType === 'currency' && type === 'number') && !(roleType === 'date' && type === 'dateTime')) {
        const natural = NATURAL_ROLE[type];
        role = natural && managed && !rolesTaken.has(natural) ? natural : null;
      }
    } else if (roleType === 'text' || roleType === 'longText') {
      type = roleType === 'text' && textType(st) === 'longText' ? 'longText' : roleType;
      reason = 'header';
    } else if (roleType && roleType !== 'dropdown') {
      // The header names a typed column and no other type fits most values: the header wins, and the
      // values that do not fit are reported (a "Phone" column with numbers from another country).
      type = roleType;
      share = st.shares[roleType] ?? 0;
      reason = 'header';
    } else if ((opts = inferOptions(st.strings, false, ctx.locale))) {
      type = 'dropdown';
      reason = 'dropdown';
    } else {
      type = textType(st);
      reason = 'fallback';
    }
    if (type === 'dropdown' && !opts) type = textType(st);
    // An unknown header over clearly typed contact values: the content names the role.
    if (!role && managed && share >= 0.8 && st.sampled > 0) {
      const natural = NATURAL_ROLE[type];
      if (natural && !rolesTaken.has(natural)) role = natural;
    }
    if (role) rolesTaken.add(role);

    const col: InferredColumn = {
      column: c,
      header,
      managed,
      role,
      type,
      share,
      shares: st.shares,
      sampled: st.sampled,
      formulas: formulaCount,
      // The client's name is required when the sheet nearly always fills it.
      required: role === 'name' && rowsWithData > 0 && filled >= rowsWithData * 0.9,
      reason,
    };
    if (type === 'dropdown' && opts && nData > idx.length) {
      // The options come from every value of the column, not only the sample (a rare option is still
      // one): read below, for all such columns in one pass over the rows.
      wholeDropdowns.push({ col, sampled: opts });
    } else if (type === 'dropdown' && opts) setOptions(col, opts);
    if (type === 'currency') {
      const marked = columnValues(grid, dataStart, dataEnd, c, input.formulas, input.formats);
      const cur = inferColumnCurrency(marked, ctx.currency);
      col.currency = cur.currency;
      if (cur.mixed) col.currencyMixed = cur.mixed;
    }
    if (type === 'date' || type === 'dateTime') {
      const d = inferDateOrder(columnValues(grid, dataStart, dataEnd, c, input.formulas), ctx.dateOrder);
      col.dateOrder = d.order;
      if (d.ambiguous) col.dateAmbiguous = true;
      if (d.conflicting) col.dateConflicting = true;
    }
    columns.push(col);
  }
  if (wholeDropdowns.length > 0) {
    const all = wholeDropdowns.map(() => [] as string[]);
    for (let r = dataStart; r < dataEnd; r++) {
      const row = grid[r];
      const frow = input.formulas?.[r];
      for (let k = 0; k < wholeDropdowns.length; k++) {
        const c = wholeDropdowns[k].col.column;
        if (frow && frow[c]) continue;
        const v = row[c];
        if (!isBlankCell(v)) all[k].push(typeof v === 'string' ? v : valueText(v));
      }
    }
    wholeDropdowns.forEach(({ col, sampled }, k) => {
      setOptions(col, inferOptions(all[k], col.role !== null && userTypeOfRole(col.role) === 'dropdown', ctx.locale) ?? sampled);
    });
  }
  const phoneCols = columns.filter((col) => col.type === 'phone');
  const phoneSample: CellValue[] = [];
  for (const col of phoneCols) {
    for (const i of idx) {
      const v = grid[dataStart + i][col.column];
      if (!isBlankCell(v) && !input.formulas?.[dataStart + i]?.[col.column]) phoneSample.push(v);
      if (phoneSample.length >= sampleSize) break;
    }
  }
  const regions = phoneSample.length > 0 ? inferPhoneRegions(phoneSample, ctx).regions : [ctx.region];
  return { headerRow, dataStart, dataEnd, width, columns, problems, regions };
}

/** A dropdown column's options; only a stage column keeps the won/lost outcomes. */
function setOptions(col: InferredColumn, opts: InferredOptions): void {
  col.options = col.role === 'stage' ? opts.options : opts.options.map((o) => { const { outcome: _o, ...rest } = o; return rest; });
  col.share = 1;
  if (col.role === 'stage' && opts.stages) col.stages = opts.stages;
  if (col.role === 'stage' && opts.unplaced.length > 0) col.unplaced = opts.unplaced;
}

/** Every non-empty, non-formula value of a column (money and date columns read them all: one rare mark decides). */
function columnValues(grid: InferInput['grid'], start: number, end: number, c: number, formulas?: InferInput['formulas'], formats?: InferInput['formats']): CellValue[] {
  const out: CellValue[] = [];
  for (let r = start; r < end; r++) {
    if (formulas?.[r]?.[c]) continue;
    const v = grid[r][c];
    if (isBlankCell(v)) continue;
    // A number shown with a currency format counts as written with that symbol.
    const sym = typeof v === 'number' && formats ? formatSymbol(formats[r]?.[c] ?? '') : null;
    out.push(sym ? `${sym}${v}` : v);
  }
  return out;
}

/** The currency symbol of a number format ('[$¥]#,##0' → '¥', '"$"#,##0.00' → '$'), or null. */
export function formatSymbol(format: string): string | null {
  const m = /\[\$([^\]-]+)(?:-[^\]]*)?\]|"([^"]*[$¥￥€£₩₹元][^"]*)"/.exec(format);
  const s = (m?.[1] ?? m?.[2] ?? '').trim();
  return s === '' ? null : s;
}

/** The columns "Adopt this sheet" takes over: a unique header and a known role. The rest is left alone. */
export function adopted(col: InferredColumn): boolean {
  return col.managed && col.role !== null;
}

/** A cell that breaks its column's type, in grid coordinates (0-based row and column; see SheetIssue). */
export interface GridIssue {
  /** 0-based grid row and column. */
  row: number;
  column: number;
  code: IssueCode;
  hint?: string;
}

/**
 * The type context of one inferred column: dropdowns carry their options, money its own currency,
 * dates their day/month order, phones the table's candidate regions.
 */
export function columnContext(col: InferredColumn, ctx: TypeContext, inf?: Pick<Inference, 'regions'>): TypeContext {
  let out = ctx;
  if (col.options) out = { ...out, options: col.options };
  if (col.currency) out = { ...out, currency: col.currency, currencyStrict: true, ...(col.currencyMixed ? { currencyMixed: true } : {}) };
  if (col.dateOrder) out = { ...out, dateOrder: col.dateOrder };
  if (col.type === 'phone' && inf && inf.regions.length > 0) out = { ...out, region: inf.regions[0], regions: inf.regions };
  return out;
}

/**
 * Checks every data cell of the inferred columns against its type (and required fields).
 * Formula cells are kept and not checked. Fully empty rows are skipped.
 */
export function checkCells(
  grid: ReadonlyArray<ReadonlyArray<CellValue>>,
  inf: Inference,
  ctx: TypeContext,
  types: TypeLookup,
  formulas?: ReadonlyArray<ReadonlyArray<string>>,
  all = false,
): GridIssue[] {
  const issues: GridIssue[] = [];
  const cols = inf.columns.filter((c) => all || c.managed).map((col) => ({ col, def: types(col.type), cctx: columnContext(col, ctx, inf), memo: new Map<string, ParseResult>() }));
  for (let r = inf.dataStart; r < inf.dataEnd; r++) {
    const row = grid[r];
    if (row.every((v) => isBlankCell(v))) continue;
    for (const { col, def, cctx, memo } of cols) {
      const c = col.column;
      const v = row[c];
      if (formulas?.[r]?.[c]) {
        // A formula is kept, not typed; one Sheets turned into an error is named as such.
        if (isFormulaError(v)) issues.push({ row: r, column: c, code: 'formulaError' });
        continue;
      }
      if (isBlankCell(v)) {
        if (col.required) issues.push({ row: r, column: c, code: 'required' });
        continue;
      }
      let res: ParseResult | undefined;
      if (typeof v === 'string') {
        res = memo.get(v);
        if (!res) {
          res = def.parse(v, cctx);
          if (memo.size < 50000) memo.set(v, res);
        }
      } else res = def.parse(v, cctx);
      if (!res.ok) issues.push(res.hint !== undefined ? { row: r, column: c, code: res.code, hint: res.hint } : { row: r, column: c, code: res.code });
    }
  }
  return issues;
}
