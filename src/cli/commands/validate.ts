/**
 * `clientflow validate FILE.csv [--region CC] [--json]`: the type inferred for each column (with what was
 * inferred about it: dropdown options with their variants and outcome, the currency of money, the phone
 * regions, the day/month order of dates) and every cell that breaks its column's type or a required
 * field, rows 0-based over data rows, each with its value. The same inference as "Adopt this sheet" and
 * the same parse as the field types. A readable table on a terminal, JSON when piped or with --json.
 */
import { issueMessage } from '../../core/fields';
import { defaultContext } from '../../core/fields/context';
import type { IssueCode, TypeContext, UserTypeId } from '../../core/fields/types';
import { t, type Locale } from '../../core/i18n';
import { checkSheet, inferWithHeader, NoHeaderError, type Inference } from '../../core/infer';
import { CliExit, parseCommandArgs } from '../args';
import { DEFAULT_REGION } from '../defaults';
import { loadCsv, oneFile, printJson, printText, printUsage, regionOption, textTable, wantsJson } from '../io';

export interface ValidateColumn {
  header: string;
  type: UserTypeId;
  options?: Array<{ label: string; variants: string[]; outcome?: 'won' | 'lost' }>;
  /** Stage options the vocabulary does not know (their place is a guess). */
  unplaced?: string[];
  currency?: string;
  /** Marked amounts per currency when the column mixes currencies. */
  currencies?: Record<string, number>;
  regions?: string[];
  dateOrder?: 'DMY' | 'MDY' | 'YMD';
  /** True when nothing in the column decided its day/month order. */
  dateOrderAmbiguous?: boolean;
  /** True when the column writes dates both day first and month first (the majority's order is used). */
  dateOrderConflicting?: boolean;
}

export interface ValidateOutput {
  columns: ValidateColumn[];
  issues: Array<{ row: number; column: string; code: IssueCode; message: string; value: string }>;
}

/**
 * Puts an explicitly chosen region first among the inferred candidates (it is the default for numbers
 * that are valid in several); the other candidates stay, so no number is read into a country where it is
 * not valid.
 */
export function withRegion(inf: Inference, region: string | null): Inference {
  if (!region) return inf;
  return { ...inf, regions: [region, ...inf.regions.filter((r) => r !== region)].slice(0, 10) };
}

/** The validate report of a parsed CSV grid. Throws NoHeaderError when the grid has no header row. */
export function validateGrid(grid: string[][], ctx: TypeContext, locale: Locale, region: string | null = null): ValidateOutput & { dataStart: number } {
  const inf = withRegion(inferWithHeader(grid, ctx), region);
  const byColumn = new Map(inf.columns.map((c) => [c.column, c]));
  const issues = checkSheet(grid, inf, ctx, undefined, true)
    .map((i) => ({
      row: i.row - inf.dataStart,
      column: byColumn.get(i.column)?.header ?? '',
      code: i.code,
      message: issueMessage(locale, i.code, i.hint ? { hint: i.hint } : {}),
      value: grid[i.row]?.[i.column] ?? '',
    }));
  const columns = inf.columns.map((c): ValidateColumn => {
    const out: ValidateColumn = { header: c.header, type: c.type };
    if (c.type === 'dropdown' && c.options) {
      out.options = c.options.map((o) => ({ label: o.label, variants: [...(o.variants ?? [])], ...(o.outcome ? { outcome: o.outcome } : {}) }));
      if (c.unplaced) out.unplaced = c.unplaced;
    }
    if (c.type === 'currency' && c.currency) {
      out.currency = c.currency;
      if (c.currencyMixed) out.currencies = c.currencyMixed;
    }
    if (c.type === 'phone') out.regions = inf.regions;
    if ((c.type === 'date' || c.type === 'dateTime') && c.dateOrder) {
      out.dateOrder = c.dateOrder;
      if (c.dateAmbiguous) out.dateOrderAmbiguous = true;
      if (c.dateConflicting) out.dateOrderConflicting = true;
    }
    return out;
  });
  return { columns, issues, dataStart: inf.dataStart };
}

/** What a column is, in a few words: its type and what was inferred about it. */
function columnNote(c: ValidateColumn, locale: Locale): string {
  const parts: string[] = [t(locale, `fields.type.${c.type}`)];
  if (c.options) parts.push(c.options.map((o) => (o.variants.length ? `${o.label} (+${o.variants.length})` : o.label)).join(' · '));
  if (c.currency) parts.push(c.currencies ? t(locale, 'cli.validate.mixed', { list: Object.entries(c.currencies).map(([k, n]) => `${k} ${n}`).join(', ') }) : c.currency);
  if (c.regions) parts.push(c.regions.join(', '));
  if (c.dateOrder) {
    parts.push(c.dateOrderConflicting ? t(locale, 'cli.validate.dateConflicting', { order: c.dateOrder })
      : c.dateOrderAmbiguous ? t(locale, 'cli.validate.dateAmbiguous', { order: c.dateOrder }) : c.dateOrder);
  }
  return parts.join(t(locale, 'cli.validate.sep'));
}

/** The readable report: the columns, then one line per issue with the spreadsheet's row number. */
export function validateText(out: ValidateOutput & { dataStart: number }, locale: Locale): string {
  const cols = textTable([t(locale, 'cli.head.column'), t(locale, 'cli.head.inferred')], out.columns.map((c) => [c.header, columnNote(c, locale)]), 30);
  const summary = t(locale, 'cli.validate.summary', { count: out.issues.length });
  if (out.issues.length === 0) return `${cols}\n\n${summary}`;
  const rows = out.issues.map((i) => [String(out.dataStart + i.row + 1), i.column, i.value, i.message]);
  return `${cols}\n\n${textTable([t(locale, 'cli.head.row'), t(locale, 'cli.head.column'), t(locale, 'cli.head.value'), t(locale, 'cli.head.reason')], rows, 30)}\n\n${summary}`;
}

export function runValidate(argv: string[], locale: Locale): number {
  const command = 'validate';
  const p = parseCommandArgs(command, argv, ['region'], locale, ['json']);
  if (p.help) { printUsage(locale); return 0; }
  const file = oneFile(command, p, locale);
  const region = regionOption(command, p, locale);
  const explicit = p.options.has('region') ? region : null;
  const { grid, encoding } = loadCsv(command, file, locale);
  try {
    const result = validateGrid(grid, defaultContext(locale, { region: region ?? DEFAULT_REGION }), locale, explicit);
    if (wantsJson(p)) {
      const { dataStart: _d, ...json } = result;
      printJson({ ...json, encoding });
    } else printText(`${t(locale, 'cli.encoding', { encoding })}\n${validateText(result, locale)}`);
  } catch (e) {
    if (e instanceof NoHeaderError) throw new CliExit(1, t(locale, 'cli.error.noHeader', { command, file }));
    throw e;
  }
  return 0;
}
