/**
 * The sidebar client: starts the bridge, fetches the locale and messages (getBootstrap), then mounts
 * the shell with every registered panel.
 */
import { createBridge, type ScriptRun } from './bridge';
import { h, replaceChildren } from './dom';
import { browserLocale, createI18n } from './i18n';
import { errorText, mountShell } from './shell';
import './panels/index';
import { openPanelHint } from './open';

interface GoogleGlobal {
  script?: { run?: ScriptRun };
}

function scriptRun(): ScriptRun | undefined {
  const g = (window as unknown as { google?: GoogleGlobal }).google;
  return g?.script?.run;
}

function start(root: HTMLElement): void {
  const bridge = createBridge({ run: scriptRun, maxConcurrent: 10 });
  const fallback = createI18n(browserLocale(navigator));
  replaceChildren(root, h('div', { class: 'cf-loading secondary' }, fallback.t('sidebar.loading')));
  bridge
    .call('getBootstrap')
    .then((boot) => {
      const i18n = createI18n(boot.locale, boot.messages);
      document.documentElement.lang = boot.locale;
      // A menu that opened the sidebar on one panel (Check all rows → its report) wins; else where it helps.
      mountShell(root, bridge, i18n, undefined, openPanelHint() ?? boot.panel);
    })
    .catch((e: unknown) => {
      document.documentElement.lang = fallback.locale;
      replaceChildren(
        root,
        h('div', { class: 'cf-error error', role: 'alert' }, errorText(e, fallback)),
        h('div', { class: 'block' }, h('button', { type: 'button', class: 'action', onclick: () => start(root) }, fallback.t('sidebar.retry'))),
      );
    });
}

const app = document.getElementById('app');
if (app) start(app);
