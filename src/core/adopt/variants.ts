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
  const out = new Map<string, VariantCells>();
  for (const f of schema.fields) {
    const col = layout.columns[f.key];
    if (f.type !== 'dropdown' || col === undefined || !f.options?.length) continue;
    const options = f.options;
    const labels = new Set(options.map((o) => o.label.toLowerCase()));
    // Distinct values are few in a dropdown column: each is resolved once.
    const memo = new Map<string, string | null>();
    let count = 0;
    let example: VariantCells['example'] | null = null;
    for (const row of rows) {
      const v = row[col - 1];
      if (typeof v !== 'string' || v === '') continue;
      let label = memo.get(v);
      if (label === undefined) {
        const r = labels.has(v.toLowerCase()) ? null : resolveOption(v, options);
        label = r && r.label !== null ? r.label : null;
        memo.set(v, label);
      }
      if (label === null) continue;
      count++;
      // The example shown: a spelling that differs by more than spaces ('成交' for 'Won') when there is one.
      if (!example || (sameLetters(example.value, example.label) && !sameLetters(v, label))) example = { value: v, label };
    }
    if (example) out.set(f.key, { count, example });
  }
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
