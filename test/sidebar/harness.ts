/**
 * Loads the built dist/Sidebar.html in headless Chromium (Debian's, via playwright-core) from a
 * file:// URL, with a fake google.script.run that the test scripts: each endpoint name maps to a
 * handler run in Node. Handlers return what the server function returns (an Envelope), or throw to
 * make google.script.run call the failure handler. No network: every non-file request is aborted
 * (Google's add-on stylesheet included, so the inline fallback styles are what the tests see).
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type Frame, type Page } from 'playwright-core';
import { messagesFor, type Locale } from '../../src/core/i18n';
import type { EmulatorExt } from '../../dev/emulator';
import { loadAddon } from '../../dev/harness';

export const SIDEBAR_HTML = join(__dirname, '..', '..', 'dist', 'Sidebar.html');
export const ADDON_CSS = 'https://ssl.gstatic.com/docs/script/css/add-ons1.css';

export async function launch(): Promise<Browser> {
  if (!existsSync(SIDEBAR_HTML)) throw new Error('dist/Sidebar.html is missing: run `node build.mjs` first');
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--headless'],
  });
}

export type Handler = (...args: unknown[]) => unknown;
export type Handlers = Record<string, Handler>;

export const ok = (data: unknown) => ({ ok: true, data });
export const fail = (code: string, message: string) => ({ ok: false, error: { code, message } });

/** A promise the test resolves by hand (a slow server call). */
export function deferred<T = void>(): { promise: Promise<T>; resolve: (v: T) => void } {
  let resolve: (v: T) => void = () => undefined;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

export interface Opened {
  page: Page;
  /** Every call the sidebar made: name and the arguments as they crossed. */
  calls: Array<{ name: string; args: unknown[] }>;
  /** URLs of every request other than the page itself. */
  requests: string[];
  /** Browser dialogs (alert/confirm) opened by the page: must stay empty. */
  dialogs: string[];
  /** Uncaught page errors. */
  errors: string[];
}

export function bootstrapHandler(locale: Locale): Handler {
  return () => ok({ locale, messages: { ...messagesFor(locale) } });
}

export interface OpenOptions {
  height?: number;
  /** navigator.language of the page (default en-US). */
  browserLocale?: string;
  /** Load the page with no google.script.run at all (opened outside Apps Script). */
  noGoogle?: boolean;
  /** Another HTML file to load (e.g. the HTML a menu action showed); default dist/Sidebar.html. */
  htmlPath?: string;
}

export async function openSidebar(browser: Browser, handlers: Handlers, opts: OpenOptions = {}): Promise<Opened> {
  const context = await browser.newContext({ viewport: { width: 300, height: opts.height ?? 720 }, locale: opts.browserLocale ?? 'en-US' });
  const page = await context.newPage();
  const opened: Opened = { page, calls: [], requests: [], dialogs: [], errors: [] };
  page.on('dialog', (d) => {
    opened.dialogs.push(d.message());
    void d.dismiss();
  });
  page.on('pageerror', (e) => opened.errors.push(e.message));
  await page.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith('file:')) return route.continue();
    opened.requests.push(url);
    return route.abort();
  });
  await page.exposeFunction('__cfServer', async (name: string, argsJson: string) => {
    const args = JSON.parse(argsJson) as unknown[];
    opened.calls.push({ name, args });
    const handler = handlers[name];
    if (!handler) return { kind: 'failure', message: `Script function not found: ${name}` };
    try {
      return { kind: 'success', value: await handler(...args) };
    } catch (e) {
      return { kind: 'failure', message: e instanceof Error ? e.message : String(e) };
    }
  });
  if (!opts.noGoogle) await page.addInitScript(() => {
    type Ok = ((v: unknown) => void) | null;
    type Ko = ((e: Error) => void) | null;
    const w = window as unknown as { __cfServer(n: string, a: string): Promise<{ kind: string; value?: unknown; message?: string }>; google: unknown };
    // google.script.run refuses Date, Function and DOM values anywhere in the arguments.
    // Ref: https://developers.google.com/apps-script/guides/html/reference/run (legal parameters)
    const legal = (v: unknown): boolean =>
      v === null || ['string', 'number', 'boolean', 'undefined'].includes(typeof v) ||
      (typeof v === 'object' && !(v instanceof Date) && !(v instanceof Node) && Object.values(v as object).every(legal));
    const make = (success: Ok, failure: Ko): unknown =>
      new Proxy({}, {
        get(_t, prop) {
          if (prop === 'withSuccessHandler') return (f: Ok) => make(f, failure);
          if (prop === 'withFailureHandler') return (f: Ko) => make(success, f);
          if (prop === 'withUserObject') return () => make(success, failure);
          return (...args: unknown[]) => {
            if (!args.every(legal)) {
              setTimeout(() => failure?.(new Error('Failed due to illegal value in property')), 0);
              return;
            }
            void w.__cfServer(String(prop), JSON.stringify(args)).then((r) => {
              if (r.kind === 'success') success?.(r.value);
              else failure?.(new Error(r.message));
            });
          };
        },
      });
    w.google = { script: { run: make(null, null) } };
  });
  await page.goto(pathToFileURL(opts.htmlPath ?? SIDEBAR_HTML).href);
  return opened;
}

/**
 * Handlers that run the built add-on (dist/Code.js) on the emulator through the flow harness: the
 * envelope comes back to the page's success handler; an uncaught error goes to its failure handler,
 * as google.script.run does.
 */
export function addonHandlers(emu: EmulatorExt): Handlers {
  const addon = loadAddon(emu);
  const handlers: Handlers = {};
  for (const name of addon.functions) {
    handlers[name] = (...args: unknown[]) => {
      const out = addon.call(name, args);
      if (!out.ok) throw new Error(out.error);
      return out.result;
    };
  }
  return handlers;
}

/**
 * Opens a panel as a person does: its group's tab, then (when the group has more than one panel) the
 * panel's own tab.
 */
export async function openPanel(target: Page | Frame, id: string): Promise<void> {
  const tab = target.locator(`.cf-tab[data-panel="${id}"]`);
  const group = await tab.getAttribute('data-group');
  await target.locator(`.cf-group[data-group="${group ?? ''}"]`).click();
  if (await tab.isVisible()) await tab.click();
}
