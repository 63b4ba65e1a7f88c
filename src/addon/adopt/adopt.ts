/**
 * "Adopt this sheet": a sheet that already holds clients becomes a ClientFlow table without any of its
 * values changing. Flow (docs/ARCHITECTURE.md): one batched read → core inference → a *mapping* (per column:
 * adopted or left alone, role, type, required, options; src/core/adopt/mapping.ts) → confirm (menu:
 * an alert, YES/NO; sidebar: the Adopt panel, where the user can edit the mapping) → applyAdoptMapping,
 * shared by both: apply validation, formats, colors (the set-up's applyTable) → save the schema →
 * report and highlight the cells that do not fit (never altering them).
 *
 * Service calls do not grow with rows: the read is getValues/getFormulas/getNumberFormats of one block,
 * plus getMergedRanges of the top rows; the apply is per column; the highlight is one conditional-format
 * rule whose ranges are capped (HIGHLIGHT_MAX_RANGES) and fetched in one getRangeList.
 */
import { regionFromLocale, fieldType, defaultContext, issueMessage, nextClientId } from '../../core/fields';
import type { CellValue, IssueCode, TypeContext } from '../../core/fields/types';
import { t, type Locale } from '../../core/i18n';
import { inferSheet, inferWithPhoneRegion, toSchema, type MergedBlock } from '../../core/infer';
import { doneText, idFormats, sortIssues, type IdFormats } from '../../core/adopt/report';
import { a1 } from '../../core/table/a1';
import { mergeWithExisting } from '../../core/adopt/merge';
import { adoptMappingSchema, REPORT_CELLS, type AdoptMapping, type AdoptPreview, type AdoptReport } from '../../core/api/adopt';
import { checkMapping, mappingProblemParams, type MappingProblem } from '../../core/adopt/check-mapping';
import { resolveLayout } from '../../core/table/layout';
import { RULE_COLORS, markedFormula, type RulePlan } from '../../core/setup/rules';
import { highlightRuns, validateRows } from '../../core/check/validate';
import { idSummary } from '../../core/edit/autofill';
import { fieldByRole, parseSchema, type TableSchema } from '../../core/schema';
import { applyNotes, applyTable } from '../sheet/apply';
import { readColumnMetadata } from '../sheet/table';
import { idCounterProps, loadConfig, saveConfig } from '../config/store';
import { UserError } from '../runtime/errors';
import { readTimeZone } from '../sheet/table';
import { keepFormatColumns } from '../../core/adopt/formats';
import { variantCells, variantSummary } from '../../core/adopt/variants';
import { buildPreview, defaultMapping, fillOptions, matchSheet, ownDateColumns, schemaFromMapping, withAutoFields, type AdoptBasis } from '../../core/adopt/mapping';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** More than this many cells in the sheet's data block is refused with a message (no crash). */
export const ADOPT_MAX_CELLS = 5_000_000;
/** Rows scanned for the header (and merged header cells). */
export const HEADER_SCAN_ROWS = 30;
/** The highlight rule covers at most this many ranges (runs of broken cells in a column). */
export const HIGHLIGHT_MAX_RANGES = 200;

export interface AdoptRead {
  sheet: Sheet;
  sheetName: string;
  values: CellValue[][];
  formulas: string[][];
  formats: string[][];
  merged: MergedBlock[];
  timeZone: string;
  spreadsheetLocale: string;
}

/** The batched read: a constant number of calls whatever the row count. */
export function readSheet(sheet: Sheet, lastRow: number, lastCol: number, spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet): AdoptRead {
  const block = sheet.getRange(1, 1, lastRow, lastCol);
  const values = block.getValues() as CellValue[][];
  const formulas = block.getFormulas();
  const formats = block.getNumberFormats();
  const top = sheet.getRange(1, 1, Math.min(lastRow, HEADER_SCAN_ROWS), lastCol);
  const merged: MergedBlock[] = top.getMergedRanges().slice(0, 50).map((r) => ({
    row: r.getRow() - 1, column: r.getColumn() - 1, rows: r.getNumRows(), columns: r.getNumColumns(),
  }));
  return {
    sheet,
    sheetName: sheet.getName(),
    values,
    formulas,
    formats,
    merged,
    timeZone: readTimeZone(spreadsheet),
    spreadsheetLocale: spreadsheet.getSpreadsheetLocale(),
  };
}

/** One adopt, read and inferred: everything needed to preview, confirm and apply a mapping. */
export interface AdoptPlan extends AdoptBasis {
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet;
  sheet: Sheet;
  read: AdoptRead;
  /** 1-based header row. */
  headerRow: number;
  existing: TableSchema | null;
}

/**
 * The batched read of a sheet, its inference, and the schema adopting it would apply (merged with an
 * earlier adopt or set-up of the same sheet). Throws a UserError for a sheet that cannot be adopted.
 */
export function planAdopt(ss: GoogleAppsScript.Spreadsheet.Spreadsheet, sheet: Sheet, locale: Locale): AdoptPlan {
  const lastRow = sheet.getLastRow();
  const lastCol = sheet.getLastColumn();
  if (lastRow === 0 || lastCol === 0) throw new UserError('adopt.error.empty');
  if (lastRow * lastCol > ADOPT_MAX_CELLS) {
    throw new UserError('adopt.error.tooLarge', { cells: (lastRow * lastCol).toLocaleString('en-US'), limit: ADOPT_MAX_CELLS.toLocaleString('en-US') });
  }
  const read = readSheet(sheet, lastRow, lastCol, ss);
  const sheetId = sheet.getSheetId();

  const stored = loadConfig();
  const existing = stored.ok && stored.schema.location?.sheetId === sheetId ? stored.schema : null;
  const baseCtx: TypeContext = existing
    ? defaultContext(existing.locale, { region: existing.region, dateOrder: existing.dateOrder, currency: existing.currency, timeZone: read.timeZone })
    : defaultContext(locale, { region: regionFromLocale(read.spreadsheetLocale), timeZone: read.timeZone });

  // On a table ClientFlow set up, the saved settings know the header row: use it instead of guessing
  // it from content (labels like '2024' or '50%' look like data).
  const savedHeader = existing?.location?.headerRow;
  const input = { grid: read.values, formulas: read.formulas, formats: read.formats, merged: read.merged, ctx: baseCtx, ...(savedHeader !== undefined ? { headerRow: savedHeader - 1 } : {}) };
  // A first adopt reads phones in the region the sheet's own numbers speak (Chinese mobiles written
  // without +86 in an en_US spreadsheet); an adopted table keeps the region it was saved with.
  const { inference: inf, ctx } = existing ? { inference: inferSheet(input), ctx: baseCtx } : inferWithPhoneRegion(input);
  if (inf.headerRow === null) throw new UserError('adopt.error.noHeader');
  const mergedHeader = inf.problems.find((p) => p.code === 'mergedHeader');
  if (mergedHeader && mergedHeader.code === 'mergedHeader') throw new UserError('adopt.error.merged', { a1: mergedHeader.a1 });

  const headers = read.values[inf.headerRow] ?? [];
  const metadata = existing ? readColumnMetadata(sheet).map((m) => ({ column: m.column, key: m.key })) : [];
  const inferred = toSchema(inf, ctx, existing?.locale ?? locale, { sheetId, sheetName: read.sheetName });
  const merged = mergeWithExisting(inferred, inf, existing, headers, metadata);
  const mergedColumns = new Set(Object.values(merged.layout.columns));
  const knownColumns = new Set(existing
    ? Object.values(resolveLayout(existing.fields, headers, metadata).columns).filter((c) => mergedColumns.has(c))
    : []);
  return {
    knownColumns,
    ownDates: ownDateColumns(inf, read.values, knownColumns),
    ss,
    sheet,
    read,
    headerRow: inf.headerRow + 1,
    existing,
    sheetId,
    sheetName: read.sheetName,
    values: read.values,
    formulas: read.formulas,
    inf,
    ctx,
    schema: merged.schema,
    layout: merged.layout,
    adoptedBefore: merged.adoptedBefore,
  };
}

/** A mapping problem as a UserError: its message names the column (role names translated). */
export function mappingError(p: MappingProblem, locale: Locale): UserError {
  return new UserError(p.key, mappingProblemParams(p, (key, params) => t(locale, key, params)), p.key);
}

export interface AdoptMisfit {
  /** 1-based sheet row and column. */
  row: number;
  column: number;
  code: IssueCode;
  hint?: string;
}

export interface AdoptResult {
  /** The translated report (menuAdopt's final alert). */
  text: string;
  sheetName: string;
  adoptedColumns: number;
  /** Every broken cell, in reading order. */
  misfits: AdoptMisfit[];
  highlighted: number;
  formulaCells: number;
  formatsKept: string[];
  /** The Client ID column's formats and next ID, as the report states them. */
  ids: IdFormats | null;
  schema: TableSchema;
}

/**
 * Applies a mapping to the planned sheet: THE apply of adopting, for menuAdopt (after its alert) and
 * the sidebar's applyAdopt alike. Checks the mapping (its own consistency, then that it still describes
 * the sheet), applies validation, formats and color rules (the set-up's applyTable), keeps number
 * formats that would change how values read, saves the schema, and highlights (never alters) the cells
 * that break their column's type. No cell value is written.
 */
export function applyAdoptMapping(plan: AdoptPlan, mapping: AdoptMapping, locale: Locale): AdoptResult {
  const problem = checkMapping(mapping) ?? matchSheet(plan, mapping, locale);
  if (problem) throw mappingError(problem, locale);
  const { sheet, read, inf, headerRow } = plan;
  const mapped = schemaFromMapping(plan, mapping);
  // Automatic columns the user chose: new ones go after the sheet's last column, headers written first.
  const built = withAutoFields(mapped, mapping.autoColumns ?? [], read.values[0]?.length ?? sheet.getLastColumn(), (role) => t(plan.existing?.locale ?? locale, `adopt.role.${role}`));
  if (built.newHeaders.length > 0) {
    const first = built.newHeaders[0].column;
    const last = built.newHeaders[built.newHeaders.length - 1].column;
    if (last > sheet.getMaxColumns()) sheet.insertColumnsAfter(sheet.getMaxColumns(), last - sheet.getMaxColumns());
    sheet.getRange(headerRow, first, 1, last - first + 1).setValues([built.newHeaders.map((h) => h.header)]);
  }

  const parsed = parseSchema({ ...built.schema, location: { sheetId: plan.sheetId, sheetName: read.sheetName, headerRow } });
  if (!parsed.ok) throw new UserError('adopt.error.invalidSchema', { detail: `${parsed.path}: ${parsed.code}` });
  const schema = parsed.schema;
  const layout = built.layout;

  const keep = keepFormatColumns(schema, layout, read, inf.dataStart, inf.dataEnd, plan.ctx);
  // Columns where our number format would change how existing values read keep theirs on the data rows
  // (sheet rows through inf.dataEnd): ours covers only the rows below. The calls do not depend on how
  // many columns keep their formats, and no format is written twice.
  const keepFormatsThrough = new Map(keep.map((k) => [k.column, inf.dataEnd] as const));

  // Cells that break their column's type: reported and highlighted, never altered. Formula cells are kept.
  // One truth: exactly the cells Check (validateRows) reports, formulas Sheets turned into #ERROR!
  // included (named as such). The highlight rule goes first, in the set-up's single replacement of our rules.
  const dataValues = read.values.slice(inf.dataStart, inf.dataEnd);
  const check = validateRows(schema, layout, dataValues, inf.dataStart + 1, 1, read.timeZone, fieldType);
  const misfits = sortIssues(check.issues);
  const { ranges, covered } = highlightRuns(misfits, HIGHLIGHT_MAX_RANGES);
  const firstRules: RulePlan[] = ranges.length
    ? [{ kind: 'invalid', ranges, formula: markedFormula('invalid', 'TRUE'), format: { ...RULE_COLORS.invalid } }]
    : [];
  // Cells holding a variant of an option: counted as it, but marked by Sheets' list rule; while they
  // remain, that rule warns instead of rejecting, and the report says why the corners appear.
  const variants = variantCells(schema, layout, dataValues);
  const applied = applyTable(sheet, schema, { headerRow, writeHeaders: false, layout, uiLocale: schema.locale, timeZone: read.timeZone, keepFormatsThrough, firstRules, variants });
  // The client-ID counter onEdit continues from, from the IDs the sheet holds (read already).
  const idField = fieldByRole(schema, 'clientId');
  const idCol = idField ? layout.columns[idField.key] : undefined;
  const ids: string[] = [];
  if (idCol !== undefined) for (let r = inf.dataStart; r < inf.dataEnd; r++) ids.push(String(read.values[r]?.[idCol - 1] ?? ''));
  saveConfig(schema, idCounterProps(plan.sheetId, idSummary(ids)));

  let formulaCells = 0;
  const cols = Object.values(layout.columns);
  for (let r = inf.dataStart; r < inf.dataEnd; r++) {
    const frow = read.formulas[r];
    if (frow) for (const c of cols) if (frow[c - 1]) formulaCells++;
  }
  const outcome = {
    sheetName: read.sheetName,
    adoptedColumns: Object.keys(layout.columns).length,
    misfits: misfits.map((i) => ({ row: i.row - 1, column: i.column - 1, code: i.code })),
    highlighted: covered,
    formulaCells,
    formatsKept: keep.map((k) => k.header),
    variants: variantSummary(variants),
    ids: idField && idCol !== undefined ? idFormats(ids, idField.type === 'autoId' ? nextClientId(idSummary(ids)) : null) : null,
  };
  return {
    text: [doneText(locale, outcome), ...applyNotes(applied, locale)].join('\n'),
    sheetName: outcome.sheetName,
    adoptedColumns: outcome.adoptedColumns,
    misfits: misfits.map((i) => ({ row: i.row, column: i.column, code: i.code, ...(i.hint !== undefined ? { hint: i.hint } : {}) })),
    highlighted: covered,
    formulaCells,
    formatsKept: outcome.formatsKept,
    ids: outcome.ids,
    schema,
  };
}

/** The mapping as it crossed the bridge, parsed with zod: a malformed one is a translated UserError. */
function parseMapping(raw: unknown, locale: Locale): AdoptMapping {
  const r = adoptMappingSchema.safeParse(raw);
  if (r.success) return r.data;
  throw mappingError(checkMapping(raw) ?? { key: 'adopt.mapping.invalid', params: { detail: 'invalid' } }, locale);
}

/** The sheet a mapping was made for (by id: a renamed sheet is still found). */
function sheetById(ss: GoogleAppsScript.Spreadsheet.Spreadsheet, sheetId: number): Sheet {
  for (const s of ss.getSheets()) if (s.getSheetId() === sheetId) return s;
  throw new UserError('adopt.mapping.sheetGone');
}

/**
 * The sidebar's preview: the active sheet's mapping, or — given a mapping the user edited — that
 * mapping checked against its sheet, new dropdowns given the options their values suggest, and every
 * column's fit recomputed for its (new) type.
 */
export function previewAdopt(locale: Locale, raw?: unknown): AdoptPreview {
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const mapping = raw === undefined || raw === null ? null : parseMapping(raw, locale);
  const plan = planAdopt(ss, mapping ? sheetById(ss, mapping.sheetId) : ss.getActiveSheet(), locale);
  if (!mapping) return buildPreview(plan, defaultMapping(plan), locale);
  const filled = fillOptions(plan, mapping);
  const problem = checkMapping(filled);
  if (problem && problem.key !== 'adopt.mapping.nothing') throw mappingError(problem, locale);
  const stale = matchSheet(plan, filled, locale);
  if (stale) throw mappingError(stale, locale);
  return buildPreview(plan, filled, locale);
}

/** The sidebar's apply: exactly the mapping given, through applyAdoptMapping (as menuAdopt). */
export function applyAdopt(locale: Locale, raw: unknown): AdoptReport {
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const mapping = parseMapping(raw, locale);
  const problem = checkMapping(mapping);
  if (problem) throw mappingError(problem, locale);
  const plan = planAdopt(ss, sheetById(ss, mapping.sheetId), locale);
  const r = applyAdoptMapping(plan, mapping, locale);
  const headers = plan.read.values[plan.headerRow - 1] ?? [];
  return {
    sheetName: r.sheetName,
    adoptedColumns: r.adoptedColumns,
    misfitCount: r.misfits.length,
    highlighted: r.highlighted,
    formulaCells: r.formulaCells,
    formatsKept: r.formatsKept,
    cells: r.misfits.slice(0, REPORT_CELLS).map((i) => {
      const v = plan.read.values[i.row - 1]?.[i.column - 1];
      return {
        a1: a1(i.row, i.column),
        header: String(headers[i.column - 1] ?? ''),
        code: i.code,
        message: issueMessage(locale, i.code, i.hint ? { hint: i.hint } : {}),
        value: v instanceof Date ? v.toISOString() : String(v ?? ''),
      };
    }),
    message: r.text,
  };
}
