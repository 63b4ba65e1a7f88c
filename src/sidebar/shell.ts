/**
 * The sidebar shell: a row of group tabs and, under it, the tabs of the current group's panels; one
 * message area (translated errors and notices); and a progress indicator shown while any call to the
 * add-on is running. Nothing above the panel changes size while calls start and end (the indicator
 * and its "Working…" are out of the flow, see styles.css): a tab clicked as a call answers is where
 * it was when the press began.
 */
import { CallError, type Bridge } from './bridge';
import { h, replaceChildren } from './dom';
import type { I18n } from './i18n';
import { listPanels, PANEL_GROUPS, UserMessage, type Panel, type PanelContext, type PanelGroup } from './panel-registry';

/** The user-facing text for any error: the add-on's own translated message, or ours. */
export function errorText(e: unknown, i18n: I18n): string {
  if (e instanceof CallError) {
    if (e.userMessage !== undefined) return e.userMessage;
    switch (e.code) {
      case 'noBridge':
        return i18n.t('sidebar.error.noBridge');
      case 'badArgs':
        return i18n.t('sidebar.error.badArgs', { message: e.detail });
      case 'badResponse':
        return i18n.t('sidebar.error.badResponse');
      default:
        // google.script.run's failure handler: the server threw outside serve(), or the call was cut.
        if (/Exceeded maximum execution time/i.test(e.detail)) return i18n.maybe('error.timeLimit') ?? i18n.t('sidebar.error.failed', { message: e.detail });
        return i18n.t('sidebar.error.failed', { message: e.detail });
    }
  }
  if (e instanceof UserMessage) return e.message;
  const message = e instanceof Error ? e.message : String(e);
  return i18n.t('sidebar.error.unexpected', { message });
}

export interface Shell {
  showError(e: unknown): void;
  showNotice(text: string): void;
  clearMessages(): void;
  select(panelId: string): void;
}

const CONTROLS = 'button, input, select, textarea';

export function mountShell(root: HTMLElement, bridge: Bridge, i18n: I18n, panels: readonly Panel[] = listPanels(), initial?: string): Shell {
  const { t } = i18n;
  const progress = h(
    'div',
    { class: 'cf-progress', role: 'progressbar', 'aria-label': t('sidebar.working'), hidden: true },
    h('div', { class: 'cf-progress-bar' }),
  );
  const status = h('span', { class: 'cf-status secondary', hidden: true }, t('sidebar.working'));
  const errorText_ = h('span', { class: 'cf-error-text' });
  const errorBox = h(
    'div',
    { class: 'cf-error error', role: 'alert', hidden: true },
    errorText_,
    h('button', { class: 'cf-dismiss', type: 'button', title: t('sidebar.dismiss'), 'aria-label': t('sidebar.dismiss'), onclick: () => clearMessages() }, '×'),
  );
  const notice = h('div', { class: 'cf-notice', role: 'status', hidden: true });
  const groupTabs = h('div', { class: 'cf-groups', role: 'tablist', 'aria-label': t('sidebar.title') });
  const tabs = h('div', { class: 'cf-tabs', role: 'tablist' });
  const panelBox = h('div', { class: 'cf-panel', role: 'tabpanel' });

  replaceChildren(
    root,
    progress,
    h('div', { class: 'cf-top' }, groupTabs, status),
    tabs,
    h('div', { class: 'cf-messages' }, errorBox, notice),
    panelBox,
    h('div', { class: 'cf-footer bottom' }, h('span', { class: 'gray' }, t('sidebar.footer'))),
  );

  bridge.onPendingChange((n) => {
    progress.hidden = n === 0;
    status.hidden = n === 0;
    root.setAttribute('aria-busy', n > 0 ? 'true' : 'false');
  });

  function clearMessages(): void {
    errorBox.hidden = true;
    errorText_.textContent = '';
    notice.hidden = true;
    notice.textContent = '';
  }
  function showError(e: unknown): void {
    notice.hidden = true;
    errorText_.textContent = errorText(e, i18n);
    errorBox.hidden = false;
  }
  function showNotice(text: string): void {
    errorBox.hidden = true;
    notice.textContent = text;
    notice.hidden = false;
  }

  let cleanup: void | (() => void);
  let current = '';
  /** The panel last shown in each group: choosing a group again goes back to it. */
  const lastInGroup = new Map<PanelGroup, string>();

  function showTabs(group: PanelGroup): void {
    for (const tab of Array.from(groupTabs.children)) {
      const on = (tab as HTMLElement).dataset.group === group;
      tab.classList.toggle('current', on);
      tab.setAttribute('aria-selected', on ? 'true' : 'false');
    }
    let inGroup = 0;
    for (const tab of Array.from(tabs.children) as HTMLElement[]) {
      const on = tab.dataset.panel === current;
      const shown = panels.find((p) => p.id === tab.dataset.panel)?.group === group;
      if (shown) inGroup++;
      tab.hidden = !shown;
      tab.classList.toggle('current', on);
      tab.setAttribute('aria-selected', on ? 'true' : 'false');
    }
    // A group of one panel needs no second row.
    tabs.hidden = inGroup < 2;
  }

  function select(id: string): void {
    const panel = panels.find((p) => p.id === id) ?? panels[0];
    if (!panel) return;
    if (typeof cleanup === 'function') cleanup();
    current = panel.id;
    lastInGroup.set(panel.group, panel.id);
    showTabs(panel.group);
    clearMessages();
    const container = h('div', { class: 'cf-panel-body', 'data-panel': panel.id });
    replaceChildren(panelBox, container);
    // A panel left while its calls run still gets their answers (it draws into its own, detached
    // container); its messages are dropped then, so that they never land over the panel now shown.
    const shown = () => container.isConnected;
    const ctx: PanelContext = {
      locale: i18n.locale,
      t: i18n.t,
      maybe: i18n.maybe,
      call: bridge.call,
      showError(e) {
        if (shown()) showError(e);
      },
      showNotice(text) {
        if (shown()) showNotice(text);
      },
      clearMessages() {
        if (shown()) clearMessages();
      },
      async busy<T>(task: () => Promise<T>): Promise<T | undefined> {
        const disabled = Array.from(container.querySelectorAll<HTMLButtonElement | HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement>(CONTROLS)).filter((c) => !c.disabled);
        for (const c of disabled) c.disabled = true;
        container.setAttribute('aria-busy', 'true');
        ctx.clearMessages();
        try {
          return await task();
        } catch (e) {
          ctx.showError(e);
          return undefined;
        } finally {
          for (const c of disabled) c.disabled = false;
          container.removeAttribute('aria-busy');
        }
      },
    };
    try {
      cleanup = panel.render(container, ctx);
    } catch (e) {
      showError(e);
    }
  }

  for (const g of PANEL_GROUPS) {
    const first = panels.find((p) => p.group === g.id);
    if (!first) continue;
    groupTabs.appendChild(
      h('button', { type: 'button', class: 'cf-group', role: 'tab', 'data-group': g.id, onclick: () => select(lastInGroup.get(g.id) ?? first.id) }, t(g.titleKey)),
    );
  }
  for (const p of PANEL_GROUPS.flatMap((g) => panels.filter((x) => x.group === g.id))) {
    tabs.appendChild(
      h('button', { type: 'button', class: 'cf-tab', role: 'tab', 'data-panel': p.id, 'data-group': p.group, onclick: () => select(p.id) }, t(p.titleKey)),
    );
  }
  // The panel that helps on the active sheet (the add-on says which), else the first.
  select(panels.some((p) => p.id === initial) ? (initial as string) : panels[0]?.id ?? '');
  if (panels.length < 2) {
    groupTabs.hidden = true;
    tabs.hidden = true;
  }

  return { showError, showNotice, clearMessages, select };
}
