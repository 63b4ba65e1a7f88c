/**
 * What every CLI command shares: the user's locale and region from the environment, reading a CSV file
 * (with translated reasons when it cannot be read), checking the file argument, printing JSON.
 */
import { readFileSync } from 'node:fs';
import { regionFromLocale } from '../core/fields/context';
import { t, type Locale } from '../core/i18n';
import { CliExit, type ParsedArgs } from './args';
import { parseCsv } from './csv';

function envLocale(): string {
  const env = process.env;
  return env.LC_ALL || env.LC_MESSAGES || env.LANG || '';
}

/** 'zh_CN.UTF-8' → 'zh_CN'; 'C' and 'POSIX' → ''. */
export function bareLocale(raw: string = envLocale()): string {
  const s = raw.replace(/[.@].*$/, '');
  return s === 'C' || s === 'POSIX' ? '' : s;
}

/** Why a file could not be read or written, in the user's language (no errno codes shown). */
export function fsReason(e: unknown, locale: Locale, writing: boolean): string {
  const code = (e as NodeJS.ErrnoException | null)?.code ?? '';
  switch (code) {
    case 'ENOENT':
      return t(locale, writing ? 'cli.reason.noFolder' : 'cli.reason.noFile');
    case 'EISDIR':
      return t(locale, 'cli.reason.isFolder');
    case 'ENOTDIR':
      return t(locale, 'cli.reason.noFolder');
    case 'EACCES':
    case 'EPERM':
    case 'EROFS':
      return t(locale, 'cli.reason.denied');
    default:
      return t(locale, 'cli.reason.other', { code: code || 'EIO' });
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

export function readText(command: string, file: string, locale: Locale): string {
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

/** The --region option (two letters, upper-cased), else the locale's country, else null. */
export function regionOption(command: string, p: ParsedArgs, locale: Locale): string | null {
  const given = p.options.get('region');
  if (given !== undefined) {
    if (!/^[A-Za-z]{2}$/.test(given)) throw new CliExit(2, t(locale, 'cli.error.badRegion', { command, region: given }));
    return given.toUpperCase();
  }
  return localeRegion();
}

/** The country named by LANG/LC_ALL ('zh_CN.UTF-8' → CN), or null when it names none ('C', 'en', unset). */
function localeRegion(): string | null {
  const bare = bareLocale();
  return /[_-][A-Za-z]{2}$/.test(bare) ? regionFromLocale(bare) : null;
}

/** The CSV file as a grid of strings (empty rows kept); a file with no value at all ends with exit 1. */
export function loadGrid(command: string, file: string, locale: Locale): string[][] {
  const grid = parseCsv(readText(command, file, locale), { keepEmptyRows: true });
  if (grid.every((r) => r.every((c) => c.trim() === ''))) throw new CliExit(1, t(locale, 'cli.error.empty', { command, file }));
  return grid;
}

export function printJson(value: unknown): void {
  process.stdout.write(JSON.stringify(value) + '\n');
}

export function printUsage(locale: Locale): void {
  process.stdout.write(t(locale, 'cli.usage') + '\n');
}

/** The one file argument of a command. */
export function oneFile(command: string, p: ParsedArgs, locale: Locale): string {
  if (p.positional.length === 0) throw new CliExit(2, t(locale, 'cli.error.missingFile', { command }));
  if (p.positional.length > 1) throw new CliExit(2, t(locale, 'cli.error.extraArg', { command, arg: p.positional[1] }));
  return p.positional[0];
}
