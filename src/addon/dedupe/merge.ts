/**
 * Merging groups of duplicates through the change pipeline (snapshot → one write → archive; menuUndo
 * puts it back): the table is read again and the engine run again, and every group asked for is
 * re-checked: its rows found by their fingerprints, still inside one cluster of the fresh run, still
 * scoring at least what the user merged above, and each record still holding the values the panel
 * showed. A group that fails any of these merges nothing (no group does): the fresh clusters come back
 * with a notice, so a sheet changed between find and merge is never merged wrongly. Then the plans are
 * made in core (src/core/dedupe/merge.ts: the rules), the survivors' changed cells written and the other
 * rows removed to the archive sheet, each archived row's "why" naming its survivor's client ID, in ONE
 * change: one undo puts every group back.
 */
import { readRegion, commitChange, type RemovedRow } from '../change/pipeline';
import { movedFormula, storedOf, storedOfWrite, type CellEdit } from '../../core/change/cells';
import { a1 } from '../../core/table/a1';
import type { DuplicatesReport, MergeGroup, MergeOptions } from '../../core/api/dedupe';
import { planMerge } from '../../core/dedupe/merge';
import { cellText, shownText } from '../../core/dedupe/review';
import { t, type Locale } from '../../core/i18n';
import { UserError } from '../runtime/errors';
import { backUpTable } from '../backup/backup';
import { historySheetName } from '../../core/funnel/workbook';
import type { ChangePart } from '../change/parts';
import { findForMerge, report } from './find';

type Found = ReturnType<typeof findForMerge>;

interface Planned { rowsOf: number[]; plan: ReturnType<typeof planMerge> }

/** The group's plan, or null when the table changed since the panel showed it. */
function planGroup(f: Found, g: MergeGroup, opts: MergeOptions): Planned | null {
  const rowsOf = g.fingerprints.map((fp) => f.fingerprints.indexOf(fp));
  if (rowsOf.length < 2 || rowsOf.some((r) => r < 0) || new Set(rowsOf).size !== rowsOf.length) return null;
  const cluster = f.clusters.find((c) => rowsOf.every((r) => c.rows.includes(r)));
  if (!cluster) return null;
  if (opts.minScore !== undefined && cluster.score < opts.minScore) return null;
  if (g.seen) {
    if (g.seen.length !== rowsOf.length) return null;
    const same = rowsOf.every((r, i) => {
      const now = (f.rows[r] ?? []).map((v) => shownText(v, f.timeZone));
      const was = g.seen?.[i] ?? [];
      return now.length === was.length && now.every((v, k) => v === was[k]);
    });
    if (!same) return null;
  }
  const index = (fp: string | undefined) => (fp === undefined ? -1 : g.fingerprints.indexOf(fp));
  const survivor = index(g.survivor);
  const values = new Map<number, number>();
  for (const ch of g.choices ?? []) {
    const i = index(ch.from);
    if (i < 0 || ch.column >= f.headers.length) return null;
    values.set(ch.column, i);
  }
  const plan = planMerge(rowsOf.map((r) => f.rows[r] ?? []), f.mergeCols, { policy: opts.policy, survivor: survivor >= 0 ? survivor : undefined, values });
  return { rowsOf, plan };
}

/** Merges the groups in one change; returns the fresh clusters with what happened. */
export function mergeGroups(groups: readonly MergeGroup[], opts: MergeOptions, locale: Locale): DuplicatesReport {
  const f = findForMerge();
  const planned: Planned[] = [];
  const taken = new Set<number>();
  for (const g of groups) {
    const p = planGroup(f, g, opts);
    if (!p || p.rowsOf.some((r) => taken.has(r))) return { ...report(f, locale), merged: 0, notice: t(locale, 'dedupe.merge.changed') };
    p.rowsOf.forEach((r) => taken.add(r));
    planned.push(p);
  }
  const width = f.lastColumn;
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const region = readRegion(f.sheet, f.headerRow + 1, f.headerRow + f.rows.length, width);
  if (region.values.length !== f.rows.length) return { ...report(f, locale), merged: 0, notice: t(locale, 'dedupe.merge.changed') };
  // Stripped (helper column left out) index → region column.
  const toRegion = (c: number) => (f.helperColumn !== null && c >= f.helperColumn - 1 ? c + 1 : c);
  const edits: CellEdit[] = [];
  const removed: RemovedRow[] = [];
  const removeRows: number[] = [];
  /** Client ID of a merged record → its survivor's. */
  const pointTo = new Map<string, string>();
  const idCol = f.mergeCols.id ?? null;
  for (const { rowsOf, plan } of planned) {
    if (idCol !== null && plan.survivorId) {
      for (const i of plan.removed) {
        const id = cellText(f.rows[rowsOf[i] as number]?.[idCol] ?? '');
        if (id && id !== plan.survivorId) pointTo.set(id, plan.survivorId);
      }
    }
    const survivorRow = rowsOf[plan.survivor] as number;
    for (const c of plan.changed) {
      const rc = toRegion(c);
      const v = plan.values[c];
      const src = plan.from.get(c);
      // A value taken from a row is copied as that cell is (its formula, its date, its text); a new one
      // (a sum, joined notes) is written as a number or as text.
      const srcRow = src !== undefined && src >= 0 ? (rowsOf[src] as number) : -1;
      const to = srcRow >= 0
        ? storedOf(region.values[srcRow]?.[rc], region.formulas[srcRow]?.[rc] ?? '')
        : v instanceof Date ? storedOf(v) : storedOfWrite(typeof v === 'number' || typeof v === 'boolean' ? v : String(v ?? ''));
      edits.push({ row: survivorRow, column: rc, to });
    }
    const why = t(locale, 'dedupe.merge.why', { id: plan.survivorId || String(f.headerRow + 1 + survivorRow) });
    for (const i of plan.removed) {
      const r = rowsOf[i] as number;
      removeRows.push(r);
      removed.push({ sheetRow: f.headerRow + 1 + r, values: region.values[r] ?? [], why });
    }
  }
  removeRows.sort((a, b) => a - b);
  removed.sort((a, b) => a.sheetRow - b.sheetRow);
  // Removing a row moves the rows below it; a formula's A1 text would not follow: refused, as cleanup does.
  // The message names the first such formula; a phone Sheets read as a formula ('=+86 138…') is one that
  // Clean up turns back into text, after which the rows can be merged.
  const moved = movedFormula(region, removeRows);
  if (moved) {
    const cell = a1(region.top + moved.row, region.left + moved.column);
    const phone = /^=\+[\d\s().-]+$/.test(moved.formula);
    throw new UserError(phone ? 'dedupe.merge.formulaPhone' : 'dedupe.merge.formulas', { cell, formula: moved.formula });
  }
  const parts = historyPart(ss, f.sheet, pointTo);
  const saved = opts.backup ? backUpTable(locale) : null;
  commitChange(ss, f.sheet, region, edits, removeRows, { action: 'merge', why: t(locale, 'dedupe.merge.why', { id: '' }), removed, parts }, locale);
  const done = t(locale, 'dedupe.merge.done', { groups: planned.length, rows: removeRows.length });
  return { ...report(findForMerge(), locale), merged: planned.length, notice: saved ? `${done}\n${t(locale, 'backup.madeFirst', { sheet: saved.entry.sheetName })}` : done };
}

/**
 * The stage history rows of the merged clients, pointed to the survivor: the client-ID column (the
 * first; onEdit writes client ID, from, to, when, owner) of the table's history sheet, read in one
 * block, each ID of a merged record rewritten to its survivor's, in the same change as the table.
 */
function historyPart(ss: GoogleAppsScript.Spreadsheet.Spreadsheet, table: GoogleAppsScript.Spreadsheet.Sheet, pointTo: ReadonlyMap<string, string>): ChangePart[] {
  if (pointTo.size === 0) return [];
  const sheet = ss.getSheetByName(historySheetName(table.getSheetId()));
  if (!sheet) return [];
  const last = sheet.getLastRow();
  if (last < 2) return [];
  const region = readRegion(sheet, 2, last, 1);
  const edits: CellEdit[] = [];
  region.values.forEach((row, r) => {
    if ((region.formulas[r]?.[0] ?? '') !== '') return;
    const to = pointTo.get(cellText(row[0] ?? ''));
    if (to !== undefined) edits.push({ row: r, column: 0, to: storedOfWrite(to) });
  });
  return edits.length ? [{ sheet, region, edits }] : [];
}

/** One group (the Merge button of a group). */
export function mergeCluster(fingerprints: readonly string[], opts: MergeOptions & Omit<MergeGroup, 'fingerprints'>, locale: Locale): DuplicatesReport {
  const { survivor, choices, seen, ...rest } = opts;
  return mergeGroups([{ fingerprints: [...fingerprints], survivor, choices, seen }], rest, locale);
}
