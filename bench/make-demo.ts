/**
 * The playground's demo table (dev/playground/demo.csv): about 200 messy clients, mixed English and
 * Chinese, with planted duplicates, bad emails, phones in many formats, dates in many formats and a few
 * hostile cells. Regenerate with `node build.mjs && node dist/dev/bench.js --demo` (deterministic).
 */
import { writeFileSync } from 'node:fs';
import { toCsv } from '../src/cli/csv';
import { generateTable, type ColumnKey, type GeneratedTable } from './generate';

export const DEMO_SEED = 20240105;
export const DEMO_ROWS = 200;
export const DEMO_COLUMNS: readonly ColumnKey[] = [
  'code', 'name', 'company', 'title', 'phone', 'email', 'wechat', 'city', 'channel', 'owner', 'stage',
  'nextFollowUp', 'lastContact', 'dealValue', 'purchases', 'notes',
];

export function demoTable(): GeneratedTable {
  return generateTable({
    rows: DEMO_ROWS,
    seed: DEMO_SEED,
    localeMix: 0.55,
    headerLocale: 'mixed',
    columns: DEMO_COLUMNS,
    duplicateRate: 0.1,
    hostileRate: 0.02,
  });
}

/** Writes the demo CSV; returns the table (its truth is what a good "Find duplicates" finds). */
export function writeDemo(path: string): GeneratedTable {
  const table = demoTable();
  writeFileSync(path, toCsv([table.header, ...table.rows]));
  return table;
}
