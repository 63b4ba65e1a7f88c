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
      /** The record (index into records) each survivor policy keeps. */
      survivors: z.object({ complete: z.int(), recent: z.int(), oldest: z.int() }),
      /** The merged record under the default policy (most complete), as text, in header order. */
      merged: z.array(z.string()),
      /** The merged record under the other policies (the same when they keep the same record). */
      mergedBy: z.object({ recent: z.array(z.string()), oldest: z.array(z.string()) }),
    }),
  ),
  sure: z.int(),
  review: z.int(),
  /** Pairs remembered as "not duplicates". */
  notDuplicates: z.int(),
  message: z.string(),
  /** After a merge: how many groups were merged (0: none, and `notice` says why). */
  merged: z.optional(z.int()),
  /** After a merge: what happened, for the user. */
  notice: z.optional(z.string()),
}));

export type DuplicatesReport = z.output<typeof duplicatesReportSchema>;

const fingerprintSchema = lazy(() => z.string().check(z.minLength(1), z.maxLength(200)));

/** Who survives a merge: the most complete record, the most recently updated, or the oldest. */
export const survivorPolicySchema = lazy(() => z.enum(['complete', 'recent', 'oldest']));

/** Per column (index into headers), the record whose value the user chose. */
const choicesSchema = lazy(() => z.optional(z.array(z.object({ column: z.int().check(z.gte(0), z.lte(18277)), from: fingerprintSchema })).check(z.maxLength(500))));
/** The records' values as the panel showed them: a record changed since is not merged. */
const seenSchema = lazy(() => z.optional(z.array(z.array(z.string().check(z.maxLength(50000))).check(z.maxLength(18278))).check(z.maxLength(500))));

/** One group to merge, as the panel showed it. */
export const mergeGroupSchema = lazy(() => z.object({
  fingerprints: z.array(fingerprintSchema).check(z.minLength(2), z.maxLength(500)),
  /** The record the user chose to keep (overrides the policy). */
  survivor: z.optional(fingerprintSchema),
  choices: choicesSchema,
  seen: seenSchema,
}));

export const mergeOptionsSchema = lazy(() => z.object({
  policy: z.optional(survivorPolicySchema),
  /** Back up the table (a dated hidden sheet) before merging. */
  backup: z.optional(z.boolean()),
  /** Every group must still score at least this (0–1) when re-checked. */
  minScore: z.optional(z.number().check(z.gte(0), z.lte(1))),
}));

export type MergeGroup = z.output<typeof mergeGroupSchema>;
export type MergeOptions = z.output<typeof mergeOptionsSchema>;

export const dedupeEndpoints = {
  /** The active table's duplicate clusters with their evidence (nothing is written). */
  getDuplicates: endpoint(() => z.tuple([]), () => duplicatesReportSchema),
  /** Remembers every pair among these row fingerprints as "not duplicates", then the clusters again. */
  markNotDuplicates: endpoint(() => z.tuple([z.array(z.string().check(z.minLength(1), z.maxLength(200))).check(z.minLength(2), z.maxLength(50))]), () => duplicatesReportSchema),
  /** Merges the rows of one cluster (by fingerprint) through the change pipeline; menuUndo puts them back. */
  mergeDuplicates: endpoint(
    () => z.tuple([
      z.array(fingerprintSchema).check(z.minLength(2), z.maxLength(500)),
      z.optional(z.extend(mergeOptionsSchema, { survivor: z.optional(fingerprintSchema), choices: choicesSchema, seen: seenSchema })),
    ]),
    () => duplicatesReportSchema,
  ),
  /**
   * Merges several groups in one change (one undo puts them all back): "merge all above score X". Every
   * group is re-checked first (still one group, scoring at least minScore, records as seen); when one is
   * not, nothing is merged and the fresh clusters come back with a notice.
   */
  mergeGroups: endpoint(() => z.tuple([z.array(mergeGroupSchema).check(z.minLength(1), z.maxLength(500)), z.optional(mergeOptionsSchema)]), () => duplicatesReportSchema),
  /** Takes one record out of its group for good: it is remembered as "not duplicates" of each other record. */
  removeFromGroup: endpoint(() => z.tuple([fingerprintSchema, z.array(fingerprintSchema).check(z.minLength(1), z.maxLength(499))]), () => duplicatesReportSchema),
} as const;
