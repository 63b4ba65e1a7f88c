/**
 * The Duplicates panel: the table's duplicate clusters (getDuplicates, nothing written) with their
 * score and why (which columns agreed, which differed), the records side by side with the columns
 * whose values differ marked, and per cluster:
 * - which record is kept (a survivor policy for all groups: most complete, most recently updated,
 *   oldest; or a record picked by hand),
 * - a value per differing column ("Choose values": by the rules, or one record's value),
 * - "Not in this group" under a record (removeFromGroup: remembered, the record is not proposed with
 *   these again), "Not duplicates" (markNotDuplicates: the whole group, remembered),
 * - "Merge" (mergeDuplicates through the change pipeline; "Undo the last ClientFlow change" puts it back),
 * and "Merge all groups scoring at least X%" (mergeGroups: one change for all). Every merge sends the
 * records as shown, so the add-on merges nothing when the sheet changed since (it answers with the
 * groups checked again), and backs the table up first when "Back up the table first" is ticked (on by
 * default). The merge rules are said in the panel. Values came from cells: set as text only (h() makes
 * text nodes).
 */
import { joinList } from '../../core/i18n';
import type { DuplicatesReport, MergeGroup } from '../../core/api/dedupe';
import { h, replaceChildren } from '../dom';
import { registerPanel, type PanelContext } from '../panel-registry';

type ClusterView = DuplicatesReport['clusters'][number];
type Policy = 'complete' | 'recent' | 'oldest';
const POLICIES: readonly Policy[] = ['complete', 'recent', 'oldest'];

function norm(s: string): string {
  return s.trim().toLowerCase().replace(/\s+/g, ' ');
}

/** What the user chose for one cluster (kept across re-renders of the same report). */
interface Picks { survivor?: string; values: Map<number, string> }

interface State {
  policy: Policy;
  backup: boolean;
  minScore: number;
  picks: Map<string, Picks>;
}

const percent = (score: number) => Math.floor(score * 1000) / 10;

function picksOf(state: State, c: ClusterView): Picks {
  const key = c.records.map((r) => r.fingerprint).join('|');
  let p = state.picks.get(key);
  if (!p) {
    p = { values: new Map() };
    state.picks.set(key, p);
  }
  return p;
}

/** The group as the add-on is asked to merge it: the records as shown, the picks. */
function groupOf(state: State, c: ClusterView): MergeGroup {
  const p = picksOf(state, c);
  return {
    fingerprints: c.records.map((r) => r.fingerprint),
    survivor: p.survivor,
    choices: [...p.values].map(([column, from]) => ({ column, from })),
    seen: c.records.map((r) => r.values),
  };
}

interface Actions { notDuplicates(): void; merge(): void; remove(fingerprint: string): void }

function clusterView(c: ClusterView, headers: readonly string[], ctx: PanelContext, state: State, act: Actions): HTMLElement {
  const { t } = ctx;
  const picks = picksOf(state, c);
  // A column is shown when a record has a value in it; it is marked when the records' values differ.
  const shown = headers.map((_, i) => i).filter((i) => c.records.some((r) => (r.values[i] ?? '').trim() !== ''));
  const differs = (i: number) => new Set(c.records.map((r) => norm(r.values[i] ?? '')).filter((v) => v !== '')).size > 1;
  const kept = picks.survivor ?? c.records[c.survivors[state.policy]]?.fingerprint;
  const name = `cf-keep-${c.id}`;
  // What the rules give under the policy; with a record kept by hand the add-on works it out.
  const byRules = state.policy === 'complete' ? c.merged : c.mergedBy[state.policy];
  const auto = (i: number) => (picks.survivor === undefined ? t('dedupe.panel.auto', { value: byRules[i] ?? '' }) : t('dedupe.panel.autoKept'));
  const choosers = shown.filter(differs).map((i) =>
    h('label', { class: 'cf-dupe-choice', 'data-column': headers[i] ?? '' },
      h('span', null, headers[i] ?? ''), ' ',
      h('select', {
        class: 'cf-dupe-choose',
        onchange: (ev) => {
          const v = (ev.target as HTMLSelectElement).value;
          if (v === '') picks.values.delete(i); else picks.values.set(i, v);
        },
      },
      h('option', { value: '', selected: !picks.values.has(i) }, auto(i)),
      c.records.map((r) => h('option', { value: r.fingerprint, selected: picks.values.get(i) === r.fingerprint }, `${r.row}: ${r.values[i] ?? ''}`)))),
  );
  return h(
    'div',
    { class: `cf-dupe-cluster cf-dupe-${c.band}`, 'data-cluster': c.id },
    h('h3', null, t('dedupe.panel.group', { id: c.id, band: t(c.band === 'sure' ? 'dedupe.panel.band.sure' : 'dedupe.panel.band.review'), score: percent(c.score) })),
    c.agreed.length ? h('p', { class: 'cf-dupe-agreed' }, t('dedupe.panel.agreed', { list: joinList(ctx.locale, c.agreed) })) : null,
    c.differed.length ? h('p', { class: 'secondary cf-dupe-differed' }, t('dedupe.panel.differed', { list: joinList(ctx.locale, c.differed) })) : null,
    h(
      'table',
      { class: 'cf-dupe-records' },
      h('tr', null, h('th', null, t('dedupe.panel.row')), c.records.map((r) => h('th', null, String(r.row)))),
      h('tr', { class: 'cf-dupe-keep-row' }, h('th', null, t('dedupe.panel.keep')), c.records.map((r) =>
        h('td', null, h('input', {
          type: 'radio', name, class: 'cf-dupe-keep', 'data-fingerprint': r.fingerprint, checked: r.fingerprint === kept,
          onchange: () => { picks.survivor = r.fingerprint; },
        })))),
      shown.map((i) =>
        h(
          'tr',
          { class: differs(i) ? 'cf-dupe-diff' : 'cf-dupe-same' },
          h('th', null, headers[i] ?? ''),
          c.records.map((r) => h('td', null, r.values[i] ?? '')),
        ),
      ),
      // Taking one record out of a group of two is "Not duplicates": offered from three records on.
      c.records.length > 2
        ? h('tr', { class: 'cf-dupe-remove-row' }, h('th', null, ''), c.records.map((r) =>
          h('td', null, h('button', { type: 'button', class: 'cf-dupe-remove', 'data-fingerprint': r.fingerprint, onclick: () => act.remove(r.fingerprint) }, t('dedupe.panel.remove')))))
        : null,
    ),
    choosers.length ? h('details', { class: 'cf-dupe-choices' }, h('summary', null, t('dedupe.panel.choose')), choosers) : null,
    h('button', { type: 'button', class: 'action cf-dupe-merge', onclick: act.merge }, t('dedupe.panel.merge')),
    ' ',
    h('button', { type: 'button', class: 'cf-dupe-notdup', onclick: act.notDuplicates }, t('dedupe.panel.notDuplicates')),
  );
}

function view(rep: DuplicatesReport, ctx: PanelContext, state: State, reload: (r: DuplicatesReport) => void): HTMLElement {
  const { t } = ctx;
  const after = (r: DuplicatesReport | undefined) => {
    if (!r) return;
    if (r.notice) ctx.showNotice(r.notice);
    reload(r);
  };
  const opts = () => ({ policy: state.policy, backup: state.backup });
  const act = (c: ClusterView): Actions => ({
    notDuplicates: () => void ctx.busy(() => ctx.call('markNotDuplicates', c.records.map((x) => x.fingerprint))).then(after),
    merge: () => {
      const g = groupOf(state, c);
      void ctx.busy(() => ctx.call('mergeDuplicates', g.fingerprints, { ...opts(), survivor: g.survivor, choices: g.choices, seen: g.seen })).then(after);
    },
    remove: (fp) => void ctx.busy(() => ctx.call('removeFromGroup', fp, c.records.map((x) => x.fingerprint).filter((x) => x !== fp))).then(after),
  });
  const above = () => rep.clusters.filter((c) => percent(c.score) >= state.minScore);
  const count = h('span', { class: 'cf-dupe-above-count' }, t('dedupe.panel.mergeAboveButton', { count: above().length }));
  const mergeAbove = h('button', {
    type: 'button', class: 'cf-dupe-merge-above', disabled: above().length === 0,
    onclick: () => {
      const groups = above().map((c) => groupOf(state, c));
      if (groups.length === 0) return;
      void ctx.busy(() => ctx.call('mergeGroups', groups, { ...opts(), minScore: Math.min(1, state.minScore / 100) })).then(after);
    },
  }, count);
  const rerender = () => reload(rep);
  return h(
    'div',
    { class: 'cf-dupe-body' },
    h('p', { class: 'cf-dupe-message' }, rep.message),
    rep.clusters.length
      ? [
        h('p', { class: 'secondary cf-dupe-rules' }, t('dedupe.panel.rules')),
        h('label', { class: 'cf-dupe-policy' }, t('dedupe.panel.policy'), ' ',
          h('select', {
            class: 'cf-dupe-policy-select',
            onchange: (ev) => {
              state.policy = (ev.target as HTMLSelectElement).value as Policy;
              for (const p of state.picks.values()) p.survivor = undefined;
              rerender();
            },
          }, POLICIES.map((p) => h('option', { value: p, selected: state.policy === p }, t(`dedupe.panel.policy.${p}`))))),
        h('label', { class: 'cf-dupe-backup' },
          h('input', { type: 'checkbox', class: 'cf-dupe-backup-box', checked: state.backup, onchange: (ev) => { state.backup = (ev.target as HTMLInputElement).checked; } }),
          ' ', t('backup.first')),
        h('div', { class: 'block cf-dupe-above' },
          h('label', null, t('dedupe.panel.mergeAbove'), ' ',
            h('input', {
              type: 'number', class: 'cf-dupe-min-score', min: 0, max: 100, step: 1, value: state.minScore,
              oninput: (ev) => {
                const v = Number((ev.target as HTMLInputElement).value);
                state.minScore = Number.isFinite(v) ? Math.max(0, Math.min(100, v)) : 100;
                count.textContent = t('dedupe.panel.mergeAboveButton', { count: above().length });
                mergeAbove.disabled = above().length === 0;
              },
            }), ' %'),
          ' ', mergeAbove),
        rep.clusters.map((c) => clusterView(c, rep.headers, ctx, state, act(c))),
      ]
      : h('p', { class: 'secondary cf-dupe-none' }, ctx.t('dedupe.panel.none')),
  );
}

function render(container: HTMLElement, ctx: PanelContext): void {
  const state: State = { policy: 'complete', backup: true, minScore: 95, picks: new Map() };
  const out = h('div', { class: 'cf-dupe-results' });
  const show = (r: DuplicatesReport) => replaceChildren(out, view(r, ctx, state, show));
  const load = async () => {
    const r = await ctx.busy(() => ctx.call('getDuplicates'));
    if (r) show(r);
  };
  replaceChildren(
    container,
    h(
      'div',
      { class: 'block' },
      h('p', { class: 'secondary' }, ctx.t('dedupe.panel.intro')),
      h('button', { type: 'button', class: 'action cf-dupe-load', onclick: () => void load() }, ctx.t('dedupe.panel.load')),
    ),
    out,
  );
}

registerPanel({ id: 'duplicates', titleKey: 'sidebar.dedupe.title', group: 'quality', order: 50, render });
