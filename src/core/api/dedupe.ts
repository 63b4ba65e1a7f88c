/**
 * Sidebar endpoints of "Find duplicates": the Duplicates panel reads the clusters with why
 * (getDuplicates, nothing written) and marks the records of a cluster "not duplicates"
 * (markNotDuplicates: remembered in document properties, keyed by the rows' fingerprints, so the
 * pairs are not proposed again). Served by src/addon/dedupe/endpoints.ts.
 */
import * as z from 'zod';
import { endpoint } from './endpoint';

export const duplicatesReportSchema = z.object({
  table: z.string(),
  /** Data rows compared. */
  rows: z.number().int(),
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
      records: z.array(z.object({ row: z.number().int(), fingerprint: z.string(), values: z.array(z.string()) })),
      /** The record (index into records) each survivor policy keeps. */
      survivors: z.object({ complete: z.number().int(), recent: z.number().int(), oldest: z.number().int() }),
      /** The merged record under the default policy (most complete), as text, in header order. */
      merged: z.array(z.string()),
      /** The merged record under the other policies (the same when they keep the same record). */
      mergedBy: z.object({ recent: z.array(z.string()), oldest: z.array(z.string()) }),
    }),
  ),
  sure: z.number().int(),
  review: z.number().int(),
  /** Pairs remembered as "not duplicates". */
  notDuplicates: z.number().int(),
  message: z.string(),
  /** After a merge: how many groups were merged (0: none, and `notice` says why). */
  merged: z.number().int().optional(),
  /** After a merge: what happened, for the user. */
  notice: z.string().optional(),
});

export type DuplicatesReport = z.output<typeof duplicatesReportSchema>;

const fingerprintSchema = z.string().min(1).max(200);

/** Who survives a merge: the most complete record, the most recently updated, or the oldest. */
export const survivorPolicySchema = z.enum(['complete', 'recent', 'oldest']);

/** One group to merge, as the panel showed it. */
export const mergeGroupSchema = z.object({
  fingerprints: z.array(fingerprintSchema).min(2).max(500),
  /** The record the user chose to keep (overrides the policy). */
  survivor: fingerprintSchema.optional(),
  /** Per column (index into headers), the record whose value the user chose. */
  choices: z.array(z.object({ column: z.number().int().min(0).max(18277), from: fingerprintSchema })).max(500).optional(),
  /** The records' values as the panel showed them: a record changed since is not merged. */
  seen: z.array(z.array(z.string().max(50000)).max(18278)).max(500).optional(),
});

export const mergeOptionsSchema = z.object({
  policy: survivorPolicySchema.optional(),
  /** Back up the table (a dated hidden sheet) before merging. */
  backup: z.boolean().optional(),
  /** Every group must still score at least this (0–1) when re-checked. */
  minScore: z.number().min(0).max(1).optional(),
});

export type MergeGroup = z.output<typeof mergeGroupSchema>;
export type MergeOptions = z.output<typeof mergeOptionsSchema>;

export const dedupeEndpoints = {
  /** The active table's duplicate clusters with their evidence (nothing is written). */
  getDuplicates: endpoint(z.tuple([]), duplicatesReportSchema),
  /** Remembers every pair among these row fingerprints as "not duplicates", then the clusters again. */
  markNotDuplicates: endpoint(z.tuple([z.array(z.string().min(1).max(200)).min(2).max(50)]), duplicatesReportSchema),
  /** Merges the rows of one cluster (by fingerprint) through the change pipeline; menuUndo puts them back. */
  mergeDuplicates: endpoint(
    z.tuple([z.array(fingerprintSchema).min(2).max(500), mergeOptionsSchema.extend({ survivor: fingerprintSchema.optional(), choices: mergeGroupSchema.shape.choices, seen: mergeGroupSchema.shape.seen }).optional()]),
    duplicatesReportSchema,
  ),
  /**
   * Merges several groups in one change (one undo puts them all back): "merge all above score X". Every
   * group is re-checked first (still one group, scoring at least minScore, records as seen); when one is
   * not, nothing is merged and the fresh clusters come back with a notice.
   */
  mergeGroups: endpoint(z.tuple([z.array(mergeGroupSchema).min(1).max(500), mergeOptionsSchema.optional()]), duplicatesReportSchema),
  /** Takes one record out of its group for good: it is remembered as "not duplicates" of each other record. */
  removeFromGroup: endpoint(z.tuple([fingerprintSchema, z.array(fingerprintSchema).min(1).max(499)]), duplicatesReportSchema),
} as const;
