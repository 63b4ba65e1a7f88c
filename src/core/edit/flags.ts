/**
 * Checks as people type or paste (pure): each edited cell of the table is parsed with its field type;
 * a broken one gets OUR note (a fixed mark, then what is wrong in the user's language) and OUR
 * highlight (one known background); a mended one loses both. Only ours: a note that does not start
 * with the mark is the user's and is never changed (the cell is then only highlighted); a background
 * other than the sheet's default or ours is the user's and is never changed (the cell is then only
 * noted). Required fields are checked per row once the row holds a value; a row emptied (Delete) loses
 * every flag of ours. Auto fields are not checked (ClientFlow writes them).
 *
 * The stage field's previous value: a typed edit carries it (oldValue); a paste, fill-down or undo
 * does not. So the Stage since cell (an auto column) carries a note of ours naming the stage it dates
 * ("ClientFlow · stage" and the option's label on the last line): read with the same getNotes as the
 * flags, it tells the stage before any edit, and a change to a variant of the same option is no change.
 */
import type { CellValue, IssueCode, ParseResult, TypeLookup } from '../fields/types';
import { AUTO_TYPES } from '../fields/types';
import { isBlankCell, cleanInput } from '../fields/util';
import { matchOption } from '../fields/dropdown';
import { fieldByRole, type Field, type TableSchema } from '../schema';
import type { Layout } from '../table/layout';
import { typeContext } from '../setup/plan';
import { t, type Locale, joinList } from '../i18n';
import { issueMessage } from '../fields';

/** The start of every note of ours (the same in every language, so any user's note can be told apart). */
export const FLAG_MARK = 'ClientFlow ⚠';
export const STAGE_MARK = 'ClientFlow ·';
/** Our highlight: one known background, told apart from the user's colors by being exactly this. */
export const FLAG_BACKGROUND = '#f8d0cc';
export const DEFAULT_BACKGROUNDS: ReadonlySet<string> = new Set(['', '#ffffff', 'white']);

export function isOurNote(note: string): boolean {
  return note.startsWith(FLAG_MARK) || note.startsWith(STAGE_MARK);
}

/** A stage rule a cell breaks (./rules.ts decides). */
export type RuleIssue =
  | { rule: 'skip'; from: string; to: string; skipped: string[] }
  | { rule: 'backward'; from: string; to: string }
  | { rule: 'requiredFrom'; stage: string };

export type CellIssue = { code: IssueCode; hint?: string } | RuleIssue;

export interface FlagInput {
  schema: TableSchema;
  layout: Layout;
  /** Values of the edited rows over the table's span (columns spanFirst…). */
  rows: readonly (readonly CellValue[])[];
  spanFirst: number;
  /** Edited columns (1-based, inclusive). */
  firstColumn: number;
  lastColumn: number;
  types: TypeLookup;
}

/**
 * What each cell of the block should show: an issue, or null (valid, or not checked by this edit: then
 * `scope` is false and the cell is left as it is).
 */
export function checkBlock(input: FlagInput): Array<Array<{ scope: boolean; issue: CellIssue | null }>> {
  const { schema, layout, rows, spanFirst, types } = input;
  const AUTO = new Set<string>(AUTO_TYPES);
  const userFields = schema.fields.filter((f) => layout.columns[f.key] !== undefined && !AUTO.has(f.type));
  const byIndex = new Map<number, Field>(userFields.map((f) => [(layout.columns[f.key] as number) - spanFirst, f]));
  const memo = new Map<string, ParseResult>();
  const contexts = new Map(userFields.map((f) => [f.key, typeContext(schema, f, 'UTC')] as const));
  const parse = (f: Field, v: CellValue): ParseResult => {
    const key = typeof v === 'string' ? `${f.key}\u0000${v}` : null;
    const hit = key !== null ? memo.get(key) : undefined;
    if (hit) return hit;
    const res = types(f.type).parse(v, contexts.get(f.key) ?? typeContext(schema, f, 'UTC'));
    if (key !== null && memo.size < 20_000) memo.set(key, res);
    return res;
  };
  return rows.map((row) => {
    const width = row.length;
    let hasData = false;
    for (const i of byIndex.keys()) if (!isBlankCell(row[i])) { hasData = true; break; }
    const out: Array<{ scope: boolean; issue: CellIssue | null }> = [];
    for (let i = 0; i < width; i++) {
      const f = byIndex.get(i);
      const column = spanFirst + i;
      const edited = column >= input.firstColumn && column <= input.lastColumn;
      if (!f) { out.push({ scope: !hasData && edited, issue: null }); continue; }
      // An emptied row: every flag of ours goes. A row with data: edited cells, and required ones.
      if (!hasData) { out.push({ scope: true, issue: null }); continue; }
      const v = row[i] as CellValue;
      if (isBlankCell(v)) {
        out.push({ scope: edited || f.required, issue: f.required ? { code: 'required' } : null });
        continue;
      }
      if (!edited) { out.push({ scope: false, issue: null }); continue; }
      if (types(f.type).acceptsAnyText) { out.push({ scope: true, issue: null }); continue; }
      const res = parse(f, v);
      out.push({ scope: true, issue: res.ok ? null : { code: res.code, ...(res.hint ? { hint: res.hint } : {}) } });
    }
    return out;
  });
}

export interface FlagChanges {
  /** The block's notes after the edit (same as read where nothing changes); null when none changes. */
  notes: string[][] | null;
  /** Cells whose background must be read to decide (only when a flag appears or goes). */
  needBackgrounds: boolean;
}

/**
 * Notes to write: ours set or cleared, the user's kept. `message` renders an issue in the user's
 * language (called only for cells that get a note).
 */
export function planNotes(checks: ReturnType<typeof checkBlock>, notes: readonly (readonly string[])[], message: (issue: CellIssue) => string, edited: (column: number) => boolean = () => true): FlagChanges {
  let changed = false;
  let needBackgrounds = false;
  const out = checks.map((row, r) => row.map((cell, c) => {
    const note = notes[r]?.[c] ?? '';
    if (!cell.scope) return note;
    const ours = note.startsWith(FLAG_MARK);
    if (cell.issue) {
      // A cell this edit did not touch (a required one) that already carries our note keeps it as it is.
      if (ours && !edited(c)) return note;
      if (note !== '' && !ours) { needBackgrounds = true; return note; } // the user's own note stays
      const text = `${FLAG_MARK} ${message(cell.issue)}`;
      if (text !== note) { changed = true; needBackgrounds = true; }
      return text;
    }
    if (ours) { changed = true; needBackgrounds = true; return ''; }
    if (note !== '') needBackgrounds = true; // a user's note: our highlight may be there alone
    return note;
  }));
  return { notes: changed ? out : null, needBackgrounds };
}

/** Backgrounds after the edit: ours painted on broken cells with the default background, removed from mended ones. */
export function planBackgrounds(checks: ReturnType<typeof checkBlock>, backgrounds: readonly (readonly string[])[]): Array<Array<string | null>> | null {
  let changed = false;
  const out = checks.map((row, r) => row.map((cell, c) => {
    const bg = (backgrounds[r]?.[c] ?? '').toLowerCase();
    if (!cell.scope) return bg;
    if (cell.issue && DEFAULT_BACKGROUNDS.has(bg)) { changed = true; return FLAG_BACKGROUND; }
    if (!cell.issue && bg === FLAG_BACKGROUND) { changed = true; return null; }
    return bg;
  }));
  return changed ? out : null;
}

/** The stage label a Stage since note of ours names, or null. */
export function stageOfNote(note: string, options: readonly { label: string }[]): string | null {
  if (!note.startsWith(STAGE_MARK)) return null;
  const lines = note.split('\n');
  const label = cleanInput(lines[lines.length - 1] ?? '');
  return options.some((o) => o.label === label) ? label : null;
}

export interface StageChange {
  /** Index of the row in the block. */
  index: number;
  from: string;
  to: string;
}

/**
 * Stage changes of the edited rows: the stage now (as its option's label) against the stage before
 * (the Stage since note of ours, else the typed edit's oldValue). Variants of one option are no change;
 * a stage emptied is no change recorded (the row keeps its history).
 */
export function stageChanges(input: { schema: TableSchema; layout: Layout; rows: readonly (readonly CellValue[])[]; notes: readonly (readonly string[])[]; spanFirst: number; typedOld?: unknown }): StageChange[] {
  const stage = fieldByRole(input.schema, 'stage');
  const since = fieldByRole(input.schema, 'stageSince');
  if (!stage) return [];
  const sc = input.layout.columns[stage.key];
  const nc = since ? input.layout.columns[since.key] : undefined;
  if (sc === undefined) return [];
  const options = stage.options ?? [];
  const labelOf = (v: unknown): string => {
    const text = cleanInput(String(v ?? ''));
    if (text === '') return '';
    return matchOption(text, options).label ?? text;
  };
  const out: StageChange[] = [];
  input.rows.forEach((row, i) => {
    const to = labelOf(row[sc - input.spanFirst]);
    if (to === '') return;
    const noted = nc !== undefined ? stageOfNote(input.notes[i]?.[nc - input.spanFirst] ?? '', options) : null;
    const from = noted ?? (input.typedOld !== undefined ? labelOf(input.typedOld) : '');
    if (from !== to) out.push({ index: i, from, to });
  });
  return out;
}

/** The checks with the stage rules' verdicts laid over them (see ./rules.ts). */
export function withRuleIssues(checks: ReturnType<typeof checkBlock>, overrides: ReadonlyMap<string, RuleIssue | null>): ReturnType<typeof checkBlock> {
  if (overrides.size === 0) return checks;
  return checks.map((row, i) => row.map((cell, j) => {
    if (!overrides.has(`${i}:${j}`)) return cell;
    const rule = overrides.get(`${i}:${j}`) ?? null;
    // A type error or a plain required flag on the same cell comes first; a rule adds to a valid cell.
    if (cell.issue && rule === null) return cell;
    if (cell.issue && 'code' in cell.issue && cell.issue.code !== 'required') return cell;
    return { scope: true, issue: rule ?? cell.issue };
  }));
}

/** What a flag of ours says, in the user's language. */
export function issueText(locale: Locale, issue: CellIssue): string {
  if ('code' in issue) return issueMessage(locale, issue.code, issue.hint ? { hint: issue.hint } : {});
  switch (issue.rule) {
    case 'skip': return t(locale, 'edit.rule.skip', { from: issue.from, to: issue.to, skipped: joinList(locale, issue.skipped) });
    case 'backward': return t(locale, 'edit.rule.backward', { from: issue.from, to: issue.to });
    case 'requiredFrom': return t(locale, 'edit.rule.requiredFrom', { stage: issue.stage });
  }
}

/**
 * The smallest block holding every cell that differs between two grids of the same shape (0-based,
 * inclusive), or null when none does: notes and colors are written over it only (a pasted block of
 * 1,000 rows with one broken column writes that column, not the table's width).
 */
export function changedBox<T>(before: readonly (readonly T[])[], after: readonly (readonly T[])[]): { r0: number; r1: number; c0: number; c1: number } | null {
  let r0 = Infinity; let r1 = -1; let c0 = Infinity; let c1 = -1;
  after.forEach((row, r) => row.forEach((v, c) => {
    if ((before[r]?.[c] ?? null) === v) return;
    if (r < r0) r0 = r;
    if (r > r1) r1 = r;
    if (c < c0) c0 = c;
    if (c > c1) c1 = c;
  }));
  return r1 < 0 ? null : { r0, r1, c0, c1 };
}

export function sliceBox<T>(grid: readonly (readonly T[])[], box: { r0: number; r1: number; c0: number; c1: number }): T[][] {
  return grid.slice(box.r0, box.r1 + 1).map((row) => row.slice(box.c0, box.c1 + 1));
}
