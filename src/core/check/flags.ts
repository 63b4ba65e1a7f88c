/**
 * The notes and highlight of ours that "Check all rows" leaves on a whole table, planned without a grid
 * per step: the same verdicts as checksFromIssues + planNotes + planBackgrounds (core/edit/flags.ts)
 * with the stage rules laid over them as withRuleIssues does, but one pass over the notes read, one
 * over the colors read, and new rows made only for the rows that change (a table of 100,000 rows
 * where a few thousand flags move costs those rows, not four copies of the table).
 */
import type { SheetIssue } from './validate';
import { DEFAULT_BACKGROUNDS, FLAG_BACKGROUND, FLAG_MARK, type CellIssue, type RuleIssue, type StageChange } from '../edit/flags';
import type { CellValue } from '../fields/types';
import { cleanInput } from '../fields/util';
import { matchOption } from '../fields/dropdown';
import { fieldByRole, type TableSchema } from '../schema';
import type { Layout } from '../table/layout';

/**
 * The stage change each row is in now, from the stage history (rows of client ID, from, to, …, in the
 * order they were appended): a client's last change, when it led to the stage the row shows. Check
 * lays the stage rules over these as onEdit did when the change was made, so a flag for a skipped or
 * backward step stays as long as the row is still in that stage.
 */
export function changesFromHistory(schema: TableSchema, layout: Layout, rows: readonly (readonly CellValue[])[], spanFirst: number, history: readonly (readonly CellValue[])[]): StageChange[] {
  const stage = fieldByRole(schema, 'stage');
  const id = fieldByRole(schema, 'clientId');
  const sc = stage ? layout.columns[stage.key] : undefined;
  const ic = id ? layout.columns[id.key] : undefined;
  if (!stage || sc === undefined || ic === undefined || history.length === 0) return [];
  const last = new Map<string, { from: string; to: string }>();
  for (const h of history) {
    const key = String(h[0] ?? '').trim();
    if (key !== '') last.set(key, { from: String(h[1] ?? '').trim(), to: String(h[2] ?? '').trim() });
  }
  const options = stage.options ?? [];
  const out: StageChange[] = [];
  rows.forEach((row, index) => {
    const change = last.get(String(row[ic - spanFirst] ?? '').trim());
    if (!change) return;
    const text = cleanInput(String(row[sc - spanFirst] ?? ''));
    const now = text === '' ? '' : (matchOption(text, options).label ?? text);
    if (now !== '' && now === change.to && change.from !== change.to) out.push({ index, from: change.from, to: change.to });
  });
  return out;
}

export interface Box { r0: number; r1: number; c0: number; c1: number }

export interface CheckFlagsInput {
  rows: number;
  width: number;
  /** Sheet row of the first row, sheet column of the first column. */
  firstRow: number;
  spanFirst: number;
  /** Per column of the span: a field the user fills (auto fields and columns between fields: false). */
  user: readonly boolean[];
  /** Rows (0-based) with something in a table column. */
  hasData: (r: number) => boolean;
  issues: readonly SheetIssue[];
  /** Stage rules' verdicts by cell (r * width + c), as core/edit/rules.ts stageRuleIssues gives them. */
  rules?: ReadonlyMap<number, RuleIssue | null>;
}

/** Per cell: 0 left as it is, 1 checked and fine, 2 checked and broken. */
export interface CheckState {
  readonly width: number;
  readonly state: Uint8Array;
  issueAt(index: number): CellIssue | null;
}

export function checkState(input: CheckFlagsInput): CheckState {
  const { rows, width } = input;
  const state = new Uint8Array(rows * width);
  // A row with data: its user fields are checked (fine until an issue says otherwise); a row without:
  // every cell is (our flags there go).
  const userRow = new Uint8Array(width);
  input.user.forEach((u, c) => { if (u && c < width) userRow[c] = 1; });
  for (let r = 0; r < rows; r++) {
    if (input.hasData(r)) state.set(userRow, r * width);
    else state.fill(1, r * width, (r + 1) * width);
  }
  const byCell = new Map<number, CellIssue>();
  for (const i of input.issues) {
    const k = (i.row - input.firstRow) * width + (i.column - input.spanFirst);
    if (state[k] !== 1) continue;
    state[k] = 2;
    byCell.set(k, i); // a SheetIssue is a CellIssue: its code and hint
  }
  for (const [k, rule] of input.rules ?? []) {
    if (k < 0 || k >= state.length) continue;
    const issue = byCell.get(k) ?? null;
    // A type error or a plain required flag comes first; a rule adds to a valid cell (withRuleIssues).
    const keep = issue !== null && (rule === null || ('code' in issue && issue.code !== 'required'));
    if (keep) continue;
    if (rule) { byCell.set(k, rule); state[k] = 2; } else state[k] = 1;
  }
  return { width, state, issueAt: (k) => byCell.get(k) ?? null };
}

/** New rows by index (only those that change), the smallest box holding every change, and how many cells change. */
export interface SparseChange<T> {
  rows: Map<number, T[]>;
  box: Box | null;
  cells: number[];
}

/** `inPlace`: the rows read are the caller's own (a service's fresh copy): changed where they are, not copied. */
function sparse<T>(inPlace: boolean): SparseChange<T> & { set(r: number, c: number, source: readonly T[], v: T, width: number): void } {
  const out = {
    rows: new Map<number, T[]>(),
    box: null as Box | null,
    cells: [] as number[],
    set(r: number, c: number, source: readonly T[], v: T, width: number) {
      let row = out.rows.get(r);
      if (!row) { row = inPlace ? (source as T[]) : source.slice(); out.rows.set(r, row); }
      row[c] = v;
      out.cells.push(r * width + c);
      const b = out.box;
      if (!b) out.box = { r0: r, r1: r, c0: c, c1: c };
      else { if (r < b.r0) b.r0 = r; if (r > b.r1) b.r1 = r; if (c < b.c0) b.c0 = c; if (c > b.c1) b.c1 = c; }
    },
  };
  return out;
}

/**
 * Notes after the check (planNotes' rules: ours set or cleared, the user's kept), and whether colors
 * must be read (a flag appears or goes, or a user's note sits on a checked cell).
 */
export function planCheckNotes(s: CheckState, notes: readonly (readonly string[])[], message: (issue: CellIssue) => string, inPlace = false): { notes: SparseChange<string>; needBackgrounds: boolean } {
  const out = sparse<string>(inPlace);
  let needBackgrounds = false;
  const { width, state } = s;
  // One note text per distinct message (the message function may return the same string many times).
  const noteOf = new Map<string, string>();
  const noteFor = (issue: CellIssue): string => {
    const m = message(issue);
    let note = noteOf.get(m);
    if (note === undefined) { note = `${FLAG_MARK} ${m}`; noteOf.set(m, note); }
    return note;
  };
  for (let r = 0; r < notes.length; r++) {
    const row = notes[r] as readonly string[];
    for (let c = 0; c < width; c++) {
      const st = state[r * width + c];
      if (!st) continue;
      const note = row[c] ?? '';
      const ours = note !== '' && note.startsWith(FLAG_MARK);
      if (st === 2) {
        if (note !== '' && !ours) { needBackgrounds = true; continue; }
        const text = noteFor(s.issueAt(r * width + c) as CellIssue);
        if (text !== note) { out.set(r, c, row, text, width); needBackgrounds = true; }
      } else if (ours) {
        out.set(r, c, row, '', width);
        needBackgrounds = true;
      } else if (note !== '') {
        needBackgrounds = true;
      }
    }
  }
  return { notes: out, needBackgrounds };
}

/** Colors after the check (planBackgrounds' rules): ours on broken cells with the default color, off mended ones. */
export function planCheckBackgrounds(s: CheckState, before: readonly (readonly string[])[], inPlace = false): SparseChange<string | null> {
  const out = sparse<string | null>(inPlace);
  const { width, state } = s;
  for (let r = 0; r < before.length; r++) {
    const row = before[r] as readonly string[];
    for (let c = 0; c < width; c++) {
      const st = state[r * width + c];
      if (!st) continue;
      const raw = row[c] ?? '';
      const bg = raw === '#ffffff' || raw === FLAG_BACKGROUND ? raw : raw.toLowerCase();
      if (st === 2 && DEFAULT_BACKGROUNDS.has(bg)) out.set(r, c, row, FLAG_BACKGROUND, width);
      else if (st === 1 && bg === FLAG_BACKGROUND) out.set(r, c, row, null, width);
    }
  }
  return out;
}

/**
 * The box of a sparse change as a grid to write: changed rows as planned, the others as read (the
 * read rows themselves when the box spans every column: nothing is copied that does not change).
 */
export function changedGrid<T>(change: SparseChange<T>, read: readonly (readonly T[])[], box: Box): T[][] {
  const full = box.c0 === 0 && read.length > 0 && box.c1 === (read[0]?.length ?? 0) - 1;
  const grid: T[][] = [];
  for (let r = box.r0; r <= box.r1; r++) {
    const row = change.rows.get(r) ?? (read[r] as T[]);
    grid.push(full ? row : row.slice(box.c0, box.c1 + 1));
  }
  return grid;
}
