/**
 * Where the funnel lives in a spreadsheet, in one place: how the add-on recognises its Funnel sheet
 * and the stage history sheet, and what it remembers about the Funnel sheet between builds (its
 * blocks of cells, filter cells and charts), so a rebuild replaces exactly its own cells and charts and
 * keeps the user's. Pure: the add-on reads and writes these as sheet developer metadata.
 */
import type { Locale } from '../i18n';
import type { CellValue } from '../fields/types';
import { calendarParts, serialToParts } from '../fields/calendar';
import type { FunnelFilters } from './types';

/** Sheet developer metadata key of the Funnel sheet; its value is the JSON of FunnelSheetState. */
export const FUNNEL_SHEET_KEY = 'clientflow.funnel';

/**
 * The stage history sheet (one row per stage change, written by onEdit): found by the sheet developer
 * metadata key HISTORY_SHEET_KEY (its value: the table sheet's id, as a decimal string; any value is
 * accepted when there is a single such sheet), else by one of HISTORY_SHEET_NAMES. Its columns are
 * read by their header (HISTORY_HEADERS in ./extract.ts: client ID, from, to, when).
 */
export const HISTORY_SHEET_KEY = 'clientflow.history';
export const HISTORY_SHEET_NAMES: Readonly<Record<Locale, string>> = { en: 'ClientFlow stage history', 'zh-CN': 'ClientFlow 阶段历史' };

/** The name a new Funnel sheet gets (a number is added when a sheet of that name exists). */
export const FUNNEL_SHEET_NAMES: Readonly<Record<Locale, string>> = { en: 'Funnel', 'zh-CN': '销售漏斗' };

export const CHART_KINDS = ['funnel', 'months', 'channels', 'owners'] as const;
export type ChartKind = (typeof CHART_KINDS)[number];

export type FilterKey = 'owner' | 'channel' | 'createdFrom' | 'createdTo';
export const FILTER_KEYS: readonly FilterKey[] = ['owner', 'channel', 'createdFrom', 'createdTo'];

/** What a build leaves on the Funnel sheet, remembered for the next build. */
export interface FunnelSheetState {
  v: 1;
  /** Sheet id of the table the funnel counts. */
  table: number;
  /** A1 of every block of cells the build wrote (the user's cells are outside them). */
  blocks: string[];
  /** A1 of the filter cells (their content is the user's). */
  filters: Record<FilterKey, string | null>;
  /** Chart ids by kind. */
  charts: Partial<Record<ChartKind, number>>;
}

const A1_RE = /^[A-Z]{1,3}[1-9]\d{0,6}(:[A-Z]{1,3}[1-9]\d{0,6})?$/;

/** The state of a metadata value, or null when it is not one (edited, older, foreign). */
export function parseFunnelState(raw: string | null | undefined): FunnelSheetState | null {
  if (!raw) return null;
  let v: unknown;
  try {
    v = JSON.parse(raw);
  } catch {
    return null;
  }
  if (typeof v !== 'object' || v === null) return null;
  const o = v as Record<string, unknown>;
  if (o.v !== 1 || typeof o.table !== 'number' || !Array.isArray(o.blocks)) return null;
  const blocks = o.blocks.filter((b): b is string => typeof b === 'string' && A1_RE.test(b));
  const f = (typeof o.filters === 'object' && o.filters !== null ? o.filters : {}) as Record<string, unknown>;
  const filters = {} as Record<FilterKey, string | null>;
  for (const k of FILTER_KEYS) filters[k] = typeof f[k] === 'string' && A1_RE.test(f[k] as string) ? (f[k] as string) : null;
  const c = (typeof o.charts === 'object' && o.charts !== null ? o.charts : {}) as Record<string, unknown>;
  const charts: Partial<Record<ChartKind, number>> = {};
  for (const k of CHART_KINDS) if (typeof c[k] === 'number' && Number.isInteger(c[k])) charts[k] = c[k] as number;
  return { v: 1, table: o.table, blocks, filters, charts };
}

export function encodeFunnelState(s: FunnelSheetState): string {
  return JSON.stringify(s);
}

/** A name for a new sheet: `base`, else `base 2`, `base 3`… (the first not taken). */
export function freeSheetName(base: string, taken: ReadonlySet<string>): string {
  const lower = new Set([...taken].map((n) => n.toLowerCase()));
  if (!lower.has(base.toLowerCase())) return base;
  for (let i = 2; ; i++) if (!lower.has(`${base} ${i}`.toLowerCase())) return `${base} ${i}`;
}

/** A filter date cell as 'YYYY-MM-DD' (a Date read in the spreadsheet's time zone, a serial, or ISO text), else null. */
function dayOf(v: CellValue | undefined, timeZone: string): string | null {
  const pad = (n: number) => String(n).padStart(2, '0');
  if (v instanceof Date) {
    const p = calendarParts(v, timeZone);
    return p ? `${p.y}-${pad(p.m)}-${pad(p.d)}` : null;
  }
  if (typeof v === 'number') {
    const p = serialToParts(Math.floor(v));
    return p ? `${p.y}-${pad(p.m)}-${pad(p.d)}` : null;
  }
  if (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v.trim())) return v.trim();
  return null;
}

/** The filters the Funnel sheet's filter cells hold (blank cells are no filter), as the core reads them. */
export function filtersOfCells(values: Partial<Record<FilterKey, CellValue>>, timeZone: string): FunnelFilters {
  const text = (v: CellValue | undefined) => (v === undefined || v === null || v === '' || v instanceof Date ? null : String(v).trim() || null);
  const from = dayOf(values.createdFrom, timeZone);
  const to = dayOf(values.createdTo, timeZone);
  return { owner: text(values.owner), channel: text(values.channel), created: from || to ? { from, to } : null };
}
