/**
 * The set-up plan: from a schema and where the table is, everything the add-on
 * writes, as pure data — header texts, per column width / number format / data validation, header
 * style, frozen row, banding, header protection (warning only), and our conditional-format rules.
 * The add-on (src/addon/sheet/apply.ts) executes it with a constant number of calls per column, whatever
 * the row count: one validation per whole column range, one number format per column block, one
 * setConditionalFormatRules for all rules.
 *
 * Data validation per type comes from the field type (fieldType(id).validation). Where Sheets has no
 * native rule (email, phone, URL) the type gives a custom formula (REGEXMATCH on the cell): Sheets'
 * own "text is valid email"/"valid URL" criteria are stricter or looser than our parsers and have no
 * phone equivalent, and a formula keeps the sheet, the CLI and the emulator in agreement.
 * 'reject' fields refuse bad typing (allowInvalid false); 'warn' fields accept it with Sheets' red
 * corner (allowInvalid true). Auto fields are written by the add-on: whatever their type checks
 * (a date for Created…) only warns, with a help text saying ClientFlow fills them.
 * Ref: https://developers.google.com/apps-script/reference/spreadsheet/data-validation-builder
 */
import { AUTO_TYPES, type FieldTypeId, type TypeContext, type TypeLookup, type ValidationSpec } from '../fields/types';
import { t, type Locale } from '../i18n';
import type { Field, TableSchema } from '../schema';
import { a1, columnLetter } from '../table/a1';
import type { Layout } from '../table/layout';
import { planRules, type RulePlan } from './rules';


export interface ValidationPlan {
  spec: ValidationSpec;
  allowInvalid: boolean;
  helpText: string;
}

export interface ColumnPlan {
  key: string;
  column: number;
  letter: string;
  header: string;
  width: number;
  numberFormat: string;
  /** A1 of the data cells the column's format and validation cover. */
  dataRange: string;
  validation: ValidationPlan | null;
}

export interface SetupPlan {
  headerRow: number;
  firstDataRow: number;
  lastRow: number;
  /** Write the header texts (set-up) or leave the user's (adopt). */
  writeHeaders: boolean;
  columns: ColumnPlan[];
  /** Contiguous header blocks (for a batched write of texts and style). */
  headerBlocks: Array<{ a1: string; row: number; column: number; headers: string[] }>;
  headerStyle: { bold: true; background: string; fontColor: string };
  frozenRows: number;
  /** Data rows of the table's span; null when there are no data rows. */
  banding: { a1: string } | null;
  protection: { a1s: string[]; description: string };
  rules: RulePlan[];
}

export interface PlanContext {
  /** Spreadsheet time zone (IANA). */
  timeZone: string;
  /** The sheet's max rows: validation and formats cover every row below the header. */
  maxRows: number;
  /** Language of help texts and the protection description (the user's). */
  uiLocale: Locale;
  writeHeaders: boolean;
  /**
   * Dropdown fields (by key) whose cells hold variants of an option ('成交' for 'Won'): Sheets' list
   * rule cannot list a variant without also offering it in the dropdown, so while they remain the rule
   * only warns (its red corner, with a help text naming the variant) instead of rejecting.
   */
  variants?: ReadonlyMap<string, { example: { value: string; label: string } }>;
}

export const HEADER_STYLE = { bold: true, background: '#e8f0fe', fontColor: '#174ea6' } as const;

/** The TypeContext for one field of a table. */
export function typeContext(schema: TableSchema, field: Field | null, timeZone: string): TypeContext {
  // A field's own currency and date order win over the table's; phones read the table's candidate
  // regions. A money field with its own currency reports amounts in another one (currencyStrict).
  return {
    locale: schema.locale,
    region: schema.region,
    timeZone,
    dateOrder: field?.dateOrder ?? schema.dateOrder,
    currency: field?.currency ?? schema.currency,
    ...(field?.currency ? { currencyStrict: true } : {}),
    ...(field?.currencyMixed ? { currencyMixed: true } : {}),
    ...(field?.type === 'phone' && schema.regions && schema.regions.length > 1 ? { regions: schema.regions } : {}),
    ...(field?.options ? { options: field.options } : {}),
  };
}

const AUTO = new Set<string>(AUTO_TYPES);

const DEFAULT_WIDTHS: Partial<Record<FieldTypeId, number>> = {
  longText: 240, email: 200, url: 200, phone: 150, dateTime: 150, date: 110, created: 110, updated: 140,
  stageSince: 110, checkbox: 80, number: 90, currency: 110, percent: 80, autoId: 110, dropdown: 120,
};

function helpText(spec: ValidationSpec, field: Field, locale: Locale): string {
  switch (spec.kind) {
    case 'list': return t(locale, 'setup.help.list');
    case 'checkbox': return t(locale, 'setup.help.checkbox');
    case 'date': return t(locale, 'setup.help.date', { example: locale === 'zh-CN' ? '2024-01-05' : '2024-01-05' });
    case 'number': return spec.min !== undefined ? t(locale, 'setup.help.numberMin', { min: spec.min }) : t(locale, 'setup.help.number');
    case 'customFormula':
      if (field.type === 'email') return t(locale, 'setup.help.email');
      if (field.type === 'phone') return t(locale, 'setup.help.phone', { example: locale === 'zh-CN' ? '138 0013 8000' : '+1 201 555 0123' });
      if (field.type === 'url') return t(locale, 'setup.help.url');
      return t(locale, 'setup.help.auto');
  }
}

/**
 * The list rule of a dropdown whose cells hold variants: warning only (setAllowInvalid(true): "shows
 * a warning when input fails data validation" rather than rejecting it, per
 * https://developers.google.com/apps-script/reference/spreadsheet/data-validation-builder), with a help
 * text saying that a marked variant means its option until Clean up writes the option's own label.
 * Once no variant remains (cleanup rewrote them), the field's own strictness applies again.
 */
function listWithVariants(spec: ValidationSpec, field: Field, ctx: PlanContext): ValidationPlan | null {
  const v = spec.kind === 'list' ? ctx.variants?.get(field.key) : undefined;
  if (!v) return null;
  return { spec, allowInvalid: true, helpText: t(ctx.uiLocale, 'setup.help.listVariants', { value: v.example.value, label: v.example.label }) };
}

export function planSetup(schema: TableSchema, layout: Layout, headerRow: number, ctx: PlanContext, types: TypeLookup): SetupPlan {
  const firstDataRow = headerRow + 1;
  const lastRow = Math.max(ctx.maxRows, firstDataRow);
  const columns: ColumnPlan[] = [];
  for (const f of schema.fields) {
    const column = layout.columns[f.key];
    if (column === undefined) continue;
    const def = types(f.type);
    const tctx = typeContext(schema, f, ctx.timeZone);
    const letter = columnLetter(column);
    const spec = def.validation(tctx, `${letter}${firstDataRow}`);
    columns.push({
      key: f.key,
      column,
      letter,
      header: f.header,
      width: f.width ?? DEFAULT_WIDTHS[f.type] ?? 120,
      numberFormat: def.numberFormat(tctx),
      dataRange: a1(firstDataRow, column, lastRow, column),
      validation: !spec ? null : AUTO.has(f.type)
        ? { spec, allowInvalid: true, helpText: t(ctx.uiLocale, 'setup.help.auto') }
        : listWithVariants(spec, f, ctx) ?? { spec, allowInvalid: f.onInvalid !== 'reject', helpText: helpText(spec, f, ctx.uiLocale) },
    });
  }
  columns.sort((x, y) => x.column - y.column);
  const headerBlocks: SetupPlan['headerBlocks'] = [];
  for (const c of columns) {
    const last = headerBlocks[headerBlocks.length - 1];
    if (last && last.column + last.headers.length === c.column) {
      last.headers.push(c.header);
      last.a1 = a1(headerRow, last.column, headerRow, c.column);
    } else {
      headerBlocks.push({ a1: a1(headerRow, c.column), row: headerRow, column: c.column, headers: [c.header] });
    }
  }
  const first = columns[0];
  const lastCol = columns[columns.length - 1];
  return {
    headerRow,
    firstDataRow,
    lastRow,
    writeHeaders: ctx.writeHeaders,
    columns,
    headerBlocks,
    headerStyle: { ...HEADER_STYLE },
    frozenRows: headerRow,
    banding: first && lastCol && lastRow >= firstDataRow ? { a1: a1(firstDataRow, first.column, lastRow, lastCol.column) } : null,
    protection: { a1s: headerBlocks.map((b) => b.a1), description: t(ctx.uiLocale, 'setup.protection') },
    rules: planRules(schema, layout, { firstRow: firstDataRow, lastRow }),
  };
}
