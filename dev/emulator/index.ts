/**
 * The strict Sheets emulator: `createEmulator()` builds one spreadsheet with the Apps Script globals the
 * add-on uses. See ./types.ts for the public surface and docs/ARCHITECTURE.md "The emulator".
 *
 * Files: runtime.ts (strict counted proxies, clock from clock.json, faults, AuthMode, nested and
 * suspended executions), a1.ts, values.ts (typing
 * semantics), display.ts (number formats), dates.ts (serials, zones, formatDate), model.ts (row-array
 * store + sparse layers), formulas.ts (HyperFormula, lazily), range.ts, spreadsheet.ts (Sheet,
 * Spreadsheet, SpreadsheetApp), validation.ts, conditional.ts, objects.ts (protection, charts, banding,
 * developer metadata), services.ts (Ui, HtmlService, Properties, Lock, Cache, Session, Utilities, Logger).
 *
 * Person actions (personEdit) and their onEdit event shapes, paste with formats, scopes per member: this
 * file. README.md beside it summarises the API for sim, the playground and tests.
 *
 * refs.ts: what inserting, deleting and moving rows/columns does to references (cell formulas, rule
 * formulas, ranges of rules/charts/protections/bandings/merges, row/column metadata).
 *
 * Known gaps: arrays returned to a vm-hosted script are this realm's arrays (the harness makes
 * `instanceof Array` hold in the script's context; `x.constructor === Array` does not); named ranges
 * and R1C1 references are not rewritten on structural edits.
 */
import { type Box, boxToA1, parseA1, splitSheet } from './a1';
import { ruleMatches } from './conditional';
import { Book, COLUMN_LIMIT_MESSAGE, type EmulatedUser, MAX_COLUMNS } from './context';
import { serialToDate } from './dates';
import { displayValue } from './display';
import { createEnums } from './enums';
import { FormulaEngine, relativeForm, shiftFormula } from './formulas';
import { type CFData, type RangeRef, SheetData } from './model';
import { checkEditable, PROTECTED_MESSAGE } from './objects';
import { RangeImpl } from './range';
import { type AuthPolicy, enumName, Runtime, ScriptException } from './runtime';
import { CacheStore, type HtmlOutputImpl, makeCache, makeHtmlService, makeLock, makeLockState, makeLogger, makeProperties, makeSession, makeUi, makeUtilities, PropertyStore, type QueuedAnswer, type UiState } from './services';
import { makeSpreadsheetApp, Workbook } from './spreadsheet';
import type { AuthModeName, CellView, EditEventLike, Emulator, EmulatorOptions, PersonAction, SimChart, SimConditionalFormat, SimProtection, SimSheet, SimValidation, ToastLog } from './types';
import { type AppliedDV, isValid, listValues, SpreadsheetAppEnums } from './validation';
import { type Cell, DEFAULT_FORMAT, isDateFormat } from './values';

export type * from './types';
export { ScriptException, TIME_LIMIT_MESSAGE } from './runtime';
export { LOCK_TIMEOUT_MESSAGE, PROPERTY_STORE_ERROR, PROPERTY_VALUE_ERROR, type QueuedAnswer } from './services';
export { CELL_LIMIT, cellLimitMessage, COLUMN_LIMIT_MESSAGE, type EmulatedUser, MAX_COLUMNS } from './context';
export { PROTECTED_MESSAGE } from './objects';

/** Members beyond types.ts's Emulator, for the harness, sim and tests. */
export interface EmulatorExt extends Emulator {
  /** The simulated wall clock (ms since epoch). */
  now(): number;
  /** Lines written by Logger.log / console and emulator notes (e.g. an alert answered by default). */
  readonly logs: ReadonlyArray<string>;
  /** Globals visible to HtmlService template scriptlets (the harness passes the script's context). */
  setTemplateScope(scope: Record<string, unknown>): void;
  /** Errors thrown to the script are built in its realm (the harness passes the vm context's Error). */
  setRealmError(make: ((message: string) => Error) | null): void;
  /** The harness reports the time an execution spent evaluating the script file (stats().loadCpuMs). */
  noteLoad?(ms: number): void;
  /** Simulates an execution outside the emulator holding a lock ('document' | 'script' | 'user'). */
  contendLock(kind: 'document' | 'script' | 'user', held: boolean): void;
  /** Starts one execution with its time limit in simulated ms (360000; 30000 for simple triggers).
   * Executions nest (see pauseAtCall): the auth mode, realm and limit set after this call belong to it. */
  beginExecution(limitMs: number): void;
  /** Ends one execution: its locks are released, a time-limit failure stops striking, and the execution
   * it interrupted (if any) gets back its auth mode, realm and time limit. */
  endExecution(): void;
  /**
   * Interleaving: the running (or next) execution is suspended at its `n`th service call from now,
   * before that call takes effect; `run` runs then (typically another execution through the harness,
   * to its end), and the first resumes with that call. The harness's `interleave(emu, N, first, second)`
   * (sim's `switchAfterCalls: N`) is pauseAtCall(N + 1, second), then `second` afterwards when the
   * pause did not strike.
   */
  pauseAtCall(n: number, run: () => void): void;
  /** Disarms a pending pause; true when it had not struck (the first steps made fewer than n calls). */
  cancelPause(): boolean;
  /** Number of executions running (more than 1 while one is suspended by pauseAtCall). */
  executionDepth(): number;
  /** Who is at the keyboard (Protection.canEdit/remove, Session.getActiveUser, user locks). */
  setUser(user: EmulatedUser): void;
  /** The manifest's oauthScopes: every call whose member needs a scope not listed fails, in every auth
   * mode, with Apps Script's message. null (the default) checks nothing. */
  setManifestScopes(scopes: readonly string[] | null): void;
  /** Files for HtmlService, by name. */
  setFile(name: string, content: string): void;
  /** The Spreadsheet object trigger events carry as `source` (not a counted call). */
  eventSource(): GoogleAppsScript.Spreadsheet.Spreadsheet;
  /** Runs `fn` through the script API with full access, counting nothing and moving no clock (a
   * tool's read, e.g. the playground reading the grid it shows; never a person's action: personEdit). */
  uncounted<T>(fn: () => T): T;
}

/** A value typed by a person was refused by a data validation rule that rejects invalid input.
 * Ref: https://support.google.com/docs/answer/186103 ("Reject the input") */
export class EditRejected extends Error {
  constructor(readonly helpText: string, message?: string, userLocale = 'en') {
    // Sheets' rejection dialog is titled in the person's own language ("There was a problem" /
    // "出现问题") and shows the rule's help text below it.
    super(message ?? (/^zh/i.test(userLocale) ? `出现问题：${helpText}` : `There was a problem: ${helpText}`));
  }
}

function defaults(opts: EmulatorOptions): { userLocale: string; spreadsheetLocale: string; timeZone: string } {
  const userLocale = opts.userLocale ?? 'en';
  const zh = /^zh/i.test(userLocale);
  return {
    userLocale,
    spreadsheetLocale: opts.spreadsheetLocale ?? (zh ? 'zh_CN' : 'en_US'),
    timeZone: opts.timeZone ?? (zh ? 'Asia/Shanghai' : 'America/New_York'),
  };
}

/** Apps Script's message for a call the script is not authorized for; several scopes that each
 * suffice print as `(A || B)`. */
const PERMISSION = (key: string, scopes: readonly string[]): string =>
  `You do not have permission to call ${key}. Required permissions: ${scopes.length === 1 ? scopes[0] : `(${scopes.join(' || ')})`}`;
export const SCOPES = {
  sheetsCurrent: 'https://www.googleapis.com/auth/spreadsheets.currentonly',
  sheets: 'https://www.googleapis.com/auth/spreadsheets',
  ui: 'https://www.googleapis.com/auth/script.container.ui',
  email: 'https://www.googleapis.com/auth/userinfo.email',
} as const;
const SHEETS_ANY = [SCOPES.sheetsCurrent, SCOPES.sheets];

/**
 * The OAuth scopes each emulated member needs (any one of the list suffices), from the "Authorization"
 * blocks of the Apps Script reference: every Spreadsheet-service member needs spreadsheets.currentonly
 * or spreadsheets (https://developers.google.com/apps-script/reference/spreadsheet/spreadsheet-app);
 * dialogs and sidebars need script.container.ui (https://developers.google.com/apps-script/reference/base/ui);
 * a user's email needs userinfo.email (https://developers.google.com/apps-script/reference/base/user#getEmail()).
 * Properties, Lock, Cache, Session's locale and time zone, Utilities, Logger, HtmlService and menus
 * need none. null: no scope needed.
 * Ref: https://developers.google.com/apps-script/concepts/scopes (explicit oauthScopes in the manifest
 * are the only scopes the script gets)
 */
const SHEET_FAMILY = new Set(['SpreadsheetApp', 'Spreadsheet', 'Sheet', 'Range', 'RangeList', 'DataValidation', 'DataValidationBuilder', 'ConditionalFormatRule', 'ConditionalFormatRuleBuilder', 'BooleanCondition', 'Protection', 'Banding', 'DeveloperMetadata', 'DeveloperMetadataFinder', 'DeveloperMetadataLocation', 'EmbeddedChart', 'EmbeddedChartBuilder', 'ContainerInfo', 'ChartOptions']);
const UI_NEEDS_SCOPE = new Set(['alert', 'prompt', 'showSidebar', 'showModalDialog', 'showModelessDialog']);
export function requiredScopes(cls: string, method: string): readonly string[] | null {
  if (cls === 'SpreadsheetApp' && method === 'getUi') return null;
  if (SHEET_FAMILY.has(cls)) return SHEETS_ANY;
  if (cls === 'Ui' && UI_NEEDS_SCOPE.has(method)) return [SCOPES.ui];
  if (cls === 'User' && method === 'getEmail') return [SCOPES.email];
  return null;
}

/**
 * AuthMode: NONE (an add-on's onOpen before it is used in the document) allows building the menu and
 * reading the user's locale, nothing that touches the document or its properties. LIMITED (simple
 * triggers) allows the bound spreadsheet and properties but no services that need authorization
 * (no sidebars or dialogs). Then, in every mode, the member's scopes must be in the manifest.
 * Ref: https://developers.google.com/workspace/add-ons/concepts/editor-auth-lifecycle#authorization_modes
 * Ref: https://developers.google.com/apps-script/reference/script/auth-mode
 * Ref: https://developers.google.com/apps-script/guides/triggers#restrictions
 */
const NONE_ALLOWED_CLASSES = new Set(['Menu', 'Logger', 'console', 'Utilities']);
const NONE_ALLOWED = new Set(['SpreadsheetApp.getUi', 'Ui.createAddonMenu', 'Ui.createMenu', 'Session.getActiveUserLocale', 'Session.getScriptTimeZone']);
export function makeAuthPolicy(manifest: () => readonly string[] | null): AuthPolicy {
  return (mode, cls, method) => {
    const key = `${cls}.${method}`;
    const needs = requiredScopes(cls, method);
    if (mode === 'NONE' && !NONE_ALLOWED.has(key) && !NONE_ALLOWED_CLASSES.has(cls)) return PERMISSION(key, needs ?? SHEETS_ANY);
    if (mode === 'LIMITED' && (key === 'Ui.showSidebar' || key === 'Ui.showModalDialog' || key === 'Ui.showModelessDialog')) return PERMISSION(key, [SCOPES.ui]);
    const granted = manifest();
    if (granted && needs && !needs.some((x) => granted.includes(x))) return PERMISSION(key, needs);
    return null;
  };
}
/** The policy without a manifest check (kept for callers of the old name). */
export const authPolicy: AuthPolicy = makeAuthPolicy(() => null);

function quoteSheet(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

function plainArg(a: unknown, tz: string, home: SheetData | null): unknown {
  if (a instanceof Date) return a.toISOString();
  if (Array.isArray(a)) return a.map((x) => plainArg(x, tz, home));
  if (a && typeof a === 'object' && 'sheet' in a && 'box' in a) {
    const r = a as RangeRef;
    return r.sheet === home ? boxToA1(r.box) : `${quoteSheet(r.sheet.name)}!${boxToA1(r.box)}`;
  }
  if (a && typeof a === 'object' && 'name' in a && typeof (a as { name: unknown }).name === 'function') return enumName(a);
  return a;
}

function jsonValue(v: unknown): unknown {
  return v instanceof Date ? v.toISOString() : v;
}

/** The widest row's length (at least 1), without spreading rows into arguments (stack overflow past ~120k rows). */
function widest(rows: ReadonlyArray<ReadonlyArray<unknown>>): number {
  let w = 1;
  for (const r of rows) if (r.length > w) w = r.length;
  return w;
}

/** Compresses a set of cells into rectangles: runs of rows per column, merged across equal adjacent columns. */
function rectangles(cells: Array<[number, number]>): Box[] {
  const byCol = new Map<number, number[]>();
  for (const [r, c] of cells) {
    let l = byCol.get(c);
    if (!l) byCol.set(c, (l = []));
    l.push(r);
  }
  const runsByCol: Array<{ col: number; runs: Array<[number, number]> }> = [];
  for (const col of [...byCol.keys()].sort((a, b) => a - b)) {
    const rows = (byCol.get(col) ?? []).sort((a, b) => a - b);
    const runs: Array<[number, number]> = [];
    for (const r of rows) {
      const last = runs[runs.length - 1];
      if (last && last[1] === r - 1) last[1] = r;
      else runs.push([r, r]);
    }
    runsByCol.push({ col, runs });
  }
  const out: Box[] = [];
  let i = 0;
  while (i < runsByCol.length) {
    const cur = runsByCol[i];
    if (!cur) break;
    let j = i + 1;
    const key = JSON.stringify(cur.runs);
    while (j < runsByCol.length && runsByCol[j]?.col === cur.col + (j - i) && JSON.stringify(runsByCol[j]?.runs) === key) j++;
    for (const [a, b] of cur.runs) out.push({ row: a + 1, col: cur.col + 1, rows: b - a + 1, cols: j - i });
    i = j;
  }
  return out;
}

export function createEmulator(opts: EmulatorOptions = {}): EmulatorExt {
  const o = defaults(opts);
  const rt = new Runtime(opts.now ?? Date.parse('2026-01-15T09:00:00Z'));
  let manifestScopes: readonly string[] | null = opts.oauthScopes ?? null;
  rt.policy = makeAuthPolicy(() => manifestScopes);
  const enums = createEnums();
  SpreadsheetAppEnums.DataValidationCriteria = enums.DataValidationCriteria;
  SpreadsheetAppEnums.BooleanCriteria = enums.BooleanCriteria;
  const book = new Book('emulated-spreadsheet-0001', opts.spreadsheetName ?? 'Clients', o.spreadsheetLocale, o.timeZone);
  const wb = new Workbook(rt, book, enums);
  book.engine = new FormulaEngine(() => book.sheets, () => rt.now(), o.timeZone);
  const first = new SheetData(opts.firstSheetName ?? 'Sheet1', 0);
  book.nextSheetId = 1;
  book.sheets.push(first);
  book.active = first;

  const files: Record<string, string> = { ...(opts.files ?? {}) };
  const toasts: ToastLog[] = [];
  wb.toastSink = (message, title, timeoutSeconds) => void toasts.push(timeoutSeconds === undefined ? { message, title } : { message, title, timeoutSeconds });
  const uiState: UiState = { answers: [], alerts: [], menus: [], shown: [], logs: [] };
  const outputs = new WeakMap<object, HtmlOutputImpl>();
  let templateScope: Record<string, unknown> = {};
  const scopeStack: Array<Record<string, unknown>> = [];
  const htmlOf = (out: unknown): { html: string; title: string; width?: number; height?: number } => {
    const impl = out && typeof out === 'object' ? outputs.get(out) : undefined;
    if (!impl) throw new ScriptException('Invalid argument: userInterface');
    return { html: impl.content, title: impl.title, width: impl.width, height: impl.height };
  };
  const ui = makeUi(rt, enums, uiState, htmlOf);
  const props = { document: new PropertyStore(), user: new PropertyStore(), script: new PropertyStore() };
  const caches = { document: new CacheStore(), user: new CacheStore(), script: new CacheStore() };
  const locks = makeLockState(rt);
  if (opts.user) book.user = { ...opts.user };
  if (opts.cellLimit !== undefined) book.cellLimit = opts.cellLimit;
  const { Logger, console } = makeLogger(rt, uiState.logs);

  const globals: Record<string, unknown> = {
    SpreadsheetApp: makeSpreadsheetApp(wb, () => ui),
    PropertiesService: rt.wrap('PropertiesService', {
      getDocumentProperties: () => makeProperties(rt, props.document),
      getUserProperties: () => makeProperties(rt, props.user),
      getScriptProperties: () => makeProperties(rt, props.script),
    }, { methods: ['getDocumentProperties', 'getUserProperties', 'getScriptProperties'] }),
    LockService: rt.wrap('LockService', {
      // null "outside of the context of a containing document (such as a standalone script or webapp)"
      // Ref: https://developers.google.com/apps-script/reference/lock/lock-service#getDocumentLock()
      getDocumentLock: () => (opts.containingDocument === false ? null : makeLock(rt, 'document', locks)),
      getScriptLock: () => makeLock(rt, 'script', locks),
      getUserLock: () => makeLock(rt, `user:${book.user.email}`, locks),
    }, { methods: ['getDocumentLock', 'getScriptLock', 'getUserLock'] }),
    CacheService: rt.wrap('CacheService', {
      getDocumentCache: () => makeCache(rt, caches.document),
      getScriptCache: () => makeCache(rt, caches.script),
      getUserCache: () => makeCache(rt, caches.user),
    }, { methods: ['getDocumentCache', 'getScriptCache', 'getUserCache'] }),
    Session: makeSession(rt, o.userLocale, o.timeZone, () => book.user.email),
    Utilities: makeUtilities(rt, 0x5eed),
    HtmlService: makeHtmlService(rt, enums, () => files, () => templateScope, outputs),
    ScriptApp: rt.wrap('ScriptApp', { AuthMode: enums.AuthMode }, { methods: [], props: ['AuthMode'] }),
    Charts: rt.wrap('Charts', { ChartType: enums.ChartType }, { methods: [], props: ['ChartType'] }),
    Logger,
    console,
  };

  const sheetOf = (name?: string): SheetData => {
    const s = name === undefined ? book.sheets[0] : book.sheetByName(name);
    if (!s) throw new Error(`emulator: no sheet named ${String(name)}`);
    return s;
  };
  const boxOf = (s: SheetData, a1: string): { sheet: SheetData; box: Box } => {
    const { sheet, ref } = splitSheet(a1);
    const target = sheet ? sheetOf(sheet) : s;
    return { sheet: target, box: parseA1(ref, Math.max(target.maxRows, 1), Math.max(target.maxCols, 1)) };
  };
  /** The value an onEdit event reports: the stored value as text (dates as serial numbers).
   * Ref: https://developers.google.com/apps-script/guides/triggers/events#edit */
  const eventText = (v: Cell): string => (typeof v === 'boolean' ? (v ? 'TRUE' : 'FALSE') : String(v));
  /**
   * The onEdit event object of a person's action, by kind. Shapes:
   * - typing one cell: `value` (the new value as text), and `oldValue` when the cell held a value
   *   ("value: New cell value... Only available if the edited range is a single cell"; "oldValue: Cell
   *   value prior to the edit, if any. Only available if the edited range is a single cell.")
   *   Ref: https://developers.google.com/apps-script/guides/triggers/events#edit
   * - Delete on one cell: `oldValue` only, no `value` (measured: GetEditType's REMOVE_VALUE is
   *   `!("value" in e) && e.oldValue != ""`, https://github.com/tanaikech/GetEditType); Delete on an
   *   empty cell: neither.
   * - paste (one cell or a block, from Sheets or plain text), fill-down, a multi-cell Delete, undo:
   *   neither `value` nor `oldValue`; read the range. Measured for copy-paste of one cell and for
   *   multi-cell edits: "When an user copied and pasted from other cell, e.oldValue and e.value of
   *   onEdit(e) are not shown anything" (https://gist.github.com/tanaikech/73edaed1268a6d07118aed538aa5608d),
   *   and GetEditType's OTHER type ("Value of the clipboard was directly pasted to a cell. Copied down
   *   was run for a cell."). GetEditType's PUT_VALUE says a paste into an empty cell may carry `value`;
   *   undo is measured nowhere: the stricter reading (neither field) is modelled for both.
   */
  const editEvent = (s: SheetData, box: Box, fields?: { value?: Cell; old?: Cell }): EditEventLike => {
    const e: EditEventLike = {
      authMode: enums.AuthMode.LIMITED,
      range: wb.eventRange(s, box),
      source: wb.spreadsheet(),
      user: rt.wrap('User', { getEmail: () => '' }, { methods: ['getEmail'] }),
      triggerUid: 'emulated-edit',
    };
    if (fields?.value !== undefined) e.value = eventText(fields.value);
    if (fields?.old !== undefined && fields.old !== '') e.oldValue = eventText(fields.old);
    return e;
  };
  /** A person's action grows the sheet when it runs past the last row or column. The new rows and
   * columns carry no format, validation or rule: they do not inherit the formatted area's (the stricter
   * reading: whether Sheets extends anything to rows a paste adds is unconfirmed). */
  const grow = (s: SheetData, rows: number, cols: number): void => {
    const nr = Math.max(rows, s.maxRows);
    const nc = Math.max(cols, s.maxCols);
    // At most 18,278 columns (context.ts, MAX_COLUMNS) and 10 million cells.
    if (nc > MAX_COLUMNS) throw new EditRejected(COLUMN_LIMIT_MESSAGE, COLUMN_LIMIT_MESSAGE);
    book.checkCells(nr * nc - s.maxRows * s.maxCols, (m) => new EditRejected(m, m));
    s.maxRows = nr;
    s.maxCols = nc;
  };
  const personWrite = (s: SheetData, box: Box, values: string[][]): void => {
    grow(s, box.row + values.length - 1, box.col + widest(values) - 1);
    const impl = new RangeImpl(wb, s, box);
    values.forEach((row, i) => row.forEach((v, j) => impl.writeCell(box.row - 1 + i, box.col - 1 + j, v)));
    book.changed(s);
  };

  // ---- saved states of a block: for undo, and to roll back an edit a rule rejects ----
  // Kept compact (one array per layer, layers the sheet does not use skipped): a person's paste can be
  // 100,000 rows × 20 columns.
  interface CellState { v: Cell; f?: string; fmt?: string; dv?: object; bg?: string; fc?: string; fw?: string }
  type LayerName = 'formats' | 'validations' | 'backgrounds' | 'fontColors' | 'fontWeights';
  const LAYERS: LayerName[] = ['formats', 'validations', 'backgrounds', 'fontColors', 'fontWeights'];
  interface Saved { s: SheetData; box: Box; values: Cell[]; formulas: Map<number, string> | null; layers: Partial<Record<LayerName, unknown[]>>; cf: CFData[]; maxRows: number; maxCols: number }
  const capture = (s: SheetData, box: Box): Saved => {
    const values: Cell[] = [];
    const formulas = s.formulas.size ? new Map<number, string>() : null;
    const layers: Partial<Record<LayerName, unknown[]>> = {};
    for (const name of LAYERS) if (!(s[name] as { isEmpty(): boolean }).isEmpty()) layers[name] = [];
    let i = 0;
    for (let r = box.row - 1; r < box.row - 1 + box.rows; r++)
      for (let c = box.col - 1; c < box.col - 1 + box.cols; c++, i++) {
        values.push(s.getValue(r, c));
        const f = formulas ? s.formula(r, c) : undefined;
        if (f !== undefined) formulas?.set(i, f);
        for (const name of LAYERS) layers[name]?.push((s[name] as { get(r: number, c: number): unknown }).get(r, c));
      }
    return { s, box: { ...box }, values, formulas, layers, cf: [...s.cfRules], maxRows: s.maxRows, maxCols: s.maxCols };
  };
  const cellAt = (x: Saved, i: number): CellState => ({
    v: x.values[i] as Cell,
    f: x.formulas?.get(i),
    fmt: x.layers.formats?.[i] as string | undefined,
    dv: x.layers.validations?.[i] as object | undefined,
    bg: x.layers.backgrounds?.[i] as string | undefined,
    fc: x.layers.fontColors?.[i] as string | undefined,
    fw: x.layers.fontWeights?.[i] as string | undefined,
  });
  const restore = (x: Saved): void => {
    const { s, box } = x;
    let i = 0;
    for (let r = box.row - 1; r < box.row - 1 + box.rows; r++)
      for (let c = box.col - 1; c < box.col - 1 + box.cols; c++, i++) {
        s.setValue(r, c, x.values[i] as Cell);
        if (x.formulas || s.formulas.size) s.setFormula(r, c, x.formulas?.get(i));
        for (const name of LAYERS) {
          const layer = s[name] as { set(r: number, c: number, v: unknown): void; isEmpty(): boolean };
          const saved = x.layers[name];
          if (saved) layer.set(r, c, saved[i]);
          else if (!layer.isEmpty()) layer.set(r, c, undefined);
        }
      }
    s.cfRules = x.cf;
    s.maxRows = x.maxRows;
    s.maxCols = x.maxCols;
    book.changed(s);
  };
  const UNDO_DEPTH = 20;
  /** Person actions that can be undone (most recent last). */
  const undoStack: Saved[] = [];
  const remember = (x: Saved): void => {
    undoStack.push(x);
    if (undoStack.length > UNDO_DEPTH) undoStack.shift();
  };
  /** After a person's write: a cell whose rule rejects invalid input and whose new value breaks it
   * refuses the whole action (nothing changes, no onEdit), with the rule's help text.
   * Ref: https://support.google.com/docs/answer/186103 ("If the data is invalid: Reject the input").
   * No reference documents partial pastes; all-or-nothing is the strict reading. */
  const enforceRules = (before: Saved): void => {
    const { s, box } = before;
    if (s.validations.isEmpty()) return;
    for (let r = box.row - 1; r < box.row - 1 + box.rows; r++)
      for (let c = box.col - 1; c < box.col - 1 + box.cols; c++) {
        const dv = s.validations.get(r, c) as AppliedDV | undefined;
        if (!dv || dv.allowInvalid || isValid(wb, dv, s, r, c, scriptValue(s, r, c).raw)) continue;
        restore(before);
        throw new EditRejected(dv.helpText ?? 'Input must fall within specified range', undefined, o.userLocale);
      }
  };

  /** Copies one cell's content and formatting as Sheets' normal paste does: value, formula (its
   * relative references shifted), number format, colors, weight and data validation (the target's own
   * rule is replaced, or removed when the source has none).
   * Ref: https://developers.google.com/apps-script/reference/spreadsheet/copy-paste-type (PASTE_NORMAL:
   * "Paste values, formulas, formats and merges"; PASTE_DATA_VALIDATION, PASTE_CONDITIONAL_FORMATTING are
   * parts of it in the UI's normal paste: unconfirmed for Ctrl+V, inferred from the Sheets API's
   * PASTE_NORMAL, https://developers.google.com/sheets/api/reference/rest/v4/PasteType).
   * Validation objects are copied once per source rule (`dvCopies`), with their anchor moved. */
  const copyCell = (src: SheetData, sr: number, sc: number, dst: SheetData, dr: number, dc: number, dvCopies: Map<object, object>): void => {
    const f = src.formula(sr, sc);
    dst.setFormula(dr, dc, f === undefined ? undefined : shiftFormula(f, dr - sr, dc - sc));
    dst.setValue(dr, dc, f === undefined ? src.getValue(sr, sc) : '');
    dst.formats.set(dr, dc, src.formats.get(sr, sc));
    dst.backgrounds.set(dr, dc, src.backgrounds.get(sr, sc));
    dst.fontColors.set(dr, dc, src.fontColors.get(sr, sc));
    dst.fontWeights.set(dr, dc, src.fontWeights.get(sr, sc));
    const dv = src.validations.get(sr, sc) as AppliedDV | undefined;
    if (!dv) dst.validations.set(dr, dc, undefined);
    else {
      let copy = dvCopies.get(dv);
      if (!copy) {
        // The formula is rewritten for the moved anchor (as copyTo does): each pasted cell reads as far
        // from itself as its source cell read from itself.
        const args = dv.criteria === 'CUSTOM_FORMULA' ? [shiftFormula(String(dv.args[0]), dr - sr, dc - sc)] : [...dv.args];
        copy = { ...dv, args, anchor: { row: dv.anchor.row + (dr - sr), col: dv.anchor.col + (dc - sc) } } as AppliedDV;
        dvCopies.set(dv, copy);
      }
      dst.validations.set(dr, dc, copy);
    }
  };
  /** Conditional format rules of the source block come along: one new rule per source rule, on the
   * pasted cells it covered, its formula rewritten for the new top-left cell. */
  const copyRules = (src: SheetData, from: Box, dst: SheetData, to: Box): void => {
    const added: CFData[] = [];
    for (const rule of src.cfRules) {
      const anchor = rule.ranges[0]?.box;
      if (!anchor) continue;
      for (const rr of rule.ranges) {
        if (rr.sheet !== src) continue;
        const r1 = Math.max(rr.box.row, from.row);
        const c1 = Math.max(rr.box.col, from.col);
        const r2 = Math.min(rr.box.row + rr.box.rows, from.row + from.rows) - 1;
        const c2 = Math.min(rr.box.col + rr.box.cols, from.col + from.cols) - 1;
        if (r1 > r2 || c1 > c2) continue;
        const box = { row: r1 - from.row + to.row, col: c1 - from.col + to.col, rows: r2 - r1 + 1, cols: c2 - c1 + 1 };
        const cond = rule.condition && rule.condition.type === 'CUSTOM_FORMULA'
          ? { ...rule.condition, args: [shiftFormula(String(rule.condition.args[0]), box.row - anchor.row, box.col - anchor.col)] }
          : rule.condition && { ...rule.condition, args: [...rule.condition.args] };
        added.push({ ...rule, ranges: [{ sheet: dst, box }], condition: cond, format: { ...rule.format } } as CFData);
      }
    }
    if (added.length) dst.cfRules = [...dst.cfRules, ...added];
  };

  const targetOf = (a1: string, sheetName?: string): { s: SheetData; box: Box } => {
    const { sheet, box } = boxOf(sheetName === undefined ? book.active : sheetOf(sheetName), a1);
    return { s: sheet, box };
  };

  /**
   * A person selects only cells of the sheet's grid (getMaxRows × getMaxColumns: "the current number of
   * rows in the sheet, regardless of content", https://developers.google.com/apps-script/reference/spreadsheet/sheet#getMaxRows()):
   * typing, Delete, fill-down and copying act on a selection, so a cell past the grid is refused (the
   * person adds rows or columns first). A paste is not checked here: it grows the sheet (see grow).
   */
  const inGrid = (s: SheetData, box: Box, a1: string): void => {
    if (box.row + box.rows - 1 <= s.maxRows && box.col + box.cols - 1 <= s.maxCols) return;
    const m = `${splitSheet(a1).ref} is outside the sheet "${s.name}" (${s.maxRows} rows × ${s.maxCols} columns): a person adds rows or columns first (a paste grows the sheet)`;
    throw new EditRejected(m, m);
  };
  /** A person may not change cells of a protection they are not an editor of (Sheets shows its
   * message and nothing changes); a warning-only protection lets them through after its warning. */
  const mayEdit = (s: SheetData, box: Box): void => {
    try {
      checkEditable(wb, s, box);
    } catch (e) {
      throw new EditRejected(PROTECTED_MESSAGE, (e as Error).message);
    }
  };
  /** Runs one person action; returns the onEdit event it fires (see editEvent for the shapes). */
  const personEdit = (action: PersonAction): EditEventLike => {
    switch (action.kind) {
      case 'type': {
        const { s, box: b } = targetOf(action.a1, action.sheet);
        const box = { ...b, rows: 1, cols: 1 };
        inGrid(s, box, action.a1);
        const r = box.row - 1;
        const c = box.col - 1;
        const old = scriptValue(s, r, c).raw;
        mayEdit(s, box);
        const before = capture(s, box);
        personWrite(s, box, [[action.value]]);
        enforceRules(before);
        remember(before);
        return editEvent(s, box, { value: scriptValue(s, r, c).raw, old });
      }
      case 'paste': {
        const { s, box: b } = targetOf(action.a1, action.sheet);
        const box = { row: b.row, col: b.col, rows: action.values.length, cols: widest(action.values) };
        for (const [name, layer] of [['numberFormats', action.numberFormats], ['validations', action.validations]] as const) {
          if (layer && (layer.length !== box.rows || layer.some((row) => row.length > box.cols))) throw new Error(`emulator: a paste's ${name} must have the rows and columns of its values`);
        }
        mayEdit(s, box);
        const before = capture(s, box);
        grow(s, box.row + box.rows - 1, box.col + box.cols - 1);
        // Formats that come with the pasted text (e.g. from another spreadsheet) apply before parsing:
        // a '@' source keeps `00123` text.
        action.numberFormats?.forEach((row, i) => row.forEach((f, j) => s.formats.set(box.row - 1 + i, box.col - 1 + j, f === '' ? undefined : f)));
        // Validation that comes with them replaces the target's (null: the source cell had none).
        action.validations?.forEach((row, i) =>
          row.forEach((v, j) => {
            const r = box.row - 1 + i;
            const c = box.col - 1 + j;
            s.validations.set(r, c, v ? ({ criteria: v.criteria, args: [...v.args], allowInvalid: v.allowInvalid ?? true, helpText: v.helpText ?? null, anchor: { row: r + 1, col: c + 1 } } as AppliedDV) : undefined);
          }),
        );
        personWrite(s, box, action.values);
        enforceRules(before);
        remember(before);
        return editEvent(s, box);
      }
      case 'pasteFrom': {
        const src = targetOf(action.from, action.fromSheet);
        inGrid(src.s, src.box, action.from);
        const { s, box: b } = targetOf(action.a1, action.sheet);
        const box = { row: b.row, col: b.col, rows: src.box.rows, cols: src.box.cols };
        mayEdit(s, box);
        const before = capture(s, box);
        grow(s, box.row + box.rows - 1, box.col + box.cols - 1);
        // Read the whole source first: source and target may overlap.
        const block = capture(src.s, src.box);
        const scratch = new SheetData('__clipboard', -1, src.s.maxRows, src.s.maxCols);
        let i = 0;
        for (let r = src.box.row - 1; r < src.box.row - 1 + src.box.rows; r++)
          for (let c = src.box.col - 1; c < src.box.col - 1 + src.box.cols; c++) {
            const st = cellAt(block, i++);
            if (action.special === 'values') {
              const raw = st.f !== undefined ? book.engine.valueAt(src.s, r, c) : st.v;
              scratch.setValue(r, c, raw);
            } else {
              scratch.setValue(r, c, st.v);
              scratch.setFormula(r, c, st.f);
              scratch.formats.set(r, c, st.fmt);
              scratch.validations.set(r, c, st.dv);
              scratch.backgrounds.set(r, c, st.bg);
              scratch.fontColors.set(r, c, st.fc);
              scratch.fontWeights.set(r, c, st.fw);
            }
          }
        const dvCopies = new Map<object, object>();
        for (let i2 = 0; i2 < box.rows; i2++)
          for (let j = 0; j < box.cols; j++) {
            const sr = src.box.row - 1 + i2;
            const sc = src.box.col - 1 + j;
            const dr = box.row - 1 + i2;
            const dc = box.col - 1 + j;
            if (action.special === 'values') {
              // PASTE_VALUES: "Paste the values ONLY without formats, formulas or merges."
              s.setFormula(dr, dc, undefined);
              s.setValue(dr, dc, scratch.getValue(sr, sc));
            } else copyCell(scratch, sr, sc, s, dr, dc, dvCopies);
          }
        if (action.special !== 'values') copyRules(src.s, src.box, s, box);
        book.changed(s);
        enforceRules(before);
        remember(before);
        return editEvent(s, box);
      }
      case 'fillDown': {
        // Ctrl+D over a selection: its first row is copied into the rows below, as a normal paste.
        const { s, box } = targetOf(action.a1, action.sheet);
        if (box.rows < 2) throw new Error('emulator: fillDown needs a selection of two rows or more');
        inGrid(s, box, action.a1);
        mayEdit(s, box);
        const before = capture(s, box);
        const dvCopies = new Map<object, object>();
        const sr = box.row - 1;
        for (let i = 1; i < box.rows; i++) for (let j = 0; j < box.cols; j++) copyCell(s, sr, box.col - 1 + j, s, sr + i, box.col - 1 + j, dvCopies);
        copyRules(s, { ...box, rows: 1 }, s, { ...box, row: box.row + 1, rows: box.rows - 1 });
        book.changed(s);
        enforceRules(before);
        remember(before);
        return editEvent(s, box);
      }
      case 'delete': {
        // The Delete key clears contents only: formats, validation and rules stay.
        const { s, box } = targetOf(action.a1, action.sheet);
        inGrid(s, box, action.a1);
        mayEdit(s, box);
        const before = capture(s, box);
        const old = box.rows === 1 && box.cols === 1 ? scriptValue(s, box.row - 1, box.col - 1).raw : '';
        for (let r = box.row - 1; r < box.row - 1 + box.rows; r++)
          for (let c = box.col - 1; c < box.col - 1 + box.cols; c++) {
            s.setValue(r, c, '');
            s.setFormula(r, c, undefined);
          }
        book.changed(s);
        remember(before);
        return box.rows === 1 && box.cols === 1 ? editEvent(s, box, { old }) : editEvent(s, box);
      }
      case 'undo': {
        const last = undoStack.pop();
        if (!last) throw new Error('emulator: nothing to undo');
        restore(last);
        return editEvent(last.s, last.box);
      }
      default:
        throw new Error(`emulator: unknown person action ${(action as { kind: string }).kind}`);
    }
  };

  const scriptValue = (s: SheetData, r: number, c: number): { raw: Cell; value: unknown } => {
    const f = s.formula(r, c);
    const raw = f !== undefined ? book.engine.valueAt(s, r, c) : s.getValue(r, c);
    const fmt = s.formats.get(r, c);
    return { raw, value: typeof raw === 'number' && isDateFormat(fmt) ? serialToDate(raw, book.tz) : raw };
  };

  const snapshotSheet = (s: SheetData): SimSheet => {
    const rows = Math.max(1, s.lastRow());
    const cols = Math.max(1, s.lastColumn());
    const values: unknown[][] = [];
    const formulas: string[][] = [];
    const notes: string[][] = [];
    const backgrounds: string[][] = [];
    const numberFormats: string[][] = [];
    for (let r = 0; r < rows; r++) {
      const v: unknown[] = [];
      const f: string[] = [];
      const n: string[] = [];
      const b: string[] = [];
      const nf: string[] = [];
      for (let c = 0; c < cols; c++) {
        v.push(jsonValue(scriptValue(s, r, c).value));
        f.push(s.formula(r, c) ?? '');
        n.push(s.notes.get(r, c) ?? '');
        b.push(s.backgrounds.get(r, c) ?? '#ffffff');
        nf.push(s.formats.get(r, c) ?? DEFAULT_FORMAT);
      }
      values.push(v);
      formulas.push(f);
      notes.push(n);
      backgrounds.push(b);
      numberFormats.push(nf);
    }
    // Validations grouped by rule: cells hold per-cell copies of rules (as Sheets stores them), so equal
    // rules are merged back into A1 ranges. A custom formula is compared in its position-free form (the
    // same rule written for E2 on E2:E500 and for E501 on E501:E1000 is one rule) and printed for the
    // top-left cell of each range.
    const groups = new Map<string, { dv: AppliedDV; cells: Array<[number, number]> }>();
    const keys = new Map<object, string>();
    s.validations.rows.forEach((row, r) => {
      row?.forEach((d, c) => {
        if (!d) return;
        const dv = d as AppliedDV;
        let key = keys.get(dv);
        if (key === undefined) {
          const args = dv.criteria === 'CUSTOM_FORMULA' ? [relativeForm(String(dv.args[0]), dv.anchor.row, dv.anchor.col)] : plainArg(dv.args, book.tz, s);
          key = JSON.stringify([dv.criteria, args, dv.allowInvalid, dv.helpText]);
          keys.set(dv, key);
        }
        let g = groups.get(key);
        if (!g) groups.set(key, (g = { dv, cells: [] }));
        g.cells.push([r, c]);
      });
    });
    const validations: SimValidation[] = [];
    for (const g of groups.values()) {
      for (const box of rectangles(g.cells)) {
        const dv = g.dv;
        const args = dv.criteria === 'CUSTOM_FORMULA' ? [shiftFormula(String(dv.args[0]), box.row - dv.anchor.row, box.col - dv.anchor.col)] : (plainArg(dv.args, book.tz, s) as unknown[]);
        validations.push({ range: boxToA1(box), criteria: dv.criteria, args, allowInvalid: dv.allowInvalid, helpText: dv.helpText });
      }
    }
    const conditionalFormats: SimConditionalFormat[] = s.cfRules.map((d) => ({
      ranges: d.ranges.map((r) => boxToA1(r.box)),
      condition: { type: d.condition?.type ?? '', args: plainArg(d.condition?.args ?? [], book.tz, s) as unknown[] },
      format: { ...d.format },
    }));
    const charts: SimChart[] = s.charts.map((c) => ({ chartType: c.chartType, ranges: c.ranges.map((r) => plainArg(r, book.tz, s) as string), position: { ...c.position }, options: { ...c.options } }));
    const protections: SimProtection[] = s.protections.map((p) => ({ range: p.box ? boxToA1(p.box) : null, description: p.description, warningOnly: p.warningOnly }));
    return { name: s.name, values, formulas, notes, backgrounds, numberFormats, validations, conditionalFormats, charts, protections, frozenRows: s.frozenRows, hidden: s.hidden };
  };

  const emu: EmulatorExt = {
    globals,
    options: o,
    setAuthMode: (m: AuthModeName) => rt.setAuthMode(m),
    authMode: () => rt.authMode(),
    loadRows(rows: string[][], sheetName?: string) {
      const s = sheetOf(sheetName);
      personWrite(s, { row: 1, col: 1, rows: rows.length, cols: widest(rows) }, rows);
    },
    typeValue(a1: string, value: string, sheetName?: string) {
      return personEdit({ kind: 'type', a1, value, sheet: sheetName });
    },
    pasteValues(a1: string, values: string[][], sheetName?: string) {
      return personEdit({ kind: 'paste', a1, values, sheet: sheetName });
    },
    personEdit,
    queueAnswers(answers: Array<string | QueuedAnswer>) {
      uiState.answers.push(...answers);
    },
    failAfterCalls: (n: number) => rt.failAfterCalls(n),
    activateSheet(name: string) {
      book.active = sheetOf(name);
    },
    stats: () => rt.stats(),
    resetStats: () => rt.resetStats(),
    runScript: <T>(fn: () => T): T => rt.runScript(fn),
    toasts,
    alerts: uiState.alerts,
    menus: uiState.menus,
    shownHtml: uiState.shown,
    snapshot: () => ({ sheets: book.sheets.map(snapshotSheet) }),
    sheetNames: () => book.sheets.map((s) => s.name),
    view(sheetName: string, a1: string): CellView[][] {
      const s = sheetOf(sheetName);
      const box = parseA1(a1, Math.max(s.maxRows, 1), Math.max(s.maxCols, 1));
      const cache = new Map<string, boolean>();
      const out: CellView[][] = [];
      for (let i = 0; i < box.rows; i++) {
        const row: CellView[] = [];
        for (let j = 0; j < box.cols; j++) {
          const r = box.row - 1 + i;
          const c = box.col - 1 + j;
          const { raw, value } = scriptValue(s, r, c);
          let background = s.backgrounds.get(r, c) ?? null;
          let fontColor = s.fontColors.get(r, c) ?? null;
          let bold = s.fontWeights.get(r, c) === 'bold';
          for (const rule of s.cfRules) {
            if (!rule.ranges.some((rr) => r >= rr.box.row - 1 && r < rr.box.row - 1 + rr.box.rows && c >= rr.box.col - 1 && c < rr.box.col - 1 + rr.box.cols)) continue;
            if (!ruleMatches(wb, rule, s, r, c, raw, cache)) continue;
            if (rule.format.background !== undefined && rule.format.background !== null) background = rule.format.background;
            if (rule.format.fontColor !== undefined && rule.format.fontColor !== null) fontColor = rule.format.fontColor;
            if (rule.format.bold !== undefined && rule.format.bold !== null) bold = rule.format.bold;
            break; // the first matching rule wins
          }
          const dv = s.validations.get(r, c) as AppliedDV | undefined;
          row.push({
            value,
            display: displayValue(raw, s.formats.get(r, c), book.locale),
            formula: s.formula(r, c) ?? '',
            note: s.notes.get(r, c) ?? '',
            numberFormat: s.formats.get(r, c) ?? DEFAULT_FORMAT,
            background,
            fontColor,
            bold,
            validation: dv ? { criteria: dv.criteria, args: plainArg(dv.args, book.tz, s) as unknown[], allowInvalid: dv.allowInvalid, helpText: dv.helpText, valid: isValid(wb, dv, s, r, c, raw), listValues: listValues(dv) } : null,
          });
        }
        out.push(row);
      }
      return out;
    },
    dataSize(sheetName: string) {
      const s = sheetOf(sheetName);
      return { rows: s.lastRow(), columns: s.lastColumn() };
    },
    now: () => rt.now(),
    logs: uiState.logs,
    setTemplateScope(scope) {
      templateScope = scope;
    },
    setRealmError(make) {
      rt.realmError = make;
    },
    noteLoad(ms) {
      rt.noteLoad(ms);
    },
    contendLock(kind, held) {
      if (held) locks.contended.add(kind);
      else locks.contended.delete(kind);
    },
    beginExecution(limitMs) {
      scopeStack.push(templateScope);
      rt.beginExecution(limitMs);
    },
    endExecution() {
      rt.endExecution();
      templateScope = scopeStack.pop() ?? {};
    },
    pauseAtCall: (n, run) => rt.pauseAtCall(n, run),
    cancelPause: () => rt.cancelPause(),
    executionDepth: () => rt.depth(),
    setUser(user) {
      book.user = { ...user };
    },
    setManifestScopes(scopes) {
      manifestScopes = scopes === null ? null : [...scopes];
    },
    eventSource: () => wb.spreadsheet(),
    uncounted: <T>(fn: () => T): T => rt.uncounted(fn),
    setFile(name, content) {
      files[name] = content;
    },
  };
  return emu;
}
