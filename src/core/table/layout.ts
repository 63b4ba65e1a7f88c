/**
 * Layout: which sheet column holds which field, even after the user
 * moves or renames columns. The add-on attaches developer metadata 'clientflow.field' = field key to
 * each column (it travels with the column when the column is moved); this module combines it with the
 * header row's text as a fallback (a column whose metadata was lost, or a table adopted before).
 * Blank headers are never matched by text; of duplicate headers only the first unclaimed one is used
 * (the others are reported).
 */
import type { CellValue } from '../fields/types';
import type { Field } from '../schema';

export const FIELD_METADATA_KEY = 'clientflow.field';

export interface ColumnMetadata { column: number; key: string }

export type LayoutNote =
  | { kind: 'renamed'; key: string; column: number; header: string }
  | { kind: 'duplicateHeader'; column: number; header: string }
  | { kind: 'blankHeader'; column: number }
  | { kind: 'staleMetadata'; column: number; key: string };

export interface Layout {
  /** Field key → 1-based column. */
  columns: Record<string, number>;
  /** Fields not found in the sheet. */
  missing: string[];
  notes: LayoutNote[];
}

export function normalizeHeader(v: CellValue | null | undefined): string {
  return String(v ?? '').replace(/\s+/g, ' ').trim().toLowerCase();
}

/**
 * @param headers the header row as getValues returns it (index 0 = column 1)
 * @param metadata column metadata found on the sheet (any order; several per column possible)
 */
export function resolveLayout(fields: readonly Field[], headers: readonly CellValue[], metadata: readonly ColumnMetadata[]): Layout {
  const columns: Record<string, number> = {};
  const claimed = new Set<number>();
  const notes: LayoutNote[] = [];
  const known = new Set(fields.map((f) => f.key));
  const width = headers.length;

  // 1. Developer metadata, in column order; a column claims one field, a field one column.
  const sortedMeta = [...metadata].sort((a, b) => a.column - b.column);
  for (const m of sortedMeta) {
    if (!known.has(m.key) || m.column < 1) {
      notes.push({ kind: 'staleMetadata', column: m.column, key: m.key });
      continue;
    }
    if (columns[m.key] !== undefined || claimed.has(m.column)) {
      // Two columns claim one field (a copied column): the header decides below.
      const f = fields.find((x) => x.key === m.key);
      const prev = columns[m.key];
      if (f && prev !== undefined && !claimed.has(m.column) && !headerMatches(f, headers[prev - 1]) && headerMatches(f, headers[m.column - 1])) {
        claimed.delete(prev);
        columns[m.key] = m.column;
        claimed.add(m.column);
      }
      continue;
    }
    columns[m.key] = m.column;
    claimed.add(m.column);
  }
  for (const f of fields) {
    const c = columns[f.key];
    if (c !== undefined && normalizeHeader(headers[c - 1]) !== normalizeHeader(f.header)) {
      notes.push({ kind: 'renamed', key: f.key, column: c, header: String(headers[c - 1] ?? '') });
    }
  }

  // 2. Header text for the rest: the field's header first, then its labels in either language.
  const seen = new Map<string, number>();
  for (let i = 0; i < width; i++) {
    const h = normalizeHeader(headers[i]);
    if (h === '') { notes.push({ kind: 'blankHeader', column: i + 1 }); continue; }
    if (seen.has(h)) notes.push({ kind: 'duplicateHeader', column: i + 1, header: String(headers[i]) });
    else seen.set(h, i + 1);
  }
  for (const pass of ['header', 'label'] as const) {
    for (const f of fields) {
      if (columns[f.key] !== undefined) continue;
      const names = pass === 'header' ? [f.header] : [f.label.en, f.label['zh-CN']];
      const wanted = new Set(names.map((n) => normalizeHeader(n)));
      for (let i = 0; i < width; i++) {
        if (claimed.has(i + 1)) continue;
        const h = normalizeHeader(headers[i]);
        if (h !== '' && wanted.has(h)) {
          columns[f.key] = i + 1;
          claimed.add(i + 1);
          break;
        }
      }
    }
  }
  const missing = fields.filter((f) => columns[f.key] === undefined).map((f) => f.key);
  return { columns, missing, notes };
}

function headerMatches(f: Field, v: CellValue | undefined): boolean {
  const h = normalizeHeader(v);
  return h !== '' && [f.header, f.label.en, f.label['zh-CN']].some((n) => normalizeHeader(n) === h);
}

/** The layout of a freshly set-up table: fields in order from `firstColumn`. */
export function sequentialLayout(fields: readonly Field[], firstColumn = 1): Layout {
  const columns: Record<string, number> = {};
  fields.forEach((f, i) => { columns[f.key] = firstColumn + i; });
  return { columns, missing: [], notes: [] };
}
