import { defaultContext, FIELD_TYPES } from '../../../src/core/fields';
import type { CellValue, FieldTypeId, TypeContext, TypedValue } from '../../../src/core/fields';

export const EN = defaultContext('en');
export const ZH = defaultContext('zh-CN');
export const GB = defaultContext('en', { region: 'GB' });
export const DE = defaultContext('en', { region: 'DE' });

/** The typed value a cell parses to, or 'invalid:<code>'. */
export function parsed(id: FieldTypeId, raw: CellValue, ctx: TypeContext): TypedValue | string {
  const r = FIELD_TYPES[id].parse(raw, ctx);
  return r.ok ? r.value : `invalid:${r.code}`;
}

/** The value cleanup writes, 'unchanged', or 'invalid:<code>'. */
export function cleaned(id: FieldTypeId, raw: CellValue, ctx: TypeContext): string | number | boolean {
  const r = FIELD_TYPES[id].normalize(raw, ctx);
  if (r.status === 'unchanged') return 'unchanged';
  if (r.status === 'invalid') return `invalid:${r.code}`;
  return r.value;
}
