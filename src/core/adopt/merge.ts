/**
 * Adopting a sheet again, or a sheet ClientFlow set up: the inferred schema merged with the stored one,
 * so that known columns keep their fields. Pure: the caller reads the sheet and its column metadata.
 */
import type { CellValue } from '../fields/types';
import { adopted, type Inference } from '../infer';
import { resolveLayout, type Layout } from '../table/layout';
import type { Field, FieldInput, TableSchema, TableSchemaInput } from '../schema';

/**
 * The schema for the sheet: inferred fields, except that a column already known from an earlier adopt
 * or set-up (found by developer metadata, then by header text) keeps its field — so adopting again
 * changes nothing, and moved or renamed columns are still the same fields.
 */
export function mergeWithExisting(
  inferred: TableSchemaInput,
  inf: Inference,
  existing: TableSchema | null,
  headers: readonly CellValue[],
  metadata: ReadonlyArray<{ column: number; key: string }>,
): { schema: TableSchemaInput; layout: Layout; adoptedBefore: boolean } {
  const managed = inf.columns.filter(adopted);
  const inferredFields = inferred.fields as FieldInput[];
  // inferred.fields are in the order of the managed columns (toFields keeps headers ≤ 200 chars).
  const byColumn = new Map<number, FieldInput>();
  let k = 0;
  for (const c of managed) {
    if (c.header.length > 200) continue;
    const f = inferredFields[k++];
    if (f) byColumn.set(c.column + 1, f);
  }
  if (!existing) {
    const columns: Record<string, number> = {};
    for (const [col, f] of byColumn) columns[f.key] = col;
    return { schema: inferred, layout: { columns, missing: [], notes: [] }, adoptedBefore: false };
  }
  const old = resolveLayout(existing.fields, headers, metadata);
  const fieldAt = new Map<number, Field>();
  for (const f of existing.fields) {
    const col = old.columns[f.key];
    if (col !== undefined) fieldAt.set(col, f);
  }
  const fields: FieldInput[] = [];
  const columns: Record<string, number> = {};
  const keys = new Set<string>();
  const roles = new Set<string>();
  // Known fields first (they keep key, role, type, options), then new columns.
  for (const [col, f] of fieldAt) {
    const header = String(headers[col - 1] ?? '').trim();
    // Found by its metadata or header: kept even when renamed to something inference cannot read.
    if (!header || header.length > 200) continue;
    fields.push({ ...f, header });
    columns[f.key] = col;
    keys.add(f.key);
    if (f.role) roles.add(f.role);
  }
  for (const [col, f] of byColumn) {
    if (fieldAt.has(col) && columns[(fieldAt.get(col) as Field).key] === col) continue;
    let key = f.key;
    for (let i = 2; keys.has(key); i++) key = `${f.key}_${i}`;
    const role = f.role && !roles.has(f.role) ? f.role : null;
    fields.push({ ...f, key, role });
    columns[key] = col;
    keys.add(key);
    if (role) roles.add(role);
  }
  fields.sort((a, b) => (columns[a.key] ?? 0) - (columns[b.key] ?? 0));
  const stageField = fields.find((f) => f.role === 'stage');
  const labels = new Set((stageField?.options ?? []).map((o) => o.label));
  let stages = existing.stages ?? inferred.stages ?? null;
  if (stages && !(labels.has(stages.won) && labels.has(stages.lost))) stages = inferred.stages ?? null;
  if (stages && !(labels.has(stages.won) && labels.has(stages.lost))) stages = null;
  return {
    schema: {
      ...inferred,
      region: existing.region,
      currency: existing.currency,
      dateOrder: existing.dateOrder,
      rules: existing.rules,
      fields,
      stages,
    },
    layout: { columns, missing: [], notes: [] },
    adoptedBefore: true,
  };
}
