/**
 * Web addresses: http(s) with or without the scheme, internationalized hosts (例子.中国, bücher.de),
 * optional port, path, query and fragment. Rejected: other schemes (ftp:, mailto:, javascript:), spaces,
 * user info or a bare email address, hosts without a dot (except localhost is also rejected: a client's
 * site is public), labels starting or ending with '-', a TLD with digits.
 *
 * Normalize writes the canonical form: trimmed, full-width folded, scheme and host lowercased, the
 * ideographic full stop '。' in the host read as '.', stray trailing punctuation (, 。 ; ) …) removed,
 * and 'https://' added when no scheme was written. Decision: adding the scheme makes every cell a
 * working link in the sidebar and in HYPERLINK(), and https is what nearly every site serves today; a
 * written 'http://' is kept as written. Paths keep their case.
 *
 * Sheets validation: a custom formula (optional http(s)://, a dotted host, optional port and path), not
 * requireTextIsUrl(), which does not document what it accepts for IDN hosts and scheme-less addresses
 * (https://developers.google.com/apps-script/reference/spreadsheet/data-validation-builder#requireTextIsUrl()).
 */
import { allowBlank, defineType, fail, RE2_SPACES as SP } from './define';
import type { ParseResult } from './types';
import { RE2_INVISIBLE as INV, stripInvisible, toHalfWidth } from './util';

const LABEL = '[\\p{L}\\p{M}\\p{N}](?:[\\p{L}\\p{M}\\p{N}_-]*[\\p{L}\\p{M}\\p{N}])?';
// Built on first use: a pattern of Unicode property classes costs about a millisecond to build, which
// every execution would pay when the bundle loads.
let urlRe: RegExp | null = null;
const urlRegExp = (): RegExp => (urlRe ??= new RegExp(`^(https?)://((?:${LABEL}\\.)+(?:[\\p{L}\\p{M}]{2,63}|xn--[a-z0-9-]{2,59}))(:\\d{1,5})?([/?#][^\\s]*)?$`, 'u'));
const CANONICAL_ASCII = /^https?:\/\/(?:[a-z0-9](?:[a-z0-9_-]*[a-z0-9])?\.)+[a-z]{2,63}(?::\d{1,5})?(?:[/?#][!-~]*)?$/;
const TRAILING_JUNK = /[,;。，、；)）\]】>》'"“”‘’]+$/u;

/** The canonical form of a URL cell, or null when it is not a web address. */
export function canonicalUrl(raw: string): string | null {
  if (CANONICAL_ASCII.test(raw) && !/[,;.)\]>'"]$/.test(raw)) return raw;
  let s = toHalfWidth(stripInvisible(raw)).trim();
  if (s.length > 2048) return null;
  s = s.replace(/^[<(（'"“]+/u, '').replace(TRAILING_JUNK, '');
  const sm = /^([a-z][a-z0-9+.-]*):(\/\/)?/i.exec(s);
  let scheme = 'https';
  if (sm) {
    const sc = sm[1].toLowerCase();
    // 'example.com:8080/x' looks like a scheme 'example.com' without '//': only http(s) with '//' counts.
    if (sc === 'http' || sc === 'https') {
      if (!sm[2]) return null;
      scheme = sc;
      s = s.slice(sm[0].length);
    } else if (sm[2] || !/^\d/.test(s.slice(sm[0].length))) {
      return null; // ftp://, mailto:, javascript: …
    }
  }
  const end = s.search(/[/?#]/);
  let host = end < 0 ? s : s.slice(0, end);
  const rest = end < 0 ? '' : s.slice(end);
  if (host.indexOf('@') >= 0) return null;
  host = host.replace(/[。．｡]/g, '.').toLowerCase();
  if (host.endsWith('.')) host = host.slice(0, -1);
  const out = `${scheme}://${host}${rest}`;
  return urlRegExp().test(out) ? out : null;
}

export const url = defineType({
  id: 'url',
  textual: true,
  parseValue(raw): ParseResult {
    if (typeof raw !== 'string') return fail('invalidUrl');
    const u = canonicalUrl(raw);
    return u === null ? fail('invalidUrl') : { ok: true, value: { kind: 'text', value: u } };
  },
  canonical: (v) => (v.kind === 'text' ? v.value : null),
  numberFormat: () => '@',
  validation: (_ctx, cell) => ({
    kind: 'customFormula',
    // White space spelled out (RE2_SPACES): RE2's \s would let a no-break or ideographic space through.
    formula: allowBlank(cell, `REGEXMATCH(${cell}&"","^[${SP}${INV}]*([hH][tT][tT][pP][sS]?://)?[^${SP}/?#@.:]+(\\.[^${SP}/?#@.:]+)+(:[0-9]+)?([/?#][^${SP}]*)?[${SP}${INV}]*$")`),
  }),
});
