/**
 * `clientflow sim SCENARIO.json`: the built add-on (dist/Code.js) run on the emulator step by step, its
 * end state printed as JSON, or a one-line message for an invalid scenario (bad JSON, unknown step or
 * menu, missing data file; exit code 2).
 *
 * The emulator is development tooling (dev/), not part of the shipped CLI: build.mjs bundles dev/sim.ts
 * on its own as dist/dev/sim.js, and this command loads it only when `sim` runs, so dist/cli.js carries
 * no emulator code and other commands never load it (nor its dependencies).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Locale } from '../../core/i18n';
import { CliExit, parseCommandArgs } from '../args';
import { oneFile, printJson, printUsage } from '../io';

/** What dist/dev/sim.js exports (dev/sim.ts), as far as this command uses it. */
interface SimModule {
  runScenario(scenarioPath: string): unknown;
  ScenarioError: new (message: string) => Error;
}

/** dist/dev/sim.js, beside dist/cli.js's own folder. */
function loadSimModule(): SimModule {
  const path = join(__dirname, 'dev', 'sim.js');
  if (!existsSync(path)) throw new CliExit(2, `clientflow sim: ${path} is missing (run npm run build)`);
  // A run-time require of a file esbuild does not bundle (the path is computed).
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require(path) as SimModule;
}

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

export function runSim(argv: string[], locale: Locale): number {
  const command = 'sim';
  const p = parseCommandArgs(command, argv, [], locale);
  if (p.help) {
    printUsage(locale);
    return 0;
  }
  const file = oneFile(command, p, locale);
  if (binaryScenario(file)) throw new CliExit(2, `clientflow sim: ${file} is not valid JSON (it holds binary data, not text)`);
  const sim = loadSimModule();
  let result: unknown;
  try {
    result = sim.runScenario(file);
  } catch (e) {
    if (e instanceof sim.ScenarioError) throw new CliExit(2, `clientflow sim: ${e.message.split('\n')[0]}`);
    throw e;
  }
  printJson(result);
  return 0;
}
