/**
 * `clientflow sim SCENARIO.json`: runs dev/sim.ts's runScenario and hands back its end state, or a
 * one-line message for a ScenarioError (bad JSON, unknown step or menu, missing data file).
 *
 * dev/sim.ts is written by the platform work; until it exists, loadSimModule() says so ('simMissing').
 */
function loadSimModule(): unknown {
  return null;
}

type SimModule = { runScenario: (path: string) => unknown; ScenarioError: new (...a: never[]) => Error };

function isSimModule(m: unknown): m is SimModule {
  return typeof m === 'object' && m !== null
    && typeof (m as { runScenario?: unknown }).runScenario === 'function'
    && typeof (m as { ScenarioError?: unknown }).ScenarioError === 'function';
}

export type SimOutcome = { ok: true; result: unknown } | { ok: false; message: string };

export async function runSim(path: string): Promise<SimOutcome> {
  const mod: unknown = loadSimModule();
  if (!isSimModule(mod)) return { ok: false, message: 'simMissing' };
  try {
    return { ok: true, result: await mod.runScenario(path) };
  } catch (e) {
    if (e instanceof mod.ScenarioError) return { ok: false, message: e.message.split('\n')[0] };
    throw e;
  }
}
