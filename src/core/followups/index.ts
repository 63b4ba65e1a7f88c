/**
 * Follow-ups (pure, clock injected): clients whose next follow-up is due today or overdue, and clients
 * with no contact in the table's rules.staleDays days (or its stage's, rules.staleDaysByStage), over one batched read of the table's span.
 * Won and lost clients are not followed up (as the overdue and stale highlights of the set-up rules).
 * Dates are compared as calendar days in the spreadsheet's time zone.
 */
import type { CellValue, TypeLookup } from '../fields/types';
import { isBlankCell, cleanInput } from '../fields/util';
import { calendarDate } from '../fields/calendar';
import { matchOption } from '../fields/dropdown';
import { fieldByRole, type Field, type TableSchema } from '../schema';
import type { Layout } from '../table/layout';
import { typeContext } from '../setup/plan';
import { joinList, t, type Locale } from '../i18n';

export type FollowUpKind = 'overdue' | 'due' | 'stale';

export interface FollowUp {
  kind: FollowUpKind;
  /** Sheet row, and the column "go to" selects (the follow-up or last contact cell). */
  row: number;
  column: number;
  /** Who: company or name (whatever the row has), and its client ID. */
  name: string;
  id: string;
  stage: string;
  owner: string;
  /** The date concerned ('YYYY-MM-DD') and how many days past it today is (0 = today). */
  date: string;
  days: number;
}

export interface FollowUpResult {
  today: string;
  staleDays: number;
  /** Open stages with days of their own (rules.staleDaysByStage) other than the table's, in stage order. */
  staleByStage: Array<{ stage: string; days: number }>;
  overdue: FollowUp[];
  due: FollowUp[];
  stale: FollowUp[];
  /** Which columns the lists need that the table does not have. */
  missing: Array<'nextFollowUp' | 'lastContact'>;
}

const DAY = 86_400_000;

function dayNumber(ymd: string): number {
  return Math.round(Date.parse(`${ymd}T00:00:00Z`) / DAY);
}

/** The columns follow-ups read (sheet columns, 1-based): one batched read spans them. */
export function followUpColumns(schema: TableSchema, layout: Layout): number[] {
  const keys = ['nextFollowUp', 'lastContact', 'stage', 'company', 'name', 'clientId', 'owner'] as const;
  return keys.map((r) => fieldByRole(schema, r)).map((f) => (f ? layout.columns[f.key] : undefined)).filter((c): c is number => c !== undefined);
}

export function computeFollowUps(input: {
  schema: TableSchema;
  layout: Layout;
  rows: readonly (readonly CellValue[])[];
  firstRow: number;
  firstColumn: number;
  now: Date;
  timeZone: string;
  types: TypeLookup;
}): FollowUpResult {
  const { schema, layout, rows, firstRow, firstColumn, timeZone, types } = input;
  const today = calendarDate(input.now, timeZone);
  const todayN = dayNumber(today);
  const staleDays = schema.rules.staleDays;
  // Per stage where the table says so (rules.staleDaysByStage), else the table's own days.
  const byStage: Readonly<Record<string, number>> = schema.rules.staleDaysByStage ?? {};
  const col = (role: Parameters<typeof fieldByRole>[1]): { f: Field; idx: number } | null => {
    const f = fieldByRole(schema, role);
    const c = f ? layout.columns[f.key] : undefined;
    return f && c !== undefined ? { f, idx: c - firstColumn } : null;
  };
  const next = col('nextFollowUp');
  const last = col('lastContact');
  const stage = col('stage');
  const who = [col('company'), col('name')].filter((x): x is { f: Field; idx: number } => x !== null);
  const id = col('clientId');
  const owner = col('owner');
  const closed = new Set([schema.stages?.won, schema.stages?.lost].filter((s): s is string => typeof s === 'string'));
  const dateOf = (c: { f: Field; idx: number }, v: CellValue): string | null => {
    if (isBlankCell(v)) return null;
    const res = types(c.f.type).parse(v, typeContext(schema, c.f, timeZone));
    if (!res.ok) return null;
    if (res.value.kind === 'date') return res.value.value;
    if (res.value.kind === 'dateTime') return res.value.value.slice(0, 10);
    return null;
  };
  const text = (v: CellValue | undefined): string => (v instanceof Date ? calendarDate(v, timeZone) : cleanInput(String(v ?? '')));
  const staleByStage = (stage?.f.options ?? [])
    .filter((o) => !closed.has(o.label) && byStage[o.label] !== undefined && byStage[o.label] !== staleDays)
    .map((o) => ({ stage: o.label, days: byStage[o.label] as number }));
  const out: FollowUpResult = { today, staleDays, staleByStage, overdue: [], due: [], stale: [], missing: [] };
  if (!next) out.missing.push('nextFollowUp');
  if (!last) out.missing.push('lastContact');
  rows.forEach((row, r) => {
    const stageText = stage ? text(row[stage.idx]) : '';
    const stageLabel = stage && stageText !== '' ? (matchOption(stageText, stage.f.options ?? []).label ?? stageText) : stageText;
    if (closed.has(stageLabel)) return;
    const base = {
      row: firstRow + r,
      name: who.map((w) => text(row[w.idx])).find((s) => s !== '') ?? '',
      id: id ? text(row[id.idx]) : '',
      stage: stageLabel,
      owner: owner ? text(row[owner.idx]) : '',
    };
    if (next) {
      const d = dateOf(next, row[next.idx] as CellValue);
      if (d !== null) {
        const days = todayN - dayNumber(d);
        if (days > 0) out.overdue.push({ ...base, kind: 'overdue', column: firstColumn + next.idx, date: d, days });
        else if (days === 0) out.due.push({ ...base, kind: 'due', column: firstColumn + next.idx, date: d, days });
      }
    }
    if (last) {
      const d = dateOf(last, row[last.idx] as CellValue);
      if (d !== null) {
        const days = todayN - dayNumber(d);
        if (days > (byStage[stageLabel] ?? staleDays)) out.stale.push({ ...base, kind: 'stale', column: firstColumn + last.idx, date: d, days });
      }
    }
  });
  // Longest waiting first.
  for (const list of [out.overdue, out.stale]) list.sort((x, y) => y.days - x.days || x.row - y.row);
  return out;
}

/** The stages' own days as a phrase ('Proposal: 7 days, Lead: 3 days'); '' when none. */
function stagesText(locale: Locale, r: Pick<FollowUpResult, 'staleByStage'>): string {
  return joinList(locale, r.staleByStage.map((s) => t(locale, 'followups.staleStage', { stage: s.stage, days: s.days })));
}

/** The title of the stale list: the table's days, and each stage's own where it has them. */
export function staleTitle(locale: Locale, r: Pick<FollowUpResult, 'staleDays' | 'staleByStage'>): string {
  const stages = stagesText(locale, r);
  return stages ? t(locale, 'followups.staleByStage', { days: r.staleDays, stages }) : t(locale, 'followups.stale', { days: r.staleDays });
}

/** The one-line summary of the lists, stale days per stage included. */
export function followUpSummary(locale: Locale, r: FollowUpResult): string {
  const stages = stagesText(locale, r);
  const params = { today: r.today, overdue: r.overdue.length, due: r.due.length, stale: r.stale.length, days: r.staleDays };
  return stages ? t(locale, 'followups.summaryByStage', { ...params, stages }) : t(locale, 'followups.summary', params);
}
