/**
 * Inference and the cell check with the registered field types (src/core/fields). The lower-level
 * functions in infer.ts take a type lookup; these are what adopt, the CLI and region.ts call.
 */
import { fieldType } from '../fields';
import type { CellValue, TypeContext } from '../fields/types';
import { checkCells, inferTable, type GridIssue, type Inference, type InferInput } from './infer';

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
): GridIssue[] {
  return checkCells(grid, inf, ctx, fieldType, formulas, all);
}

/** A grid in which no header row was found (the CLI exits with code 1). */
export class NoHeaderError extends Error {
  constructor() {
    super('noHeader');
    this.name = 'NoHeaderError';
  }
}

/** inferSheet of a grid that must have a header row: throws NoHeaderError when it has none. */
export function inferWithHeader(grid: ReadonlyArray<ReadonlyArray<CellValue>>, ctx: TypeContext): Inference {
  const inf = inferSheet({ grid, ctx });
  if (inf.headerRow === null) throw new NoHeaderError();
  return inf;
}
