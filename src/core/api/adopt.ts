/**
 * Sidebar endpoints of "Adopt this sheet".
 * Served by src/addon/adopt/endpoints.ts; the Adopt panel is src/sidebar/panels/adopt.ts.
 *
 * - `previewAdopt(mapping?)`: the mapping ClientFlow would apply to the active sheet (or, given a
 *   mapping, that mapping re-checked against the sheet): per column its role, type, required flag,
 *   dropdown options, and how well the cells fit (share, count, the first misfit cells).
 * - `applyAdopt(mapping)`: applies exactly that mapping, through the same function as menuAdopt after
 *   its confirmation, and returns the report.
 *
 * The mapping crosses the bridge as a loose shape (`adoptMappingSchema`: role and type are any short
 * strings) so that a mapping which is well-formed but wrong — an unknown role, a type that does not
 * exist, two columns with one role — reaches `checkMapping` (src/core/adopt/check-mapping.ts), which names the problem and the column
 * for a translated message, instead of failing as an untranslated wire error.
 */
import * as z from 'zod/mini';
import { endpoint, lazy } from './endpoint';
import { FIELD_TYPE_IDS, optionSchema } from '../schema';
import { ROLES, type Role } from '../roles';

/** Misfit cells shown per column in the preview. */
export const PREVIEW_MISFITS = 3;
/** Misfit cells listed in the report. */
export const REPORT_CELLS = 20;

const wireOption = lazy(() => z.object({
  label: z.string().check(z.maxLength(200)),
  color: z.string().check(z.maxLength(20)),
  variants: z.optional(z.array(z.string().check(z.maxLength(100))).check(z.maxLength(200))),
  outcome: z.optional(z.enum(['won', 'lost'])),
}));

export const adoptMappingColumnSchema = lazy(() => z.object({
  /** 1-based sheet column. */
  column: z.int().check(z.gte(1), z.lte(18278)),
  /** The header text the preview showed (the sheet must still say it). */
  header: z.string().check(z.maxLength(5000)),
  /** True: ClientFlow manages the column; false: left alone. */
  adopt: z.boolean(),
  /** A role key (src/core/roles.ts) or null for a column of the user's own. Checked by checkMapping. */
  role: z.nullable(z.string().check(z.maxLength(60))),
  /** A field type id. Checked by checkMapping. */
  type: z.string().check(z.maxLength(60)),
  required: z.boolean(),
  /** Dropdown options, in order (for the stage column: the stage order). */
  options: z.optional(z.array(wireOption).check(z.maxLength(500))),
}));

export const adoptMappingSchema = lazy(() => z.object({
  sheetId: z.int(),
  /** 1-based header row the preview found. */
  headerRow: z.int().check(z.gte(1)),
  columns: z.array(adoptMappingColumnSchema).check(z.maxLength(2000)),
  /** Won and lost terminals among the stage column's options. */
  stages: z.optional(z.nullable(z.object({ won: z.string().check(z.maxLength(200)), lost: z.string().check(z.maxLength(200)) }))),
  /**
   * Automatic columns the user chose to add (new rows then get an ID and dates from onEdit): added
   * after the last column, or, for a Client ID column the sheet already has, that column kept as it is.
   */
  autoColumns: z.optional(z.array(z.enum(['clientId', 'created', 'updated', 'stageSince'])).check(z.maxLength(4))),
}));

export type AdoptMapping = z.output<typeof adoptMappingSchema>;
export type AdoptMappingColumn = z.output<typeof adoptMappingColumnSchema>;

const previewColumnSchema = lazy(() => z.object({
  column: z.int().check(z.gte(1)),
  letter: z.string(),
  header: z.string(),
  /** False for a blank, over-long or repeated header: such a column can only be left alone. */
  adoptable: z.boolean(),
  /** Why a column is not adoptable (translated), or null. */
  note: z.nullable(z.string()),
  /** A field ClientFlow already knows (set up or adopted before; found even when moved or renamed). */
  known: z.boolean(),
  adopt: z.boolean(),
  role: z.nullable(z.enum(ROLES as [Role, ...Role[]])),
  type: z.enum(FIELD_TYPE_IDS),
  required: z.boolean(),
  options: z.optional(z.array(optionSchema)),
  /** Non-empty data cells that are not formulas. */
  filled: z.int().check(z.gte(0)),
  /** Share of those that fit `type` (1 when none). */
  fit: z.number().check(z.gte(0), z.lte(1)),
  misfitCount: z.int().check(z.gte(0)),
  /** The first cells that do not fit, as the sheet holds them. */
  misfits: z.array(z.object({ a1: z.string(), value: z.string() })).check(z.maxLength(PREVIEW_MISFITS)),
  formulas: z.int().check(z.gte(0)),
}));

export const adoptPreviewSchema = lazy(() => z.object({
  sheetId: z.int(),
  sheetName: z.string(),
  headerRow: z.int().check(z.gte(1)),
  dataRows: z.int().check(z.gte(0)),
  /** The sheet was adopted or set up before: known columns keep their settings. */
  adoptedBefore: z.boolean(),
  columns: z.array(previewColumnSchema),
  stages: z.nullable(z.object({ won: z.string(), lost: z.string() })),
}));

export const adoptReportSchema = lazy(() => z.object({
  sheetName: z.string(),
  adoptedColumns: z.int(),
  /** Cells that break their column's type or a required field (never altered). */
  misfitCount: z.int(),
  /** How many of them are highlighted. */
  highlighted: z.int(),
  formulaCells: z.int(),
  /** Headers of columns whose number format was kept. */
  formatsKept: z.array(z.string()),
  /** The first misfit cells, in reading order. */
  cells: z.array(z.object({ a1: z.string(), header: z.string(), code: z.string(), message: z.string(), value: z.string() })).check(z.maxLength(REPORT_CELLS)),
  /** The translated report (the same text menuAdopt shows). */
  message: z.string(),
}));

export type AdoptPreview = z.output<typeof adoptPreviewSchema>;
export type AdoptPreviewColumn = z.output<typeof previewColumnSchema>;
export type AdoptReport = z.output<typeof adoptReportSchema>;

/** The mapping a preview shows, ready to edit and send back. */
export function mappingOfPreview(p: AdoptPreview): AdoptMapping {
  return {
    sheetId: p.sheetId,
    headerRow: p.headerRow,
    stages: p.stages,
    columns: p.columns.map((c) => ({
      column: c.column,
      header: c.header,
      adopt: c.adopt,
      role: c.role,
      type: c.type,
      required: c.required,
      ...(c.options ? { options: c.options.map((o) => ({ ...o })) } : {}),
    })),
  };
}

/**
 * The mapping argument as the bridge sees it: typed as a mapping, but let through as it is, so that the
 * add-on parses it with `adoptMappingSchema` itself (checkMapping) and a malformed one gets the
 * translated 'adopt.mapping.invalid' rather than a raw zod report. The sidebar runs checkMapping before
 * sending: the mapping is checked with zod on both sides.
 */
const mappingArg = lazy(() => z.custom<AdoptMapping>(() => true));

export const adoptEndpoints = {
  /** The mapping for the active sheet; given a mapping, that mapping re-checked (fit, options). */
  previewAdopt: endpoint(() => z.tuple([z.optional(mappingArg)]), () => adoptPreviewSchema),
  /** Applies exactly this mapping (as menuAdopt does after its confirmation). Values never change. */
  applyAdopt: endpoint(() => z.tuple([mappingArg]), () => adoptReportSchema),
};
