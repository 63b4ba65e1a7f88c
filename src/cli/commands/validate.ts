/**
 * `clientflow validate FILE.csv [--region CC]`: the type inferred for each column (with what was inferred
 * about it) and every cell that breaks its column's type or a required field, rows 0-based over data rows.
 * The same inference as "Adopt this sheet" and the same parse as the field types.
 */
import { issueMessage } from '../../core/fields';
import { defaultContext } from '../../core/fields/context';
import type { IssueCode, TypeContext, UserTypeId } from '../../core/fields/types';
import { t, type Locale } from '../../core/i18n';
import { checkSheet, inferWithHeader, NoHeaderError } from '../../core/infer';
import { CliExit, parseCommandArgs } from '../args';
import { DEFAULT_REGION } from '../defaults';
import { loadCsv, oneFile, printJson, printUsage, regionOption } from '../io';

export interface ValidateOutput {
  columns: Array<{ header: string; type: UserTypeId }>;
  issues: Array<{ row: number; column: string; code: IssueCode; message: string }>;
}

/** The validate report of a parsed CSV grid. Throws NoHeaderError when the grid has no header row. */
export function validateGrid(grid: string[][], ctx: TypeContext, locale: Locale): ValidateOutput {
  const inf = inferWithHeader(grid, ctx);
  const byColumn = new Map(inf.columns.map((c) => [c.column, c]));
  const issues = checkSheet(grid, inf, ctx, undefined, true).map((i) => ({
    row: i.row - inf.dataStart,
    column: byColumn.get(i.column)?.header ?? '',
    code: i.code,
    message: issueMessage(locale, i.code, i.hint ? { hint: i.hint } : {}),
  }));
  return { columns: inf.columns.map((c) => ({ header: c.header, type: c.type })), issues };
}

export function runValidate(argv: string[], locale: Locale): number {
  const command = 'validate';
  const p = parseCommandArgs(command, argv, ['region'], locale);
  if (p.help) {
    printUsage(locale);
    return 0;
  }
  const file = oneFile(command, p, locale);
  const region = regionOption(command, p, locale);
  const { grid, encoding } = loadCsv(command, file, locale);
  try {
    printJson({ ...validateGrid(grid, defaultContext(locale, { region: region ?? DEFAULT_REGION }), locale), encoding });
  } catch (e) {
    if (e instanceof NoHeaderError) throw new CliExit(1, t(locale, 'cli.error.noHeader', { command, file }));
    throw e;
  }
  return 0;
}
