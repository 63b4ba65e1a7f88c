/**
 * The Help panel: what each action of this build does (from the add-on's menu, so only actions that
 * exist are shown), what each color means, how undo works, what Sheets cannot enforce, how to report a
 * problem, and the About line with the version. All text is set as text.
 */
import { h, replaceChildren } from '../dom';
import { registerPanel, type PanelContext } from '../panel-registry';

function render(container: HTMLElement, ctx: PanelContext): void {
  const { t } = ctx;
  const body = h('div', { class: 'cf-help' });
  replaceChildren(container, body);
  void ctx
    .busy(() => ctx.call('getHelp'))
    .then((help) => {
      if (!help) return;
      replaceChildren(
        body,
        h('p', { class: 'cf-about secondary' }, help.about),
        h('h3', null, t('help.actions.title')),
        h(
          'dl',
          { class: 'cf-help-actions' },
          help.actions.map((a) => [h('dt', { 'data-fn': a.fn }, a.label), h('dd', null, a.text)]),
        ),
        h('h3', null, t('help.colors.title')),
        h(
          'ul',
          { class: 'cf-help-colors' },
          help.colors.map((c) =>
            h(
              'li',
              null,
              h('span', { class: 'cf-swatch', style: `background:${c.background};${c.fontColor ? `color:${c.fontColor};` : ''}` }, 'Aa'),
              ' ',
              c.text,
            ),
          ),
        ),
        help.sections.map((s) =>
          h('section', { class: 'cf-help-section', 'data-section': s.id }, h('h3', null, s.title), h('p', null, s.text)),
        ),
      );
    });
}

registerPanel({ id: 'help', titleKey: 'sidebar.help.title', group: 'help', order: 90, render });
