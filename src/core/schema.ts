/**
 * The schema of a customer-process table: what each column is, the ordered stages,
 * the color/overdue rules and where the table lives. Pure data, checked with zod wherever it crosses a
 * boundary (document properties, google.script.run, templates).
 *
 * - A field's `header` is the text written in (or found in) the header row; its `label` is the name
 *   shown in the sidebar, per locale. Columns are found by developer metadata 'clientflow.field' = key
 *   first and by header text second (src/core/table/layout.ts), so users may move or rename them.
 * - Stages are the options of the field whose role is 'stage', in order; `stages.won` and
 *   `stages.lost` name the two terminal options (lost is the exit, not the last step).
 * - `version` is the config version (src/core/config.ts migrates older ones). Version 2: options have
 *   `variants` (version 1 called them aliases) and an `outcome`; money and date fields may carry their
 *   own `currency` and `dateOrder`; the table its candidate phone `regions`.
 */
import * as z from 'zod/mini';
import './zod-messages';
import { lazy } from './lazy';
import { AUTO_TYPES, USER_TYPES, type FieldTypeId } from './fields/types';
import { ROLES, type Role } from './roles';

export const SCHEMA_VERSION = 2 as const;

export const FIELD_TYPE_IDS = [...USER_TYPES, ...AUTO_TYPES] as const satisfies readonly FieldTypeId[];

export const localeSchema = lazy(() => z.enum(['en', 'zh-CN']));
export const colorSchema = lazy(() => z.string().check(z.regex(/^#[0-9a-fA-F]{6}$/, 'color must be #rrggbb')));

export const localizedSchema = lazy(() => z.object({
  en: z.string().check(z.trim(), z.minLength(1), z.maxLength(100)),
  'zh-CN': z.string().check(z.trim(), z.minLength(1), z.maxLength(100)),
}));

export const outcomeSchema = lazy(() => z.enum(['won', 'lost']));
export const dateOrderSchema = lazy(() => z.enum(['MDY', 'DMY', 'YMD']));
export const regionSchema = lazy(() => z.string().check(z.regex(/^[A-Z]{2}$/)));
export const currencyCodeSchema = lazy(() => z.string().check(z.regex(/^[A-Z]{3}$/)));

export const optionSchema = lazy(() => z.object({
  label: z.string().check(z.trim(), z.minLength(1), z.maxLength(100)),
  color: colorSchema,
  /** Other spellings that mean this option (成交, Closed Won for Won): every rule reads them as it. */
  variants: z.optional(z.array(z.string().check(z.maxLength(100))).check(z.maxLength(200))),
  /** The stage option that ends a deal: won or lost (kept in step with the table's `stages`). */
  outcome: z.optional(outcomeSchema),
}));

export const fieldSchema = lazy(() => z.object({
  /** Stable id of the field (config, developer metadata). */
  key: z.string().check(
    z.regex(/^[A-Za-z][A-Za-z0-9_]{0,39}$/, 'key: letters, digits and _'),
    // Keys index plain objects (layouts, maps by key): a name every object already has
    // (constructor, toString, valueOf…) would be found where no column is.
    z.refine((k) => !(k in Object.prototype), 'reservedKey'),
  ),
  label: localizedSchema,
  /** Text of the header cell. */
  header: z.string().check(
    z.trim(),
    z.minLength(1),
    z.maxLength(200),
    // A header nobody can see (zero-width and other invisible characters only) or one holding a bidi
    // control (U+202A–U+202E, U+2066–U+2069: text that reads differently than it is stored) is refused.
    z.refine((h) => !/[\u202a-\u202e\u2066-\u2069]/.test(h), { message: 'bidiHeader' }),
    z.refine((h) => /[^\s\u200b-\u200d\u2060\ufeff\u00ad]/.test(h), { message: 'invisibleHeader' }),
  ),
  /** What the column means; null for a custom field. */
  role: z._default(z.nullable(z.enum(ROLES as [Role, ...Role[]])), null),
  type: z.enum(FIELD_TYPE_IDS),
  required: z._default(z.boolean(), false),
  /** 'reject': Sheets refuses invalid typing (data validation not allowInvalid); 'warn': a red corner. */
  onInvalid: z._default(z.enum(['reject', 'warn']), 'warn'),
  /** Normalize a value as it is typed or pasted (email lowercased, phone in E.164 when unambiguous…),
   * as cleanup would; off unless set. */
  normalizeOnEntry: z.optional(z.boolean()),
  /** Dropdown options, in order (for the stage field: the stage order). */
  options: z.optional(z.array(optionSchema).check(z.maxLength(500))),
  /** Column width in pixels; the plan picks one by type when absent. */
  width: z.optional(z.int().check(z.gte(20), z.lte(2000))),
  /** Money: the column's own currency (ISO 4217); the table's when absent. */
  currency: z.optional(currencyCodeSchema),
  /** Money: the column mixes currencies; its format shows no currency symbol (nothing is relabelled). */
  currencyMixed: z.optional(z.boolean()),
  /** Dates: the column's own day/month order; the table's when absent. */
  dateOrder: z.optional(dateOrderSchema),
}));

export const stagesSchema = lazy(() => z.object({
  /** Label of the winning terminal option of the stage field. */
  won: z.string().check(z.minLength(1)),
  /** Label of the exit option (lost). */
  lost: z.string().check(z.minLength(1)),
}));

export const rulesSchema = lazy(() => z.object({
  /** Last contact older than this many days is shown amber. */
  staleDays: z._default(z.int().check(z.gte(1), z.lte(3650)), 14),
  /** Stage label → days without contact after which a client in that stage is stale (others: staleDays). */
  staleDaysByStage: z.optional(z.record(z.string(), z.int().check(z.gte(1), z.lte(3650)))),
  /** Next follow-up in the past (and stage not won/lost) is shown red. */
  overdueFollowUp: z._default(z.boolean(), true),
  /** Stage rules, each off unless set: a breaking edit is flagged and explained, never reverted. */
  stageRules: z.optional(z.object({
    /** A change may move at most one stage forward (the lost exit is always allowed). */
    noSkipping: z._default(z.boolean(), false),
    /** A change may not move to an earlier stage. */
    noBackward: z._default(z.boolean(), false),
    /** Field key → the stage from which on the field must be filled (Deal value from Proposal). */
    requiredFrom: z._default(z.record(z.string(), z.string()), {}),
  })),
}));

export const locationSchema = lazy(() => z.object({
  /** Sheet.getSheetId(): survives renames. */
  sheetId: z.int(),
  /** The sheet's name when last seen, for messages only: the sheet is found by its id, never by this name. */
  sheetName: z.string().check(z.minLength(1)),
  /** 1-based row of the header. Data starts on the row below. */
  headerRow: z.int().check(z.gte(1)),
}));

const tableObject = lazy(() => z.object({
  version: z.literal(SCHEMA_VERSION),
  /** Template the table came from ('b2b', 'ecommerce', 'services'), null when adopted/custom. */
  template: z._default(z.nullable(z.string()), null),
  /** Language of headers and options. */
  locale: localeSchema,
  /** Default phone country, ISO 3166 alpha-2. */
  region: regionSchema,
  /**
   * Candidate phone regions, the default first: a number without a country code is read in the one
   * where it is valid (src/core/fields/phone.ts readPhone). Absent: `region` alone.
   */
  regions: z.optional(z.array(regionSchema).check(z.minLength(1), z.maxLength(10))),
  /** ISO 4217 code for the currency format. */
  currency: z.string().check(z.regex(/^[A-Z]{3}$/)),
  /** How ambiguous numeric dates are read. */
  dateOrder: dateOrderSchema,
  fields: z.array(fieldSchema).check(z.minLength(1), z.maxLength(200)),
  stages: z._default(z.nullable(stagesSchema), null),
  rules: z._default(rulesSchema, { staleDays: 14, overdueFollowUp: true }),
  location: z._default(z.nullable(locationSchema), null),
}));

/** Cross-field checks. Messages are stable codes (translated by the caller via 'setup.schema.*'). */
export const tableSchema = lazy(() => tableObject.check(z.superRefine((t, ctx) => {
  const keys = new Set<string>();
  const headers = new Set<string>();
  const roles = new Set<string>();
  t.fields.forEach((f, i) => {
    if (keys.has(f.key)) ctx.addIssue({ code: 'custom', path: ['fields', i, 'key'], message: 'duplicateKey' });
    keys.add(f.key);
    const h = f.header.trim().toLowerCase();
    if (headers.has(h)) ctx.addIssue({ code: 'custom', path: ['fields', i, 'header'], message: 'duplicateHeader' });
    headers.add(h);
    if (f.role) {
      if (roles.has(f.role)) ctx.addIssue({ code: 'custom', path: ['fields', i, 'role'], message: 'duplicateRole' });
      roles.add(f.role);
    }
    if (f.type === 'dropdown') {
      if (!f.options || f.options.length === 0) ctx.addIssue({ code: 'custom', path: ['fields', i, 'options'], message: 'noOptions' });
      else {
        const labels = new Set<string>();
        f.options.forEach((o, j) => {
          const l = o.label.toLowerCase();
          if (labels.has(l)) ctx.addIssue({ code: 'custom', path: ['fields', i, 'options', j], message: 'duplicateOption' });
          labels.add(l);
        });
      }
    } else if (f.options && f.options.length > 0) {
      ctx.addIssue({ code: 'custom', path: ['fields', i, 'options'], message: 'optionsNotDropdown' });
    }
  });
  if (t.stages) {
    const stage = t.fields.find((f) => f.role === 'stage');
    if (!stage || stage.type !== 'dropdown') {
      ctx.addIssue({ code: 'custom', path: ['stages'], message: 'noStageField' });
    } else {
      const labels = (stage.options ?? []).map((o) => o.label);
      if (!labels.includes(t.stages.won)) ctx.addIssue({ code: 'custom', path: ['stages', 'won'], message: 'unknownStage' });
      if (!labels.includes(t.stages.lost)) ctx.addIssue({ code: 'custom', path: ['stages', 'lost'], message: 'unknownStage' });
      if (t.stages.won === t.stages.lost) ctx.addIssue({ code: 'custom', path: ['stages'], message: 'wonIsLost' });
      (stage.options ?? []).forEach((o, j) => {
        if (o.outcome && o.label !== t.stages?.[o.outcome]) ctx.addIssue({ code: 'custom', path: ['fields', t.fields.indexOf(stage), 'options', j, 'outcome'], message: 'outcomeNotStage' });
      });
    }
  }
})));

export type TableSchema = z.output<typeof tableSchema>;
export type TableSchemaInput = z.input<typeof tableSchema>;
export type Field = z.output<typeof fieldSchema>;
export type FieldInput = z.input<typeof fieldSchema>;
export type Option = z.output<typeof optionSchema>;
export type Stages = z.output<typeof stagesSchema>;
export type Rules = z.output<typeof rulesSchema>;
export type TableLocation = z.output<typeof locationSchema>;

/** The field with a role, if any. */
export function fieldByRole(schema: Pick<TableSchema, 'fields'>, role: Role): Field | undefined {
  return schema.fields.find((f) => f.role === role);
}

/** Stage labels in order, without the lost exit (the funnel's steps). */
export function stageOrder(schema: TableSchema): string[] {
  const stage = fieldByRole(schema, 'stage');
  if (!stage?.options) return [];
  const lost = schema.stages?.lost;
  return stage.options.map((o) => o.label).filter((l) => l !== lost);
}

/**
 * The table with every stage option's `outcome` set from `stages` (and cleared elsewhere): the one
 * place the two are brought in step when either changes.
 */
export function withOutcomes<T extends TableSchemaInput | TableSchema>(t: T): T {
  const stages = t.stages ?? null;
  return {
    ...t,
    fields: t.fields.map((f) => {
      if (!f.options) return f;
      const isStage = f.role === 'stage';
      return {
        ...f,
        options: f.options.map((o) => {
          const { outcome: _drop, ...rest } = o;
          const outcome = isStage && stages ? (o.label === stages.won ? 'won' : o.label === stages.lost ? 'lost' : undefined) : undefined;
          return outcome ? { ...rest, outcome } : rest;
        }),
      };
    }),
  };
}

/** Parse anything into a schema: a Result with the first problem's path and code, never a throw. */
export function parseSchema(raw: unknown):
  | { ok: true; schema: TableSchema }
  | { ok: false; path: string; code: string } {
  const r = tableSchema.safeParse(raw);
  if (r.success) return { ok: true, schema: r.data };
  const issue = r.error.issues[0];
  const path = issue ? issue.path.map(String).join('.') : '';
  const code = issue ? (issue.code === 'custom' ? issue.message : issue.code) : 'invalid';
  return { ok: false, path, code };
}
