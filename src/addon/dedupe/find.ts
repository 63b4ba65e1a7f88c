/**
 * "Find duplicates" on the configured table: one batched getValues of the table's block, the engine
 * (src/core/dedupe, same defaults as the CLI), the pairs the user marked "not duplicates" taken out,
 * then, for the menu item, a highlight that changes no value of the user's: a "Duplicate group"
 * helper column at the right end of the table (one setValues) holding each row's cluster ID, and
 * conditional-format rules of ours keyed on that column (one setConditionalFormatRules), which color
 * a cluster's rows without touching any cell's own background. Running it again finds its column
 * by header and its rules by their marker and replaces exactly those. The number of service calls
 * does not depend on the table's size.
 * Ref: https://developers.google.com/apps-script/reference/spreadsheet/range#getValues()
 * Ref: https://developers.google.com/apps-script/reference/spreadsheet/conditional-format-rule-builder#whenFormulaSatisfied(String)
 * Ref: https://developers.google.com/apps-script/reference/spreadsheet/sheet#setConditionalFormatRules(ConditionalFormatRule)
 * Ref: https://developers.google.com/apps-script/guides/services/quotas (a property value holds at most 9 kB)
 */
import { findDuplicates, type Cluster, type DedupeResult } from '../../core/dedupe';
import {
  bandCounts, cellText, shownText, clusterColumn, clusterId, clusterWhy, DUPE_COLUMN_HEADERS, DUPE_PALETTE, dupeRuleFormula, isDupeColumnHeader,
  isDupeRuleFormula, pairKey, parseNotDuplicates, rowFingerprint, withoutNotDuplicates,
} from '../../core/dedupe/review';
import type { DuplicatesReport } from '../../core/api/dedupe';
import { planMerge, type MergeColumns } from '../../core/dedupe/merge';
import type { Role } from '../../core/roles';
import { stageOutcomes } from '../../core/options/variants';
import type { CellValue, DropdownOption, TypeContext } from '../../core/fields/types';
import { t, type Locale } from '../../core/i18n';
import { fieldByRole, type TableSchema } from '../../core/schema';
import { columnLetter } from '../../core/table/a1';
import { requireConfigOrNull } from '../config/store';
import { layoutOf, noTableHere, requireTableSheet } from '../sheet/table';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** Document property holding the pairs marked "not duplicates" (a JSON array of pair keys). */
export const NOT_DUPLICATES_KEY = 'clientflow.dedupe.notDuplicates';
/** A property value holds at most 9 kB: the newest pairs that fit are kept. */
const MAX_PROPERTY_CHARS = 8500;

interface Found {
  schema: TableSchema;
  sheet: Sheet;
  headerRow: number;
  /** Table columns (the helper column left out) and the helper column (1-based) when there is one. */
  headers: string[];
  helperColumn: number | null;
  lastColumn: number;
  rows: CellValue[][];
  headerCells: CellValue[];
  fingerprints: string[];
  result: DedupeResult;
  clusters: Cluster[];
  marked: number;
  /** The columns the merge rules act on (indexes of the rows above). */
  mergeCols: MergeColumns;
  /** The spreadsheet's time zone: dates are shown as the day they are there. */
  timeZone: string;
}

/** Roles whose values are counts or totals: summed by a merge (a deal value is not: see core/dedupe/merge.ts). */
const SUM_ROLES: readonly Role[] = ['orders', 'purchases', 'totalSpend'];
/** Date roles that keep the latest value in a merge. */
const LATEST_ROLES: readonly Role[] = ['lastContact', 'lastPurchase', 'updated'];

/** A stage option's outcome by the table's terminal stages (an adopted table names them there). */
function outcomeOf(schema: TableSchema, options: readonly DropdownOption[], label: string): 'won' | 'lost' | undefined {
  const o = stageOutcomes(options, schema.stages);
  return o.won === label ? 'won' : o.lost === label ? 'lost' : undefined;
}

/** The merge rules' columns, as indexes of the rows without the helper column. */
function mergeColumnsOf(schema: TableSchema, sheetColumnOf: (key: string) => number | undefined, helperIndex: number, headers: readonly string[]): MergeColumns {
  const idx = (col: number | undefined) => (col === undefined ? null : helperIndex >= 0 && col - 1 > helperIndex ? col - 2 : col - 1);
  const col = (role: Role) => {
    const fd = fieldByRole(schema, role);
    return fd ? idx(sheetColumnOf(fd.key)) : null;
  };
  const some = (roles: readonly Role[]) => roles.map(col).filter((c): c is number => c !== null);
  // An adopted table may keep its "Created" column without the role: then its header names it.
  const createdByHeader = headers.findIndex((h) => /^(created|date created|created at|创建日期|创建时间|创建)$/i.test(h.trim()));
  const stageField = fieldByRole(schema, 'stage');
  const stageCol = col('stage');
  return {
    id: col('clientId'), notes: col('notes'), created: col('created') ?? (createdByHeader < 0 ? null : createdByHeader),
    sum: some(SUM_ROLES), latest: some(LATEST_ROLES), updated: col('updated') ?? col('lastContact'),
    stage: stageField?.options && stageCol !== null
      ? { column: stageCol, options: stageField.options.map((o) => ({ label: o.label, variants: o.variants, outcome: o.outcome ?? outcomeOf(schema, stageField.options ?? [], o.label) })), since: col('stageSince') ?? col('updated') }
      : null,
  };
}

function readNotDuplicates(): Set<string> {
  return parseNotDuplicates(PropertiesService.getDocumentProperties().getProperty(NOT_DUPLICATES_KEY));
}

/** The table read in one getValues, the engine run, the "not duplicates" pairs taken out. */
function find(): Found {
  const schema = requireConfigOrNull();
  // The active sheet may be no table (the Funnel sheet just built): the error names the tables there are.
  if (!schema) throw noTableHere('dedupe.error.noTable');
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const sheet = requireTableSheet(ss, schema);
  const headerRow = schema.location?.headerRow ?? 1;
  const lastRow = sheet.getLastRow();
  const lastColumn = Math.max(1, sheet.getLastColumn());
  const block = lastRow >= headerRow ? (sheet.getRange(headerRow, 1, lastRow - headerRow + 1, lastColumn).getValues() as CellValue[][]) : [];
  const headerCells = block[0] ?? [];
  let helperIndex = -1;
  headerCells.forEach((h, i) => {
    if (isDupeColumnHeader(h)) helperIndex = i;
  });
  const strip = (r: CellValue[]): CellValue[] => (helperIndex < 0 ? r : r.filter((_, i) => i !== helperIndex));
  const headers = strip(headerCells);
  const rows = block.slice(1).map(strip);
  const layout = layoutOf(sheet, schema, headerCells);
  const idField = fieldByRole(schema, 'clientId');
  const idSheetColumn = idField ? layout.columns[idField.key] : undefined;
  const idColumn = idSheetColumn === undefined ? null : idSheetColumn - 1 - (helperIndex >= 0 && helperIndex < idSheetColumn - 1 ? 1 : 0);
  const timeZone = ss.getSpreadsheetTimeZone();
  const ctx: TypeContext = {
    locale: schema.locale, region: schema.region, timeZone, dateOrder: schema.dateOrder, currency: schema.currency,
  };
  const result = findDuplicates({ grid: [headers, ...rows], ctx, headerRow: 0 });
  // Unique per row: the n-th repeat of a fingerprint (identical rows, a client ID pasted twice) gets "#n",
  // so a group of identical rows can still be told apart and merged.
  const repeats = new Map<string, number>();
  const fingerprints = rows.map((r) => {
    const fp = rowFingerprint(r, idColumn);
    const n = (repeats.get(fp) ?? 0) + 1;
    repeats.set(fp, n);
    return n === 1 ? fp : `${fp}#${n}`;
  });
  const notDup = readNotDuplicates();
  const hs = headers.map((h) => cellText(h));
  const mergeCols = mergeColumnsOf(schema, (key) => layout.columns[key], helperIndex, hs);
  return {
    mergeCols, timeZone,
    schema, sheet, headerRow, headers: hs, helperColumn: helperIndex >= 0 ? helperIndex + 1 : null, lastColumn,
    rows, headerCells, fingerprints, result, clusters: withoutNotDuplicates(result.clusters, fingerprints, notDup), marked: notDup.size,
  };
}

/**
 * What was found. `colored`: the menu's summary, after it colored the groups and wrote their IDs; the
 * panel's (nothing written) says only what was found.
 */
function summary(f: Found, locale: Locale, colored: boolean): string {
  const c = bandCounts(f.clusters);
  const base =
    f.clusters.length === 0
      ? t(locale, 'dedupe.none', { rows: f.rows.length, sheet: f.sheet.getName() })
      : t(locale, colored ? 'dedupe.summary' : 'dedupe.panel.summary', {
          groups: f.clusters.length, dupRows: c.rows, rows: f.rows.length, sheet: f.sheet.getName(), sure: c.sure, review: c.review,
          column: DUPE_COLUMN_HEADERS[locale],
        });
  return f.marked > 0 ? `${base}\n${t(locale, 'dedupe.notDuplicates', { count: f.marked })}` : base;
}

/**
 * The highlight: the helper column (added at the right end when missing, not added when there is
 * nothing to show) and our rules, replaced. Returns the summary for the alert.
 */
export function highlightDuplicates(locale: Locale): string {
  const f = find();
  const n = f.rows.length;
  const column = f.helperColumn ?? (f.clusters.length > 0 ? f.lastColumn + 1 : null);
  const sheet = f.sheet;
  const existing = sheet.getConditionalFormatRules();
  const keep = existing.filter((r) => {
    const cond = r.getBooleanCondition();
    const v = cond ? cond.getCriteriaValues()[0] : null;
    return !isDupeRuleFormula(typeof v === 'string' ? v : null);
  });
  const ours: GoogleAppsScript.Spreadsheet.ConditionalFormatRule[] = [];
  if (column !== null) {
    const ids = clusterColumn(f.clusters, n);
    const header = f.helperColumn !== null ? null : DUPE_COLUMN_HEADERS[locale];
    const values = [[header ?? ''], ...ids.map((v) => [v])];
    if (header !== null) sheet.getRange(f.headerRow, column, n + 1, 1).setValues(values);
    else if (n > 0) sheet.getRange(f.headerRow + 1, column, n, 1).setValues(values.slice(1));
    const colors = Math.min(f.clusters.length, DUPE_PALETTE.length);
    if (colors > 0 && n > 0) {
      const range = sheet.getRange(f.headerRow + 1, 1, n, Math.max(column, f.lastColumn));
      const letter = columnLetter(column);
      for (let k = 0; k < colors; k++) {
        ours.push(
          SpreadsheetApp.newConditionalFormatRule()
            .whenFormulaSatisfied(dupeRuleFormula(letter, f.headerRow + 1, k))
            .setBackground(DUPE_PALETTE[k] as string)
            .setRanges([range])
            .build(),
        );
      }
    }
  }
  // Ours go last: a rule of the user's (or the set-up's "invalid" highlight) keeps precedence.
  if (ours.length > 0 || keep.length !== existing.length) sheet.setConditionalFormatRules([...keep, ...ours]);
  return summary(f, locale, true);
}

/** The table as "Find duplicates" sees it, for a merge. */
export function findForMerge(): Found {
  return find();
}

/** The clusters with why and the records side by side, for the Duplicates panel (nothing written). */
export function duplicatesReport(locale: Locale): DuplicatesReport {
  return report(find(), locale);
}

export function report(f: Found, locale: Locale): DuplicatesReport {
  const c = bandCounts(f.clusters);
  return {
    table: f.sheet.getName(),
    rows: f.rows.length,
    headers: f.headers,
    clusters: f.clusters.map((cl, k) => {
      const why = clusterWhy(cl, f.result);
      const rows = cl.rows.map((r) => f.rows[r] ?? []);
      const plan = planMerge(rows, f.mergeCols);
      const recent = planMerge(rows, f.mergeCols, { policy: 'recent' });
      const oldest = planMerge(rows, f.mergeCols, { policy: 'oldest' });
      const text = (p: typeof plan) => p.values.map((v) => shownText(v, f.timeZone));
      return {
        survivors: { complete: plan.survivor, recent: recent.survivor, oldest: oldest.survivor },
        merged: text(plan),
        mergedBy: { recent: text(recent), oldest: text(oldest) },
        id: clusterId(k + 1),
        score: cl.score,
        band: cl.band,
        agreed: why.agreed,
        differed: why.differed,
        records: cl.rows.map((r) => ({
          row: f.headerRow + 1 + r,
          fingerprint: f.fingerprints[r] as string,
          values: (f.rows[r] ?? []).map((v) => shownText(v, f.timeZone)),
        })),
      };
    }),
    sure: c.sure,
    review: c.review,
    notDuplicates: f.marked,
    message: summary(f, locale, false),
  };
}

/** Remembers every pair among `fingerprints` as "not duplicates" (newest kept when the value is full). */
export function markNotDuplicates(fingerprints: readonly string[], locale: Locale): DuplicatesReport {
  const pairs: Array<[string, string]> = [];
  for (let i = 0; i < fingerprints.length; i++) for (let j = i + 1; j < fingerprints.length; j++) pairs.push([fingerprints[i] as string, fingerprints[j] as string]);
  return remember(pairs, locale);
}

/**
 * Takes one record out of its group for good: the pairs it makes with each other record are remembered
 * as "not duplicates" (the others stay a group when two or more remain).
 */
export function removeFromGroup(fingerprint: string, others: readonly string[], locale: Locale): DuplicatesReport {
  return remember(others.map((o) => [fingerprint, o] as [string, string]), locale);
}

function remember(pairs: ReadonlyArray<readonly [string, string]>, locale: Locale): DuplicatesReport {
  const props = PropertiesService.getDocumentProperties();
  const set = parseNotDuplicates(props.getProperty(NOT_DUPLICATES_KEY));
  const list = [...set];
  for (const [a, b] of pairs) {
    const key = pairKey(a, b);
    if (!set.has(key) && a !== b) {
      set.add(key);
      list.push(key);
    }
  }
  let json = JSON.stringify(list);
  while (json.length > MAX_PROPERTY_CHARS && list.length > 0) {
    list.shift();
    json = JSON.stringify(list);
  }
  props.setProperty(NOT_DUPLICATES_KEY, json);
  return report(find(), locale);
}
