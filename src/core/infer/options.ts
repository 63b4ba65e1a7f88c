/**
 * Dropdown inference: a column with few distinct values becomes a dropdown; spellings that differ only
 * by case, spacing, full-width forms or a small typo are folded into one option (the most frequent
 * spelling is the label, the others its variants), and so are spellings that mean the same thing
 * (src/core/options/vocab.ts: 成交, 已成交 and Closed Won are one option; 微信 and WeChat too). When the
 * options match a known stage vocabulary (English or Chinese) they are put in stage order, the won/lost
 * outcomes are marked, and a value the vocabulary does not know is placed before the outcomes and
 * flagged (`unplaced`), never silently after Won. A person's name written in both scripts (张伟 and
 * Zhang Wei) is one option too, read through the pinyin table of the duplicate finder.
 */
import type { DropdownOption } from '../fields/types';
import { paletteColor, STAGE_COLORS } from '../colors';
import { editDistance } from '../text/distance';
import { knownStage, meaningOf } from '../options/vocab';
import { hasHan, pinyin } from '../dedupe/text';

/** Folds case, full-width forms and runs of spaces: the identity of an option value. */
export function optionKey(raw: string): string {
  return raw.normalize('NFKC').trim().replace(/\s+/g, ' ').toLowerCase();
}

export { STAGE_VOCAB, knownStage } from '../options/vocab';

/** How many edits still count as a typo of a label of this length (Latin words only; CJK: none). */
function typoBudget(key: string): number {
  if (/[\u0080-\uffff]/.test(key)) return 0;
  if (key.length >= 8) return 2;
  if (key.length >= 4) return 1;
  return 0;
}


/** The pinyin readings of a person's name written in Chinese characters (2 to 4 of them): 张伟 → 'zhangwei'. */
function hanReading(s: string): string | null {
  const t = s.normalize('NFKC').replace(/\s+/g, '');
  if (!/^[\u3400-\u9fff]{2,4}$/.test(t)) return null;
  let out = '';
  for (let i = 0; i < t.length; i++) {
    const py = pinyin(t[i] as string, i === 0);
    if (!py) return null;
    out += py;
  }
  return out;
}

/**
 * The readings a name in Latin letters may spell: 'Zhang Wei' → 'zhangwei', and with the family name
 * written last ('Wei Zhang') → 'zhangwei' too. Only two to four words of letters (accents and case
 * folded) count as a name.
 */
function latinReadings(s: string): string[] {
  const words = s.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().split(/[\s\-·.]+/).filter((w) => w !== '');
  if (words.length < 2 || words.length > 4 || words.some((w) => !/^[a-z]+$/.test(w))) return [];
  const joined = words.join('');
  const familyLast = [words[words.length - 1], ...words.slice(0, -1)].join('');
  return joined === familyLast ? [joined] : [joined, familyLast];
}

/**
 * A person's name in both scripts is one option when the table shows both: 'Zhang Wei' (or 'Wei
 * Zhang') joins the group of 张伟 when its letters spell the characters' pinyin (the duplicate finder's
 * pinyin table, family-name readings included) and exactly one group of characters reads that way
 * (张伟 and 章伟 both read zhangwei: then neither takes it). Returns how many groups were folded.
 */
function foldScripts(kept: Array<{ key: string; n: number; spellings: Map<string, number> }>): number {
  const byReading = new Map<string, (typeof kept)[number] | null>();
  for (const g of kept) {
    for (const sp of g.spellings.keys()) {
      const r = hanReading(sp);
      if (r === null) continue;
      const prev = byReading.get(r);
      byReading.set(r, prev === undefined || prev === g ? g : null);
    }
  }
  if (byReading.size === 0) return 0;
  let folded = 0;
  for (let i = 0; i < kept.length; i++) {
    const g = kept[i];
    if ([...g.spellings.keys()].some(hasHan)) continue;
    let target: (typeof kept)[number] | null = null;
    for (const sp of g.spellings.keys()) {
      for (const r of latinReadings(sp)) {
        const t = byReading.get(r);
        if (t) { target = t; break; }
      }
      if (target) break;
    }
    if (!target || target === g) continue;
    target.n += g.n;
    for (const [sp, n] of g.spellings) target.spellings.set(sp, (target.spellings.get(sp) ?? 0) + n);
    kept.splice(i--, 1);
    folded++;
  }
  return folded;
}

export interface InferredOptions {
  options: DropdownOption[];
  /** Set when the options are pipeline stages: labels of the terminals. */
  stages: { won: string; lost: string } | null;
  /** Count of distinct spellings folded into options (variants). */
  folded: number;
  /** Stage options whose place in the order is a guess (the vocabulary does not know them). */
  unplaced: string[];
}

/**
 * Groups values into dropdown options. Returns null when the column does not look like a dropdown:
 * too many distinct values, or too little repetition. `forRole` relaxes the limits for columns whose
 * header already says they are a choice (stage, channel, owner…).
 */
export function inferOptions(values: readonly string[], forRole: boolean, locale: 'en' | 'zh-CN' = 'en'): InferredOptions | null {
  // Count raw spellings first (one Map lookup per value), then fold the few distinct ones.
  const raws = new Map<string, number>();
  let nonEmpty = 0;
  for (const raw of values) {
    if (raw === '') continue;
    raws.set(raw, (raws.get(raw) ?? 0) + 1);
    // Far too many distinct values for a dropdown: stop early.
    if (raws.size > 4000) return null;
  }
  const counts = new Map<string, { n: number; spellings: Map<string, number> }>();
  for (const [raw, n] of raws) {
    const trimmed = raw.trim();
    if (!trimmed) continue;
    nonEmpty += n;
    const k = optionKey(trimmed);
    let c = counts.get(k);
    if (!c) counts.set(k, (c = { n: 0, spellings: new Map() }));
    c.n += n;
    c.spellings.set(trimmed, (c.spellings.get(trimmed) ?? 0) + n);
  }
  if (nonEmpty === 0) return null;
  // Most frequent first; ties by first spelling for determinism.
  const groups = [...counts.entries()].sort((a, b) => b[1].n - a[1].n || (a[0] < b[0] ? -1 : 1));
  // Fold rare spellings into a much more frequent near neighbor (a typo: "Qualifed" → "Qualified").
  const kept: Array<{ key: string; n: number; spellings: Map<string, number> }> = [];
  let folded = 0;
  for (const [key, g] of groups) {
    const budget = typoBudget(key);
    const target = budget > 0
      ? kept.find((k) => k.n >= 2 * g.n && typoBudget(k.key) > 0 && editDistance(k.key, key, budget) <= budget)
      : undefined;
    if (target) {
      target.n += g.n;
      for (const [s, n] of g.spellings) target.spellings.set(s, (target.spellings.get(s) ?? 0) + n);
      folded++;
    } else kept.push({ key, n: g.n, spellings: new Map(g.spellings) });
  }
  // A spelling a small typo away from a known stage that is present is that stage, whatever the counts.
  for (let i = kept.length - 1; i >= 0; i--) {
    const g = kept[i];
    if (knownStage(g.key)) continue;
    const budget = typoBudget(g.key);
    if (budget === 0) continue;
    const target = kept.find((k) => k !== g && knownStage(k.key) !== null && typoBudget(k.key) > 0 && editDistance(k.key, g.key, budget) <= budget);
    if (!target) continue;
    target.n += g.n;
    for (const [s, n] of g.spellings) target.spellings.set(s, (target.spellings.get(s) ?? 0) + n);
    kept.splice(i, 1);
    folded++;
  }
  // Spellings with the same meaning are one option (成交 / 已成交 / Closed Won → one).
  const meaningOfGroup = (g: { key: string; spellings: Map<string, number> }): string | null => {
    for (const sp of g.spellings.keys()) { const m = meaningOf(sp); if (m) return m.id; }
    return null;
  };
  const byMeaning = new Map<string, (typeof kept)[number]>();
  for (let i = 0; i < kept.length; i++) {
    const g = kept[i];
    const id = meaningOfGroup(g);
    if (id === null) continue;
    const target = byMeaning.get(id);
    if (!target) { byMeaning.set(id, g); continue; }
    target.n += g.n;
    for (const [sp, n] of g.spellings) target.spellings.set(sp, (target.spellings.get(sp) ?? 0) + n);
    kept.splice(i--, 1);
    folded++;
  }
  folded += foldScripts(kept);
  const distinct = kept.length;
  const maxOptions = forRole ? 40 : 12;
  if (distinct > maxOptions) return null;
  const knownShare = kept.filter((k) => knownStage(k.spellings.keys().next().value ?? k.key) !== null).length / distinct;
  // Repetition: a dropdown's values recur. Without a role, ask for at most a third distinct values;
  // with one, less, and none when the values are known pipeline stages.
  if (!forRole && (nonEmpty < 4 || distinct * 3 > nonEmpty)) return null;
  if (forRole && knownShare < 0.6 && distinct * 1.5 > nonEmpty && nonEmpty > 3) return null;

  const firsts = kept.map((k) => [...k.spellings.keys()][0] ?? '').filter((s) => /^[A-Za-z]/.test(s));
  const capitalized = firsts.filter((s) => /^[A-Z]/.test(s)).length * 2 > firsts.length;
  let options: DropdownOption[] = kept.map((k) => {
    const spellings = [...k.spellings.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
    // The label: the most frequent spelling, preferring a known stage word over a typo and one that is
    // not all lower case ("Qualified" over "qualified"); a known stage written only in lower case gets a
    // capital when the other options have one.
    let pool = spellings.some(([s]) => knownStage(s)) ? spellings.filter(([s]) => knownStage(s)) : spellings;
    // The table's language first: 'Won' in an English table, '成交' in a Chinese one.
    const cjk = (x: string) => /[\u3400-\u9fff]/.test(x);
    const own = pool.filter(([s]) => cjk(s) === (locale === 'zh-CN'));
    if (own.length > 0) pool = own;
    let label = (pool.find(([s]) => s !== s.toLowerCase()) ?? pool[0])[0];
    if (label === label.toLowerCase() && knownStage(label) && /^[a-z]/.test(label) && capitalized) {
      label = label[0].toUpperCase() + label.slice(1);
    }
    const variants = spellings.map(([s]) => s).filter((s) => s !== label);
    return variants.length ? { label, color: '', variants } : { label, color: '' };
  });

  // Stage order when most options are known stages.
  const known = options.map((o) => knownStage(o.label));
  const knownCount = known.filter((k) => k !== null).length;
  let stages: InferredOptions['stages'] = null;
  const unplaced: string[] = [];
  if (knownCount >= 2 && knownCount * 10 >= options.length * 6) {
    const order = options.map((o, i) => ({ o, k: known[i], i }));
    // Unknown values go after the last known step and before the outcomes, flagged for the user.
    order.sort((a, b) => (a.k?.step ?? 4.5) - (b.k?.step ?? 4.5) || a.i - b.i);
    for (const x of order) if (!x.k) unplaced.push(x.o.label);
    options = order.map((x) => {
      const o: DropdownOption = { ...x.o, color: STAGE_COLORS[Math.min(x.k?.step ?? 3, STAGE_COLORS.length - 1)] };
      if (x.k?.kind === 'won' && !order.some((y) => y.k?.kind === 'won' && y.i < x.i && y !== x)) o.outcome = 'won';
      if (x.k?.kind === 'lost' && !order.some((y) => y.k?.kind === 'lost' && y.i < x.i && y !== x)) o.outcome = 'lost';
      return o;
    });
    const won = options.find((o) => o.outcome === 'won');
    const lost = options.find((o) => o.outcome === 'lost');
    if (won && lost) stages = { won: won.label, lost: lost.label };
  } else {
    options = options.map((o, i) => ({ ...o, color: paletteColor(i) }));
  }
  return { options, stages, folded, unplaced };
}
