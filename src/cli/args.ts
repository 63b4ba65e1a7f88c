/**
 * Command-line arguments: node:util parseArgs reads them; this file only turns what it found into the
 * CLI's own translated one-line errors (exit code 2).
 */
import { parseArgs } from 'node:util';
import { t, type Locale } from '../core/i18n';

/** Raised for anything that ends the command with a one-line message. */
export class CliExit extends Error {
  constructor(
    readonly code: number,
    message: string,
  ) {
    super(message);
  }
}

export interface ParsedArgs {
  positional: string[];
  /** Options by their long name without dashes ('region', 'out'). */
  options: Map<string, string>;
  help: boolean;
}

/**
 * Parses `argv` for `command`, which takes the string options named in `valued` (without dashes) and
 * --help/-h. Unknown long options and options without a value are errors; an argument that starts with
 * a single dash (other than -h) is a positional argument, as `--` makes every argument after it.
 */
export function parseCommandArgs(command: string, argv: string[], valued: readonly string[], locale: Locale, flags: readonly string[] = []): ParsedArgs {
  const options: Record<string, { type: 'string' | 'boolean'; short?: string }> = { help: { type: 'boolean', short: 'h' } };
  for (const name of valued) options[name] = { type: 'string' };
  for (const name of flags) options[name] = { type: 'boolean' };
  const { tokens } = parseArgs({ args: argv, options, strict: false, allowPositionals: true, tokens: true });
  const positional: string[] = [];
  const found = new Map<string, string>();
  let help = false;
  const seenShort = new Set<number>();
  for (const tok of tokens) {
    if (tok.kind === 'positional') {
      positional.push(tok.value);
      continue;
    }
    if (tok.kind === 'option-terminator') continue;
    if (tok.name === 'help' && (tok.rawName === '--help' || tok.rawName === '-h')) {
      help = true;
      continue;
    }
    if (!tok.rawName.startsWith('--')) {
      // '-x' (or a group '-xy'): not an option of ours, kept as the positional argument it was written as.
      if (!seenShort.has(tok.index)) positional.push(argv[tok.index]);
      seenShort.add(tok.index);
      continue;
    }
    // A flag (--json): no value; recorded as 'true'.
    if (flags.includes(tok.name) && tok.rawName === `--${tok.name}` && !tok.inlineValue) { found.set(tok.name, 'true'); continue; }
    if (!valued.includes(tok.name)) throw new CliExit(2, t(locale, 'cli.error.unknownOption', { command, option: tok.rawName }));
    const value = tok.value;
    if (value === undefined || value === '' || (!tok.inlineValue && value.startsWith('--'))) {
      throw new CliExit(2, t(locale, 'cli.error.missingValue', { command, option: tok.rawName }));
    }
    found.set(tok.name, value);
  }
  return { positional, options: found, help };
}
