/**
 * The public surface of the Sheets emulator (dev/emulator). Everything else in dev/, bench/ and test/
 * codes against these types; the implementation lives in dev/emulator/index.ts (`createEmulator`).
 *
 * The emulator is strict: it implements only the Apps Script members the add-on uses (typed against
 * @types/google-apps-script) and throws `Not emulated: Class.member` for any other member.
 */

export type AuthModeName = 'NONE' | 'LIMITED' | 'FULL';

export interface EmulatorOptions {
  /** Session.getActiveUserLocale(), e.g. 'en' or 'zh-CN'. Default 'en'. */
  userLocale?: string;
  /** Spreadsheet locale, e.g. 'en_US' or 'zh_CN'. Default derived from userLocale. */
  spreadsheetLocale?: string;
  /** Spreadsheet and script time zone (IANA). Default 'America/New_York' for en, 'Asia/Shanghai' for zh. */
  timeZone?: string;
  /** Files served by HtmlService.createHtmlOutputFromFile / createTemplateFromFile, by name (no extension). */
  files?: Record<string, string>;
  spreadsheetName?: string;
  /** Name of the first sheet. Default 'Sheet1'. */
  firstSheetName?: string;
  /** Simulated clock starts here (ms since epoch). Default 2026-01-15T09:00:00Z. */
  now?: number;
  /** The manifest's oauthScopes (appsscript.json). Given, every call whose member needs a scope that is
   * not listed fails in every auth mode. Default: not checked. */
  oauthScopes?: readonly string[];
  /** Who is at the keyboard. Default the owner, owner@example.com. */
  user?: { email: string; role: 'owner' | 'editor' };
  /** Cells allowed in the spreadsheet. Default 10,000,000 (Sheets' limit). */
  cellLimit?: number;
  /** false: the script runs outside a containing document, LockService.getDocumentLock() returns null. */
  containingDocument?: boolean;
}

/**
 * What a person does in the Sheets UI, for `personEdit` (each returns the onEdit event it fires):
 * - type: one cell, parsed as Sheets parses typing (event: value, and oldValue when the cell held one);
 * - paste: plain text from outside Sheets, parsed as typing; `numberFormats` and `validations` (same
 *   shape) when the cells come with them, e.g. from another spreadsheet: they replace the target's
 *   (a null validation removes the target's) (event: neither value nor oldValue);
 * - pasteFrom: copy a block of this spreadsheet (`from`, on `fromSheet`) and paste it at `a1`. 'normal'
 *   (Ctrl+V) brings values, formulas, number formats, colors, data validation and conditional formats;
 *   'values' (Ctrl+Shift+V) the computed values only (event: neither);
 * - fillDown: Ctrl+D over a selection, its first row copied into the rows below (event: neither);
 * - delete: the Delete key over a block: contents cleared, formats and validation kept (event: oldValue
 *   only for one cell that held a value; otherwise neither);
 * - undo: Ctrl+Z of the last person action (event: neither, on the block it restored).
 */
/** A data validation rule carried by pasted cells (a CUSTOM_FORMULA is written for its own cell). */
export interface PastedValidation {
  criteria: string; // DataValidationCriteria name, e.g. 'VALUE_IN_LIST', 'CHECKBOX', 'CUSTOM_FORMULA'
  args: unknown[]; // as SimValidation's args, e.g. [['Lead', 'Won'], true]
  allowInvalid?: boolean; // default true
  helpText?: string | null;
}
export type PersonAction =
  | { kind: 'type'; a1: string; value: string; sheet?: string }
  | { kind: 'paste'; a1: string; values: string[][]; numberFormats?: string[][]; validations?: Array<Array<PastedValidation | null>>; sheet?: string }
  | { kind: 'pasteFrom'; from: string; fromSheet?: string; a1: string; sheet?: string; special?: 'normal' | 'values' }
  | { kind: 'fillDown'; a1: string; sheet?: string }
  | { kind: 'delete'; a1: string; sheet?: string }
  | { kind: 'undo' };

/** Counters of service calls and the simulated Apps Script clock (docs/ARCHITECTURE.md's model). */
export interface CallStats {
  total: number;
  byMethod: Record<string, number>; // e.g. { 'Range.getValues': 2, 'Sheet.getRange': 3 }
  cellsRead: number;
  cellsWritten: number;
  /** 25 ms per call + 5 µs per cell read + 15 µs per cell written + script cpu × 3. */
  simMs: number;
  /** Script cpu time (ms) measured by runScript, excluding time spent inside emulated services. */
  scriptCpuMs: number;
  /** The part of scriptCpuMs spent evaluating the script file itself at the start of each execution
   * (the harness reports it; the bench's `load` row measures the same cold). */
  loadCpuMs?: number;
}

export interface ToastLog { message: string; title: string; timeoutSeconds?: number }
export interface AlertLog {
  kind: 'alert' | 'prompt';
  title: string;
  prompt: string;
  buttons: string; // 'OK' | 'OK_CANCEL' | 'YES_NO' | 'YES_NO_CANCEL'
  /** What the queued answer (or the default) returned: a button name, and the text for prompts. */
  answer: { button: string; text?: string };
}
export interface MenuLog { name: string; items: Array<{ caption: string; functionName: string } | { separator: true }> }
export interface HtmlShownLog { kind: 'sidebar' | 'modal' | 'modeless'; title: string; html: string; width?: number; height?: number }

/** The event object given to onEdit (simple trigger), per the Apps Script event-object reference. */
export interface EditEventLike {
  authMode: unknown; // ScriptApp.AuthMode.LIMITED
  range: GoogleAppsScript.Spreadsheet.Range;
  source: GoogleAppsScript.Spreadsheet.Spreadsheet;
  user: unknown;
  triggerUid: string;
  value?: unknown; // only for a single-cell edit
  oldValue?: unknown; // only for a single-cell edit that replaced a value
}

/** Plain-object views used by `sim` output and the playground (ranges in A1 notation). */
export interface SimValidation {
  range: string; // e.g. 'E2:E1000'
  criteria: string; // DataValidationCriteria name, e.g. 'VALUE_IN_LIST', 'CUSTOM_FORMULA', 'DATE_IS_VALID_DATE'
  args: unknown[];
  allowInvalid: boolean;
  helpText: string | null;
}
export interface SimConditionalFormat {
  ranges: string[];
  condition: { type: string; args: unknown[] }; // e.g. { type: 'CUSTOM_FORMULA', args: ['=$F2="Won"'] }
  format: { background?: string | null; fontColor?: string | null; bold?: boolean | null; italic?: boolean | null; strikethrough?: boolean | null; underline?: boolean | null };
}
export interface SimChart {
  chartType: string; // 'BAR', 'COLUMN', 'PIE', 'LINE', ...
  ranges: string[];
  position: { row: number; column: number; offsetX: number; offsetY: number };
  options: Record<string, unknown>;
}
export interface SimProtection {
  range: string | null; // null for a sheet protection
  description: string;
  warningOnly: boolean;
}
export interface SimSheet {
  name: string;
  values: unknown[][]; // getValues of the data range; Dates as ISO strings
  formulas: string[][];
  notes: string[][];
  backgrounds: string[][];
  numberFormats: string[][];
  validations: SimValidation[];
  conditionalFormats: SimConditionalFormat[];
  charts: SimChart[];
  protections: SimProtection[];
  frozenRows: number;
  hidden: boolean;
}

/** The rendered look of one cell, for the playground and tests (values computed, rules applied). */
export interface CellView {
  value: unknown; // as getValues
  display: string; // as getDisplayValue
  formula: string;
  note: string;
  numberFormat: string;
  background: string | null; // after conditional formatting
  fontColor: string | null;
  bold: boolean;
  /** Data validation on the cell and whether the current value passes it. */
  validation: { criteria: string; args: unknown[]; allowInvalid: boolean; helpText: string | null; valid: boolean; listValues?: string[] } | null;
}

export interface Emulator {
  /** The globals Apps Script would give the script: SpreadsheetApp, PropertiesService, LockService,
   * CacheService, Session, Utilities, HtmlService, ScriptApp, Logger, console. */
  readonly globals: Record<string, unknown>;
  readonly options: Required<Pick<EmulatorOptions, 'userLocale' | 'spreadsheetLocale' | 'timeZone'>>;

  setAuthMode(mode: AuthModeName): void;
  authMode(): AuthModeName;

  // ---- What a person does in the Sheets UI (not counted as service calls) ----
  /** Paste rows of text at A1 (default sheet: the first), parsed as typing is. */
  loadRows(rows: string[][], sheetName?: string): void;
  /** A person types `value` into the cell: parsed as Sheets parses typing. Returns the onEdit event. */
  typeValue(a1: string, value: string, sheetName?: string): EditEventLike;
  /** A person pastes plain text (one cell or a block): one onEdit event with no value/oldValue. */
  pasteValues(a1: string, values: string[][], sheetName?: string): EditEventLike;
  /** Any person action (typing, paste, paste from a block with its formats, fill-down, Delete, undo):
   * performs it and returns the onEdit event it fires, shaped as Sheets shapes it. Throws EditRejected
   * when a rule that rejects invalid input refuses it (nothing changes, no onEdit). */
  personEdit(action: PersonAction): EditEventLike;
  /** Queue answers for the next alerts and prompts: 'YES', 'NO', 'OK', 'CANCEL', 'CLOSE', or any other text
   * (a prompt's text, answered with OK); `{answer, thinkMs}` also advances the simulated clock by the
   * person's think time while the dialog is open. */
  queueAnswers(answers: Array<string | { answer: string; thinkMs?: number }>): void;
  /** The next service call number `n` (1-based, counted from now) throws Apps Script's time-limit error. */
  failAfterCalls(n: number): void;
  /** The active sheet, as a person would select a tab. */
  activateSheet(name: string): void;

  // ---- Observing ----
  stats(): CallStats;
  resetStats(): void;
  /** Run script code: measures its cpu time (minus time inside emulated services) into the clock. */
  runScript<T>(fn: () => T): T;
  readonly toasts: ReadonlyArray<ToastLog>;
  readonly alerts: ReadonlyArray<AlertLog>;
  readonly menus: ReadonlyArray<MenuLog>;
  readonly shownHtml: ReadonlyArray<HtmlShownLog>;
  snapshot(): { sheets: SimSheet[] };
  sheetNames(): string[];
  /** Rendered cells of a block of a sheet (for the playground grid and tests). */
  view(sheetName: string, a1: string): CellView[][];
  /** Size of a sheet's data range. */
  dataSize(sheetName: string): { rows: number; columns: number };
}
