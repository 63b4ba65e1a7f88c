/**
 * Validate-all: the whole table in one batched getValues, every cell parsed with its field type.
 * Broken cells are highlighted without touching any value: one conditional-format rule of ours
 * ('clientflow:invalid', light red, first in precedence) over the broken cells (runs merged), next to
 * Sheets' own red corner that warning-mode data validation shows on invalid cells. The highlight is
 * replaced at the next check (or set-up). Required-but-empty cells are shown by the set-up's
 * 'required' rule, which follows edits live.
 */
import { issueMessage } from '../../core/fields';
import { t, type Locale, joinList, withAside } from '../../core/i18n';
import { a1 } from '../../core/table/a1';
import { INVALID_RULE_KINDS, markedFormula, RULE_COLORS, tableSpan } from '../../core/setup/rules';
import { highlightRanges, validateRows } from '../../core/check/validate';
import type { CellValue } from '../../core/fields/types';
import { leadsWithRule, replaceLeadingRule, replaceRules } from '../sheet/apply';
import { syncListRules } from '../sheet/list-rules';
import { adoptDeferredEdits } from '../edit/autofill';
import { allTables, requireConfigOrNull } from '../config/store';
import { UserError } from '../runtime/errors';
import { findTableSheet, readLayout, readTimeZone, requireTableSheet } from '../sheet/table';
import { fieldType } from '../../core/fields';
import { FLAG_BACKGROUND, FLAG_MARK, issueText, type RuleIssue } from '../../core/edit/flags';
import { stageRuleIssues } from '../../core/edit/rules';
import { changedGrid, changesFromHistory, checkState, planCheckBackgrounds, planCheckNotes } from '../../core/check/flags';
import { historySheetName } from '../../core/funnel/workbook';
import { AUTO_TYPES } from '../../core/fields/types';
import { columnsOfTable } from '../../core/cleanup/columns';
import { defaultContext } from '../../core/fields/context';
import { cleanupHint, legend, reportCell, reportCounts, reportPage } from '../../core/check/report';

import type { SheetIssue } from '../../core/check/validate';
import type { MessageKey } from '../../core/i18n';
import type { TableSchema } from '../../core/schema';

const AUTO: ReadonlySet<string> = new Set<string>(AUTO_TYPES);

export interface ValidateReport {
  rows: number;
  count: number;
  cells: Array<{ a1: string; header: string; code: string; message: string; row: number; column: number; hint: string | null }>;
  message: string;
  page: number;
  pages: number;
  byColumn: Array<{ column: number; header: string; count: number }>;
  byProblem: Array<{ code: string; message: string; count: number }>;
  legend: Array<{ kind: string; background: string; fontColor: string | null; label: string }>;
  flagsChanged: number;
}

/**
 * The notes and highlight of ours over the whole table, as onEdit sets them on an edited block
 * (core/edit/flags.ts: the same checks, the same notes, the same color; the user's notes and colors
 * kept), stage rules included (core/check/flags.ts: skipped or backward steps from the stage history,
 * fields required from a stage from the rows): one getNotes, a getBackgrounds only when a flag appears
 * or goes, and the writes over the smallest block that changes. Returns how many cells changed.
 */
function refreshFlags(sheet: GoogleAppsScript.Spreadsheet.Sheet, schema: NonNullable<ReturnType<typeof requireConfigOrNull>>, layout: ReturnType<typeof readLayout>['layout'], values: CellValue[][], firstRow: number, span: { first: number; last: number }, issues: readonly SheetIssue[], dataRows: Uint8Array, locale: Locale): number {
  if (values.length === 0) return 0;
  const width = span.last - span.first + 1;
  const range = sheet.getRange(firstRow, span.first, values.length, width);
  const user = new Array<boolean>(width).fill(false);
  for (const f of schema.fields) {
    const c = layout.columns[f.key];
    if (c !== undefined && !AUTO.has(f.type)) user[c - span.first] = true;
  }
  const state = checkState({
    rows: values.length, width, firstRow, spanFirst: span.first, user, issues,
    hasData: (r) => dataRows[r] === 1,
    rules: stageRuleVerdicts(sheet, schema, layout, values, span.first, width),
  });
  const notes = range.getNotes();
  // One message per distinct issue (a column of the same mistake is formatted once).
  const texts = new Map<string, Map<string, string>>();
  const plan = planCheckNotes(state, notes, (issue) => {
    const [a, b] = 'code' in issue ? [issue.code, issue.hint ?? ''] : ['', JSON.stringify(issue)];
    let byHint = texts.get(a);
    if (!byHint) { byHint = new Map(); texts.set(a, byHint); }
    let text = byHint.get(b);
    if (text === undefined) { text = issueText(locale, issue); byHint.set(b, text); }
    return text;
  }, true); // getNotes hands back a fresh copy: its rows are changed where they are
  const sub = (b: { r0: number; r1: number; c0: number; c1: number }) => (b.r0 === 0 && b.c0 === 0 && b.r1 === values.length - 1 && b.c1 === width - 1
    ? range
    : sheet.getRange(firstRow + b.r0, span.first + b.c0, b.r1 - b.r0 + 1, b.c1 - b.c0 + 1));
  const changed = new Uint8Array(values.length * width);
  let count = 0;
  const mark = (k: number) => { if (!changed[k]) { changed[k] = 1; count++; } };
  for (const k of plan.notes.cells) mark(k);
  if (plan.notes.box) sub(plan.notes.box).setNotes(changedGrid(plan.notes, notes, plan.notes.box));
  if (plan.needBackgrounds) {
    const before = range.getBackgrounds();
    const colors = planCheckBackgrounds(state, before, true);
    for (const k of colors.cells) mark(k);
    if (colors.box) sub(colors.box).setBackgrounds(changedGrid<string | null>(colors, before, colors.box));
  }
  return count;
}

/**
 * The stage rules' verdicts over the table (keys r * width + c), or none when the table has no stage
 * rules. Skipped or backward steps need the stage history (one read of its ID, from and to columns).
 */
function stageRuleVerdicts(sheet: GoogleAppsScript.Spreadsheet.Sheet, schema: NonNullable<ReturnType<typeof requireConfigOrNull>>, layout: ReturnType<typeof readLayout>['layout'], values: CellValue[][], spanFirst: number, width: number): Map<number, RuleIssue | null> | undefined {
  const rules = schema.rules.stageRules;
  if (!rules) return undefined;
  let history: CellValue[][] = [];
  if (rules.noSkipping || rules.noBackward) {
    const h = sheet.getParent().getSheetByName(historySheetName(schema.location?.sheetId ?? sheet.getSheetId()));
    const last = h ? h.getLastRow() : 0;
    if (h && last > 1) history = h.getRange(2, 1, last - 1, 3).getValues() as CellValue[][];
  }
  const changes = changesFromHistory(schema, layout, values, spanFirst, history);
  const verdicts = stageRuleIssues({ schema, layout, rows: values, spanFirst, changes });
  const out = new Map<number, RuleIssue | null>();
  for (const [k, v] of verdicts) {
    const [r, c] = k.split(':').map(Number) as [number, number];
    out.set(r * width + c, v);
  }
  return out;
}

/**
 * Reads the table of `sheet` in one batched getValues and checks every cell; with `write`, the broken
 * cells' highlight rule and every flag of ours (notes, backgrounds) are made to match.
 */
function checkSheet(ss: GoogleAppsScript.Spreadsheet.Spreadsheet, sheet: GoogleAppsScript.Spreadsheet.Sheet, schema: TableSchema, timeZone: string, write: boolean) {
  const headerRow = schema.location?.headerRow ?? 1;
  const { layout, headers } = readLayout(sheet, schema, headerRow);
  if (Object.keys(layout.columns).length === 0) throw new UserError('setup.error.noHeader', { sheet: sheet.getName() });
  // Under the lock (write): IDs and stage changes edits deferred are written before the rows are read.
  if (write) adoptDeferredEdits(ss, sheet, schema, layout);
  const lastRow = sheet.getLastRow();
  const span = tableSpan(layout);
  const n = lastRow - headerRow;
  const values = n > 0 ? (sheet.getRange(headerRow + 1, span.first, n, span.last - span.first + 1).getValues() as CellValue[][]) : [];
  const result = validateRows(schema, layout, values, headerRow + 1, span.first, timeZone, fieldType);
  let flagsChanged = 0;
  if (write) {
    const ranges = highlightRanges(result.issues);
    replaceRules(sheet, ranges.length
      ? [{ kind: 'invalid', ranges, formula: markedFormula('invalid', 'TRUE'), format: RULE_COLORS.invalid }]
      : [], INVALID_RULE_KINDS);
    // Notes are in the table's language, as onEdit writes them (edit/autofill.ts).
    flagsChanged = refreshFlags(sheet, schema, layout, values, headerRow + 1, span, result.issues, result.dataRows, schema.locale);
    // A dropdown column whose variants were all mended by hand gets its own rule back (strict where the
    // field rejects invalid entries), as after Clean up; one that holds variants again only warns.
    syncListRules({ sheet, schema, layout, headerRow, locale: schema.locale, timeZone }, values, span.first);
  }
  return { headerRow, layout, headers, span, values, result, flagsChanged };
}

/**
 * After Clean up (or its undo) rewrote cells, the check's marks follow the values, without adding marks
 * of a kind the table did not carry (so undo gives the table back as it was):
 * - the broken cells' highlight rule, where the table has one (from adopting or a check), is drawn again
 *   over the cells broken now: a phone Clean up recovered is no longer red, one undo broke again is;
 * - `mended` cells (sheet row and column: cells Clean up wrote over a value the check rejects) that are
 *   valid now lose our note and our background.
 */
export function refreshCheckMarks(sheet: GoogleAppsScript.Spreadsheet.Sheet, schema: TableSchema, mended: ReadonlyArray<{ row: number; column: number }> = [], rows?: readonly (readonly CellValue[])[]): void {
  const highlighted = leadsWithRule(sheet, INVALID_RULE_KINDS);
  if (!highlighted && mended.length === 0) return;
  // Without our highlight rule only the mended cells' own marks change: what Clean up wrote there is
  // its type's canonical value, so the table is not read again.
  let issues: readonly SheetIssue[] = [];
  if (highlighted) {
    const headerRow = schema.location?.headerRow ?? 1;
    const { layout } = readLayout(sheet, schema, headerRow);
    if (Object.keys(layout.columns).length === 0) return;
    const span = tableSpan(layout);
    // The rows as the change left them when the caller has them (from column 1), else read again.
    const n = sheet.getLastRow() - headerRow;
    const values = rows ?? (n > 0 ? (sheet.getRange(headerRow + 1, span.first, n, span.last - span.first + 1).getValues() as CellValue[][]) : []);
    issues = validateRows(schema, layout, values as CellValue[][], headerRow + 1, rows ? 1 : span.first, readTimeZone(sheet.getParent()), fieldType).issues;
    const ranges = highlightRanges(issues);
    // Our highlight leads the rules (leadsWithRule): it alone is replaced, the others kept unread.
    replaceLeadingRule(sheet, highlighted, ranges.length
      ? [{ kind: 'invalid', ranges, formula: markedFormula('invalid', 'TRUE'), format: RULE_COLORS.invalid }]
      : []);
  }
  const broken = new Set(issues.map((i) => `${i.row}:${i.column}`));
  const clear = mended.filter((m) => !broken.has(`${m.row}:${m.column}`));
  if (clear.length === 0) return;
  // The box around them (loops: a spread of many thousand cells would overflow Math.min's arguments).
  let r0 = Infinity, c0 = Infinity, r1 = 0, c1 = 0;
  for (const m of clear) {
    if (m.row < r0) r0 = m.row;
    if (m.row > r1) r1 = m.row;
    if (m.column < c0) c0 = m.column;
    if (m.column > c1) c1 = m.column;
  }
  const box = sheet.getRange(r0, c0, r1 - r0 + 1, c1 - c0 + 1);
  const notes = box.getNotes();
  const backgrounds = box.getBackgrounds() as Array<Array<string | null>>;
  let notesChanged = false;
  let backgroundsChanged = false;
  for (const m of clear) {
    const [r, c] = [m.row - r0, m.column - c0];
    const row = notes[r];
    if (row && row[c]?.startsWith(FLAG_MARK)) { row[c] = ''; notesChanged = true; }
    const bgRow = backgrounds[r];
    if (bgRow && (bgRow[c] ?? '').toLowerCase() === FLAG_BACKGROUND) { bgRow[c] = null; backgroundsChanged = true; }
  }
  if (notesChanged) box.setNotes(notes);
  if (backgroundsChanged) box.setBackgrounds(backgrounds);
}

/**
 * Check every row. `write` (Check all rows): the 'invalid' highlight rule and every flag of ours are
 * refreshed; without it (another page of the report) nothing is written. The issues come from the
 * core check (validateRows); the report shows page `page` of them.
 */
export function validateTable(locale: Locale, page = 0, write = true): ValidateReport {
  const schema = requireConfigOrNull();
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  if (!schema) {
    // The active sheet is not a table: say so, naming the tables there are (or the one whose sheet is gone).
    const others = allTables();
    const gone = others.find((o) => findTableSheet(ss, o) === null);
    if (gone) throw new UserError('setup.error.sheetMissing', { sheet: gone.location?.sheetName ?? '' });
    if (others.length > 0) {
      throw new UserError('setup.validate.notThisSheet', { sheet: ss.getActiveSheet().getName(), tables: joinList(locale, others.map((o) => o.location?.sheetName ?? '')) });
    }
    throw new UserError('setup.validate.noTable');
  }
  const timeZone = readTimeZone(ss);
  const sheet = requireTableSheet(ss, schema);
  const { headerRow, layout, headers, span, values, result, flagsChanged } = checkSheet(ss, sheet, schema, timeZone, write);
  const headerOf = (column: number) => String(headers[column - 1] ?? '');
  const messageOf = (i: SheetIssue) => issueMessage(locale, i.code, i.hint ? { hint: i.hint } : {});
  const shown = reportPage(result.issues, page);
  // Each shown cell's hint is what Clean up would write over it, planned with Clean up's own columns.
  const cleanupColumns = new Map(columnsOfTable(schema, layout.columns, defaultContext(schema.locale, {
    region: schema.region, currency: schema.currency, dateOrder: schema.dateOrder, timeZone,
  }), span.first).map((c) => [c.column + span.first, c]));
  // A phone Sheets turned into a formula (#ERROR!) is recovered by Clean up from its formula: read the
  // formulas of the block that holds this page's such cells (one call, and only when there are some).
  const recoverable = shown.items.filter((i) => i.code === 'formulaError' && cleanupColumns.get(i.column)?.type === 'phone');
  let formulaAt = (_row: number, _column: number): string => '';
  if (recoverable.length > 0) {
    const rows = recoverable.map((i) => i.row);
    const cols = recoverable.map((i) => i.column);
    const r0 = Math.min(...rows), c0 = Math.min(...cols);
    const block = sheet.getRange(r0, c0, Math.max(...rows) - r0 + 1, Math.max(...cols) - c0 + 1).getFormulas();
    formulaAt = (row, column) => block[row - r0]?.[column - c0] ?? '';
  }
  const cells = shown.items.map((i) => {
    const h = cleanupHint(cleanupColumns.get(i.column), values[i.row - headerRow - 1]?.[i.column - span.first] ?? '', formulaAt(i.row, i.column));
    return reportCell(i, headerOf(i.column) || i.key, messageOf(i), h ? t(locale, h.key, h.params) : null);
  });
  const counts = reportCounts(result.issues, headerOf, messageOf);
  const first = joinList(locale, cells.slice(0, 5).map((c) => withAside(locale, c.a1, c.message)));
  const summary = result.issues.length === 0
    ? t(locale, 'setup.validate.ok', { rows: result.rows })
    : t(locale, 'setup.validate.found', { count: result.issues.length, rows: result.rows, cells: first });
  // Columns of the table the sheet no longer has (deleted, or their header renamed beyond recognition):
  // named first, so a deleted required column is not silently skipped.
  const missing = layout.missing
    .map((key) => schema.fields.find((f) => f.key === key))
    .filter((f): f is NonNullable<typeof f> => f !== undefined)
    .map((f) => `"${f.header}"`);
  const message = missing.length ? `${t(locale, 'setup.validate.missing', { columns: joinList(locale, missing) })}\n\n${summary}` : summary;
  return {
    rows: result.rows,
    count: result.issues.length,
    cells,
    message,
    page: shown.page,
    pages: shown.pages,
    byColumn: counts.byColumn,
    byProblem: counts.byProblem,
    legend: legend(schema, layout).map((e) => ({ ...e, label: t(locale, `check.legend.${e.kind}` as MessageKey) })),
    flagsChanged,
  };
}

/**
 * "Go to": selects a cell of the table's sheet. Range.activate() "sets the specified range as the
 * active range, with the top left cell in the range as the current cell", and shows its sheet.
 * Ref: https://developers.google.com/apps-script/reference/spreadsheet/range#activate()
 */
export function goToCell(row: number, column: number): { a1: string } {
  const schema = requireConfigOrNull();
  if (!schema) throw new UserError('setup.validate.noTable');
  const sheet = requireTableSheet(SpreadsheetApp.getActiveSpreadsheet(), schema);
  sheet.getRange(row, column).activate();
  return { a1: a1(row, column) };
}
