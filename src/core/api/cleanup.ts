/**
 * Sidebar endpoints of cleanup and undo. The Cleanup panel (src/sidebar/panels/cleanup.ts) previews,
 * switches kinds off, applies; the add-on re-reads and re-plans before writing, and answers with a new
 * preview instead of writing when the table changed since the preview (its fingerprint differs).
 */
import * as z from 'zod/mini';
import { endpoint, lazy } from './endpoint';
import { CHANGE_KINDS } from '../cleanup/plan';

export const changeKindSchema = lazy(() => z.enum(CHANGE_KINDS));

/** Samples of each kind shown in the preview. */
export const SAMPLES_PER_KIND = 3;
/** Left values listed in the preview. */
export const LEFT_SHOWN = 20;

export const cleanupPreviewSchema = lazy(() => z.object({
  sheetName: z.string(),
  rows: z.int().check(z.gte(0)),
  /** Identifies the plan this preview shows (the kinds switched off included). */
  fingerprint: z.string(),
  kinds: z.array(z.object({
    kind: changeKindSchema,
    label: z.string(),
    count: z.int().check(z.gte(0)),
    on: z.boolean(),
    samples: z.array(z.object({ a1: z.string(), from: z.string(), to: z.string() })).check(z.maxLength(SAMPLES_PER_KIND)),
  })),
  left: z.array(z.object({ a1: z.string(), value: z.string(), message: z.string() })).check(z.maxLength(LEFT_SHOWN)),
  leftCount: z.int().check(z.gte(0)),
  /** Changes that would be written with the kinds switched on. */
  total: z.int().check(z.gte(0)),
}));

export type CleanupPreview = z.output<typeof cleanupPreviewSchema>;

const optionsArg = lazy(() => z.object({ off: z.array(changeKindSchema).check(z.maxLength(CHANGE_KINDS.length)) }));

export const cleanupEndpoints = {
  /** What cleanup would do on the table of the active sheet (nothing is written). */
  previewCleanup: endpoint(() => z.tuple([z.optional(optionsArg)]), () => cleanupPreviewSchema),
  /**
   * Cleans up with these kinds switched off, if the plan is still the one the preview showed (same
   * fingerprint); otherwise writes nothing and returns the new preview. `backup`: back the table up first.
   */
  applyCleanup: endpoint(
    () => z.tuple([z.extend(optionsArg, { fingerprint: z.string().check(z.maxLength(100)), backup: z.optional(z.boolean()) })]),
    () => z.object({ applied: z.boolean(), changes: z.int(), message: z.string(), preview: z.nullable(cleanupPreviewSchema) }),
  ),
  /** Undoes the last ClientFlow change; `restoreRest` puts back all but the cells edited since. */
  undoLastChange: endpoint(
    () => z.tuple([z.optional(z.object({ restoreRest: z.boolean() }))]),
    () => z.object({ status: z.enum(['nothing', 'notApplied', 'done', 'edited']), message: z.string(), cells: z.array(z.string()) }),
  ),
};
