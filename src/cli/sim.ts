/**
 * `clientflow sim SCENARIO.json`: runs dev/sim.ts's runScenario (the built dist/Code.js on the
 * emulator) and hands back its end state, or a one-line message for a ScenarioError (bad JSON, unknown
 * step or menu, missing data file).
 */
import { readFileSync } from 'node:fs';
import { runScenario, ScenarioError } from '../../dev/sim';

/** A scenario file of binary data (NUL bytes or bytes that are not UTF-8): said so, not echoed. */
function binaryScenario(path: string): boolean {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch {
    return false; // runScenario reports the unreadable file
  }
  return bytes.includes(0) || bytes.toString('utf8').includes('\ufffd');
}

export type SimOutcome = { ok: true; result: unknown } | { ok: false; message: string };

export async function runSim(path: string): Promise<SimOutcome> {
  if (binaryScenario(path)) return { ok: false, message: `${path} is not valid JSON (it holds binary data, not text)` };
  try {
    return { ok: true, result: await runScenario(path) };
  } catch (e) {
    if (e instanceof ScenarioError) return { ok: false, message: e.message.split('\n')[0] };
    throw e;
  }
}
