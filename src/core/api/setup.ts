/**
 * Sidebar endpoints of the table set-up: the Setup panel reads the state, previews a
 * template, edits the field list and applies it. Served by src/addon/setup/endpoints.ts.
 */
import * as z from 'zod/mini';
import { endpoint, lazy } from './endpoint';
import { FIELD_TYPE_IDS, localeSchema, tableSchema } from '../schema';

import { TEMPLATE_IDS } from '../templates/ids';

export { TEMPLATE_IDS };
export const templateIdSchema = lazy(() => z.enum(TEMPLATE_IDS));

/** A problem with the stored config, already translated, with what the user can do about it. */
export const configProblemSchema = lazy(() => z.object({
  code: z.string(),
  message: z.string(),
  /** 'repair': the config can be rebuilt from the sheet's columns; 'reset': only forgetting it works. */
  remedies: z.array(z.enum(['repair', 'reset'])),
}));

export const setupSummarySchema = lazy(() => z.object({
  sheetName: z.string(),
  columns: z.int(),
  validations: z.int(),
  rules: z.int(),
  /** Rules of the user's own that were kept. */
  keptRules: z.int(),
  /** Translated one-line summary for a toast or the panel. */
  message: z.string(),
}));

export const validateReportSchema = lazy(() => z.object({
  rows: z.int(),
  count: z.int(),
  /**
   * One page of the broken cells (every cell is on some page), in row order; row and column (1-based)
   * for "go to", hint: how cleanup mends it. The report's additions have defaults, so a reply of the
   * first shape (a, header, code, message) still reads.
   */
  cells: z.array(z.object({ a1: z.string(), header: z.string(), code: z.string(), message: z.string(), row: z.optional(z.int()), column: z.optional(z.int()), hint: z._default(z.nullable(z.string()), null) })),
  message: z.string(),
  /** The page shown (0-based) and how many there are. */
  page: z._default(z.int(), 0),
  pages: z._default(z.int(), 1),
  byColumn: z._default(z.array(z.object({ column: z.int(), header: z.string(), count: z.int() })), []),
  byProblem: z._default(z.array(z.object({ code: z.string(), message: z.string(), count: z.int() })), []),
  /** Every color the table uses, with what it means in the user's language. */
  legend: z._default(z.array(z.object({ kind: z.string(), background: z.string(), fontColor: z.nullable(z.string()), label: z.string() })), []),
  /** Cells whose note or highlight of ours this check set or removed. */
  flagsChanged: z._default(z.int(), 0),
}));

export const setupEndpoints = {
  /** What the Setup panel needs when it opens. `schema` is null when no table is set up yet. */
  getSetupState: endpoint(
    () => z.tuple([]),
    () => z.object({
      locale: localeSchema,
      templates: z.array(z.object({ id: templateIdSchema, name: z.string(), description: z.string() })),
      fieldTypes: z.array(z.object({ id: z.enum(FIELD_TYPE_IDS), name: z.string() })),
      schema: z.nullable(tableSchema),
      configProblem: z.nullable(configProblemSchema),
    }),
  ),
  /** A template's schema in the given language (nothing is written). */
  previewTemplate: endpoint(() => z.tuple([templateIdSchema, localeSchema]), () => tableSchema),
  /**
   * Set up (or set up again) a table from a schema. target 'auto': the configured table's sheet when
   * there is one, else the active sheet if empty, else a new sheet; 'new': always a new sheet.
   */
  applySetup: endpoint(
    () => z.tuple([tableSchema, z.optional(z.object({ target: z.enum(['auto', 'new']) }))]),
    () => setupSummarySchema,
  ),
  /** Rebuild the config from the sheet's columns ('repair') or forget it ('reset'). Never touches cells. */
  repairConfig: endpoint(() => z.tuple([z.enum(['repair', 'reset'])]), () => z.object({ message: z.string(), schema: z.nullable(tableSchema) })),
  /** Check every cell of the table (as menuValidateAll), highlight broken cells. */
  validateTable: endpoint(() => z.tuple([]), () => validateReportSchema),
};
