/**
 * CSV in and out, for the CLI, `sim`, the playground and the bench. Uses papaparse (well kept,
 * RFC 4180 quoting, quoted line breaks). Tolerates a BOM, CRLF, ragged rows (padded with '') and
 * very long cells. Values stay strings: typing rules are the emulator's or the core's business.
 */
import Papa from 'papaparse';

export function parseCsv(text: string, opts: { keepEmptyRows?: boolean } = {}): string[][] {
  const { rows } = parseCsvChecked(text);
  // Kept empty rows: a blank line or a row of empty fields stays a row (clean writes the same rows).
  return opts.keepEmptyRows ? rows : rows.filter((r) => r.some((c) => c.trim() !== ''));
}

/**
 * A cell a spreadsheet would read as a formula when the file is opened (CSV or formula injection): its
 * first character is '=', '+', '-', '@', a tab, a carriage return or NUL, as OWASP's ASVS (V1.2.10) lists
 * them. A plain number ('-5', '+8613800138000', '+8613800138000 ext. 12') is data, not a formula.
 */
const FORMULA_TRIGGER = /^[=+\-@\t\r\0]/;
const PLAIN_NUMBER = /^[+-]?\d+(?:\.\d+)?(?: ext\. \d+)?$/;
export function formulaSafe(cell: string): string {
  return FORMULA_TRIGGER.test(cell) && !PLAIN_NUMBER.test(cell) ? `'${cell}` : cell;
}

/**
 * Writes rows as CSV (quotes where needed, CRLF-free). With `formulaSafe`, a cell that would open as a
 * formula gets the apostrophe that Sheets and Excel read as "this is text" (OWASP's advice).
 */
export function toCsv(rows: ReadonlyArray<ReadonlyArray<string | number | boolean>>, opts: { formulaSafe?: boolean } = {}): string {
  const cell = opts.formulaSafe ? (v: string | number | boolean) => formulaSafe(String(v)) : (v: string | number | boolean) => String(v);
  return Papa.unparse(rows.map((r) => r.map(cell)), { newline: '\n' }) + '\n';
}

/** What a CSV file holds that a person should hear about, with 1-based line numbers of the file. */
export type CsvProblem =
  | { kind: 'unterminatedQuote' | 'badQuote'; line: number }
  | { kind: 'ragged'; line: number; fields: number; usual: number };

/**
 * parseCsv, with what it had to mend: quotes that do not close (papaparse then merges every following
 * line into one cell: refused by the callers) and rows with another number of values than most rows
 * have (all rows are padded to the widest).
 */
export function parseCsvChecked(text: string): { rows: string[][]; problems: CsvProblem[] } {
  const clean = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const result = Papa.parse<string[]>(clean, { header: false, skipEmptyLines: false, delimiter: '' });
  const lineAt = (index: number): number => {
    let line = 1;
    for (let i = 0; i < index && i < clean.length; i++) if (clean.charCodeAt(i) === 10) line++;
    return line;
  };
  const problems: CsvProblem[] = [];
  const seen = new Set<string>();
  for (const e of result.errors) {
    if (e.type !== 'Quotes') continue;
    const kind = e.code === 'MissingQuotes' ? 'unterminatedQuote' : 'badQuote';
    const line = lineAt(e.index ?? 0);
    if (!seen.has(`${kind}:${line}`)) problems.push({ kind, line });
    seen.add(`${kind}:${line}`);
  }
  const raw = result.data.filter((r): r is string[] => Array.isArray(r));
  while (raw.length > 0 && raw[raw.length - 1].length === 1 && raw[raw.length - 1][0] === '') raw.pop();
  const width = raw.reduce((w, r) => Math.max(w, r.length), 0);
  const isBlank = (r: string[]) => r.length === 1 && r[0] === '';
  const counts = new Map<number, number>();
  for (const r of raw) if (!isBlank(r)) counts.set(r.length, (counts.get(r.length) ?? 0) + 1);
  let usual = width;
  for (const [n, c] of counts) if (c > (counts.get(usual) ?? 0)) usual = n;
  let line = 1;
  for (const r of raw) {
    if (!isBlank(r) && r.length !== usual) problems.push({ kind: 'ragged', line, fields: r.length, usual });
    for (const cell of r) for (let i = 0; i < cell.length; i++) if (cell.charCodeAt(i) === 10) line++;
    line++;
  }
  return { rows: raw.map((r) => (r.length === width ? r : [...r, ...new Array<string>(width - r.length).fill('')])), problems };
}
