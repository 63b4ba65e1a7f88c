/**
 * Set-up of a table from a schema (menuSetUp, the sidebar's applySetup).
 *
 * Where the table goes: the configured table's sheet when asked to re-apply ('auto' with a table
 * already set up: fields are matched to their columns, new fields are appended after the table,
 * removed fields keep their column and data); otherwise the active sheet when it is empty; otherwise
 * a new sheet.
 *
 * Failure half way (time limit, error): Apps Script rolls nothing back, so every set-up can be run
 * again and completes the job. A new table is built on a hidden sheet with a temporary name and only
 * renamed, shown and saved to the config at the very end. Before anything is built, a marker in the
 * document properties (PENDING_KEY) names the sheet the set-up works on (by name before the sheet
 * exists, then by id), and it is cleared once the config is saved. The next set-up recognises the
 * leftover by that marker only (never by a name pattern): a new sheet nobody typed into below its
 * header is deleted and built again, a new sheet that holds data typed since is left alone and named
 * in the summary, and an empty sheet of the user's being set up in place is set up again (same
 * template) or left as it is (another template: the new table goes on a new sheet). On an existing table, the
 * header texts and the config are written last: an interruption changes no value and the next run
 * completes the formats.
 */
import { joinList, t, type Locale } from '../../core/i18n';
import { keepFormatColumns } from '../../core/adopt/formats';
import { typeContext } from '../../core/setup/plan';
import type { CellValue } from '../../core/fields/types';
import { sequentialLayout, type Layout } from '../../core/table/layout';
import { parseSchema, type TableSchema } from '../../core/schema';
import { applyNotes, applyTable } from '../sheet/apply';
import { readDropdownRows } from '../sheet/list-rules';
import { variantCells } from '../../core/adopt/variants';
import { idCounterProps, loadConfig, readProps, saveConfig } from '../config/store';
import { UserError } from '../runtime/errors';
import { findTableSheet, isSheetEmpty, readLayout } from '../sheet/table';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** Name of the hidden sheet a new table is built on. */
export const TEMP_SHEET_PREFIX = '~clientflow-setup';
/** Sheets' limit of cells per spreadsheet. Ref: https://support.google.com/drive/answer/37603 */
export const MAX_CELLS = 10_000_000;

/**
 * The document property naming the sheet a set-up is working on, until its config is saved: `name`
 * (written before the sheet is inserted), `sheetId` (once it exists), `inPlace` (an empty sheet of the
 * user's set up where it is, not a sheet ClientFlow created), and the template and locale it was for.
 */
export const PENDING_KEY = 'clientflow.setupPending';

interface Pending { name: string; sheetId?: number; inPlace?: boolean; template?: string | null; locale?: string }

function readPending(props: Readonly<Record<string, string>>): Pending | null {
  const raw = props[PENDING_KEY];
  if (raw === undefined) return null;
  try {
    const v = JSON.parse(raw) as unknown;
    if (typeof v !== 'object' || v === null || typeof (v as Pending).name !== 'string') return null;
    return v as Pending;
  } catch {
    return null;
  }
}

function writePending(p: Pending): void {
  PropertiesService.getDocumentProperties().setProperty(PENDING_KEY, JSON.stringify(p));
}

/** The sheet a pending set-up worked on: by id once known, else by the exact temporary name it was given. */
function pendingSheet(sheets: readonly Sheet[], p: Pending): Sheet | null {
  if (p.sheetId !== undefined) return sheets.find((s) => s.getSheetId() === p.sheetId) ?? null;
  return sheets.find((s) => s.getName() === p.name) ?? null;
}

/** Nothing below the header row: what an interrupted set-up leaves, before anyone typed into it. */
function untouched(sheet: Sheet, headerRow: number): boolean {
  return sheet.getLastRow() <= headerRow;
}

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
  const props = readProps();
  const stored = loadConfig(props);
  const previous = stored.ok ? stored.schema : null;
  let sheets = ss.getSheets();

  // What an interrupted set-up left, recognised by its marker only.
  const pending = readPending(props);
  let resume: Sheet | null = null;
  let keptLeftover: string | null = null;
  if (pending) {
    const left = pendingSheet(sheets, pending);
    const isTable = left !== null && previous?.location?.sheetId === left.getSheetId();
    if (left && !isTable) {
      // The user's own sheet set up in place is never deleted: the same set-up resumes on it (what was
      // typed there since stays; set-up changes no value below the header).
      if (pending.inPlace) resume = pending.template === schema.template && pending.locale === schema.locale ? left : null;
      else if (untouched(left, 1)) { ss.deleteSheet(left); sheets = ss.getSheets(); }
      else keptLeftover = left.getName();
    }
    if (!resume) PropertiesService.getDocumentProperties().deleteProperty(PENDING_KEY);
  }
  const names = sheets.map((s) => s.getName());

  let sheet: Sheet;
  let headerRow = 1;
  let layout: Layout;
  let temp = false;
  let variants: ReturnType<typeof variantCells> | undefined;
  let keepFormatsThrough: Map<number, number> | undefined;
  let formatsKept: string[] = [];
  const existing = (target === 'auto' || target === 'reapply') && previous ? findTableSheet(ss, previous) : null;
  if (existing && previous) {
    sheet = existing;
    headerRow = previous.location?.headerRow ?? 1;
    const read = readLayout(sheet, schema, headerRow);
    schema = mergeHeaders(schema, previous, read.layout, read.headers);
    layout = placeMissing(read.layout, schema.fields, read.lastColumn);
    // Dropdown columns holding variants of an option keep a warning-only list rule (as adopt sets it)
    // until Clean up writes the labels; then the field's own strictness applies (../sheet/list-rules.ts).
    variants = variantCells(schema, layout, readDropdownRows({ sheet, schema, layout, headerRow, locale: uiLocale, timeZone }));
    // Number formats that would change how the data reads stay, as adopting keeps them
    // (core/adopt/formats.ts): a number 20241121 under a date format would read as the year 57318.
    const lastRow = sheet.getLastRow();
    if (lastRow > headerRow) {
      const block = sheet.getRange(headerRow + 1, 1, lastRow - headerRow, Math.max(1, read.lastColumn));
      const values = block.getValues() as CellValue[][];
      const keep = keepFormatColumns(schema, layout, { values, formats: block.getNumberFormats(), timeZone }, 0, values.length, typeContext(schema, null, timeZone));
      keepFormatsThrough = new Map(keep.map((k) => [k.column, lastRow] as const));
      formatsKept = keep.map((k) => k.header);
    }
  } else {
    const active = ss.getActiveSheet();
    const mark = { template: schema.template, locale: schema.locale };
    if (target !== 'new' && resume && resume.getSheetId() === active.getSheetId()) {
      sheet = active;
    } else if (target !== 'new' && isSheetEmpty(active)) {
      sheet = active;
      writePending({ name: active.getName(), sheetId: active.getSheetId(), inPlace: true, ...mark });
    } else {
      const needed = 1000 * Math.max(26, schema.fields.length);
      if (totalCells(ss.getSheets()) + needed > MAX_CELLS) throw new UserError('setup.error.tooManyCells', { cells: needed });
      const name = `${TEMP_SHEET_PREFIX}-${Date.now()}`;
      writePending({ name, ...mark });
      sheet = ss.insertSheet(name);
      sheet.hideSheet();
      temp = true;
    }
    layout = sequentialLayout(schema.fields, 1);
  }

  const result = applyTable(sheet, schema, { headerRow, writeHeaders: true, layout, uiLocale: schema.locale, timeZone, ...(variants ? { variants } : {}), ...(keepFormatsThrough ? { keepFormatsThrough } : {}) });
  if (temp) {
    // From here the temporary name goes: the marker names the sheet by id.
    writePending({ name: sheet.getName(), sheetId: sheet.getSheetId(), template: schema.template, locale: schema.locale });
    sheet.setName(uniqueSheetName(ss, t(uiLocale, 'setup.newSheetName'), names));
    sheet.showSheet();
    sheet.activate();
  }
  const sheetName = sheet.getName();
  const sheetId = sheet.getSheetId();
  // A new table (new or empty sheet) has no client IDs yet: onEdit starts its counter from none.
  saveConfig({ ...schema, location: { sheetId, sheetName, headerRow } }, existing ? {} : idCounterProps(sheetId, []));
  if (!existing || resume) PropertiesService.getDocumentProperties().deleteProperty(PENDING_KEY);
  const params = { sheet: sheetName, columns: result.columns, validations: result.validations, rules: result.rules, kept: result.keptRules };
  const done = t(uiLocale, result.keptRules > 0 ? 'setup.doneKept' : 'setup.done', params);
  return {
    sheetName,
    columns: result.columns,
    validations: result.validations,
    rules: result.rules,
    keptRules: result.keptRules,
    message: [
      done, ...applyNotes(result, uiLocale),
      ...(formatsKept.length ? [t(uiLocale, 'adopt.formatsKept', { list: joinList(uiLocale, formatsKept) })] : []),
      ...(keptLeftover === null ? [] : [t(uiLocale, 'setup.leftoverKept', { sheet: keptLeftover })]),
    ].join(' '),
  };
}
