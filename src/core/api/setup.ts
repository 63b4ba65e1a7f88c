/**
 * Sidebar endpoints of the table set-up: the Setup panel reads the state, previews a
 * template, edits the field list and applies it. Served by src/addon/setup/endpoints.ts.
 */
import * as z from 'zod';
import { endpoint } from './endpoint';
import { FIELD_TYPE_IDS, localeSchema, tableSchema } from '../schema';

import { TEMPLATE_IDS } from '../templates/ids';

export { TEMPLATE_IDS };
export const templateIdSchema = z.enum(TEMPLATE_IDS);

/** A problem with the stored config, already translated, with what the user can do about it. */
export const configProblemSchema = z.object({
  code: z.string(),
  message: z.string(),
  /** 'repair': the config can be rebuilt from the sheet's columns; 'reset': only forgetting it works. */
  remedies: z.array(z.enum(['repair', 'reset'])),
});

export const setupSummarySchema = z.object({
  sheetName: z.string(),
  columns: z.number().int(),
  validations: z.number().int(),
  rules: z.number().int(),
  /** Rules of the user's own that were kept. */
  keptRules: z.number().int(),
  /** Translated one-line summary for a toast or the panel. */
  message: z.string(),
});

export const validateReportSchema = z.object({
  rows: z.number().int(),
  count: z.number().int(),
  /**
   * One page of the broken cells (every cell is on some page), in row order; row and column (1-based)
   * for "go to", hint: how cleanup mends it. The report's additions have defaults, so a reply of the
   * first shape (a, header, code, message) still reads.
   */
  cells: z.array(z.object({ a1: z.string(), header: z.string(), code: z.string(), message: z.string(), row: z.number().int().optional(), column: z.number().int().optional(), hint: z.string().nullable().default(null) })),
  message: z.string(),
  /** The page shown (0-based) and how many there are. */
  page: z.number().int().default(0),
  pages: z.number().int().default(1),
  byColumn: z.array(z.object({ column: z.number().int(), header: z.string(), count: z.number().int() })).default([]),
  byProblem: z.array(z.object({ code: z.string(), message: z.string(), count: z.number().int() })).default([]),
  /** Every color the table uses, with what it means in the user's language. */
  legend: z.array(z.object({ kind: z.string(), background: z.string(), fontColor: z.string().nullable(), label: z.string() })).default([]),
  /** Cells whose note or highlight of ours this check set or removed. */
  flagsChanged: z.number().int().default(0),
});

export const setupEndpoints = {
  /** What the Setup panel needs when it opens. `schema` is null when no table is set up yet. */
  getSetupState: endpoint(
    z.tuple([]),
    z.object({
      locale: localeSchema,
      templates: z.array(z.object({ id: templateIdSchema, name: z.string(), description: z.string() })),
      fieldTypes: z.array(z.object({ id: z.enum(FIELD_TYPE_IDS), name: z.string() })),
      schema: tableSchema.nullable(),
      configProblem: configProblemSchema.nullable(),
    }),
  ),
  /** A template's schema in the given language (nothing is written). */
  previewTemplate: endpoint(z.tuple([templateIdSchema, localeSchema]), tableSchema),
  /**
   * Set up (or set up again) a table from a schema. target 'auto': the configured table's sheet when
   * there is one, else the active sheet if empty, else a new sheet; 'new': always a new sheet.
   */
  applySetup: endpoint(
    z.tuple([tableSchema, z.object({ target: z.enum(['auto', 'new']) }).optional()]),
    setupSummarySchema,
  ),
  /** Rebuild the config from the sheet's columns ('repair') or forget it ('reset'). Never touches cells. */
  repairConfig: endpoint(z.tuple([z.enum(['repair', 'reset'])]), z.object({ message: z.string(), schema: tableSchema.nullable() })),
  /** Check every cell of the table (as menuValidateAll), highlight broken cells. */
  validateTable: endpoint(z.tuple([]), validateReportSchema),
};
