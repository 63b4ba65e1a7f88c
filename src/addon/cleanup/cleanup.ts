/**
 * Cleanup of the table on the active sheet: one read (the table region: values, formulas, number
 * formats), the plan (src/core/cleanup, the same as `clientflow clean`), a preview, and the change
 * pipeline (../change/pipeline.ts: snapshot, one write, archive). Every apply reads and plans again and
 * writes only when the plan is still the one the user saw.
 */
import { sameRegion, storedOfWrite, movesFormula, type CellEdit, type Region } from '../../core/change/cells';
import { columnsOfTable } from '../../core/cleanup/columns';
import { keepKinds, planCleanup, type ChangeKind, type CleanupPlan } from '../../core/cleanup/plan';
import { previewOf } from '../../core/cleanup/preview';
import type { CleanupPreview } from '../../core/api/cleanup';
import { defaultContext } from '../../core/fields/context';
import { fieldType } from '../../core/fields';
import { t, type Locale } from '../../core/i18n';
import { allTables, requireConfigOrNull, tableOf } from '../config/store';
import { UserError } from '../runtime/errors';
import { readLayout, requireTableSheet } from '../sheet/table';
import { backUpTable } from '../backup/backup';
import { refreshCheckMarks } from '../check/check';
import { commitChange, readRegion, undoLast, type UndoOutcome } from '../change/pipeline';
import { readDropdownRows, syncListRules, type ListRuleContext } from '../sheet/list-rules';
import type { CellValue } from '../../core/fields/types';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export interface Planned {
  ss: Spreadsheet;
  sheet: Sheet;
  firstRow: number;
  /** Where each field was found (a moved or renamed column changes it). */
  columnsKey: string;
  region: Region;
  plan: CleanupPlan;
  /** What the dropdown columns' list rules are derived from after the write (../sheet/list-rules.ts). */
  rules: Omit<ListRuleContext, 'sheet' | 'locale'>;
}

/** The configured table, which must be the active sheet; a clear message otherwise. */
function activeTable(): { ss: Spreadsheet; sheet: Sheet; schema: NonNullable<ReturnType<typeof requireConfigOrNull>> } {
  const schema = requireConfigOrNull();
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  // The active sheet is no table: say so when the spreadsheet has tables elsewhere.
  if (!schema) throw allTables().length > 0 ? new UserError('cleanup.notTable', { sheet: ss.getActiveSheet().getName() }) : new UserError('cleanup.noTable');
  const sheet = requireTableSheet(ss, schema);
  const active = ss.getActiveSheet();
  if (active.getSheetId() !== sheet.getSheetId()) throw new UserError('cleanup.notTable', { sheet: active.getName() });
  return { ss, sheet, schema };
}

/**
 * Reads the table and plans its cleanup. Given the plan made from an earlier read (before a
 * confirmation), the table is read again and that plan is kept only if nothing in it changed.
 */
export function readAndPlan(earlier?: Planned): Planned {
  const { ss, sheet, schema } = activeTable();
  const headerRow = schema.location?.headerRow ?? 1;
  const { layout } = readLayout(sheet, schema, headerRow);
  if (Object.keys(layout.columns).length === 0) throw new UserError('setup.error.noHeader', { sheet: sheet.getName() });
  const region = readRegion(sheet, headerRow + 1, sheet.getLastRow(), sheet.getLastColumn());
  const columnsKey = JSON.stringify([schema, layout.columns]);
  if (earlier && earlier.columnsKey === columnsKey && earlier.sheet.getSheetId() === sheet.getSheetId() && sameRegion(earlier.region, region)) {
    return { ...earlier, ss, sheet };
  }
  const timeZone = ss.getSpreadsheetTimeZone();
  const base = defaultContext(schema.locale, { region: schema.region, currency: schema.currency, dateOrder: schema.dateOrder, timeZone });
  const columns = columnsOfTable(schema, layout.columns, base, region.left);
  let plan = planCleanup({ columns, values: region.values, formulas: region.formulas });
  // Removing a row moves the rows below it; a formula's A1 text would not follow, so such rows stay.
  if (movesFormula(region, plan.emptyRows)) plan = { ...plan, emptyRows: [], counts: { ...plan.counts, emptyRow: 0 } };
  return { ss, sheet, firstRow: headerRow + 1, columnsKey, region, plan, rules: { schema, layout, headerRow, timeZone } };
}

export function previewCleanup(locale: Locale, off: readonly ChangeKind[], planned: Planned = readAndPlan()): CleanupPreview {
  return previewOf(planned.plan, new Set(off), planned.sheet.getName(), planned.firstRow, planned.region.left, locale);
}

/** The cell edits of a plan: dates are written as typed so Sheets makes them dates (unless the cell is text). */
function editsOf(plan: CleanupPlan, region: Region): CellEdit[] {
  return plan.changes.map((ch) => {
    const typed = ch.kind === 'date' && typeof ch.to === 'string' && region.formats[ch.row]?.[ch.column] !== '@';
    return { row: ch.row, column: ch.column, to: storedOfWrite(ch.to, typed) };
  });
}

/** The data rows as the plan leaves them (its changes written, its empty rows removed), in memory. */
function rowsAfter(plan: CleanupPlan, region: Region): CellValue[][] {
  const rows = region.values.map((r) => r as CellValue[]);
  const copied = new Set<number>();
  for (const ch of plan.changes) {
    if (!copied.has(ch.row)) { rows[ch.row] = [...(rows[ch.row] ?? [])]; copied.add(ch.row); }
    (rows[ch.row] as CellValue[])[ch.column] = ch.to;
  }
  const gone = new Set(plan.emptyRows);
  return gone.size ? rows.filter((_, i) => !gone.has(i)) : rows;
}

/**
 * The cells a plan mends that the check may have marked: a phone Sheets had read as a formula, or a value
 * its column's type rejected (cleanup's other changes rewrite values the check already reads). Each is
 * named where it is after the change: removed empty rows above a cell move it up.
 */
function mendedCells(p: Planned, plan: CleanupPlan): Array<{ row: number; column: number }> {
  const columns = new Map(columnsOfTable(p.rules.schema, p.rules.layout.columns, defaultContext(p.rules.schema.locale, {
    region: p.rules.schema.region, currency: p.rules.schema.currency, dateOrder: p.rules.schema.dateOrder, timeZone: p.rules.timeZone,
  }), p.region.left).map((c) => [c.column, c]));
  // Few distinct spellings per column: each is parsed once.
  const seen = new Map<string, boolean>();
  const broken = (column: number, from: CellValue): boolean => {
    if (typeof from !== 'string' || from === '') return false;
    const key = `${column}\u0000${from}`;
    let out = seen.get(key);
    if (out === undefined) {
      const col = columns.get(column);
      out = col !== undefined && !fieldType(col.type).parse(from, col.ctx).ok;
      if (seen.size < 50000) seen.set(key, out);
    }
    return out;
  };
  const gone = plan.emptyRows.slice().sort((a, b) => a - b);
  const out: Array<{ row: number; column: number }> = [];
  let k = 0;
  for (const ch of plan.changes) { // in row order
    if (ch.kind !== 'formulaPhone' && ch.kind !== 'option' && ch.kind !== 'leadingZeros') continue;
    if (ch.kind !== 'formulaPhone' && !broken(ch.column, ch.from)) continue;
    while (k < gone.length && (gone[k] as number) < ch.row) k++;
    out.push({ row: p.firstRow + ch.row - k, column: p.region.left + ch.column });
  }
  return out;
}

export interface ApplyResult { applied: boolean; changes: number; message: string; preview: CleanupPreview | null }

/**
 * Reads and plans again; writes (through the change pipeline) only when `fingerprint` is null or still
 * names this plan. Run under the document lock.
 */
export function applyCleanup(locale: Locale, off: readonly ChangeKind[], fingerprint: string | null, earlier?: Planned, backup = false): ApplyResult {
  const p = readAndPlan(earlier);
  const offSet = new Set(off);
  const preview = previewOf(p.plan, offSet, p.sheet.getName(), p.firstRow, p.region.left, locale);
  if (fingerprint !== null && fingerprint !== preview.fingerprint) return { applied: false, changes: 0, message: t(locale, 'cleanup.replanned'), preview };
  if (preview.total === 0) return { applied: false, changes: 0, message: t(locale, 'cleanup.nothing', { sheet: preview.sheetName, rows: preview.rows }), preview };
  const plan = keepKinds(p.plan, offSet);
  const removed = plan.emptyRows.map((r) => ({ sheetRow: p.firstRow + r, values: p.region.values[r] ?? [] }));
  // The backup the user asked for comes first: a backup that fails (too large) stops before any change.
  const saved = backup ? backUpTable(locale) : null;
  commitChange(p.ss, p.sheet, p.region, editsOf(plan, p.region), plan.emptyRows, { action: 'cleanup', why: t(locale, 'cleanup.archive.emptyRow'), removed }, locale);
  // Variants rewritten to their labels: the dropdown columns' list rules follow (strict again where the
  // field says so). Undo derives them again from what it puts back (../change/pipeline.ts).
  const after = rowsAfter(plan, p.region);
  syncListRules({ ...p.rules, sheet: p.sheet, locale }, after);
  // The check's highlights and notes follow the cleaned values (a recovered phone is no longer red),
  // checked on the rows as written, not read again.
  refreshCheckMarks(p.sheet, p.rules.schema, mendedCells(p, plan), after);
  const done = t(locale, 'cleanup.done', { count: preview.total });
  const message = saved ? `${done}\n${t(locale, 'backup.madeFirst', { sheet: saved.entry.sheetName })}` : done;
  p.ss.toast(message, t(locale, 'cleanup.title'));
  return { applied: true, changes: preview.total, message, preview: null };
}

/**
 * Undoes the last change (../change/pipeline.ts); when that was a cleanup, the dropdown columns' list
 * rules are derived again from the cells it put back (variants back: the rule warns again). The
 * snapshot keeps cells, not rules, so the rule follows the table's state rather than a stored copy.
 * Run under the document lock.
 */
export function undoWithRules(ss: Spreadsheet, locale: Locale, restoreRest: boolean): UndoOutcome {
  const out = undoLast(ss, locale, restoreRest);
  if (out.status !== 'done' || out.action !== 'cleanup') return out;
  const table = tableOf(out.sheet.getSheetId());
  if (!table.ok) return out;
  const headerRow = table.schema.location?.headerRow ?? 1;
  const { layout } = readLayout(out.sheet, table.schema, headerRow);
  const ctx: ListRuleContext = { sheet: out.sheet, schema: table.schema, layout, headerRow, locale, timeZone: ss.getSpreadsheetTimeZone() };
  syncListRules(ctx, readDropdownRows(ctx));
  refreshCheckMarks(out.sheet, table.schema);
  return out;
}
