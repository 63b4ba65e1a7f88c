/**
 * The strict Sheets emulator: `createEmulator()` builds one spreadsheet with the Apps Script globals the
 * add-on uses. See ./types.ts for the public surface and docs/ARCHITECTURE.md "The emulator".
 *
 * Files: runtime.ts (strict counted proxies, clock, faults, AuthMode), a1.ts, values.ts (typing
 * semantics), display.ts (number formats), dates.ts (serials, zones, formatDate), model.ts (row-array
 * store + sparse layers), formulas.ts (HyperFormula, lazily), range.ts, spreadsheet.ts (Sheet,
 * Spreadsheet, SpreadsheetApp), validation.ts, conditional.ts, objects.ts (protection, charts, banding,
 * developer metadata), services.ts (Ui, HtmlService, Properties, Lock, Cache, Session, Utilities, Logger).
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
import { Book } from './context';
import { serialToDate } from './dates';
import { displayValue } from './display';
import { createEnums } from './enums';
import { FormulaEngine, relativeForm, shiftFormula } from './formulas';
import { type RangeRef, SheetData } from './model';
import { RangeImpl } from './range';
import { type AuthPolicy, enumName, Runtime, ScriptException } from './runtime';
import { CacheStore, type HtmlOutputImpl, type LockState, makeCache, makeHtmlService, makeLock, makeLogger, makeProperties, makeSession, makeUi, makeUtilities, PropertyStore, type UiState } from './services';
import { makeSpreadsheetApp, Workbook } from './spreadsheet';
import type { AuthModeName, CellView, EditEventLike, Emulator, EmulatorOptions, SimChart, SimConditionalFormat, SimProtection, SimSheet, SimValidation, ToastLog } from './types';
import { type AppliedDV, isValid, listValues, SpreadsheetAppEnums } from './validation';
import { type Cell, DEFAULT_FORMAT, isDateFormat } from './values';

export type * from './types';
export { ScriptException, TIME_LIMIT_MESSAGE } from './runtime';
export { PROPERTY_STORE_ERROR, PROPERTY_VALUE_ERROR } from './services';

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
  /** Simulates another execution holding a lock ('document' | 'script' | 'user'). */
  contendLock(kind: 'document' | 'script' | 'user', held: boolean): void;
  /** Starts one execution with its time limit in simulated ms (360000; 30000 for simple triggers). */
  beginExecution(limitMs: number): void;
  /** Ends one execution: locks are released and a time-limit failure stops striking. */
  endExecution(): void;
  /** Files for HtmlService, by name. */
  setFile(name: string, content: string): void;
  /** The Spreadsheet object trigger events carry as `source` (not a counted call). */
  eventSource(): GoogleAppsScript.Spreadsheet.Spreadsheet;
}

/** A value typed by a person was refused by a data validation rule that rejects invalid input.
 * Ref: https://support.google.com/docs/answer/186103 ("Reject the input") */
export class EditRejected extends Error {
  constructor(readonly helpText: string) {
    super(`There was a problem: ${helpText}`);
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

const PERMISSION = (key: string, scope: string): string => `You do not have permission to call ${key}. Required permissions: ${scope}`;
const SHEETS_SCOPE = 'https://www.googleapis.com/auth/spreadsheets.currentonly';
const UI_SCOPE = 'https://www.googleapis.com/auth/script.container.ui';

/**
 * AuthMode: NONE (an add-on's onOpen before it is used in the document) allows building the menu and
 * reading the user's locale, nothing that touches the document or its properties. LIMITED (simple
 * triggers) allows the bound spreadsheet and properties but no services that need authorization
 * (no sidebars or dialogs).
 * Ref: https://developers.google.com/workspace/add-ons/concepts/editor-auth-lifecycle#authorization_modes
 * Ref: https://developers.google.com/apps-script/reference/script/auth-mode
 * Ref: https://developers.google.com/apps-script/guides/triggers#restrictions
 */
const NONE_ALLOWED_CLASSES = new Set(['Menu', 'Logger', 'console', 'Utilities']);
const NONE_ALLOWED = new Set(['SpreadsheetApp.getUi', 'Ui.createAddonMenu', 'Ui.createMenu', 'Session.getActiveUserLocale', 'Session.getScriptTimeZone']);
const SHEET_CLASSES = new Set(['SpreadsheetApp', 'Spreadsheet', 'Sheet', 'Range']);
export const authPolicy: AuthPolicy = (mode, cls, method) => {
  if (mode === 'FULL') return null;
  const key = `${cls}.${method}`;
  if (mode === 'NONE') {
    if (NONE_ALLOWED.has(key) || NONE_ALLOWED_CLASSES.has(cls)) return null;
    return PERMISSION(key, SHEETS_CLASSES_SCOPE(cls));
  }
  if (key === 'Ui.showSidebar' || key === 'Ui.showModalDialog' || key === 'Ui.showModelessDialog') return PERMISSION(key, UI_SCOPE);
  return null;
};
function SHEETS_CLASSES_SCOPE(cls: string): string {
  return SHEET_CLASSES.has(cls) ? SHEETS_SCOPE : cls === 'Ui' || cls === 'HtmlService' ? UI_SCOPE : SHEETS_SCOPE;
}

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
  rt.policy = authPolicy;
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
  const htmlOf = (out: unknown): { html: string; title: string; width?: number; height?: number } => {
    const impl = out && typeof out === 'object' ? outputs.get(out) : undefined;
    if (!impl) throw new ScriptException('Invalid argument: userInterface');
    return { html: impl.content, title: impl.title, width: impl.width, height: impl.height };
  };
  const ui = makeUi(rt, enums, uiState, htmlOf);
  const props = { document: new PropertyStore(), user: new PropertyStore(), script: new PropertyStore() };
  const caches = { document: new CacheStore(), user: new CacheStore(), script: new CacheStore() };
  const locks: LockState = { held: new Set(), contended: new Set() };
  const { Logger, console } = makeLogger(rt, uiState.logs);

  const globals: Record<string, unknown> = {
    SpreadsheetApp: makeSpreadsheetApp(wb, () => ui),
    PropertiesService: rt.wrap('PropertiesService', {
      getDocumentProperties: () => makeProperties(rt, props.document),
      getUserProperties: () => makeProperties(rt, props.user),
      getScriptProperties: () => makeProperties(rt, props.script),
    }, { methods: ['getDocumentProperties', 'getUserProperties', 'getScriptProperties'] }),
    LockService: rt.wrap('LockService', {
      getDocumentLock: () => makeLock(rt, 'document', locks),
      getScriptLock: () => makeLock(rt, 'script', locks),
      getUserLock: () => makeLock(rt, 'user', locks),
    }, { methods: ['getDocumentLock', 'getScriptLock', 'getUserLock'] }),
    CacheService: rt.wrap('CacheService', {
      getDocumentCache: () => makeCache(rt, caches.document),
      getScriptCache: () => makeCache(rt, caches.script),
      getUserCache: () => makeCache(rt, caches.user),
    }, { methods: ['getDocumentCache', 'getScriptCache', 'getUserCache'] }),
    Session: makeSession(rt, o.userLocale, o.timeZone),
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
  const grow = (s: SheetData, rows: number, cols: number): void => {
    if (rows > s.maxRows) s.maxRows = rows;
    if (cols > s.maxCols) s.maxCols = cols;
  };
  const boxOf = (s: SheetData, a1: string): { sheet: SheetData; box: Box } => {
    const { sheet, ref } = splitSheet(a1);
    const target = sheet ? sheetOf(sheet) : s;
    return { sheet: target, box: parseA1(ref, Math.max(target.maxRows, 1), Math.max(target.maxCols, 1)) };
  };
  /** The value an onEdit event reports: the stored value as text (dates as serial numbers).
   * Ref: https://developers.google.com/apps-script/guides/triggers/events#edit */
  const eventText = (v: Cell): string => (typeof v === 'boolean' ? (v ? 'TRUE' : 'FALSE') : String(v));
  const editEvent = (s: SheetData, box: Box, single?: { value: Cell; old: Cell }): EditEventLike => {
    const e: EditEventLike = {
      authMode: enums.AuthMode.LIMITED,
      range: wb.range(s, box),
      source: wb.spreadsheet(),
      user: rt.wrap('User', { getEmail: () => '' }, { methods: ['getEmail'] }),
      triggerUid: 'emulated-edit',
    };
    if (single) {
      e.value = eventText(single.value);
      if (single.old !== '') e.oldValue = eventText(single.old);
    }
    return e;
  };
  const personWrite = (s: SheetData, box: Box, values: string[][]): void => {
    grow(s, box.row + values.length - 1, box.col + widest(values) - 1);
    const impl = new RangeImpl(wb, s, box);
    values.forEach((row, i) => row.forEach((v, j) => impl.writeCell(box.row - 1 + i, box.col - 1 + j, v)));
    book.changed(s);
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
      const { sheet: s, box } = boxOf(sheetName === undefined ? book.active : sheetOf(sheetName), a1);
      const r = box.row - 1;
      const c = box.col - 1;
      const old = scriptValue(s, r, c).raw;
      const before = { v: s.getValue(r, c), f: s.formula(r, c), fmt: s.formats.get(r, c), rows: s.maxRows, cols: s.maxCols };
      personWrite(s, { ...box, rows: 1, cols: 1 }, [[value]]);
      const dv = s.validations.get(r, c) as AppliedDV | undefined;
      if (dv && !dv.allowInvalid) {
        const now = scriptValue(s, r, c).raw;
        if (!isValid(wb, dv, s, r, c, now)) {
          s.setValue(r, c, before.v);
          s.setFormula(r, c, before.f);
          s.formats.set(r, c, before.fmt);
          s.maxRows = before.rows;
          s.maxCols = before.cols;
          book.changed(s);
          throw new EditRejected(dv.helpText ?? `Input must fall within specified range`);
        }
      }
      return editEvent(s, { ...box, rows: 1, cols: 1 }, { value: scriptValue(s, r, c).raw, old });
    },
    pasteValues(a1: string, values: string[][], sheetName?: string) {
      const { sheet: s, box } = boxOf(sheetName === undefined ? book.active : sheetOf(sheetName), a1);
      const full = { row: box.row, col: box.col, rows: values.length, cols: widest(values) };
      // A paste is one edit: when a pasted value breaks a rule that rejects invalid input, the whole
      // paste is refused with the rule's message and nothing changes (no onEdit), as typing is refused.
      // Ref: https://support.google.com/docs/answer/186103 ("If the data is invalid: Reject the input").
      // No reference found documents partial pastes; all-or-nothing is the strict reading.
      const before: Array<{ r: number; c: number; v: Cell; f: string | undefined; fmt: string | undefined }> = [];
      values.forEach((row, i) => row.forEach((_v, j) => {
        const r = full.row - 1 + i;
        const c = full.col - 1 + j;
        before.push({ r, c, v: s.getValue(r, c), f: s.formula(r, c), fmt: s.formats.get(r, c) });
      }));
      const grown = { rows: s.maxRows, cols: s.maxCols };
      personWrite(s, full, values);
      if (!s.validations.isEmpty()) {
        for (const b of before) {
          const dv = s.validations.get(b.r, b.c) as AppliedDV | undefined;
          if (!dv || dv.allowInvalid || isValid(wb, dv, s, b.r, b.c, scriptValue(s, b.r, b.c).raw)) continue;
          for (const x of before) {
            s.setValue(x.r, x.c, x.v);
            s.setFormula(x.r, x.c, x.f);
            s.formats.set(x.r, x.c, x.fmt);
          }
          s.maxRows = grown.rows;
          s.maxCols = grown.cols;
          book.changed(s);
          throw new EditRejected(dv.helpText ?? 'Input must fall within specified range');
        }
      }
      if (full.rows === 1 && full.cols === 1) return editEvent(s, full, { value: scriptValue(s, full.row - 1, full.col - 1).raw, old: '' });
      return editEvent(s, full);
    },
    queueAnswers(answers: string[]) {
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
    contendLock(kind, held) {
      if (held) locks.contended.add(kind);
      else locks.contended.delete(kind);
    },
    beginExecution(limitMs) {
      rt.beginExecution(limitMs);
    },
    endExecution() {
      locks.held.clear();
      rt.endExecution();
    },
    eventSource: () => wb.spreadsheet(),
    setFile(name, content) {
      files[name] = content;
    },
  };
  return emu;
}
