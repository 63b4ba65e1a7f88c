/**
 * Stage rules (table settings, each off by default): no skipping stages, no moving backward, fields
 * required from a stage on. A breaking edit is flagged on the cell and explained (a note of ours, see
 * ./flags.ts), never reverted. Pure.
 *
 * Stage order is the stage field's option order; the lost exit (stages.lost) may be entered from any
 * stage and is not compared. A change whose previous stage is unknown (a new row, a row from before
 * ClientFlow dated its stages) is not checked for skipping or moving back.
 */
import type { CellValue } from '../fields/types';
import { isBlankCell, cleanInput } from '../fields/util';
import { matchOption } from '../fields/dropdown';
import { fieldByRole, type TableSchema } from '../schema';
import type { Layout } from '../table/layout';
import type { RuleIssue, StageChange } from './flags';

/** Cell overrides for the checks: `${rowIndex}:${spanIndex}` → the rule it breaks, or null (checked, fine). */
export function stageRuleIssues(input: {
  schema: TableSchema; layout: Layout; rows: readonly (readonly CellValue[])[]; spanFirst: number; changes: readonly StageChange[];
}): Map<string, RuleIssue | null> {
  const out = new Map<string, RuleIssue | null>();
  const rules = input.schema.rules.stageRules;
  const stage = fieldByRole(input.schema, 'stage');
  if (!rules || !stage) return out;
  const sc = input.layout.columns[stage.key];
  if (sc === undefined) return out;
  const lost = input.schema.stages?.lost ?? null;
  const order = (stage.options ?? []).map((o) => o.label).filter((l) => l !== lost);
  const index = (label: string): number => order.indexOf(label);
  const si = sc - input.spanFirst;

  if (rules.noSkipping || rules.noBackward) {
    for (const c of input.changes) {
      const a = index(c.from);
      const b = index(c.to);
      if (a < 0 || b < 0) continue;
      if (rules.noSkipping && b > a + 1) out.set(`${c.index}:${si}`, { rule: 'skip', from: c.from, to: c.to, skipped: order.slice(a + 1, b) });
      else if (rules.noBackward && b < a) out.set(`${c.index}:${si}`, { rule: 'backward', from: c.from, to: c.to });
    }
  }

  const required = Object.entries(rules.requiredFrom ?? {})
    .map(([key, from]) => ({ column: input.layout.columns[key], from: index(from), label: from }))
    .filter((r): r is { column: number; from: number; label: string } => r.column !== undefined && r.from >= 0);
  if (required.length > 0) {
    input.rows.forEach((row, i) => {
      const text = cleanInput(String(row[si] ?? ''));
      const now = text === '' ? -1 : index(matchOption(text, stage.options ?? []).label ?? text);
      for (const r of required) {
        const j = r.column - input.spanFirst;
        if (!isBlankCell(row[j])) continue; // a filled cell: its own checks apply
        out.set(`${i}:${j}`, now >= r.from ? { rule: 'requiredFrom', stage: r.label } : null);
      }
    });
  }
  return out;
}
