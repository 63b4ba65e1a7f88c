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
import * as z from 'zod';
import { AUTO_TYPES, USER_TYPES, type FieldTypeId } from './fields/types';
import { ROLES, type Role } from './roles';

export const SCHEMA_VERSION = 2 as const;

export const FIELD_TYPE_IDS = [...USER_TYPES, ...AUTO_TYPES] as const satisfies readonly FieldTypeId[];

export const localeSchema = z.enum(['en', 'zh-CN']);
export const colorSchema = z.string().regex(/^#[0-9a-fA-F]{6}$/, 'color must be #rrggbb');

export const localizedSchema = z.object({
  en: z.string().trim().min(1).max(100),
  'zh-CN': z.string().trim().min(1).max(100),
});

export const outcomeSchema = z.enum(['won', 'lost']);
export const dateOrderSchema = z.enum(['MDY', 'DMY', 'YMD']);
export const regionSchema = z.string().regex(/^[A-Z]{2}$/);
export const currencyCodeSchema = z.string().regex(/^[A-Z]{3}$/);

export const optionSchema = z.object({
  label: z.string().trim().min(1).max(100),
  color: colorSchema,
  /** Other spellings that mean this option (成交, Closed Won for Won): every rule reads them as it. */
  variants: z.array(z.string().max(100)).max(200).optional(),
  /** The stage option that ends a deal: won or lost (kept in step with the table's `stages`). */
  outcome: outcomeSchema.optional(),
});

export const fieldSchema = z.object({
  /** Stable id of the field (config, developer metadata). */
  key: z.string().regex(/^[A-Za-z][A-Za-z0-9_]{0,39}$/, 'key: letters, digits and _')
    // Keys index plain objects (layouts, maps by key): a name every object already has
    // (constructor, toString, valueOf…) would be found where no column is.
    .refine((k) => !(k in Object.prototype), 'reservedKey'),
  label: localizedSchema,
  /** Text of the header cell. */
  header: z
    .string()
    .trim()
    .min(1)
    .max(200)
    // A header nobody can see (zero-width and other invisible characters only) or one holding a bidi
    // control (U+202A–U+202E, U+2066–U+2069: text that reads differently than it is stored) is refused.
    .refine((h) => !/[\u202a-\u202e\u2066-\u2069]/.test(h), { message: 'bidiHeader' })
    .refine((h) => /[^\s\u200b-\u200d\u2060\ufeff\u00ad]/.test(h), { message: 'invisibleHeader' }),
  /** What the column means; null for a custom field. */
  role: z.enum(ROLES as [Role, ...Role[]]).nullable().default(null),
  type: z.enum(FIELD_TYPE_IDS),
  required: z.boolean().default(false),
  /** 'reject': Sheets refuses invalid typing (data validation not allowInvalid); 'warn': a red corner. */
  onInvalid: z.enum(['reject', 'warn']).default('warn'),
  /** Normalize a value as it is typed or pasted (email lowercased, phone in E.164 when unambiguous…),
   * as cleanup would; off unless set. */
  normalizeOnEntry: z.boolean().optional(),
  /** Dropdown options, in order (for the stage field: the stage order). */
  options: z.array(optionSchema).max(500).optional(),
  /** Column width in pixels; the plan picks one by type when absent. */
  width: z.number().int().min(20).max(2000).optional(),
  /** Money: the column's own currency (ISO 4217); the table's when absent. */
  currency: currencyCodeSchema.optional(),
  /** Money: the column mixes currencies; its format shows no currency symbol (nothing is relabelled). */
  currencyMixed: z.boolean().optional(),
  /** Dates: the column's own day/month order; the table's when absent. */
  dateOrder: dateOrderSchema.optional(),
});

export const stagesSchema = z.object({
  /** Label of the winning terminal option of the stage field. */
  won: z.string().min(1),
  /** Label of the exit option (lost). */
  lost: z.string().min(1),
});

export const rulesSchema = z.object({
  /** Last contact older than this many days is shown amber. */
  staleDays: z.number().int().min(1).max(3650).default(14),
  /** Stage label → days without contact after which a client in that stage is stale (others: staleDays). */
  staleDaysByStage: z.record(z.string(), z.number().int().min(1).max(3650)).optional(),
  /** Next follow-up in the past (and stage not won/lost) is shown red. */
  overdueFollowUp: z.boolean().default(true),
  /** Stage rules, each off unless set: a breaking edit is flagged and explained, never reverted. */
  stageRules: z.object({
    /** A change may move at most one stage forward (the lost exit is always allowed). */
    noSkipping: z.boolean().default(false),
    /** A change may not move to an earlier stage. */
    noBackward: z.boolean().default(false),
    /** Field key → the stage from which on the field must be filled (Deal value from Proposal). */
    requiredFrom: z.record(z.string(), z.string()).default({}),
  }).optional(),
});

export const locationSchema = z.object({
  /** Sheet.getSheetId(): survives renames. */
  sheetId: z.number().int(),
  /** The sheet's name when last seen, for messages only: the sheet is found by its id, never by this name. */
  sheetName: z.string().min(1),
  /** 1-based row of the header. Data starts on the row below. */
  headerRow: z.number().int().min(1),
});

const tableObject = z.object({
  version: z.literal(SCHEMA_VERSION),
  /** Template the table came from ('b2b', 'ecommerce', 'services'), null when adopted/custom. */
  template: z.string().nullable().default(null),
  /** Language of headers and options. */
  locale: localeSchema,
  /** Default phone country, ISO 3166 alpha-2. */
  region: regionSchema,
  /**
   * Candidate phone regions, the default first: a number without a country code is read in the one
   * where it is valid (src/core/fields/phone.ts readPhone). Absent: `region` alone.
   */
  regions: z.array(regionSchema).min(1).max(10).optional(),
  /** ISO 4217 code for the currency format. */
  currency: z.string().regex(/^[A-Z]{3}$/),
  /** How ambiguous numeric dates are read. */
  dateOrder: dateOrderSchema,
  fields: z.array(fieldSchema).min(1).max(200),
  stages: stagesSchema.nullable().default(null),
  rules: rulesSchema.default({ staleDays: 14, overdueFollowUp: true }),
  location: locationSchema.nullable().default(null),
});

/** Cross-field checks. Messages are stable codes (translated by the caller via 'setup.schema.*'). */
export const tableSchema = tableObject.superRefine((t, ctx) => {
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
});

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
