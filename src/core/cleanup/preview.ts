/**
 * The preview of a cleanup plan for the sidebar and the menu's confirmation: counts by kind with a few
 * before → after samples, the first values left as they are and why, and a fingerprint that names
 * exactly the plan shown (so an apply can tell that the table changed since).
 */
import { fnv, FNV_START } from '../change/snapshot';
import { t, type Locale } from '../i18n';
import { a1 } from '../table/a1';
import type { CleanupPreview } from '../api/cleanup';
import { LEFT_SHOWN, SAMPLES_PER_KIND } from '../api/cleanup';
import { kindLabel, leftMessage } from './messages';
import { CHANGE_KINDS, type ChangeKind, type CleanupPlan } from './plan';

const imul = Math.imul;

const KIND_INDEX = Object.fromEntries(CHANGE_KINDS.map((k, i) => [k, i])) as Record<ChangeKind, number>;

function shown(v: unknown): string {
  const s = v instanceof Date ? v.toISOString().slice(0, 10) : String(v);
  return s.length > 200 ? `${s.slice(0, 200)}…` : s;
}

/**
 * `plan` is the full plan (every kind); `off` the kinds switched off; `firstRow` the sheet row of data
 * row 0 and `firstColumn` the sheet column of index 0.
 */
export function previewOf(plan: CleanupPlan, off: ReadonlySet<ChangeKind>, sheetName: string, firstRow: number, firstColumn: number, locale: Locale): CleanupPreview {
  const samples = new Map<ChangeKind, CleanupPreview['kinds'][number]['samples']>();
  let h = fnv(FNV_START, [...off].sort().join(','));
  for (const ch of plan.changes) {
    if (!off.has(ch.kind)) {
      // Where and what kind: a re-read table whose plan still changes the same cells in the same ways is
      // the plan the user confirmed (its values are re-computed from the fresh read before writing).
      h = (imul(h, 31) + ch.row) | 0;
      h = (imul(h, 31) + ch.column) | 0;
      h = (imul(h, 31) + KIND_INDEX[ch.kind]) | 0;
    }
    const list = samples.get(ch.kind) ?? [];
    if (list.length < SAMPLES_PER_KIND) list.push({ a1: a1(firstRow + ch.row, firstColumn + ch.column), from: shown(ch.fromFormula ?? ch.from), to: shown(ch.to) });
    samples.set(ch.kind, list);
  }
  if (!off.has('emptyRow')) h = fnv(h, `e:${plan.emptyRows.join(',')}`);
  const rowSamples = plan.emptyRows.slice(0, SAMPLES_PER_KIND).map((r) => ({ a1: `${firstRow + r}:${firstRow + r}`, from: '', to: '' }));
  samples.set('emptyRow', rowSamples);
  const kinds = CHANGE_KINDS.filter((k) => plan.counts[k] > 0).map((k) => ({
    kind: k, label: kindLabel(locale, k), count: plan.counts[k], on: !off.has(k), samples: samples.get(k) ?? [],
  }));
  const total = kinds.reduce((n, k) => n + (k.on ? k.count : 0), 0);
  return {
    sheetName,
    rows: plan.rows,
    fingerprint: `${(h >>> 0).toString(16).padStart(8, '0')}:${total}:${plan.left.length}`,
    kinds,
    left: plan.left.slice(0, LEFT_SHOWN).map((l) => ({ a1: a1(firstRow + l.row, firstColumn + l.column), value: shown(l.value), message: leftMessage(locale, l.code, l.hint) })),
    leftCount: plan.left.length,
    total,
  };
}

/** The menu's confirmation: what will change by kind, and what is left. */
export function confirmText(p: CleanupPreview, locale: Locale): string {
  const zh = locale === 'zh-CN';
  const lines = p.kinds.filter((k) => k.on).map((k) => {
    const s = k.samples[0];
    const sample = s && k.kind !== 'emptyRow' ? (zh ? `（${s.from} → ${s.to}）` : `  (${s.from} → ${s.to})`) : '';
    return `• ${k.label}${zh ? '：' : ': '}${k.count}${sample}`;
  });
  let text = t(locale, 'cleanup.confirm', { sheet: p.sheetName, rows: p.rows, kinds: lines.join('\n') });
  if (p.leftCount > 0) {
    const first = p.left.slice(0, 3).map((l) => `${l.a1} ${l.message}`).join('; ');
    text += `\n\n${t(locale, 'cleanup.leftLine', { count: p.leftCount, first })}`;
  }
  return text;
}
