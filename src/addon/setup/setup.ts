/**
 * Set-up of a table from a schema (menuSetUp, the sidebar's applySetup).
 *
 * Where the table goes: the configured table's sheet when asked to re-apply ('auto' with a table
 * already set up: fields are matched to their columns, new fields are appended after the table,
 * removed fields keep their column and data); otherwise the active sheet when it is empty; otherwise
 * a new sheet.
 *
 * Failure half way (time limit, error): a new table is built on a hidden sheet with a temporary name
 * and only renamed, shown and saved to the config at the very end, so an interrupted set-up leaves
 * the visible workbook and the config as they were (the hidden leftover is deleted by the next
 * set-up). On an existing or empty sheet, the header texts and the config are written last: an
 * interruption changes no value and the next set-up completes the formats.
 */
import { t, type Locale } from '../../core/i18n';
import { sequentialLayout, type Layout } from '../../core/table/layout';
import { parseSchema, type TableSchema } from '../../core/schema';
import { applyTable } from '../sheet/apply';
import { idCounterProps, loadConfig, saveConfig } from '../config/store';
import { UserError } from '../runtime/errors';
import { findTableSheet, isSheetEmpty, readLayout } from '../sheet/table';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** Name of the hidden sheet a new table is built on. */
export const TEMP_SHEET_PREFIX = '~clientflow-setup';
/** Sheets' limit of cells per spreadsheet. Ref: https://support.google.com/drive/answer/37603 */
export const MAX_CELLS = 10_000_000;

export interface SetupSummary {
  sheetName: string;
  columns: number;
  validations: number;
  rules: number;
  keptRules: number;
  message: string;
}

/**
 * 'auto': the configured table if there is one, else the active sheet if empty, else a new sheet;
 * 'reapply': the configured table; 'fresh': the active sheet if empty, else a new sheet;
 * 'new': always a new sheet.
 */
export type SetupTarget = 'auto' | 'new' | 'reapply' | 'fresh';

function uniqueSheetName(ss: Spreadsheet, base: string, taken: readonly string[]): string {
  const names = new Set(taken);
  if (!names.has(base)) return base;
  for (let i = 2; ; i++) if (!names.has(`${base} ${i}`)) return `${base} ${i}`;
}

/** Cells in use across all sheets (max rows × max columns), O(sheets) calls. */
function totalCells(sheets: readonly Sheet[]): number {
  let n = 0;
  for (const s of sheets) n += s.getMaxRows() * s.getMaxColumns();
  return n;
}

/**
 * The schema as it will be saved for an existing table: for a column the user renamed in the sheet
 * the sheet's header wins, unless this request changed that field's header itself.
 */
function mergeHeaders(schema: TableSchema, previous: TableSchema | null, layout: Layout, headers: readonly unknown[]): TableSchema {
  return {
    ...schema,
    fields: schema.fields.map((f) => {
      const col = layout.columns[f.key];
      if (col === undefined) return f;
      const inSheet = String(headers[col - 1] ?? '').trim();
      const before = previous?.fields.find((p) => p.key === f.key)?.header;
      if (inSheet !== '' && inSheet !== f.header && before === f.header) return { ...f, header: inSheet };
      return f;
    }),
  };
}

/**
 * Places the fields the layout lacks in empty columns: after the sheet's last column holding anything
 * (Sheet.getLastColumn: "the position of the last column that has content"), so a column of the user's
 * own right of the table (one Adopt left alone, notes, a helper column) is never taken over.
 * Ref: https://developers.google.com/apps-script/reference/spreadsheet/sheet#getLastColumn()
 */
function placeMissing(layout: Layout, fields: TableSchema['fields'], lastUsedColumn: number): Layout {
  const cols = Object.values(layout.columns);
  let next = Math.max(cols.length ? Math.max(...cols) : 0, lastUsedColumn) + 1;
  const columns = { ...layout.columns };
  for (const f of fields) if (columns[f.key] === undefined) columns[f.key] = next++;
  return { columns, missing: [], notes: layout.notes };
}

export function setUpTable(input: TableSchema, target: SetupTarget, uiLocale: Locale): SetupSummary {
  const checked = parseSchema(input);
  if (!checked.ok) throw new UserError('setup.error.schema', { path: checked.path, code: checked.code });
  let schema = checked.schema;
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const timeZone = ss.getSpreadsheetTimeZone();
  const stored = loadConfig();
  const previous = stored.ok ? stored.schema : null;
  const sheets = ss.getSheets();
  const names = sheets.map((s) => s.getName());

  // Leftovers of an interrupted set-up.
  sheets.forEach((s, i) => { if ((names[i] ?? '').startsWith(TEMP_SHEET_PREFIX)) ss.deleteSheet(s); });

  let sheet: Sheet | null = null;
  let headerRow = 1;
  let layout: Layout;
  let temp = false;
  const existing = (target === 'auto' || target === 'reapply') && previous ? findTableSheet(ss, previous) : null;
  if (existing && previous) {
    sheet = existing;
    headerRow = previous.location?.headerRow ?? 1;
    const read = readLayout(sheet, schema, headerRow);
    schema = mergeHeaders(schema, previous, read.layout, read.headers);
    layout = placeMissing(read.layout, schema.fields, read.lastColumn);
  } else {
    const active = ss.getActiveSheet();
    if (target !== 'new' && !active.getName().startsWith(TEMP_SHEET_PREFIX) && isSheetEmpty(active)) {
      sheet = active;
    } else {
      const needed = 1000 * Math.max(26, schema.fields.length);
      if (totalCells(ss.getSheets()) + needed > MAX_CELLS) throw new UserError('setup.error.tooManyCells', { cells: needed });
      sheet = ss.insertSheet(`${TEMP_SHEET_PREFIX}-${Date.now()}`);
      sheet.hideSheet();
      temp = true;
    }
    layout = sequentialLayout(schema.fields, 1);
  }

  const result = applyTable(sheet, schema, { headerRow, writeHeaders: true, layout, uiLocale, timeZone });
  if (temp) {
    sheet.setName(uniqueSheetName(ss, t(uiLocale, 'setup.newSheetName'), names));
    sheet.showSheet();
    sheet.activate();
  }
  const sheetName = sheet.getName();
  const sheetId = sheet.getSheetId();
  // A new table (new or empty sheet) has no client IDs yet: onEdit starts its counter from none.
  saveConfig({ ...schema, location: { sheetId, sheetName, headerRow } }, existing ? {} : idCounterProps(sheetId, []));
  const params = { sheet: sheetName, columns: result.columns, validations: result.validations, rules: result.rules, kept: result.keptRules };
  return {
    sheetName,
    columns: result.columns,
    validations: result.validations,
    rules: result.rules,
    keptRules: result.keptRules,
    message: t(uiLocale, result.keptRules > 0 ? 'setup.doneKept' : 'setup.done', params),
  };
}
