/**
 * Sidebar endpoints of the funnel: the Funnel panel reads the key figures (getFunnelSummary, nothing
 * written) and builds or refreshes the Funnel sheet (buildFunnel, the same build as the menu item).
 * Served by src/addon/funnel/endpoints.ts.
 */
import * as z from 'zod/mini';
import { endpoint, lazy } from './endpoint';

export const funnelSummarySchema = lazy(() => z.object({
  /** The table's sheet, and the Funnel sheet (null when there is none yet). */
  table: z.string(),
  sheet: z.nullable(z.string()),
  clients: z.int(),
  won: z.int(),
  lost: z.int(),
  winRate: z.nullable(z.number()),
  avgCycleDays: z.nullable(z.number()),
  openValue: z.number(),
  stages: z.array(z.object({ label: z.string(), reached: z.int(), now: z.int(), conversion: z.number(), fromTop: z.number() })),
  /** The steps that keep the smallest share of their clients, worst first. */
  leaks: z.array(z.object({ from: z.string(), to: z.string(), lost: z.int(), keep: z.number() })),
  unmapped: z.array(z.object({ value: z.string(), count: z.int() })),
  noStage: z.int(),
  /** The Funnel sheet's filters in force, as "label: value" texts. */
  filters: z.array(z.string()),
  /** Changes read from the stage history sheet; null without one. */
  historyChanges: z.nullable(z.int()),
  /** Translated summary for an alert or the panel. */
  message: z.string(),
}));

export type FunnelSummary = z.output<typeof funnelSummarySchema>;

export const funnelEndpoints = {
  /** The key figures of the active table's funnel, with the Funnel sheet's filters (nothing is written). */
  getFunnelSummary: endpoint(() => z.tuple([]), () => funnelSummarySchema),
  /** Builds or refreshes the Funnel sheet (the menu's "Build or refresh the funnel"), then its figures. */
  buildFunnel: endpoint(() => z.tuple([]), () => funnelSummarySchema),
} as const;
