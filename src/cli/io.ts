/**
 * What every CLI command shares: the user's locale and region from the environment, reading a CSV file
 * (with translated reasons when it cannot be read), checking the file argument, printing JSON.
 */
import { columnLetter } from '../core/fields/util';
import { findHeaderRow } from '../core/infer/infer';
import { headerKey } from '../core/infer/synonyms';
import { readFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { regionFromLocale } from '../core/fields/context';
import { t, type Locale, joinList } from '../core/i18n';
import { CliExit, type ParsedArgs } from './args';
import { parseCsvChecked, type CsvProblem } from './csv';
import { decodeCsvBytes } from './decode';

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

/** The file's text and the encoding it was decoded from (./decode.ts); a file no encoding explains is refused. */
export function readText(command: string, file: string, locale: Locale): { text: string; encoding: string } {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (e) {
    throw new CliExit(2, t(locale, 'cli.error.unreadable', { command, file, reason: fsReason(e, locale, false) }));
  }
  const decoded = decodeCsvBytes(bytes);
  if (!decoded.ok) throw new CliExit(2, t(locale, decoded.reason === 'binary' ? 'cli.error.binary' : 'cli.error.encoding', { command, file }));
  return decoded;
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
export function localeRegion(): string | null {
  const bare = bareLocale();
  return /[_-][A-Za-z]{2}$/.test(bare) ? regionFromLocale(bare) : null;
}

/**
 * The CSV file as a grid of strings (empty rows kept) and its encoding. Refused, with the line, when a
 * quote never closes (everything after it would merge into one cell); rows with another number of
 * values than most rows are padded and named on stderr; a file with no value at all ends with exit 1.
 */
export function loadCsv(command: string, file: string, locale: Locale): { grid: string[][]; encoding: string } {
  const { text, encoding } = readText(command, file, locale);
  const { rows: grid, problems } = parseCsvChecked(text);
  const quote = problems.find((p) => p.kind !== 'ragged');
  if (quote) throw new CliExit(2, t(locale, quote.kind === 'unterminatedQuote' ? 'cli.error.unterminatedQuote' : 'cli.error.badQuote', { command, file, line: quote.line }));
  const ragged = problems.filter((p): p is Extract<CsvProblem, { kind: 'ragged' }> => p.kind === 'ragged');
  if (ragged.length > 0) {
    const lines = joinList(locale, ragged.slice(0, 10).map((p) => t(locale, 'cli.warn.raggedLine', { line: p.line, fields: p.fields }))) + (ragged.length > 10 ? '…' : '');
    process.stderr.write(t(locale, 'cli.warn.ragged', { command, file, count: ragged.length, lines, usual: ragged[0]?.usual ?? 0 }) + '\n');
  }
  if (grid.every((r) => r.every((c) => c.trim() === ''))) throw new CliExit(1, t(locale, 'cli.error.empty', { command, file }));
  // Two columns under one header: each is still read, and the person hears which.
  const headerRow = findHeaderRow(grid);
  if (headerRow !== null) {
    const seen = new Map<string, number>();
    (grid[headerRow] ?? []).forEach((h, c) => {
      const k = headerKey(h);
      if (k === '') return;
      const first = seen.get(k);
      if (first === undefined) seen.set(k, c);
      else process.stderr.write(t(locale, 'cli.warn.duplicateHeader', { command, file, header: h.trim(), column: columnLetter(c + 1), first: columnLetter(first + 1) }) + '\n');
    });
  }
  return { grid, encoding };
}

/** loadCsv's grid alone. */
export function loadGrid(command: string, file: string, locale: Locale): string[][] {
  return loadCsv(command, file, locale).grid;
}

/** The same file under two names (a hard link, a symbolic link, `./a.csv` and `a.csv`): same device and inode. */
export function sameFile(a: string, b: string): boolean {
  if (resolve(a) === resolve(b)) return true;
  try {
    const sa = statSync(a);
    const sb = statSync(b);
    return sa.dev === sb.dev && sa.ino === sb.ino;
  } catch {
    return false; // b does not exist yet
  }
}

/**
 * JSON for programs, a readable report for people: JSON when --json is given or stdout is not a
 * terminal (piped or redirected), the readable text otherwise.
 */
export function wantsJson(p: ParsedArgs): boolean {
  return p.options.has('json') || !process.stdout.isTTY;
}

/** Display width of text in a terminal: CJK and full-width characters take two columns. */
export function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s) {
    const c = ch.codePointAt(0) ?? 0;
    w += (c >= 0x1100 && (c <= 0x115f || (c >= 0x2e80 && c <= 0xa4cf) || (c >= 0xac00 && c <= 0xd7a3) || (c >= 0xf900 && c <= 0xfaff) || (c >= 0xfe30 && c <= 0xfe4f) || (c >= 0xff00 && c <= 0xff60) || (c >= 0xffe0 && c <= 0xffe6) || c >= 0x20000)) ? 2 : 1;
  }
  return w;
}

function fit(s: string, width: number): string {
  const flat = s.replace(/[\r\n\t]+/g, ' ');
  let out = '';
  let w = 0;
  for (const ch of flat) {
    const cw = displayWidth(ch);
    if (w + cw > width - (displayWidth(flat) > width ? 1 : 0)) { out += '…'; w += 1; break; }
    out += ch;
    w += cw;
  }
  return out + ' '.repeat(Math.max(0, width - w));
}

/** A plain-text table: a header line, a rule, one line per row; cells cut to `max` columns. */
export function textTable(head: readonly string[], rows: ReadonlyArray<readonly string[]>, max = 40): string {
  const widths = head.map((h, i) => Math.min(max, Math.max(displayWidth(h), ...rows.map((r) => displayWidth((r[i] ?? '').replace(/[\r\n\t]+/g, ' '))))));
  const line = (cells: readonly string[]) => cells.map((c, i) => (i === cells.length - 1 ? fit(c, Math.max(widths[i], displayWidth(c))).trimEnd() : fit(c, widths[i]))).join('  ');
  return [line(head), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

export function printText(text: string): void {
  process.stdout.write(text + '\n');
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
