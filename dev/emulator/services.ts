/**
 * Ui, HtmlService, PropertiesService, LockService, CacheService, Session, Utilities, ScriptApp, Logger,
 * console.
 */
import { formatJavaDate } from './dates';
import type { Enums } from './enums';
import { enumName, type Runtime, ScriptException } from './runtime';
import type { AlertLog, HtmlShownLog, MenuLog } from './types';

// ---------------------------------------------------------------- Ui
/** Ref: https://developers.google.com/apps-script/reference/base/ui */
/** A queued answer: the button or text, and how long the person takes to give it (simulated ms). */
export interface QueuedAnswer {
  answer: string;
  thinkMs?: number;
}
export interface UiState {
  answers: Array<string | QueuedAnswer>;
  alerts: AlertLog[];
  menus: MenuLog[];
  shown: HtmlShownLog[];
  logs: string[];
}

const BUTTONS_OF: Record<string, string[]> = { OK: ['OK'], OK_CANCEL: ['OK', 'CANCEL'], YES_NO: ['YES', 'NO'], YES_NO_CANCEL: ['YES', 'NO', 'CANCEL'] };
const BUTTON_NAMES = new Set(['YES', 'NO', 'OK', 'CANCEL', 'CLOSE']);

function isButtonSet(v: unknown, enums: Enums): boolean {
  return Object.values(enums.ButtonSet).includes(v as never);
}

export function makeUi(rt: Runtime, enums: Enums, st: UiState, htmlOf: (out: unknown) => { html: string; title: string; width?: number; height?: number }): unknown {
  const answer = (kind: 'alert' | 'prompt', buttons: string): { button: string; text?: string } => {
    const queued = st.answers.shift();
    // A dialog "suspends the server-side script while the dialog is open"
    // (https://developers.google.com/apps-script/reference/base/ui#alert(String)): the person's think
    // time passes on the execution's clock (and counts towards its time limit: unconfirmed, widely
    // reported), with any lock the execution holds still held.
    if (queued !== undefined && typeof queued === 'object' && queued.thinkMs) rt.sleep(queued.thinkMs);
    const next = queued === undefined ? undefined : typeof queued === 'string' ? queued : queued.answer;
    const allowed = BUTTONS_OF[buttons] ?? ['OK'];
    if (next === undefined) {
      st.logs.push(`[emulator] no queued answer for ${kind}: CLOSE`);
      return kind === 'prompt' ? { button: 'CLOSE', text: '' } : { button: 'CLOSE' };
    }
    const up = next.toUpperCase();
    if (BUTTON_NAMES.has(up)) {
      let b = up;
      if (b !== 'CLOSE' && !allowed.includes(b)) b = b === 'YES' && allowed.includes('OK') ? 'OK' : b === 'OK' && allowed.includes('YES') ? 'YES' : b === 'NO' && allowed.includes('CANCEL') ? 'CANCEL' : b;
      return kind === 'prompt' ? { button: b, text: '' } : { button: b };
    }
    const ok = allowed.includes('OK') ? 'OK' : 'YES';
    return kind === 'prompt' ? { button: ok, text: next } : { button: ok };
  };
  const args3 = (a: unknown[]): { title: string; prompt: string; buttons: string } => {
    if (a.length >= 3) return { title: String(a[0]), prompt: String(a[1]), buttons: enumName(a[2]) };
    if (a.length === 2 && isButtonSet(a[1], enums)) return { title: '', prompt: String(a[0]), buttons: enumName(a[1]) };
    if (a.length === 2) return { title: String(a[0]), prompt: String(a[1]), buttons: 'OK' };
    return { title: '', prompt: String(a[0] ?? ''), buttons: 'OK' };
  };
  const menu = (name: string): unknown => {
    const log: MenuLog = { name, items: [] };
    let self: unknown;
    const impl = {
      addItem: (caption: string, functionName: string) => {
        if (typeof functionName !== 'string' || !functionName) throw new ScriptException('Invalid argument: functionName');
        log.items.push({ caption: String(caption), functionName });
        return self;
      },
      addSeparator: () => {
        log.items.push({ separator: true });
        return self;
      },
      addSubMenu: (sub: unknown) => {
        const subLog = subLogs.get(sub as object);
        if (!subLog) throw new ScriptException('Invalid argument: menu');
        for (const it of subLog.items) log.items.push('separator' in it ? it : { caption: `${subLog.name} › ${it.caption}`, functionName: it.functionName });
        return self;
      },
      addToUi: () => {
        const i = st.menus.findIndex((m) => m.name === log.name);
        const copy = { name: log.name, items: [...log.items] };
        if (i >= 0) st.menus[i] = copy;
        else st.menus.push(copy);
      },
    };
    self = rt.wrap('Menu', impl, { methods: ['addItem', 'addSeparator', 'addSubMenu', 'addToUi'] });
    subLogs.set(self as object, log);
    return self;
  };
  const subLogs = new WeakMap<object, MenuLog>();
  const show = (kind: HtmlShownLog['kind'], out: unknown, title?: string): void => {
    const h = htmlOf(out);
    st.shown.push({ kind, title: title ?? h.title, html: h.html, width: h.width, height: h.height });
  };
  const impl = {
    createAddonMenu: () => menu('Add-on'),
    createMenu: (caption: string) => menu(String(caption)),
    alert: (...a: unknown[]) => {
      const { title, prompt, buttons } = args3(a);
      const ans = answer('alert', buttons);
      st.alerts.push({ kind: 'alert', title, prompt, buttons, answer: ans });
      return (enums.Button as Record<string, unknown>)[ans.button];
    },
    prompt: (...a: unknown[]) => {
      const { title, prompt, buttons } = args3(a);
      const ans = answer('prompt', buttons);
      st.alerts.push({ kind: 'prompt', title, prompt, buttons, answer: ans });
      return rt.wrap('PromptResponse', { getResponseText: () => ans.text ?? '', getSelectedButton: () => (enums.Button as Record<string, unknown>)[ans.button] }, { methods: ['getResponseText', 'getSelectedButton'] });
    },
    showSidebar: (out: unknown) => show('sidebar', out),
    showModalDialog: (out: unknown, title: string) => show('modal', out, String(title)),
    showModelessDialog: (out: unknown, title: string) => show('modeless', out, String(title)),
    ButtonSet: enums.ButtonSet,
    Button: enums.Button,
  };
  return rt.wrap('Ui', impl, { methods: ['createAddonMenu', 'createMenu', 'alert', 'prompt', 'showSidebar', 'showModalDialog', 'showModelessDialog'], props: ['ButtonSet', 'Button'] });
}

// ---------------------------------------------------------------- HtmlService
/** Ref: https://developers.google.com/apps-script/reference/html/html-service
 *  Ref: https://developers.google.com/apps-script/guides/html/templates (scriptlets <? ?>, <?= ?> escaped, <?!= ?> raw) */
export class HtmlOutputImpl {
  title = '';
  width?: number;
  height?: number;
  meta: Array<[string, string]> = [];
  proxy!: unknown;
  constructor(public content: string) {}
  setTitle(t: string): unknown { this.title = String(t); return this.proxy; }
  getTitle(): string { return this.title; }
  setWidth(w: number): unknown { this.width = w; return this.proxy; }
  getWidth(): number { return this.width ?? 0; }
  setHeight(h: number): unknown { this.height = h; return this.proxy; }
  getHeight(): number { return this.height ?? 0; }
  getContent(): string { return this.content; }
  setContent(c: string): unknown { this.content = String(c); return this.proxy; }
  append(c: string): unknown { this.content += String(c); return this.proxy; }
  appendUntrusted(c: string): unknown { this.content += escapeHtml(String(c)); return this.proxy; }
  clear(): unknown { this.content = ''; return this.proxy; }
  setSandboxMode(): unknown { return this.proxy; }
  setXFrameOptionsMode(): unknown { return this.proxy; }
  addMetaTag(name: string, content: string): unknown { this.meta.push([String(name), String(content)]); return this.proxy; }
  setFaviconUrl(): unknown { return this.proxy; }
}
const HTML_OUTPUT_API = ['setTitle', 'getTitle', 'setWidth', 'getWidth', 'setHeight', 'getHeight', 'getContent', 'setContent', 'append', 'appendUntrusted', 'clear', 'setSandboxMode', 'setXFrameOptionsMode', 'addMetaTag', 'setFaviconUrl'] as const;

export function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

/** Compiles a template to JS source that appends to `__out`. */
export function compileTemplate(src: string): string {
  let code = '';
  let i = 0;
  while (i < src.length) {
    const start = src.indexOf('<?', i);
    if (start === -1) {
      code += `__out.push(${JSON.stringify(src.slice(i))});\n`;
      break;
    }
    if (start > i) code += `__out.push(${JSON.stringify(src.slice(i, start))});\n`;
    const end = src.indexOf('?>', start);
    if (end === -1) throw new ScriptException('Unterminated scriptlet in template');
    const inner = src.slice(start + 2, end);
    if (inner.startsWith('!=')) code += `__out.push(String(${inner.slice(2)}));\n`;
    else if (inner.startsWith('=')) code += `__out.push(__esc(String(${inner.slice(1)})));\n`;
    else code += `${inner}\n`;
    i = end + 2;
  }
  return code;
}

export function makeHtmlService(rt: Runtime, enums: Enums, files: () => Record<string, string>, templateScope: () => Record<string, unknown>, outputs: WeakMap<object, HtmlOutputImpl>): unknown {
  const output = (content: string): unknown => {
    const o = new HtmlOutputImpl(content);
    o.proxy = rt.wrap('HtmlOutput', o, { methods: HTML_OUTPUT_API });
    outputs.set(o.proxy as object, o);
    return o.proxy;
  };
  const file = (name: string): string => {
    const f = files();
    const key = String(name).replace(/\.html$/, '');
    const text = f[key];
    if (text === undefined) throw new ScriptException(`No HTML file named ${key} was found.`);
    return text;
  };
  const template = (src: string): unknown => {
    const vars: Record<string, unknown> = {};
    const evaluate = (): unknown =>
      rt.invoke('HtmlTemplate', 'evaluate', () => {
        const body = compileTemplate(src);
        // Scriptlets run with the script's globals and the template's assigned variables in scope.
        const fn = new Function('__vars', '__g', '__esc', `var __out = []; with (__g) { with (__vars) {\n${body}\n} } return __out.join('');`) as (v: unknown, g: unknown, e: unknown) => string;
        return output(fn(vars, templateScope(), escapeHtml));
      });
    // A template takes arbitrary variables (t.data = …), so it is not a strict proxy for writes.
    return new Proxy(vars, {
      get(_t, prop) {
        if (prop === 'evaluate') return evaluate;
        if (prop === 'getRawContent') return () => rt.invoke('HtmlTemplate', 'getRawContent', () => src);
        if (typeof prop === 'string' && prop in vars) return vars[prop];
        if (typeof prop === 'symbol' || prop === 'then' || prop === 'toJSON') return undefined;
        throw new ScriptException(`Not emulated: HtmlTemplate.${String(prop)}`);
      },
      set(_t, prop, value) {
        if (typeof prop === 'string') vars[prop] = value;
        return true;
      },
    });
  };
  const impl = {
    createHtmlOutput: (html?: string) => output(html === undefined ? '' : String(html)),
    createHtmlOutputFromFile: (name: string) => output(file(name)),
    createTemplateFromFile: (name: string) => template(file(name)),
    createTemplate: (src: string) => template(String(src)),
    SandboxMode: enums.SandboxMode,
    XFrameOptionsMode: enums.XFrameOptionsMode,
  };
  return rt.wrap('HtmlService', impl, { methods: ['createHtmlOutput', 'createHtmlOutputFromFile', 'createTemplateFromFile', 'createTemplate'], props: ['SandboxMode', 'XFrameOptionsMode'] });
}

// ---------------------------------------------------------------- PropertiesService
/**
 * Limits: 9 KB per value, 500 KB per property store.
 * Ref: https://developers.google.com/apps-script/guides/services/quotas#current_limitations
 * Error texts as Apps Script reports them (measured by tanaikech, https://gist.github.com/tanaikech/8b057d10fb5f2af014794e57b021c6aa).
 */
export const PROPERTY_VALUE_LIMIT = 9 * 1024;
export const PROPERTY_STORE_LIMIT = 500 * 1024;
export const PROPERTY_VALUE_ERROR = 'Argument too large: value';
export const PROPERTY_STORE_ERROR = 'You have exceeded the property storage quota. Please remove some properties and try again.';

const bytes = (s: string): number => Buffer.byteLength(s, 'utf8');

export class PropertyStore {
  data = new Map<string, string>();
  size(except?: Map<string, string>): number {
    let n = 0;
    for (const [k, v] of except ?? this.data) n += bytes(k) + bytes(v);
    return n;
  }
}

export function makeProperties(rt: Runtime, store: PropertyStore): unknown {
  let proxy: unknown;
  const commit = (next: Map<string, string>): void => {
    for (const [k, v] of next) if (!store.data.has(k) || store.data.get(k) !== v) if (bytes(v) > PROPERTY_VALUE_LIMIT) throw new ScriptException(PROPERTY_VALUE_ERROR);
    if (store.size(next) > PROPERTY_STORE_LIMIT) throw new ScriptException(PROPERTY_STORE_ERROR);
    store.data = next;
  };
  const impl = {
    getProperty: (k: string) => store.data.get(String(k)) ?? null,
    setProperty: (k: string, v: unknown) => {
      if (k === null || k === undefined || k === '') throw new ScriptException('Invalid argument: key');
      const next = new Map(store.data);
      next.set(String(k), String(v));
      commit(next);
      return proxy;
    },
    setProperties: (props: Record<string, unknown>, deleteAllOthers?: boolean) => {
      const next = deleteAllOthers ? new Map<string, string>() : new Map(store.data);
      for (const [k, v] of Object.entries(props ?? {})) next.set(k, String(v));
      commit(next);
      return proxy;
    },
    getProperties: () => Object.fromEntries(store.data),
    getKeys: () => [...store.data.keys()],
    deleteProperty: (k: string) => {
      store.data.delete(String(k));
      return proxy;
    },
    deleteAllProperties: () => {
      store.data.clear();
      return proxy;
    },
  };
  proxy = rt.wrap('Properties', impl, { methods: Object.keys(impl) });
  return proxy;
}

// ---------------------------------------------------------------- LockService
/**
 * Locks across executions. A lock is held by one execution (Runtime.execId); another execution's
 * `tryLock(ms)` waits `ms` on the simulated clock and returns false, its `waitLock(ms)` waits and throws
 * Apps Script's timeout error. In this emulator the holder is suspended while the other runs (see
 * Runtime.pauseAtCall), so it cannot release in the meantime: a contended wait always times out.
 * A lock not released explicitly is released when its execution ends.
 * `contended` simulates an execution outside the emulator holding the lock.
 * Ref: https://developers.google.com/apps-script/reference/lock/lock (tryLock: "Attempts to acquire the
 *   lock, timing out after the provided number of milliseconds"; waitLock: "throws an exception" when
 *   it cannot; releaseLock)
 * Ref: https://developers.google.com/apps-script/reference/lock/lock-service (document, script, user locks)
 * Message: "Lock timeout: another process was holding the lock for too long." (as Apps Script reports
 *   it; quoted by many public scripts that handle it, no reference page states it).
 */
export const LOCK_TIMEOUT_MESSAGE = 'Lock timeout: another process was holding the lock for too long.';
export interface LockState {
  /** kind ('document' | 'script' | 'user:EMAIL') -> id of the execution holding it. */
  holders: Map<string, number>;
  contended: Set<string>;
}
export function makeLockState(rt: Runtime): LockState {
  const st: LockState = { holders: new Map(), contended: new Set() };
  rt.onEnd.push((id) => {
    for (const [k, h] of [...st.holders]) if (h === id) st.holders.delete(k);
  });
  return st;
}
export function makeLock(rt: Runtime, kind: string, st: LockState): unknown {
  const busy = (): boolean => st.contended.has(kind.split(':')[0] ?? kind) || (st.holders.has(kind) && st.holders.get(kind) !== rt.execId);
  const checkMs = (ms: unknown): number => {
    if (typeof ms !== 'number' || !Number.isFinite(ms) || ms < 0) throw new ScriptException('Invalid argument: timeoutInMillis');
    return ms;
  };
  const impl = {
    tryLock: (ms: number) => {
      const wait = checkMs(ms);
      if (busy()) {
        rt.sleep(wait);
        return false;
      }
      st.holders.set(kind, rt.execId);
      return true;
    },
    waitLock: (ms: number) => {
      const wait = checkMs(ms);
      if (busy()) {
        rt.sleep(wait);
        throw new ScriptException(LOCK_TIMEOUT_MESSAGE);
      }
      st.holders.set(kind, rt.execId);
    },
    releaseLock: () => {
      if (st.holders.get(kind) === rt.execId) st.holders.delete(kind);
    },
    hasLock: () => st.holders.get(kind) === rt.execId,
  };
  return rt.wrap('Lock', impl, { methods: ['tryLock', 'waitLock', 'releaseLock', 'hasLock'] });
}

// ---------------------------------------------------------------- CacheService
/** Ref: https://developers.google.com/apps-script/reference/cache/cache
 * Values up to 100 KB, keys up to 250 characters, expiry 600 s by default and 21600 s at most. */
export const CACHE_VALUE_LIMIT = 100 * 1024;
export class CacheStore {
  data = new Map<string, { value: string; expires: number }>();
}
export function makeCache(rt: Runtime, store: CacheStore): unknown {
  const check = (k: string, v?: string): void => {
    if (k.length > 250) throw new ScriptException('Argument too large: key');
    if (v !== undefined && bytes(v) > CACHE_VALUE_LIMIT) throw new ScriptException('Argument too large: value');
  };
  const get = (k: string): string | null => {
    const e = store.data.get(k);
    if (!e) return null;
    if (e.expires <= rt.now()) {
      store.data.delete(k);
      return null;
    }
    return e.value;
  };
  const put = (k: string, v: unknown, secs?: number): void => {
    const key = String(k);
    const val = String(v);
    check(key, val);
    const s = Math.min(21600, Math.max(1, secs ?? 600));
    store.data.set(key, { value: val, expires: rt.now() + s * 1000 });
  };
  const impl = {
    get: (k: string) => get(String(k)),
    getAll: (keys: string[]) => {
      const out: Record<string, string> = {};
      for (const k of keys) {
        const v = get(String(k));
        if (v !== null) out[String(k)] = v;
      }
      return out;
    },
    put: (k: string, v: unknown, secs?: number) => put(k, v, secs),
    putAll: (values: Record<string, unknown>, secs?: number) => {
      for (const [k, v] of Object.entries(values)) put(k, v, secs);
    },
    remove: (k: string) => {
      store.data.delete(String(k));
    },
    removeAll: (keys: string[]) => {
      for (const k of keys) store.data.delete(String(k));
    },
  };
  return rt.wrap('Cache', impl, { methods: Object.keys(impl) });
}

// ---------------------------------------------------------------- Session, Utilities, ScriptApp, Logger, console
export function makeSession(rt: Runtime, userLocale: string, tz: string, userEmail: () => string = () => 'user@example.com'): unknown {
  const user = (): unknown => {
    // In simple triggers the user's email is usually hidden (empty string).
    // Ref: https://developers.google.com/apps-script/reference/base/session#getActiveUser()
    const email = rt.authMode() === 'FULL' ? userEmail() : '';
    return rt.wrap('User', { getEmail: () => email }, { methods: ['getEmail'] });
  };
  const impl = {
    getActiveUserLocale: () => userLocale,
    getScriptTimeZone: () => tz,
    getActiveUser: user,
    getEffectiveUser: user,
    getTemporaryActiveUserKey: () => 'emulated-user-key',
  };
  return rt.wrap('Session', impl, { methods: Object.keys(impl) });
}

export function makeUtilities(rt: Runtime, seed: number): unknown {
  let state = seed >>> 0 || 1;
  const next = (): number => {
    // xorshift32: deterministic UUIDs keep `sim` runs reproducible.
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return state >>> 0;
  };
  const impl = {
    /** Ref: https://developers.google.com/apps-script/reference/utilities/utilities#formatDate(Date,String,String) */
    formatDate: (d: unknown, tz: string, fmt: string) => {
      if (!d || typeof (d as Date).getTime !== 'function') throw new ScriptException("The parameters don't match the method signature for Utilities.formatDate.");
      return formatJavaDate(d as Date, String(tz), String(fmt));
    },
    getUuid: () => {
      const b = Buffer.alloc(16);
      for (let i = 0; i < 16; i += 4) b.writeUInt32LE(next(), i);
      b[6] = ((b[6] ?? 0) & 0x0f) | 0x40;
      b[8] = ((b[8] ?? 0) & 0x3f) | 0x80;
      const h = b.toString('hex');
      return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
    },
    /** Ref: https://developers.google.com/apps-script/reference/utilities/utilities#sleep(Integer) (at most 300000 ms) */
    sleep: (ms: number) => {
      if (ms > 300000) throw new ScriptException('Invalid argument: milliseconds');
      rt.sleep(ms);
    },
  };
  return rt.wrap('Utilities', impl, { methods: Object.keys(impl) });
}

export function makeLogger(rt: Runtime, logs: string[]): { Logger: unknown; console: unknown } {
  const fmt = (a: unknown[]): string => a.map((x) => (typeof x === 'string' ? x : JSON.stringify(x))).join(' ');
  let logger: unknown;
  const impl = {
    log: (...a: unknown[]) => {
      const [first, ...rest] = a;
      let text = typeof first === 'string' ? first.replace(/%s/g, () => String(rest.shift() ?? '')) : fmt([first]);
      if (rest.length) text += ` ${fmt(rest)}`;
      logs.push(text);
      return logger;
    },
    getLog: () => logs.join('\n'),
    clear: () => {
      logs.length = 0;
    },
  };
  logger = rt.wrap('Logger', impl, { methods: ['log', 'getLog', 'clear'] });
  const c = {
    log: (...a: unknown[]) => void logs.push(fmt(a)),
    info: (...a: unknown[]) => void logs.push(fmt(a)),
    warn: (...a: unknown[]) => void logs.push(`WARN ${fmt(a)}`),
    error: (...a: unknown[]) => void logs.push(`ERROR ${fmt(a)}`),
    time: () => undefined,
    timeEnd: () => undefined,
  };
  return { Logger: logger, console: rt.wrap('console', c, { methods: Object.keys(c) }) };
}
