/**
 * CSV in and out, for the CLI, `sim`, the playground and the bench. Uses papaparse (well kept,
 * RFC 4180 quoting, quoted line breaks). Tolerates a BOM, CRLF, ragged rows (padded with '') and
 * very long cells. Values stay strings: typing rules are the emulator's or the core's business.
 */
import Papa from 'papaparse';

export function parseCsv(text: string): string[][] {
  const clean = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const result = Papa.parse<string[]>(clean, { header: false, skipEmptyLines: 'greedy', delimiter: '' });
  const rows = result.data.filter((r): r is string[] => Array.isArray(r));
  const width = rows.reduce((w, r) => Math.max(w, r.length), 0);
  return rows.map((r) => (r.length === width ? r : [...r, ...new Array<string>(width - r.length).fill('')]));
}

/** Writes rows as CSV (quotes where needed, CRLF-free). */
export function toCsv(rows: ReadonlyArray<ReadonlyArray<string | number | boolean>>): string {
  return Papa.unparse(rows.map((r) => r.map((v) => String(v))), { newline: '\n' }) + '\n';
}
