/**
 * The flow harness: loads the built add-on (dist/Code.js) into a node:vm context whose globals are the
 * emulator's, as Apps Script would run it, and drives its triggers, menus and sidebar calls.
 *
 * Each execution (onOpen, a menu click, a sidebar call, an onEdit) gets a fresh context that loads the
 * file again, as Apps Script does ("global state is not kept between executions"), and runs inside
 * emu.runScript so its cpu time reaches the simulated clock.
 * Ref: https://developers.google.com/apps-script/guides/v8-runtime (V8 runtime; no require, process, timers)
 * Ref: https://developers.google.com/apps-script/guides/html/communication (google.script.run parameters)
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import vm from 'node:vm';
import type { EmulatorExt } from '../emulator';
import type { AuthModeName, EditEventLike, Emulator, PersonAction } from '../emulator/types';

export type Outcome = { ok: true; result: unknown } | { ok: false; error: string };

export interface LoadOptions {
  /** The add-on's code (instead of a file). */
  code?: string;
  /** Default: dist/Code.js of the repository. */
  codePath?: string;
  /** Default dist/Sidebar.html, registered as HtmlService file 'Sidebar' when it exists. */
  sidebarPath?: string;
  /** Apply Apps Script's time limits (6 min; 30 s for simple triggers) on the simulated clock. Default true. */
  timeLimits?: boolean;
  /** The auth mode simple onEdit runs in. Default LIMITED; NONE is the mode of an add-on not yet used in
   * the document (https://developers.google.com/workspace/add-ons/concepts/editor-auth-lifecycle). */
  editAuthMode?: AuthModeName;
}

export interface Addon {
  readonly emu: Emulator;
  /** Top-level function declarations of Code.js: the entry points Apps Script can call. */
  readonly functions: string[];
  /** Uncaught errors, as Sheets shows them ("Exception: …", "TypeError: …"). */
  readonly errors: string[];
  /** Runs onOpen with an event in `mode` (default NONE: an add-on's first open in a document). */
  open(mode?: AuthModeName): Outcome;
  /** Runs onInstall in FULL mode. */
  install(): Outcome;
  /** Runs a menu function (FULL mode), as a click on its menu item. */
  menu(fn: string): Outcome;
  /** A sidebar call through google.script.run (FULL mode): JSON-like arguments and result. */
  call(fn: string, args?: unknown[]): Outcome;
  /** A person types into a cell (parsed as typing), then the simple onEdit trigger runs in LIMITED. */
  edit(a1: string, value: string, sheet?: string): Outcome;
  /** A person pastes a block: one onEdit for the whole block. */
  paste(a1: string, values: string[][], sheet?: string): Outcome;
  /** Any person action (emu.personEdit: typing, paste, paste from a block with its formats, fill-down,
   * Delete, undo), then the simple onEdit with the event it fires. */
  act(action: PersonAction): Outcome;
}

/**
 * Two executions interleaving (sim's `switchAfterCalls`): `first` makes `n` service calls, then
 * `second` runs to its end, then `first` resumes with its next call (each side typically one or more
 * harness calls, each its own execution). n = 0 switches before `first`'s first call. When `first`
 * makes n calls or fewer, `second` runs after it. Returns whether the switch happened inside `first`.
 */
export function interleave(emu: Emulator, n: number, first: () => void, second: () => void): { switched: boolean } {
  const ext = emu as Partial<EmulatorExt>;
  if (!ext.pauseAtCall || !ext.cancelPause) throw new Error('interleave: this emulator cannot suspend executions');
  ext.pauseAtCall(Math.max(0, Math.floor(n)) + 1, second);
  let pending: boolean;
  try {
    first();
  } finally {
    pending = ext.cancelPause();
  }
  if (pending) second();
  return { switched: !pending };
}

const SIX_MINUTES = 6 * 60 * 1000;
const SIMPLE_TRIGGER_LIMIT = 30 * 1000;

export function findUp(rel: string): string {
  const starts = [process.cwd(), __dirname];
  for (const start of starts) {
    let dir = resolve(start);
    for (;;) {
      const p = join(dir, rel);
      if (existsSync(p)) return p;
      const up = dirname(dir);
      if (up === dir) break;
      dir = up;
    }
  }
  return resolve(process.cwd(), rel);
}

/** Names declared as top-level `function name(` in a script file. */
export function topLevelFunctions(code: string): string[] {
  const names = new Set<string>();
  for (const m of code.matchAll(/^(?:async\s+)?function\s*\*?\s*([A-Za-z_$][\w$]*)\s*\(/gm)) if (m[1]) names.add(m[1]);
  return [...names];
}

/** google.script.run accepts primitives, arrays and plain objects only; a Date or function (anywhere
 * inside) makes the call fail. Ref: https://developers.google.com/apps-script/guides/html/reference/run#parameters */
function checkTransferable(v: unknown, path: string, seen: Set<unknown>): void {
  if (v === null || v === undefined || typeof v === 'string' || typeof v === 'boolean') return;
  if (typeof v === 'number') return;
  if (typeof v === 'function') throw new Error(`Failed due to illegal value in property: ${path}`);
  if (typeof v !== 'object') throw new Error(`Failed due to illegal value in property: ${path}`);
  if (Object.prototype.toString.call(v) === '[object Date]') throw new Error(`Failed due to illegal value in property: ${path}`);
  if (seen.has(v)) throw new Error(`Failed due to illegal value in property: ${path}`);
  seen.add(v);
  if (Array.isArray(v)) v.forEach((x, i) => checkTransferable(x, path ? `${path}.${i}` : String(i), seen));
  else {
    const proto = Object.getPrototypeOf(v) as unknown;
    if (proto !== null && Object.getPrototypeOf(proto) !== null) throw new Error(`Failed due to illegal value in property: ${path}`);
    for (const [k, x] of Object.entries(v)) checkTransferable(x, path ? `${path}.${k}` : k, seen);
  }
  seen.delete(v);
}

function describe(e: unknown): string {
  if (e && typeof e === 'object' && 'message' in e) {
    const name = 'name' in e && typeof (e as { name: unknown }).name === 'string' ? (e as { name: string }).name : 'Error';
    return `${name}: ${String((e as { message: unknown }).message)}`;
  }
  return `Error: ${String(e)}`;
}

/**
 * The script's `Date`: this (the host) realm's Date, whose no-argument forms (`new Date()`, `Date()`,
 * `Date.now()`) read the simulated clock. A plain function whose prototype is Date.prototype, so that
 * `x instanceof Date` holds for the emulator's Dates and the script's alike and `new Date(v)` returns a
 * host Date directly. Dispatching on the argument count keeps `new Date(v)` nearly as fast as the
 * native constructor (a Proxy with a construct trap, or a rest parameter with Reflect.construct, cost
 * 300-700 ns a call). A subclass (`class D extends Date`) still gets its own prototype.
 */
function simulatedDate(now: () => number): DateConstructor {
  const Host = Date;
  // `arguments` rather than rest parameters: a fixed-arity function keeps `new Date(x)` as cheap as the
  // host's (the common path), and `arguments.length` tells `new Date(undefined)` from `new Date()`.
  function SimDate(this: unknown, a?: unknown, b?: unknown, c?: unknown, d?: unknown, e?: unknown, f?: unknown, g?: unknown): unknown {
    const n = arguments.length;
    if (new.target === undefined) return new Host(now()).toString();
    // eslint-disable-next-line prefer-rest-params
    if (new.target !== SimDate) return Reflect.construct(Host, n === 0 ? [now()] : Array.prototype.slice.call(arguments), new.target) as unknown;
    if (n === 0) return new Host(now());
    const x = a as number;
    if (n === 1) return new Host(a as string | number | Date);
    const y = b as number;
    if (n === 2) return new Host(x, y);
    if (n === 3) return new Host(x, y, c as number);
    if (n === 4) return new Host(x, y, c as number, d as number);
    if (n === 5) return new Host(x, y, c as number, d as number, e as number);
    if (n === 6) return new Host(x, y, c as number, d as number, e as number, f as number);
    return new Host(x, y, c as number, d as number, e as number, f as number, g as number);
  }
  for (const key of Reflect.ownKeys(Host)) {
    if (key === 'prototype' || key === 'length' || key === 'now') continue;
    Object.defineProperty(SimDate, key, Reflect.getOwnPropertyDescriptor(Host, key) as PropertyDescriptor);
  }
  Object.defineProperty(SimDate, 'prototype', { value: Host.prototype, writable: false, enumerable: false, configurable: false });
  Object.defineProperty(SimDate, 'now', { value: now, writable: true, enumerable: false, configurable: true });
  return SimDate as unknown as DateConstructor;
}

export function loadAddon(emu: Emulator, opts: LoadOptions = {}): Addon {
  const codePath = opts.codePath ?? findUp('dist/Code.js');
  const code = opts.code ?? readFileSync(codePath, 'utf8');
  const filename = opts.code !== undefined ? 'Code.js' : codePath;
  const ext = emu as Partial<EmulatorExt>;
  const sidebarPath = opts.sidebarPath ?? (opts.code === undefined ? join(dirname(codePath), 'Sidebar.html') : findUp('dist/Sidebar.html'));
  if (existsSync(sidebarPath) && ext.setFile) ext.setFile('Sidebar', readFileSync(sidebarPath, 'utf8'));
  const script = new vm.Script(code, { filename });
  const functions = topLevelFunctions(code);
  const errors: string[] = [];
  const timeLimits = opts.timeLimits ?? true;

  /** A fresh global context for one execution. */
  const context = (): vm.Context => {
    // An ordinary global object (vm.constants.DONT_CONTEXTIFY), not a "contextified" sandbox. Node's
    // contextified global answers every global read through interceptors that consult the sandbox object
    // first: measured ~100-150 ns per read of Math, Number, String, Date, JSON… (a loop of four such reads
    // ran 13× slower than in plain node), which Apps Script's V8, with ordinary globals, does not pay. On
    // an ordinary global object those reads are as fast as in plain node. What it does not change: the
    // script's top-level functions and `var`s are still properties of the global object (the harness
    // reads entry points from it), the emulator's services are still globals, builtins are the new
    // realm's own, Arrays from the emulator answer instanceof as below, and Date is still the host's Date on
    // the simulated clock (a plain function now, see simulatedDate).
    // Ref: https://nodejs.org/api/vm.html#vmconstantsdont_contextify
    // On a Node without the constant, undefined gives the former contextified sandbox: same results, slower.
    const ordinary = (vm as unknown as { constants?: { DONT_CONTEXTIFY?: unknown } }).constants?.DONT_CONTEXTIFY;
    const ctx = vm.createContext(ordinary as vm.Context | undefined, { codeGeneration: { strings: true, wasm: false } }) as Record<string, unknown>;
    for (const [k, v] of Object.entries(emu.globals)) ctx[k] = v;
    // Arrays the emulator returns (getValues, getSheets, getCriteriaValues…) are built in this (the
    // host) realm; in Apps Script there is one realm, so `x instanceof Array` holds for them. The
    // script's Array answers instanceof with Array.isArray, which is true for arrays of any realm and
    // costs nothing per call. Measured on 100k × 20 getValues: giving every row the script's
    // Array.prototype (setPrototypeOf) made the call ~5× slower (~1 s), copying into the script's
    // realm cost 300+ ms. Left different from Apps Script: `x.constructor === Array` and
    // Object.getPrototypeOf(x) === Array.prototype are false for such arrays.
    vm.runInContext('Object.defineProperty(Array, Symbol.hasInstance, { value: function (x) { return Array.isArray(x); }, configurable: true })', ctx);
    // `new Date()` and Date.now() follow the simulated clock; Dates stay this realm's Date so that the
    // emulator's Dates and the script's agree under instanceof.
    ctx.Date = simulatedDate(ext.now ? () => (ext.now as () => number)() : () => Date.now());
    return ctx as vm.Context;
  };

  // The manifest beside the bundle: its oauthScopes bound what every execution may call.
  const manifestPath = opts.code === undefined ? join(dirname(codePath), 'appsscript.json') : findUp('dist/appsscript.json');
  if (existsSync(manifestPath) && ext.setManifestScopes) {
    const scopes = (JSON.parse(readFileSync(manifestPath, 'utf8')) as { oauthScopes?: string[] }).oauthScopes;
    if (Array.isArray(scopes)) ext.setManifestScopes(scopes);
  }

  // Executions nest when one is suspended (emu.pauseAtCall): begin first, so that the auth mode and
  // realm set next belong to this execution and the interrupted one gets its own back at the end.
  const execute = (mode: AuthModeName, limitMs: number, run: (ctx: vm.Context) => unknown): Outcome => {
    ext.beginExecution?.(timeLimits ? limitMs : Infinity);
    emu.setAuthMode(mode);
    const ctx = context();
    const realmError = vm.runInContext('Error', ctx) as ErrorConstructor;
    ext.setRealmError?.((m) => new realmError(m));
    ext.setTemplateScope?.(ctx as Record<string, unknown>);
    try {
      const result = emu.runScript(() => {
        const t0 = performance.now();
        script.runInContext(ctx);
        ext.noteLoad?.(performance.now() - t0);
        return run(ctx);
      });
      return { ok: true, result };
    } catch (e) {
      const msg = describe(e);
      errors.push(msg);
      return { ok: false, error: msg };
    } finally {
      ext.setRealmError?.(null);
      ext.endExecution?.();
    }
  };

  const fnOf = (ctx: vm.Context, name: string): ((...a: unknown[]) => unknown) => {
    const f = (ctx as Record<string, unknown>)[name];
    if (!functions.includes(name) || typeof f !== 'function') throw new Error(`Script function not found: ${name}`);
    return f as (...a: unknown[]) => unknown;
  };

  const onEdit = (event: () => EditEventLike): Outcome => {
    let e: EditEventLike;
    try {
      e = event();
    } catch (err) {
      // A value refused by a rejecting data validation rule: Sheets shows its dialog, no trigger runs.
      return { ok: false, error: err instanceof Error ? err.message : String(err) };
    }
    if (!functions.includes('onEdit')) return { ok: true, result: undefined };
    return execute(opts.editAuthMode ?? 'LIMITED', SIMPLE_TRIGGER_LIMIT, (ctx) => fnOf(ctx, 'onEdit')(e));
  };

  return {
    emu,
    functions,
    errors,
    open(mode: AuthModeName = 'NONE') {
      if (!functions.includes('onOpen')) return { ok: true, result: undefined };
      const enums = (emu.globals.ScriptApp as { AuthMode: Record<string, unknown> }).AuthMode;
      return execute(mode, mode === 'FULL' ? SIX_MINUTES : SIMPLE_TRIGGER_LIMIT, (ctx) => {
        const ss = mode === 'NONE' ? undefined : ext.eventSource?.();
        const e: Record<string, unknown> = { authMode: enums[mode], user: undefined, triggerUid: 'emulated-open' };
        if (ss) e.source = ss;
        return fnOf(ctx, 'onOpen')(e);
      });
    },
    install() {
      const enums = (emu.globals.ScriptApp as { AuthMode: Record<string, unknown> }).AuthMode;
      return execute('FULL', SIX_MINUTES, (ctx) => fnOf(ctx, 'onInstall')({ authMode: enums.FULL }));
    },
    menu(fn: string) {
      return execute('FULL', SIX_MINUTES, (ctx) => fnOf(ctx, fn)());
    },
    call(fn: string, args: unknown[] = []) {
      try {
        checkTransferable(args, '', new Set());
      } catch (e) {
        const msg = describe(e);
        errors.push(msg);
        return { ok: false, error: msg };
      }
      const json = JSON.stringify(args);
      const out = execute('FULL', SIX_MINUTES, (ctx) => {
        const parsed = (vm.runInContext('JSON.parse', ctx) as (s: string) => unknown[])(json);
        const result = fnOf(ctx, fn)(...parsed);
        checkTransferable(result, '', new Set());
        return result === undefined ? null : (JSON.parse(JSON.stringify(result)) as unknown);
      });
      return out;
    },
    edit(a1: string, value: string, sheet?: string) {
      return onEdit(() => emu.typeValue(a1, value, sheet));
    },
    paste(a1: string, values: string[][], sheet?: string) {
      return onEdit(() => emu.pasteValues(a1, values, sheet));
    },
    act(action: PersonAction) {
      return onEdit(() => emu.personEdit(action));
    },
  };
}
