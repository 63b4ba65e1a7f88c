/**
 * Normalize on entry (per field, off by default): the edited cells of a field that asks for it are
 * rewritten as cleanup would write them (the field type's normalize: an email trimmed and lowercased, a
 * phone in E.164 when the reading is unambiguous…). A value the type cannot understand is left as it
 * is (and flagged by the checks). Pure: returns one column write per field column that changes, and
 * the rows as they will read after it (so the checks see the normalized values).
 */
import type { CellValue, TypeLookup } from '../fields/types';
import type { TableSchema } from '../schema';
import type { Layout } from '../table/layout';
import { typeContext } from '../setup/plan';
import type { ColumnWrite } from './autofill';

export function planNormalize(input: {
  schema: TableSchema; layout: Layout; rows: readonly (readonly CellValue[])[]; rowsFirstRow: number; spanFirst: number;
  firstColumn: number; lastColumn: number; timeZone: string; types: TypeLookup;
}): { writes: ColumnWrite[]; rows: CellValue[][] } {
  const rows = input.rows.map((r) => [...r]);
  const writes: ColumnWrite[] = [];
  for (const f of input.schema.fields) {
    if (!f.normalizeOnEntry) continue;
    const column = input.layout.columns[f.key];
    if (column === undefined || column < input.firstColumn || column > input.lastColumn) continue;
    const def = input.types(f.type);
    const ctx = typeContext(input.schema, f, input.timeZone);
    const j = column - input.spanFirst;
    let changed = false;
    const values = rows.map((row) => {
      const v = row[j] ?? '';
      const res = def.normalize(v, ctx);
      if (res.status !== 'changed') return [v];
      changed = true;
      row[j] = res.value;
      return [res.value];
    });
    if (changed) writes.push({ column, firstRow: input.rowsFirstRow, values });
  }
  return { writes, rows };
}
