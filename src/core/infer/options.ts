/**
 * Dropdown inference: a column with few distinct values becomes a dropdown; spellings that differ only
 * by case, spacing, full-width forms or a small typo are folded into one option (the most frequent
 * spelling is the label, the others its aliases). When the options match a known stage vocabulary
 * (English or Chinese) they are put in stage order and the won/lost terminals are named.
 */
import type { DropdownOption } from '../fields/types';
import { paletteColor, STAGE_COLORS } from '../colors';
import { editDistance } from '../text/distance';

/** Folds case, full-width forms and runs of spaces: the identity of an option value. */
export function optionKey(raw: string): string {
  return raw.normalize('NFKC').trim().replace(/\s+/g, ' ').toLowerCase();
}

/** Known pipeline steps, in order. `won`/`lost` are the terminals. Synonyms in both languages. */
export const STAGE_VOCAB: ReadonlyArray<{ step: number; kind: 'step' | 'won' | 'lost'; words: readonly string[] }> = [
  { step: 0, kind: 'step', words: ['lead', 'new', 'new lead', 'prospect', 'cold', '线索', '新线索', '潜在客户', '潜客', '新客户', '待跟进', '未联系'] },
  { step: 1, kind: 'step', words: ['contacted', 'contact made', 'reached out', 'in contact', 'following up', 'follow up', 'attempted', '已联系', '初步接触', '初次接触', '接触', '跟进中', '沟通中', '初步沟通'] },
  { step: 2, kind: 'step', words: ['qualified', 'interested', 'needs analysis', 'discovery', 'warm', 'hot', 'mql', 'sql', '意向客户', '有意向', '需求确认', '需求分析', '已确认需求', '意向', '高意向'] },
  { step: 3, kind: 'step', words: ['proposal', 'quote', 'quoted', 'proposal sent', 'demo', 'presentation', '方案', '方案报价', '报价', '已报价', '提交方案', '方案阶段', '演示'] },
  { step: 4, kind: 'step', words: ['negotiation', 'negotiating', 'contract sent', 'commit', 'closing', '谈判', '商务谈判', '合同谈判', '议价', '待签约'] },
  { step: 5, kind: 'won', words: ['won', 'closed won', 'win', 'customer', 'signed', 'deal', 'closed', 'converted', '成交', '已成交', '赢单', '签约', '已签约', '成单', '合作中', '已合作'] },
  { step: 6, kind: 'lost', words: ['lost', 'closed lost', 'dead', 'churned', 'disqualified', 'no deal', 'rejected', '流失', '已流失', '输单', '丢单', '失败', '放弃', '无效', '无意向'] },
];

let stageIndex: Map<string, { step: number; kind: 'step' | 'won' | 'lost' }> | null = null;
/** The known stage a value names, or null. */
export function knownStage(value: string): { step: number; kind: 'step' | 'won' | 'lost' } | null {
  if (!stageIndex) {
    stageIndex = new Map();
    for (const s of STAGE_VOCAB) for (const w of s.words) stageIndex.set(optionKey(w), { step: s.step, kind: s.kind });
  }
  return stageIndex.get(optionKey(value)) ?? null;
}

/** How many edits still count as a typo of a label of this length (Latin words only; CJK: none). */
function typoBudget(key: string): number {
  if (/[\u0080-\uffff]/.test(key)) return 0;
  if (key.length >= 8) return 2;
  if (key.length >= 4) return 1;
  return 0;
}


export interface InferredOptions {
  options: DropdownOption[];
  /** Set when the options are pipeline stages: labels of the terminals. */
  stages: { won: string; lost: string } | null;
  /** Count of distinct spellings folded into options (aliases). */
  folded: number;
}

/**
 * Groups values into dropdown options. Returns null when the column does not look like a dropdown:
 * too many distinct values, or too little repetition. `forRole` relaxes the limits for columns whose
 * header already says they are a choice (stage, channel, owner…).
 */
export function inferOptions(values: readonly string[], forRole: boolean): InferredOptions | null {
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
    const pool = spellings.some(([s]) => knownStage(s)) ? spellings.filter(([s]) => knownStage(s)) : spellings;
    let label = (pool.find(([s]) => s !== s.toLowerCase()) ?? pool[0])[0];
    if (label === label.toLowerCase() && knownStage(label) && /^[a-z]/.test(label) && capitalized) {
      label = label[0].toUpperCase() + label.slice(1);
    }
    const aliases = spellings.map(([s]) => s).filter((s) => s !== label);
    return aliases.length ? { label, color: '', aliases } : { label, color: '' };
  });

  // Stage order when most options are known stages.
  const known = options.map((o) => knownStage(o.label));
  const knownCount = known.filter((k) => k !== null).length;
  let stages: InferredOptions['stages'] = null;
  if (knownCount >= 2 && knownCount * 10 >= options.length * 6) {
    const order = options.map((o, i) => ({ o, k: known[i], i }));
    order.sort((a, b) => (a.k?.step ?? 5.5) - (b.k?.step ?? 5.5) || a.i - b.i);
    options = order.map((x) => ({ ...x.o, color: STAGE_COLORS[Math.min(x.k?.step ?? 3, STAGE_COLORS.length - 1)] }));
    const won = order.find((x) => x.k?.kind === 'won');
    const lost = order.find((x) => x.k?.kind === 'lost');
    if (won && lost) stages = { won: won.o.label, lost: lost.o.label };
  } else {
    options = options.map((o, i) => ({ ...o, color: paletteColor(i) }));
  }
  return { options, stages, folded };
}
