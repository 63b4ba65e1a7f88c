/**
 * Starts the built playground as a child process and a headless Debian Chromium for browser tests.
 * CI installs chromium with apt when it is missing (.ci/run); locally: apt-get install -y chromium.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';

export const ROOT = join(__dirname, '..', '..');
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export interface Playground {
  url: string;
  child: ChildProcess;
  output: () => string;
  stop: () => Promise<void>;
}

/** `node dist/dev/playground.js --port 0 …`; resolves with the address it prints. */
export function startPlayground(args: string[] = [], timeoutMs = 30000): Promise<Playground> {
  const script = join(ROOT, 'dist', 'dev', 'playground.js');
  if (!existsSync(script)) throw new Error(`${script} is missing: run node build.mjs first`);
  const child = spawn(process.execPath, [script, '--port', '0', ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  const stop = () =>
    new Promise<void>((res) => {
      if (child.exitCode !== null || child.signalCode !== null) return res();
      child.once('exit', () => res());
      child.kill('SIGTERM');
      setTimeout(() => child.kill('SIGKILL'), 3000).unref();
    });
  return new Promise((res, rej) => {
    const timer = setTimeout(() => {
      void stop();
      rej(new Error(`playground did not start in ${timeoutMs} ms:\n${out}`));
    }, timeoutMs);
    const onData = (b: Buffer) => {
      out += b.toString('utf8');
      const m = /ClientFlow playground: (http:\/\/127\.0\.0\.1:\d+\/)/.exec(out);
      if (m?.[1]) {
        clearTimeout(timer);
        res({ url: m[1], child, output: () => out, stop });
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      rej(new Error(`playground exited with code ${code}:\n${out}`));
    });
  });
}

export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: apt-get update && apt-get install -y chromium`);
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--headless'],
  });
}

/**
 * What the person would see, for a failed step: the sidebar's visible text (an error, a Retry button,
 * the panel it is on), the page's status line, toasts and open dialog, and the end of the playground
 * server's output (an engine that stopped says so there). Each read gives up quickly: it runs after a
 * failure, on a page that may be gone.
 */
export async function scene(page: Page | undefined, pg: Playground | undefined): Promise<string> {
  const quick = { timeout: 2000 };
  const squeeze = (text: string) => text.replace(/\s*\n\s*/g, ' / ').trim();
  const parts: string[] = [];
  if (page && !page.isClosed()) {
    const shown = await page
      .evaluate(() => {
        const text = (sel: string) => [...document.querySelectorAll<HTMLElement>(sel)].map((e) => e.innerText).join(' | ');
        const sidebar = document.querySelector<HTMLElement>('#sidebar');
        return { status: text('#status'), toasts: text('.toast'), dialog: (document.querySelector('#overlay') as HTMLElement | null)?.hidden === false ? text('#dialog') : '', sidebar: sidebar ? !sidebar.hidden : false };
      })
      .catch((e: unknown) => ({ status: `(page unreadable: ${e instanceof Error ? e.message : String(e)})`, toasts: '', dialog: '', sidebar: false }));
    parts.push(`page status: ${squeeze(shown.status) || '(empty)'}`);
    if (shown.toasts) parts.push(`toasts: ${squeeze(shown.toasts)}`);
    if (shown.dialog) parts.push(`dialog: ${squeeze(shown.dialog)}`);
    if (shown.sidebar) {
      const seen = await page
        .frameLocator('#sidebar-frame')
        .locator('body')
        .evaluate((el) => {
          const body = el as HTMLElement;
          const visible = (e: HTMLElement) => e.getClientRects().length > 0;
          const all = (sel: string) => [...body.querySelectorAll<HTMLElement>(sel)].filter(visible);
          return {
            tab: all('.cf-tab.current').map((e) => e.innerText).join(' ') || '(none)',
            busy: body.querySelector('#app')?.getAttribute('aria-busy') ?? '?',
            messages: all('.cf-error, .cf-notice, .cf-loading').map((e) => e.innerText),
            buttons: [...new Set(all('.cf-panel button, .cf-error + .block button').map((b) => `${b.innerText}${(b as HTMLButtonElement).disabled ? ' (disabled)' : ''}`))],
            text: body.innerText,
          };
        }, undefined, quick)
        .catch((e: unknown) => `(unreadable: ${e instanceof Error ? e.message.split('\n')[0] : String(e)})`);
      if (typeof seen === 'string') parts.push(`sidebar: ${seen}`);
      else {
        parts.push(`sidebar: tab ${seen.tab}, busy ${seen.busy}; messages: ${seen.messages.map(squeeze).join(' | ') || '(none)'}`);
        parts.push(`sidebar buttons: ${seen.buttons.map(squeeze).join(' | ') || '(none)'}`);
        parts.push(`sidebar text: ${squeeze(seen.text).slice(0, 600)}`);
      }
    } else parts.push('sidebar: closed');
  }
  if (pg) parts.push(`playground output (last 2000 characters):\n${pg.output().slice(-2000) || '(none)'}`);
  return parts.join('\n');
}

/**
 * Runs a test's body; when it fails (most often a wait that timed out), the error also carries the
 * scene, so that a failure on a CI machine is diagnosable from the log alone. The body's own waits
 * must time out before jest's test timeout, or jest reports the timeout without the scene.
 */
export async function explained<T>(page: () => Page | undefined, pg: () => Playground | undefined, body: () => Promise<T>): Promise<T> {
  try {
    return await body();
  } catch (e) {
    const err = e instanceof Error ? e : new Error(String(e));
    const extra = `\n\n--- what the page showed ---\n${await scene(page(), pg())}`;
    // Jest prints the stack when it holds the message, else the message and then the stack: the scene
    // goes in both, before the stack's frames. (V8 writes the stack when it is first read: read it first.)
    const stack = err.stack ?? '';
    err.message += extra;
    const frames = stack.indexOf('\n    at ');
    err.stack = frames >= 0 ? `${stack.slice(0, frames)}${extra}${stack.slice(frames)}` : `${stack}${extra}`;
    throw err;
  }
}
