/**
 * The Duplicates panel: the table's duplicate clusters (getDuplicates, nothing written) with their
 * score and why (which columns agreed, which differed), the records side by side with the columns
 * whose values differ marked, and a "Not duplicates" button per cluster (markNotDuplicates: the pairs
 * are remembered and not proposed again) and a "Merge" button (mergeDuplicates: through the change
 * pipeline; "Undo the last ClientFlow change" puts it back). Values came from cells: set as text only (h() makes text
 * nodes).
 */
import type { DuplicatesReport } from '../../core/api/dedupe';
import { h, replaceChildren } from '../dom';
import { registerPanel, type PanelContext } from '../panel-registry';

type ClusterView = DuplicatesReport['clusters'][number];

function norm(s: string): string {
  return s.trim().toLowerCase().replace(/\s+/g, ' ');
}

function clusterView(c: ClusterView, headers: readonly string[], ctx: PanelContext, onNotDuplicates: () => void, onMerge: () => void): HTMLElement {
  const { t } = ctx;
  // A column is shown when a record has a value in it; it is marked when the records' values differ.
  const shown = headers.map((_, i) => i).filter((i) => c.records.some((r) => (r.values[i] ?? '').trim() !== ''));
  const differs = (i: number) => new Set(c.records.map((r) => norm(r.values[i] ?? '')).filter((v) => v !== '')).size > 1;
  return h(
    'div',
    { class: `cf-dupe-cluster cf-dupe-${c.band}`, 'data-cluster': c.id },
    h('h3', null, t('dedupe.panel.group', { id: c.id, band: t(c.band === 'sure' ? 'dedupe.panel.band.sure' : 'dedupe.panel.band.review'), score: Math.floor(c.score * 1000) / 10 })),
    c.agreed.length ? h('p', { class: 'cf-dupe-agreed' }, t('dedupe.panel.agreed', { list: c.agreed.join(', ') })) : null,
    c.differed.length ? h('p', { class: 'secondary cf-dupe-differed' }, t('dedupe.panel.differed', { list: c.differed.join(', ') })) : null,
    h(
      'table',
      { class: 'cf-dupe-records' },
      h('tr', null, h('th', null, t('dedupe.panel.row')), c.records.map((r) => h('th', null, String(r.row)))),
      shown.map((i) =>
        h(
          'tr',
          { class: differs(i) ? 'cf-dupe-diff' : 'cf-dupe-same' },
          h('th', null, headers[i] ?? ''),
          c.records.map((r) => h('td', null, r.values[i] ?? '')),
        ),
      ),
    ),
    h('button', { type: 'button', class: 'action cf-dupe-merge', onclick: onMerge }, t('dedupe.panel.merge')),
    ' ',
    h('button', { type: 'button', class: 'cf-dupe-notdup', onclick: onNotDuplicates }, t('dedupe.panel.notDuplicates')),
  );
}

function view(rep: DuplicatesReport, ctx: PanelContext, reload: (r: DuplicatesReport) => void): HTMLElement {
  const mark = (c: ClusterView) => async () => {
    const r = await ctx.busy(() => ctx.call('markNotDuplicates', c.records.map((x) => x.fingerprint)));
    if (r) reload(r);
  };
  const merge = (c: ClusterView) => async () => {
    const r = await ctx.busy(() => ctx.call('mergeDuplicates', c.records.map((x) => x.fingerprint)));
    if (r) reload(r);
  };
  return h(
    'div',
    { class: 'cf-dupe-body' },
    h('p', { class: 'cf-dupe-message' }, rep.message),
    rep.clusters.length
      ? rep.clusters.map((c) => clusterView(c, rep.headers, ctx, () => void mark(c)(), () => void merge(c)()))
      : h('p', { class: 'secondary cf-dupe-none' }, ctx.t('dedupe.panel.none')),
  );
}

function render(container: HTMLElement, ctx: PanelContext): void {
  const out = h('div', { class: 'cf-dupe-results' });
  const show = (r: DuplicatesReport) => replaceChildren(out, view(r, ctx, show));
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
