/**
 * New client IDs under concurrent edits. Two onEdit executions can run at once (two quick edits, two
 * users), so the counter in document properties is read and moved on under the document lock, and
 * saved BEFORE any ID is written: a trigger killed after the reservation (the 30-second limit, an
 * error) leaves a gap in the numbering, never a number that a later edit hands out again.
 *
 * When the lock cannot be had in time (another execution holds it), the rows are not left without IDs
 * for good: their sheet rows are recorded in a "pending" property of their own (a key per execution, so
 * no read-modify-write race), and the execution that held the lock fills them after releasing it
 * (fillPendingIds), under the lock again.
 *
 * The lock is the edit's one hold (./lock.ts), shared with the stage history's append.
 */
import { nextClientId } from '../../core/fields';
import type { CellValue } from '../../core/fields/types';
import { idSequence, idSummary } from '../../core/edit/autofill';
import type { EditLock } from './lock';
import { ID_COUNTER_KEY, idCounterKey, idCounterProps, readIdCounter } from '../config/store';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Props = GoogleAppsScript.Properties.Properties;

export const PENDING_PREFIX = 'clientflow.idsPending.';

export interface IdTarget {
  sheet: Sheet;
  sheetId: number;
  headerRow: number;
  idCol: number;
}

/** The stored counter of a table: its own key; the single key of earlier versions only when it has none yet. */
export function storedIdCounter(store: Props, sheetId: number): string[] | null {
  const own = store.getProperty(idCounterKey(sheetId));
  const raw = own ?? store.getProperty(ID_COUNTER_KEY);
  const key = own === null ? ID_COUNTER_KEY : idCounterKey(sheetId);
  return raw === null ? null : readIdCounter({ [key]: raw }, sheetId);
}

/** The counter's basis under the lock: the stored summary, or (no counter yet) the whole ID column, once. */
function counterBasis(store: Props, t: IdTarget): string[] {
  const known = storedIdCounter(store, t.sheetId);
  if (known) return known;
  const last = t.sheet.getLastRow();
  return last > t.headerRow
    ? idSummary(t.sheet.getRange(t.headerRow + 1, t.idCol, last - t.headerRow, 1).getValues().map((r) => String(r[0] ?? '')))
    : [];
}

/**
 * `count` new IDs, reserved (the counter saved) before the caller writes them; `seen` are IDs already in
 * the edited rows (typed or pasted by the user), which the counter must pass too. Null when the lock
 * could not be had: `rows` (sheet rows that need an ID) are then recorded as pending.
 */
export function reserveIds(store: Props, t: IdTarget, count: number, seen: readonly string[], rows: readonly number[], execKey: string, lock: EditLock): string[] | null {
  if (!lock.have()) {
    store.setProperty(PENDING_PREFIX + execKey, JSON.stringify({ sheetId: t.sheetId, rows: compactRows(rows) }));
    return null;
  }
  const basis = counterBasis(store, t);
  const ids = idSequence(nextClientId([...basis, ...seen]), count);
  store.setProperties(idCounterProps(t.sheetId, idSummary([...basis, ...seen, ...ids])), false);
  return ids;
}

/** Sheet rows as [first, last] runs (a pasted block is one run). */
function compactRows(rows: readonly number[]): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  for (const r of [...rows].sort((a, b) => a - b)) {
    const last = out[out.length - 1];
    if (last && r <= last[1] + 1) last[1] = Math.max(last[1], r);
    else out.push([r, r]);
  }
  return out;
}

function pendingRuns(raw: string, sheetId: number): Array<[number, number]> {
  try {
    const v = JSON.parse(raw) as { sheetId?: unknown; rows?: unknown };
    if (v.sheetId !== sheetId || !Array.isArray(v.rows)) return [];
    return (v.rows as unknown[]).filter((x): x is [number, number] => Array.isArray(x) && x.length === 2 && x.every((n) => Number.isInteger(n) && (n as number) > 0) && (x[0] as number) <= (x[1] as number));
  } catch {
    return [];
  }
}

function forAnotherSheet(raw: string, sheetId: number): boolean {
  try {
    const v = JSON.parse(raw) as { sheetId?: unknown };
    return typeof v.sheetId === 'number' && v.sheetId !== sheetId;
  } catch {
    return false;
  }
}

/** The deferred-ID records among the document's properties (any table's). */
export function pendingIdKeys(props: Record<string, string>): string[] {
  return Object.keys(props).filter((k) => k.startsWith(PENDING_PREFIX));
}

/**
 * Fills the IDs of rows other executions deferred (their lock wait timed out while this one held it),
 * under the lock the caller holds: each recorded run's ID cells are read and every blank one gets a
 * new ID (a recorded row was a client row when it was recorded).
 */
export function fillPendingIds(store: Props, t: IdTarget, props: Record<string, string>, keys: readonly string[]): void {
  const runs = keys.flatMap((k) => pendingRuns(props[k] ?? '', t.sheetId));
  const cells: Array<{ run: [number, number]; values: CellValue[][] }> = runs.map((run) => ({
    run,
    values: t.sheet.getRange(run[0], t.idCol, run[1] - run[0] + 1, 1).getValues() as CellValue[][],
  }));
  const blank = cells.reduce((n, c) => n + c.values.filter((r) => String(r[0] ?? '').trim() === '').length, 0);
  if (blank > 0) {
    const basis = counterBasis(store, t);
    const ids = idSequence(nextClientId(basis), blank);
    store.setProperties(idCounterProps(t.sheetId, idSummary([...basis, ...ids])), false);
    let k = 0;
    for (const c of cells) {
      const out = c.values.map((r) => (String(r[0] ?? '').trim() === '' ? [ids[k++] ?? ''] : [r[0] ?? '']));
      t.sheet.getRange(c.run[0], t.idCol, out.length, 1).setValues(out);
    }
  }
  // Ours are done; a record that cannot be read is dropped (it would be looked at on every edit);
  // another table's records stay for its own edits.
  for (const k of keys) if (pendingRuns(props[k] ?? '', t.sheetId).length > 0 || !forAnotherSheet(props[k] ?? '', t.sheetId)) store.deleteProperty(k);
}
