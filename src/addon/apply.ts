/**
 * Applies a table's set-up to a sheet (headers, formats, validation, widths, frozen header, banding,
 * warning-only header protection, our conditional-format rules, column metadata), batched: the number
 * of service calls depends on the number of columns and of existing rules/protections/bandings,
 * never on the number of rows.
 *
 * For the adopt engineer (src/addon/adopt*.ts): call
 *   applyTable(sheet, schema, { headerRow, writeHeaders: false, layout })
 * with the schema built from the inferred columns (field.header = the header text found) and the
 * layout of where each field sits; then saveConfig({ ...schema, location }) from ./config-store.
 * Nothing here changes a cell's value except the header texts when writeHeaders is true.
 *
 * Apps Script members used (the emulator must cover them):
 *   Sheet: getRange(a1), getRange(r,c,nr,nc), setFrozenRows, setColumnWidth, getMaxRows, getMaxColumns,
 *     insertColumnsAfter, getBandings, getProtections, getConditionalFormatRules,
 *     setConditionalFormatRules, createDeveloperMetadataFinder
 *   Range: setValues, setNumberFormat, setDataValidation, setFontWeight, setBackground, setFontColor,
 *     applyRowBanding, protect, addDeveloperMetadata, getRow, getColumn, getNumRows, getNumColumns
 *   Banding: getRange, remove; Protection: getDescription, setDescription, setWarningOnly, remove
 *   DeveloperMetadataFinder: withKey, find; DeveloperMetadata: getValue, getLocation, remove;
 *   DeveloperMetadataLocation: getColumn
 *   SpreadsheetApp.newDataValidation, newConditionalFormatRule, BandingTheme, ProtectionType
 *   ConditionalFormatRule: getBooleanCondition; BooleanCondition: getCriteriaType, getCriteriaValues
 */
import { FIELD_METADATA_KEY, type ColumnMetadata, type Layout } from '../core/plan/layout';
import { mergeRules, SETUP_RULE_KINDS, type RuleKind, type RulePlan } from '../core/plan/rules';
import { planSetup, type SetupPlan, type ValidationPlan } from '../core/plan/setup';
import type { TableSchema } from '../core/schema';
import type { Locale } from '../core/i18n';
import { lookupType } from './types';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Range = GoogleAppsScript.Spreadsheet.Range;

export interface ApplyOptions {
  headerRow: number;
  /** Write the schema's header texts (set-up) or keep the sheet's (adopt). */
  writeHeaders: boolean;
  layout: Layout;
  uiLocale: Locale;
  timeZone: string;
}

export interface ApplyResult {
  plan: SetupPlan;
  columns: number;
  validations: number;
  rules: number;
  keptRules: number;
}

/** Our protections are recognized by their description (both translations start with 'ClientFlow'). */
export function isOurProtection(description: string): boolean {
  return description.startsWith('ClientFlow');
}

export function buildValidation(v: ValidationPlan): GoogleAppsScript.Spreadsheet.DataValidation {
  let b = SpreadsheetApp.newDataValidation();
  const s = v.spec;
  switch (s.kind) {
    case 'list': b = b.requireValueInList(s.values, true); break;
    case 'checkbox': b = b.requireCheckbox(); break;
    case 'date': b = b.requireDate(); break;
    case 'number':
      if (s.min !== undefined && s.max !== undefined) b = b.requireNumberBetween(s.min, s.max);
      else if (s.min !== undefined) b = b.requireNumberGreaterThanOrEqualTo(s.min);
      else if (s.max !== undefined) b = b.requireNumberLessThanOrEqualTo(s.max);
      else b = b.requireNumberBetween(-1e15, 1e15);
      break;
    case 'customFormula': b = b.requireFormulaSatisfied(s.formula); break;
  }
  return b.setAllowInvalid(v.allowInvalid).setHelpText(v.helpText).build();
}

function ruleFormula(rule: GoogleAppsScript.Spreadsheet.ConditionalFormatRule): string | null {
  const cond = rule.getBooleanCondition();
  if (!cond) return null;
  if (cond.getCriteriaType() !== SpreadsheetApp.BooleanCriteria.CUSTOM_FORMULA) return null;
  const v = cond.getCriteriaValues()[0];
  return typeof v === 'string' ? v : null;
}

export function buildRule(sheet: Sheet, r: RulePlan): GoogleAppsScript.Spreadsheet.ConditionalFormatRule {
  let b = SpreadsheetApp.newConditionalFormatRule().whenFormulaSatisfied(r.formula);
  if (r.format.background) b = b.setBackground(r.format.background);
  if (r.format.fontColor) b = b.setFontColor(r.format.fontColor);
  if (r.format.bold) b = b.setBold(true);
  return b.setRanges(r.ranges.map((a) => sheet.getRange(a))).build();
}

/**
 * Replaces our rules of the given kinds by `ours` (first, highest precedence) and keeps every other
 * rule in order, in one setConditionalFormatRules call.
 */
export function replaceRules(sheet: Sheet, ours: readonly RulePlan[], kinds: ReadonlySet<RuleKind>): { rules: number; keptRules: number } {
  const existing = sheet.getConditionalFormatRules();
  const { keep, userRules } = mergeRules(existing, ruleFormula, kinds);
  const built = ours.map((r) => buildRule(sheet, r));
  sheet.setConditionalFormatRules([...built, ...keep]);
  return { rules: built.length, keptRules: userRules };
}

/** Column metadata 'clientflow.field' on the sheet. */
export function readColumnMetadata(sheet: Sheet): Array<ColumnMetadata & { md: GoogleAppsScript.Spreadsheet.DeveloperMetadata }> {
  const found = sheet.createDeveloperMetadataFinder().withKey(FIELD_METADATA_KEY).find();
  const out: Array<ColumnMetadata & { md: GoogleAppsScript.Spreadsheet.DeveloperMetadata }> = [];
  for (const md of found) {
    const col = md.getLocation().getColumn();
    out.push({ column: col ? col.getColumn() : 0, key: md.getValue() ?? '', md });
  }
  return out;
}

function overlaps(r: Range, first: number, last: number, firstCol: number, lastCol: number): boolean {
  const r1 = r.getRow();
  const c1 = r.getColumn();
  const r2 = r1 + r.getNumRows() - 1;
  const c2 = c1 + r.getNumColumns() - 1;
  return r1 <= last && r2 >= first && c1 <= lastCol && c2 >= firstCol;
}

export function applyTable(sheet: Sheet, schema: TableSchema, opts: ApplyOptions): ApplyResult {
  const plan = planSetup(schema, opts.layout, opts.headerRow, {
    timeZone: opts.timeZone,
    maxRows: sheet.getMaxRows(),
    uiLocale: opts.uiLocale,
    writeHeaders: opts.writeHeaders,
  }, lookupType);
  const lastCol = plan.columns.length ? (plan.columns[plan.columns.length - 1] as { column: number }).column : 0;
  const maxCols = sheet.getMaxColumns();
  if (lastCol > maxCols) sheet.insertColumnsAfter(maxCols, lastCol - maxCols);

  // 1. Column metadata: keep what is right, remove what is stale, add what is missing.
  const meta = readColumnMetadata(sheet);
  const want = new Map(plan.columns.map((c) => [c.column, c.key]));
  const have = new Set<number>();
  for (const m of meta) {
    if (want.get(m.column) === m.key && !have.has(m.column)) have.add(m.column);
    else m.md.remove();
  }
  for (const c of plan.columns) {
    if (!have.has(c.column)) sheet.getRange(`${c.letter}:${c.letter}`).addDeveloperMetadata(FIELD_METADATA_KEY, c.key);
  }

  // 2. Per column: number format and validation over every row below the header, width.
  let validations = 0;
  for (const c of plan.columns) {
    const range = sheet.getRange(c.dataRange);
    range.setNumberFormat(c.numberFormat);
    range.setDataValidation(c.validation ? buildValidation(c.validation) : null);
    if (c.validation) validations++;
    sheet.setColumnWidth(c.column, c.width);
  }

  // 3. Banding over the data rows of the table (an overlapping banding would make Sheets refuse ours).
  const firstCol = plan.columns[0]?.column ?? 1;
  for (const b of sheet.getBandings()) {
    if (overlaps(b.getRange(), plan.headerRow, plan.lastRow, firstCol, lastCol)) b.remove();
  }
  if (plan.banding) sheet.getRange(plan.banding.a1).applyRowBanding(SpreadsheetApp.BandingTheme.LIGHT_GREY, false, false);

  // 4. Header protection, warning only (editors can still fix a header).
  for (const p of sheet.getProtections(SpreadsheetApp.ProtectionType.RANGE)) {
    if (isOurProtection(p.getDescription())) p.remove();
  }
  for (const a of plan.protection.a1s) sheet.getRange(a).protect().setDescription(plan.protection.description).setWarningOnly(true);

  // 5. Our rules in one call.
  const { rules, keptRules } = replaceRules(sheet, plan.rules, SETUP_RULE_KINDS);

  // 6. Header row last: style, text (plain text format so '=…' or '+…' stays text), frozen.
  for (const h of plan.headerBlocks) {
    const range = sheet.getRange(h.a1);
    range.setNumberFormat('@');
    if (plan.writeHeaders) range.setValues([h.headers]);
    range.setFontWeight('bold').setBackground(plan.headerStyle.background).setFontColor(plan.headerStyle.fontColor);
  }
  sheet.setFrozenRows(plan.frozenRows);
  return { plan, columns: plan.columns.length, validations, rules, keptRules };
}
