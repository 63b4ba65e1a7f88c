/**
 * The contract suite: one claim per test about Sheets' behaviour that the add-on relies on, each with
 * its source. The same code runs on the emulator (dev/contract/run.ts, `npm run contract`) and inside a
 * real spreadsheet (dist/contract/Code.js, `runContract`), so the two outputs can be compared
 * (dev/contract/compare.ts). Nothing here may use Node or the emulator: only the Apps Script services
 * in `ContractEnv`.
 *
 * Each claim runs on a fresh scratch sheet that is deleted afterwards. A claim throws when Sheets does
 * not behave as claimed; what it returns is the observed detail.
 *
 * Event-shape claims need a person (scripts' edits fire no onEdit): `PERSON_STEPS` lists the actions,
 * `recordEdit` (the kit's onEdit) keeps the shape of each event in document properties, and the claims
 * read the recording. On the emulator the runner performs the steps with `personEdit`.
 */

type SS = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

export interface ContractEnv {
  SpreadsheetApp: GoogleAppsScript.Spreadsheet.SpreadsheetApp;
  PropertiesService: GoogleAppsScript.Properties.PropertiesService;
  LockService: GoogleAppsScript.Lock.LockService;
}

export interface ClaimCtx {
  env: ContractEnv;
  ss: SS;
  /** A fresh sheet for this claim (deleted after it). */
  sheet: Sheet;
}

export interface Claim {
  name: string;
  source: string;
  run(ctx: ClaimCtx): unknown;
}

export interface ClaimResult {
  name: string;
  source: string;
  ok: boolean;
  detail: string;
}
export interface ContractReport {
  passed: number;
  failed: number;
  claims: ClaimResult[];
}

// ---- small assertion helpers (no library: this runs in Apps Script) ----
function show(v: unknown): string {
  if (v instanceof Date || Object.prototype.toString.call(v) === '[object Date]') return `Date(${(v as Date).toISOString()})`;
  try {
    return JSON.stringify(v) ?? String(v);
  } catch {
    return String(v);
  }
}
function eq(actual: unknown, expected: unknown, what = 'value'): string {
  if (show(actual) !== show(expected)) throw new Error(`${what}: expected ${show(expected)}, got ${show(actual)}`);
  return `${what} ${show(actual)}`;
}
function ok(cond: boolean, message: string): void {
  if (!cond) throw new Error(message);
}
function throwsWith(fn: () => unknown, text: string): string {
  try {
    fn();
  } catch (e) {
    const m = e && typeof e === 'object' && 'message' in e ? String((e as Error).message) : String(e);
    if (m.indexOf(text) === -1) throw new Error(`threw "${m}", expected a message containing "${text}"`, { cause: e });
    return `threw "${m}"`;
  }
  throw new Error(`did not throw (expected "${text}")`);
}
function isDate(v: unknown): boolean {
  return Object.prototype.toString.call(v) === '[object Date]';
}

const REF = 'https://developers.google.com/apps-script/reference/spreadsheet/';
const EVENTS = 'https://developers.google.com/apps-script/guides/triggers/events#edit';
const GETEDITTYPE = 'https://github.com/tanaikech/GetEditType (measured)';
const RE2 = 'https://support.google.com/docs/answer/3098292 (REGEXMATCH uses RE2); https://github.com/google/re2/wiki/Syntax';

/** Writes one row into A1 of a sheet with the given formats first, and returns what reads back. */
function writeRead(sheet: Sheet, value: string, format?: string): { value: unknown; formula: string; format: string } {
  const r = sheet.getRange('A1');
  if (format) r.setNumberFormat(format);
  r.setValues([[value]]);
  return { value: r.getValues()[0]?.[0], formula: r.getFormulas()[0]?.[0] ?? '', format: r.getNumberFormats()[0]?.[0] ?? '' };
}
function formulaResult(sheet: Sheet, formula: string): unknown {
  const r = sheet.getRange('A1');
  r.setFormula(formula);
  return r.getValue();
}

export const CLAIMS: Claim[] = [
  // ---- parsing on write: setValues parses strings as typing unless the cell is plain text ('@') ----
  { name: 'setValues parses "123" in a General cell to the number 123', source: `${REF}range#setValues(Object); https://developers.google.com/sheets/api/reference/rest/v4/ValueInputOption (USER_ENTERED)`,
    run: ({ sheet }) => eq(writeRead(sheet, '123').value, 123) },
  { name: 'setValues keeps "00123" as text in a plain-text (@) cell', source: `${REF}range#setNumberFormat(String)`,
    run: ({ sheet }) => eq(writeRead(sheet, '00123', '@').value, '00123') },
  { name: 'setValues turns "00123" into 123 in a General cell', source: 'https://developers.google.com/sheets/api/reference/rest/v4/ValueInputOption (USER_ENTERED)',
    run: ({ sheet }) => eq(writeRead(sheet, '00123').value, 123) },
  { name: 'setValues turns "+86 138 0013 8000" into a formula (an error) in a General cell', source: `${REF}range#setValues(Object) (a leading + or = is read as a formula when typed)`,
    run: ({ sheet }) => {
      const r = writeRead(sheet, '+86 138 0013 8000');
      eq(r.formula, '=+86 138 0013 8000', 'formula');
      return eq(r.value, '#ERROR!');
    } },
  { name: 'setValues keeps "+86 138 0013 8000" as text in a plain-text cell', source: `${REF}range#setNumberFormat(String)`,
    run: ({ sheet }) => eq(writeRead(sheet, '+86 138 0013 8000', '@').value, '+86 138 0013 8000') },
  { name: 'in a plain-text cell a leading apostrophe stays part of the value', source: `${REF}range#setNumberFormat(String) (plain text keeps what is written; unconfirmed for the apostrophe)`,
    run: ({ sheet }) => eq(writeRead(sheet, "'abc", '@').value, "'abc") },
  { name: 'setValues makes "=1+1" a formula in a General cell', source: `${REF}range#setValues(Object)`,
    run: ({ sheet }) => {
      const r = writeRead(sheet, '=1+1');
      eq(r.formula, '=1+1', 'formula');
      return eq(r.value, 2);
    } },
  { name: 'setValues keeps "=1+1" as text in a plain-text cell', source: `${REF}range#setNumberFormat(String)`,
    run: ({ sheet }) => {
      const r = writeRead(sheet, '=1+1', '@');
      eq(r.formula, '', 'formula');
      return eq(r.value, '=1+1');
    } },
  { name: 'setValues parses "2026-03-05" to a Date in a General cell', source: `${REF}range#getValues() (date cells read as Date)`,
    run: ({ sheet }) => {
      const v = writeRead(sheet, '2026-03-05').value;
      ok(isDate(v), `expected a Date, got ${show(v)}`);
      return show(v);
    } },
  { name: 'setValues parses "TRUE" to the boolean true', source: `${REF}range#getValues()`,
    run: ({ sheet }) => eq(writeRead(sheet, 'TRUE').value, true) },
  { name: 'a leading apostrophe is not part of the value: "\'abc" reads "abc"', source: 'https://support.google.com/docs/answer/3094284 (typing a leading apostrophe keeps text)',
    run: ({ sheet }) => eq(writeRead(sheet, "'abc").value, 'abc') },
  { name: 'setValues parses "1,200" to 1200 in an en_US spreadsheet', source: 'https://developers.google.com/sheets/api/reference/rest/v4/ValueInputOption (USER_ENTERED)',
    run: ({ ss, sheet }) => (ss.getSpreadsheetLocale().indexOf('en') === 0 ? eq(writeRead(sheet, '1,200').value, 1200) : 'skipped: not an en locale') },
  { name: 'setValues parses "12%" to 0.12', source: 'https://developers.google.com/sheets/api/reference/rest/v4/ValueInputOption (USER_ENTERED)',
    run: ({ sheet }) => eq(writeRead(sheet, '12%').value, 0.12) },
  { name: 'getValues reads empty cells as the empty string', source: `${REF}range#getValues() ("empty cells are represented by an empty string")`,
    run: ({ sheet }) => eq(sheet.getRange('A1:B1').getValues(), [['', '']]) },
  { name: 'setValues refuses data whose row count differs from the range\'s', source: `${REF}range#setValues(Object) ("must match the dimensions of this range")`,
    run: ({ sheet }) => throwsWith(() => sheet.getRange('A1:A2').setValues([['x']]), 'The number of rows in the data does not match the number of rows in the range') },
  { name: 'a Date written to an unformatted cell reads back as a Date', source: `${REF}range#setValue(Object)`,
    run: ({ sheet }) => {
      sheet.getRange('A1').setValue(new Date(Date.UTC(2026, 0, 5, 12)));
      const v = sheet.getRange('A1').getValue();
      ok(isDate(v), `expected a Date, got ${show(v)}`);
      return show(v);
    } },
  { name: 'the number format of an untouched cell reads "0.###############"', source: `${REF}range#getNumberFormat() (unconfirmed default; gas-fakes reads the same)`,
    run: ({ sheet }) => eq(sheet.getRange('C3').getNumberFormat(), '0.###############') },
  { name: 'setNumberFormat("@") reads back "@"', source: `${REF}range#setNumberFormat(String)`,
    run: ({ sheet }) => {
      sheet.getRange('A1:A3').setNumberFormat('@');
      return eq(sheet.getRange('A1:A3').getNumberFormats(), [['@'], ['@'], ['@']]);
    } },

  // ---- data validation: building, reading back, script writes ----
  { name: 'a list rule reads back as VALUE_IN_LIST with [values, showDropdown]', source: `${REF}data-validation#getCriteriaValues()`,
    run: ({ env, sheet }) => {
      const app = env.SpreadsheetApp;
      sheet.getRange('A1:A3').setDataValidation(app.newDataValidation().requireValueInList(['Lead', 'Won'], true).build());
      const dv = sheet.getRange('A2').getDataValidation();
      ok(dv !== null, 'no rule on A2');
      eq(String(dv?.getCriteriaType()), 'VALUE_IN_LIST', 'criteria');
      return eq(dv?.getCriteriaValues(), [['Lead', 'Won'], true], 'values');
    } },
  { name: 'a checkbox rule reads back as CHECKBOX with no values', source: `${REF}data-validation-builder#requireCheckbox()`,
    run: ({ env, sheet }) => {
      sheet.getRange('A1').setDataValidation(env.SpreadsheetApp.newDataValidation().requireCheckbox().build());
      const dv = sheet.getRange('A1').getDataValidation();
      eq(String(dv?.getCriteriaType()), 'CHECKBOX', 'criteria');
      return eq(dv?.getCriteriaValues(), [], 'values');
    } },
  { name: 'a custom-formula rule reads back its formula as written, for the top-left cell', source: `${REF}data-validation-builder#requireFormulaSatisfied(String)`,
    run: ({ env, sheet }) => {
      sheet.getRange('C2:C9').setDataValidation(env.SpreadsheetApp.newDataValidation().requireFormulaSatisfied('=OR(C2="",REGEXMATCH(C2&"","^[0-9]+$"))').build());
      const dv = sheet.getRange('C2').getDataValidation();
      eq(String(dv?.getCriteriaType()), 'CUSTOM_FORMULA', 'criteria');
      return eq(dv?.getCriteriaValues(), ['=OR(C2="",REGEXMATCH(C2&"","^[0-9]+$"))'], 'values');
    } },
  { name: 'a date rule reads back as DATE_IS_VALID_DATE', source: `${REF}data-validation-builder#requireDate()`,
    run: ({ env, sheet }) => eq(String(sheet.getRange('A1').setDataValidation(env.SpreadsheetApp.newDataValidation().requireDate().build()).getDataValidation()?.getCriteriaType()), 'DATE_IS_VALID_DATE', 'criteria') },
  { name: 'a number-between rule reads back as NUMBER_BETWEEN with its bounds', source: `${REF}data-validation-builder#requireNumberBetween(Number,Number)`,
    run: ({ env, sheet }) => {
      const dv = sheet.getRange('A1').setDataValidation(env.SpreadsheetApp.newDataValidation().requireNumberBetween(0, 100).build()).getDataValidation();
      eq(String(dv?.getCriteriaType()), 'NUMBER_BETWEEN', 'criteria');
      return eq(dv?.getCriteriaValues(), [0, 100], 'values');
    } },
  { name: 'allowInvalid and help text read back', source: `${REF}data-validation#getAllowInvalid()`,
    run: ({ env, sheet }) => {
      sheet.getRange('A1').setDataValidation(env.SpreadsheetApp.newDataValidation().requireValueInList(['a']).setAllowInvalid(false).setHelpText('Pick a').build());
      const dv = sheet.getRange('A1').getDataValidation();
      eq(dv?.getAllowInvalid(), false, 'allowInvalid');
      return eq(dv?.getHelpText(), 'Pick a', 'helpText');
    } },
  { name: 'getDataValidations has one entry per cell, null where there is no rule', source: `${REF}range#getDataValidations()`,
    run: ({ env, sheet }) => {
      sheet.getRange('A1').setDataValidation(env.SpreadsheetApp.newDataValidation().requireCheckbox().build());
      const all = sheet.getRange('A1:B2').getDataValidations();
      return eq(all.map((row) => row.map((d) => d !== null)), [[true, false], [false, false]]);
    } },
  { name: 'clearDataValidations removes the rule', source: `${REF}range#clearDataValidations()`,
    run: ({ env, sheet }) => {
      const r = sheet.getRange('A1:A3');
      r.setDataValidation(env.SpreadsheetApp.newDataValidation().requireCheckbox().build());
      r.clearDataValidations();
      return eq(sheet.getRange('A2').getDataValidation(), null);
    } },
  { name: 'a script may write a value a rejecting rule would refuse (scripts skip validation)', source: 'https://support.google.com/docs/answer/186103 (rules act on what people enter); observed by every script that writes',
    run: ({ env, sheet }) => {
      sheet.getRange('A1').setDataValidation(env.SpreadsheetApp.newDataValidation().requireValueInList(['a']).setAllowInvalid(false).build());
      sheet.getRange('A1').setValue('zzz');
      return eq(sheet.getRange('A1').getValue(), 'zzz');
    } },

  // ---- conditional format rules ----
  { name: 'a custom-formula color rule reads back its condition, formula and ranges', source: `${REF}conditional-format-rule#getBooleanCondition()`,
    run: ({ env, sheet }) => {
      const rule = env.SpreadsheetApp.newConditionalFormatRule().whenFormulaSatisfied('=$B2="Won"').setBackground('#00ff00').setRanges([sheet.getRange('A2:D50')]).build();
      sheet.setConditionalFormatRules([rule]);
      const back = sheet.getConditionalFormatRules()[0];
      const c = back?.getBooleanCondition();
      eq(String(c?.getCriteriaType()), 'CUSTOM_FORMULA', 'criteria');
      eq(c?.getCriteriaValues(), ['=$B2="Won"'], 'values');
      eq(c?.getBackground(), '#00ff00', 'background');
      return eq(back?.getRanges().map((r) => r.getA1Notation()), ['A2:D50'], 'ranges');
    } },
  { name: 'build() takes a snapshot: one builder, changed between builds, gives distinct rules', source: `${REF}conditional-format-rule-builder#build() (snapshot unconfirmed by the reference)`,
    run: ({ env, sheet }) => {
      const b = env.SpreadsheetApp.newConditionalFormatRule();
      const r1 = b.whenFormulaSatisfied('=$A1="x"').setBackground('#ff0000').setRanges([sheet.getRange('A1:A5')]).build();
      const r2 = b.whenFormulaSatisfied('=$A1="y"').setBackground('#0000ff').setRanges([sheet.getRange('B1:B5')]).build();
      sheet.setConditionalFormatRules([r1, r2]);
      const back = sheet.getConditionalFormatRules().map((r) => [r.getBooleanCondition()?.getCriteriaValues()[0], r.getBooleanCondition()?.getBackground(), r.getRanges()[0]?.getA1Notation()]);
      return eq(back, [['=$A1="x"', '#ff0000', 'A1:A5'], ['=$A1="y"', '#0000ff', 'B1:B5']]);
    } },
  { name: 'setConditionalFormatRules replaces every rule of the sheet', source: `${REF}sheet#setConditionalFormatRules(ConditionalFormatRule)`,
    run: ({ env, sheet }) => {
      const mk = (f: string): GoogleAppsScript.Spreadsheet.ConditionalFormatRule => env.SpreadsheetApp.newConditionalFormatRule().whenFormulaSatisfied(f).setBold(true).setRanges([sheet.getRange('A1:A3')]).build();
      sheet.setConditionalFormatRules([mk('=A1=1'), mk('=A1=2')]);
      sheet.setConditionalFormatRules([mk('=A1=3')]);
      return eq(sheet.getConditionalFormatRules().map((r) => r.getBooleanCondition()?.getCriteriaValues()[0]), ['=A1=3']);
    } },

  // ---- formulas: RE2 and text comparison ----
  { name: 'REGEXMATCH: \\s does not match a no-break space (RE2)', source: RE2,
    run: ({ sheet }) => eq(formulaResult(sheet, '=REGEXMATCH("a"&CHAR(160)&"b","^a\\sb$")'), false) },
  { name: 'REGEXMATCH: \\s matches an ordinary space', source: RE2,
    run: ({ sheet }) => eq(formulaResult(sheet, '=REGEXMATCH("a b","^a\\sb$")'), true) },
  { name: 'REGEXMATCH: \\s does not match an ideographic space (U+3000)', source: RE2,
    run: ({ sheet }) => eq(formulaResult(sheet, '=REGEXMATCH("a"&UNICHAR(12288)&"b","^a\\sb$")'), false) },
  { name: 'REGEXMATCH refuses a lookahead with #REF!', source: RE2,
    run: ({ sheet }) => eq(formulaResult(sheet, '=REGEXMATCH("ab","a(?=b)")'), '#REF!') },
  { name: 'REGEXMATCH matches anywhere in the text unless anchored', source: 'https://support.google.com/docs/answer/3098292',
    run: ({ sheet }) => eq(formulaResult(sheet, '=REGEXMATCH("xx123yy","[0-9]+")'), true) },
  { name: '= on text ignores letter case', source: 'https://support.google.com/docs/answer/3093027 (EQ)',
    run: ({ sheet }) => eq(formulaResult(sheet, '="won"="Won"'), true) },
  { name: '= on text is accent-sensitive', source: 'https://support.google.com/docs/answer/3093027 (EQ; accents unconfirmed by the reference)',
    run: ({ sheet }) => eq(formulaResult(sheet, '="Café"="Cafe"'), false) },

  // ---- developer metadata on columns ----
  { name: 'metadata on a whole column is found again by key', source: `${REF}range#addDeveloperMetadata(String,String)`,
    run: ({ sheet }) => {
      sheet.getRange('C:C').addDeveloperMetadata('contract.field', 'phone');
      const found = sheet.createDeveloperMetadataFinder().withKey('contract.field').find();
      eq(found.length, 1, 'found');
      return eq(found[0]?.getLocation().getColumn()?.getColumn(), 3, 'column');
    } },
  { name: 'column metadata follows the column when it is moved', source: 'https://developers.google.com/sheets/api/guides/metadata (metadata moves with its row or column)',
    run: ({ sheet }) => {
      sheet.getRange('B:B').addDeveloperMetadata('contract.field', 'email');
      sheet.moveColumns(sheet.getRange('B:B'), 5);
      const found = sheet.createDeveloperMetadataFinder().withKey('contract.field').find();
      return eq(found[0]?.getLocation().getColumn()?.getColumn(), 4, 'column');
    } },
  { name: 'column metadata shifts when a column is inserted before it', source: 'https://developers.google.com/sheets/api/guides/metadata',
    run: ({ sheet }) => {
      sheet.getRange('B:B').addDeveloperMetadata('contract.field', 'email');
      sheet.insertColumnsBefore(1, 2);
      return eq(sheet.createDeveloperMetadataFinder().withKey('contract.field').find()[0]?.getLocation().getColumn()?.getColumn(), 4, 'column');
    } },
  { name: 'metadata on a block that is not a whole row or column is refused', source: 'https://developers.google.com/sheets/api/guides/metadata (rows, columns, sheets or the spreadsheet)',
    run: ({ sheet }) => throwsWith(() => sheet.getRange('A1:B2').addDeveloperMetadata('k', 'v'), 'Developer metadata may only be added to') },
  { name: 'metadata on two whole columns at once is refused', source: 'https://developers.google.com/sheets/api/guides/metadata ("an entire row or column"); gas-fakes refuses it; unconfirmed on Sheets',
    run: ({ sheet }) => throwsWith(() => sheet.getRange('B:C').addDeveloperMetadata('k', 'v'), 'Developer metadata may only be added to') },
  { name: 'metadata goes away with its deleted column', source: 'https://developers.google.com/sheets/api/reference/rest/v4/spreadsheets.developerMetadata',
    run: ({ sheet }) => {
      sheet.getRange('C:C').addDeveloperMetadata('contract.gone', 'x');
      sheet.deleteColumn(3);
      return eq(sheet.createDeveloperMetadataFinder().withKey('contract.gone').find().length, 0, 'found');
    } },

  // ---- structure and limits ----
  { name: 'a new sheet has 1000 rows and 26 columns', source: `${REF}spreadsheet#insertSheet(String)`,
    run: ({ sheet }) => eq([sheet.getMaxRows(), sheet.getMaxColumns()], [1000, 26]) },
  { name: 'getRange past the last row is refused', source: `${REF}sheet#getRange(Integer,Integer)`,
    run: ({ sheet }) => throwsWith(() => sheet.getRange(sheet.getMaxRows() + 1, 1), 'The coordinates of the range are outside the dimensions of the sheet') },
  { name: 'a second sheet with the same name is refused', source: `${REF}spreadsheet#insertSheet(String)`,
    run: ({ ss, sheet }) => throwsWith(() => ss.insertSheet(sheet.getName()), 'already exists') },
  { name: 'setFrozenRows refuses a line through a merged cell', source: 'Sheets UI rule; message as scripts report it (unconfirmed by the reference)',
    run: ({ sheet }) => {
      sheet.getRange('A1:A2').merge();
      return throwsWith(() => sheet.setFrozenRows(1), "You can't freeze rows which contain only part of a merged cell");
    } },
  { name: 'deleting every row of a sheet is refused', source: `${REF}sheet#deleteRows(Integer,Integer)`,
    run: ({ sheet }) => throwsWith(() => sheet.deleteRows(1, sheet.getMaxRows()), 'delete all the rows') },
  { name: 'a second banding over a banded range is refused', source: `${REF}range#applyRowBanding()`,
    run: ({ sheet }) => {
      sheet.getRange('A1:C5').applyRowBanding();
      return throwsWith(() => sheet.getRange('A1:C5').applyRowBanding(), 'already has alternating background colors');
    } },
  { name: 'getMergedRanges lists the merges that touch the range', source: `${REF}range#getMergedRanges()`,
    run: ({ sheet }) => {
      sheet.getRange('B2:C2').merge();
      return eq(sheet.getRange('A1:D4').getMergedRanges().map((r) => r.getA1Notation()), ['B2:C2']);
    } },
  { name: 'a property value over 9 KB is refused', source: 'https://developers.google.com/apps-script/guides/services/quotas (properties value size 9 KB)',
    run: ({ env }) => throwsWith(() => env.PropertiesService.getDocumentProperties().setProperty('contract.big', new Array(9300).join('x')), 'Argument too large') },

  // ---- locks and protections ----
  { name: 'the document lock exists in a bound script and can be taken and released', source: 'https://developers.google.com/apps-script/reference/lock/lock-service#getDocumentLock()',
    run: ({ env }) => {
      const lock = env.LockService.getDocumentLock();
      ok(lock !== null, 'getDocumentLock returned null');
      eq(lock.tryLock(1000), true, 'tryLock');
      eq(lock.hasLock(), true, 'hasLock');
      lock.releaseLock();
      return eq(lock.hasLock(), false, 'hasLock after release');
    } },
  { name: 'the owner can edit and remove a warning-only protection', source: `${REF}protection#canEdit()`,
    run: ({ env, sheet }) => {
      const p = sheet.getRange('A1:B1').protect().setDescription('contract').setWarningOnly(true);
      eq(p.isWarningOnly(), true, 'warningOnly');
      eq(p.canEdit(), true, 'canEdit');
      p.remove();
      return eq(sheet.getProtections(env.SpreadsheetApp.ProtectionType.RANGE).length, 0, 'left');
    } },
  { name: 'Range.activate selects the range and its sheet: getActiveRange returns it', source: `${REF}range#activate(); ${REF}spreadsheet#getActiveRange()`,
    run: ({ env, ss, sheet }) => {
      sheet.getRange('C7').activate();
      eq(ss.getActiveSheet().getName(), sheet.getName(), 'active sheet');
      eq(env.SpreadsheetApp.getActiveRange().getA1Notation(), 'C7', 'SpreadsheetApp.getActiveRange');
      return eq(ss.getActiveRange()?.getA1Notation(), 'C7', 'Spreadsheet.getActiveRange');
    } },
];

// ---- event shapes: a person's actions on a prepared sheet, recorded by the kit's onEdit ----
export const PERSON_SHEET = 'contract-person';
export const EVENTS_KEY = 'contract.events';

export interface RecordedEvent {
  a1: string;
  sheet: string;
  hasValue: boolean;
  hasOld: boolean;
  value?: string;
  oldValue?: string;
  /** e.authMode as text, and what taking the document lock inside the simple trigger gave. */
  authMode?: string;
  lock?: string;
}

/** What the person does, in order (the same actions as the emulator's personEdit). */
export type StepAction =
  | { kind: 'type'; a1: string; value: string; sheet: string }
  | { kind: 'pasteFrom'; from: string; fromSheet: string; a1: string; sheet: string }
  | { kind: 'fillDown'; a1: string; sheet: string }
  | { kind: 'delete'; a1: string; sheet: string }
  | { kind: 'undo' };
export interface PersonStep {
  say: string;
  action: StepAction;
  claim: { name: string; source: string; check(events: RecordedEvent[]): string };
}
const S = PERSON_SHEET;
/** The events recorded on a cell or block, in order. */
const on = (events: RecordedEvent[], a1: string): RecordedEvent[] => events.filter((e) => e.sheet === S && e.a1 === a1);
const nth = (events: RecordedEvent[], a1: string, i: number, step: number): RecordedEvent => {
  const e = on(events, a1)[i];
  if (!e) throw new Error(`no event recorded on ${a1}: do step ${step} on the sheet "${S}", then run runContract again`);
  return e;
};
const shapeOf = (e: RecordedEvent): string => `value ${e.hasValue ? JSON.stringify(e.value) : 'absent'}, oldValue ${e.hasOld ? JSON.stringify(e.oldValue) : 'absent'}`;
const expectShape = (e: RecordedEvent, want: string): string => {
  const got = shapeOf(e);
  if (got !== want) throw new Error(`event on ${e.a1}: expected ${want}, got ${got}`);
  return got;
};

export const PERSON_STEPS: PersonStep[] = [
  { say: 'Type Lead into B2 (empty).', action: { kind: 'type', a1: 'B2', value: 'Lead', sheet: S },
    claim: { name: 'event: typing into an empty cell gives value and no oldValue', source: EVENTS, check: (ev) => expectShape(nth(ev, 'B2', 0, 1), 'value "Lead", oldValue absent') } },
  { say: 'Type Won into B2 (over Lead).', action: { kind: 'type', a1: 'B2', value: 'Won', sheet: S },
    claim: { name: 'event: typing over a value gives value and oldValue', source: EVENTS, check: (ev) => expectShape(nth(ev, 'B2', 1, 2), 'value "Won", oldValue "Lead"') } },
  { say: 'Copy B2 and paste it into C2 (Ctrl+C, Ctrl+V).', action: { kind: 'pasteFrom', from: 'B2', fromSheet: S, a1: 'C2', sheet: S },
    claim: { name: 'event: a paste of one cell gives neither value nor oldValue', source: `${GETEDITTYPE}; https://gist.github.com/tanaikech/73edaed1268a6d07118aed538aa5608d`, check: (ev) => expectShape(nth(ev, 'C2', 0, 3), 'value absent, oldValue absent') } },
  { say: 'Copy B2:C2 and paste it into B4.', action: { kind: 'pasteFrom', from: 'B2:C2', fromSheet: S, a1: 'B4', sheet: S },
    claim: { name: 'event: a paste of a block gives neither field, its range is the block', source: EVENTS, check: (ev) => expectShape(nth(ev, 'B4:C4', 0, 4), 'value absent, oldValue absent') } },
  { say: 'Select D2:D4 (D2 holds 5) and fill down (Ctrl+D).', action: { kind: 'fillDown', a1: 'D2:D4', sheet: S },
    claim: { name: 'event: a fill-down gives neither field, its range the selection', source: `${GETEDITTYPE} (range of Ctrl+D unconfirmed)`, check: (ev) => expectShape(nth(ev, 'D2:D4', 0, 5), 'value absent, oldValue absent') } },
  { say: 'Select B2 and press Delete.', action: { kind: 'delete', a1: 'B2', sheet: S },
    claim: { name: 'event: Delete on one cell gives oldValue and no value', source: GETEDITTYPE, check: (ev) => expectShape(nth(ev, 'B2', 2, 6), 'value absent, oldValue "Won"') } },
  { say: 'Select B4:C4 and press Delete.', action: { kind: 'delete', a1: 'B4:C4', sheet: S },
    claim: { name: 'event: Delete on a block gives neither field', source: GETEDITTYPE, check: (ev) => expectShape(nth(ev, 'B4:C4', 1, 7), 'value absent, oldValue absent') } },
  { say: 'Undo (Ctrl+Z) once.', action: { kind: 'undo' },
    claim: { name: 'event: undo fires onEdit with neither field on the restored block', source: 'unconfirmed: no reference or measurement; the stricter reading', check: (ev) => expectShape(nth(ev, 'B4:C4', 2, 8), 'value absent, oldValue absent') } },
  { say: 'Type lead (lower case) into E2, which has a Lead/Won dropdown that rejects other input.', action: { kind: 'type', a1: 'E2', value: 'lead', sheet: S },
    claim: { name: 'a dropdown accepts its option typed in another letter case', source: 'https://support.google.com/docs/answer/186103 (case handling unconfirmed: commonly reported case-insensitive)', check: (ev) => expectShape(nth(ev, 'E2', 0, 9), 'value "lead", oldValue absent') } },
];

/** Claims on the trigger itself, read from the first recorded event. */
export const TRIGGER_CLAIMS: Array<{ name: string; source: string; check(events: RecordedEvent[]): string }> = [
  { name: 'a simple onEdit runs in AuthMode.LIMITED', source: 'https://developers.google.com/apps-script/reference/script/auth-mode (LIMITED: "an onOpen(e) or onEdit(e) simple trigger")',
    check: (ev) => eq(nth(ev, 'B2', 0, 1).authMode, 'LIMITED', 'authMode') },
  { name: 'a simple onEdit (LIMITED) can take the document lock', source: 'https://developers.google.com/apps-script/reference/lock/lock-service (no authorization listed; unconfirmed in simple triggers)',
    check: (ev) => eq(nth(ev, 'B2', 0, 1).lock, 'taken', 'lock') },
];

/** Creates (or resets) the sheet the person works on, and clears the recording. */
export function preparePersonSheet(env: ContractEnv): void {
  const ss = env.SpreadsheetApp.getActiveSpreadsheet();
  const old = ss.getSheetByName(PERSON_SHEET);
  if (old) ss.deleteSheet(old);
  const sh = ss.insertSheet(PERSON_SHEET);
  sh.getRange('D2').setValue(5);
  sh.getRange('E2:E5').setDataValidation(env.SpreadsheetApp.newDataValidation().requireValueInList(['Lead', 'Won'], true).setAllowInvalid(false).build());
  const lines = PERSON_STEPS.map((s, i) => [`${i + 1}. ${s.say}`]).concat([['Then run runContract.']]);
  sh.getRange(1, 7, lines.length, 1).setValues(lines);
  env.PropertiesService.getDocumentProperties().setProperty(EVENTS_KEY, '[]');
}

/** The kit's onEdit: keeps the shape of each event on the person sheet (the value as text). */
export function recordEdit(env: ContractEnv, e: { range: GoogleAppsScript.Spreadsheet.Range; value?: unknown; oldValue?: unknown; authMode?: unknown }): void {
  const sheet = e.range.getSheet().getName();
  if (sheet !== PERSON_SHEET) return;
  // Whether a simple trigger (LIMITED) may use LockService: the add-on's onEdit needs to know.
  let lock: string;
  try {
    const l = env.LockService.getDocumentLock();
    if (l === null) lock = 'null';
    else {
      lock = l.tryLock(1000) ? 'taken' : 'busy';
      if (l.hasLock()) l.releaseLock();
    }
  } catch (err) {
    lock = `error: ${err && typeof err === 'object' && 'message' in err ? String((err as Error).message) : String(err)}`;
  }
  const props = env.PropertiesService.getDocumentProperties();
  const list = JSON.parse(props.getProperty(EVENTS_KEY) || '[]') as RecordedEvent[];
  const rec: RecordedEvent = { a1: e.range.getA1Notation(), sheet, hasValue: 'value' in e && e.value !== undefined, hasOld: 'oldValue' in e && e.oldValue !== undefined, authMode: String(e.authMode), lock };
  if (rec.hasValue) rec.value = String(e.value);
  if (rec.hasOld) rec.oldValue = String(e.oldValue);
  list.push(rec);
  props.setProperty(EVENTS_KEY, JSON.stringify(list.slice(-50)));
}

/** Runs every claim on a scratch sheet each, then the event-shape claims on the recording. */
export function runClaims(env: ContractEnv): ContractReport {
  const ss = env.SpreadsheetApp.getActiveSpreadsheet();
  const home = ss.getActiveSheet();
  const results: ClaimResult[] = [];
  CLAIMS.forEach((c, i) => {
    const name = `contract-${i + 1}`;
    const stale = ss.getSheetByName(name);
    if (stale) ss.deleteSheet(stale);
    const sheet = ss.insertSheet(name);
    try {
      const out = c.run({ env, ss, sheet });
      results.push({ name: c.name, source: c.source, ok: true, detail: typeof out === 'string' ? out : show(out) });
    } catch (e) {
      results.push({ name: c.name, source: c.source, ok: false, detail: e && typeof e === 'object' && 'message' in e ? String((e as Error).message) : String(e) });
    } finally {
      ss.deleteSheet(sheet);
      try {
        env.PropertiesService.getDocumentProperties().deleteProperty('contract.big');
      } catch {
        // nothing stored
      }
    }
  });
  const events = JSON.parse(env.PropertiesService.getDocumentProperties().getProperty(EVENTS_KEY) || '[]') as RecordedEvent[];
  for (const step of PERSON_STEPS) {
    try {
      results.push({ name: step.claim.name, source: step.claim.source, ok: true, detail: step.claim.check(events) });
    } catch (e) {
      results.push({ name: step.claim.name, source: step.claim.source, ok: false, detail: String((e as Error).message) });
    }
  }
  for (const t of TRIGGER_CLAIMS) {
    try {
      results.push({ name: t.name, source: t.source, ok: true, detail: t.check(events) });
    } catch (e) {
      results.push({ name: t.name, source: t.source, ok: false, detail: String((e as Error).message) });
    }
  }
  ss.setActiveSheet(home);
  const passed = results.filter((r) => r.ok).length;
  return { passed, failed: results.length - passed, claims: results };
}
