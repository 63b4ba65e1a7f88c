/**
 * THE option resolver: which dropdown option a raw value means. Every rule that reads a dropdown cell
 * (the check, option colors, won/lost row colors, stage rules, cleanup, the funnel) goes through
 * resolveOption, so a variant counts as its option everywhere.
 *
 * A value is its option when, in this order:
 * 1. it is the option's label, or the label/one of its variants after folding (case, full/half width,
 *    white space: 'closed  WON', 'Ｗｏｎ');
 * 2. it means what the option means (src/core/options/vocab.ts: 成交, Closed Won and closed-won all mean
 *    Won; 微信 means WeChat), and exactly one option has that meaning;
 * 3. it is one small typo away (one insertion, deletion, substitution or swap of neighbours) from a label
 *    or variant of 4+ folded characters, and only one option is that close ('Qualifed' → 'Qualified').
 * Otherwise it is no option, with a hint: the closest label within about half its length.
 */
import { editDistance } from '../text/distance';
import { stripInvisible, toHalfWidth } from '../fields/util';
import { meaningOf } from './vocab';

/** The shape the resolver reads: a schema option or a DropdownOption. */
export interface OptionLike {
  label: string;
  variants?: readonly string[];
  outcome?: 'won' | 'lost';
}

/** The comparison key of a label or a cell: width-folded, lowercased, without white space. */
export function foldKey(s: string): string {
  return toHalfWidth(stripInvisible(s)).toLowerCase().replace(/\s+/g, '');
}

export type Resolution =
  | {
      label: string;
      /** True when the value is the label spelled exactly (cleanup leaves it); false for a variant. */
      exact: boolean;
      by: 'label' | 'variant' | 'meaning' | 'typo';
    }
  | { label: null; hint?: string };

interface OptionIndex {
  labels: Set<string>;
  exact: Map<string, string>;
  /** Meaning id → label, null when two options share the meaning (then meaning decides nothing). */
  meanings: Map<string, string | null>;
  /** [folded key, label] for typo matching (keys of 4+ characters). */
  fuzzy: Array<[string, string]>;
  list: string[];
}

const indexes = new WeakMap<readonly OptionLike[], OptionIndex>();

function indexFor(options: readonly OptionLike[]): OptionIndex {
  let ix = indexes.get(options);
  if (ix) return ix;
  ix = { labels: new Set(), exact: new Map(), meanings: new Map(), fuzzy: [], list: options.map((o) => o.label) };
  for (const o of options) ix.labels.add(o.label);
  for (const o of options) {
    const owned = new Set<string>();
    for (const name of [o.label, ...(o.variants ?? [])]) {
      const k = foldKey(name);
      if (k === '') continue;
      if (!ix.exact.has(k)) ix.exact.set(k, o.label);
      if ([...k].length >= 4) ix.fuzzy.push([k, o.label]);
      const m = meaningOf(name);
      if (m && !owned.has(m.id)) {
        owned.add(m.id);
        const prev = ix.meanings.get(m.id);
        ix.meanings.set(m.id, prev === undefined ? o.label : prev === o.label ? prev : null);
      }
    }
  }
  indexes.set(options, ix);
  return ix;
}

/** The option a raw value means (see the module comment). */
export function resolveOption(raw: string, options: readonly OptionLike[]): Resolution {
  const ix = indexFor(options);
  if (ix.labels.has(raw)) return { label: raw, exact: true, by: 'label' };
  const key = foldKey(raw);
  const hit = ix.exact.get(key);
  if (hit !== undefined) return { label: hit, exact: false, by: 'variant' };
  if (key === '' || key.length > 200) return { label: null };
  const m = meaningOf(raw);
  if (m) {
    const label = ix.meanings.get(m.id);
    if (label) return { label, exact: false, by: 'meaning' };
  }
  if ([...key].length >= 4) {
    let found: string | null = null;
    let ambiguous = false;
    for (const [k, label] of ix.fuzzy) {
      if (editDistance(key, k, 1) <= 1) {
        if (found !== null && found !== label) { ambiguous = true; break; }
        found = label;
      }
    }
    if (found !== null && !ambiguous) return { label: found, exact: false, by: 'typo' };
  }
  let best: string | undefined;
  let bestD = Infinity;
  for (const label of ix.list) {
    const lk = foldKey(label);
    const limit = Math.max(1, Math.floor([...lk].length / 2));
    const d = editDistance(key, lk, limit);
    if (d <= limit && d < bestD) { bestD = d; best = label; }
  }
  return best === undefined ? { label: null } : { label: null, hint: best };
}

/** The label a value means, or null (a shorthand of resolveOption). */
export function optionLabel(raw: string, options: readonly OptionLike[]): string | null {
  return resolveOption(raw, options).label;
}

/** Every spelling that means the option `label` among `values` (for rules that must list them). */
export function spellingsOf(label: string, options: readonly OptionLike[]): string[] {
  const o = options.find((x) => x.label === label);
  return o ? [o.label, ...(o.variants ?? [])] : [];
}

/** The options marked won and lost. */
export function outcomes(options: readonly OptionLike[]): { won: string | null; lost: string | null } {
  return {
    won: options.find((o) => o.outcome === 'won')?.label ?? null,
    lost: options.find((o) => o.outcome === 'lost')?.label ?? null,
  };
}
