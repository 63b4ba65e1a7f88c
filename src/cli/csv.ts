/**
 * CSV in and out, for the CLI, `sim`, the playground and the bench. Uses papaparse (well kept,
 * RFC 4180 quoting, quoted line breaks). Tolerates a BOM, CRLF, ragged rows (padded with '') and
 * very long cells. Values stay strings: typing rules are the emulator's or the core's business.
 */
import Papa from 'papaparse';

export function parseCsv(text: string, opts: { keepEmptyRows?: boolean } = {}): string[][] {
  const clean = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const result = Papa.parse<string[]>(clean, { header: false, skipEmptyLines: opts.keepEmptyRows ? false : 'greedy', delimiter: '' });
  const rows = result.data.filter((r): r is string[] => Array.isArray(r));
  // Kept empty rows: a blank line or a row of empty fields stays a row (clean writes the same rows),
  // but the line after a final line break is not a row.
  if (opts.keepEmptyRows) {
    while (rows.length > 0 && rows[rows.length - 1].length === 1 && rows[rows.length - 1][0] === '') rows.pop();
  }
  const width = rows.reduce((w, r) => Math.max(w, r.length), 0);
  return rows.map((r) => (r.length === width ? r : [...r, ...new Array<string>(width - r.length).fill('')]));
}

/** Writes rows as CSV (quotes where needed, CRLF-free). */
export function toCsv(rows: ReadonlyArray<ReadonlyArray<string | number | boolean>>): string {
  return Papa.unparse(rows.map((r) => r.map((v) => String(v))), { newline: '\n' }) + '\n';
}
