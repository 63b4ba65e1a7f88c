/**
 * Dropdowns (single choice), read by the core option resolver (src/core/options/resolve.ts). A cell
 * matches an option when its text equals the option's label or one of its variants after folding: case, full/half width and all white space are ignored ('closed  WON',
 * 'Ｗｏｎ' → 'Won'). Small typos are mended: one insertion, deletion, substitution or swap of neighbours
 * (Damerau–Levenshtein distance 1, optimal string alignment) against labels and variants of 4+ folded
 * characters, only when exactly one option is that close ('Qualifed' → 'Qualified', but 'Lead' vs
 * 'Load' stays unknown if both 'Lean' and 'Lead' exist). The value is the option's own label.
 * Unknown text → unknownOption with hint = the closest label (when it is reasonably close).
 * Validation: a list of the labels (requireValueInList, shown as a dropdown); option colors come from
 * conditional format rules set up elsewhere.
 */
import { defineType, fail } from './define';
import type { DropdownOption, ParseResult } from './types';
import { cellText } from './util';
import { foldKey, resolveOption } from '../options/resolve';

export { foldKey };

export type OptionMatch = { label: string } | { label: null; hint?: string };

/** Finds the option a cell's text means (src/core/options/resolve.ts: labels, variants, meaning, typos). */
export function matchOption(text: string, options: readonly DropdownOption[]): OptionMatch {
  const r = resolveOption(text, options);
  return r.label !== null ? { label: r.label } : r.hint !== undefined ? { label: null, hint: r.hint } : { label: null };
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
  isFormulaLikeValue: (raw, ctx) => (ctx.options ?? []).some((o) => o.label === raw.trim() || (o.variants ?? []).includes(raw.trim())),
  canonical: (v) => (v.kind === 'option' ? v.value : null),
  numberFormat: () => '@',
  validation: (ctx) => ({ kind: 'list', values: (ctx.options ?? []).map((o) => o.label) }),
});
