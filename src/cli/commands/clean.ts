/**
 * `clientflow clean FILE.csv --out OUT.csv [--region CC]`: the same rows and columns with values
 * normalized as the add-on's cleanup does (src/core/cleanup), and a JSON summary of the changes.
 */
import { writeFileSync } from 'node:fs';
import { cleanGrid } from '../../core/cleanup/grid';
import { defaultContext } from '../../core/fields/context';
import { t, type Locale } from '../../core/i18n';
import { NoHeaderError } from '../../core/infer';
import { CliExit, parseCommandArgs } from '../args';
import { toCsv } from '../csv';
import { DEFAULT_REGION } from '../defaults';
import { fsReason, loadCsv, oneFile, printJson, printUsage, regionOption, sameFile } from '../io';

export function runClean(argv: string[], locale: Locale): number {
  const command = 'clean';
  const p = parseCommandArgs(command, argv, ['region', 'out'], locale);
  if (p.help) {
    printUsage(locale);
    return 0;
  }
  const file = oneFile(command, p, locale);
  const out = p.options.get('out');
  if (!out) throw new CliExit(2, t(locale, 'cli.error.missingOut'));
  const region = regionOption(command, p, locale);
  if (sameFile(file, out)) throw new CliExit(2, t(locale, 'cli.error.sameOut'));
  const { grid, encoding } = loadCsv(command, file, locale);
  let result: ReturnType<typeof cleanGrid>;
  try {
    result = cleanGrid(grid, defaultContext(locale, { region: region ?? DEFAULT_REGION }), locale);
  } catch (e) {
    if (e instanceof NoHeaderError) throw new CliExit(1, t(locale, 'cli.error.noHeader', { command, file }));
    throw e;
  }
  try {
    writeFileSync(out, toCsv(result.out, { formulaSafe: true }), 'utf8');
  } catch (e) {
    throw new CliExit(2, t(locale, 'cli.error.unwritable', { file: out, reason: fsReason(e, locale, true) }));
  }
  printJson({ out, encoding, ...result.summary });
  return 0;
}
