/**
 * The Backups panel: "Back up now" and the list of backups (newest first), each with Restore (after a
 * confirmation in the panel). Names and dates can carry sheet text: set as text only.
 */
import { h, replaceChildren } from '../dom';
import { registerPanel, type PanelContext } from '../panel-registry';

type List = { keep: number; backups: Array<{ id: number; date: string; sheetName: string; sourceName: string; rows: number }> };

function render(container: HTMLElement, ctx: PanelContext): void {
  const { t } = ctx;
  const intro = h('p', { class: 'secondary' }, t('sidebar.backup.intro', { keep: 5 }));
  const list = h('div', { class: 'cf-backups' });
  const show = (l: List) => {
    intro.textContent = t('sidebar.backup.intro', { keep: l.keep });
    replaceChildren(
      list,
      l.backups.length === 0
        ? h('p', { class: 'secondary cf-backup-empty' }, t('sidebar.backup.empty'))
        : h(
            'ul',
            { class: 'cf-backup-list' },
            l.backups.map((b) =>
              h(
                'li',
                { class: 'cf-backup', 'data-id': b.id },
                h('b', { class: 'cf-backup-date' }, b.date),
                ' ',
                h('span', { class: 'secondary' }, t('sidebar.backup.of', { sheet: b.sourceName, rows: b.rows })),
                ' ',
                h(
                  'button',
                  {
                    type: 'button',
                    class: 'cf-restore',
                    onclick: (ev: Event) => ask((ev.currentTarget as HTMLElement).closest('li') as HTMLElement, b.id, b.date),
                  },
                  t('sidebar.backup.restore'),
                ),
              ),
            ),
          ),
    );
  };
  // Restore asks first, inline (no browser dialog: the sidebar shows none): the item's button becomes
  // the question with Restore and Cancel.
  const ask = (item: HTMLElement, id: number, date: string) => {
    const box = h(
      'div',
      { class: 'cf-backup-confirm' },
      h('p', null, t('sidebar.backup.confirm', { date })),
      h('button', { type: 'button', class: 'action cf-restore-yes', onclick: () => void restore(id) }, t('sidebar.backup.restore')),
      ' ',
      h('button', { type: 'button', class: 'cf-restore-no', onclick: () => box.remove() }, t('common.cancel')),
    );
    item.querySelector('.cf-backup-confirm')?.remove();
    item.appendChild(box);
  };
  const restore = async (id: number) => {
    const r = await ctx.busy(() => ctx.call('restoreBackup', id));
    if (!r) return;
    show(r);
    ctx.showNotice(r.message);
  };
  const now = async () => {
    const r = await ctx.busy(() => ctx.call('createBackup'));
    if (!r) return;
    show(r);
    ctx.showNotice(r.message);
  };
  replaceChildren(
    container,
    h(
      'div',
      { class: 'block' },
      intro,
      h('button', { type: 'button', class: 'action cf-backup-now', onclick: () => void now() }, t('sidebar.backup.now')),
    ),
    list,
  );
  void ctx
    .busy(() => ctx.call('listBackups'))
    .then((l) => {
      if (l) show(l);
    });
}

registerPanel({ id: 'backup', titleKey: 'sidebar.backup.title', group: 'table', order: 60, render });
