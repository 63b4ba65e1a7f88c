/**
 * The Funnel panel: the key figures of the table's funnel with the Funnel sheet's filters
 * (getFunnelSummary), the steps that leak most, and a button that builds or refreshes the Funnel sheet
 * (buildFunnel, the menu's build). Stage names, owners and values came from cells: they are set as
 * text only (h() makes text nodes).
 */
import { joinList, withAside } from '../../core/i18n';
import type { FunnelSummary } from '../../core/api/funnel';
import { h, replaceChildren } from '../dom';
import { registerPanel, type PanelContext } from '../panel-registry';

function pct(x: number | null): string {
  return x === null ? '—' : `${Math.round(x * 1000) / 10}%`;
}

function num(x: number, digits = 0): string {
  return x.toLocaleString(undefined, { maximumFractionDigits: digits });
}

function view(s: FunnelSummary, ctx: PanelContext, built: boolean): HTMLElement {
  const { t } = ctx;
  const figure = (label: string, value: string, cls: string) =>
    h('div', { class: `cf-funnel-figure ${cls}` }, h('span', { class: 'secondary' }, label), ' ', h('b', null, value));
  const top = s.stages[0]?.reached ?? 0;
  return h(
    'div',
    { class: 'cf-funnel-body' },
    built && s.message ? h('p', { class: 'cf-funnel-message' }, s.message) : null,
    s.sheet === null ? h('p', { class: 'secondary cf-funnel-nosheet' }, t('funnel.panel.noSheet')) : null,
    s.filters.length ? h('p', { class: 'secondary cf-funnel-filters' }, t('funnel.panel.filtered', { filters: s.filters.join(' · ') })) : null,
    h(
      'div',
      { class: 'cf-funnel-figures' },
      figure(t('funnel.panel.clients'), num(s.clients), 'cf-funnel-clients'),
      figure(t('funnel.report.winRate'), pct(s.winRate), 'cf-funnel-winrate'),
      figure(t('funnel.report.won'), num(s.won), 'cf-funnel-won'),
      figure(t('funnel.report.lost'), num(s.lost), 'cf-funnel-lost'),
      figure(t('funnel.report.cycle'), s.avgCycleDays === null ? '—' : t('funnel.report.days', { n: num(s.avgCycleDays, 1) }), 'cf-funnel-cycle'),
      figure(t('funnel.report.open'), num(s.openValue, 2), 'cf-funnel-open'),
    ),
    h(
      'table',
      { class: 'cf-funnel-stages' },
      h('tr', null, h('th', null, t('funnel.report.stage')), h('th', null, t('funnel.report.reached')), h('th', null, t('funnel.report.conversion'))),
      s.stages.map((st) =>
        h(
          'tr',
          { class: 'cf-funnel-stage' },
          h('td', null, st.label),
          h('td', null, num(st.reached)),
          h('td', null, pct(st.conversion)),
          // A bar as wide as the stage's share of the top (a small funnel).
          h('td', { class: 'cf-funnel-barcell' }, h('div', { class: 'cf-funnel-bar', style: `width:${top ? Math.round((st.reached / top) * 60) : 0}px` })),
        ),
      ),
    ),
    h('h3', null, t('funnel.panel.leaks')),
    s.leaks.length
      ? h('ul', { class: 'cf-funnel-leaks' }, s.leaks.map((l) => h('li', { class: 'cf-funnel-leak' }, t('funnel.panel.leak', { from: l.from, to: l.to, keep: pct(l.keep), lost: num(l.lost) }))))
      : h('p', { class: 'secondary' }, t('funnel.panel.noLeaks')),
    s.unmapped.length
      ? h('p', { class: 'cf-funnel-unmapped' }, t('funnel.panel.unmapped', { values: joinList(ctx.locale, s.unmapped.map((u) => withAside(ctx.locale, u.value, String(u.count)))) }))
      : null,
  );
}

function render(container: HTMLElement, ctx: PanelContext): void {
  const { t } = ctx;
  const out = h('div', { class: 'cf-funnel-results' });
  const load = async () => {
    const s = await ctx.busy(() => ctx.call('getFunnelSummary'));
    if (s) replaceChildren(out, view(s, ctx, false));
  };
  const rebuild = async () => {
    const s = await ctx.busy(() => ctx.call('buildFunnel'));
    if (s) replaceChildren(out, view(s, ctx, true));
  };
  replaceChildren(
    container,
    h(
      'div',
      { class: 'block' },
      h('p', { class: 'secondary' }, t('funnel.panel.intro')),
      h('button', { type: 'button', class: 'cf-funnel-load', onclick: () => void load() }, t('funnel.panel.load')),
      ' ',
      h('button', { type: 'button', class: 'action cf-funnel-rebuild', onclick: () => void rebuild() }, t('funnel.panel.rebuild')),
    ),
    out,
  );
}

registerPanel({ id: 'funnel', titleKey: 'sidebar.funnel.title', group: 'funnel', order: 40, render });
