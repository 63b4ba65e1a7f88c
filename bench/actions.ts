/**
 * The bench's actions, as a list of definitions: adding one (cleanup, dedupe, funnel…) is one entry.
 *
 * Every size gets generated rows (bench/generate.ts). Add-on actions run the built dist/Code.js on the
 * emulator through the harness; an action whose entry points are missing from dist/Code.js is skipped
 * with a note. What each action means:
 *
 * - `setup`: on a fresh, empty spreadsheet a person runs "Set up a new client table" (menuSetUp,
 *   template 1 = B2B sales), then pastes the N generated clients under the new table's header (columns
 *   matched by meaning; dropdowns that reject other input get their option's spelling, as Sheets refuses
 *   the paste otherwise; the paste itself is the person's, not counted), which fires onEdit (one per block
 *   of at most 100,000 rows: PASTE_BLOCK). Measured: menuSetUp + those onEdits, i.e. the cost of getting N
 *   rows into a set-up, checked table; the notes split the two. (Setting up beside an N-row sheet would
 *   not fit 500,000 × 20 twice under the 10-million-cell limit.) The later actions use this table.
 * - `adopt`: "Adopt this sheet" (menuAdopt, confirmations answered YES) on a fresh spreadsheet holding the
 *   N generated clients as pasted.
 * - `validate-all`: "Check all rows" (menuValidateAll) on the set-up table of N rows.
 * - `edit-one-cell`: a person types one bad email into a row in the middle of the N-row table; onEdit runs
 *   and flags it.
 * - `paste-1000-rows`: a person pastes 1,000 new clients below the N rows; one onEdit for the block.
 * - `cleanup`: "Clean up the table" (menuCleanUp, confirmed) on the set-up table; `undo`: "Undo the last
 *   ClientFlow change" (menuUndo) right after it, which puts the table back.
 * - `dedupe`: the menu action of a later issue (skipped until it exists).
 * - `funnel`: "Build or refresh the funnel" (menuBuildFunnel) on the set-up table, with a stage history
 *   sheet of 3 changes per client (300,000 at 100,000 rows: from nothing to the first stage, to the
 *   second, to the client's current stage), as onEdit would have written it (with the client IDs onEdit
 *   leaves empty after a paste too large for it); a note then gives the time the emulator's formula
 *   engine takes to recalculate the Funnel sheet's live formulas.
 * - `load`: evaluating dist/Code.js cold in a fresh process (bench/load.ts), as Apps Script does at
 *   every execution; the same at every size.
 * - `dedupe-peer-fingerprint`: OpenRefine's fingerprint key collision over the name column of the same
 *   rows, in plain Node (no service calls; sim_ms is its cpu × 3, as docs/ARCHITECTURE.md's clock model would count
 *   it inside Apps Script). Its pairwise precision and recall against the planted truth are noted.
 * - `dedupe-core`: our duplicate finder (src/core/dedupe, the engine of `menuFindDuplicates` and the
 *   CLI's `dedupe`) on the same rows in plain Node, measured like the peer; precision and recall noted
 *   beside the peer's.
 */
import type { Emulator } from '../dev/emulator/types';
import { PASTE_BLOCK, type Addon } from './addon';
import { createTable, type GeneratedTable } from './generate';
import { fingerprintClusters, scorePairs } from './fingerprint';
import { columnLetter } from '../src/core/fields/util';
import { roleForHeader } from '../src/core/infer/synonyms';
import type { ColumnKey } from './generate';
import { STAGES } from './vocab';
import { measureLoad } from './load';
import { HISTORY_SHEET_KEY, historySheetName } from '../src/core/funnel/workbook';
import { nextClientId } from '../src/core/fields/autoId';
import { idSequence } from '../src/core/edit/autofill';
import { findDuplicates } from '../src/core/dedupe';
import { defaultContext } from '../src/core/fields/context';

export interface SizeState {
  readonly rows: number;
  readonly seed: number;
  /** The generated table for this size (made once, shared by all actions). */
  readonly table: GeneratedTable;
  readonly columns: readonly ColumnKey[];
  /** The spreadsheet of the set-up table (empty until `setup` runs). */
  env(): Addon;
  /** A fresh spreadsheet holding the raw table (for actions that need it untouched). */
  freshEnv(): Addon;
  /** Set by setup: the sheet of the set-up table, its header, and its data rows. */
  tableSheet: { name: string; header: string[]; dataRows: number; conform: Array<((v: string) => string) | null> } | null;
  /** The table sheet id whose stage history the bench wrote (funnel), once per size. */
  historyOf?: number;
  /** Notes for the readable output (stderr with --json). */
  note(text: string): void;
}

export interface ActionDef {
  name: string;
  /** Entry points of dist/Code.js the action needs; if one is missing the action is skipped. */
  needs: readonly string[];
  /** Unmeasured preparation (e.g. a set-up table for validate-all). */
  prepare?(s: SizeState): void;
  /**
   * The measured part. 'addon' actions run on s.env() and are measured by the emulator's counters;
   * 'node' actions run in plain Node.
   */
  kind: 'addon' | 'node';
  run(s: SizeState, addon: Addon | null): void | { cpuMs: number };
  /** How many add-on executions the action makes at a size (default 1); service calls are only compared
   * across sizes with the same count. */
  executions?(rows: number): number;
  /** Unmeasured, after the measured part (e.g. noting what the action's result costs elsewhere). */
  after?(s: SizeState): void;
  /** For addon actions that use another spreadsheet than s.env() (made before measuring). */
  envFor?(s: SizeState): Addon;
}

/** Map the set-up table's header to generated columns by meaning (the role the header names). */
function mapColumns(header: readonly string[], columns: readonly ColumnKey[]): Array<number | -1> {
  return header.map((h) => {
    const match = roleForHeader(h);
    if (!match) return -1;
    const role = match.role as string;
    if (role === 'clientId') return -1; // filled by ClientFlow
    return columns.indexOf(role as ColumnKey);
  });
}

function projectRows(rows: ReadonlyArray<ReadonlyArray<string>>, map: ReadonlyArray<number>, conform: ReadonlyArray<((v: string) => string) | null>): string[][] {
  return rows.map((r) => map.map((c, i) => {
    const v = c >= 0 ? (r[c] ?? '') : '';
    const f = conform[i];
    return f ? f(v) : v;
  }));
}

/** Every spelling the generator uses for a stage, folded, → the stage's own label. */
const STAGE_SPELLINGS = new Map<string, string>();
for (const st of STAGES) for (const v of [st.label, ...st.variants]) STAGE_SPELLINGS.set(fold(v), st.label);

function fold(v: string): string {
  return v.trim().toLowerCase().replace(/[\s_-]+/g, ' ');
}

/**
 * Sheets refuses a paste that breaks a "reject input" validation ("There was a problem: Choose one of the
 * options"), and the harness does too; so a person pasting clients into a set-up table writes those
 * dropdowns' values as their options. For each column whose validation rejects a value outside a list:
 * the option it spells (case, spacing, the generator's variants such as '成交' or 'closed-won'), else ''.
 */
function conformers(emu: Emulator, sheet: string, width: number): Array<((v: string) => string) | null> {
  const row = emu.view(sheet, `A2:${columnLetter(width)}2`)[0] ?? [];
  return row.map((cell) => {
    const dv = cell.validation;
    if (!dv || dv.allowInvalid || dv.criteria !== 'VALUE_IN_LIST' || !dv.listValues) return null;
    const options = new Map(dv.listValues.map((o) => [fold(o), o] as const));
    return (v: string) => {
      if (v === '') return v;
      const direct = options.get(fold(v));
      if (direct !== undefined) return direct;
      const label = STAGE_SPELLINGS.get(fold(v));
      return (label !== undefined ? options.get(fold(label)) : undefined) ?? '';
    };
  });
}

/**
 * Runs menuSetUp on the empty spreadsheet and pastes the N rows under the new table's header. Throws when
 * no table came out (e.g. the add-on refused), so that nothing downstream measures a refusal.
 */
function setUpAndFill(s: SizeState, measureParts: boolean): void {
  const addon = s.env();
  const emu: Emulator = addon.emu;
  const before = new Set(emu.sheetNames());
  const alerts0 = emu.alerts.length;
  emu.queueAnswers(['1']); // the template prompt: 1 = B2B sales
  const setupCpu0 = emu.stats().scriptCpuMs;
  const calls0 = emu.stats().total;
  addon.menu('menuSetUp');
  const setupCalls = emu.stats().total - calls0;
  const setupCpu = emu.stats().scriptCpuMs - setupCpu0;
  const created = emu.sheetNames().find((n) => !before.has(n));
  const name = created ?? emu.sheetNames()[0] ?? 'Sheet1';
  const width = emu.dataSize(name).columns;
  const header = width > 0 ? (emu.view(name, `A1:${columnLetter(width)}1`)[0]?.map((c) => c.display) ?? []) : [];
  const map = mapColumns(header, s.columns);
  if (map.filter((m) => m >= 0).length < 2) {
    const alert = emu.alerts.slice(alerts0).map((a) => a.prompt.replace(/\s+/g, ' ')).join(' / ');
    throw new Error(`menuSetUp made no client table${alert ? ` (alert: ${alert.slice(0, 200)})` : ''}`);
  }
  emu.activateSheet(name);
  const conform = conformers(emu, name, header.length);
  const rows = projectRows(s.table.rows, map, conform);
  for (let at = 0; at < rows.length; at += PASTE_BLOCK) addon.paste(`A${2 + at}`, rows.slice(at, at + PASTE_BLOCK));
  s.tableSheet = { name, header, dataRows: s.rows, conform };
  const size = emu.dataSize(name);
  if (size.rows < s.rows + 1) s.note(`setup @${s.rows}: warning: the table sheet "${name}" has ${size.rows} rows after the paste, expected ${s.rows + 1}`);
  if (measureParts) {
    s.note(`setup @${s.rows}: menuSetUp ${setupCalls} calls, ${setupCpu.toFixed(1)} ms cpu; the rest is the paste's onEdit (sheet "${name}", ${map.filter((m) => m >= 0).length}/${header.length} columns filled)`);
  }
}

/**
 * The client IDs of the set-up table (unmeasured): onEdit fills them for a paste it can handle in its
 * 30 seconds, but leaves a block past that (~25,000 rows) without them and says so. Such rows get the
 * IDs the add-on would have given (its first ID, then its sequence), written straight into the column.
 */
function ensureIds(s: SizeState, idCol: number): string[] {
  const t = s.tableSheet;
  if (!t) throw new Error('no table');
  const emu = s.env().emu;
  const range = `${columnLetter(idCol + 1)}2:${columnLetter(idCol + 1)}${t.dataRows + 1}`;
  const ids = emu.view(t.name, range).map((r) => r[0]?.display ?? '');
  const missing = ids.filter((id) => id === '').length;
  if (missing === 0) return ids;
  const fresh = idSequence(nextClientId(ids.filter((id) => id !== '')), missing);
  let k = 0;
  const filled = ids.map((id) => (id === '' ? (fresh[k++] ?? '') : id));
  const app = emu.globals.SpreadsheetApp as GoogleAppsScript.Spreadsheet.SpreadsheetApp;
  emu.runScript(() => {
    const sheet = app.getActiveSpreadsheet().getSheetByName(t.name);
    if (!sheet) throw new Error('no table sheet');
    const r = sheet.getRange(range);
    r.setNumberFormat('@');
    r.setValues(filled.map((id) => [id]));
  });
  s.note(`funnel @${s.rows}: ${missing} client IDs the paste's onEdit left empty written as the add-on numbers them`);
  return filled;
}

/**
 * The stage history of the set-up table (unmeasured), in the shape onEdit writes it (src/addon/edit/
 * history.ts): the hidden sheet historySheetName(table id) with HISTORY_SHEET_KEY metadata, columns
 * client ID, from, to, when (a Date, format yyyy-mm-dd hh:mm), owner; 3 changes per client (300,000 at
 * 100,000 rows: from nothing to the first stage, to the second, to the client's current stage), a few
 * days apart.
 */
function addHistory(s: SizeState): void {
  const t = s.tableSheet;
  if (!t) throw new Error('no table');
  const emu = s.env().emu;
  const idCol = t.header.findIndex((h) => roleForHeader(h)?.role === 'clientId');
  const stageCol = t.header.findIndex((h) => roleForHeader(h)?.role === 'stage');
  const ownerCol = t.header.findIndex((h) => roleForHeader(h)?.role === 'owner');
  if (idCol < 0 || stageCol < 0) throw new Error('the set-up table has no client ID or stage column');
  const app = emu.globals.SpreadsheetApp as GoogleAppsScript.Spreadsheet.SpreadsheetApp;
  let tableId = -1;
  emu.runScript(() => { tableId = app.getActiveSpreadsheet().getSheetByName(t.name)?.getSheetId() ?? -1; });
  const name = historySheetName(tableId);
  if (s.historyOf === tableId) return;
  const ids = ensureIds(s, idCol);
  const last = columnLetter(t.header.length);
  const rows = emu.view(t.name, `A2:${last}${t.dataRows + 1}`);
  const options = emu.view(t.name, `${columnLetter(stageCol + 1)}2`)[0]?.[0]?.validation?.listValues ?? ['Lead', 'Contacted', 'Qualified'];
  const [first = 'Lead', second = 'Contacted', third = 'Qualified'] = options;
  const history: Array<[string, string, string, Date, string]> = [];
  const day = (n: number) => new Date(Date.UTC(2025, 0, 1) + n * 86400000);
  rows.forEach((r, i) => {
    const id = ids[i] ?? '';
    const stage = r[stageCol]?.display ?? '';
    const owner = ownerCol >= 0 ? (r[ownerCol]?.display ?? '') : '';
    if (!id) return;
    const t0 = i % 300;
    history.push([id, '', first, day(t0), owner], [id, first, second, day(t0 + 3), owner], [id, second, stage || third, day(t0 + 9), owner]);
  });
  emu.runScript(() => {
    const ss = app.getActiveSpreadsheet();
    const table = ss.getSheetByName(t.name);
    if (!table) throw new Error('no table sheet');
    // The history onEdit wrote for the paste (one row per client pasted with a stage) makes way for the
    // bench's, which is defined by the size alone.
    const old = ss.getSheetByName(name);
    if (old) ss.deleteSheet(old);
    const sheet = ss.insertSheet(name);
    // Five columns only: 300,000 rows of a new sheet's 26 columns would take 7.8 of the 10 million cells.
    sheet.deleteColumns(6, sheet.getMaxColumns() - 5);
    if (sheet.getMaxRows() < history.length + 1) sheet.insertRowsAfter(sheet.getMaxRows(), history.length + 1 - sheet.getMaxRows());
    sheet.addDeveloperMetadata(HISTORY_SHEET_KEY, String(tableId));
    sheet.getRange(1, 1, 1, 5).setValues([['Client ID', 'From', 'To', 'When', 'Owner']]);
    const body = sheet.getRange(2, 1, history.length, 5);
    body.setNumberFormats(history.map(() => ['@', '@', '@', 'yyyy-mm-dd hh:mm', '@']));
    body.setValues(history);
    sheet.hideSheet();
    table.activate();
  });
  s.historyOf = tableId;
  s.note(`funnel @${s.rows}: stage history of ${history.length} changes in "${name}"`);
}

/**
 * The Funnel sheet's live formulas as the emulator's formula engine (HyperFormula) recalculates them
 * (unmeasured, noted): reading the sheet's figures mirrors the spreadsheet into the engine and
 * evaluates every formula, as Sheets recalculates them after the build. Process cpu time.
 */
function noteRecalculation(s: SizeState): void {
  const emu = s.env().emu;
  const name = emu.sheetNames().find((n) => /^(Funnel|销售漏斗)( \d+)?$/.test(n));
  if (!name) return;
  const size = emu.dataSize(name);
  const c0 = process.cpuUsage();
  const cells = emu.view(name, `A1:${columnLetter(Math.max(1, size.columns))}${Math.max(1, size.rows)}`);
  const c = process.cpuUsage(c0);
  const formulas = cells.flat().filter((x) => x.formula !== '').length;
  s.note(`funnel @${s.rows}: its ${formulas} live formulas recalculate in the emulator's engine (HyperFormula, mirroring the spreadsheet first) in ${((c.user + c.system) / 1000).toFixed(0)} ms cpu`);
}

function ensureSetUp(s: SizeState): void {
  if (!s.tableSheet) setUpAndFill(s, false);
}

/** A menu action run on the set-up table, its confirmations answered YES then OK. */
function menuOnSetUpTable(name: string, fn: string, answers: string[] = ['YES', 'OK']): ActionDef {
  return {
    name,
    needs: ['menuSetUp', fn],
    kind: 'addon',
    prepare: ensureSetUp,
    run: (s) => {
      s.env().emu.queueAnswers(answers);
      s.env().menu(fn);
    },
  };
}

export const ACTIONS: readonly ActionDef[] = [
  {
    // Evaluating dist/Code.js cold (bench/load.ts); independent of the table's size.
    name: 'load',
    needs: [],
    kind: 'node',
    run: (s) => {
      const m = measureLoad();
      s.note(`load: dist/Code.js is ${(m.bytes / 1024).toFixed(0)} KB; median cold evaluation ${m.cpuMs.toFixed(1)} ms cpu`);
      return { cpuMs: m.cpuMs };
    },
  },
  {
    name: 'adopt',
    needs: ['menuAdopt'],
    kind: 'addon',
    envFor: (s) => s.freshEnv(),
    run: (_s, addon) => {
      if (!addon) throw new Error('no spreadsheet');
      // Adopt itself; the automatic columns it offers after its report are declined (adding them is a
      // second, optional pass).
      addon.emu.queueAnswers(['YES', 'OK', 'NO']);
      addon.menu('menuAdopt');
    },
  },
  {
    name: 'setup',
    needs: ['menuSetUp'],
    kind: 'addon',
    executions: (rows) => 1 + Math.ceil(rows / PASTE_BLOCK),
    run: (s) => setUpAndFill(s, true),
  },
  {
    name: 'validate-all',
    needs: ['menuSetUp', 'menuValidateAll'],
    kind: 'addon',
    prepare: ensureSetUp,
    run: (s) => {
      const addon = s.env();
      addon.emu.queueAnswers(['OK']);
      addon.menu('menuValidateAll');
    },
  },
  {
    name: 'edit-one-cell',
    needs: ['menuSetUp', 'onEdit'],
    kind: 'addon',
    prepare: ensureSetUp,
    run: (s) => {
      const t = s.tableSheet;
      if (!t) throw new Error('no table');
      const addon = s.env();
      const col = Math.max(0, t.header.findIndex((h) => roleForHeader(h)?.role === 'email'));
      const row = 2 + Math.floor(t.dataRows / 2);
      // A bad email (no dot in the domain): the edit is flagged (our note and highlight are written).
      addon.edit(`${columnLetter(col + 1)}${row}`, 'new.address@example');
    },
  },
  {
    name: 'paste-1000-rows',
    needs: ['menuSetUp', 'onEdit'],
    kind: 'addon',
    prepare: ensureSetUp,
    run: (s) => {
      const t = s.tableSheet;
      if (!t) throw new Error('no table');
      const extra = createTable({ rows: 1000, seed: (s.seed + 1) >>> 0, columns: s.columns });
      const rows: string[][] = [];
      for (let i = 0; i < extra.rows; i++) rows.push(extra.rowAt(i));
      const addon = s.env();
      addon.paste(`A${2 + t.dataRows}`, projectRows(rows, mapColumns(t.header, s.columns), t.conform));
      t.dataRows += 1000;
    },
  },
  // Later issues: these run once their menu functions exist in dist/Code.js.
  // NO to the backup offered first: the bench times the cleanup itself.
  menuOnSetUpTable('cleanup', 'menuCleanUp', ['NO', 'OK']),
  // Undo of that cleanup (the last ClientFlow change): runs right after it.
  menuOnSetUpTable('undo', 'menuUndo'),
  menuOnSetUpTable('dedupe', 'menuFindDuplicates'),
  {
    ...menuOnSetUpTable('funnel', 'menuBuildFunnel'),
    prepare: (s) => {
      ensureSetUp(s);
      addHistory(s);
    },
    after: noteRecalculation,
  },
  {
    name: 'dedupe-core',
    needs: [],
    kind: 'node',
    run: (s) => {
      const result = findDuplicates({ grid: [s.table.header, ...s.table.rows], ctx: defaultContext('en', { region: 'US' }) });
      const score = scorePairs(result.clusters.map((c) => c.rows), s.table.truth);
      s.note(
        `dedupe-core @${s.rows}: ${result.clusters.length} clusters; pairwise precision ${(score.precision * 100).toFixed(1)}%, ` +
        `recall ${(score.recall * 100).toFixed(1)}% (${score.correctPairs} of ${score.predictedPairs} predicted pairs right, ${score.truePairs} true pairs planted)`,
      );
    },
  },
  {
    name: 'dedupe-peer-fingerprint',
    needs: [],
    kind: 'node',
    run: (s) => {
      const nameCol = s.columns.indexOf('name');
      const clusters = fingerprintClusters(s.table.rows.map((r) => r[nameCol] ?? ''));
      const score = scorePairs(clusters, s.table.truth);
      s.note(
        `dedupe-peer-fingerprint @${s.rows}: ${clusters.length} clusters; pairwise precision ${(score.precision * 100).toFixed(1)}%, ` +
        `recall ${(score.recall * 100).toFixed(1)}% (${score.correctPairs} of ${score.predictedPairs} predicted pairs right, ${score.truePairs} true pairs planted)`,
      );
    },
  },
];
