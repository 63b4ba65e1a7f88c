/**
 * Column inference (adopt, CLI): header row, roles, types, dropdown options; and the cell check.
 * `inferSheet`/`checkSheet` use the field-type registry; the lower-level functions take a lookup.
 */
import { fieldType } from '../fields';
import type { CellValue, TypeContext } from '../fields/types';
import { checkCells, inferTable, type CellIssue, type Inference, type InferInput } from './infer';

export * from './infer';
export { headerKey, roleForHeader, ROLE_SYNONYMS } from './synonyms';
export { inferOptions, knownStage, optionKey, STAGE_VOCAB, editDistance } from './options';
export { toSchema, toFields, fieldKey } from './schema';

/** inferTable with the registered field types. */
export function inferSheet(input: Omit<InferInput, 'types'>): Inference {
  return inferTable({ ...input, types: fieldType });
}

/** checkCells with the registered field types. */
export function checkSheet(
  grid: ReadonlyArray<ReadonlyArray<CellValue>>,
  inf: Inference,
  ctx: TypeContext,
  formulas?: ReadonlyArray<ReadonlyArray<string>>,
  all = false,
): CellIssue[] {
  return checkCells(grid, inf, ctx, fieldType, formulas, all);
}
export { inferWithPhoneRegion, phoneRegionOf } from './region';
