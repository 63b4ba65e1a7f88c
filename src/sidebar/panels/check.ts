/**
 * The Check panel: checks every cell of the table (validateTable) and lists the first broken cells.
 * Headers and messages can carry cell text: they are set as text only.
 */
import { h, replaceChildren } from '../dom';
import { registerPanel, type PanelContext } from '../panel-registry';

function render(container: HTMLElement, ctx: PanelContext): void {
  const { t } = ctx;
  const results = h('div', { class: 'cf-check-results' });
  const run = async () => {
    const report = await ctx.busy(() => ctx.call('validateTable'));
    if (!report) return;
    replaceChildren(
      results,
      h('p', { class: 'cf-check-message' }, report.message),
      report.cells.length > 0
        ? h(
            'ul',
            { class: 'cf-cells' },
            report.cells.map((c) =>
              h('li', { class: 'cf-cell' }, h('b', { class: 'cf-a1' }, c.a1), ' ', h('span', { class: 'secondary cf-cell-header' }, c.header), h('div', { class: 'cf-cell-message' }, c.message)),
            ),
          )
        : null,
      report.count > report.cells.length ? h('p', { class: 'secondary' }, t('sidebar.check.more', { count: report.count - report.cells.length })) : null,
    );
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
}

registerPanel({ id: 'check', titleKey: 'sidebar.check.title', order: 20, render });
