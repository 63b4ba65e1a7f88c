/**
 * The options panel's operations, pure: each takes a list of options and returns a new one (the input
 * is never changed), or the same list when the operation does not apply. Labels stay unique (compared
 * folded); a variant belongs to one option only; at most one option is won and one lost.
 */
import { foldKey } from './resolve';

export interface EditableOption {
  label: string;
  color: string;
  variants?: string[];
  outcome?: 'won' | 'lost';
}

function clean(o: EditableOption): EditableOption {
  const seen = new Set<string>([foldKey(o.label)]);
  const variants = (o.variants ?? []).filter((v) => {
    const k = foldKey(v);
    if (k === '' || seen.has(k)) return false;
    seen.add(k);
    return true;
  });
  const out: EditableOption = { label: o.label, color: o.color };
  if (variants.length) out.variants = variants;
  if (o.outcome) out.outcome = o.outcome;
  return out;
}

/** Merges `from` into `into`: its label and variants become variants of `into`; `into` keeps its place. */
export function mergeOptions<T extends EditableOption>(options: readonly T[], into: string, from: string): EditableOption[] {
  const a = options.find((o) => o.label === into);
  const b = options.find((o) => o.label === from);
  if (!a || !b || a === b) return options.slice();
  const merged = clean({ ...a, variants: [...(a.variants ?? []), b.label, ...(b.variants ?? [])], outcome: a.outcome ?? b.outcome });
  return options.filter((o) => o !== b).map((o) => (o === a ? merged : clean(o)));
}

/** Splits a variant off its option into an option of its own, placed right after it. */
export function splitVariant<T extends EditableOption>(options: readonly T[], label: string, variant: string, color: string): EditableOption[] {
  const i = options.findIndex((o) => o.label === label);
  if (i < 0) return options.slice();
  const o = options[i];
  const k = foldKey(variant);
  if (!(o.variants ?? []).some((v) => foldKey(v) === k)) return options.slice();
  const rest = clean({ ...o, variants: (o.variants ?? []).filter((v) => foldKey(v) !== k) });
  const out = options.map((x) => clean(x));
  out.splice(i, 1, rest, { label: variant.trim(), color });
  return out;
}

/** Renames an option; the old label becomes one of its variants (cells still holding it keep their meaning). */
export function renameOption<T extends EditableOption>(options: readonly T[], label: string, to: string): EditableOption[] {
  const name = to.trim();
  if (!name || options.some((o) => o.label !== label && foldKey(o.label) === foldKey(name))) return options.slice();
  return options.map((o) => (o.label === label
    ? clean({ ...o, label: name, variants: [label, ...(o.variants ?? []).filter((v) => foldKey(v) !== foldKey(name))] })
    : clean(o)));
}

/** Moves an option to a new position (0-based). */
export function moveOption<T extends EditableOption>(options: readonly T[], label: string, to: number): EditableOption[] {
  const i = options.findIndex((o) => o.label === label);
  const out = options.map((o) => clean(o));
  if (i < 0) return out;
  const [o] = out.splice(i, 1);
  out.splice(Math.max(0, Math.min(out.length, to)), 0, o);
  return out;
}

/** Sets an option's color. */
export function recolorOption<T extends EditableOption>(options: readonly T[], label: string, color: string): EditableOption[] {
  return options.map((o) => clean(o.label === label ? { ...o, color } : o));
}

/** Marks an option as the won (or lost) outcome; the option that had it loses it. null clears it. */
export function markOutcome<T extends EditableOption>(options: readonly T[], label: string, outcome: 'won' | 'lost' | null): EditableOption[] {
  return options.map((o) => {
    const c = clean(o);
    if (o.label === label) {
      if (outcome) c.outcome = outcome; else delete c.outcome;
    } else if (outcome && c.outcome === outcome) delete c.outcome;
    return c;
  });
}
