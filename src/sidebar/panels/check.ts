/**
 * The Check panel: "Check all rows" (validateTable) refreshes every flag of ours and shows the report:
 * counts per column and per problem, the broken cells page by page (getCheckPage: nothing written), each
 * with a "go to" that selects it in the sheet (goToCell) and how cleanup can mend it, and the legend of
 * every color the table uses (the colors come from the add-on's rule definitions). Headers, messages
 * and hints can carry cell text: they are set as text only.
 */
import type { z } from 'zod/mini';
import type { validateReportSchema } from '../../core/api/setup';
import { h, replaceChildren } from '../dom';
import { registerPanel, type PanelContext } from '../panel-registry';
import { openedOn } from '../open';

type Report = z.output<typeof validateReportSchema>;

function legendView(report: Report, ctx: PanelContext): HTMLElement {
  return h(
    'div',
    { class: 'cf-legend' },
    h('h3', null, ctx.t('check.legend')),
    h('ul', { class: 'cf-legend-list' }, report.legend.map((e) =>
      h('li', { class: `cf-legend-item cf-legend-${e.kind}` },
        h('span', { class: 'cf-swatch', style: `display:inline-block;width:1.4em;height:1em;vertical-align:middle;border:1px solid #ccc;margin-right:6px;background:${/^#[0-9a-fA-F]{3,8}$/.test(e.background) ? e.background : '#ffffff'}` }),
        h('span', { class: 'cf-legend-label' }, e.label)),
    )),
  );
}

function reportView(report: Report, ctx: PanelContext, reload: (page: number) => void): HTMLElement {
  const { t } = ctx;
  const goTo = async (row: number, column: number) => {
    await ctx.busy(() => ctx.call('goToCell', row, column));
  };
  return h(
    'div',
    { class: 'cf-check-report' },
    report.byColumn.length
      ? h('div', { class: 'cf-check-counts' },
          h('h3', null, t('check.byColumn')),
          h('table', { class: 'cf-check-bycolumn' }, report.byColumn.map((c) => h('tr', null, h('td', null, c.header), h('td', null, c.count)))),
          h('h3', null, t('check.byProblem')),
          h('table', { class: 'cf-check-byproblem' }, report.byProblem.map((p) => h('tr', null, h('td', null, p.message), h('td', null, p.count)))))
      : null,
    report.cells.length
      ? h('div', null,
          h('h3', null, t('check.cells')),
          h('ul', { class: 'cf-cells' }, report.cells.map((c) =>
            h('li', { class: 'cf-cell' },
              h('b', { class: 'cf-a1' }, c.a1), ' ',
              h('span', { class: 'secondary cf-cell-header' }, c.header), ' ',
              c.row !== undefined && c.column !== undefined ? h('button', { type: 'button', class: 'cf-goto', onclick: () => void goTo(c.row as number, c.column as number) }, t('check.goTo')) : null,
              h('div', { class: 'cf-cell-message' }, c.message),
              c.hint ? h('div', { class: 'secondary cf-cell-hint' }, c.hint) : null))),
          report.pages > 1
            ? h('div', { class: 'cf-pager' },
                h('button', { type: 'button', class: 'cf-prev', disabled: report.page === 0, onclick: () => reload(report.page - 1) }, t('check.prev')), ' ',
                h('span', { class: 'cf-page' }, t('check.pageOf', { page: report.page + 1, pages: report.pages })), ' ',
                h('button', { type: 'button', class: 'cf-next', disabled: report.page >= report.pages - 1, onclick: () => reload(report.page + 1) }, t('check.next')))
            : null)
      : null,
    legendView(report, ctx),
  );
}

function render(container: HTMLElement, ctx: PanelContext): void {
  const { t } = ctx;
  const results = h('div', { class: 'cf-check-results' });
  let message: Node | null = null;
  const show = (report: Report, fresh: boolean) => {
    if (fresh) message = h('div', null, h('p', { class: 'cf-check-message' }, report.message), h('p', { class: 'secondary cf-check-flags' }, (report.flagsChanged === 0 ? t('check.flagsNone') : t('check.flagsChanged', { count: report.flagsChanged }))));
    replaceChildren(results, message, reportView(report, ctx, (page) => void page_(page)));
  };
  const page_ = async (page: number) => {
    const report = await ctx.busy(() => ctx.call('getCheckPage', page));
    if (report) show(report, false);
  };
  const run = async () => {
    const report = await ctx.busy(() => ctx.call('validateTable'));
    if (report) show(report, true);
  };
  replaceChildren(
    container,
    h(
      'div',
      { class: 'block' },
      h('p', { class: 'secondary' }, t('sidebar.check.intro')),
      h('button', { type: 'button', class: 'action cf-check-button', onclick: () => void run() }, t('sidebar.check.run')),
    ),
    results,
  );
  // Opened by "Check all rows" from the menu: the flags are already refreshed; show the report.
  if (openedOn('check')) void page_(0);
}

registerPanel({ id: 'check', titleKey: 'sidebar.check.title', group: 'quality', order: 20, render });
