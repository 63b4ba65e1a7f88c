/**
 * The funnel of a table: per stage in order, who reached it, who is in it now, conversions, drop-off,
 * days spent in it and the deal value in it; overall won, lost, win rate, cycle length and open value.
 *
 * Reached ("got at least that far"):
 * - without a history, a client's current stage implies every earlier one; a lost client counts at the
 *   first stage (nothing else is known of how far it got);
 * - with a history, a client's furthest stage is the furthest of its current stage and every stage its
 *   history names (from or to), so a lost client counts up to where it got, and a client moved back
 *   still counts where it had been. Clients with no history rows count by their current stage.
 * Days in stage: completed stays only, from entering a stage (a change to it, or the row's creation for
 * the stage its first change leaves) to the next change. A change that only respells a stage
 * (Won → 成交) is no change. History rows of clients not in the table are counted and set aside.
 *
 * Pure; O(rows + changes · log(changes per client)).
 */
import { foldKey } from '../fields/dropdown';
import { calendarParts, dateToSerial } from '../fields/calendar';
import { mergeVariantOptions, optionResolver, stageOutcomes } from '../options/variants';
import type { FunnelFilters, FunnelInput, FunnelRecord, FunnelResult, FunnelStage, StageField, ValueCount } from './types';


/** Stage codes: a step's index (0…), or one of these. */
const LOST = -1;
const UNMAPPED = -2;
const EMPTY = -3;

export interface StageModel {
  /** Labels of the funnel's steps: the options but the lost one, the won one last. */
  steps: string[];
  won: string | null;
  lost: string | null;
  /** The code of a raw stage text: a step index, LOST, UNMAPPED or EMPTY. */
  code(raw: string): number;
}

export class NoStagesError extends Error {
  constructor() {
    super('noStages');
  }
}

/** The funnel's view of a stage field (variants merged into their option, outcomes found). */
export function stageModel(field: StageField): StageModel {
  const options = mergeVariantOptions(field.options);
  const { won, lost } = stageOutcomes(options, { won: field.won ?? null, lost: field.lost ?? null });
  const steps = options.map((o) => o.label).filter((l) => l !== lost && l !== won);
  if (won) steps.push(won);
  if (steps.length === 0) throw new NoStagesError();
  const index = new Map(steps.map((l, i) => [l, i]));
  const resolve = optionResolver(options, { stageVocabulary: true });
  const memo = new Map<string, number>();
  return {
    steps,
    won,
    lost,
    code(raw: string): number {
      const hit = memo.get(raw);
      if (hit !== undefined) return hit;
      let c: number;
      if (foldKey(raw) === '') c = EMPTY;
      else {
        const label = resolve(raw);
        c = label === null ? UNMAPPED : label === lost ? LOST : index.get(label) ?? UNMAPPED;
      }
      if (memo.size < 100000) memo.set(raw, c);
      return c;
    },
  };
}

/** The serial range [from, to) of a created-period filter; null when none is set. */
function periodRange(f: FunnelFilters['created'], now: Date, timeZone: string): [number, number] | null {
  if (!f) return null;
  const day = (s: string | null | undefined): number | null => {
    const m = s ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(s) : null;
    return m ? dateToSerial(+m[1], +m[2], +m[3]) : null;
  };
  if ('lastDays' in f) {
    const p = calendarParts(now, timeZone);
    if (!p) return null;
    const today = dateToSerial(p.y, p.m, p.d);
    return [today - Math.max(0, Math.floor(f.lastDays)) + 1, today + 1];
  }
  const from = day(f.from);
  const to = day(f.to);
  if (from === null && to === null) return null;
  return [from ?? -Infinity, to === null ? Infinity : to + 1];
}

/** Whether a record passes the filters (owner, channel, created period by the clock). */
export function recordFilter(filters: FunnelFilters | null | undefined, now: Date, timeZone: string): (r: FunnelRecord) => boolean {
  const f = filters ?? {};
  const ownerKey = f.owner ? foldKey(f.owner) : '';
  const channelKey = f.channel ? foldKey(f.channel) : '';
  const period = periodRange(f.created, now, timeZone);
  return (r) => !((ownerKey && foldKey(r.owner) !== ownerKey) || (channelKey && foldKey(r.channel) !== channelKey)
    || (period && (r.created === null || r.created < period[0] || r.created >= period[1])));
}

function topCounts(counts: Map<string, number>): ValueCount[] {
  return [...counts.entries()]
    .map(([value, count]) => ({ value, count }))
    .sort((a, b) => b.count - a.count || (a.value < b.value ? -1 : a.value > b.value ? 1 : 0));
}

export function computeFunnel(input: FunnelInput): FunnelResult {
  const model = stageModel(input.stage);
  const n = model.steps.length;
  const wonIdx = model.won === null ? -99 : n - 1;
  const passes = recordFilter(input.filters, input.now, input.timeZone);

  // Pass 1: the rows that count, their current stage and their furthest stage so far.
  const recs = input.records;
  const included: number[] = [];
  const cur: number[] = [];
  const furthest: number[] = [];
  const unmapped = new Map<string, number>();
  let filteredOut = 0;
  let noStage = 0;
  for (let i = 0; i < recs.length; i++) {
    const r = recs[i];
    if (!passes(r)) {
      filteredOut++;
      continue;
    }
    const c = model.code(r.stage);
    if (c === EMPTY) { noStage++; continue; }
    if (c === UNMAPPED) {
      const v = r.stage.trim();
      unmapped.set(v, (unmapped.get(v) ?? 0) + 1);
      continue;
    }
    included.push(i);
    cur.push(c);
    furthest.push(c);
  }
  const m = included.length;

  // Pass 2: the history, bucketed per included client (first row of each ID), in time order.
  const stayDays = new Float64Array(n);
  const stayCount = new Int32Array(n);
  const wonAt: Array<number | null> = new Array<number | null>(m).fill(null);
  let historyOut: FunnelResult['history'] = null;
  const history = input.history;
  if (history) {
    // The first included row of each ID: set from the last row up, so the first one is set last (one
    // Map operation per row).
    const pos = new Map<string, number>();
    for (let j = m - 1; j >= 0; j--) {
      const id = recs[included[j]].id.trim();
      if (id !== '') pos.set(id, j);
    }
    // Every ID of the table, filtered or not (built at the first history row not among the included).
    let allIds: Set<string> | null = null;
    const client = new Int32Array(history.length).fill(-1);
    const start = new Int32Array(m + 1);
    let orphans = 0;
    for (let k = 0; k < history.length; k++) {
      const id = history[k].id.trim();
      const j = pos.get(id);
      if (j === undefined) {
        if (!allIds) {
          allIds = new Set<string>();
          for (const r of recs) if (r.id.trim() !== '') allIds.add(r.id.trim());
        }
        if (!allIds.has(id)) orphans++;
        continue;
      }
      client[k] = j;
      start[j + 1]++;
    }
    for (let j = 0; j < m; j++) start[j + 1] += start[j];
    const fill = start.slice(0, m);
    const order = new Int32Array(start[m]);
    for (let k = 0; k < history.length; k++) if (client[k] >= 0) order[fill[client[k]]++] = k;

    const hUnmapped = new Map<string, number>();
    let variantOnly = 0;
    const codeOf = (raw: string): number => {
      const c = model.code(raw);
      if (c === UNMAPPED) {
        const v = raw.trim();
        hUnmapped.set(v, (hUnmapped.get(v) ?? 0) + 1);
      }
      return c;
    };
    const when = new Float64Array(history.length);
    for (let k = 0; k < history.length; k++) when[k] = history[k].when;
    for (let j = 0; j < m; j++) {
      const s = start[j];
      const e = start[j + 1];
      if (s === e) continue;
      // This client's changes by time (file order among equal times): an insertion sort for the usual
      // few, a library sort for a long history.
      if (e - s > 32) order.subarray(s, e).sort((x, y) => when[x] - when[y] || x - y);
      else for (let a = s + 1; a < e; a++) {
        const k = order[a];
        let b = a - 1;
        while (b >= s && (when[order[b]] > when[k] || (when[order[b]] === when[k] && order[b] > k))) { order[b + 1] = order[b]; b--; }
        order[b + 1] = k;
      }
      const created = recs[included[j]].created;
      let state = EMPTY;
      let since: number | null = null;
      let best = furthest[j];
      for (let q = s; q < e; q++) {
        const ch = history[order[q]];
        const from = codeOf(ch.from);
        const to = codeOf(ch.to);
        if (from >= 0 && from > best) best = from;
        if (to >= 0 && to > best) best = to;
        if (q === s) {
          state = from;
          since = created !== null && created <= ch.when ? created : null;
        }
        if (from === to && from !== UNMAPPED && from !== EMPTY) { variantOnly++; continue; }
        if (to === state && to !== UNMAPPED) { variantOnly++; continue; }
        if (state >= 0 && since !== null && ch.when >= since) {
          stayDays[state] += ch.when - since;
          stayCount[state]++;
        }
        state = to;
        since = ch.when;
        if (to === wonIdx) wonAt[j] = ch.when;
      }
      furthest[j] = best;
    }
    historyOut = { changes: history.length, used: start[m], orphans, variantOnly, unmapped: topCounts(hUnmapped) };
  }

  // Pass 3: counts.
  const atFurthest = new Int32Array(n);
  const nowIn = new Int32Array(n);
  const valueIn = new Float64Array(n);
  let won = 0;
  let lost = 0;
  let openValue = 0;
  let cycleSum = 0;
  let cycles = 0;
  for (let j = 0; j < m; j++) {
    const r = recs[included[j]];
    const c = cur[j];
    // A lost client of whom nothing else is known got as far as the first stage.
    atFurthest[Math.max(0, furthest[j])]++;
    const v = r.value ?? 0;
    if (c === LOST) { lost++; continue; }
    nowIn[c]++;
    valueIn[c] += v;
    if (c === wonIdx) {
      won++;
      const at = wonAt[j] ?? r.stageSince;
      if (at !== null && r.created !== null && at >= r.created) { cycleSum += at - r.created; cycles++; }
    } else openValue += v;
  }
  const reached = new Array<number>(n).fill(0);
  for (let s = n - 1, acc = 0; s >= 0; s--) { acc += atFurthest[s]; reached[s] = acc; }
  const stages: FunnelStage[] = model.steps.map((label, s) => ({
    label,
    reached: reached[s],
    now: nowIn[s],
    conversion: s === 0 ? 1 : reached[s - 1] === 0 ? 0 : reached[s] / reached[s - 1],
    fromTop: reached[0] === 0 ? 0 : reached[s] / reached[0],
    dropOff: s === n - 1 ? 0 : reached[s] - reached[s + 1],
    avgDays: stayCount[s] > 0 ? stayDays[s] / stayCount[s] : null,
    stays: stayCount[s],
    value: valueIn[s],
  }));
  return {
    stages,
    wonLabel: model.won,
    lostLabel: model.lost,
    won,
    lost,
    winRate: won + lost === 0 ? null : won / (won + lost),
    avgCycleDays: cycles === 0 ? null : cycleSum / cycles,
    cycles,
    openValue,
    clients: m,
    filteredOut,
    noStage,
    unmapped: topCounts(unmapped),
    history: historyOut,
  };
}

/**
 * The stages that leak most: the steps from one stage to the next that keep the smallest share of
 * their clients (lowest conversion into the next stage), worst first, among steps that had clients.
 */
export function biggestLeaks(r: FunnelResult, count = 2): Array<{ from: string; to: string; lost: number; keep: number }> {
  const steps: Array<{ from: string; to: string; lost: number; keep: number }> = [];
  for (let s = 0; s + 1 < r.stages.length; s++) {
    const a = r.stages[s];
    if (a.reached === 0) continue;
    steps.push({ from: a.label, to: r.stages[s + 1].label, lost: a.dropOff, keep: r.stages[s + 1].conversion });
  }
  return steps.sort((x, y) => x.keep - y.keep || y.lost - x.lost).slice(0, count);
}
