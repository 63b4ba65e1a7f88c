/**
 * The Protect panel: a checkbox per column of the table, the mode (warning for everyone, or only the
 * named editors) and the editors' emails; Save applies it. Headers are set as text only.
 */
import { h, replaceChildren, uid } from '../dom';
import { registerPanel, type PanelContext } from '../panel-registry';

type State = {
  sheetName: string;
  columns: Array<{ key: string; header: string; letter: string; protected: boolean }>;
  mode: 'warning' | 'editors';
  editors: string[];
};

function render(container: HTMLElement, ctx: PanelContext): void {
  const { t } = ctx;
  const form = h('div', { class: 'cf-protect' });
  const show = (s: State) => {
    const boxes = s.columns.map((c) => {
      const id = uid('cf-protect');
      const box = h('input', { type: 'checkbox', id, class: 'cf-protect-column', 'data-key': c.key, checked: c.protected });
      return { key: c.key, box, row: h('div', { class: 'cf-protect-row' }, box, h('label', { for: id }, `${c.letter}  ${c.header}`)) };
    });
    const group = uid('cf-mode');
    const warning = h('input', {
      type: 'radio',
      name: group,
      id: `${group}-w`,
      value: 'warning',
      class: 'cf-mode-warning',
      checked: s.mode === 'warning',
    });
    const editorsOnly = h('input', {
      type: 'radio',
      name: group,
      id: `${group}-e`,
      value: 'editors',
      class: 'cf-mode-editors',
      checked: s.mode === 'editors',
    });
    const editorsId = uid('cf-editors');
    const editors = h('input', { type: 'text', id: editorsId, class: 'cf-editors', value: s.editors.join(', ') });
    const save = async () => {
      const r = await ctx.busy(() =>
        ctx.call('saveProtection', {
          columns: boxes.filter((b) => b.box.checked).map((b) => b.key),
          mode: editorsOnly.checked ? 'editors' : 'warning',
          editors: editors.value.split(/[,，;；\s]+/).filter((x) => x !== ''),
        }),
      );
      if (!r) return;
      show(r);
      ctx.showNotice(r.message);
    };
    replaceChildren(
      form,
      h(
        'div',
        { class: 'block' },
        boxes.map((b) => b.row),
      ),
      h(
        'div',
        { class: 'block' },
        h('div', null, warning, h('label', { for: `${group}-w` }, t('sidebar.protect.mode.warning'))),
        h('div', null, editorsOnly, h('label', { for: `${group}-e` }, t('sidebar.protect.mode.editors'))),
      ),
      h('div', { class: 'block form-group' }, h('label', { for: editorsId }, t('sidebar.protect.editors')), editors),
      h(
        'div',
        { class: 'block' },
        h('button', { type: 'button', class: 'action cf-protect-save', onclick: () => void save() }, t('sidebar.protect.save')),
      ),
    );
  };
  replaceChildren(container, h('p', { class: 'secondary' }, t('sidebar.protect.intro')), form);
  void ctx
    .busy(() => ctx.call('getProtection'))
    .then((s) => {
      if (s) show(s);
    });
}

registerPanel({ id: 'protect', titleKey: 'sidebar.protect.title', group: 'table', order: 70, render });
