/**
 * The JSON shapes exchanged between the playground's page (client.ts), its HTTP server (server.ts) and
 * the worker thread that holds the emulator and the add-on (engine.ts). Plain data only.
 */

/** One rendered cell, compact (the page renders thousands of them). */
export interface CellOut {
  /** Display text (as getDisplayValue). */
  d: string;
  /** Value kind: n number, d date, b boolean, s string, e empty. Drives alignment like Sheets. */
  k: 'n' | 'd' | 'b' | 's' | 'e';
  /** Formula, when the cell holds one. */
  f?: string;
  note?: string;
  bg?: string;
  fc?: string;
  bold?: boolean;
  /** The cell breaks its data validation. */
  bad?: boolean;
  /** Help text of the cell's validation (shown on hover of an invalid cell, as Sheets does). */
  help?: string;
  /** List validation: the dropdown's options. */
  list?: string[];
  /** Checkbox validation: the box is checked. */
  cb?: boolean;
}

export interface ChartOut {
  chartType: string;
  /** Anchor: 1-based row and column of the top-left cell, plus pixel offsets. */
  row: number;
  column: number;
  offsetX: number;
  offsetY: number;
  title: string;
  width: number;
  height: number;
  /** The chart's source ranges, concatenated by columns: display text, numbers where numeric. */
  table: Array<Array<string | number>>;
  /** Option isStacked: the series of a bar or column chart drawn end to end (present only when set). */
  stacked?: boolean;
  /** Per series (option series.N): its color ('transparent' or 'none': not drawn, still stacked) and axis (1: the right one). Present only when set. */
  series?: Array<{ color: string | null; axis: number }>;
}

export interface DialogOut {
  kind: 'alert' | 'prompt';
  title: string;
  prompt: string;
  /** 'OK' | 'OK_CANCEL' | 'YES_NO' | 'YES_NO_CANCEL' */
  buttons: string;
}

export interface MenuOut {
  name: string;
  items: Array<{ caption: string; functionName: string } | { separator: true }>;
}

export interface ShownOut {
  index: number;
  kind: 'sidebar' | 'modal' | 'modeless';
  title: string;
  width?: number;
  height?: number;
}

export interface SheetState {
  name: string;
  /** Rows and columns the page shows (data range plus room to type). */
  rows: number;
  columns: number;
  dataRows: number;
  dataColumns: number;
  frozenRows: number;
  colWidths: number[];
  /** The window of cells sent: rows r0..r0+cells.length-1 (1-based), all `columns` columns. */
  r0: number;
  cells: CellOut[][];
  /** Frozen rows' cells, always sent (they stay visible on scroll). */
  frozen: CellOut[][];
  charts: ChartOut[];
}

export interface StateOut {
  version: number;
  spreadsheetName: string;
  locale: string;
  tabs: Array<{ name: string; hidden: boolean }>;
  active: string;
  sheet: SheetState;
  menus: MenuOut[];
  toasts: Array<{ message: string; title: string; timeoutSeconds?: number }>;
  shown: ShownOut[];
  /** A dialog the running script waits on (the script is suspended until it is answered). */
  dialog: DialogOut | null;
  lastAction: ActionSummary | null;
  /** Set by the server when the engine stopped and was started again (the page shows it). */
  notice?: string;
}

export interface ActionSummary {
  label: string;
  calls: number;
  simMs: number;
  error?: string;
}

/** What an action (menu, edit, paste, sidebar call, answer) comes back with. */
export type ActionResult =
  | { kind: 'done'; result?: unknown; summary: ActionSummary }
  | { kind: 'error'; message: string; summary?: ActionSummary }
  | { kind: 'dialog'; dialog: DialogOut };

/** Requests the server forwards to the engine. */
export type EngineOp =
  | { type: 'state'; sheet?: string; r0: number; r1: number }
  | { type: 'edit'; sheet: string; a1: string; value: string }
  | { type: 'paste'; sheet: string; a1: string; values?: string[][]; numberFormats?: string[][]; from?: string; special?: 'normal' | 'values' }
  | { type: 'clear'; sheet: string; a1: string }
  | { type: 'menu'; fn: string }
  | { type: 'run'; fn: string; args: unknown[] }
  | { type: 'activate'; sheet: string }
  | { type: 'shownHtml'; index: number }
  | { type: 'answer'; answer: string };

export type EngineReply = StateOut | ActionResult | { html: string | null } | { ok: true };
