/**
 * The emulator's runtime: call counting, the simulated clock, fault injection, AuthMode and the strict
 * Proxy layer that turns every member we do not emulate into `Not emulated: Class.member`.
 *
 * Clock model: read from ./clock.json (docs/ARCHITECTURE.md's model until a run of `measureClock` from
 * dist/contract/ on a real spreadsheet replaces it: the kit prints a JSON of the same shape): ms per
 * service call, per cell read, per cell written, plus the script's own cpu time × a factor.
 *
 * Executions: `beginExecution`/`endExecution` nest. An execution can be suspended at a chosen service
 * call (`pauseAtCall`): the hook runs another execution to its end inside that moment, then the first
 * resumes — as two Apps Script executions interleave. Each execution has an id (locks are held per
 * execution) and its own auth mode, time limit and realm.
 */
import { performance } from 'node:perf_hooks';
import clock from './clock.json';
import type { AuthModeName, CallStats } from './types';

export const MS_PER_CALL: number = clock.msPerCall;
export const MS_PER_CELL_READ: number = clock.msPerCellRead;
export const MS_PER_CELL_WRITTEN: number = clock.msPerCellWritten;
export const CPU_FACTOR: number = clock.cpuFactor;

/** What an execution saves of the one it interrupts (restored when it ends). */
interface Frame {
  id: number;
  mode: AuthModeName;
  realmError: ((message: string) => Error) | null;
  execStart: number;
  limitMs: number;
}

/** Apps Script's error when an execution passes its time limit.
 * Ref: https://developers.google.com/apps-script/guides/support/troubleshooting#common_errors
 * ("Exceeded maximum execution time"). */
export const TIME_LIMIT_MESSAGE = 'Exceeded maximum execution time';

/** Script-visible errors: Apps Script throws `Exception: …` objects whose message is the text alone. */
export class ScriptException extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'Exception';
  }
}

export type AuthPolicy = (mode: AuthModeName, cls: string, method: string) => string | null;

/** Names tools (jest, util.inspect, Promise resolution) probe on any object; answered with undefined
 * instead of throwing so that a proxy can be printed or compared. They are not Apps Script members. */
const INTROSPECTION = new Set(['then', 'toJSON', 'asymmetricMatch', '$$typeof', 'nodeType', 'tagName', 'inspect', '@@__IMMUTABLE_ITERABLE__@@', '@@__IMMUTABLE_RECORD__@@', '_isMockFunction', 'constructor', 'prototype', '__esModule']);

export interface Exposed {
  /** Methods visible to the script; each call is counted as `Class.method`. */
  readonly methods: readonly string[];
  /** Plain properties (enums, namespaces) visible to the script, not counted. */
  readonly props?: readonly string[];
  /** Runs inside each counted call, before the member (e.g. a protection check); may throw. */
  readonly before?: (method: string) => void;
}

export class Runtime {
  private calls = 0;
  private byMethod: Record<string, number> = {};
  private cellsRead = 0;
  private cellsWritten = 0;
  private scriptCpuMs = 0;
  private loadCpuMs = 0;
  private extraMs = 0; // Utilities.sleep and similar
  private serviceDepth = 0;
  private serviceMs = 0; // wall time spent inside services during the current runScript
  private failAt: number | null = null; // absolute call number that fails
  private failing = false;
  private mode: AuthModeName = 'FULL';
  private execStart = 0;
  private limitMs = Infinity;
  private frames: Frame[] = [];
  private nextExecId = 1;
  private pause: { at: number; run: () => void } | null = null;
  /** The running execution's id (0 outside any execution). */
  execId = 0;
  /** Called with an execution's id when it ends (LockService releases its locks). */
  readonly onEnd: Array<(id: number) => void> = [];
  private readonly impls = new WeakMap<object, object>();
  readonly startMs: number;
  policy: AuthPolicy = () => null;
  /** Set by the harness: builds an Error of the script's realm. */
  realmError: ((message: string) => Error) | null = null;

  constructor(startMs: number) {
    this.startMs = startMs;
  }

  // ---- clock ----
  simMs(): number {
    return this.calls * MS_PER_CALL + this.cellsRead * MS_PER_CELL_READ + this.cellsWritten * MS_PER_CELL_WRITTEN + this.scriptCpuMs * CPU_FACTOR + this.extraMs;
  }
  /** The simulated wall clock (ms since epoch): start + simulated time elapsed. */
  now(): number {
    return this.startMs + this.simMs();
  }
  sleep(ms: number): void {
    this.extraMs += Math.max(0, ms);
  }
  read(cells: number): void {
    this.cellsRead += cells;
  }
  wrote(cells: number): void {
    this.cellsWritten += cells;
  }

  stats(): CallStats {
    return { total: this.calls, byMethod: { ...this.byMethod }, cellsRead: this.cellsRead, cellsWritten: this.cellsWritten, simMs: this.simMs(), scriptCpuMs: this.scriptCpuMs, loadCpuMs: this.loadCpuMs };
  }
  /** The harness reports the time an execution spent evaluating the script file (part of scriptCpuMs). */
  noteLoad(ms: number): void {
    this.loadCpuMs += Math.max(0, ms);
  }
  resetStats(): void {
    this.calls = 0;
    this.byMethod = {};
    this.cellsRead = 0;
    this.cellsWritten = 0;
    this.scriptCpuMs = 0;
    this.loadCpuMs = 0;
    this.extraMs = 0;
  }

  // ---- faults and modes ----
  failAfterCalls(n: number): void {
    this.failAt = this.calls + Math.max(1, Math.floor(n));
    this.failing = false;
  }
  /** An execution starts with a time limit in simulated ms (6 minutes; 30 s for simple triggers).
   * Ref: https://developers.google.com/apps-script/guides/services/quotas#current_limitations */
  beginExecution(limitMs: number): void {
    this.frames.push({ id: this.execId, mode: this.mode, realmError: this.realmError, execStart: this.execStart, limitMs: this.limitMs });
    this.execId = this.nextExecId++;
    this.execStart = this.simMs();
    this.limitMs = limitMs;
  }
  /** An execution ends: its locks are released ("the lock is released when the script ends"), a
   * time-limit failure (struck or pending) does not outlive it, and the execution it interrupted (if
   * any) gets back its auth mode, realm and time limit. */
  endExecution(): void {
    const ended = this.execId;
    for (const f of this.onEnd) f(ended);
    this.failing = false;
    this.failAt = null;
    const outer = this.frames.pop();
    if (outer) {
      this.execId = outer.id;
      this.mode = outer.mode;
      this.realmError = outer.realmError;
      this.execStart = outer.execStart;
      this.limitMs = outer.limitMs;
    } else {
      this.execId = 0;
      this.limitMs = Infinity;
    }
  }
  /** How many executions are running (nested by interleaving). */
  depth(): number {
    return this.frames.length;
  }

  /**
   * Suspends the running (or next) execution at its `n`th service call from now (1-based): before that
   * call takes effect, `run` runs (another execution, to its end), then the call proceeds. Time spent in
   * `run` is not the first execution's cpu; its calls do not count towards a pending failAfterCalls.
   */
  pauseAtCall(n: number, run: () => void): void {
    this.pause = { at: this.calls + Math.max(1, Math.floor(n)), run };
  }
  /** Disarms a pause that has not struck; true when one was pending. */
  cancelPause(): boolean {
    const had = this.pause !== null;
    this.pause = null;
    return had;
  }
  private runPaused(run: () => void): void {
    const saved = { inScript: this.inScript, serviceMs: this.serviceMs, failAt: this.failAt, failing: this.failing, calls: this.calls };
    this.inScript = false;
    this.failAt = null;
    this.failing = false;
    const t0 = performance.now();
    try {
      run();
    } finally {
      this.inScript = saved.inScript;
      this.serviceMs = saved.serviceMs + (performance.now() - t0);
      this.failAt = saved.failAt === null ? null : saved.failAt + (this.calls - saved.calls);
      this.failing = saved.failing;
    }
  }
  setAuthMode(mode: AuthModeName): void {
    this.mode = mode;
  }
  authMode(): AuthModeName {
    return this.mode;
  }

  /** Runs script code, adding its cpu time (minus time inside services) to the clock. */
  runScript<T>(fn: () => T): T {
    const outer = this.serviceDepth === 0 && !this.inScript;
    if (!outer) return fn();
    this.inScript = true;
    const before = this.serviceMs;
    const t0 = performance.now();
    try {
      return fn();
    } finally {
      const elapsed = performance.now() - t0;
      this.scriptCpuMs += Math.max(0, elapsed - (this.serviceMs - before));
      this.inScript = false;
    }
  }
  private inScript = false;

  /**
   * Runs `fn` (a tool's read through the script API, such as the playground reading the grid it shows
   * while an action is suspended at a dialog) with full access, leaving the call counters, the clock,
   * pending faults, a pending pause and the auth mode exactly as they were.
   */
  uncounted<T>(fn: () => T): T {
    const saved = { calls: this.calls, byMethod: this.byMethod, cellsRead: this.cellsRead, cellsWritten: this.cellsWritten, extraMs: this.extraMs, failAt: this.failAt, failing: this.failing, mode: this.mode, limitMs: this.limitMs, pause: this.pause };
    this.byMethod = { ...this.byMethod };
    this.failAt = null;
    this.failing = false;
    this.mode = 'FULL';
    this.limitMs = Infinity;
    this.pause = null;
    try {
      return fn();
    } finally {
      this.calls = saved.calls;
      this.byMethod = saved.byMethod;
      this.cellsRead = saved.cellsRead;
      this.cellsWritten = saved.cellsWritten;
      this.extraMs = saved.extraMs;
      this.failAt = saved.failAt;
      this.failing = saved.failing;
      this.mode = saved.mode;
      this.limitMs = saved.limitMs;
      this.pause = saved.pause;
    }
  }

  /** Runs `fn` as one counted service call `cls.method` (for objects that cannot use wrap()). */
  invoke<T>(cls: string, method: string, fn: () => T): T {
    if (this.pause && this.serviceDepth === 0 && this.calls + 1 >= this.pause.at) {
      const p = this.pause;
      this.pause = null;
      this.runPaused(p.run);
    }
    const t0 = performance.now();
    this.serviceDepth += 1;
    try {
      this.enter(cls, method);
      return fn();
    } catch (e) {
      // Errors reach the script as its own realm's Error (so `e instanceof Error` holds in a vm context).
      if (e instanceof ScriptException && this.realmError && this.serviceDepth === 1) {
        const err = this.realmError(e.message);
        err.name = 'Exception';
        throw err;
      }
      throw e;
    } finally {
      this.serviceDepth -= 1;
      if (this.serviceDepth === 0) this.serviceMs += performance.now() - t0;
    }
  }

  /** Counts one service call and applies the fault hook and the auth policy. */
  private enter(cls: string, method: string): void {
    const key = `${cls}.${method}`;
    this.calls += 1;
    this.byMethod[key] = (this.byMethod[key] ?? 0) + 1;
    if (this.failing || (this.failAt !== null && this.calls >= this.failAt) || this.simMs() - this.execStart > this.limitMs) {
      this.failing = true;
      throw new ScriptException(TIME_LIMIT_MESSAGE);
    }
    const refused = this.policy(this.mode, cls, method);
    if (refused) throw new ScriptException(refused);
  }

  /**
   * Wraps an implementation object in the strict proxy the script sees. Only `exposed` members are
   * visible; any other name throws `Not emulated: Class.member`.
   */
  wrap<T>(cls: string, impl: object, exposed: Exposed): T {
    const methods = new Set(exposed.methods);
    const props = new Set(exposed.props ?? []);
    const cache = new Map<string, unknown>();
    const rt = this;
    const proxy = new Proxy(impl, {
      get(target, prop) {
        if (typeof prop === 'symbol') {
          if (prop === Symbol.toStringTag) return cls;
          return undefined;
        }
        if (prop === 'toString') return () => cls;
        if (methods.has(prop)) {
          let fn = cache.get(prop);
          if (!fn) {
            const raw = Reflect.get(target, prop) as unknown;
            if (typeof raw !== 'function') throw new Error(`emulator bug: ${cls}.${prop} is not implemented`);
            const before = exposed.before;
            fn = before
              ? function (this: unknown, ...args: unknown[]) {
                  return rt.invoke(cls, prop, () => {
                    before(prop);
                    return (raw as (...a: unknown[]) => unknown).apply(target, args);
                  });
                }
              : function (this: unknown, ...args: unknown[]) {
                  return rt.invoke(cls, prop, () => (raw as (...a: unknown[]) => unknown).apply(target, args));
                };
            cache.set(prop, fn);
          }
          return fn;
        }
        if (props.has(prop)) return Reflect.get(target, prop);
        if (INTROSPECTION.has(prop)) return undefined;
        throw new ScriptException(`Not emulated: ${cls}.${prop}`);
      },
      set(_t, prop) {
        throw new ScriptException(`Not emulated: setting ${cls}.${String(prop)}`);
      },
      has(_t, prop) {
        return typeof prop === 'string' && (methods.has(prop) || props.has(prop));
      },
      ownKeys() {
        return [];
      },
      getOwnPropertyDescriptor() {
        return undefined;
      },
    });
    this.impls.set(proxy, impl);
    return proxy as unknown as T;
  }

  /** The implementation behind a proxy handed back by the script (e.g. a Range passed to setRanges). */
  unwrap<I extends object>(value: unknown, ctor: abstract new (...a: never[]) => I, what: string): I {
    if (value && typeof value === 'object') {
      const impl = this.impls.get(value);
      if (impl instanceof ctor) return impl;
    }
    throw new ScriptException(`Invalid argument: ${what}`);
  }
}

/** An Apps Script enum value: compared by identity, prints as its name. */
export interface EnumValue {
  name(): string;
  toString(): string;
  toJSON(): string;
  ordinal(): number;
}

export function makeEnum<K extends string>(names: readonly K[]): Record<K, EnumValue> {
  const out = {} as Record<K, EnumValue>;
  names.forEach((n, i) => {
    out[n] = Object.freeze({ name: () => n, toString: () => n, toJSON: () => n, ordinal: () => i });
  });
  return Object.freeze(out);
}

export function enumName(v: unknown): string {
  if (v && typeof v === 'object' && 'name' in v && typeof (v as { name: unknown }).name === 'function') return String((v as EnumValue).name());
  return String(v);
}
