/**
 * The Follow-ups panel: clients whose next follow-up is overdue or due today, and clients with no
 * contact for more than the table's stale days or their stage's own (getFollowUps, refreshed on demand), each with a "go to"
 * that selects its date cell in the sheet (goToCell). Names and dates came from cells: text only.
 */
import type { FollowUpsView } from '../../core/api/check';
import { inParens } from '../../core/i18n';
import { h, replaceChildren } from '../dom';
import { registerPanel, type PanelContext } from '../panel-registry';

type Item = FollowUpsView['overdue'][number];

function list(title: string, kind: string, items: readonly Item[], ctx: PanelContext): HTMLElement {
  const goTo = async (row: number, column: number) => {
    await ctx.busy(() => ctx.call('goToCell', row, column));
  };
  return h(
    'div',
    { class: `cf-followups-group cf-followups-${kind}` },
    h('h3', null, title, ctx.locale === 'zh-CN' ? '' : ' ', h('span', { class: 'secondary cf-followups-count' }, inParens(ctx.locale, String(items.length)))),
    items.length
      ? h('ul', { class: 'cf-followups-list' }, items.map((f) =>
          h('li', { class: 'cf-followup' },
            h('span', { class: 'cf-followup-label' }, f.label), ' ',
            f.stage ? h('span', { class: 'secondary cf-followup-stage' }, f.stage) : null, ' ',
            h('button', { type: 'button', class: 'cf-goto', onclick: () => void goTo(f.row, f.column) }, ctx.t('check.goTo')))))
      : h('p', { class: 'secondary' }, ctx.t('followups.none')),
  );
}

function render(container: HTMLElement, ctx: PanelContext): void {
  const { t } = ctx;
  const out = h('div', { class: 'cf-followups-results' });
  const load = async () => {
    const v = await ctx.busy(() => ctx.call('getFollowUps'));
    if (!v) return;
    replaceChildren(
      out,
      h('p', { class: 'cf-followups-message' }, v.message),
      list(t('followups.overdue'), 'overdue', v.overdue, ctx),
      list(t('followups.due'), 'due', v.due, ctx),
      // The title says each stage's own days too (made by the add-on; the table's days alone as a fallback).
      list(v.staleTitle || t('followups.stale', { days: v.staleDays }), 'stale', v.stale, ctx),
    );
  };
  replaceChildren(
    container,
    h(
      'div',
      { class: 'block' },
      h('p', { class: 'secondary' }, t('followups.intro')),
      h('button', { type: 'button', class: 'action cf-followups-refresh', onclick: () => void load() }, t('followups.refresh')),
    ),
    out,
  );
}

registerPanel({ id: 'followups', titleKey: 'followups.title', group: 'clients', order: 45, render });
