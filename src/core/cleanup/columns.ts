/**
 * The plan's columns from a configured table: each field found in the sheet, with what the table knows
 * about it as a TypeContext. A field may carry its own currency, phone regions or date order (the table's
 * own settings otherwise); options carry their variants. Reading those through `FieldKnowledge` keeps the
 * plan independent of how the schema spells them.
 */
import type { DropdownOption, FieldTypeId, TypeContext } from '../fields/types';
import type { CleanupColumn } from './plan';

/** What cleanup reads of a field; optional members are the ones a schema may or may not have. */
export interface FieldKnowledge {
  key: string;
  header: string;
  type: FieldTypeId;
  options?: ReadonlyArray<{ label: string; color: string; aliases?: readonly string[]; variants?: readonly string[] }>;
  currency?: string;
  regions?: readonly string[];
  region?: string;
  dateOrder?: TypeContext['dateOrder'];
}

export interface TableKnowledge {
  region: string;
  /** The table's candidate phone regions, the default first (absent: `region` alone). */
  regions?: readonly string[];
  currency: string;
  dateOrder: TypeContext['dateOrder'];
  fields: readonly FieldKnowledge[];
}

/** The options as the dropdown type reads them: other spellings under `variants` (older configs said `aliases`). */
function optionsOf(f: FieldKnowledge): DropdownOption[] | undefined {
  if (!f.options) return undefined;
  return f.options.map((o): DropdownOption => {
    const variants = [...(o.aliases ?? []), ...(o.variants ?? [])];
    return variants.length ? { label: o.label, color: o.color, variants } : { label: o.label, color: o.color };
  });
}

/**
 * One column per field the layout found: `columns` maps a field key to its 1-based sheet column and
 * `firstColumn` is the 1-based sheet column of index 0 in the rows the plan reads.
 */
export function columnsOfTable(table: TableKnowledge, columns: Readonly<Record<string, number>>, base: TypeContext, firstColumn = 1): CleanupColumn[] {
  const out: CleanupColumn[] = [];
  for (const f of table.fields) {
    const at = columns[f.key];
    if (at === undefined) continue;
    // A phone is read in every candidate region, as the check reads it (setup/plan typeContext): a
    // number valid only in another candidate is that country's, never forced into the default one.
    const regions = f.type === 'phone' ? (f.regions ?? table.regions ?? []).map((r) => r.toUpperCase()) : [];
    const region = (f.regions?.[0] ?? f.region ?? table.region).toUpperCase();
    const ctx: TypeContext = {
      ...base,
      region,
      currency: (f.currency ?? table.currency).toUpperCase(),
      dateOrder: f.dateOrder ?? table.dateOrder,
    };
    if (regions.length > 1) ctx.regions = regions;
    else delete ctx.regions;
    const options = optionsOf(f);
    if (options) ctx.options = options;
    else delete ctx.options;
    out.push({ column: at - firstColumn, header: f.header, type: f.type, ctx });
  }
  return out;
}
