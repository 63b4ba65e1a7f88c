/**
 * Sidebar endpoints of the client form: the table's fields with the selected row's values (or none, for
 * a new client), and the save that writes one row in one call. Served by src/addon/form/endpoints.ts.
 */
import * as z from 'zod/mini';
import { endpoint, lazy } from './endpoint';

export const formFieldSchema = lazy(() => z.object({
  key: z.string(),
  header: z.string(),
  type: z.string(),
  required: z.boolean(),
  /** Filled by ClientFlow (ID, created, updated, stage since): shown, not edited. */
  auto: z.boolean(),
  options: z.array(z.object({ label: z.string(), color: z.string() })),
  /** The cell as the sheet shows it ('' for a new client). */
  value: z.string(),
}));

export const formStateSchema = lazy(() => z.object({
  /** The sheet row being edited, or null for a new client. */
  row: z.nullable(z.int()),
  fields: z.array(formFieldSchema),
}));

export const formEndpoints = {
  /** The form for the selected row of the table (a data row), else for a new client. */
  getClientForm: endpoint(() => z.tuple([]), () => formStateSchema),
  /** Writes one row (row null: a new one after the last), then stamps and checks it as onEdit would. */
  saveClientForm: endpoint(
    () => z.tuple([z.nullable(z.int().check(z.gte(1))), z.record(z.string(), z.union([z.string(), z.boolean()]))]),
    () => z.object({ row: z.int(), a1: z.string(), message: z.string(), issues: z.array(z.object({ header: z.string(), message: z.string() })) }),
  ),
} as const;
