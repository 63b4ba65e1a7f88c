/**
 * `clientflow`: the CLI over CSV files (DESIGN.md, "Contracts others rely on").
 *   clientflow validate FILE.csv [--region CC]
 *   clientflow clean FILE.csv --out OUT.csv [--region CC]
 *   clientflow sim SCENARIO.json
 * Exit codes: 0 done; 1 the file has no header row; 2 usage error, unreadable or unwritable file,
 * or an invalid scenario.
 */
import { readFileSync, writeFileSync, realpathSync } from 'node:fs';
import { resolve } from 'node:path';
import { defaultContext, regionFromLocale } from '../core/fields/context';
import { resolveLocale, t, type Locale, type MessageKey, type Params } from '../core/i18n';
import { cleanGrid, DEFAULT_REGION, NoHeaderError, validateGrid } from './commands';
import { parseCsv, toCsv } from './csv';
import { runSim } from './sim';
import { dedupeGrid, dedupeOutput } from './commands/dedupe';

/** Raised for anything that ends the command with a one-line message. */
class CliExit extends Error {
  constructor(readonly code: number, message: string) {
    super(message);
  }
}

function envLocale(): string {
  const env = process.env;
  return env.LC_ALL || env.LC_MESSAGES || env.LANG || '';
}

/** 'zh_CN.UTF-8' → 'zh_CN'; 'C' and 'POSIX' → ''. */
function bareLocale(raw: string): string {
  const s = raw.replace(/[.@].*$/, '');
  return s === 'C' || s === 'POSIX' ? '' : s;
}

interface Parsed { positional: string[]; options: Map<string, string>; help: boolean }

function parseArgs(command: string, argv: string[], valued: readonly string[], locale: Locale): Parsed {
  const positional: string[] = [];
  const options = new Map<string, string>();
  let help = false;
  const fail = (key: MessageKey, params: Params) => { throw new CliExit(2, t(locale, key, params)); };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--help' || a === '-h') { help = true; continue; }
    if (a === '--') { positional.push(...argv.slice(i + 1)); break; }
    if (a.startsWith('--')) {
      const eq = a.indexOf('=');
      const name = eq >= 0 ? a.slice(0, eq) : a;
      if (!valued.includes(name)) fail('cli.error.unknownOption', { command, option: name });
      let value: string | undefined = eq >= 0 ? a.slice(eq + 1) : argv[i + 1];
      if (eq < 0) i++;
      if (value === undefined || value === '' || (eq < 0 && value.startsWith('--'))) fail('cli.error.missingValue', { command, option: name });
      options.set(name, value ?? '');
      continue;
    }
    positional.push(a);
  }
  return { positional, options, help };
}

/** Why a file could not be read or written, in the user's language (no errno codes shown). */
function fsReason(e: unknown, locale: Locale, writing: boolean): string {
  const code = (e as NodeJS.ErrnoException | null)?.code ?? '';
  switch (code) {
    case 'ENOENT': return t(locale, writing ? 'cli.reason.noFolder' : 'cli.reason.noFile');
    case 'EISDIR': return t(locale, 'cli.reason.isFolder');
    case 'ENOTDIR': return t(locale, 'cli.reason.noFolder');
    case 'EACCES': case 'EPERM': case 'EROFS': return t(locale, 'cli.reason.denied');
    default: return t(locale, 'cli.reason.other', { code: code || 'EIO' });
  }
}

/**
 * Binary data rather than text: a NUL byte, or bytes that are not UTF-8 (the decoder's U+FFFD) in more
 * than a trace of the file. CSV exports are UTF-8 text (with or without a BOM).
 */
function looksBinary(bytes: Buffer, text: string): boolean {
  if (bytes.includes(0)) return true;
  let bad = 0;
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 0xfffd) bad++;
  return bad > 0 && bad * 100 > text.length;
}

function readText(command: string, file: string, locale: Locale): string {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (e) {
    throw new CliExit(2, t(locale, 'cli.error.unreadable', { command, file, reason: fsReason(e, locale, false) }));
  }
  const text = bytes.toString('utf8');
  if (looksBinary(bytes, text)) throw new CliExit(2, t(locale, 'cli.error.binary', { command, file }));
  return text;
}

function regionOption(command: string, p: Parsed, locale: Locale): string | null {
  const given = p.options.get('--region');
  if (given !== undefined) {
    if (!/^[A-Za-z]{2}$/.test(given)) throw new CliExit(2, t(locale, 'cli.error.badRegion', { command, region: given }));
    return given.toUpperCase();
  }
  return localeRegion();
}

/** The country named by LANG/LC_ALL ('zh_CN.UTF-8' → CN), or null when it names none ('C', 'en', unset). */
function localeRegion(): string | null {
  const bare = bareLocale(envLocale());
  return /[_-][A-Za-z]{2}$/.test(bare) ? regionFromLocale(bare) : null;
}

function loadGrid(command: string, file: string, locale: Locale): string[][] {
  const grid = parseCsv(readText(command, file, locale), { keepEmptyRows: true });
  if (grid.every((r) => r.every((c) => c.trim() === ''))) throw new CliExit(1, t(locale, 'cli.error.empty', { command, file }));
  return grid;
}

function printJson(value: unknown): void {
  process.stdout.write(JSON.stringify(value) + '\n');
}

function oneFile(command: string, p: Parsed, locale: Locale): string {
  if (p.positional.length === 0) throw new CliExit(2, t(locale, 'cli.error.missingFile', { command }));
  if (p.positional.length > 1) throw new CliExit(2, t(locale, 'cli.error.extraArg', { command, arg: p.positional[1] }));
  return p.positional[0];
}

async function run(argv: string[]): Promise<number> {
  const locale = resolveLocale(bareLocale(envLocale()));
  const [command, ...rest] = argv;
  if (command === undefined) {
    process.stderr.write(t(locale, 'cli.usage') + '\n');
    return 2;
  }
  if (command === '--help' || command === '-h' || command === 'help') {
    process.stdout.write(t(locale, 'cli.usage') + '\n');
    return 0;
  }
  switch (command) {
    case 'validate': {
      const p = parseArgs(command, rest, ['--region'], locale);
      if (p.help) { process.stdout.write(t(locale, 'cli.usage') + '\n'); return 0; }
      const file = oneFile(command, p, locale);
      const region = regionOption(command, p, locale);
      const grid = loadGrid(command, file, locale);
      try {
        printJson(validateGrid(grid, defaultContext(locale, { region: region ?? DEFAULT_REGION }), locale));
      } catch (e) {
        if (e instanceof NoHeaderError) throw new CliExit(1, t(locale, 'cli.error.noHeader', { command, file }));
        throw e;
      }
      return 0;
    }
    case 'clean': {
      const p = parseArgs(command, rest, ['--region', '--out'], locale);
      if (p.help) { process.stdout.write(t(locale, 'cli.usage') + '\n'); return 0; }
      const file = oneFile(command, p, locale);
      const out = p.options.get('--out');
      if (!out) throw new CliExit(2, t(locale, 'cli.error.missingOut'));
      const region = regionOption(command, p, locale);
      const grid = loadGrid(command, file, locale);
      let same = resolve(out) === resolve(file);
      try { same ||= realpathSync(out) === realpathSync(file); } catch { /* out does not exist yet */ }
      if (same) throw new CliExit(2, t(locale, 'cli.error.sameOut'));
      let result: ReturnType<typeof cleanGrid>;
      try {
        result = cleanGrid(grid, defaultContext(locale, { region: region ?? DEFAULT_REGION }), locale);
      } catch (e) {
        if (e instanceof NoHeaderError) throw new CliExit(1, t(locale, 'cli.error.noHeader', { command, file }));
        throw e;
      }
      try {
        writeFileSync(out, toCsv(result.out), 'utf8');
      } catch (e) {
        throw new CliExit(2, t(locale, 'cli.error.unwritable', { file: out, reason: fsReason(e, locale, true) }));
      }
      printJson({ out, ...result.summary });
      return 0;
    }
    case 'sim': {
      const p = parseArgs(command, rest, [], locale);
      if (p.help) { process.stdout.write(t(locale, 'cli.usage') + '\n'); return 0; }
      const file = oneFile(command, p, locale);
      const r = await runSim(file);
      if (!r.ok) throw new CliExit(2, `clientflow sim: ${r.message}`);
      printJson(r.result);
      return 0;
    }
    case 'dedupe': {
      const flags = new Set<string>(rest.filter((a) => a === '--json' || a === '--explain'));
      const p = parseArgs(command, rest.filter((a) => !flags.has(a)), ['--region'], locale);
      if (p.help) { process.stdout.write(t(locale, 'cli.usage') + '\n'); return 0; }
      const file = oneFile(command, p, locale);
      const ctx = defaultContext(locale, { region: regionOption(command, p, locale) ?? DEFAULT_REGION });
      const grid = loadGrid(command, file, locale);
      let result: ReturnType<typeof dedupeGrid>;
      try { result = dedupeGrid(grid, ctx); } catch (e) {
        if (e instanceof NoHeaderError) throw new CliExit(1, t(locale, 'cli.error.noHeader', { command, file }));
        throw e;
      }
      process.stdout.write(dedupeOutput(grid, result, locale, { json: flags.has('--json') || !process.stdout.isTTY, explain: flags.has('--explain') }));
      return 0;
    }
    case 'funnel':
      throw new CliExit(2, t(locale, 'cli.error.notYet', { command }));
    default:
      throw new CliExit(2, t(locale, 'cli.error.unknownCommand', { command }));
  }
}

/** A message fit for a terminal: its first line, without control characters or undecodable bytes. */
function oneLine(message: string): string {
  return (message.split('\n')[0] ?? '').replace(/[\u0000-\u001f\u007f-\u009f\ufffd]+/g, '?');
}

run(process.argv.slice(2)).then(
  (code) => { process.exitCode = code; },
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
