/**
 * Compares two contract outputs (the emulator's and a real spreadsheet's), claim by claim:
 *   node dist/dev/contract-compare.js emulator.json real.json
 * prints each claim whose outcome or detail differs and exits 1 when outcomes differ.
 *
 *   node dist/dev/contract-compare.js --clock measured.json [--write dev/emulator/clock.json]
 * turns measureClock's output into the emulator's clock file: the cpu factor is measureClock's
 * cpuBench time over the same workload's time here.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import type { ClaimResult, ContractReport } from './claims';
import { cpuBench, type MeasuredClock } from './measure';

export interface Difference {
  name: string;
  emulator: ClaimResult | null;
  real: ClaimResult | null;
  kind: 'outcome' | 'detail' | 'missing';
}

export function compareReports(emulator: ContractReport, real: ContractReport): Difference[] {
  const out: Difference[] = [];
  const byName = new Map(real.claims.map((c) => [c.name, c]));
  for (const e of emulator.claims) {
    const r = byName.get(e.name) ?? null;
    byName.delete(e.name);
    if (!r) out.push({ name: e.name, emulator: e, real: null, kind: 'missing' });
    else if (r.ok !== e.ok) out.push({ name: e.name, emulator: e, real: r, kind: 'outcome' });
    else if (r.detail !== e.detail) out.push({ name: e.name, emulator: e, real: r, kind: 'detail' });
  }
  for (const r of byName.values()) out.push({ name: r.name, emulator: null, real: r, kind: 'missing' });
  return out;
}

export function clockFile(measured: MeasuredClock, nodeCpuMs: number): Record<string, unknown> {
  return {
    source: measured.source,
    msPerCall: measured.msPerCall,
    msPerCellRead: measured.msPerCellRead,
    msPerCellWritten: measured.msPerCellWritten,
    cpuFactor: nodeCpuMs > 0 ? Math.round((measured.cpuBenchMs / nodeCpuMs) * 100) / 100 : measured.cpuFactor,
  };
}

function nodeCpuMs(): number {
  cpuBench(); // warm up
  const runs: number[] = [];
  for (let i = 0; i < 5; i++) {
    const t0 = performance.now();
    cpuBench();
    runs.push(performance.now() - t0);
  }
  runs.sort((a, b) => a - b);
  return runs[2] ?? 0;
}

function main(argv: string[]): number {
  const read = <T>(p: string): T => JSON.parse(readFileSync(p, 'utf8').replace(/^\uFEFF/, '')) as T;
  if (argv[0] === '--clock' && argv[1]) {
    const file = clockFile(read<MeasuredClock>(argv[1]), nodeCpuMs());
    const text = `${JSON.stringify(file, null, 2)}\n`;
    const w = argv.indexOf('--write');
    if (w >= 0 && argv[w + 1]) writeFileSync(argv[w + 1] as string, text);
    process.stdout.write(text);
    return 0;
  }
  if (argv.length < 2) {
    process.stderr.write('usage: contract-compare EMULATOR.json REAL.json | --clock MEASURED.json [--write dev/emulator/clock.json]\n');
    return 2;
  }
  const diffs = compareReports(read<ContractReport>(argv[0] as string), read<ContractReport>(argv[1] as string));
  for (const d of diffs) {
    const e = d.emulator ? `${d.emulator.ok ? 'ok' : 'FAILS'}: ${d.emulator.detail}` : '(absent)';
    const r = d.real ? `${d.real.ok ? 'ok' : 'FAILS'}: ${d.real.detail}` : '(absent)';
    process.stdout.write(`${d.kind === 'outcome' ? '✗' : '~'} ${d.name}\n    emulator ${e}\n    real     ${r}\n`);
  }
  const outcomes = diffs.filter((d) => d.kind !== 'detail').length;
  process.stdout.write(`${diffs.length} difference(s), ${outcomes} in outcome\n`);
  return outcomes === 0 ? 0 : 1;
}

if (require.main === module) process.exitCode = main(process.argv.slice(2));
