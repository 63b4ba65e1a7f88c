/**
 * Conditional-format rules of a table, as pure data.
 *
 * Recognizable: every rule of ours is a custom formula that starts with `=AND(ISTEXT("clientflow:<kind>"),`.
 * ISTEXT of a string literal is always TRUE in Google Sheets and in HyperFormula (the emulator's engine),
 * so the marker never changes what the rule means, and a rule whose formula contains the marker is ours:
 * setting up again replaces exactly those and keeps every rule of the user's own.
 * Ref: https://developers.google.com/apps-script/reference/spreadsheet/conditional-format-rule-builder#whenFormulaSatisfied(String)
 *
 * Order matters: Sheets applies, for each cell, the formatting of the first rule in the list whose
 * condition is true (rules earlier in Sheet.getConditionalFormatRules() take precedence).
 * Ref: https://support.google.com/docs/answer/78413 (conditional formatting: when several rules apply, the
 * first one in the list wins).
 */
import type { Layout } from '../table/layout';
import { a1, columnLetter, formulaString } from '../table/a1';
import { fieldByRole, type TableSchema } from '../schema';

export const RULE_MARKER = 'clientflow:';

export type RuleKind = 'invalid' | 'required' | 'overdue' | 'stale' | 'option' | 'won' | 'lost';

export interface RuleFormat { background?: string; fontColor?: string; bold?: boolean }

export interface RulePlan {
  kind: RuleKind;
  /** A1 ranges (on the table's sheet). */
  ranges: string[];
  /** Custom formula, relative to the top-left cell of the first range. */
  formula: string;
  format: RuleFormat;
}

export const RULE_COLORS = {
  invalid: { background: '#f4c7c3', fontColor: '#a50e0e' },
  required: { background: '#fce8e6' },
  overdue: { background: '#ea9999', fontColor: '#660000', bold: true },
  stale: { background: '#ffe599' },
} as const satisfies Record<string, RuleFormat>;

/**
 * A formula condition "the cell holds this option": its label or any of its variants, so every rule
 * treats a variant as its option (a row at 成交 or Closed Won is colored as Won). Sheets compares text
 * with '=' ignoring case; TRIM drops the spaces around a value and collapses runs inside it.
 * Ref: https://support.google.com/docs/answer/3094140 (TRIM)
 */
export function isOption(ref: string, o: { label: string; variants?: readonly string[] }): string {
  const names = [o.label, ...(o.variants ?? [])].filter((n, i, all) => n.trim() !== '' && all.findIndex((m) => m.trim().toLowerCase() === n.trim().toLowerCase()) === i);
  if (names.length === 1) return `${ref}=${formulaString(o.label)}`;
  return `OR(${names.map((n) => `TRIM(${ref})=${formulaString(n.trim())}`).join(',')})`;
}

/** The rule kind in a formula of ours, or null for a rule of the user's own (or no formula). */
export function ruleKind(formula: string | null | undefined): RuleKind | null {
  if (!formula) return null;
  const m = /ISTEXT\("clientflow:([a-z]+)"\)/.exec(formula);
  if (!m) return null;
  const k = m[1];
  return k === 'invalid' || k === 'required' || k === 'overdue' || k === 'stale' || k === 'option' || k === 'won' || k === 'lost' ? k : null;
}

export function markedFormula(kind: RuleKind, condition: string): string {
  return `=AND(ISTEXT("${RULE_MARKER}${kind}"),${condition})`;
}

export interface RuleArea {
  /** First data row (header row + 1) and the last row the rules cover. */
  firstRow: number;
  lastRow: number;
}

/** Columns spanned by the table (leftmost to rightmost field). */
export function tableSpan(layout: Layout): { first: number; last: number } {
  const cols = Object.values(layout.columns);
  return { first: Math.min(...cols), last: Math.max(...cols) };
}

/**
 * Our rules for a table, highest precedence first: required-but-empty, overdue follow-up, stale last
 * contact, option colors, whole row won, whole row lost. ('invalid' belongs to validate-all.)
 */
export function planRules(schema: TableSchema, layout: Layout, area: RuleArea): RulePlan[] {
  const rules: RulePlan[] = [];
  const { firstRow, lastRow } = area;
  if (lastRow < firstRow || Object.keys(layout.columns).length === 0) return rules;
  const span = tableSpan(layout);
  const ref = (key: string) => {
    const c = layout.columns[key];
    return c === undefined ? null : `$${columnLetter(c)}${firstRow}`;
  };
  const colRange = (key: string) => {
    const c = layout.columns[key];
    return c === undefined ? null : a1(firstRow, c, lastRow, c);
  };
  const rowNotEmpty = `COUNTA($${columnLetter(span.first)}${firstRow}:$${columnLetter(span.last)}${firstRow})>0`;

  // Required but empty, on a row that has something in it.
  for (const f of schema.fields) {
    if (!f.required) continue;
    const r = ref(f.key);
    const range = colRange(f.key);
    if (!r || !range) continue;
    rules.push({ kind: 'required', ranges: [range], formula: markedFormula('required', `LEN(${r})=0,${rowNotEmpty}`), format: RULE_COLORS.required });
  }

  const stageField = fieldByRole(schema, 'stage');
  const stageRef = stageField ? ref(stageField.key) : null;
  const spellings = (label: string) => stageField?.options?.find((o) => o.label === label) ?? { label };
  const open = stageRef && schema.stages
    ? `,NOT(${isOption(stageRef, spellings(schema.stages.won))}),NOT(${isOption(stageRef, spellings(schema.stages.lost))})`
    : '';

  const follow = fieldByRole(schema, 'nextFollowUp');
  if (schema.rules.overdueFollowUp && follow) {
    const r = ref(follow.key);
    const range = colRange(follow.key);
    if (r && range) rules.push({ kind: 'overdue', ranges: [range], formula: markedFormula('overdue', `ISNUMBER(${r}),${r}<TODAY()${open}`), format: RULE_COLORS.overdue });
  }
  const last = fieldByRole(schema, 'lastContact');
  if (last) {
    const r = ref(last.key);
    const range = colRange(last.key);
    if (r && range) {
      // Days per stage where the table sets them (IF over the stage's spellings), else the table's own.
      const byStage = Object.entries(schema.rules.staleDaysByStage ?? {})
        .filter(([label]) => stageRef && stageField?.options?.some((o) => o.label === label));
      const days = byStage.reduceRight<string>((rest, [label, n]) => `IF(${isOption(stageRef as string, spellings(label))},${n},${rest})`, String(schema.rules.staleDays));
      rules.push({ kind: 'stale', ranges: [range], formula: markedFormula('stale', `ISNUMBER(${r}),${r}<TODAY()-${days}${open}`), format: RULE_COLORS.stale });
    }
  }

  // Option colors (chip colors cannot be set from Apps Script, so the cell is colored instead).
  for (const f of schema.fields) {
    if (f.type !== 'dropdown' || !f.options) continue;
    const r = ref(f.key);
    const range = colRange(f.key);
    if (!r || !range) continue;
    for (const o of f.options) {
      rules.push({ kind: 'option', ranges: [range], formula: markedFormula('option', isOption(r, o)), format: { background: o.color } });
    }
  }

  // Whole row by stage.
  if (stageRef && schema.stages && stageField) {
    const rowRange = a1(firstRow, span.first, lastRow, span.last);
    const color = (label: string) => stageField.options?.find((o) => o.label === label)?.color;
    rules.push({ kind: 'won', ranges: [rowRange], formula: markedFormula('won', isOption(stageRef, spellings(schema.stages.won))), format: { background: color(schema.stages.won) ?? '#d9ead3' } });
    rules.push({ kind: 'lost', ranges: [rowRange], formula: markedFormula('lost', isOption(stageRef, spellings(schema.stages.lost))), format: { background: color(schema.stages.lost) ?? '#e0e0e0', fontColor: '#666666' } });
  }
  return rules;
}

/**
 * Merges our new rules into the sheet's current list: rules of `replace` kinds are dropped and the
 * new ones go first (in their order); every other rule — the user's own, and ours of kinds not
 * replaced — keeps its relative order after them. Set-up replaces all of ours (stale 'invalid'
 * highlights included); validate-all replaces only 'invalid'.
 */
export function mergeRules<T>(existing: readonly T[], formulaOf: (rule: T) => string | null, replace: ReadonlySet<RuleKind>): { keep: T[]; userRules: number } {
  const keep: T[] = [];
  let userRules = 0;
  for (const r of existing) {
    const kind = ruleKind(formulaOf(r));
    if (kind !== null && replace.has(kind)) continue;
    if (kind === null) userRules++;
    keep.push(r);
  }
  return { keep, userRules };
}

export const SETUP_RULE_KINDS: ReadonlySet<RuleKind> = new Set<RuleKind>(['invalid', 'required', 'overdue', 'stale', 'option', 'won', 'lost']);
export const INVALID_RULE_KINDS: ReadonlySet<RuleKind> = new Set<RuleKind>(['invalid']);
