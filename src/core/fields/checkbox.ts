/**
 * Checkboxes. Read as true: TRUE, true, yes, y, 是, 对, 對, 有, ✓ ✔ ☑ ✅, 1, checked, x (a ticked box in
 * exported sheets), on; as false: FALSE, false, no, n, 否, 不是, 错, 錯, 无, 没有, ✗ ✘ × ☐ ❌, 0, unchecked, off.
 * Booleans from getValues are taken as they are. The value is a boolean (written as TRUE/FALSE, the text
 * Sheets uses for booleans in CSV and in plain-text cells). Validation: requireCheckbox().
 * An empty cell is empty (not false): a required checkbox is a rare need, and clearing a box is not a value.
 */
import { defineType, fail } from './define';
import type { ParseResult } from './types';
import { cleanInput } from './util';

const WORDS = new Map<string, boolean>();
for (const w of ['true', 'yes', 'y', '是', '是的', '对', '對', '有', '✓', '✔', '✔️', '☑', '☑️', '✅', '√', '1', 'checked', 'x', 'on', 't']) WORDS.set(w, true);
for (const w of ['false', 'no', 'n', '否', '不是', '错', '錯', '无', '無', '没有', '✗', '✘', '×', '☐', '❌', '0', 'unchecked', 'off', 'f']) WORDS.set(w, false);

export function parseBooleanText(raw: string): boolean | null {
  const fast = WORDS.get(raw);
  if (fast !== undefined) return fast;
  const b = WORDS.get(cleanInput(raw).toLowerCase());
  return b === undefined ? null : b;
}

export const checkbox = defineType({
  id: 'checkbox',
  parseValue(raw): ParseResult {
    let b: boolean | null = null;
    if (typeof raw === 'boolean') b = raw;
    else if (typeof raw === 'number') b = raw === 1 ? true : raw === 0 ? false : null;
    else if (typeof raw === 'string') b = parseBooleanText(raw);
    return b === null ? fail('invalidCheckbox') : { ok: true, value: { kind: 'boolean', value: b } };
  },
  canonical: (v) => (v.kind === 'boolean' ? v.value : null),
  numberFormat: () => 'General',
  validation: () => ({ kind: 'checkbox' }),
});
