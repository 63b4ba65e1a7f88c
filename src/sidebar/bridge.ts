/**
 * The typed promise bridge over google.script.run.
 *
 * - Types come from the server's endpoint table (src/core/api ENDPOINTS): `call('applySetup', schema)`
 *   is checked against the endpoint's argument tuple and resolves to its parsed result type.
 * - Both sides check what crosses: arguments are made wire-safe (Date -> ISO string) and parsed with
 *   the endpoint's schema before sending; the reply envelope and the result are parsed on arrival.
 * - google.script.run passes no Date or Function values (a call with one fails) and runs at most 10
 *   calls at once: the bridge converts dates and queues calls beyond the limit.
 *   Ref: https://developers.google.com/apps-script/guides/html/reference/run (legal parameters)
 *   Ref: https://developers.google.com/apps-script/guides/html/communication
 */
import { ENDPOINTS, type EndpointName, type Endpoints } from '../core/api';
import { envelopeSchema, type ArgsOf, type ResultOf } from '../core/api/endpoint';

/** The part of google.script.run the bridge uses. Each with* call returns a runner with that handler set. */
export interface ScriptRun {
  withSuccessHandler(handler: (value: unknown) => void): ScriptRun;
  withFailureHandler(handler: (error: unknown) => void): ScriptRun;
}

/**
 * Why a call failed. `code` is the server's error code when the add-on answered with a translated
 * message (`userMessage`), else one of the transport codes, which the shell translates.
 */
export type TransportCode = 'noBridge' | 'badArgs' | 'badResponse' | 'failed';

export class CallError extends Error {
  constructor(
    readonly code: string,
    /** Already translated by the add-on (envelope errors), or undefined. */
    readonly userMessage: string | undefined,
    /** Technical detail for transport errors (shown inside the translated message). */
    readonly detail: string = '',
  ) {
    super(userMessage ?? `${code}${detail ? `: ${detail}` : ''}`);
  }
}

export type CallFn = <N extends EndpointName>(name: N, ...args: ArgsOf<Endpoints[N]>) => Promise<ResultOf<Endpoints[N]>>;

export interface Bridge {
  call: CallFn;
  /** Calls sent and not yet answered plus calls waiting in the queue. */
  pending(): number;
  /** Calls running now (never more than the limit). */
  running(): number;
  /** Notified whenever pending() changes. Returns an unsubscribe function. */
  onPendingChange(listener: (pending: number) => void): () => void;
}

export interface BridgeOptions {
  /** Returns google.script.run, or undefined outside Apps Script. Read at each call. */
  run: () => ScriptRun | undefined;
  /** At most this many calls at once (google.script.run's limit is 10). */
  maxConcurrent?: number;
}

/** Makes a value legal for google.script.run: Dates become ISO strings, undefined array items null. */
export function toWire(value: unknown, seen: Set<object> = new Set()): unknown {
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) throw new Error('invalid date');
    return value.toISOString();
  }
  if (typeof value === 'function' || typeof value === 'symbol' || typeof value === 'bigint') {
    throw new Error(`a ${typeof value} cannot be sent`);
  }
  if (value === null || typeof value !== 'object') return value;
  if (seen.has(value)) throw new Error('circular value');
  seen.add(value);
  try {
    if (Array.isArray(value)) return value.map((v) => (v === undefined ? null : toWire(v, seen)));
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      if (v !== undefined) out[k] = toWire(v, seen);
    }
    return out;
  } finally {
    seen.delete(value);
  }
}

function describe(e: unknown): string {
  if (e instanceof Error) return e.message;
  if (typeof e === 'string') return e;
  try {
    return JSON.stringify(e);
  } catch {
    return String(e);
  }
}

export function createBridge(options: BridgeOptions): Bridge {
  const limit = Math.max(1, Math.min(10, options.maxConcurrent ?? 10));
  const queue: Array<() => void> = [];
  const listeners = new Set<(n: number) => void>();
  let active = 0;

  const notify = () => {
    const n = active + queue.length;
    for (const l of listeners) l(n);
  };

  const pump = () => {
    while (active < limit && queue.length > 0) {
      const start = queue.shift();
      active += 1;
      if (start) start();
    }
  };

  const finished = () => {
    active -= 1;
    pump();
    notify();
  };

  const send = (name: EndpointName, wireArgs: unknown[]): Promise<unknown> =>
    new Promise<unknown>((resolve, reject) => {
      queue.push(() => {
        let settled = false;
        const settle = (fn: () => void) => {
          if (settled) return;
          settled = true;
          fn();
          finished();
        };
        try {
          const run = options.run();
          if (!run) throw new CallError('noBridge', undefined);
          const runner = run
            .withSuccessHandler((value) => settle(() => resolve(value)))
            .withFailureHandler((error) => settle(() => reject(new CallError('failed', undefined, describe(error)))));
          const fn = (runner as unknown as Record<string, unknown>)[name];
          if (typeof fn !== 'function') throw new CallError('noBridge', undefined, name);
          (fn as (...a: unknown[]) => void).apply(runner, wireArgs);
        } catch (e) {
          settle(() => reject(e instanceof CallError ? e : new CallError('failed', undefined, describe(e))));
        }
      });
      pump();
      notify();
    });

  const call = (async (name: EndpointName, ...args: unknown[]): Promise<unknown> => {
    const ep = ENDPOINTS[name];
    let wireArgs: unknown[];
    try {
      wireArgs = toWire(args) as unknown[];
      // Drop trailing undefined-turned-null optional arguments: the server sees them as absent.
      while (wireArgs.length > 0 && wireArgs[wireArgs.length - 1] === null && args[wireArgs.length - 1] === undefined) wireArgs.pop();
    } catch (e) {
      throw new CallError('badArgs', undefined, `${name}: ${describe(e)}`);
    }
    const checked = ep.args.safeParse(wireArgs);
    if (!checked.success) throw new CallError('badArgs', undefined, `${name}: ${checked.error.issues[0]?.message ?? ''}`);
    const raw = await send(name, wireArgs);
    const env = envelopeSchema.safeParse(raw);
    if (!env.success) throw new CallError('badResponse', undefined, name);
    if (!env.data.ok) throw new CallError(env.data.error.code, env.data.error.message);
    const result = ep.result.safeParse(env.data.data);
    if (!result.success) throw new CallError('badResponse', undefined, `${name}: ${result.error.issues[0]?.path.join('.') ?? ''}`);
    return result.data;
  }) as CallFn;

  return {
    call,
    pending: () => active + queue.length,
    running: () => active,
    onPendingChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
