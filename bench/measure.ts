/**
 * Measuring one action: process cpu time around it, and the peak resident memory growth during it.
 *
 * The action runs synchronously on the main thread, so a timer there could not sample memory while it
 * runs; a tiny worker thread samples the process's RSS every few milliseconds into shared memory
 * instead. RSS is process-wide (heap, buffers, the emulator's cells), which is what "running out of
 * memory" is about. Before the baseline we collect garbage when node runs with --expose-gc.
 */
import { Worker } from 'node:worker_threads';

const SAMPLER = `
const { workerData } = require('node:worker_threads');
const cells = new Int32Array(workerData);
const tick = () => {
  if (Atomics.load(cells, 1) === 1) {
    const kb = Math.round(process.memoryUsage.rss() / 1024);
    if (kb > Atomics.load(cells, 0)) Atomics.store(cells, 0, kb);
  }
};
setInterval(tick, 4);
`;

export interface Measured<T> {
  value: T;
  cpuMs: number;
  wallMs: number;
  peakMb: number;
}

export class MemorySampler {
  private readonly cells = new Int32Array(new SharedArrayBuffer(8));
  private worker: Worker | null = null;

  start(): void {
    if (this.worker) return;
    this.worker = new Worker(SAMPLER, { eval: true, workerData: this.cells.buffer });
    this.worker.unref();
  }

  /** Runs fn, returning its value, the process cpu time, wall time and peak RSS growth (MB). */
  measure<T>(fn: () => T): Measured<T> {
    collectGarbage();
    const baseKb = Math.round(process.memoryUsage.rss() / 1024);
    Atomics.store(this.cells, 0, baseKb);
    Atomics.store(this.cells, 1, 1);
    const cpu0 = process.cpuUsage();
    const t0 = performance.now();
    let value: T;
    try {
      value = fn();
    } finally {
      Atomics.store(this.cells, 1, 0);
    }
    const wallMs = performance.now() - t0;
    const cpu = process.cpuUsage(cpu0);
    // One last sample on this thread, in case the action was shorter than the sampling period.
    const endKb = Math.round(process.memoryUsage.rss() / 1024);
    const peakKb = Math.max(Atomics.load(this.cells, 0), endKb);
    return { value, cpuMs: (cpu.user + cpu.system) / 1000, wallMs, peakMb: Math.max(0, peakKb - baseKb) / 1024 };
  }

  async stop(): Promise<void> {
    const w = this.worker;
    this.worker = null;
    if (w) await w.terminate();
  }
}

export function collectGarbage(): void {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (typeof gc === 'function') gc();
}

export function round(n: number, digits = 1): number {
  const f = 10 ** digits;
  return Math.round(n * f) / f;
}
