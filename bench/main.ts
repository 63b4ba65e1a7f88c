/**
 * `npm run bench [-- --json] [--rows 1000,10000,100000] [--seed N] [--actions a,b]`
 *
 * For each size: generate a messy client table (bench/generate.ts), load it into a fresh emulated
 * spreadsheet as a person would paste it (not counted), then run every action of bench/actions.ts whose
 * entry points exist in dist/Code.js, and measure { action, rows, cpu_ms, service_calls, sim_ms, peak_mb }:
 * - cpu_ms: the script's cpu time as the emulator measures it (emu.stats().scriptCpuMs), or the
 *   process cpu time around the call when that is 0 (plain-Node actions);
 * - service_calls, sim_ms: the emulator's counters and simulated Apps Script clock (docs/ARCHITECTURE.md's model);
 * - peak_mb: peak growth of the process's resident memory during the action (bench/measure.ts).
 * `--json` prints exactly one JSON array of those rows on stdout (notes go to stderr); otherwise a
 * readable table and notes with the alerts and toasts each action showed (`--by-method`: service calls per method too). `--demo [PATH]` writes the playground's demo table instead
 * (default dev/playground/demo.csv).
 */
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { ACTIONS, type ActionDef, type SizeState } from './actions';
import { loadAddonFactory, type Addon, type AddonFactory } from './addon';
import { COLUMN_KEYS, generateTable, type GeneratedTable } from './generate';
import { writeDemo } from './make-demo';
import { MemorySampler, collectGarbage, round } from './measure';

export interface BenchRow {
  action: string;
  rows: number;
  cpu_ms: number;
  service_calls: number;
  sim_ms: number;
  peak_mb: number;
}

interface Options {
  rows: number[];
  seed: number;
  actions: string[] | null;
  json: boolean;
  demo: string | null;
  byMethod: boolean;
}

const MAX_ROWS = 500_000;

class UsageError extends Error {}

const USAGE = 'usage: bench [--json] [--rows 1000,10000,100000] [--seed N] [--actions a,b] [--by-method] [--demo [PATH]]';
const DEFAULT_DEMO = join(__dirname, '..', '..', 'dev', 'playground', 'demo.csv');

/** Reads the arguments with node:util parseArgs; a problem is a one-line UsageError. */
function readArgs(argv: readonly string[]): Options {
  const o: Options = { rows: [1000, 10000, 100000], seed: 42, actions: null, json: false, demo: null, byMethod: false };
  // `--demo` takes an optional path: without one (at the end, or before another option) it means the default.
  const args = argv.map((a, i) => (a === '--demo' && (argv[i + 1] === undefined || argv[i + 1]?.startsWith('--')) ? '--demo=' : a));
  const { tokens } = parseArgs({
    args,
    strict: false,
    allowPositionals: true,
    tokens: true,
    options: {
      json: { type: 'boolean' }, 'by-method': { type: 'boolean' }, help: { type: 'boolean', short: 'h' },
      rows: { type: 'string' }, seed: { type: 'string' }, actions: { type: 'string' }, demo: { type: 'string' },
    },
  });
  for (const tok of tokens) {
    if (tok.kind === 'positional') throw new UsageError(`unknown argument "${tok.value}"`);
    if (tok.kind !== 'option') continue;
    const value = (): string => {
      if (tok.value === undefined || tok.value === '') throw new UsageError(`${tok.rawName} needs a value`);
      return tok.value;
    };
    switch (tok.name) {
      case 'json': o.json = true; break;
      case 'by-method': o.byMethod = true; break;
      case 'help': throw new UsageError(USAGE);
      case 'rows':
        o.rows = value().split(',').map((s) => {
          const n = Number(s.trim().replace(/_/g, ''));
          if (!Number.isInteger(n) || n < 1 || n > MAX_ROWS) throw new UsageError(`--rows: "${s}" is not a whole number from 1 to ${MAX_ROWS}`);
          return n;
        });
        break;
      case 'seed': {
        const n = Number(value());
        if (!Number.isInteger(n) || n < 0) throw new UsageError('--seed must be a non-negative integer');
        o.seed = n;
        break;
      }
      case 'actions': {
        const names = value().split(',').map((s) => s.trim()).filter(Boolean);
        const known = new Set(ACTIONS.map((a) => a.name));
        for (const n of names) if (!known.has(n)) throw new UsageError(`--actions: unknown action "${n}" (known: ${[...known].join(', ')})`);
        o.actions = names;
        break;
      }
      case 'demo':
        o.demo = tok.value || DEFAULT_DEMO;
        break;
      default:
        throw new UsageError(`unknown argument "${tok.rawName}"`);
    }
  }
  return o;
}

function pad(s: string, n: number, right = false): string {
  return right ? s.padStart(n) : s.padEnd(n);
}

function printTable(rows: readonly BenchRow[]): void {
  const head = ['action', 'rows', 'cpu_ms', 'service_calls', 'sim_ms', 'peak_mb'];
  const body = rows.map((r) => [r.action, r.rows.toLocaleString('en-US'), r.cpu_ms.toFixed(1), String(r.service_calls), r.sim_ms.toFixed(1), r.peak_mb.toFixed(1)]);
  const widths = head.map((h, c) => Math.max(h.length, ...body.map((b) => (b[c] ?? '').length)));
  const line = (cells: readonly string[]) => cells.map((c, i) => pad(c, widths[i] ?? 0, i > 0)).join('  ');
  console.log(line(head));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const b of body) console.log(line(b));
}

async function main(): Promise<number> {
  let options: Options;
  try {
    options = readArgs(process.argv.slice(2));
  } catch (e) {
    if (e instanceof UsageError) {
      console.error(`bench: ${e.message}`);
      return 2;
    }
    throw e;
  }

  if (options.demo) {
    const path = resolve(options.demo);
    const t = writeDemo(path);
    console.error(`bench: wrote ${t.rows.length} clients × ${t.header.length} columns to ${path} (${t.truth.length} planted duplicate clusters)`);
    return 0;
  }

  // With --json, stdout carries the JSON array and nothing else: anything the add-on or the emulator
  // logs goes to stderr.
  const out = process.stdout;
  if (options.json) {
    console.log = (...args: unknown[]) => console.error(...args);
    console.info = console.log;
    console.debug = console.log;
  }
  const notes: string[] = [];
  const note = (text: string): void => {
    if (options.json) console.error(`bench: ${text}`);
    else notes.push(text);
  };

  const selected: readonly ActionDef[] = options.actions ? ACTIONS.filter((a) => options.actions?.includes(a.name)) : ACTIONS;
  const factoryOrMissing = loadAddonFactory(join(__dirname, '..'));
  const factory: AddonFactory | null = 'create' in factoryOrMissing ? factoryOrMissing : null;
  const runnable = selected.filter((a) => {
    if (a.kind === 'node') return true;
    if (!factory) {
      console.error(`bench: skipping ${a.name}: ${'missing' in factoryOrMissing ? factoryOrMissing.missing : ''}`);
      return false;
    }
    const missing = a.needs.filter((n) => !factory.entryPoints.has(n));
    if (missing.length > 0) {
      console.error(`bench: skipping ${a.name}: dist/Code.js has no ${missing.join(', ')} yet`);
      return false;
    }
    return true;
  });

  const sampler = new MemorySampler();
  sampler.start();
  const results: BenchRow[] = [];
  try {
    for (const n of options.rows) {
      const t0 = performance.now();
      const table: GeneratedTable = generateTable({ rows: n, seed: options.seed });
      // Sheets holds 10 million cells per spreadsheet, and the emulator enforces it. A table near it
      // (500,000 rows × 20 columns fills it exactly; a sheet keeps 26 columns) leaves no room for the
      // add-on's sheets and columns: such sizes are measured with the emulator's limit lifted.
      const full = n * 26 > 9_000_000;
      if (full) console.error(`bench: ${n} rows reach Sheets' 10-million-cell limit: measured with the emulator's cellLimit lifted`);
      const load = (withTable: boolean): Addon => {
        if (!factory) throw new Error('no emulator');
        return factory.create(withTable ? [table.header, ...table.rows] : [], full ? { cellLimit: Number.POSITIVE_INFINITY } : undefined);
      };
      let main: Addon | null = null;
      const state: SizeState = {
        rows: n,
        seed: options.seed,
        table,
        columns: COLUMN_KEYS,
        env: () => (main ??= load(false)),
        freshEnv: () => load(true),
        tableSheet: null,
        note,
      };
      if (!options.json) console.error(`bench: ${n.toLocaleString('en-US')} rows generated in ${Math.round(performance.now() - t0)} ms`);

      for (const action of runnable) {
        let addon: Addon | null = null;
        let alerts0 = 0;
        let toasts0 = 0;
        try {
          if (action.kind === 'addon') {
            addon = action.envFor ? action.envFor(state) : state.env();
            action.prepare?.(state);
            addon.emu.resetStats();
            alerts0 = addon.emu.alerts.length;
            toasts0 = addon.emu.toasts.length;
          } else {
            action.prepare?.(state);
          }
          let own: { cpuMs: number } | void = undefined;
          const m = sampler.measure(() => { own = action.run(state, addon); });
          const stats = addon?.emu.stats();
          const scriptCpu = stats?.scriptCpuMs ?? 0;
          // An action that measures its own cpu (load, in child processes) reports it.
          const ownCpu = (own as { cpuMs: number } | void)?.cpuMs;
          const cpu = ownCpu !== undefined ? ownCpu : scriptCpu > 0 ? scriptCpu : m.cpuMs;
          results.push({
            action: action.name,
            rows: n,
            cpu_ms: round(cpu),
            service_calls: stats?.total ?? 0,
            sim_ms: round(stats ? stats.simMs : cpu * 3),
            peak_mb: round(m.peakMb),
          });
          if (!options.json) console.error(`bench: ${action.name} @${n} done in ${Math.round(m.wallMs)} ms wall`);
          action.after?.(state);
          if (options.byMethod && stats) {
            const calls = Object.entries(stats.byMethod).sort((a, b) => b[1] - a[1]).map(([k, v]) => `${k} ${v}`).join(', ');
            // The cpu of the action's own code, without evaluating dist/Code.js at each execution (the `load` row).
            if (stats.loadCpuMs !== undefined && stats.loadCpuMs > 0) note(`${action.name} @${n} cpu without loading dist/Code.js: ${round(stats.scriptCpuMs - stats.loadCpuMs)} ms (loading: ${round(stats.loadCpuMs)} ms)`);
            note(`${action.name} @${n} calls: ${calls || 'none'}`);
          }
          {
            const oneLine = (t: string) => t.replace(/\s+/g, ' ').slice(0, 160);
            for (const a of addon?.emu.alerts.slice(alerts0) ?? []) note(`${action.name} @${n} ${a.kind} "${oneLine(a.title)}": ${oneLine(a.prompt)} → ${a.answer.button}${a.answer.text !== undefined ? ` "${a.answer.text}"` : ''}`);
            for (const t of addon?.emu.toasts.slice(toasts0) ?? []) note(`${action.name} @${n} toast: ${oneLine(t.message)}`);
          }
        } catch (e) {
          const msg = e instanceof Error ? e.message.split('\n')[0] : String(e);
          console.error(`bench: ${action.name} @${n} failed: ${msg}`);
          if (action.name === 'setup') state.tableSheet = null;
        }
      }
      main = null;
      collectGarbage();
    }
  } finally {
    await sampler.stop();
  }

  // docs/ARCHITECTURE.md rule 1: service calls must not grow with rows. Say so when they do between sizes.
  for (const action of new Set(results.map((r) => r.action))) {
    const series = results.filter((r) => r.action === action && r.service_calls > 0).sort((a, b) => a.rows - b.rows);
    const executions = ACTIONS.find((d) => d.name === action)?.executions ?? (() => 1);
    for (let i = 1; i < series.length; i++) {
      const a = series[i - 1];
      const b = series[i];
      if (a && b && executions(a.rows) === executions(b.rows) && b.service_calls > a.service_calls) {
        note(`${action}: service calls grow with rows (${a.service_calls} at ${a.rows.toLocaleString('en-US')} → ${b.service_calls} at ${b.rows.toLocaleString('en-US')}; run with --by-method to see which)`);
      }
    }
  }

  if (options.json) {
    out.write(`${JSON.stringify(results)}\n`);
  } else {
    printTable(results);
    if (notes.length > 0) {
      console.log('');
      for (const n of notes) console.log(`- ${n}`);
    }
  }
  return 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    console.error(`bench: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
    process.exitCode = 1;
  },
);
