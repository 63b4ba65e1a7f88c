/**
 * The clock kit: measures, inside a spreadsheet, the time of one service call and of each cell read
 * and written at several sizes, and prints them in the shape of dev/emulator/clock.json (the emulator's
 * clock model), so that the model can be replaced by measurements. Runs on real Apps Script
 * (`measureClock` in dist/contract/) and on the emulator (where it must recover the emulator's own
 * constants: a test checks it).
 *
 * Apps Script batches writes until a read needs them, so a write is timed together with
 * SpreadsheetApp.flush(), and a call's round trip as a setValue followed by a getValue.
 * The script's own speed is measured with `cpuBench` (a fixed workload): the factor against Node is
 * computed by `compare.ts --clock`, which runs the same workload locally.
 */
import type { ContractEnv } from './claims';

export interface ClockSample {
  what: 'call' | 'read' | 'write' | 'cpu';
  cells: number;
  ms: number;
}
export interface MeasuredClock {
  source: string;
  msPerCall: number;
  msPerCellRead: number;
  msPerCellWritten: number;
  cpuFactor: number;
  /** Time of cpuBench() where it was measured (ms). */
  cpuBenchMs: number;
  samples: ClockSample[];
}

/** A fixed, deterministic workload of plain JavaScript (string and array work like the add-on's). */
export function cpuBench(): number {
  let acc = 0;
  const rows: string[] = [];
  for (let i = 0; i < 20000; i++) rows.push(`Client ${i} <c${(i * 7919) % 10007}@example.com> +86 138 ${String(i).padStart(4, '0')} 8000`);
  for (let k = 0; k < 5; k++) {
    const sorted = rows.slice().sort();
    for (const r of sorted) acc += r.replace(/\s+/g, ' ').toLowerCase().split('@').length;
  }
  return acc;
}

/** Least-squares slope of ms against cells. */
function slope(points: Array<{ cells: number; ms: number }>): number {
  const n = points.length;
  if (n < 2) return 0;
  const mx = points.reduce((a, p) => a + p.cells, 0) / n;
  const my = points.reduce((a, p) => a + p.ms, 0) / n;
  let num = 0;
  let den = 0;
  for (const p of points) {
    num += (p.cells - mx) * (p.ms - my);
    den += (p.cells - mx) * (p.cells - mx);
  }
  return den === 0 ? 0 : Math.max(0, num / den);
}

export const CLOCK_SIZES = [1000, 10000, 50000, 100000];

/** Measures on a scratch sheet (deleted after). `now` is the clock to read (Date.now on Apps Script). */
export function measureClock(env: ContractEnv, now: () => number = () => Date.now(), sizes: number[] = CLOCK_SIZES): MeasuredClock {
  const app = env.SpreadsheetApp;
  const ss = app.getActiveSpreadsheet();
  const home = ss.getActiveSheet();
  const stale = ss.getSheetByName('contract-clock');
  if (stale) ss.deleteSheet(stale);
  const sheet = ss.insertSheet('contract-clock');
  const cols = 10;
  const maxRows = Math.max(...sizes) / cols;
  if (maxRows > sheet.getMaxRows()) sheet.insertRowsAfter(sheet.getMaxRows(), maxRows - sheet.getMaxRows());
  const samples: ClockSample[] = [];
  try {
    // one call's round trip
    const cell = sheet.getRange(1, 1);
    const rounds = 20;
    let t0 = now();
    for (let i = 0; i < rounds; i++) {
      cell.setValue(i);
      cell.getValue();
    }
    const msPerCall = (now() - t0) / (rounds * 2);
    samples.push({ what: 'call', cells: 1, ms: msPerCall });
    for (const cells of sizes) {
      const rows = cells / cols;
      const block = Array.from({ length: rows }, (_, r) => Array.from({ length: cols }, (_c, c) => `v${r}-${c}`));
      const range = sheet.getRange(1, 1, rows, cols);
      t0 = now();
      range.setValues(block);
      app.flush();
      samples.push({ what: 'write', cells, ms: now() - t0 });
      t0 = now();
      range.getValues();
      samples.push({ what: 'read', cells, ms: now() - t0 });
    }
    t0 = now();
    cpuBench();
    const cpuBenchMs = now() - t0;
    samples.push({ what: 'cpu', cells: 0, ms: cpuBenchMs });
    return {
      source: `measured by measureClock in ${ss.getSpreadsheetLocale()}, ${new Date(now()).toISOString()}`,
      msPerCall: round(msPerCall),
      msPerCellRead: round(slope(samples.filter((s) => s.what === 'read'))),
      msPerCellWritten: round(slope(samples.filter((s) => s.what === 'write'))),
      cpuFactor: 3,
      cpuBenchMs,
      samples,
    };
  } finally {
    ss.deleteSheet(sheet);
    ss.setActiveSheet(home);
  }
}

function round(x: number): number {
  return Math.round(x * 1e6) / 1e6;
}
