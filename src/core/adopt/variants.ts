/**
 * Cells that hold a variant of a dropdown option ('成交' in a column whose option is 'Won'): the
 * add-on reads them as the option (src/core/options/resolve.ts), but Sheets' list rule, which lists the
 * labels only, marks them with its red corner. Sheets compares list items without regard to letter case
 * (the emulator models it), so 'won' is no variant to Sheets; '成交' and 'Closed Won' are.
 * Counted per dropdown field, with one example, so adopt can say why those corners appear and make
 * the column's rule warn (not reject) while they remain.
 */
import type { CellValue } from '../fields/types';
import { resolveOption } from '../options/resolve';
import type { TableSchema } from '../schema';
import type { Layout } from '../table/layout';

export interface VariantCells {
  count: number;
  /** The first variant met, and the option it means. */
  example: { value: string; label: string };
}

function sameLetters(a: string, b: string): boolean {
  return a.trim().toLowerCase() === b.trim().toLowerCase();
}

/** Per dropdown field key: how many cells of `rows` hold a variant Sheets' list rule would mark. */
export function variantCells(schema: TableSchema, layout: Layout, rows: readonly (readonly CellValue[])[]): Map<string, VariantCells> {
  const cols: Array<{ key: string; idx: number; options: NonNullable<TableSchema['fields'][number]['options']>; labels: Set<string>; memo: Map<string, string | null>; count: number; example: VariantCells['example'] | null }> = [];
  for (const f of schema.fields) {
    const col = layout.columns[f.key];
    if (f.type !== 'dropdown' || col === undefined || !f.options?.length) continue;
    // Distinct values are few in a dropdown column: each is resolved once.
    cols.push({ key: f.key, idx: col - 1, options: f.options, labels: new Set(f.options.map((o) => o.label.toLowerCase())), memo: new Map(), count: 0, example: null });
  }
  if (cols.length === 0) return new Map();
  // Row by row (the grid is an array of rows).
  for (const row of rows) {
    for (const c of cols) {
      const v = row[c.idx];
      if (typeof v !== 'string' || v === '') continue;
      let label = c.memo.get(v);
      if (label === undefined) {
        const r = c.labels.has(v.toLowerCase()) ? null : resolveOption(v, c.options);
        label = r && r.label !== null ? r.label : null;
        c.memo.set(v, label);
      }
      if (label === null) continue;
      c.count++;
      // The example shown: a spelling that differs by more than spaces ('成交' for 'Won') when there is one.
      if (!c.example || (sameLetters(c.example.value, c.example.label) && !sameLetters(v, label))) c.example = { value: v, label };
    }
  }
  const out = new Map<string, VariantCells>();
  for (const c of cols) if (c.example) out.set(c.key, { count: c.count, example: c.example });
  return out;
}

/** All fields' variant cells as one count, with the first field's example (null when none). */
export function variantSummary(byField: ReadonlyMap<string, VariantCells>): VariantCells | null {
  let count = 0;
  let example: VariantCells['example'] | null = null;
  for (const v of byField.values()) {
    count += v.count;
    example ??= v.example;
  }
  return example ? { count, example } : null;
}
