/**
 * `clientflow dedupe FILE.csv [--json] [--explain]`: the rows that are the same client, found by the
 * same engine and defaults as the add-on's "Find duplicates" (src/core/dedupe), columns inferred as
 * "Adopt this sheet" infers them. Output: `{"clusters": [[i, j, ...], ...]}` (0-based data rows, header
 * excluded, clusters of two or more) when piped or with --json; a readable report on a terminal;
 * --explain adds each cluster's evidence (which columns agreed, by how much).
 */
import { defaultContext } from '../../core/fields/context';
import type { TypeContext } from '../../core/fields/types';
import { t, type Locale, type MessageKey } from '../../core/i18n';
import { findDuplicates, type DedupeResult } from '../../core/dedupe';
import { NoHeaderError } from '../../core/infer';
import { CliExit, parseCommandArgs } from '../args';
import { DEFAULT_REGION } from '../defaults';
import { loadGrid, oneFile, printUsage, regionOption } from '../io';

export interface DedupeCliOptions {
  json: boolean;
  explain: boolean;
}

/** Runs the engine on a parsed CSV grid; throws NoHeaderError when no header row is found. */
export function dedupeGrid(grid: string[][], ctx: TypeContext): DedupeResult {
  const result = findDuplicates({ grid, ctx });
  if (result.headerRow === null) throw new NoHeaderError();
  return result;
}

/** The command's output text (ending with a line break). */
export function dedupeOutput(grid: string[][], result: DedupeResult, locale: Locale, opts: DedupeCliOptions): string {
  if (opts.json) {
    const out: Record<string, unknown> = { clusters: result.clusters.map((c) => c.rows) };
    if (opts.explain) {
      out.details = result.clusters.map((c) => ({ rows: c.rows, score: c.score, band: c.band, links: c.links }));
      out.fields = result.fields;
    }
    return JSON.stringify(out) + '\n';
  }
  const headerRow = result.headerRow ?? 0;
  const lines: string[] = [];
  if (result.fields.length === 0) lines.push(t(locale, 'cli.dedupe.noColumns'));
  if (result.clusters.length === 0) lines.push(t(locale, 'cli.dedupe.none', { rows: result.rows }));
  else {
    const dupRows = result.clusters.reduce((s, c) => s + c.rows.length, 0);
    lines.push(t(locale, 'cli.dedupe.summary', { groups: result.clusters.length, dupRows, rows: result.rows }));
  }
  if (opts.explain && result.fields.length > 0) lines.push(t(locale, 'cli.dedupe.compared', { list: result.fields.map((f) => f.header).join(', ') }));
  const cols = result.fields.map((f) => f.column);
  result.clusters.forEach((c, k) => {
    lines.push('');
    lines.push(t(locale, 'cli.dedupe.group', { n: k + 1, band: t(locale, `cli.dedupe.band.${c.band}` as MessageKey), score: Math.floor(c.score * 1000) / 10 }));
    for (const r of c.rows) {
      const row = grid[headerRow + 1 + r] ?? [];
      const values = cols.map((col) => (row[col] ?? '').trim()).filter((v) => v !== '').join(' | ');
      lines.push(t(locale, 'cli.dedupe.row', { row: r, line: headerRow + 2 + r, values: oneLine(values) }));
    }
    if (opts.explain) {
      for (const l of c.links) {
        const evidence = l.fields
          .filter((f) => f.level !== 'missing')
          .sort((x, y) => Math.abs(y.weight) - Math.abs(x.weight))
          .map((f) => t(locale, 'cli.dedupe.evidence', {
            header: f.header,
            level: t(locale, `cli.dedupe.level.${f.level}` as MessageKey),
            weight: (f.weight >= 0 ? '+' : '') + f.weight.toFixed(1),
          }))
          .join(', ');
        lines.push(t(locale, 'cli.dedupe.link', { a: l.a, b: l.b, probability: Math.floor(l.probability * 1000) / 10, evidence }));
      }
    }
  });
  return lines.join('\n') + '\n';
}

/** Cell text fit for one terminal line. */
function oneLine(s: string): string {
  // eslint-disable-next-line no-control-regex -- control characters are what it removes
  return s.replace(/[\u0000-\u001f\u007f-\u009f]+/g, ' ');
}

export function runDedupe(argv: string[], locale: Locale): number {
  const command = 'dedupe';
  const flags = new Set<string>(argv.filter((a) => a === '--json' || a === '--explain'));
  const p = parseCommandArgs(command, argv.filter((a) => !flags.has(a)), ['region'], locale);
  if (p.help) { printUsage(locale); return 0; }
  const file = oneFile(command, p, locale);
  const ctx = defaultContext(locale, { region: regionOption(command, p, locale) ?? DEFAULT_REGION });
  const grid = loadGrid(command, file, locale);
  let result: DedupeResult;
  try {
    result = dedupeGrid(grid, ctx);
  } catch (e) {
    if (e instanceof NoHeaderError) throw new CliExit(1, t(locale, 'cli.error.noHeader', { command, file }));
    throw e;
  }
  process.stdout.write(dedupeOutput(grid, result, locale, { json: flags.has('--json') || !process.stdout.isTTY, explain: flags.has('--explain') }));
  return 0;
}
