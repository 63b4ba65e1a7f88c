/**
 * The CLI's commands by name. A command takes its arguments (after its name) and the user's locale,
 * prints its report, and returns the exit code (or throws CliExit for a one-line message).
 */
import type { Locale } from '../../core/i18n';
import { runClean } from './clean';
import { runDedupe } from './dedupe';
import { runFunnel } from './funnel';
import { runSim } from './sim';
import { runValidate } from './validate';

export type Command = (argv: string[], locale: Locale) => number | Promise<number>;

export const COMMANDS: Readonly<Record<string, Command>> = {
  validate: runValidate,
  clean: runClean,
  sim: runSim,
  funnel: runFunnel,
  dedupe: runDedupe,
};
