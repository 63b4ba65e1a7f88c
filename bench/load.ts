/**
 * The `load` row: the cpu time of evaluating dist/Code.js cold, as Apps Script does at every execution
 * (every onEdit included) before any entry point runs. Each sample is a fresh Node process, so V8's
 * per-isolate compilation cache cannot make a later sample warm; the child measures its own cpu around
 * the evaluation only (not Node's start-up). The median of the samples is reported.
 */
import { execFileSync } from 'node:child_process';
import { findUp } from '../dev/harness';

const CHILD = `
const fs = require('node:fs'), vm = require('node:vm');
const code = fs.readFileSync(process.argv[1], 'utf8');
const t0 = process.cpuUsage();
vm.runInNewContext(code, {}, { filename: 'Code.js' });
const c = process.cpuUsage(t0);
process.stdout.write(String((c.user + c.system) / 1000));
`;

export function measureLoad(samples = 7): { cpuMs: number; bytes: number } {
  const path = findUp('dist/Code.js');
  const cpu: number[] = [];
  for (let i = 0; i < samples; i++) {
    cpu.push(Number(execFileSync(process.execPath, ['-e', CHILD, path], { encoding: 'utf8' })));
  }
  cpu.sort((a, b) => a - b);
  const bytes = Number(execFileSync(process.execPath, ['-e', 'process.stdout.write(String(require("node:fs").statSync(process.argv[1]).size))', path], { encoding: 'utf8' }));
  return { cpuMs: cpu[Math.floor(cpu.length / 2)] as number, bytes };
}
