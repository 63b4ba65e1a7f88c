/**
 * Merging one cluster through the change pipeline (snapshot → one write → archive; menuUndo puts it
 * back): the table is read again, the cluster's rows found by their fingerprints and checked to still
 * be one cluster (a sheet changed since the panel read it is refused, never merged wrongly), the plan
 * made in core (src/core/dedupe/merge.ts), the survivor's changed cells written and the other rows
 * removed to the archive sheet, its "why" naming the survivor's client ID.
 */
import { readRegion, commitChange } from '../change/pipeline';
import { movesFormula, storedOf, storedOfWrite, type CellEdit } from '../../core/change/cells';
import type { DuplicatesReport } from '../../core/api/dedupe';
import { planMerge } from '../../core/dedupe/merge';
import { t, type Locale } from '../../core/i18n';
import { fieldByRole } from '../../core/schema';
import { resolveLayout } from '../../core/table/layout';
import { UserError } from '../runtime/errors';
import { readColumnMetadata } from '../sheet/table';
import { duplicatesReport, findForMerge } from './find';

export function mergeCluster(fingerprints: readonly string[], locale: Locale): DuplicatesReport {
  const f = findForMerge();
  const rowsOf = fingerprints.map((fp) => f.fingerprints.indexOf(fp));
  const cluster = f.clusters.find((c) => rowsOf.every((r) => c.rows.includes(r)));
  if (rowsOf.some((r) => r < 0) || new Set(rowsOf).size !== rowsOf.length || !cluster || rowsOf.length < 2) throw new UserError('dedupe.merge.changed');
  const width = f.lastColumn;
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const region = readRegion(f.sheet, f.headerRow + 1, f.headerRow + f.rows.length, width);
  if (region.values.length !== f.rows.length) throw new UserError('dedupe.merge.changed');
  // Stripped (helper column left out) index → region column.
  const toRegion = (c: number) => (f.helperColumn !== null && c >= f.helperColumn - 1 ? c + 1 : c);
  const fromSheet = (col: number | undefined) => (col === undefined ? null : f.helperColumn !== null && col > f.helperColumn ? col - 2 : col - 1);
  const layout = resolveLayout(f.schema.fields, f.headerCells, readColumnMetadata(f.sheet).map(({ column, key }) => ({ column, key })));
  const col = (role: Parameters<typeof fieldByRole>[1]) => {
    const fd = fieldByRole(f.schema, role);
    return fd ? fromSheet(layout.columns[fd.key]) : null;
  };
  // An adopted table may keep its "Created" column without the role: then its header names it.
  const createdByHeader = () => {
    const i = f.headers.findIndex((h) => /^(created|date created|created at|创建日期|创建时间|创建)$/i.test(h.trim()));
    return i < 0 ? null : i;
  };
  const stageField = fieldByRole(f.schema, 'stage');
  const stageCol = col('stage');
  const plan = planMerge(rowsOf.map((r) => f.rows[r] ?? []), {
    id: col('clientId'), notes: col('notes'), created: col('created') ?? createdByHeader(),
    stage: stageField?.options && stageCol !== null ? { column: stageCol, order: stageField.options.map((o) => o.label) } : null,
  });
  const survivorRow = rowsOf[plan.survivor] as number;
  const edits: CellEdit[] = plan.changed.map((c) => {
    const rc = toRegion(c);
    const v = plan.values[c];
    const src = rowsOf.find((r) => {
      const x = f.rows[r]?.[c];
      return x instanceof Date && v instanceof Date ? x.getTime() === v.getTime() : x === v;
    });
    const to = src !== undefined ? storedOf(region.values[src]?.[rc], region.formulas[src]?.[rc] ?? '') : storedOfWrite(String(v ?? ''));
    return { row: survivorRow, column: rc, to };
  });
  const removeRows = plan.removed.map((i) => rowsOf[i] as number).sort((a, b) => a - b);
  // Removing a row moves the rows below it; a formula's A1 text would not follow: refused, as cleanup does.
  if (movesFormula(region, removeRows)) throw new UserError('dedupe.merge.formulas');
  const removed = removeRows.map((r) => ({ sheetRow: f.headerRow + 1 + r, values: region.values[r] ?? [] }));
  commitChange(ss, f.sheet, region, edits, removeRows, { action: 'merge', why: t(locale, 'dedupe.merge.why', { id: plan.survivorId || String(f.headerRow + 1 + survivorRow) }), removed }, locale);
  return duplicatesReport(locale);
}
