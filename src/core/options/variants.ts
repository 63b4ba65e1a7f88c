/**
 * The funnel's view of options with variants, as a thin layer over the one option resolver
 * (./resolve.ts): which option a raw value means is always resolveOption's answer, so the funnel, the
 * check, option and row colors and cleanup agree on "this value is that option". What this module adds
 * is only what the funnel needs on top: the pipeline step an option names (through the vocabulary of
 * ./vocab.ts), the won and lost outcomes of a stage field, and a memoized resolver function.
 */
import type { DropdownOption } from '../fields/types';
import { foldKey, resolveOption } from './resolve';
import { knownStage } from './vocab';

export type Outcome = 'won' | 'lost';

/** The known pipeline step a spelling names ('closed-won', 'Closed/Won' and '已成交' included), or null. */
export function stageWord(raw: string): { step: number; kind: 'step' | Outcome } | null {
  return knownStage(raw);
}

/** The known step of an option: of its label, else of its first variant that is a known stage word. */
export function optionStep(o: DropdownOption): { step: number; kind: 'step' | Outcome } | null {
  for (const s of [o.label, ...(o.variants ?? [])]) {
    const k = knownStage(s);
    if (k) return k;
  }
  return null;
}

/**
 * The won and lost options of a stage field: the labels given (a table's saved settings) when they
 * are options, else the option marked won / lost, else the first option whose label or variants the
 * stage vocabulary calls won / lost.
 */
export function stageOutcomes(
  options: readonly DropdownOption[],
  given?: { won?: string | null; lost?: string | null } | null,
): { won: string | null; lost: string | null } {
  const labels = new Set(options.map((o) => o.label));
  let won = given?.won && labels.has(given.won) ? given.won : null;
  let lost = given?.lost && labels.has(given.lost) ? given.lost : null;
  won ??= options.find((o) => o.outcome === 'won' && o.label !== lost)?.label ?? null;
  lost ??= options.find((o) => o.outcome === 'lost' && o.label !== won)?.label ?? null;
  for (const o of options) {
    const k = optionStep(o);
    if (!won && k?.kind === 'won' && o.label !== lost) won = o.label;
    if (!lost && k?.kind === 'lost' && o.label !== won) lost = o.label;
  }
  return { won, lost };
}

/**
 * Folds options that name the same known pipeline step into the first of them (its label stays; the
 * others become its variants): a table that writes both 'Won' and '成交' as options has one won option,
 * so the resolver never sees two options with one meaning. Options without a known step are kept as
 * they are. Order is kept.
 */
export function mergeVariantOptions(options: readonly DropdownOption[]): DropdownOption[] {
  const out: DropdownOption[] = [];
  const byStep = new Map<number, number>();
  for (const o of options) {
    const k = optionStep(o);
    const at = k ? byStep.get(k.step) : undefined;
    if (at === undefined) {
      if (k) byStep.set(k.step, out.length);
      out.push({ ...o, ...(o.variants ? { variants: [...o.variants] } : {}) });
      continue;
    }
    const target = out[at];
    const variants = target.variants ?? [];
    for (const s of [o.label, ...(o.variants ?? [])]) if (s !== target.label && !variants.includes(s)) variants.push(s);
    target.variants = variants;
    if (!target.outcome && o.outcome) target.outcome = o.outcome;
  }
  return out;
}

export interface OptionResolver {
  /** The label of the option a raw value means, or null ('' and white space: null too). */
  (raw: string): string | null;
}

/**
 * resolveOption for one option list, memoized per distinct raw value (a funnel over 100,000 rows
 * resolves each distinct spelling once). The resolver always reads meanings (known stage and choice
 * synonyms in both languages), so `stageVocabulary` changes nothing; it is accepted for callers that
 * still pass it.
 */
export function optionResolver(options: readonly DropdownOption[], _opts: { stageVocabulary?: boolean } = {}): OptionResolver {
  const memo = new Map<string, string | null>();
  return (raw: string): string | null => {
    const hit = memo.get(raw);
    if (hit !== undefined) return hit;
    const label = foldKey(raw) === '' ? null : resolveOption(raw.trim(), options).label;
    if (memo.size < 100000) memo.set(raw, label);
    return label;
  };
}
