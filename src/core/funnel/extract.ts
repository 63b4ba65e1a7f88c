/**
 * Reading a table and a stage history for the funnel, from grids of cells (getValues blocks or CSV
 * rows). The table's columns are found as "Adopt this sheet" finds them (src/core/infer); the history's
 * by its header (client ID, from, to, when; English or Chinese), or by position when it has none.
 */
import { parseDateTimeCell } from '../fields/datetext';
import { dateToSerial, isValidDate, isValidTime, wallClockMs } from '../fields/calendar';
import { fieldType } from '../fields';
import { matchOption } from '../fields/dropdown';
import type { CellValue, DropdownOption, TypeContext, UserTypeId } from '../fields/types';
import { inferSheet, type Inference, type InferredColumn } from '../infer';
import { headerKey, ROLE_SYNONYMS } from '../infer/synonyms';
import { inferOptions } from '../infer/options';
import { optionResolver, optionStep, stageWord } from '../options/variants';
import { templateSchema } from '../templates';
import type { FunnelRecord, StageChange, StageField } from './types';

// Built-ins used per cell, as module constants; a cell value that is an object is a Date (the only
// object getValues returns), known without `instanceof`.
const textOf = String;
const floor = Math.floor;

function text(v: CellValue | undefined): string {
  if (typeof v === 'string') return v;
  if (v === undefined || v === null) return '';
  if (typeof v === 'object') return v.toISOString();
  return textOf(v);
}

/** A cell with no text (text(v).trim() === '', without writing out Dates and numbers). */
function isBlank(v: CellValue | undefined): boolean {
  return v === undefined || v === null || v === '' || (typeof v === 'string' && v.trim() === '');
}

/** Digits at s[i..i+n) as a number, or -1 when any is not a digit. */
function digits(s: string, i: number, n: number): number {
  let v = 0;
  for (let k = i; k < i + n; k++) {
    const c = s.charCodeAt(k) - 48;
    if (c < 0 || c > 9) return -1;
    v = v * 10 + c;
  }
  return v;
}

/**
 * 'YYYY-MM-DD', 'YYYY-MM-DD HH:mm' or 'YYYY-MM-DD[ T]HH:mm:ss[.fff]' (no zone) as a serial, else
 * undefined (not this form) or null (this form, but no such day or time). Read by character codes: a
 * history holds hundreds of thousands of such stamps.
 */
function isoSerial(s: string): number | null | undefined {
  const n = s.length;
  if (n !== 10 && n !== 16 && n < 19) return undefined;
  if (s.charCodeAt(4) !== 45 || s.charCodeAt(7) !== 45) return undefined;
  const y = digits(s, 0, 4); const mo = digits(s, 5, 2); const d = digits(s, 8, 2);
  if (y < 0 || mo < 0 || d < 0) return undefined;
  let hh = 0; let mi = 0; let ss = 0;
  if (n > 10) {
    const sep = s.charCodeAt(10);
    if ((sep !== 32 && sep !== 84) || s.charCodeAt(13) !== 58) return undefined;
    hh = digits(s, 11, 2); mi = digits(s, 14, 2);
    if (hh < 0 || mi < 0) return undefined;
    if (n >= 19) {
      if (s.charCodeAt(16) !== 58) return undefined;
      ss = digits(s, 17, 2);
      if (ss < 0 || (n > 19 && !(s.charCodeAt(19) === 46 && n > 20 && digits(s, 20, n - 20) >= 0))) return undefined;
    }
  }
  if (!isValidDate(y, mo, d) || !isValidTime(hh, mi, ss)) return null;
  return dateToSerial(y, mo, d) + (hh * 3600 + mi * 60 + ss) / 86400;
}

/**
 * A cell as a serial (days since 1899-12-30, time as the fraction), or null when it is no date.
 * ISO text is read directly (seconds kept); anything else as the date types read it.
 */
/** Serials of 1900-01-01 and 9999-12-31: the years a date cell may hold. */
const FIRST_SERIAL = 2;
const LAST_SERIAL = 2958465;
const EPOCH_SERIAL = 25569;

export function serialOf(raw: CellValue | undefined, ctx: TypeContext): number | null {
  if (raw === undefined || raw === '' || typeof raw === 'boolean') return null;
  if (typeof raw === 'object') {
    // A Date from getValues: its wall-clock day and minute in the spreadsheet's time zone, computed
    // directly (a table and its history hold hundreds of thousands of them).
    const ms = wallClockMs(raw, ctx.timeZone);
    if (ms === null) return null;
    const minutes = floor(ms / 60000);
    const days = floor(minutes / 1440);
    const serial = days + EPOCH_SERIAL;
    return serial >= FIRST_SERIAL && serial <= LAST_SERIAL ? serial + (minutes - days * 1440) / 1440 : null;
  }
  if (typeof raw === 'string') {
    const iso = isoSerial(raw);
    if (iso !== undefined) return iso;
    const trimmed = raw.trim();
    if (trimmed === '') return null;
    if (trimmed !== raw) {
      const again = isoSerial(trimmed);
      if (again !== undefined) return again;
    }
  }
  const p = parseDateTimeCell(raw, ctx);
  return p ? dateToSerial(p.y, p.m, p.d) + (p.hh * 60 + p.mm) / 1440 : null;
}

function memoized<T>(f: (raw: CellValue) => T): (raw: CellValue | undefined) => T | null {
  const memo = new Map<string, T>();
  return (raw) => {
    if (raw === undefined || raw === '') return null;
    if (typeof raw !== 'string') return f(raw);
    let v = memo.get(raw);
    if (v === undefined) {
      v = f(raw);
      if (memo.size < 50000) memo.set(raw, v);
    }
    return v;
  };
}

export type TableProblem = 'noHeader' | 'noStage';

export interface FunnelTable {
  records: FunnelRecord[];
  stage: StageField;
  /** Headers of the columns used (null when the table has none). */
  columns: { stage: string; id: string | null; owner: string | null; channel: string | null; created: string | null; stageSince: string | null; value: string | null };
  inference: Inference;
}

/** Whether most of a dropdown's options (two at least) are known pipeline stages. */
function looksLikeStages(options: readonly DropdownOption[]): boolean {
  const known = options.filter((o) => optionStep(o) !== null).length;
  return known >= 2 && known * 10 >= options.length * 6;
}

/**
 * The stage column: the one whose header says stage (阶段, Status…) when its values are options; else
 * a column whose values are mostly known stage words (a dropdown, or text with few rows). A stage
 * column with no value at all (an empty table) gets the stages of the B2B template, in the header's
 * language, so an empty table is an empty funnel. Null when there is none.
 */
export function findStageColumn(inf: Inference, grid: ReadonlyArray<ReadonlyArray<CellValue>>): { col: InferredColumn; field: StageField } | null {
  const valuesOf = (col: InferredColumn): string[] => {
    const values: string[] = [];
    for (let r = inf.dataStart; r < inf.dataEnd; r++) {
      const v = text(grid[r]?.[col.column]).trim();
      if (v) values.push(v);
    }
    return values;
  };
  const byRole = inf.columns.find((c) => c.role === 'stage');
  const candidates = [...(byRole ? [byRole] : []), ...inf.columns.filter((c) => c !== byRole && (c.type === 'dropdown' || c.type === 'text'))];
  for (const col of candidates) {
    let options = col.options;
    if (!options && col.type === 'text') {
      const values = valuesOf(col);
      if (values.length === 0 && col === byRole) {
        const schema = templateSchema('b2b', /[\u3400-\u9fff]/.test(col.header) ? 'zh-CN' : 'en');
        const stage = schema.fields.find((f) => f.role === 'stage')?.options ?? [];
        return { col, field: { options: stage, won: schema.stages?.won ?? null, lost: schema.stages?.lost ?? null } };
      }
      // Values that did not look like a dropdown (few rows, all different): options from every value.
      options = inferOptions(values, true)?.options;
    }
    if (!options || options.length === 0) continue;
    if (col === byRole ? col.options !== undefined || looksLikeStages(options) : looksLikeStages(options)) {
      return { col, field: { options: stageOptions(options), won: col.stages?.won ?? null, lost: col.stages?.lost ?? null } };
    }
  }
  return null;
}

/**
 * The stages of an inferred stage column. When its order comes from the stage vocabulary (most options
 * are known stage words), an option that is no known stage has no known place in the funnel ('On hold'
 * would land between Negotiation and Won): it is left out, so its rows are counted as unmapped and
 * listed, not guessed into a step. Options the user ordered (a saved schema) never go through here.
 */
function stageOptions(options: readonly DropdownOption[]): DropdownOption[] {
  return looksLikeStages(options) ? options.filter((o) => optionStep(o) !== null) : [...options];
}

/** A column of the grid (0-based) and what is known of it: its type and, for a dropdown, its options. */
export interface ColumnRef {
  column: number;
  type?: UserTypeId;
  options?: readonly DropdownOption[];
  /** Money: the column's own currency; an amount in another one is not added in (as the check reports it). */
  currency?: string;
}

/** Where the funnel's fields are in a grid (a saved schema's columns, or inferred ones). */
export interface FunnelColumns {
  stage: number;
  id?: ColumnRef | null;
  owner?: ColumnRef | null;
  channel?: ColumnRef | null;
  created?: ColumnRef | null;
  stageSince?: ColumnRef | null;
  value?: ColumnRef | null;
}

/**
 * The rows [start, end) of a grid as funnel records; fully empty rows are skipped. Owner and channel
 * become their option's label when the column has options; dates become serials; the value is read as
 * money (or a number when the column is one).
 */
export function funnelRecords(
  grid: ReadonlyArray<ReadonlyArray<CellValue>>,
  cols: FunnelColumns,
  ctx: TypeContext,
  start: number,
  end: number,
): FunnelRecord[] {
  const choice = (col: ColumnRef | null | undefined) => {
    if (!col) return () => '';
    const options = col.options;
    const read = memoized((raw) => {
      const s = text(raw).trim();
      if (!options || s === '') return s;
      return matchOption(s, options).label ?? s;
    });
    return (row: ReadonlyArray<CellValue>) => read(row[col.column]) ?? '';
  };
  // Times are mostly unique: read directly, no memo.
  const when = (col: ColumnRef | null | undefined) => {
    if (!col) return () => null;
    return (row: ReadonlyArray<CellValue>) => serialOf(row[col.column], ctx);
  };
  const valueCol = cols.value;
  const money = (() => {
    if (!valueCol) return () => null;
    const def = fieldType(valueCol.type === 'number' ? 'number' : 'currency');
    const money = valueCol.currency ? { ...ctx, currency: valueCol.currency, currencyStrict: true } : ctx;
    const read = memoized((raw) => {
      const p = def.parse(raw, money);
      return p.ok && p.value.kind === 'number' ? p.value.value : null;
    });
    return (row: ReadonlyArray<CellValue>) => read(row[valueCol.column]);
  })();
  const owner = choice(cols.owner);
  const channel = choice(cols.channel);
  const created = when(cols.created);
  const since = when(cols.stageSince);
  const idCol = cols.id;
  const sc = cols.stage;
  const records: FunnelRecord[] = [];
  for (let r = start; r < end; r++) {
    const row = grid[r];
    if (!row || row.every(isBlank)) continue;
    const value = money(row);
    const record: FunnelRecord = {
      id: idCol ? text(row[idCol.column]).trim() : '',
      stage: text(row[sc]),
      owner: owner(row),
      channel: channel(row),
      created: created(row),
      stageSince: since(row),
      value,
    };
    if (value !== null && valueCol && typeof row[valueCol.column] === 'string') record.textValue = true;
    records.push(record);
  }
  return records;
}

/** The table's rows as funnel records (columns inferred as "Adopt this sheet" does), or the reason it has none. */
export function funnelTableFromGrid(
  grid: ReadonlyArray<ReadonlyArray<CellValue>>,
  ctx: TypeContext,
  opts: { headerRow?: number } = {},
): { ok: true; table: FunnelTable } | { ok: false; problem: TableProblem } {
  const inf = inferSheet({ grid, ctx, ...(opts.headerRow !== undefined ? { headerRow: opts.headerRow } : {}) });
  if (inf.headerRow === null) return { ok: false, problem: 'noHeader' };
  const stage = findStageColumn(inf, grid);
  if (!stage) return { ok: false, problem: 'noStage' };
  const byRole = (...roles: string[]): InferredColumn | null => {
    for (const role of roles) {
      const c = inf.columns.find((x) => x.role === role && x !== stage.col);
      if (c) return c;
    }
    return null;
  };
  const idCol = byRole('clientId');
  const ownerCol = byRole('owner');
  const channelCol = byRole('channel');
  const createdCol = byRole('created', 'registered');
  const sinceCol = byRole('stageSince');
  const valueCol = byRole('dealValue', 'totalSpend');

  const ref = (c: InferredColumn | null): ColumnRef | null => (c ? { column: c.column, type: c.type, ...(c.options ? { options: c.options } : {}) } : null);
  const records = funnelRecords(grid, {
    stage: stage.col.column,
    id: ref(idCol),
    owner: ref(ownerCol),
    channel: ref(channelCol),
    created: ref(createdCol),
    stageSince: ref(sinceCol),
    value: ref(valueCol),
  }, ctx, inf.dataStart, inf.dataEnd);
  const header = (c: InferredColumn | null) => (c ? c.header : null);
  return {
    ok: true,
    table: {
      records,
      stage: stage.field,
      columns: {
        stage: stage.col.header,
        id: header(idCol),
        owner: header(ownerCol),
        channel: header(channelCol),
        created: header(createdCol),
        stageSince: header(sinceCol),
        value: header(valueCol),
      },
      inference: inf,
    },
  };
}

/**
 * An inferred stage field completed by the history: a stage the history names (a known stage word) that
 * no client is in today has no option in a field inferred from current values, so it is added, spelled
 * as the history spells it most often, at its place in the stage order. Values that mean an option
 * already, and unknown words, add nothing. A saved schema's field needs no such help.
 */
export function stagesWithHistory(field: StageField, changes: readonly StageChange[]): StageField {
  const resolve = optionResolver(field.options, { stageVocabulary: true });
  const counts = new Map<string, number>();
  for (const c of changes) {
    for (const v of [c.from, c.to]) counts.set(v, (counts.get(v) ?? 0) + 1);
  }
  const have = new Set(field.options.map((o) => optionStep(o)?.step).filter((x): x is number => x !== undefined));
  const added = new Map<number, { label: string; n: number; variants: string[] }>();
  for (const [raw, n] of counts) {
    const v = raw.trim();
    if (v === '' || resolve(v) !== null) continue;
    const k = stageWord(v);
    if (!k || have.has(k.step)) continue;
    const a = added.get(k.step);
    if (!a) added.set(k.step, { label: v, n, variants: [] });
    else if (n > a.n) { a.variants.push(a.label); a.label = v; a.n = n; } else a.variants.push(v);
  }
  if (added.size === 0) return field;
  const options = [...field.options];
  for (const [step, a] of [...added].sort((x, y) => x[0] - y[0])) {
    const at = options.findIndex((o) => (optionStep(o)?.step ?? -1) > step);
    const o: DropdownOption = a.variants.length ? { label: a.label, color: '#ffffff', variants: a.variants } : { label: a.label, color: '#ffffff' };
    options.splice(at < 0 ? options.length : at, 0, o);
  }
  return { ...field, options };
}

export type HistoryColumn = 'id' | 'from' | 'to' | 'when';

/** Header words of the history's columns (compared through headerKey: case, spaces and punctuation folded). */
export const HISTORY_HEADERS: Readonly<Record<HistoryColumn, readonly string[]>> = {
  id: [...(ROLE_SYNONYMS.clientId ?? []), 'Client', 'Customer', 'Client Id', '客户', '客户号'],
  from: ['From', 'From stage', 'Previous stage', 'Old stage', 'Stage before', 'Before', 'Previous', 'From status', 'Old status',
    '从', '原阶段', '原状态', '旧阶段', '旧状态', '变更前', '变更前阶段', '之前阶段', '上一阶段', '起始阶段'],
  to: ['To', 'To stage', 'New stage', 'Stage after', 'After', 'Next stage', 'To status', 'New status',
    '到', '新阶段', '新状态', '变更后', '变更后阶段', '当前阶段', '目标阶段', '进入阶段'],
  when: ['When', 'Date', 'Time', 'Changed', 'Changed at', 'Changed on', 'Timestamp', 'Date time', 'Datetime', 'At', 'Moved at',
    '时间', '日期', '变更时间', '变更日期', '修改时间', '更新时间', '发生时间', '记录时间'],
};

let historyIndex: Map<string, HistoryColumn> | null = null;
function historyColumnOf(v: CellValue | undefined): HistoryColumn | null {
  if (!historyIndex) {
    historyIndex = new Map();
    for (const [col, words] of Object.entries(HISTORY_HEADERS) as Array<[HistoryColumn, readonly string[]]>) {
      for (const w of words) {
        const k = headerKey(w);
        if (k !== '' && !historyIndex.has(k)) historyIndex.set(k, col);
      }
    }
  }
  const k = headerKey(v);
  return k === '' ? null : historyIndex.get(k) ?? null;
}

export type HistoryRead =
  | { ok: true; changes: StageChange[]; /** Data rows without a client ID or a readable time, skipped. */ skipped: number; header: boolean }
  | { ok: false; missing: HistoryColumn[] };

/** Where a history's columns are (0-based) and its first data row, found in its first rows. */
export type HistoryLayout =
  | { ok: true; startRow: number; at: Record<HistoryColumn, number>; header: boolean }
  | { ok: false; missing: HistoryColumn[] };

/** How many first rows historyLayout looks at (a header may sit below a title or notes). */
export const HISTORY_HEAD_ROWS = 20;

/**
 * The layout of a history from its first HISTORY_HEAD_ROWS rows (all its columns): a header row naming
 * client ID, from, to and when in the first ten rows, or, with no such header, four columns in that
 * order whose fourth holds dates. The add-on then reads only those columns.
 */
export function historyLayout(head: ReadonlyArray<ReadonlyArray<CellValue>>, ctx: TypeContext): HistoryLayout {
  let best: { row: number; cols: Partial<Record<HistoryColumn, number>>; found: number } | null = null;
  for (let r = 0; r < Math.min(head.length, 10); r++) {
    const cols: Partial<Record<HistoryColumn, number>> = {};
    let found = 0;
    head[r].forEach((v, c) => {
      const k = historyColumnOf(v);
      if (k && cols[k] === undefined) { cols[k] = c; found++; }
    });
    if (found > 0 && (!best || found > best.found)) best = { row: r, cols, found };
    if (found === 4) break;
  }
  if (best && best.found === 4) return { ok: true, startRow: best.row + 1, at: best.cols as Record<HistoryColumn, number>, header: true };
  // No header: client ID, from, to, when by position, when the fourth column holds dates.
  const sample = head.slice(0, 20).filter((row) => text(row[3]).trim() !== '');
  const dated = sample.filter((row) => serialOf(row[3], ctx) !== null).length;
  // (A single header word in a row is a stage value such as 'New', not a header.)
  if ((!best || best.found < 2) && sample.length > 0 && dated * 2 > sample.length && head.every((row) => row.length >= 4 || row.length === 0)) {
    return { ok: true, startRow: 0, at: { id: 0, from: 1, to: 2, when: 3 }, header: false };
  }
  return { ok: false, missing: (['id', 'from', 'to', 'when'] as const).filter((k) => best?.cols[k] === undefined) };
}

/**
 * The stage changes of history rows: `rows` hold the history's columns from `left` (0-based) on, so a
 * reader may pass only the four it needs; rows without a client ID or a readable time are skipped.
 */
export function historyRows(rows: ReadonlyArray<ReadonlyArray<CellValue>>, at: Record<HistoryColumn, number>, left: number, ctx: TypeContext): { changes: StageChange[]; skipped: number } {
  const ci = at.id - left, cf = at.from - left, ct = at.to - left, cw = at.when - left;
  const changes: StageChange[] = [];
  let skipped = 0;
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r];
    const id = text(row[ci]).trim();
    const t = serialOf(row[cw], ctx);
    if (id === '' || t === null) {
      if (!(id === '' && t === null && row.every(isBlank))) skipped++;
      continue;
    }
    changes.push({ id, from: text(row[cf]), to: text(row[ct]), when: t });
  }
  return { changes, skipped };
}

/** A stage history from a whole grid (a CSV file; its rows may differ in length): historyLayout, then historyRows. */
export function historyFromGrid(grid: ReadonlyArray<ReadonlyArray<CellValue>>, ctx: TypeContext): HistoryRead {
  const layout = historyLayout(grid, ctx);
  if (!layout.ok) return { ok: false, missing: layout.missing };
  const { changes, skipped } = historyRows(layout.startRow === 0 ? grid : grid.slice(layout.startRow), layout.at, 0, ctx);
  return { ok: true, changes, skipped, header: layout.header };
}
