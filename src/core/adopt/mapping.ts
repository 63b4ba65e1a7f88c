/**
 * The adopt *mapping* — per column: adopted or left alone, role, type, required, dropdown options —
 * between the sheet's inference and the table schema. menuAdopt and the sidebar's applyAdopt both turn
 * a mapping into the schema here (menuAdopt with `defaultMapping`, the sidebar with the user's edit),
 * so they apply through one code path (src/addon/adopt/adopt.ts applyAdoptMapping).
 *
 * Pure: no Apps Script call in this file (it works on the batched read of src/addon/adopt/adopt.ts).
 */
import { fieldType } from '../fields';
import { columnLetter, isBlankCell, valueText } from '../fields/util';
import type { CellValue, DropdownOption, FieldTypeId, ParseResult, TypeContext } from '../fields/types';
import { AUTO_TYPES } from '../fields/types';
import { t, type Locale } from '../i18n';
import { inferOptions, type Inference, type InferredColumn } from '../infer';
import { paletteColor } from '../colors';
import type { Layout } from '../table/layout';
import { optionSchema, withOutcomes, type FieldInput, type TableSchemaInput } from '../schema';
import type { Role } from '../roles';
import { PREVIEW_MISFITS, type AdoptMapping, type AdoptPreview, type AdoptPreviewColumn } from '../api/adopt';
import { isKnownRole, isKnownType, type MappingProblem } from './check-mapping';

/** What the mapping functions need of one adopt: the batched read, its inference, the merged schema. */
export interface AdoptBasis {
  sheetId: number;
  sheetName: string;
  values: CellValue[][];
  formulas: string[][];
  /** Inference with a header row (headerRow !== null). */
  inf: Inference;
  ctx: TypeContext;
  /** The schema adopting would apply without edits (inferred, merged with an earlier adopt/set-up). */
  schema: TableSchemaInput;
  layout: Layout;
  adoptedBefore: boolean;
  /** 1-based columns of fields from an earlier adopt or set-up (found by metadata or header). */
  knownColumns: ReadonlySet<number>;
  /**
   * 1-based columns whose header names an automatic date (Created, Updated, Stage since: "Last
   * modified", 更新时间…) but which hold the user's own dates: adopted as plain date columns unless the
   * user explicitly chooses the automatic role (which overwrites them on edits).
   */
  ownDates?: ReadonlySet<number>;
}

/** Roles whose column onEdit writes dates into (core/edit/autofill): over values, or into blanks of edited rows. */
export const AUTO_DATE_ROLES: ReadonlySet<string> = new Set<Role>(['created', 'updated', 'stageSince']);

/**
 * Columns (1-based) the inference gives an automatic date role that already hold values in their data
 * rows and were not a field of an earlier adopt or set-up: the user's own dates.
 */
export function ownDateColumns(inf: Inference, values: readonly (readonly CellValue[])[], known: ReadonlySet<number>): Set<number> {
  const out = new Set<number>();
  for (const c of inf.columns) {
    if (c.role === null || !AUTO_DATE_ROLES.has(c.role) || known.has(c.column + 1)) continue;
    for (let r = inf.dataStart; r < inf.dataEnd; r++) {
      if (!isBlankCell(values[r]?.[c.column] ?? '')) { out.add(c.column + 1); break; }
    }
  }
  return out;
}

const AUTO: ReadonlySet<string> = new Set<string>(AUTO_TYPES);

function headerRowIndex(b: AdoptBasis): number {
  return b.inf.headerRow ?? 0;
}

/** The inferred column at a 1-based sheet column. */
function inferredAt(b: AdoptBasis, column: number): InferredColumn | undefined {
  return b.inf.columns.find((c) => c.column === column - 1);
}

/** The header text of a 1-based column, as the preview shows it. */
export function headerOf(b: AdoptBasis, column: number): string {
  return inferredAt(b, column)?.header ?? valueText(b.values[headerRowIndex(b)]?.[column - 1]).trim();
}

/** Fields of the merged schema by 1-based column. */
export function fieldsByColumn(b: AdoptBasis): Map<number, FieldInput> {
  const out = new Map<number, FieldInput>();
  for (const f of b.schema.fields as FieldInput[]) {
    const col = b.layout.columns[f.key];
    if (col !== undefined) out.set(col, f);
  }
  return out;
}

/** Whether a column can be adopted, and why not (translated). */
export function adoptability(b: AdoptBasis, column: number, locale: Locale, known: boolean): { adoptable: boolean; note: string | null } {
  const header = headerOf(b, column);
  if (!header) return { adoptable: false, note: t(locale, 'adopt.sidebar.noteBlank') };
  if (header.length > 200) return { adoptable: false, note: t(locale, 'adopt.sidebar.noteLong') };
  const dup = b.inf.problems.find((p) => p.code === 'duplicateHeader' && p.column === column - 1);
  if (dup && dup.code === 'duplicateHeader' && !known) {
    return { adoptable: false, note: t(locale, 'adopt.sidebar.noteDuplicate', { first: columnLetter(dup.first + 1) }) };
  }
  return { adoptable: true, note: null };
}

function copyOptions(opts: readonly DropdownOption[] | undefined): DropdownOption[] | undefined {
  return opts?.map((o) => ({ label: o.label, color: o.color, ...(o.variants ? { variants: [...o.variants] } : {}), ...(o.outcome ? { outcome: o.outcome } : {}) }));
}

/** The mapping adopting applies when nobody edits it: what menuAdopt confirms by its alert. */
export function defaultMapping(b: AdoptBasis): AdoptMapping {
  const fields = fieldsByColumn(b);
  return {
    sheetId: b.sheetId,
    headerRow: headerRowIndex(b) + 1,
    stages: b.schema.stages ?? null,
    columns: b.inf.columns.map((ic) => {
      const column = ic.column + 1;
      const f = fields.get(column);
      if (f) {
        const options = f.type === 'dropdown' ? copyOptions(f.options) : undefined;
        // The user's own dates stay theirs: a plain date column until they choose the automatic role.
        const own = f.role !== undefined && f.role !== null && AUTO_DATE_ROLES.has(f.role) && (b.ownDates?.has(column) ?? false);
        return { column, header: ic.header, adopt: true, role: own ? null : f.role ?? null, type: f.type, required: f.required ?? false, ...(options ? { options } : {}) };
      }
      const options = ic.type === 'dropdown' ? copyOptions(ic.options) : undefined;
      return { column, header: ic.header, adopt: false, role: ic.managed ? ic.role : null, type: ic.type, required: ic.required, ...(options ? { options } : {}) };
    }),
  };
}

/** Does the mapping still describe this sheet (same header row, same headers, adoptable columns)? */
export function matchSheet(b: AdoptBasis, m: AdoptMapping, locale: Locale): MappingProblem | null {
  const row = headerRowIndex(b) + 1;
  if (m.headerRow !== row) return { key: 'adopt.mapping.headerMoved', params: { row, was: m.headerRow } };
  const fields = fieldsByColumn(b);
  for (const c of m.columns) {
    const header = headerOf(b, c.column);
    if (header !== c.header) return { key: 'adopt.mapping.stale', params: { column: columnLetter(c.column), header }, column: c.column };
    if (c.adopt && !adoptability(b, c.column, locale, fields.has(c.column)).adoptable) {
      const dup = b.inf.problems.find((p) => p.code === 'duplicateHeader' && p.column === c.column - 1);
      const first = dup && dup.code === 'duplicateHeader' ? columnLetter(dup.first + 1) : '?';
      return { key: 'adopt.mapping.duplicateHeader', params: { column: columnLetter(c.column), header, first }, column: c.column };
    }
  }
  return null;
}

/** A key for a new field: its role, else 'col_' and an ASCII slug of its header, else its letter. */
function newKey(role: Role | null, header: string, column: number, taken: Set<string>): string {
  let base: string = role ?? '';
  if (!base) {
    const slug = header.normalize('NFKD').replace(/[^A-Za-z0-9]+/g, '_').replace(/^_+|_+$/g, '').slice(0, 30);
    base = slug ? `col_${slug}` : `col_${columnLetter(column)}`;
  }
  let key = base;
  for (let i = 2; taken.has(key); i++) key = `${base}_${i}`;
  taken.add(key);
  return key;
}

/**
 * The schema and layout of a (checked) mapping. A column ClientFlow already knows keeps its field
 * (key, label, width, option variants) with the mapping's role, type, required flag and options; a new
 * column gets a new field. `defaultMapping` gives back the merged schema itself.
 */
export function schemaFromMapping(b: AdoptBasis, m: AdoptMapping): { schema: TableSchemaInput; layout: Layout } {
  const known = fieldsByColumn(b);
  const cols = m.columns.filter((c) => c.adopt).sort((x, y) => x.column - y.column);
  const taken = new Set<string>();
  const keys = new Map<number, string>();
  // Known fields whose meaning did not change keep their key (their column metadata stays valid).
  for (const c of cols) {
    const f = known.get(c.column);
    if (f && (f.role ?? null) === c.role && !taken.has(f.key)) {
      keys.set(c.column, f.key);
      taken.add(f.key);
    }
  }
  for (const c of cols) {
    if (!keys.has(c.column)) keys.set(c.column, newKey(c.role !== null && isKnownRole(c.role) ? c.role : null, c.header, c.column, taken));
  }
  const columns: Record<string, number> = {};
  const fields: FieldInput[] = cols.map((c) => {
    const key = keys.get(c.column) as string;
    const header = headerOf(b, c.column);
    const base = known.get(c.column);
    const label = header.slice(0, 100);
    const f: FieldInput = base ? { ...base } : { key, label: { en: label, 'zh-CN': label }, header, type: 'text', onInvalid: 'warn' };
    f.key = key;
    f.header = header;
    f.role = c.role !== null && isKnownRole(c.role) ? c.role : null;
    f.type = isKnownType(c.type) ? c.type : 'text';
    f.required = c.required;
    if (f.type === 'dropdown') f.options = copyOptions(c.options) ?? [];
    else delete f.options;
    columns[key] = c.column;
    return f;
  });
  const stageField = fields.find((f) => f.role === 'stage' && f.type === 'dropdown');
  const labels = new Set((stageField?.options ?? []).map((o) => o.label));
  const valid = (s: { won: string; lost: string } | null | undefined) => !!s && s.won !== s.lost && labels.has(s.won) && labels.has(s.lost);
  const inferred = b.inf.columns.find((c) => c.role === 'stage' && c.stages)?.stages;
  const stages = [m.stages, b.schema.stages, inferred].find(valid) ?? null;
  return { schema: withOutcomes({ ...b.schema, fields, stages }), layout: { columns, missing: [], notes: [] } };
}

export type AutoRole = 'clientId' | 'created' | 'updated' | 'stageSince';
const AUTO_ROLE_TYPE = { clientId: 'autoId', created: 'created', updated: 'updated', stageSince: 'stageSince' } as const;

/**
 * Adds the automatic fields the user chose to a mapped schema: a role the table already has as a column
 * becomes that automatic type in place (an ID column with mixed formats is kept as it is: new IDs
 * continue one format), the others are new columns after `lastColumn` with headers in the table's
 * language. Returns the schema, the layout and the new headers to write (1-based column → text).
 */
export function withAutoFields(
  built: { schema: TableSchemaInput; layout: Layout },
  roles: readonly AutoRole[],
  lastColumn: number,
  header: (role: AutoRole) => string,
): { schema: TableSchemaInput; layout: Layout; newHeaders: Array<{ column: number; header: string }> } {
  const fields = built.schema.fields.map((f) => ({ ...f }));
  const columns = { ...built.layout.columns };
  const newHeaders: Array<{ column: number; header: string }> = [];
  const headers = new Set(fields.map((f) => f.header.trim().toLowerCase()));
  const keys = new Set(fields.map((f) => f.key));
  let next = lastColumn + 1;
  for (const role of roles) {
    const have = fields.find((f) => f.role === role);
    if (have) { have.type = AUTO_ROLE_TYPE[role]; delete have.options; continue; }
    let text = header(role);
    for (let i = 2; headers.has(text.trim().toLowerCase()); i++) text = `${header(role)} ${i}`;
    let key: string = role;
    for (let i = 2; keys.has(key); i++) key = `${role}_${i}`;
    headers.add(text.trim().toLowerCase());
    keys.add(key);
    fields.push({ key, label: { en: text, 'zh-CN': text }, header: text, role, type: AUTO_ROLE_TYPE[role], required: false, onInvalid: 'warn' });
    columns[key] = next;
    newHeaders.push({ column: next, header: text });
    next++;
  }
  return { schema: { ...built.schema, fields }, layout: { ...built.layout, columns }, newHeaders };
}

export interface ColumnFit {
  filled: number;
  fit: number;
  misfitCount: number;
  misfits: Array<{ a1: string; value: string }>;
  formulas: number;
}

/**
 * The context a column is checked in once adopted, as the table's check builds it (setup/plan
 * typeContext): phones in the table's candidate regions, and — while the column keeps the type of its
 * field — money in the field's own currency and dates in its day/month order. The preview's fit thus
 * names the cells adopting will highlight, no more and no fewer.
 */
function fitContext(b: AdoptBasis, field: FieldInput | undefined, type: FieldTypeId, options: readonly DropdownOption[] | undefined): TypeContext {
  let ctx: TypeContext = options ? { ...b.ctx, options } : b.ctx;
  if (type === 'phone') {
    const regions = b.schema.regions;
    ctx = { ...ctx, region: b.schema.region, ...(regions && regions.length > 1 ? { regions } : {}) };
  }
  if (field && field.type === type) {
    if (field.currency) ctx = { ...ctx, currency: field.currency, currencyStrict: true, ...(field.currencyMixed ? { currencyMixed: true } : {}) };
    if (field.dateOrder) ctx = { ...ctx, dateOrder: field.dateOrder };
  }
  return ctx;
}

/** How the data cells of a 1-based column fit a type (every cell read; formulas are kept, not typed). */
export function columnFit(b: AdoptBasis, column: number, type: FieldTypeId, options: readonly DropdownOption[] | undefined, field?: FieldInput): ColumnFit {
  const c = column - 1;
  const def = AUTO.has(type) ? null : fieldType(type);
  const ctx = fitContext(b, field, type, options);
  const memo = new Map<string, boolean>();
  const out: ColumnFit = { filled: 0, fit: 1, misfitCount: 0, misfits: [], formulas: 0 };
  const letter = columnLetter(c + 1);
  for (let r = b.inf.dataStart; r < b.inf.dataEnd; r++) {
    if (b.formulas[r]?.[c]) { out.formulas++; continue; }
    const v = b.values[r]?.[c];
    if (isBlankCell(v)) continue;
    out.filled++;
    if (!def) continue;
    let ok: boolean | undefined = typeof v === 'string' ? memo.get(v) : undefined;
    if (ok === undefined) {
      let res: ParseResult;
      try {
        res = def.parse(v as CellValue, ctx);
      } catch {
        res = { ok: false, code: 'invalidNumber' };
      }
      ok = res.ok;
      if (typeof v === 'string' && memo.size < 50000) memo.set(v, ok);
    }
    if (!ok) {
      out.misfitCount++;
      if (out.misfits.length < PREVIEW_MISFITS) out.misfits.push({ a1: `${letter}${r + 1}`, value: valueText(v).slice(0, 200) });
    }
  }
  out.fit = out.filled === 0 ? 1 : (out.filled - out.misfitCount) / out.filled;
  return out;
}

/** Dropdown options read from every value of a column (for a column the user just made a dropdown). */
export function optionsFromColumn(b: AdoptBasis, column: number): DropdownOption[] {
  const c = column - 1;
  const all: string[] = [];
  for (let r = b.inf.dataStart; r < b.inf.dataEnd; r++) {
    if (b.formulas[r]?.[c]) continue;
    const v = b.values[r]?.[c];
    if (!isBlankCell(v)) all.push(valueText(v));
  }
  const inferred = inferOptions(all, true);
  if (inferred) return inferred.options;
  // Too varied for inference to call it a dropdown, but the user says it is one: the most frequent
  // values become the options (the rest are reported as misfits).
  const counts = new Map<string, { label: string; n: number }>();
  for (const v of all) {
    const label = v.trim().slice(0, 100);
    const k = label.toLowerCase();
    const c = counts.get(k);
    if (c) c.n++;
    else counts.set(k, { label, n: 1 });
  }
  return [...counts.values()]
    .sort((a, b) => b.n - a.n || (a.label < b.label ? -1 : a.label > b.label ? 1 : 0))
    .slice(0, MAX_SUGGESTED_OPTIONS)
    .map((c, i) => ({ label: c.label, color: paletteColor(i) }));
}

/** Options suggested for a column the user turned into a dropdown, at most. */
export const MAX_SUGGESTED_OPTIONS = 100;

/** A mapping whose new dropdowns without options get the options their values suggest. */
export function fillOptions(b: AdoptBasis, m: AdoptMapping): AdoptMapping {
  return {
    ...m,
    columns: m.columns.map((c) => (c.type === 'dropdown' && (!c.options || c.options.length === 0)
      ? { ...c, options: optionsFromColumn(b, c.column) }
      : c)),
  };
}

/** What the sidebar shows: every column of the mapping with its fit over the whole column. */
export function buildPreview(b: AdoptBasis, m: AdoptMapping, locale: Locale): AdoptPreview {
  const known = fieldsByColumn(b);
  const byColumn = new Map(m.columns.map((c) => [c.column, c]));
  // Every column of the sheet with a header or data, in order (a mapping may leave some out).
  const all = b.inf.columns.map((ic) => ic.column + 1);
  for (const c of m.columns) if (!all.includes(c.column)) all.push(c.column);
  all.sort((x, y) => x - y);
  const columns: AdoptPreviewColumn[] = all.map((column) => {
    const mc = byColumn.get(column);
    const ic = inferredAt(b, column);
    const type: FieldTypeId = mc && isKnownType(mc.type) ? mc.type : ic?.type ?? 'text';
    const role: Role | null = mc ? (mc.role !== null && isKnownRole(mc.role) ? mc.role : null) : ic?.managed ? ic.role : null;
    const raw = type === 'dropdown' ? (mc ? mc.options : ic?.options) : undefined;
    const options = raw?.filter((o) => optionSchema.safeParse(o).success).map((o) => ({ label: o.label.trim(), color: o.color, ...(o.variants ? { variants: o.variants } : {}) }));
    const adoptability_ = adoptability(b, column, locale, known.has(column));
    const { adoptable } = adoptability_;
    // Choosing an automatic date role for a column of the user's own dates: say what it means.
    const overwrites = adoptable && role !== null && AUTO_DATE_ROLES.has(role) && (b.ownDates?.has(column) ?? false);
    const note = overwrites ? t(locale, 'adopt.sidebar.noteOverwritesDates', { role: t(locale, `adopt.role.${role}` as const) }) : adoptability_.note;
    const fit = columnFit(b, column, type, options, known.get(column));
    return {
      column,
      letter: columnLetter(column),
      header: headerOf(b, column),
      adoptable,
      note,
      known: b.knownColumns.has(column),
      adopt: adoptable && (mc ? mc.adopt : false),
      role,
      type,
      required: mc ? mc.required : ic?.required ?? false,
      ...(options ? { options } : {}),
      filled: fit.filled,
      fit: fit.fit,
      misfitCount: fit.misfitCount,
      misfits: fit.misfits,
      formulas: fit.formulas,
    };
  });
  const stageCol = columns.find((c) => c.adopt && c.role === 'stage' && c.options);
  const labels = new Set((stageCol?.options ?? []).map((o) => o.label));
  const valid = (s: { won: string; lost: string } | null | undefined) => !!s && s.won !== s.lost && labels.has(s.won) && labels.has(s.lost);
  const inferredStages = b.inf.columns.find((c) => c.role === 'stage' && c.stages)?.stages;
  const stages = [m.stages, b.schema.stages, inferredStages].find(valid) ?? null;
  return {
    sheetId: b.sheetId,
    sheetName: b.sheetName,
    headerRow: headerRowIndex(b) + 1,
    dataRows: Math.max(0, b.inf.dataEnd - b.inf.dataStart),
    adoptedBefore: b.adoptedBefore,
    columns,
    stages: stages ? { won: stages.won, lost: stages.lost } : null,
  };
}
