/**
 * `clientflow sim SCENARIO.json`: runs dev/sim.ts's runScenario (the built dist/Code.js on the
 * emulator) and hands back its end state, or a one-line message for a ScenarioError (bad JSON, unknown
 * step or menu, missing data file).
 */
import { runScenario, ScenarioError } from '../../dev/sim';

export type SimOutcome = { ok: true; result: unknown } | { ok: false; message: string };

export async function runSim(path: string): Promise<SimOutcome> {
  try {
    return { ok: true, result: await runScenario(path) };
  } catch (e) {
    if (e instanceof ScenarioError) return { ok: false, message: e.message.split('\n')[0] };
    throw e;
  }
}
