/**
 * Checking an adopt mapping that crossed the bridge, and its problems in words. The mapping's shape is
 * the wire contract (src/core/api/adopt.ts); whether it makes sense is decided here, the same way in the
 * sidebar (before sending) and in the add-on (on arrival).
 */
import { FIELD_TYPE_IDS, optionSchema } from '../schema';
import { ROLES, type Role } from '../roles';
import type { FieldTypeId } from '../fields/types';
import { columnLetter } from '../fields/util';
import type { MessageKey, Params } from '../i18n';
import { adoptMappingSchema } from '../api/adopt';

const roleSet: ReadonlySet<string> = new Set<string>(ROLES);
const typeSet: ReadonlySet<string> = new Set<string>(FIELD_TYPE_IDS);

export function isKnownRole(s: string): s is Role {
  return roleSet.has(s);
}
export function isKnownType(s: string): s is FieldTypeId {
  return typeSet.has(s);
}

/** Why a mapping cannot be applied: a message key of the adopt area and its parameters. */
export interface MappingProblem {
  key: MessageKey;
  params: Params;
  /** 1-based column at fault, when one is. */
  column?: number;
}

/**
 * The mapping's own consistency, in the order a user would fix it: the first problem, or null.
 * (Whether it still matches the sheet is the add-on's check.) Pure: the sidebar runs it before
 * sending, the add-on again on arrival.
 */
export function checkMapping(raw: unknown): MappingProblem | null {
  const parsed = adoptMappingSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { key: 'adopt.mapping.invalid', params: { detail: issue ? `${issue.path.join('.')}: ${issue.code}` : 'invalid' } };
  }
  const m = parsed.data;
  const seenColumns = new Set<number>();
  const roles = new Map<string, number>();
  for (const c of m.columns) {
    const at = { column: columnLetter(c.column), header: c.header };
    if (seenColumns.has(c.column)) return { key: 'adopt.mapping.duplicateColumn', params: at, column: c.column };
    seenColumns.add(c.column);
    if (c.role !== null && !isKnownRole(c.role))
      return { key: 'adopt.mapping.unknownRole', params: { ...at, role: c.role }, column: c.column };
    if (!isKnownType(c.type)) return { key: 'adopt.mapping.unknownType', params: { ...at, type: c.type }, column: c.column };
    if (!c.adopt) continue;
    if (!c.header.trim()) return { key: 'adopt.mapping.noHeader', params: at, column: c.column };
    if (c.header.trim().length > 200) return { key: 'adopt.mapping.longHeader', params: at, column: c.column };
    if (c.role !== null) {
      const first = roles.get(c.role);
      if (first !== undefined) {
        return { key: 'adopt.mapping.duplicateRole', params: { ...at, role: c.role, first: columnLetter(first) }, column: c.column };
      }
      roles.set(c.role, c.column);
    }
    if (c.type === 'dropdown') {
      const opts = c.options ?? [];
      if (opts.length === 0) return { key: 'adopt.mapping.noOptions', params: at, column: c.column };
      const labels = new Set<string>();
      for (const o of opts) {
        const ok = optionSchema.safeParse(o);
        if (!o.label.trim()) return { key: 'adopt.mapping.emptyOption', params: at, column: c.column };
        if (!ok.success) {
          const path = ok.error.issues[0]?.path[0];
          if (path === 'color')
            return { key: 'adopt.mapping.badColor', params: { ...at, option: o.label, color: o.color }, column: c.column };
          return { key: 'adopt.mapping.badOption', params: { ...at, option: o.label }, column: c.column };
        }
        const k = o.label.trim().toLowerCase();
        if (labels.has(k)) return { key: 'adopt.mapping.duplicateOption', params: { ...at, option: o.label.trim() }, column: c.column };
        labels.add(k);
      }
    }
  }
  if (!m.columns.some((c) => c.adopt)) return { key: 'adopt.mapping.nothing', params: {} };
  return null;
}

/** The parameters of a mapping problem's message, a role named in words: `tr` is t() bound to a locale. */
export function mappingProblemParams(p: MappingProblem, tr: (key: MessageKey, params?: Params) => string): Params {
  const params: Params = { ...p.params };
  if (typeof params.role === 'string' && isKnownRole(params.role)) params.role = tr(`adopt.role.${params.role}` as const);
  return params;
}

/** A mapping problem in words: `tr` is t() bound to a locale (the add-on's or the sidebar's). */
export function mappingProblemText(p: MappingProblem, tr: (key: MessageKey, params?: Params) => string): string {
  return tr(p.key, mappingProblemParams(p, tr));
}
