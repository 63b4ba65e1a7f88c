/**
 * Sidebar endpoints of "Find duplicates": the Duplicates panel reads the clusters with why
 * (getDuplicates, nothing written) and marks the records of a cluster "not duplicates"
 * (markNotDuplicates: remembered in document properties, keyed by the rows' fingerprints, so the
 * pairs are not proposed again). Served by src/addon/dedupe/endpoints.ts.
 */
import * as z from 'zod/mini';
import { endpoint, lazy } from './endpoint';

export const duplicatesReportSchema = lazy(() => z.object({
  table: z.string(),
  /** Data rows compared. */
  rows: z.int(),
  /** The table's headers (the helper column left out), in sheet order. */
  headers: z.array(z.string()),
  clusters: z.array(
    z.object({
      /** The ID written in the helper column by the menu item ("D1"…). */
      id: z.string(),
      score: z.number(),
      band: z.enum(['sure', 'review']),
      /** Headers of the compared columns that agreed / only differed. */
      agreed: z.array(z.string()),
      differed: z.array(z.string()),
      records: z.array(z.object({ row: z.int(), fingerprint: z.string(), values: z.array(z.string()) })),
    }),
  ),
  sure: z.int(),
  review: z.int(),
  /** Pairs remembered as "not duplicates". */
  notDuplicates: z.int(),
  message: z.string(),
}));

export type DuplicatesReport = z.output<typeof duplicatesReportSchema>;

export const dedupeEndpoints = {
  /** The active table's duplicate clusters with their evidence (nothing is written). */
  getDuplicates: endpoint(() => z.tuple([]), () => duplicatesReportSchema),
  /** Remembers every pair among these row fingerprints as "not duplicates", then the clusters again. */
  markNotDuplicates: endpoint(() => z.tuple([z.array(z.string().check(z.minLength(1), z.maxLength(200))).check(z.minLength(2), z.maxLength(50))]), () => duplicatesReportSchema),
  /** Merges the rows of one cluster (by fingerprint) through the change pipeline; menuUndo puts them back. */
  mergeDuplicates: endpoint(() => z.tuple([z.array(z.string().check(z.minLength(1), z.maxLength(200))).check(z.minLength(2), z.maxLength(500))]), () => duplicatesReportSchema),
} as const;
