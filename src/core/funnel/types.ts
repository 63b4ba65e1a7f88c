/**
 * The funnel's inputs and result. Times are Sheets serial numbers (days since 1899-12-30, the fraction
 * is the time of day), so differences are days and the same numbers work in sheet formulas.
 */
import type { DropdownOption } from '../fields/types';

/** One client row of the table, already read (see extract.ts). */
export interface FunnelRecord {
  /** Client ID ('' when the table has none). */
  id: string;
  /** The stage cell's text as written (a label, a variant, a typo or anything else). */
  stage: string;
  /** Owner and channel as the option label when the column is a dropdown, else the trimmed text ('' when empty). */
  owner: string;
  channel: string;
  /** When the client was created, as a serial; null when unknown. */
  created: number | null;
  /** When the client entered its current stage, as a serial; null when unknown. */
  stageSince: number | null;
  /** Deal value; null when empty or not a number. */
  value: number | null;
  /** The value was read from text ('19.3万', '¥6,700'): the Funnel sheet's formulas, which sum numbers only, skip it. */
  textValue?: boolean;
}

/** One row of the stage history: the client moved from one stage to another at a time. */
export interface StageChange {
  id: string;
  /** Stage texts as written ('' for "no stage", e.g. the row's creation). */
  from: string;
  to: string;
  /** Serial (days). */
  when: number;
}

/** The stage field: its options in the table's order, and its won and lost outcomes when known. */
export interface StageField {
  options: readonly DropdownOption[];
  won?: string | null;
  lost?: string | null;
}

export interface FunnelFilters {
  /** Only clients of this owner / channel (compared case-, width- and space-insensitively). */
  owner?: string | null;
  channel?: string | null;
  /**
   * Only clients created in this period: calendar days 'YYYY-MM-DD', both ends included, or the last
   * N days up to today (today by the injected clock, in the given time zone). Clients with no known
   * creation date are left out when a period is set.
   */
  created?: { from?: string | null; to?: string | null } | { lastDays: number } | null;
}

export interface FunnelInput {
  records: readonly FunnelRecord[];
  stage: StageField;
  /** The stage history; null or absent when there is none. */
  history?: readonly StageChange[] | null;
  filters?: FunnelFilters | null;
  /** The clock (only read for a relative period), and the time zone that says which day it is. */
  now: Date;
  timeZone: string;
}

export interface FunnelStage {
  /** The option's label, as the table writes it. */
  label: string;
  /** Clients that got at least this far. */
  reached: number;
  /** Clients whose current stage is this one. */
  now: number;
  /** reached / reached of the previous stage (1 for the first; 0 when the previous reached none). */
  conversion: number;
  /** reached / reached of the first stage (0 when the first reached none). */
  fromTop: number;
  /** Clients that reached this stage and not the next (0 for the last). */
  dropOff: number;
  /** Mean days spent in this stage over completed stays in the history; null without one. */
  avgDays: number | null;
  /** Completed stays the mean is over. */
  stays: number;
  /** Sum of deal values of the clients now in this stage. */
  value: number;
}

export interface ValueCount { value: string; count: number }

export interface FunnelResult {
  /** The funnel's steps in order: every stage option but the lost one, the won one last. */
  stages: FunnelStage[];
  /** Label of the won and lost options (null when the field has none). */
  wonLabel: string | null;
  lostLabel: string | null;
  /** Clients now won / lost. */
  won: number;
  lost: number;
  /** won / (won + lost); null when neither. */
  winRate: number | null;
  /** Mean days from created to won, over won clients with both dates known; null when none. */
  avgCycleDays: number | null;
  /** Won clients the cycle mean is over. */
  cycles: number;
  /** Sum of deal values of clients in an open stage (neither won nor lost). */
  openValue: number;
  /** Rows counted (after filters, with a stage that means an option). */
  clients: number;
  /** Rows left out by the filters. */
  filteredOut: number;
  /** Rows (after filters) with an empty stage cell. */
  noStage: number;
  /** Stage values that mean no option, with how many rows hold each (most frequent first). */
  unmapped: ValueCount[];
  /** What was made of the history; null without one. */
  history: {
    changes: number;
    /** Changes of clients in the table (after filters) that were used. */
    used: number;
    /** Changes whose client is not in the table (deleted or merged away), not counted. */
    orphans: number;
    /** Changes that only changed the spelling of a stage (Won → 成交): no change. */
    variantOnly: number;
    /** From/to values that mean no option. */
    unmapped: ValueCount[];
  } | null;
}
