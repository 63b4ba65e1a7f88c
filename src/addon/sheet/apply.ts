/**
 * Applies a table's set-up to a sheet (headers, formats, validation, widths, frozen header, banding,
 * warning-only header protection, our conditional-format rules, column metadata), batched: the number
 * of service calls depends on the number of columns, of distinct formats and rules, and of existing
 * rules/protections/bandings, never on the number of rows.
 *
 * Batching (each service call costs ~25 ms in Apps Script, so a set-up of 20 columns must not make
 * hundreds): every Range the set-up needs comes from one Sheet.getRangeList(a1s).getRanges() (two calls
 * for any number of ranges); one number format per distinct format over a RangeList; one validation
 * per block of adjacent columns with the same rule (each distinct rule built once); one width per run of
 * adjacent columns of the same width (setColumnWidths); rule builders reused while ranges and format
 * keys stay the same; our rules recognized with two calls per existing rule.
 * Ref: https://developers.google.com/apps-script/reference/spreadsheet/sheet#getRangeList(String)
 * Ref: https://developers.google.com/apps-script/reference/spreadsheet/range-list#setNumberFormat(String)
 * Ref: https://developers.google.com/apps-script/reference/spreadsheet/sheet#setColumnWidths(Integer,Integer,Integer)
 *
 * To apply a schema without writing headers (adopt, src/addon/adopt/adopt.ts): call
 *   applyTable(sheet, schema, { headerRow, writeHeaders: false, layout, keepFormatsThrough })
 * with the schema built from the inferred columns (field.header = the header text found) and the
 * layout of where each field sits; then saveConfig({ ...schema, location }) from ../config/store.
 * Nothing here changes a cell's value except the header texts when writeHeaders is true.
 *
 * Apps Script members used (the emulator must cover them):
 *   Sheet: getRangeList, getRange(r,c,nr,nc) (none per rule or column), getFrozenRows, setFrozenRows, setColumnWidths,
 *     getMaxRows, getMaxColumns, insertColumnsAfter, getBandings, getProtections,
 *     getConditionalFormatRules, setConditionalFormatRules, createDeveloperMetadataFinder
 *   RangeList: getRanges, setNumberFormat, clearDataValidations, setFontWeight, setBackground, setFontColor
 *   Range: getValues, getFormulas, getMergedRanges, getA1Notation, setValues, setNumberFormat, setDataValidation, clearDataValidations, setFontWeight,
 *     setBackground, setFontColor, applyRowBanding, protect, addDeveloperMetadata, getRow, getColumn,
 *     getNumRows, getNumColumns
 *   Banding: getRange, remove; Protection: getDescription, setDescription, setWarningOnly, remove, getRange
 *   DeveloperMetadataFinder: withKey, find; DeveloperMetadata: getValue, getLocation, remove;
 *   DeveloperMetadataLocation: getColumn
 *   SpreadsheetApp.newDataValidation, newConditionalFormatRule, BandingTheme, ProtectionType
 *   PropertiesService.getDocumentProperties: getProperty, setProperty, deleteProperty (PROTECTING_KEY)
 *   ConditionalFormatRule: getBooleanCondition, copy; BooleanCondition: getCriteriaValues
 */
import { FIELD_METADATA_KEY, type Layout } from '../../core/table/layout';
import { a1 } from '../../core/table/a1';
import { mergeRules, ruleKind, SETUP_RULE_KINDS, type RuleFormat, type RuleKind, type RulePlan } from '../../core/setup/rules';
import { planSetup, type PlanContext, type SetupPlan, type ValidationPlan } from '../../core/setup/plan';
import type { TableSchema } from '../../core/schema';
import { t, type Locale } from '../../core/i18n';
import { fieldType } from '../../core/fields';
import { readColumnMetadata } from './table';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Range = GoogleAppsScript.Spreadsheet.Range;
type Rule = GoogleAppsScript.Spreadsheet.ConditionalFormatRule;

export interface ApplyOptions {
  headerRow: number;
  /** Write the schema's header texts (set-up) or keep the sheet's (adopt). */
  writeHeaders: boolean;
  layout: Layout;
  uiLocale: Locale;
  timeZone: string;
  /**
   * Adopt: columns (1-based) whose existing number formats are kept on rows up to and including the
   * given sheet row (ours would change how their values read); our format covers only the rows below.
   */
  keepFormatsThrough?: ReadonlyMap<number, number>;
  /** Rules of ours put before the set-up's (adopt's 'invalid' highlight), in the same single replacement. */
  firstRules?: readonly RulePlan[];
  /** Adopt: dropdown fields whose cells hold variants (their list rule warns; see planSetup). */
  variants?: PlanContext['variants'];
}

export interface ApplyResult {
  plan: SetupPlan;
  columns: number;
  validations: number;
  rules: number;
  keptRules: number;
  /** A1 of a merged cell the freeze line below the header would cut: the header row was not frozen. */
  notFrozen: string | null;
  /** Header protections of ours this user may not remove (set by someone with more rights): left as they are. */
  protectionsKept: number;
}

/**
 * A merged cell the freeze line under `row` would cut (Sheets refuses such a freeze: "You can't freeze
 * rows which contain only part of a merged cell"), read before anything changes: the merges touching
 * rows `row` and `row + 1` (Range.getMergedRanges: merged cells "fully within the current range, or
 * contain at least one cell in the current range"). Null when the line is clear.
 * Ref: https://developers.google.com/apps-script/reference/spreadsheet/range#getMergedRanges()
 * Ref: https://developers.google.com/apps-script/reference/spreadsheet/sheet#setFrozenRows(Integer)
 */
export function mergeAcrossFreeze(sheet: Sheet, row: number): string | null {
  if (row < 1 || row >= sheet.getMaxRows()) return null;
  for (const m of sheet.getRange(row, 1, 2, sheet.getMaxColumns()).getMergedRanges()) {
    const top = m.getRow();
    if (top <= row && top + m.getNumRows() - 1 > row) return m.getA1Notation();
  }
  return null;
}

/** Notes for the user about what applyTable left undone (a header not frozen, protections kept). */
export function applyNotes(r: Pick<ApplyResult, 'notFrozen' | 'protectionsKept'>, locale: Locale): string[] {
  const out: string[] = [];
  if (r.notFrozen !== null) out.push(t(locale, 'setup.notFrozen', { range: r.notFrozen }));
  if (r.protectionsKept > 0) out.push(t(locale, 'setup.protectionsKept', { count: r.protectionsKept }));
  return out;
}

/** The document property naming the header ranges a set-up is protecting, while it does (step 6). */
export const PROTECTING_KEY = 'clientflow.protecting';

/** The A1s of a half-done protection step on this sheet, from PROTECTING_KEY's value. */
function halfProtected(raw: string | null, sheetId: number): Set<string> {
  if (raw === null) return new Set();
  try {
    const v = JSON.parse(raw) as { sheetId?: unknown; a1s?: unknown };
    if (v.sheetId !== sheetId || !Array.isArray(v.a1s)) return new Set();
    return new Set(v.a1s.filter((a): a is string => typeof a === 'string'));
  } catch {
    return new Set();
  }
}

/** Apps Script's time limit: never swallowed where an error is tolerated. */
function isTimeLimit(e: unknown): boolean {
  return e instanceof Error && /Exceeded maximum execution time/i.test(e.message);
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

/**
 * Range objects for A1 notations of one sheet: one getRangeList + getRanges for all of them (two
 * service calls, however many ranges), instead of one Sheet.getRange per range.
 * Ref: https://developers.google.com/apps-script/reference/spreadsheet/sheet#getRangeList(String)
 */
export function rangesByA1(sheet: Sheet, a1s: Iterable<string>, into: Map<string, Range> = new Map()): Map<string, Range> {
  const missing = [...new Set(a1s)].filter((a) => !into.has(a));
  if (missing.length === 0) return into;
  const ranges = sheet.getRangeList(missing).getRanges();
  missing.forEach((a, i) => {
    const r = ranges[i];
    if (r) into.set(a, r);
  });
  return into;
}

function rangeOf(ranges: ReadonlyMap<string, Range>, a: string): Range {
  const r = ranges.get(a);
  if (!r) throw new Error(`apply: range ${a} was not fetched`);
  return r;
}

/**
 * The custom formula of a rule, in two calls (getBooleanCondition, getCriteriaValues); null for a rule
 * without a boolean condition (a gradient: one call). The criteria type is not read: a formula of ours
 * is recognized by its marker (ruleKind), which no other criterion's value carries.
 * Ref: https://developers.google.com/apps-script/reference/spreadsheet/boolean-condition#getCriteriaValues()
 */
function ruleFormula(rule: Rule): string | null {
  const cond = rule.getBooleanCondition();
  if (!cond) return null;
  const v = cond.getCriteriaValues()[0];
  return typeof v === 'string' && v.startsWith('=') ? v : null;
}

function formatKeys(f: RuleFormat): string {
  return `${f.background ? 'b' : ''}${f.fontColor ? 'f' : ''}${f.bold ? 'B' : ''}`;
}

/**
 * Builds our rules, one builder per rule: the first from SpreadsheetApp.newConditionalFormatRule(), each
 * next one with the same format keys from the previous rule's copy() ("a rule builder preset with this
 * rule's settings"), so it sets only what differs (condition, changed colors, changed ranges). No builder
 * is built twice: whether build() snapshots a builder that is changed afterwards is not documented.
 * Ref: https://developers.google.com/apps-script/reference/spreadsheet/conditional-format-rule#copy()
 * Ref: https://developers.google.com/apps-script/reference/spreadsheet/conditional-format-rule-builder#build()
 */
export function buildRules(ours: readonly RulePlan[], ranges: ReadonlyMap<string, Range>): Rule[] {
  const out: Rule[] = [];
  let last: Rule | null = null;
  let keys = '';
  let prev: RuleFormat = {};
  let prevRanges = '';
  for (const r of ours) {
    const k = formatKeys(r.format);
    let b: GoogleAppsScript.Spreadsheet.ConditionalFormatRuleBuilder;
    if (!last || k !== keys) {
      b = SpreadsheetApp.newConditionalFormatRule();
      keys = k;
      prev = {};
      prevRanges = '';
    } else {
      b = last.copy();
    }
    b = b.whenFormulaSatisfied(r.formula);
    if (r.format.background && r.format.background !== prev.background) b = b.setBackground(r.format.background);
    if (r.format.fontColor && r.format.fontColor !== prev.fontColor) b = b.setFontColor(r.format.fontColor);
    if (r.format.bold && !prev.bold) b = b.setBold(true);
    const rk = r.ranges.join(',');
    if (rk !== prevRanges) b = b.setRanges(r.ranges.map((a) => rangeOf(ranges, a)));
    prev = r.format;
    prevRanges = rk;
    last = b.build();
    out.push(last);
  }
  return out;
}

/**
 * Replaces our rules of the given kinds by `ours` (first, highest precedence) and keeps every other
 * rule in order, in one setConditionalFormatRules call. Ranges not in `ranges` are fetched in one
 * getRangeList.
 */
export function replaceRules(sheet: Sheet, ours: readonly RulePlan[], kinds: ReadonlySet<RuleKind>, ranges: Map<string, Range> = new Map()): { rules: number; keptRules: number } {
  const existing = sheet.getConditionalFormatRules();
  const { keep, userRules } = mergeRules(existing, ruleFormula, kinds);
  rangesByA1(sheet, ours.flatMap((r) => r.ranges), ranges);
  const built = buildRules(ours, ranges);
  if (built.length > 0 || keep.length !== existing.length) sheet.setConditionalFormatRules([...built, ...keep]);
  return { rules: built.length, keptRules: userRules };
}

/**
 * Whether the sheet's first conditional-format rule is one of ours of these kinds. Our highlight of
 * broken cells ('invalid') is always put first in precedence (replaceRules puts ours before the rest), so
 * one rule is read: reading each rule's condition is two service calls. Returns the sheet's rules when
 * it does (for replaceLeadingRule), else null.
 */
export function leadsWithRule(sheet: Sheet, kinds: ReadonlySet<RuleKind>): Rule[] | null {
  const rules = sheet.getConditionalFormatRules();
  const first = rules[0];
  const kind = first ? ruleKind(ruleFormula(first)) : null;
  return kind !== null && kinds.has(kind) ? rules : null;
}

/**
 * Replaces the leading rule of ours (`rules`, as leadsWithRule read them) by `ours`, keeping every
 * other rule in order without reading it: two calls for the whole set, where replaceRules reads each
 * rule's condition (two calls a rule) to find ours wherever they sit.
 */
export function replaceLeadingRule(sheet: Sheet, rules: readonly Rule[], ours: readonly RulePlan[]): void {
  const ranges = new Map<string, Range>();
  rangesByA1(sheet, ours.flatMap((r) => r.ranges), ranges);
  sheet.setConditionalFormatRules([...buildRules(ours, ranges), ...rules.slice(1)]);
}

function overlaps(r: Range, first: number, last: number, firstCol: number, lastCol: number): boolean {
  const r1 = r.getRow();
  const c1 = r.getColumn();
  const r2 = r1 + r.getNumRows() - 1;
  const c2 = c1 + r.getNumColumns() - 1;
  return r1 <= last && r2 >= first && c1 <= lastCol && c2 >= firstCol;
}

/** Runs of adjacent columns with the same key: [first column, last column, key]. */
function runs<T>(items: ReadonlyArray<{ column: number }>, keyOf: (i: number) => string, valueOf: (i: number) => T): Array<{ first: number; last: number; key: string; value: T }> {
  const out: Array<{ first: number; last: number; key: string; value: T }> = [];
  items.forEach((c, i) => {
    const key = keyOf(i);
    const last = out[out.length - 1];
    if (last && last.last + 1 === c.column && last.key === key) last.last = c.column;
    else out.push({ first: c.column, last: c.column, key, value: valueOf(i) });
  });
  return out;
}

/** One call for one range, two (getRangeList + the call) for several. */
function onRanges(sheet: Sheet, a1s: readonly string[], ranges: ReadonlyMap<string, Range>, fn: (t: Range | GoogleAppsScript.Spreadsheet.RangeList) => unknown): void {
  if (a1s.length === 0) return;
  fn(a1s.length === 1 ? rangeOf(ranges, a1s[0] as string) : sheet.getRangeList([...a1s]));
}

/** Writes the header texts that differ from the sheet's, skipping formula cells (see applyTable, step 8). */
function writeHeaderCells(sheet: Sheet, plan: SetupPlan, firstCol: number, lastCol: number): void {
  const row = sheet.getRange(plan.headerRow, firstCol, 1, lastCol - firstCol + 1);
  const values = row.getValues()[0] ?? [];
  const formulas = row.getFormulas()[0] ?? [];
  const writes: Array<{ a1: string; headers: string[] }> = [];
  for (const h of plan.headerBlocks) {
    let run: { column: number; headers: string[] } | null = null;
    const flush = () => {
      if (run) writes.push({ a1: a1(plan.headerRow, run.column, plan.headerRow, run.column + run.headers.length - 1), headers: run.headers });
      run = null;
    };
    h.headers.forEach((text, i) => {
      const col = h.column + i;
      const have = values[col - firstCol];
      const same = String(have instanceof Date ? '' : have ?? '') === text;
      if (same || (formulas[col - firstCol] ?? '') !== '') { flush(); return; }
      if (run) run.headers.push(text);
      else run = { column: col, headers: [text] };
    });
    flush();
  }
  if (writes.length === 0) return;
  const ranges = rangesByA1(sheet, writes.map((w) => w.a1));
  for (const w of writes) rangeOf(ranges, w.a1).setValues([w.headers]);
}

export function applyTable(sheet: Sheet, schema: TableSchema, opts: ApplyOptions): ApplyResult {
  const plan = planSetup(schema, opts.layout, opts.headerRow, {
    timeZone: opts.timeZone,
    maxRows: sheet.getMaxRows(),
    uiLocale: opts.uiLocale,
    writeHeaders: opts.writeHeaders,
    ...(opts.variants ? { variants: opts.variants } : {}),
  }, fieldType);
  const lastCol = plan.columns.length ? (plan.columns[plan.columns.length - 1] as { column: number }).column : 0;
  // Checked before anything changes: a freeze through a merged cell would fail at the very end.
  const frozenBefore = sheet.getFrozenRows();
  const notFrozen = frozenBefore === plan.frozenRows ? null : mergeAcrossFreeze(sheet, plan.frozenRows);
  const maxCols = sheet.getMaxColumns();
  if (lastCol > maxCols) sheet.insertColumnsAfter(maxCols, lastCol - maxCols);

  // The A1 of every range below, fetched at once.
  const formatA1 = (c: SetupPlan['columns'][number]): string | null => {
    const kept = opts.keepFormatsThrough?.get(c.column);
    if (kept === undefined || kept < plan.firstDataRow) return c.dataRange;
    return kept < plan.lastRow ? a1(kept + 1, c.column, plan.lastRow, c.column) : null;
  };
  const validationRuns = runs(plan.columns, (i) => JSON.stringify(plan.columns[i]?.validation ?? null), (i) => plan.columns[i]?.validation ?? null)
    .map((r) => ({ ...r, a1: a1(plan.firstDataRow, r.first, plan.lastRow, r.last) }));

  // 1. Column metadata: keep what is right, remove what is stale, add what is missing.
  const meta = readColumnMetadata(sheet);
  const want = new Map(plan.columns.map((c) => [c.column, c.key]));
  const have = new Set<number>();
  for (const m of meta) {
    if (want.get(m.column) === m.key && !have.has(m.column)) have.add(m.column);
    else m.md.remove();
  }
  const metaA1 = (c: { letter: string }) => `${c.letter}:${c.letter}`;
  const needMeta = plan.columns.filter((c) => !have.has(c.column));
  const wanted: string[] = [
    ...needMeta.map(metaA1),
    ...validationRuns.map((r) => r.a1),
    ...plan.columns.map(formatA1).filter((a): a is string => a !== null),
    ...(plan.banding ? [plan.banding.a1] : []),
    ...plan.protection.a1s,
    ...plan.headerBlocks.map((h) => h.a1),
    ...plan.rules.flatMap((r) => r.ranges),
    ...(opts.firstRules ?? []).flatMap((r) => r.ranges),
  ];
  const ranges = rangesByA1(sheet, wanted);
  for (const c of needMeta) rangeOf(ranges, metaA1(c)).addDeveloperMetadata(FIELD_METADATA_KEY, c.key);

  // 2. Number formats over every row below the header: one call (or RangeList) per distinct format.
  //    The header blocks are plain text ('@') too, set here, before their texts are written.
  const byFormat = new Map<string, string[]>();
  const addFormat = (fmt: string, a: string) => { const l = byFormat.get(fmt) ?? []; l.push(a); byFormat.set(fmt, l); };
  for (const c of plan.columns) {
    const a = formatA1(c);
    if (a !== null) addFormat(c.numberFormat, a);
  }
  for (const h of plan.headerBlocks) addFormat('@', h.a1);
  for (const [fmt, a1s] of byFormat) onRanges(sheet, a1s, ranges, (t) => t.setNumberFormat(fmt));

  // 3. Validation per block of adjacent columns with the same rule; each distinct rule built once;
  //    columns without a rule cleared together.
  const built = new Map<string, GoogleAppsScript.Spreadsheet.DataValidation>();
  const clear: string[] = [];
  for (const r of validationRuns) {
    if (!r.value) { clear.push(r.a1); continue; }
    let dv = built.get(r.key);
    if (!dv) { dv = buildValidation(r.value); built.set(r.key, dv); }
    rangeOf(ranges, r.a1).setDataValidation(dv);
  }
  onRanges(sheet, clear, ranges, (t) => t.clearDataValidations());
  const validations = plan.columns.filter((c) => c.validation).length;

  // 4. Widths per run of adjacent columns of the same width.
  for (const w of runs(plan.columns, (i) => String(plan.columns[i]?.width), (i) => plan.columns[i]?.width ?? 120)) {
    sheet.setColumnWidths(w.first, w.last - w.first + 1, w.value);
  }

  // 5. Banding over the data rows of the table (an overlapping banding would make Sheets refuse ours).
  const firstCol = plan.columns[0]?.column ?? 1;
  for (const b of sheet.getBandings()) {
    if (overlaps(b.getRange(), plan.headerRow, plan.lastRow, firstCol, lastCol)) b.remove();
  }
  if (plan.banding) rangeOf(ranges, plan.banding.a1).applyRowBanding(SpreadsheetApp.BandingTheme.LIGHT_GREY, false, false);

  // 6. Header protection, warning only (editors can still fix a header). A protection is created
  //    without a description (Range.protect(), then setDescription): a run stopped between the two
  //    calls would leave one ClientFlow cannot recognise, so the ranges being protected are written to
  //    a document property first and cleared after; the next run takes an undescribed protection over
  //    exactly such a range for ours. One of ours this user may not remove ("only the owner and the
  //    protection's editors": another editor set it up) stays as it is, and no second one is put over
  //    its range.
  //    Ref: https://developers.google.com/apps-script/reference/spreadsheet/range#protect()
  //    Ref: https://developers.google.com/apps-script/reference/spreadsheet/protection#remove()
  const store = PropertiesService.getDocumentProperties();
  const half = halfProtected(store.getProperty(PROTECTING_KEY), sheet.getSheetId());
  const kept = new Set<string>();
  for (const p of sheet.getProtections(SpreadsheetApp.ProtectionType.RANGE)) {
    const description = p.getDescription();
    if (!isOurProtection(description) && !(description === '' && half.size > 0 && half.has(p.getRange().getA1Notation()))) continue;
    try {
      p.remove();
    } catch (e) {
      if (isTimeLimit(e)) throw e;
      kept.add(p.getRange().getA1Notation());
    }
  }
  const toProtect = plan.protection.a1s.filter((a) => !kept.has(a));
  if (toProtect.length > 0) {
    store.setProperty(PROTECTING_KEY, JSON.stringify({ sheetId: sheet.getSheetId(), a1s: toProtect }));
    for (const a of toProtect) rangeOf(ranges, a).protect().setDescription(plan.protection.description).setWarningOnly(true);
    store.deleteProperty(PROTECTING_KEY);
  } else if (half.size > 0) {
    store.deleteProperty(PROTECTING_KEY);
  }

  // 7. Our rules in one call.
  const first = opts.firstRules ?? [];
  const { rules, keptRules } = replaceRules(sheet, [...first, ...plan.rules], SETUP_RULE_KINDS, ranges);

  // 8. Header row last: text (in '@' cells, so '=…' or '+…' stays text), style, frozen. Only the cells
  //    whose text changes are written, and never a formula cell (a header ="Amount "&"USD" stays a
  //    formula): the row is read once (values and formulas of its span), and each run of cells to
  //    write gets one setValues (all runs' ranges fetched in one getRangeList).
  if (plan.writeHeaders && plan.headerBlocks.length > 0) writeHeaderCells(sheet, plan, firstCol, lastCol);
  onRanges(sheet, plan.headerBlocks.map((h) => h.a1), ranges, (t) => {
    t.setFontWeight('bold').setBackground(plan.headerStyle.background).setFontColor(plan.headerStyle.fontColor);
  });
  if (notFrozen === null && frozenBefore !== plan.frozenRows) sheet.setFrozenRows(plan.frozenRows);
  return { plan, columns: plan.columns.length, validations, rules: rules - first.length, keptRules, notFrozen, protectionsKept: kept.size };
}
