/**
 * Sidebar endpoints of the check's report and of follow-ups: a page of the report (nothing written),
 * "go to" a cell of the table (selects it in the sheet), and the follow-up lists. Served by
 * src/addon/check/endpoints.ts and src/addon/followups/endpoints.ts.
 */
import * as z from 'zod/mini';
import { endpoint, lazy } from './endpoint';
import { validateReportSchema } from './setup';

const followUpSchema = lazy(() => z.object({
  kind: z.enum(['overdue', 'due', 'stale']),
  row: z.int(),
  column: z.int(),
  name: z.string(),
  id: z.string(),
  stage: z.string(),
  owner: z.string(),
  date: z.string(),
  days: z.int(),
  /** What to show, in the user's language. */
  label: z.string(),
}));

export const followUpsSchema = lazy(() => z.object({
  today: z.string(),
  staleDays: z.int(),
  /** Open stages with stale days of their own (in stage order), and the stale list's title saying so. */
  staleByStage: z._default(z.array(z.object({ stage: z.string(), days: z.int() })), []),
  staleTitle: z._default(z.string(), ''),
  overdue: z.array(followUpSchema),
  due: z.array(followUpSchema),
  stale: z.array(followUpSchema),
  /** Translated summary (and what the table lacks). */
  message: z.string(),
}));

export type FollowUpsView = z.output<typeof followUpsSchema>;

/** The meta tag's name that tells the sidebar which panel to open on (content: the panel's id). */
export const OPEN_META = 'clientflow-open';

export const checkEndpoints = {
  /** Page `page` (0-based) of the check's report, checked again now; no flag or highlight is written. */
  getCheckPage: endpoint(() => z.tuple([z.int().check(z.gte(0))]), () => validateReportSchema),
  /** Selects a cell of the table's sheet (row, column 1-based), activating the sheet. */
  goToCell: endpoint(() => z.tuple([z.int().check(z.gte(1)), z.int().check(z.gte(1))]), () => z.object({ a1: z.string() })),
  /** Clients whose next follow-up is due or overdue, and stale ones (nothing written). */
  getFollowUps: endpoint(() => z.tuple([]), () => followUpsSchema),
} as const;
