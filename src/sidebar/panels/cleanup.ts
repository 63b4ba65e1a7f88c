/**
 * The Cleanup panel: a preview of what cleanup would change (counts by kind, before → after samples),
 * each kind with a switch, what it leaves and why; "Back up the table first" (on by default) makes a
 * backup before the change; "Clean up" applies exactly the previewed plan (the
 * add-on re-reads the table and answers with a new preview instead of writing if it changed), and
 * "Undo" puts the last change back. Cell text is set as text only (DESIGN.md rule 5).
 */
import { joinList, withAside } from '../../core/i18n';
import type { CleanupPreview } from '../../core/api/cleanup';
import type { ChangeKind } from '../../core/cleanup/plan';
import { h, replaceChildren } from '../dom';
import { registerPanel, type PanelContext } from '../panel-registry';

/**
 * A value with the spacing cleanup removes made visible (leading and trailing spaces, runs of spaces,
 * no-break, full-width and zero-width spaces), each run in a marked span: "Acme Co. " → "Acme Co. "
 * reads as no change otherwise. The text itself is unchanged (textContent is the cell's text).
 */
function spaced(text: string): Array<string | HTMLElement> {
  const out: Array<string | HTMLElement> = [];
  const odd = /^[\s\u200b-\u200d]+|[\s\u200b-\u200d]+$|[ \t]{2,}|[\u00a0\u3000\u200b-\u200d\ufeff\t\r\n]+/g;
  let at = 0;
  for (const m of text.matchAll(odd)) {
    const i = m.index ?? 0;
    if (m[0] === '') continue;
    if (i > at) out.push(text.slice(at, i));
    const zero = /^[\u200b-\u200d\ufeff]+$/.test(m[0]);
    out.push(h('span', { class: zero ? 'cf-ws cf-ws-zero' : 'cf-ws' }, m[0]));
    at = i + m[0].length;
  }
  if (at < text.length) out.push(text.slice(at));
  return out;
}

function render(container: HTMLElement, ctx: PanelContext): void {
  const { t } = ctx;
  const off = new Set<ChangeKind>();
  // The backup offered before cleaning: on by default.
  let backup = true;
  let preview: CleanupPreview | null = null;
  const body = h('div', { class: 'cf-cleanup-body' });

  const show = (p: CleanupPreview): void => {
    preview = p;
    const kinds = p.kinds.map((k) =>
      h('li', { class: 'cf-cleanup-kind', 'data-kind': k.kind },
        h('label', { class: 'cf-cleanup-switch' },
          h('input', { type: 'checkbox', checked: k.on, onchange: (ev) => {
            if ((ev.target as HTMLInputElement).checked) off.delete(k.kind); else off.add(k.kind);
            void load();
          } }),
          ' ', h('span', { class: 'cf-cleanup-label' }, k.label), ' ', h('b', { class: 'cf-cleanup-count' }, k.count)),
        k.samples.length && k.kind !== 'emptyRow'
          ? h('ul', { class: 'cf-cleanup-samples' }, k.samples.map((s) =>
            h('li', { class: 'cf-cleanup-sample' }, h('span', { class: 'cf-a1' }, s.a1), ' ', h('span', { class: 'cf-from' }, spaced(s.from)), ' → ', h('span', { class: 'cf-to' }, s.to))))
          : k.samples.length ? h('p', { class: 'secondary cf-cleanup-rows' }, joinList(ctx.locale, k.samples.map((s) => s.a1))) : null),
    );
    replaceChildren(
      body,
      p.kinds.length === 0 ? h('p', { class: 'cf-cleanup-none' }, t('cleanup.panel.none')) : h('ul', { class: 'cf-cleanup-kinds' }, kinds),
      p.leftCount > 0
        ? h('div', { class: 'cf-cleanup-left' },
          h('p', { class: 'secondary' }, t('cleanup.panel.left', { count: p.leftCount })),
          h('ul', { class: 'cf-cells' }, p.left.map((l) => h('li', { class: 'cf-cell' }, h('b', { class: 'cf-a1' }, l.a1), ' ', h('span', { class: 'cf-left-value' }, l.value), h('div', { class: 'cf-cell-message' }, l.message)))))
        : null,
      h('div', { class: 'block' },
        p.total > 0
          ? h('p', null, h('label', { class: 'cf-cleanup-backup' },
            h('input', { type: 'checkbox', class: 'cf-cleanup-backup-box', checked: backup, onchange: (ev) => { backup = (ev.target as HTMLInputElement).checked; } }),
            ' ', t('backup.first')))
          : null,
        h('button', { type: 'button', class: 'action cf-cleanup-apply', disabled: p.total === 0, onclick: () => void apply() }, withAside(ctx.locale, t('cleanup.panel.apply'), String(p.total))),
        ' ',
        h('button', { type: 'button', class: 'cf-cleanup-undo', onclick: () => void undo(false) }, t('undo.title'))),
    );
  };

  const load = async (): Promise<void> => {
    const p = await ctx.busy(() => ctx.call('previewCleanup', { off: [...off] }));
    if (p) show(p);
  };

  const apply = async (): Promise<void> => {
    if (!preview) return;
    const fingerprint = preview.fingerprint;
    const r = await ctx.busy(() => ctx.call('applyCleanup', { off: [...off], fingerprint, backup }));
    if (!r) return;
    if (r.preview) show(r.preview);
    else await load();
    // After the new preview (its call clears the messages): what was done, and the backup made first.
    ctx.showNotice(r.message);
  };

  const undo = async (restoreRest: boolean): Promise<void> => {
    const r = await ctx.busy(() => ctx.call('undoLastChange', { restoreRest }));
    if (!r) return;
    if (r.status === 'edited') {
      ctx.showNotice(r.message);
      body.append(h('button', { type: 'button', class: 'cf-cleanup-undo-rest', onclick: () => void undo(true) }, t('cleanup.panel.undoRest')));
      return;
    }
    // After the new preview (its call clears the messages): what the undo did.
    await load();
    ctx.showNotice(r.message);
  };

  replaceChildren(
    container,
    h('div', { class: 'block' },
      h('p', { class: 'secondary' }, t('cleanup.panel.intro')),
      h('button', { type: 'button', class: 'action cf-cleanup-preview', onclick: () => void load() }, t('cleanup.panel.preview'))),
    body,
  );
}

registerPanel({ id: 'cleanup', titleKey: 'cleanup.panel.title', group: 'quality', order: 40, render });
