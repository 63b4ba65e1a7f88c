/**
 * The words of "Adopt this sheet": the confirmation summary and the final report, translated. Pure, so
 * the same text is tested without Sheets. Grid coordinates are 0-based from A1.
 */
import { t, type Locale, joinList } from '../i18n';
import { columnLetter } from '../fields/util';
import { a1 } from '../table/a1';
import { adopted, type GridIssue, type Inference, type InferredColumn } from '../infer/infer';

export const CONFIRM_MAX_LINES = 25;
export const REPORT_MAX_CELLS = 10;

/** A1 of a cell in grid coordinates (0-based row and column). */
export function gridA1(row: number, column: number): string {
  return a1(row + 1, column + 1);
}

export function typeName(locale: Locale, type: InferredColumn['type']): string {
  return t(locale, `adopt.type.${type}` as const);
}

function optionsPreview(col: InferredColumn): string {
  const labels = (col.options ?? []).map((o) => o.label);
  const shown = labels.slice(0, 6).join(col.stages ? ' → ' : ', ');
  return labels.length > 6 ? `${shown}, …` : shown;
}

/** What a column is read as, e.g. "Email, email" or "Stage, dropdown: Lead → Contacted → …". */
export function columnMeaning(locale: Locale, col: InferredColumn): string {
  let type = typeName(locale, col.type);
  if (col.type === 'dropdown' && col.options?.length) type = t(locale, 'adopt.meaning.options', { type, options: optionsPreview(col) });
  let s = col.role
    ? t(locale, 'adopt.meaning.role', { role: t(locale, `adopt.role.${col.role}` as const), type })
    : t(locale, 'adopt.meaning.custom', { type });
  const extras: string[] = [];
  if (col.required) extras.push(t(locale, 'adopt.meaning.required'));
  if (col.type !== 'dropdown' && col.share < 0.995 && col.sampled > 0 && col.type !== 'text' && col.type !== 'longText') {
    extras.push(t(locale, 'adopt.meaning.mixed', { share: Math.floor(col.share * 100) }));
  }
  if (extras.length) s += t(locale, 'adopt.meaning.extras', { list: joinList(locale, extras) });
  return s;
}

/** Columns that adopting leaves alone, e.g. 'G (no header), H "Email" (same name as C)'. */
export function leftAlone(locale: Locale, inf: Inference): string[] {
  const out: string[] = [];
  for (const c of inf.columns) {
    if (c.managed && !c.role) out.push(t(locale, 'adopt.leftAlone.unknown', { column: columnLetter(c.column + 1), header: c.header }));
  }
  for (const p of inf.problems) {
    if (p.code === 'blankHeader') out.push(t(locale, 'adopt.leftAlone.blank', { column: columnLetter(p.column + 1) }));
    if (p.code === 'duplicateHeader') {
      out.push(t(locale, 'adopt.leftAlone.duplicate', { column: columnLetter(p.column + 1), header: p.header, first: columnLetter(p.first + 1) }));
    }
  }
  return out;
}

/** The alert text that asks to confirm the mapping. */
export function confirmText(locale: Locale, inf: Inference, sheetName: string, adoptedBefore: boolean, ownDates: ReadonlySet<number> = new Set()): string {
  const lines: string[] = [];
  lines.push(t(locale, 'adopt.confirm.intro', { row: (inf.headerRow ?? 0) + 1, sheet: sheetName }));
  if (adoptedBefore) lines.push(t(locale, 'adopt.confirm.existing'));
  const managed = inf.columns.filter(adopted);
  for (const col of managed.slice(0, CONFIRM_MAX_LINES)) {
    // A column of the user's own dates under an automatic-date header is adopted as a plain date column.
    const meaning = ownDates.has(col.column + 1) ? t(locale, 'adopt.meaning.ownDates', { type: typeName(locale, col.type) }) : columnMeaning(locale, col);
    lines.push(t(locale, 'adopt.confirm.line', { column: columnLetter(col.column + 1), header: col.header, meaning }));
  }
  if (managed.length > CONFIRM_MAX_LINES) lines.push(t(locale, 'adopt.confirm.more', { count: managed.length - CONFIRM_MAX_LINES }));
  const alone = leftAlone(locale, inf);
  if (alone.length) lines.push('', t(locale, 'adopt.confirm.leftAlone', { list: alone.join(locale === 'zh-CN' ? '，' : ', ') }));
  lines.push('', t(locale, 'adopt.confirm.outro'));
  return lines.join('\n');
}

/** Issues sorted in reading order (row, then column). */
export function sortIssues<T extends { row: number; column: number }>(issues: readonly T[]): T[] {
  return [...issues].sort((a, b) => a.row - b.row || a.column - b.column);
}

export interface AdoptOutcome {
  sheetName: string;
  adoptedColumns: number;
  /** Broken cells, grid coordinates (0-based from A1). */
  misfits: readonly GridIssue[];
  /** How many of them are highlighted. */
  highlighted: number;
  formulaCells: number;
  /** Headers of columns whose number format was left as it was. */
  formatsKept: readonly string[];
  /** The Client ID column: what its IDs look like, and the next ID a new row gets (automatic IDs only). */
  ids?: IdFormats | null;
  /** Cells holding a variant of a dropdown option (Sheets' list rule marks them), with one example. */
  variants?: { count: number; example: { value: string; label: string } } | null;
}

/** The final report shown after adopting. */
export function doneText(locale: Locale, o: AdoptOutcome): string {
  const lines = [t(locale, 'adopt.done', { count: o.adoptedColumns, sheet: o.sheetName })];
  if (o.misfits.length === 0) lines.push(t(locale, 'adopt.fitAll'));
  else {
    const sorted = sortIssues(o.misfits);
    const cells = joinList(locale, sorted.slice(0, REPORT_MAX_CELLS).map((i) => gridA1(i.row, i.column)));
    lines.push(sorted.length > REPORT_MAX_CELLS
      ? t(locale, 'adopt.misfitsMore', { count: sorted.length, cells, more: sorted.length - REPORT_MAX_CELLS })
      : t(locale, 'adopt.misfits', { count: sorted.length, cells }));
    if (o.highlighted < sorted.length) lines.push(t(locale, 'adopt.misfitsNotAll', { shown: o.highlighted }));
  }
  if (o.variants && o.variants.count > 0) lines.push(t(locale, 'adopt.variants', { count: o.variants.count, value: o.variants.example.value, label: o.variants.example.label }));
  if (o.formulaCells > 0) lines.push(t(locale, 'adopt.formulas', { count: o.formulaCells }));
  if (o.ids) lines.push(idText(locale, o.ids));
  if (o.formatsKept.length) lines.push(t(locale, 'adopt.formatsKept', { list: joinList(locale, o.formatsKept) }));
  return lines.join('\n');
}

export interface IdFormats {
  /** One example per format found (at most three), in order of first appearance. */
  examples: string[];
  /** How many formats the column mixes. */
  formats: number;
  /** The ID the next new row gets; null when the column is not automatic. */
  next: string | null;
}

/** The shape of an ID: digits as '9', letters as 'A', the rest as written ('C00005' → 'A99999'). */
function idShape(id: string): string {
  return id.replace(/\d/g, '9').replace(/\p{L}/gu, 'A');
}

/**
 * What a valid Client ID looks like in this column, for the report: every non-empty text is an ID
 * (ClientFlow never rewrites one), the formats the column already mixes, and the form of new IDs.
 */
export function idFormats(ids: readonly string[], next: string | null): IdFormats | null {
  const shapes = new Map<string, string>();
  for (const raw of ids) {
    const id = raw.trim();
    if (id === '') continue;
    const shape = idShape(id);
    if (!shapes.has(shape)) shapes.set(shape, id);
  }
  if (shapes.size === 0 && next === null) return null;
  return { examples: [...shapes.values()].slice(0, 3), formats: shapes.size, next };
}

/** The report's sentence about Client IDs (see idFormats). */
export function idText(locale: Locale, f: IdFormats): string {
  const parts: string[] = [];
  if (f.formats > 0) parts.push(t(locale, 'adopt.ids.kept', { count: f.formats, examples: joinList(locale, f.examples.map((e) => t(locale, 'adopt.ids.quote', { id: e }))) }));
  else parts.push(t(locale, 'adopt.ids.free'));
  if (f.next !== null) parts.push(t(locale, 'adopt.ids.next', { next: f.next }));
  return parts.join(locale === 'zh-CN' ? '' : ' ');
}
