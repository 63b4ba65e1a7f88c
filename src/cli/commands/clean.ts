/**
 * `clientflow clean FILE.csv --out OUT.csv [--region CC] [--json]`: the same rows and columns with values
 * normalized as the add-on's cleanup does (src/core/cleanup), and a summary of the changes: a readable
 * table on a terminal, JSON when piped or with --json. Phones are read in the table's candidate regions
 * (never moved into a country where they are not valid; ambiguous ones are left and reported), and an
 * amount in another currency than its column's is left as written.
 */
import { writeFileSync } from 'node:fs';
import { cleanGrid } from '../../core/cleanup/grid';
import { defaultContext } from '../../core/fields/context';
import { t, type Locale } from '../../core/i18n';
import { NoHeaderError } from '../../core/infer';
import { CliExit, parseCommandArgs } from '../args';
import { toCsv } from '../csv';
import { DEFAULT_REGION } from '../defaults';
import { fsReason, loadCsv, oneFile, printJson, printText, printUsage, regionOption, sameFile, textTable, wantsJson } from '../io';

export function runClean(argv: string[], locale: Locale): number {
  const command = 'clean';
  const p = parseCommandArgs(command, argv, ['region', 'out'], locale, ['json']);
  if (p.help) { printUsage(locale); return 0; }
  const file = oneFile(command, p, locale);
  const out = p.options.get('out');
  if (!out) throw new CliExit(2, t(locale, 'cli.error.missingOut'));
  const region = regionOption(command, p, locale);
  if (sameFile(file, out)) throw new CliExit(2, t(locale, 'cli.error.sameOut'));
  const { grid, encoding } = loadCsv(command, file, locale);
  let result: ReturnType<typeof cleanGrid>;
  try {
    result = cleanGrid(grid, defaultContext(locale, { region: region ?? DEFAULT_REGION }), locale, p.options.has('region') ? region : null);
  } catch (e) {
    if (e instanceof NoHeaderError) throw new CliExit(1, t(locale, 'cli.error.noHeader', { command, file }));
    throw e;
  }
  try {
    writeFileSync(out, toCsv(result.out, { formulaSafe: true }), 'utf8');
  } catch (e) {
    throw new CliExit(2, t(locale, 'cli.error.unwritable', { file: out, reason: fsReason(e, locale, true) }));
  }
  const { dataStart, ...summary } = result.summary;
  if (wantsJson(p)) {
    printJson({ out, encoding, ...summary });
    return 0;
  }
  const parts = [t(locale, 'cli.encoding', { encoding })];
  if (summary.changes.length > 0) {
    parts.push(t(locale, 'cli.clean.changed'), textTable([t(locale, 'cli.head.row'), t(locale, 'cli.head.column'), t(locale, 'cli.head.value'), t(locale, 'cli.head.to')],
      summary.changes.map((c) => [String(dataStart + c.row + 1), c.column, c.from, c.to]), 30));
  }
  if (summary.notUnderstood.length > 0) {
    parts.push(t(locale, 'cli.clean.left'), textTable([t(locale, 'cli.head.row'), t(locale, 'cli.head.column'), t(locale, 'cli.head.value'), t(locale, 'cli.head.reason')],
      summary.notUnderstood.map((c) => [String(dataStart + c.row + 1), c.column, c.value, c.message]), 30));
  }
  parts.push(t(locale, 'cli.clean.summary', { out, changed: summary.changed, left: summary.notUnderstood.length }));
  printText(parts.join('\n\n'));
  return 0;
}
