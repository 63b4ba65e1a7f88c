/**
 * Options with variants: which option a raw value means, and which options are the won and lost
 * outcomes of a stage field.
 *
 * A value means an option when it is the option's label or one of its variants (case, width and spacing
 * folded, one small typo mended: the dropdown type's own matching), or, for stage fields, when it is a
 * known synonym (English or Chinese) of the same pipeline step as the option: '已成交', '赢单' and
 * 'closed-won' all mean the option 'Won' even when the table never listed them, because the stage
 * vocabulary of inference (STAGE_VOCAB) puts them all at the won outcome.
 *
 * Pure and memoized per distinct raw value, so resolving 100,000 cells costs one Map lookup each.
 */
import { foldKey, matchOption } from '../fields/dropdown';
import type { DropdownOption } from '../fields/types';
import { knownStage } from '../infer/options';

export type Outcome = 'won' | 'lost';

/** The known pipeline step a spelling names ('closed-won', 'Closed_Won' and '已成交' included), or null. */
export function stageWord(raw: string): { step: number; kind: 'step' | Outcome } | null {
  const direct = knownStage(raw);
  if (direct) return direct;
  // Punctuation between words is spacing: 'closed-won', 'closed_won', 'Closed/Won'.
  const spaced = raw.replace(/[-_/·・.]+/g, ' ');
  return spaced === raw ? null : knownStage(spaced);
}

/** The known step of an option: of its label, else of its first alias that is a known stage word. */
export function optionStep(o: DropdownOption): { step: number; kind: 'step' | Outcome } | null {
  for (const s of [o.label, ...(o.variants ?? [])]) {
    const k = stageWord(s);
    if (k) return k;
  }
  return null;
}

/**
 * The won and lost options of a stage field: the labels given (a table's saved settings) when they
 * are options, else the first option whose label or variants the stage vocabulary calls won / lost.
 */
export function stageOutcomes(
  options: readonly DropdownOption[],
  given?: { won?: string | null; lost?: string | null } | null,
): { won: string | null; lost: string | null } {
  const labels = new Set(options.map((o) => o.label));
  let won = given?.won && labels.has(given.won) ? given.won : null;
  let lost = given?.lost && labels.has(given.lost) ? given.lost : null;
  for (const o of options) {
    const k = optionStep(o);
    if (!won && k?.kind === 'won' && o.label !== lost) won = o.label;
    if (!lost && k?.kind === 'lost' && o.label !== won) lost = o.label;
  }
  return { won, lost };
}

/**
 * Folds options that name the same known pipeline step into the first of them (its label stays; the
 * others become its variants): a table that writes both 'Won' and '成交' has one won option. Options
 * without a known step are kept as they are. Order is kept.
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
  }
  return out;
}

export interface OptionResolver {
  /** The label of the option a raw value means, or null ('' and white space: null too). */
  (raw: string): string | null;
}

/**
 * A resolver for one option list. `stageVocabulary`: also map known stage synonyms to the option of
 * the same step (for stage fields). Matching order: the option's own label and variants (with the
 * dropdown type's folding and typo mending), then the vocabulary.
 */
export function optionResolver(options: readonly DropdownOption[], opts: { stageVocabulary?: boolean } = {}): OptionResolver {
  const memo = new Map<string, string | null>();
  const stepLabel = new Map<string, string>();
  if (opts.stageVocabulary) {
    for (const o of options) {
      const k = optionStep(o);
      const key = k ? (k.kind === 'step' ? `s${k.step}` : k.kind) : null;
      if (key && !stepLabel.has(key)) stepLabel.set(key, o.label);
    }
  }
  return (raw: string): string | null => {
    const hit = memo.get(raw);
    if (hit !== undefined) return hit;
    let label: string | null = null;
    if (foldKey(raw) !== '') {
      const m = matchOption(raw.trim(), options);
      label = m.label;
      if (label === null && stepLabel.size > 0) {
        const k = stageWord(raw.trim());
        if (k) label = stepLabel.get(k.kind === 'step' ? `s${k.step}` : k.kind) ?? null;
      }
    }
    if (memo.size < 100000) memo.set(raw, label);
    return label;
  };
}
