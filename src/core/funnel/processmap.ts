/**
 * The process map of the Funnel sheet: the team's own process where it reads its numbers. One row per
 * stage, in the table's order (the lost exit last): what the stage means, who is responsible for it, the
 * fields to fill at that stage and the stage rules in force. Meanings and roles come from the stage's
 * known pipeline step (the stage vocabulary: '初步接触' and 'Contacted' are the same step), worded as
 * the team's process documents word them; fields are the table's own headers; rules are the table's
 * settings. A stage of no known step gets no meaning rather than a guess. Pure.
 */
import { t, type Locale, type MessageKey, joinList } from '../i18n';
import type { DropdownOption } from '../fields/types';
import { optionStep } from '../options/variants';

export interface ProcessMapField {
  header: string;
  role: string | null;
  required: boolean;
}

export interface ProcessMapInput {
  locale: Locale;
  /** The stage options in the table's order. */
  options: readonly DropdownOption[];
  won: string | null;
  lost: string | null;
  fields: readonly ProcessMapField[];
  rules: { staleDays: number; staleDaysByStage?: Readonly<Record<string, number>>; overdueFollowUp: boolean };
  /** True when the stage column refuses values that are no stage. */
  stageRejects: boolean;
}

export interface ProcessMapRow {
  stage: string;
  meaning: string;
  responsible: string;
  fields: string;
  rules: string;
}

export interface ProcessMap {
  title: string;
  /** Lines that hold for every stage (required fields, the stage column's rule). */
  general: string[];
  header: [string, string, string, string, string];
  rows: ProcessMapRow[];
}

/** Roles whose fields matter at each known step (0–4 the steps, 5 won, 6 lost), in the order shown. */
const STEP_ROLES: ReadonlyArray<readonly string[]> = [
  ['company', 'name', 'channel', 'owner', 'phone', 'email'],
  ['lastContact', 'nextFollowUp', 'lastInteraction'],
  ['nextStep', 'dealValue', 'nextFollowUp'],
  ['dealValue', 'nextStep', 'nextFollowUp'],
  ['dealValue', 'nextFollowUp', 'lastContact'],
  ['dealValue', 'totalSpend', 'purchases', 'lastPurchase'],
  ['notes', 'lastInteraction'],
];

const OPEN_STEP_ROLES: readonly string[] = ['lastContact', 'nextFollowUp'];

export function processMap(input: ProcessMapInput): ProcessMap {
  const { locale } = input;
  const byRole = new Map(input.fields.filter((f) => f.role).map((f) => [f.role as string, f.header]));
  const owner = byRole.get('owner');
  const stageSince = byRole.get('stageSince');
  const lastContact = byRole.get('lastContact');
  const nextFollowUp = byRole.get('nextFollowUp');
  const required = input.fields.filter((f) => f.required).map((f) => f.header);

  const general: string[] = [];
  if (required.length) general.push(t(locale, 'funnel.map.required', { fields: joinList(locale, required) }));
  if (input.stageRejects) general.push(t(locale, 'funnel.map.stageList'));

  // The funnel's order: the steps, the won outcome, then the lost exit.
  const ordered = [
    ...input.options.filter((o) => o.label !== input.lost && o.label !== input.won),
    ...input.options.filter((o) => o.label === input.won),
    ...input.options.filter((o) => o.label === input.lost),
  ];
  const rows = ordered.map((o): ProcessMapRow => {
    const known = optionStep(o);
    const step = o.label === input.won ? 5 : o.label === input.lost ? 6 : known && known.kind === 'step' ? known.step : known?.kind === 'won' ? 5 : known?.kind === 'lost' ? 6 : null;
    const open = step !== 5 && step !== 6;
    const meaning = step === null ? t(locale, 'funnel.report.none') : t(locale, `funnel.map.meaning.${step}` as MessageKey);
    const roleKey: MessageKey = step === 5 ? 'funnel.map.role.support' : 'funnel.map.role.sales';
    const responsible = owner ? t(locale, 'funnel.map.role.withOwner', { role: t(locale, roleKey), owner }) : t(locale, roleKey);
    const roles = step === null ? [] : STEP_ROLES[step];
    const fieldList = roles.map((r) => byRole.get(r)).filter((h): h is string => h !== undefined);
    const rules: string[] = [];
    if (open && lastContact) rules.push(t(locale, 'funnel.map.rule.stale', { field: lastContact, days: input.rules.staleDaysByStage?.[o.label] ?? input.rules.staleDays }));
    if (open && nextFollowUp && input.rules.overdueFollowUp) rules.push(t(locale, 'funnel.map.rule.overdue', { field: nextFollowUp }));
    if (!open && (OPEN_STEP_ROLES.some((r) => byRole.has(r)))) rules.push(t(locale, 'funnel.map.rule.closed'));
    if (stageSince) rules.push(t(locale, 'funnel.map.rule.since', { field: stageSince }));
    return {
      stage: o.label,
      meaning,
      responsible,
      fields: fieldList.length ? joinList(locale, fieldList) : t(locale, 'funnel.report.none'),
      rules: rules.length ? rules.join(locale === 'zh-CN' ? '；' : '; ') : t(locale, 'funnel.report.none'),
    };
  });
  return {
    title: t(locale, 'funnel.map.title'),
    general,
    header: [t(locale, 'funnel.report.stage'), t(locale, 'funnel.map.meaning'), t(locale, 'funnel.map.responsible'), t(locale, 'funnel.map.fields'), t(locale, 'funnel.map.rules')],
    rows,
  };
}
