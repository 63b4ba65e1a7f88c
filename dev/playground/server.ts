/**
 * `npm start`: the ClientFlow playground. The built add-on (dist/Code.js) runs on the Sheets emulator,
 * and a local page (127.0.0.1 only, no external requests) shows the emulated spreadsheet.
 *
 *   node dist/dev/playground.js [--data FILE.csv] [--port N] [--locale en|zh-CN]
 *
 * Threads: the HTTP server runs here; the emulator and the add-on run in a worker thread (engine.ts),
 * so that a script can stay suspended on an alert or prompt while the page keeps working, and resume
 * when the person answers (see engine.ts for why this is the honest model of Apps Script dialogs).
 * The same file is the worker's entry: it starts the engine when it is not the main thread.
 */
import { parseArgs as parseNodeArgs } from 'node:util';
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import http from 'node:http';
import { resolve, join } from 'node:path';
import { isMainThread, MessageChannel, parentPort, Worker, workerData, type MessagePort } from 'node:worker_threads';
import * as z from 'zod';
import { blockingChannel, Engine, type EngineConfig } from './engine';
import type { ActionResult, DialogOut, EngineOp, EngineReply, StateOut } from './protocol';
import { injectShim } from './shim';
import { limitProblem, parseBlock } from '../person';

// ---------------------------------------------------------------- worker side

type ToMain =
  | { type: 'ready' }
  | { type: 'fatal'; message: string }
  | { type: 'reply'; id: number; reply: EngineReply }
  | { type: 'dialog'; id: number; dialog: DialogOut };

interface WorkerInit {
  config: EngineConfig;
  signal: SharedArrayBuffer;
  port: MessagePort;
}

function runWorker(): void {
  const out = parentPort;
  if (!out) return;
  const init = workerData as WorkerInit;
  const post = (m: ToMain) => out.postMessage(m);
  let replyTo = 0;
  let engine: Engine | null = null;
  const channel = blockingChannel(
    (dialog) => {
      engine?.suspended();
      post({ type: 'dialog', id: replyTo, dialog });
    },
    init.port,
    new Int32Array(init.signal),
    (id, op) => {
      // While a script is suspended only reads are served.
      let reply: EngineReply;
      if (!engine) reply = { kind: 'error', message: 'starting' };
      else if (op.type === 'state') reply = engine.state(op);
      else if (op.type === 'shownHtml') reply = { html: engine.shownHtml(op.index) };
      else reply = { kind: 'error', message: 'A dialog is open: answer it first.' };
      post({ type: 'reply', id, reply });
    },
    (id) => {
      replyTo = id;
      engine?.resumed();
    },
  );
  try {
    engine = new Engine(init.config, channel);
  } catch (e) {
    post({ type: 'fatal', message: e instanceof Error ? e.message : String(e) });
    return;
  }
  const ready = engine;
  out.on('message', (m: { id: number; op: EngineOp }) => {
    replyTo = m.id;
    let reply: EngineReply;
    try {
      reply = ready.handle(m.op);
    } catch (e) {
      reply = { kind: 'error', message: e instanceof Error ? e.message : String(e) };
    }
    post({ type: 'reply', id: replyTo, reply });
  });
  post({ type: 'ready' });
}

// ---------------------------------------------------------------- main side

/** Talks to the worker. Requests made while a dialog is open go through the synchronous side channel
 * that the suspended worker polls (reads and the answer only). */
class EngineClient {
  private next = 1;
  private readonly pending = new Map<number, (r: EngineReply) => void>();
  private readonly side: MessageChannel;
  private readonly signal = new SharedArrayBuffer(4);
  private readonly worker: Worker;
  private dead: string | null = null;
  dialog: DialogOut | null = null;
  readonly ready: Promise<void>;
  /** Called once when the engine stops after it was ready (crash, out of memory, watchdog). */
  onDeath: (reason: string) => void = () => undefined;

  constructor(file: string, config: EngineConfig, memoryMb: number | null) {
    this.side = new MessageChannel();
    const init: WorkerInit = { config, signal: this.signal, port: this.side.port2 };
    this.worker = new Worker(file, {
      workerData: init,
      transferList: [this.side.port2],
      // A runaway script or table takes down the engine only, never the server.
      resourceLimits: memoryMb !== null ? { maxOldGenerationSizeMb: memoryMb } : undefined,
    });
    let started = false;
    this.ready = new Promise((resolveReady, reject) => {
      this.worker.on('message', (m: ToMain) => {
        if (m.type === 'ready') {
          started = true;
          resolveReady();
        } else if (m.type === 'fatal') reject(new Error(m.message));
        else if (m.type === 'dialog') {
          this.dialog = m.dialog;
          this.settle(m.id, { kind: 'dialog', dialog: m.dialog });
        } else this.settle(m.id, m.reply);
      });
      const stopped = (reason: string) => {
        if (this.dead !== null) return;
        this.dead = reason;
        this.dialog = null;
        // Every request waiting on the engine gets an answer: none may hang.
        for (const id of [...this.pending.keys()]) this.settle(id, { kind: 'error', message: `The playground's engine stopped (${reason}).` });
        if (started) this.onDeath(reason);
        else reject(new Error(reason));
      };
      this.worker.on('error', (e) => stopped(e instanceof Error ? e.message : String(e)));
      this.worker.on('exit', (code) => stopped(this.killedFor ?? `exit code ${code}`));
    });
  }

  private settle(id: number, reply: EngineReply): void {
    const done = this.pending.get(id);
    this.pending.delete(id);
    done?.(reply);
  }

  send(op: EngineOp, timeoutMs: number): Promise<EngineReply> {
    if (this.dead !== null) return Promise.resolve({ kind: 'error', message: `The playground's engine stopped (${this.dead}).` });
    const id = this.next++;
    return new Promise((res) => {
      // The watchdog: a script that never returns (no time limit can strike without a service call)
      // stops the engine, which is then started again.
      const timer = setTimeout(() => void this.kill(`no answer in ${Math.round(timeoutMs / 1000)} s`), timeoutMs);
      timer.unref();
      this.pending.set(id, (r) => {
        clearTimeout(timer);
        res(r);
      });
      if (this.dialog && (op.type === 'state' || op.type === 'shownHtml' || op.type === 'answer')) {
        if (op.type === 'answer') this.dialog = null;
        this.side.port1.postMessage({ id, op });
        const flag = new Int32Array(this.signal);
        Atomics.add(flag, 0, 1);
        Atomics.notify(flag, 0);
      } else {
        this.worker.postMessage({ id, op });
      }
    });
  }

  /** Stops the engine (the watchdog); its exit then goes the way of a crash. */
  private async kill(reason: string): Promise<void> {
    if (this.dead !== null) return;
    this.killedFor = reason;
    await this.worker.terminate();
  }
  private killedFor: string | null = null;

  async stop(): Promise<void> {
    this.dead = this.dead ?? 'stopped';
    this.side.port1.close();
    await this.worker.terminate();
  }
}

/** One engine at a time: when it stops, the page is told why and a fresh engine loads the table again. */
class EngineHost {
  private client: EngineClient;
  private starting: Promise<void> | null = null;
  private failed: string | null = null;
  notice: string | null = null;

  constructor(
    private readonly file: string,
    private readonly config: EngineConfig,
    private readonly memoryMb: number | null,
    private readonly timeoutMs: number,
  ) {
    this.client = this.spawn();
  }

  private spawn(): EngineClient {
    const c = new EngineClient(this.file, this.config, this.memoryMb);
    c.onDeath = (reason) => {
      const data = this.config.dataFile.replace(/^.*[\\/]/, '');
      this.notice = `The playground's engine stopped (${reason}). It was started again with ${data} loaded afresh: changes made since are gone.`;
      console.error(`ClientFlow playground: ${this.notice}`);
      this.client = this.spawn();
      this.starting = this.client.ready.then(
        () => {
          this.starting = null;
        },
        (e: unknown) => {
          this.starting = null;
          this.failed = `The playground's engine stopped (${reason}) and could not start again (${e instanceof Error ? e.message : String(e)}). Restart npm start.`;
          console.error(`ClientFlow playground: ${this.failed}`);
        },
      );
    };
    return c;
  }

  get ready(): Promise<void> {
    return this.client.ready;
  }

  get dialog(): DialogOut | null {
    return this.failed === null ? this.client.dialog : null;
  }

  /** A message for the page when the engine cannot answer at all. */
  get fatal(): string | null {
    return this.failed;
  }

  async send(op: EngineOp): Promise<EngineReply> {
    if (this.starting) await this.starting;
    if (this.failed !== null) return { kind: 'error', message: this.failed };
    return this.client.send(op, this.timeoutMs);
  }

  stop(): Promise<void> {
    return this.client.stop();
  }
}

interface Options {
  data: string | null;
  port: number | null;
  locale: string;
  /** Heap cap of the engine thread (MB); the engine stops alone when a script or table passes it. */
  engineMemoryMb: number | null;
  /** Seconds an action may run before the engine is stopped and started again. */
  engineTimeoutS: number;
}

function usage(message: string): never {
  console.error(`ClientFlow playground: ${message}`);
  console.error('usage: node dist/dev/playground.js [--data FILE.csv] [--port N] [--locale en|zh-CN] [--engine-memory MB] [--engine-timeout SECONDS]');
  process.exit(2);
}

/** The command line, read by node:util parseArgs (strict: an unknown option or a missing value is an error). */
export function parseArgs(argv: string[]): Options {
  let parsed: ReturnType<typeof parseNodeArgs<{ options: typeof ARG_OPTIONS; args: string[]; strict: true; allowPositionals: false }>>;
  try {
    parsed = parseNodeArgs({ args: argv, options: ARG_OPTIONS, strict: true, allowPositionals: false });
  } catch (e) {
    usage(e instanceof Error ? e.message : String(e));
  }
  const v = parsed.values;
  if (v.help) usage('the add-on on an emulated spreadsheet, in your browser');
  const opts: Options = { data: v.data ?? null, port: null, locale: 'en', engineMemoryMb: null, engineTimeoutS: 300 };
  if (v.port !== undefined) {
    const n = Number(v.port);
    if (!/^\d+$/.test(v.port) || n > 65535) usage(`--port must be a number from 0 to 65535, not "${v.port}"`);
    opts.port = n;
  }
  if (v.locale !== undefined) {
    if (v.locale !== 'en' && v.locale !== 'zh-CN') usage(`--locale must be en or zh-CN, not "${v.locale}"`);
    opts.locale = v.locale;
  }
  for (const [flag, raw] of [['--engine-memory', v['engine-memory']], ['--engine-timeout', v['engine-timeout']]] as const) {
    if (raw === undefined) continue;
    const n = Number(raw);
    if (!/^\d+$/.test(raw) || n < 1) usage(`${flag} must be a whole number above 0, not "${raw}"`);
    if (flag === '--engine-memory') opts.engineMemoryMb = n;
    else opts.engineTimeoutS = n;
  }
  return opts;
}

const ARG_OPTIONS = {
  data: { type: 'string' },
  port: { type: 'string' },
  locale: { type: 'string' },
  'engine-memory': { type: 'string' },
  'engine-timeout': { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

const CONTENT_TYPES = {
  html: 'text/html; charset=utf-8',
  js: 'text/javascript; charset=utf-8',
  css: 'text/css; charset=utf-8',
  json: 'application/json; charset=utf-8',
} as const;

/** The page may load only what this server serves: nothing leaves the machine. */
const PAGE_CSP = "default-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; frame-src 'self'; object-src 'none'; base-uri 'none'";
/** The add-on's own HTML (sidebar, dialogs): its inline script and style run, every outside request
 * (Google's add-on stylesheet included) is blocked by the browser before it is made. */
const ADDON_CSP = "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data:; font-src data:; base-uri 'none'";

const A1 = z.string().min(2).max(60);
const editBody = z.object({ sheet: z.string(), a1: A1, value: z.string() });
const pasteBody = z
  .object({ sheet: z.string(), a1: A1, values: z.array(z.array(z.string())).min(1).optional(), numberFormats: z.array(z.array(z.string())).min(1).optional(), from: A1.optional(), special: z.enum(['normal', 'values']).optional() })
  .refine((p) => (p.values !== undefined) !== (p.from !== undefined), { message: 'a paste takes either values or from', path: ['values'] });
const clearBody = z.object({ sheet: z.string(), a1: A1 });

/** A cell or block in A1 notation that a spreadsheet can hold; else a 400 with the reason (the
 * engine is never asked to grow a sheet past Sheets' limits). */
function checkBlock(a1: string, allowRange: boolean, rows = 1, cols = 1, field = 'a1'): void {
  const b = parseBlock(a1, allowRange);
  if (!b) throw new BadRequest(`bad request: ${field} "${a1}" is not a ${allowRange ? 'cell or range' : 'cell'} in A1 notation`);
  const problem = limitProblem(allowRange ? b : { ...b, rows, cols });
  if (problem) throw new BadRequest(`bad request: ${field}: ${problem}`);
}

class BadRequest extends Error {}
const menuBody = z.object({ fn: z.string().regex(/^[A-Za-z_$][\w$]*$/) });
const runBody = z.object({ fn: z.string().regex(/^[A-Za-z_$][\w$]*$/), args: z.array(z.unknown()) });
const answerBody = z.object({ answer: z.string() });
const activateBody = z.object({ sheet: z.string() });

const MAX_BODY = 20 * 1024 * 1024;

function readBody(req: http.IncomingMessage): Promise<unknown> {
  return new Promise((res, rej) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      // Past the limit the rest is read and dropped, so the page gets an answer, not a reset.
      if (size <= MAX_BODY) chunks.push(c);
    });
    req.on('end', () => {
      if (size > MAX_BODY) {
        rej(new BadRequest(`bad request: the request is larger than ${MAX_BODY / 1024 / 1024} MB`));
        return;
      }
      try {
        res(chunks.length ? (JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown) : {});
      } catch {
        rej(new BadRequest('bad request: the body is not JSON'));
      }
    });
    req.on('error', rej);
  });
}

function send(res: http.ServerResponse, status: number, body: string | Buffer, type: string, csp = PAGE_CSP): void {
  if (res.headersSent) return;
  res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store', 'content-security-policy': csp, 'x-content-type-options': 'nosniff' });
  res.end(body);
}

function sendJson(res: http.ServerResponse, status: number, value: unknown): void {
  send(res, status, JSON.stringify(value), CONTENT_TYPES.json);
}

export async function startPlayground(argv: string[]): Promise<{ server: http.Server; url: string; stop: () => Promise<void> }> {
  const opts = parseArgs(argv);
  // dist/dev/playground.js → the repository root is two levels up.
  const root = resolve(__dirname, '..', '..');
  const codeFile = join(root, 'dist', 'Code.js');
  const sidebarFile = join(root, 'dist', 'Sidebar.html');
  const clientFile = join(root, 'dist', 'dev', 'playground-client.js');
  for (const f of [codeFile, sidebarFile, clientFile]) {
    if (!existsSync(f)) usage(`${f} is missing: build first (node build.mjs, or npm start)`);
  }
  let dataFile: string;
  if (opts.data !== null) {
    // `npm start -- --data FILE` runs in the package folder; INIT_CWD is where the person typed it.
    dataFile = resolve(process.env.INIT_CWD ?? process.cwd(), opts.data);
    if (!existsSync(dataFile)) usage(`cannot read --data ${opts.data}: no such file`);
  } else {
    dataFile = join(root, 'dev', 'playground', 'demo.csv');
    if (!existsSync(dataFile)) {
      dataFile = join(root, 'test', 'browser', 'fixtures', 'clients.csv');
      console.log('ClientFlow playground: dev/playground/demo.csv not generated yet; showing the small test fixture');
    }
  }
  const config: EngineConfig = { root, dataFile, locale: opts.locale, codeFile, sidebarFile };
  const engine = new EngineHost(__filename, config, opts.engineMemoryMb, opts.engineTimeoutS * 1000);
  try {
    await engine.ready;
  } catch (e) {
    await engine.stop();
    usage(`cannot start: ${e instanceof Error ? e.message : String(e)}`);
  }
  const pageDir = join(root, 'dev', 'playground');
  // A secret of this run, written into the page: state-changing requests must carry it, so no other
  // page the browser has open (another origin) can type into cells or run menus.
  const token = randomBytes(24).toString('hex');
  const page = () => {
    const html = readFileSync(join(pageDir, 'index.html'), 'utf8');
    return html.replace(/<head>/i, `<head>\n<meta name="clientflow-token" content="${token}">`);
  };
  const statics: Record<string, [() => string | Buffer, string]> = {
    '/': [page, CONTENT_TYPES.html],
    '/index.html': [page, CONTENT_TYPES.html],
    '/styles.css': [() => readFileSync(join(pageDir, 'styles.css')), CONTENT_TYPES.css],
    '/client.js': [() => readFileSync(clientFile), CONTENT_TYPES.js],
  };

  const action = async (res: http.ServerResponse, op: EngineOp) => {
    if (engine.dialog && op.type !== 'answer') {
      sendJson(res, 409, { kind: 'error', message: 'A dialog is open: answer it first.' } satisfies ActionResult);
      return;
    }
    sendJson(res, 200, await engine.send(op));
  };

  let port = 0;
  /** Who may talk to the server: only pages it served itself, at the address it listens on. */
  const refuse = (req: http.IncomingMessage): string | null => {
    // The Host header defeats DNS rebinding: a page at evil.example whose name now points to
    // 127.0.0.1 still sends "Host: evil.example".
    const host = (req.headers.host ?? '').toLowerCase();
    if (host !== `127.0.0.1:${port}` && host !== `localhost:${port}`) return `this playground answers only at http://127.0.0.1:${port}/ (Host "${host}" refused)`;
    const origin = req.headers.origin;
    if (origin !== undefined && origin !== `http://127.0.0.1:${port}` && origin !== `http://localhost:${port}`) return `requests from ${origin} are refused: only the playground's own page may use it`;
    const site = req.headers['sec-fetch-site'];
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    if ((path.startsWith('/api/') || path.startsWith('/html/')) && site !== undefined && site !== 'same-origin' && site !== 'none') return `cross-site requests are refused (${String(site)})`;
    if (req.method === 'POST') {
      const type = (req.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase();
      if (type !== 'application/json') return 'a change must be sent as application/json';
      const given = Buffer.from(String(req.headers['x-clientflow-token'] ?? ''));
      const want = Buffer.from(token);
      if (given.length !== want.length || !timingSafeEqual(given, want)) return "a change must carry this run's token (reload the playground page)";
    } else if (req.method !== 'GET' && req.method !== 'HEAD') return `${String(req.method)} is not supported`;
    return null;
  };

  const server = http.createServer((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      const path = url.pathname;
      try {
        const refused = refuse(req);
        if (refused) {
          req.resume();
          send(res, 403, refused, 'text/plain; charset=utf-8');
          return;
        }
        const file = req.method === 'GET' ? statics[path] : undefined;
        if (file) {
          send(res, 200, file[0](), file[1]);
        } else if (req.method === 'GET' && path === '/api/state') {
          const num = (k: string, d: number) => {
            const v = Number(url.searchParams.get(k));
            return Number.isFinite(v) && v > 0 ? v : d;
          };
          const reply = await engine.send({ type: 'state', sheet: url.searchParams.get('sheet') ?? undefined, r0: num('r0', 1), r1: num('r1', 100) });
          if ('kind' in reply && reply.kind === 'error') {
            sendJson(res, 503, reply);
            return;
          }
          const state = reply as StateOut;
          const notice = engine.notice ?? undefined;
          sendJson(res, 200, { ...state, dialog: engine.dialog, ...(notice ? { notice } : {}) });
        } else if (req.method === 'GET' && /^\/html\/\d+$/.test(path)) {
          const reply = (await engine.send({ type: 'shownHtml', index: Number(path.slice(6)) })) as { html?: string | null };
          if (typeof reply.html !== 'string') send(res, 404, 'not found', 'text/plain; charset=utf-8');
          else send(res, 200, injectShim(reply.html), CONTENT_TYPES.html, ADDON_CSP);
        } else if (req.method === 'POST' && path.startsWith('/api/')) {
          const body = await readBody(req);
          const name = path.slice(5);
          if (name === 'edit') {
            const b = editBody.parse(body);
            checkBlock(b.a1, false);
            await action(res, { type: 'edit', ...b });
          } else if (name === 'paste') {
            const b = pasteBody.parse(body);
            const width = b.values ? b.values.reduce((w, r) => Math.max(w, r.length), 1) : 1;
            checkBlock(b.a1, false, b.values?.length ?? 1, width);
            if (b.from !== undefined) checkBlock(b.from, true, 1, 1, 'from');
            await action(res, { type: 'paste', ...b });
          } else if (name === 'clear') {
            const b = clearBody.parse(body);
            checkBlock(b.a1, true);
            await action(res, { type: 'clear', ...b });
          } else if (name === 'menu') await action(res, { type: 'menu', ...menuBody.parse(body) });
          else if (name === 'run') await action(res, { type: 'run', ...runBody.parse(body) });
          else if (name === 'answer') await action(res, { type: 'answer', ...answerBody.parse(body) });
          else if (name === 'activate') await action(res, { type: 'activate', ...activateBody.parse(body) });
          else sendJson(res, 404, { kind: 'error', message: `unknown endpoint ${path}` });
        } else {
          send(res, 404, 'not found', 'text/plain; charset=utf-8');
        }
      } catch (e) {
        const message = e instanceof z.ZodError ? `bad request: ${e.issues.map((i) => `${i.path.join('.')} ${i.message}`).join('; ')}` : e instanceof Error ? e.message : String(e);
        if (!res.headersSent) sendJson(res, 400, { kind: 'error', message });
      }
    })();
  });

  const listen = (port: number) =>
    new Promise<number>((res, rej) => {
      const onError = (e: NodeJS.ErrnoException) => {
        server.off('listening', onListening);
        rej(e);
      };
      const onListening = () => {
        server.off('error', onError);
        const addr = server.address();
        res(typeof addr === 'object' && addr ? addr.port : port);
      };
      server.once('error', onError);
      server.once('listening', onListening);
      server.listen(port, '127.0.0.1');
    });

  let bound: number | null = null;
  if (opts.port !== null) bound = await listen(opts.port);
  else {
    // The default port, or the next free one.
    for (let p = 8080; p < 8180 && bound === null; p++) {
      try {
        bound = await listen(p);
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw e;
      }
    }
    if (bound === null) bound = await listen(0);
  }
  port = bound;
  const url = `http://127.0.0.1:${port}/`;
  return {
    server,
    url,
    stop: async () => {
      await new Promise<void>((r) => server.close(() => r()));
      await engine.stop();
    },
  };
}

if (isMainThread) {
  startPlayground(process.argv.slice(2)).then(
    ({ url, stop }) => {
      console.log(`ClientFlow playground: ${url}`);
      const quit = () => {
        // A worker suspended on a dialog is terminated too; do not wait on it for long.
        setTimeout(() => process.exit(0), 2000).unref();
        void stop().then(() => process.exit(0));
      };
      process.on('SIGINT', quit);
      process.on('SIGTERM', quit);
    },
    (e: unknown) => {
      console.error(`ClientFlow playground: ${e instanceof Error ? e.message : String(e)}`);
      process.exit(1);
    },
  );
} else {
  runWorker();
}
