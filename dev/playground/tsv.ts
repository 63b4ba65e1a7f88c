/** Pure helpers of the playground page (kept apart so that tests can run them without a DOM). */

export { columnLetter } from '../../src/core/fields/util';

/** Tab-separated text as Sheets puts it on the clipboard: cells holding tabs, line breaks or quotes
 * are quoted, with "" for a quote. */
export function parseTsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let i = 0;
  let atStart = true;
  const t = text.replace(/\r\n?/g, '\n').replace(/\n$/, '');
  while (i < t.length) {
    const ch = t[i] ?? '';
    if (atStart && ch === '"') {
      let j = i + 1;
      let quoted = '';
      let closed = false;
      while (j < t.length) {
        const cj = t[j];
        if (cj === '"' && t[j + 1] === '"') {
          quoted += '"';
          j += 2;
        } else if (cj === '"') {
          closed = true;
          j += 1;
          break;
        } else {
          quoted += cj ?? '';
          j += 1;
        }
      }
      const next = t[j];
      if (closed && (next === undefined || next === '\t' || next === '\n')) {
        cell = quoted;
        i = j;
        atStart = false;
        continue;
      }
    }
    atStart = false;
    if (ch === '\t') {
      row.push(cell);
      cell = '';
      atStart = true;
    } else if (ch === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      atStart = true;
    } else cell += ch;
    i += 1;
  }
  row.push(cell);
  rows.push(row);
  const width = rows.reduce((w, r) => Math.max(w, r.length), 0);
  return rows.map((r) => (r.length < width ? [...r, ...new Array<string>(width - r.length).fill('')] : r));
}
