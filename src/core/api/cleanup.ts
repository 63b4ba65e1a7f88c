/**
 * Sidebar endpoints of cleanup and undo. The Cleanup panel (src/sidebar/panels/cleanup.ts) previews,
 * switches kinds off, applies; the add-on re-reads and re-plans before writing, and answers with a new
 * preview instead of writing when the table changed since the preview (its fingerprint differs).
 */
import * as z from 'zod';
import { endpoint } from './endpoint';
import { CHANGE_KINDS } from '../cleanup/plan';

export const changeKindSchema = z.enum(CHANGE_KINDS);

/** Samples of each kind shown in the preview. */
export const SAMPLES_PER_KIND = 3;
/** Left values listed in the preview. */
export const LEFT_SHOWN = 20;

export const cleanupPreviewSchema = z.object({
  sheetName: z.string(),
  rows: z.number().int().min(0),
  /** Identifies the plan this preview shows (the kinds switched off included). */
  fingerprint: z.string(),
  kinds: z.array(z.object({
    kind: changeKindSchema,
    label: z.string(),
    count: z.number().int().min(0),
    on: z.boolean(),
    samples: z.array(z.object({ a1: z.string(), from: z.string(), to: z.string() })).max(SAMPLES_PER_KIND),
  })),
  left: z.array(z.object({ a1: z.string(), value: z.string(), message: z.string() })).max(LEFT_SHOWN),
  leftCount: z.number().int().min(0),
  /** Changes that would be written with the kinds switched on. */
  total: z.number().int().min(0),
});

export type CleanupPreview = z.output<typeof cleanupPreviewSchema>;

const optionsArg = z.object({ off: z.array(changeKindSchema).max(CHANGE_KINDS.length) });

export const cleanupEndpoints = {
  /** What cleanup would do on the table of the active sheet (nothing is written). */
  previewCleanup: endpoint(z.tuple([optionsArg.optional()]), cleanupPreviewSchema),
  /**
   * Cleans up with these kinds switched off, if the plan is still the one the preview showed (same
   * fingerprint); otherwise writes nothing and returns the new preview. `backup`: back the table up first.
   */
  applyCleanup: endpoint(
    z.tuple([optionsArg.extend({ fingerprint: z.string().max(100), backup: z.boolean().optional() })]),
    z.object({ applied: z.boolean(), changes: z.number().int(), message: z.string(), preview: cleanupPreviewSchema.nullable() }),
  ),
  /** Undoes the last ClientFlow change; `restoreRest` puts back all but the cells edited since. */
  undoLastChange: endpoint(
    z.tuple([z.object({ restoreRest: z.boolean() }).optional()]),
    z.object({ status: z.enum(['nothing', 'notApplied', 'done', 'edited']), message: z.string(), cells: z.array(z.string()) }),
  ),
};
