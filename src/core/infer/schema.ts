/**
 * An inference as a table schema (src/core/schema.ts), so that adopting a sheet reuses the set-up's
 * planning and apply code, and so that the CLI reads columns exactly as the add-on does.
 */
import type { Locale } from '../i18n';
import type { TypeContext } from '../fields/types';
import { SCHEMA_VERSION, type FieldInput, type TableSchemaInput } from '../schema';
import { columnLetter } from '../fields/util';
import { adopted, type Inference, type InferredColumn } from './infer';

/** A stable field key for a column: its role, else 'col_' and an ASCII slug of its header, else its letter. */
export function fieldKey(col: InferredColumn, taken: Set<string>): string {
  let base: string = col.role ?? '';
  if (!base) {
    const slug = col.header.normalize('NFKD').replace(/[^A-Za-z0-9]+/g, '_').replace(/^_+|_+$/g, '').slice(0, 30);
    base = slug ? `col_${slug}` : `col_${columnLetter(col.column + 1)}`;
  }
  let key = base;
  for (let i = 2; taken.has(key); i++) key = `${base}_${i}`;
  taken.add(key);
  return key;
}

export function toFields(inf: Inference): FieldInput[] {
  const taken = new Set<string>();
  return inf.columns
    .filter((c) => adopted(c) && c.header.length <= 200)
    .map((c) => {
      const label = c.header.slice(0, 100);
      const f: FieldInput = {
        key: fieldKey(c, taken),
        label: { en: label, 'zh-CN': label },
        header: c.header,
        role: c.role,
        type: c.type,
        required: c.required,
        onInvalid: 'warn',
      };
      if (c.type === 'dropdown' && c.options) f.options = c.options.map((o) => ({ ...o }));
      if (c.currency) f.currency = c.currency;
      if (c.currencyMixed) f.currencyMixed = true;
      if (c.dateOrder) f.dateOrder = c.dateOrder;
      return f;
    });
}

/** The schema an adopted sheet gets (header row 1-based in `location` when the sheet is known). */
export function toSchema(
  inf: Inference,
  ctx: TypeContext,
  locale: Locale,
  sheet?: { sheetId: number; sheetName: string; headerOffset?: number },
): TableSchemaInput {
  const stageCol = inf.columns.find((c) => c.role === 'stage' && c.stages);
  return {
    version: SCHEMA_VERSION,
    template: null,
    locale,
    region: inf.regions[0] ?? ctx.region,
    regions: inf.regions.length > 0 ? inf.regions : [ctx.region],
    currency: ctx.currency,
    dateOrder: ctx.dateOrder,
    fields: toFields(inf),
    stages: stageCol?.stages ?? null,
    location: sheet && inf.headerRow !== null
      ? { sheetId: sheet.sheetId, sheetName: sheet.sheetName, headerRow: inf.headerRow + 1 + (sheet.headerOffset ?? 0) }
      : null,
  };
}
