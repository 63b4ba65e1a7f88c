/**
 * Dropdowns (single choice). A cell matches an option when its text equals the option's label or one of
 * its aliases after folding: case, full/half width and all white space are ignored ('closed  WON',
 * 'Ｗｏｎ' → 'Won'). Small typos are mended: one insertion, deletion, substitution or swap of neighbours
 * (Damerau–Levenshtein distance 1, optimal string alignment) against labels and aliases of 4+ folded
 * characters, only when exactly one option is that close ('Qualifed' → 'Qualified', but 'Lead' vs
 * 'Load' stays unknown if both 'Lean' and 'Lead' exist). The value is the option's own label.
 * Unknown text → unknownOption with hint = the closest label (when it is reasonably close).
 * Validation: a list of the labels (requireValueInList, shown as a dropdown); option colors come from
 * conditional format rules set up elsewhere.
 */
import { defineType, fail } from './define';
import type { DropdownOption, ParseResult } from './types';
import { cellText, stripInvisible, toHalfWidth } from './util';
import { editDistance } from '../text/distance';

/** The comparison key of a label or a cell: width-folded, lowercased, without white space. */
export function foldKey(s: string): string {
  return toHalfWidth(stripInvisible(s)).toLowerCase().replace(/\s+/g, '');
}

interface OptionIndex {
  exact: Map<string, string>;
  /** [folded key, label] for typo matching (keys of 4+ characters). */
  fuzzy: Array<[string, string]>;
  labels: string[];
}

const indexes = new WeakMap<readonly DropdownOption[], OptionIndex>();

function indexFor(options: readonly DropdownOption[]): OptionIndex {
  let ix = indexes.get(options);
  if (ix) return ix;
  ix = { exact: new Map(), fuzzy: [], labels: options.map((o) => o.label) };
  for (const o of options) {
    for (const name of [o.label, ...(o.aliases ?? [])]) {
      const k = foldKey(name);
      if (k === '') continue;
      if (!ix.exact.has(k)) ix.exact.set(k, o.label);
      if ([...k].length >= 4) ix.fuzzy.push([k, o.label]);
    }
  }
  indexes.set(options, ix);
  return ix;
}

export type OptionMatch = { label: string } | { label: null; hint?: string };

/** Finds the option a cell's text means. */
export function matchOption(text: string, options: readonly DropdownOption[]): OptionMatch {
  const ix = indexFor(options);
  const direct = ix.exact.get(text.toLowerCase());
  if (direct !== undefined && !/\s/.test(text)) return { label: direct };
  const key = foldKey(text);
  const exact = ix.exact.get(key);
  if (exact !== undefined) return { label: exact };
  if (key === '' || key.length > 200) return { label: null };
  let found: string | null = null;
  let ambiguous = false;
  if ([...key].length >= 4) {
    for (const [k, label] of ix.fuzzy) {
      if (editDistance(key, k, 1) <= 1) {
        if (found !== null && found !== label) { ambiguous = true; break; }
        found = label;
      }
    }
    if (found !== null && !ambiguous) return { label: found };
  }
  // The hint: the closest label within about half its length.
  let best: string | undefined;
  let bestD = Infinity;
  for (const label of ix.labels) {
    const lk = foldKey(label);
    const limit = Math.max(1, Math.floor([...lk].length / 2));
    const d = editDistance(key, lk, limit);
    if (d <= limit && d < bestD) { bestD = d; best = label; }
  }
  return best === undefined ? { label: null } : { label: null, hint: best };
}

export const dropdown = defineType({
  id: 'dropdown',
  textual: true,
  parseValue(raw, ctx): ParseResult {
    if (raw instanceof Date) return fail('unknownOption');
    const text = typeof raw === 'string' ? raw : cellText(raw);
    const m = matchOption(text, ctx.options ?? []);
    if (m.label !== null) return { ok: true, value: { kind: 'option', value: m.label } };
    return fail('unknownOption', m.hint);
  },
  // An option whose own label (or alias) starts with '=' is that option, spelled exactly (no typo
  // mending): the column is '@', so the cell holds the text, never a formula.
  isFormulaLikeValue: (raw, ctx) => (ctx.options ?? []).some((o) => o.label === raw.trim() || (o.aliases ?? []).includes(raw.trim())),
  canonical: (v) => (v.kind === 'option' ? v.value : null),
  numberFormat: () => '@',
  validation: (ctx) => ({ kind: 'list', values: (ctx.options ?? []).map((o) => o.label) }),
});
