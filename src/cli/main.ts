/**
 * `clientflow`: the CLI over CSV files (the contracts are in docs/ARCHITECTURE.md).
 *   clientflow validate FILE.csv [--region CC]
 *   clientflow clean FILE.csv --out OUT.csv [--region CC]
 *   clientflow sim SCENARIO.json
 *   clientflow funnel FILE.csv [--history HISTORY.csv]
 * Exit codes: 0 done; 1 the file has no header row; 2 usage error, unreadable or unwritable file,
 * or an invalid scenario. Each command lives in ./commands/<command>.ts.
 */
import { resolveLocale, t } from '../core/i18n';
import { CliExit } from './args';
import { COMMANDS } from './commands';
import { bareLocale, printUsage } from './io';

async function run(argv: string[]): Promise<number> {
  const locale = resolveLocale(bareLocale());
  const [command, ...rest] = argv;
  if (command === undefined) {
    process.stderr.write(t(locale, 'cli.usage') + '\n');
    return 2;
  }
  if (command === '--help' || command === '-h' || command === 'help') {
    printUsage(locale);
    return 0;
  }
  const handler = Object.prototype.hasOwnProperty.call(COMMANDS, command) ? COMMANDS[command] : undefined;
  if (handler) return handler(rest, locale);
  if (command === 'dedupe') throw new CliExit(2, t(locale, 'cli.error.notYet', { command }));
  throw new CliExit(2, t(locale, 'cli.error.unknownCommand', { command }));
}

/** A message fit for a terminal: its first line, without control characters or undecodable bytes. */
function oneLine(message: string): string {
  // eslint-disable-next-line no-control-regex
  return (message.split('\n')[0] ?? '').replace(/[\u0000-\u001f\u007f-\u009f\ufffd]+/g, '?');
}

run(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    if (e instanceof CliExit) {
      process.stderr.write(oneLine(e.message) + '\n');
      process.exitCode = e.code;
      return;
    }
    process.stderr.write(`clientflow: ${oneLine(e instanceof Error ? e.message : String(e))}\n`);
    process.exitCode = 1;
  },
);
