/**
 * Client IDs. Any non-empty text is an ID ('C-000123', '客户-7', '42'): IDs are the user's own and are
 * only trimmed (and cleaned of invisible characters) by cleanup, never rewritten. Format '@' so that
 * '00123' keeps its zeros. The add-on fills new rows with `nextClientId`.
 */
import { defineType } from './define';
import type { ParseResult } from './types';
import { cellText, cleanInput } from './util';

/** Default prefix of generated IDs. */
export const CLIENT_ID_PREFIX = 'C-';

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * The next ID after the existing ones with this prefix: one more than the largest number found after the
 * prefix (compared case-insensitively, white space ignored), zero-padded to at least 6 digits or the
 * widest existing one. nextClientId(['C-000001', 'C-000041', 'x'], 'C-') → 'C-000042'; none → 'C-000001'.
 * Pure; the caller passes every ID in the column (and any reserved ones).
 */
export function nextClientId(existing: readonly string[], prefix: string = CLIENT_ID_PREFIX): string {
  const re = new RegExp('^' + escapeRegExp(prefix.trim()) + '\\s*(\\d+)$', 'i');
  let max = '0';
  let width = 6;
  for (const id of existing) {
    const m = re.exec(cleanInput(String(id)));
    if (!m) continue;
    const digits = m[1].replace(/^0+(?=\d)/, '');
    if (digits.length > max.length || (digits.length === max.length && digits > max)) max = digits;
    if (m[1].length > width && m[1][0] === '0') width = m[1].length;
  }
  return prefix + increment(max).padStart(width, '0');
}

/** '41' → '42', '999' → '1000' (decimal strings of any length). */
function increment(digits: string): string {
  const a = digits.split('');
  let i = a.length - 1;
  while (i >= 0 && a[i] === '9') { a[i] = '0'; i--; }
  if (i < 0) return '1' + a.join('');
  a[i] = String(Number(a[i]) + 1);
  return a.join('');
}

export const autoId = defineType({
  id: 'autoId',
  freeText: true,
  textual: true,
  acceptsAnyText: true,
  parseValue(raw): ParseResult {
    const s = typeof raw === 'string' ? cleanInput(raw) : raw instanceof Date ? raw.toISOString() : cellText(raw);
    return { ok: true, value: { kind: 'text', value: s } };
  },
  canonical: (v, raw) => (typeof raw === 'string' && v.kind === 'text' ? v.value : null),
  numberFormat: () => '@',
  validation: () => null,
});
