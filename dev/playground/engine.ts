/**
 * The playground's engine: one emulated spreadsheet with the built dist/Code.js loaded through the
 * flow harness, exactly as tests and `clientflow sim` run it. It lives in a worker thread (see
 * server.ts) so that a script can be *suspended* on an alert or prompt, as Apps Script does:
 *
 *   "Alerts suspend the server-side script while the dialog is open. The script resumes after the
 *    user closes the dialog."  (https://developers.google.com/apps-script/guides/dialogs#alert_dialogs)
 *
 * Design (honest dialogs): the add-on sees the emulator's own `Ui`, wrapped so that `alert` and
 * `prompt` first tell the page about the dialog and block this thread (Atomics.wait) until the person
 * answers; the answer is then queued with `queueAnswers` and the emulator's real `alert`/`prompt` runs
 * and returns it (and logs it). Nothing is re-run and nothing is rolled back: the script simply waits
 * mid-execution, so the sheet ends exactly as the add-on leaves it, with every write before the dialog
 * visible while it is open (as in Sheets). While blocked, the thread still answers the page's requests
 * for the rendered state (read-only; nothing else runs).
 */
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { receiveMessageOnPort, type MessagePort } from 'node:worker_threads';
import { createEmulator, type EmulatorExt } from '../emulator';
import { CPU_FACTOR } from '../emulator/runtime';
import type { CellView, Emulator, SimSheet } from '../emulator/types';
import { loadAddon, type Addon, type Outcome } from '../harness';
import { parseCsv } from '../../src/cli/csv';
import { activate, pasteAction, personAct } from '../person';
import { columnLetter } from './tsv';
import type { ActionResult, ActionSummary, CellOut, ChartOut, DialogOut, EngineOp, EngineReply, MenuOut, SheetState, StateOut } from './protocol';

export interface EngineConfig {
  root: string;
  dataFile: string;
  locale: string;
  codeFile: string;
  sidebarFile: string;
}

/** Extra empty rows and columns shown past the data, so a person can type there (Sheets shows 1000×26). */
const EXTRA_ROWS = 50;
const MIN_ROWS = 100;
const EXTRA_COLUMNS = 3;
const MIN_COLUMNS = 10;
const MAX_COLUMNS = 200;
const MAX_WINDOW = 400;
const DEFAULT_WIDTH = 100;

/** How the engine hands a dialog to the page and waits for its answer (implemented by the worker). */
export interface DialogChannel {
  /** Blocks until the page answers; meanwhile serves state requests. Returns 'YES', 'OK', text, … */
  wait(dialog: DialogOut): string;
  /** Wall time spent waiting for people so far (ms). */
  waitedMs(): number;
}

const BUTTON_SETS = ['YES_NO_CANCEL', 'YES_NO', 'OK_CANCEL', 'OK'];

/** Apps Script enums print as their name (Ref: https://developers.google.com/apps-script/reference/base/button-set). */
function enumName(v: unknown): string {
  if (typeof v === 'string') return v;
  if (v && typeof v === 'object') {
    const named = v as { name?: unknown; toString(): string };
    if (typeof named.name === 'function') return String((named.name as () => unknown).call(v));
    return named.toString();
  }
  return String(v);
}

/** Ui.alert / Ui.prompt overloads: (prompt), (prompt, buttons), (title, prompt, buttons).
 * Ref: https://developers.google.com/apps-script/reference/base/ui#alert(String) */
export function describeDialog(kind: 'alert' | 'prompt', args: unknown[]): DialogOut {
  let title = '';
  let prompt: string;
  let buttons: unknown = 'OK';
  const setName = (v: unknown) => {
    const name = enumName(v).toUpperCase();
    return BUTTON_SETS.find((b) => name === b || name.endsWith(`.${b}`)) ?? null;
  };
  if (args.length >= 3) [title, prompt, buttons] = [String(args[0]), String(args[1]), args[2]];
  else if (args.length === 2 && setName(args[1])) [prompt, buttons] = [String(args[0]), args[1]];
  else if (args.length === 2) [title, prompt] = [String(args[0]), String(args[1])];
  else prompt = String(args[0] ?? '');
  return { kind, title, prompt, buttons: setName(buttons) ?? 'OK' };
}

function bindAll<T extends object>(target: T, overrides: Record<string, unknown>): T {
  return new Proxy(target, {
    get(t, p) {
      if (typeof p === 'string' && Object.prototype.hasOwnProperty.call(overrides, p)) return overrides[p];
      const v: unknown = Reflect.get(t, p);
      return typeof v === 'function' ? (v as (...a: unknown[]) => unknown).bind(t) : v;
    },
  });
}

/** The emulator as the add-on sees it in the playground: identical, except that SpreadsheetApp.getUi()
 * returns a Ui whose alert/prompt suspend for the page's answer (see the header comment). */
function suspendingEmulator(emu: Emulator, channel: DialogChannel): Emulator {
  const app = emu.globals.SpreadsheetApp as GoogleAppsScript.Spreadsheet.SpreadsheetApp;
  const suspending = (kind: 'alert' | 'prompt', ui: GoogleAppsScript.Base.Ui) => (...args: unknown[]) => {
    const answer = channel.wait(describeDialog(kind, args));
    emu.queueAnswers([answer]);
    const real = ui[kind] as (...a: unknown[]) => unknown;
    return real.apply(ui, args);
  };
  const wrappedApp = bindAll(app, {
    getUi: () => {
      const ui = app.getUi();
      return bindAll(ui, { alert: suspending('alert', ui), prompt: suspending('prompt', ui) });
    },
  });
  const globals = { ...emu.globals, SpreadsheetApp: wrappedApp };
  return bindAll(emu, { globals });
}

function kindOf(v: unknown): CellOut['k'] {
  if (v === '' || v === null || v === undefined) return 'e';
  if (typeof v === 'number') return 'n';
  if (typeof v === 'boolean') return 'b';
  if (v instanceof Date) return 'd';
  return 's';
}

function cellOut(c: CellView): CellOut {
  const out: CellOut = { d: c.display, k: kindOf(c.value) };
  if (c.formula) out.f = c.formula;
  if (c.note) out.note = c.note;
  if (c.background && c.background.toLowerCase() !== '#ffffff') out.bg = c.background;
  if (c.fontColor && c.fontColor.toLowerCase() !== '#000000') out.fc = c.fontColor;
  if (c.bold) out.bold = true;
  const v = c.validation;
  if (v) {
    if (!v.valid) out.bad = true;
    if (v.helpText) out.help = v.helpText;
    if (v.criteria === 'CHECKBOX') out.cb = c.value === true;
    else if (v.listValues && v.listValues.length > 0) out.list = v.listValues;
  }
  return out;
}

/** 'Sheet 1'!A1:B3 → { sheet, a1 }. */
function splitRef(ref: string, fallback: string): { sheet: string; a1: string } {
  const m = /^(?:'((?:[^']|'')+)'|([^!]+))!(.+)$/.exec(ref);
  if (!m) return { sheet: fallback, a1: ref };
  return { sheet: (m[1] ?? m[2] ?? fallback).replace(/''/g, "'"), a1: m[3] ?? ref };
}

export class Engine {
  readonly emu: EmulatorExt;
  private readonly addon: Addon;
  private version = 1;
  private snap: { version: number; sheets: SimSheet[] } | null = null;
  private widths = new Map<string, number[]>();
  private active: string;
  private lastAction: ActionSummary | null = null;
  private readonly spreadsheetName: string;
  private paused = false;

  constructor(config: EngineConfig, private readonly channel: DialogChannel) {
    const text = readFileSync(config.dataFile, 'utf8');
    const rows = parseCsv(text);
    this.spreadsheetName = config.dataFile.replace(/^.*[\\/]/, '').replace(/\.csv$/i, '');
    this.emu = createEmulator({ userLocale: config.locale, spreadsheetName: this.spreadsheetName });
    // The table arrives as a person would paste it into the first sheet.
    if (rows.length > 0) this.emu.loadRows(rows);
    this.active = this.emu.sheetNames()[0] ?? 'Sheet1';
    this.addon = loadAddon(suspendingEmulator(this.emu, channel), { codePath: config.codeFile, sidebarPath: config.sidebarFile });
    // As when the spreadsheet opens: onOpen (AuthMode.NONE for an add-on not yet used in this document).
    this.act('onOpen', () => this.addon.open());
  }

  /** Runs one person-level action, measuring its service calls and simulated time. */
  private act(label: string, fn: () => Outcome): ActionResult {
    const before = this.emu.stats();
    const waited = this.channel.waitedMs();
    let result: unknown;
    let error: string | undefined;
    try {
      const out = fn();
      if (out.ok) result = out.result;
      else error = out.error;
    } catch (e) {
      error = e instanceof Error ? e.message : String(e);
    }
    const after = this.emu.stats();
    this.version += 1;
    this.refreshActive();
    // The emulator counts a script's wall time as its cpu time (× CPU_FACTOR); the time a person took
    // to answer a dialog is not the script's, so it is taken out of the figure shown.
    const personMs = (this.channel.waitedMs() - waited) * CPU_FACTOR;
    const summary: ActionSummary = { label, calls: after.total - before.total, simMs: Math.max(0, Math.round(after.simMs - before.simMs - personMs)) };
    if (error !== undefined) summary.error = error;
    this.lastAction = summary;
    if (error !== undefined) return { kind: 'error', message: error, summary };
    return { kind: 'done', result: jsonSafe(result), summary };
  }

  /** Reads through the script-facing API with full access, for the page only: counted nowhere and
   * moving no clock, so an action's figures (and a suspended action's) are the add-on's own. */
  private peek<T>(fn: (app: GoogleAppsScript.Spreadsheet.SpreadsheetApp) => T, fallback: T): T {
    try {
      return this.emu.uncounted(() => fn(this.emu.globals.SpreadsheetApp as GoogleAppsScript.Spreadsheet.SpreadsheetApp));
    } catch {
      return fallback;
    }
  }

  private refreshActive(): void {
    const name = this.peek((app) => app.getActiveSpreadsheet().getActiveSheet().getName(), this.active);
    if (this.emu.sheetNames().includes(name)) this.active = name;
    else if (!this.emu.sheetNames().includes(this.active)) this.active = this.emu.sheetNames()[0] ?? this.active;
    this.widths.clear();
  }

  private snapshotSheets(): SimSheet[] {
    if (!this.snap || this.snap.version !== this.version) this.snap = { version: this.version, sheets: this.emu.snapshot().sheets };
    return this.snap.sheets;
  }

  private columnWidths(sheet: string, columns: number): number[] {
    const cached = this.widths.get(sheet);
    if (cached && cached.length >= columns) return cached.slice(0, columns);
    if (this.paused) return Array.from({ length: columns }, (_, i) => cached?.[i] ?? DEFAULT_WIDTH);
    const widths = this.peek((app) => {
      const s = app.getActiveSpreadsheet().getSheetByName(sheet);
      if (!s) return [];
      const out: number[] = [];
      for (let c = 1; c <= columns; c++) out.push(s.getColumnWidth(c));
      return out;
    }, [] as number[]);
    const result = Array.from({ length: columns }, (_, i) => {
      const w = widths[i];
      return typeof w === 'number' && w > 0 ? Math.min(Math.max(w, 24), 600) : DEFAULT_WIDTH;
    });
    this.widths.set(sheet, result);
    return result;
  }

  private viewRows(sheet: string, r0: number, r1: number, columns: number): CellOut[][] {
    if (r1 < r0 || columns < 1) return [];
    const a1 = `A${r0}:${columnLetter(columns)}${r1}`;
    return this.emu.view(sheet, a1).map((row) => row.map(cellOut));
  }

  private charts(sheet: SimSheet): ChartOut[] {
    /** Option `series` ({0: {color, targetAxisIndex}, …}, Google Charts' form) as a list by series index. */
    const seriesOptions = (v: unknown): { series?: ChartOut['series'] } => {
      if (typeof v !== 'object' || v === null) return {};
      const out: NonNullable<ChartOut['series']> = [];
      for (const [k, o] of Object.entries(v as Record<string, unknown>)) {
        const i = Number(k);
        if (!Number.isInteger(i) || i < 0 || i > 50 || typeof o !== 'object' || o === null) continue;
        const x = o as { color?: unknown; targetAxisIndex?: unknown };
        while (out.length <= i) out.push({ color: null, axis: 0 });
        out[i] = { color: typeof x.color === 'string' ? x.color : null, axis: x.targetAxisIndex === 1 ? 1 : 0 };
      }
      return out.length ? { series: out } : {};
    };
    return sheet.charts.map((c) => {
      const blocks = c.ranges.map((r) => {
        const { sheet: s, a1 } = splitRef(r, sheet.name);
        try {
          return this.emu.view(s, a1).map((row) => row.map((cell) => (typeof cell.value === 'number' ? cell.value : cell.display)));
        } catch {
          return [] as Array<Array<string | number>>;
        }
      });
      const height = blocks.reduce((h, b) => Math.max(h, b.length), 0);
      const table = Array.from({ length: height }, (_, i) => blocks.flatMap((b) => b[i] ?? []));
      const opt = c.options;
      const num = (k: string, d: number) => (typeof opt[k] === 'number' ? (opt[k] as number) : d);
      return {
        chartType: c.chartType,
        row: c.position.row,
        column: c.position.column,
        offsetX: c.position.offsetX,
        offsetY: c.position.offsetY,
        title: typeof opt.title === 'string' ? opt.title : '',
        width: num('width', 480),
        height: num('height', 300),
        table,
        ...(opt.isStacked === true ? { stacked: true } : {}),
        ...(seriesOptions(opt.series)),
      };
    });
  }

  /** Called while a script is suspended on a dialog: its writes so far must show, but nothing may be
   * read through the counted service API (that would add to the suspended action's call count). */
  suspended(): void {
    this.version += 1;
    this.paused = true;
  }

  resumed(): void {
    this.paused = false;
  }

  state(req: { sheet?: string; r0: number; r1: number }): StateOut {
    const sheets = this.snapshotSheets();
    const names = this.emu.sheetNames();
    if (req.sheet && names.includes(req.sheet)) this.active = req.sheet;
    const name = names.includes(this.active) ? this.active : names[0] ?? '';
    const snap = sheets.find((s) => s.name === name);
    const size = this.emu.dataSize(name);
    // Room to type past the data, but never past the sheet's grid (a person cannot type there).
    const grid = this.peek((app) => {
      const s = app.getActiveSpreadsheet().getSheetByName(name);
      return s ? { rows: s.getMaxRows(), columns: s.getMaxColumns() } : null;
    }, null);
    const rows = Math.max(size.rows, Math.min(Math.max(size.rows + EXTRA_ROWS, MIN_ROWS), grid?.rows ?? Infinity));
    const columns = Math.max(Math.min(size.columns, MAX_COLUMNS), Math.min(Math.max(size.columns + EXTRA_COLUMNS, MIN_COLUMNS), MAX_COLUMNS, grid?.columns ?? Infinity));
    const frozenRows = Math.min(snap?.frozenRows ?? 0, rows);
    const r0 = Math.max(frozenRows + 1, Math.floor(req.r0) || 1);
    const r1 = Math.min(rows, Math.max(r0, Math.floor(req.r1) || r0), r0 + MAX_WINDOW - 1);
    const sheet: SheetState = {
      name,
      rows,
      columns,
      dataRows: size.rows,
      dataColumns: size.columns,
      frozenRows,
      colWidths: this.columnWidths(name, columns),
      r0,
      cells: this.viewRows(name, r0, r1, columns),
      frozen: this.viewRows(name, 1, frozenRows, columns),
      charts: snap ? this.charts(snap) : [],
    };
    // The add-on menu as the last onOpen built it (one entry per menu name).
    const menus = new Map<string, MenuOut>();
    // Sheets lists createAddonMenu() items under Extensions → the add-on's name
    // (https://developers.google.com/apps-script/reference/base/ui#createAddonMenu()).
    for (const m of this.emu.menus) menus.set(m.name, { name: m.name === 'Add-on' ? 'ClientFlow' : m.name, items: m.items.map((i) => ({ ...i })) });
    return {
      version: this.version,
      spreadsheetName: this.spreadsheetName,
      locale: this.emu.options.userLocale,
      tabs: names.map((n) => ({ name: n, hidden: sheets.find((s) => s.name === n)?.hidden ?? false })),
      active: name,
      sheet,
      menus: [...menus.values()],
      toasts: this.emu.toasts.map((t) => ({ ...t })),
      shown: this.emu.shownHtml.map((h, index) => ({ index, kind: h.kind, title: h.title, width: h.width, height: h.height })),
      dialog: null,
      lastAction: this.lastAction,
    };
  }

  shownHtml(index: number): string | null {
    return this.emu.shownHtml[index]?.html ?? null;
  }

  handle(op: EngineOp): EngineReply {
    switch (op.type) {
      case 'state':
        return this.state(op);
      case 'shownHtml':
        return { html: this.shownHtml(op.index) };
      case 'activate': {
        if (activate(this.emu, op.sheet).ok) this.active = op.sheet;
        return { ok: true };
      }
      // A person's actions are the emulator's (typing, paste, paste of copied cells, Delete), with onEdit.
      case 'edit':
        this.selectSheet(op.sheet);
        return this.act(`edit ${op.a1}`, () => personAct(this.emu, this.addon, { kind: 'type', a1: op.a1, value: op.value, sheet: this.active }));
      case 'paste':
        this.selectSheet(op.sheet);
        return this.act(`paste ${op.a1}`, () => personAct(this.emu, this.addon, pasteAction({ a1: op.a1, values: op.values, numberFormats: op.numberFormats, from: op.from, special: op.special, sheet: this.active })));
      case 'clear':
        this.selectSheet(op.sheet);
        return this.act(`delete ${op.a1}`, () => personAct(this.emu, this.addon, { kind: 'delete', a1: op.a1, sheet: this.active }));
      case 'menu':
        return this.act(op.fn, () => this.addon.menu(op.fn));
      case 'run':
        return this.act(`google.script.run.${op.fn}`, () => this.addon.call(op.fn, op.args));
      case 'answer':
        return { kind: 'error', message: 'No dialog is open.' };
    }
  }

  private selectSheet(name: string): void {
    if (name && this.emu.sheetNames().includes(name) && name !== this.active) {
      this.emu.activateSheet(name);
      this.active = name;
    }
  }
}

/** What crosses to the page: JSON only (google.script.run likewise passes no Date or function).
 * Ref: https://developers.google.com/apps-script/guides/html/reference/run#parameters */
function jsonSafe(v: unknown): unknown {
  if (v === undefined) return undefined;
  try {
    return JSON.parse(JSON.stringify(v)) as unknown;
  } catch {
    return null;
  }
}

/** Worker side of the dialog channel: tells the main thread, then blocks until it answers. */
export function blockingChannel(
  post: (dialog: DialogOut) => void,
  port: MessagePort,
  signal: Int32Array,
  serve: (id: number, op: EngineOp) => void,
  onAnswer: (id: number) => void,
): DialogChannel {
  let waited = 0;
  return {
    waitedMs: () => waited,
    wait(dialog) {
      const t0 = performance.now();
      post(dialog);
      for (;;) {
        let m = receiveMessageOnPort(port);
        while (m) {
          const msg = m.message as { id: number; op: EngineOp };
          if (msg.op.type === 'answer') {
            onAnswer(msg.id);
            waited += performance.now() - t0;
            return msg.op.answer;
          }
          serve(msg.id, msg.op);
          m = receiveMessageOnPort(port);
        }
        Atomics.wait(signal, 0, 0);
        Atomics.store(signal, 0, 0);
      }
    },
  };
}
