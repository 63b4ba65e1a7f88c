/**
 * Email addresses. A practical grammar, not RFC 5322: a local part of letters (any script), digits and
 * ! # $ % & ' * + / = ? ^ _ ` { | } ~ - in dot-separated atoms (no leading, trailing or double dots,
 * no quotes, no spaces), '@', and a domain of at least two labels (letters of any script, digits,
 * hyphens inside) whose last label (the TLD) is 2+ letters or an xn-- label. Limits: 64 characters for
 * the local part, 254 in all. So 用户@例子.公司 and josé@bücher.de are accepted, and a@b, a..b@c.com,
 * 'a b@c.com' and a@-x.com are not.
 *
 * Parse reads the address the way cleanup would write it, so a cell cleanup can fix is not an error:
 * trimmed, full-width forms folded (＠ → @), the ideographic full stops 。 ． ｡ in the domain read as '.'
 * (IDNA treats them as label separators), a 'mailto:' prefix, '<…>' brackets or a 'Name <addr>' wrapper
 * removed, stray trailing punctuation (, ; 。 ， 、 . etc.) removed, and everything lowercased (docs/ARCHITECTURE.md's
 * `clean` contract lowercases the whole address).
 *
 * Sheets validation: a custom formula with REGEXMATCH, not DataValidationBuilder.requireTextIsEmail()
 * (https://developers.google.com/apps-script/reference/spreadsheet/data-validation-builder#requireTextIsEmail()),
 * because Sheets' own email check rejects internationalized addresses (用户@例子.公司) that this type
 * accepts. The formula pattern uses negated classes with its white space spelled out (RE2_SPACES), so it
 * means the same in Sheets' RE2 as the add-on's JavaScript checks: no white space inside (around it is
 * trimmed), one '@', no empty or doubled dots, a TLD of 2+ non-digits. It is looser than parse (it is a typing guard); the add-on's checks use parse.
 */
import { allowBlank, defineType, fail, RE2_SPACES as SP } from './define';
import type { ParseResult } from './types';
import { stripInvisible, toHalfWidth } from './util';

const LOCAL_ATOM = "[\\p{L}\\p{M}\\p{N}!#$%&'*+/=?^_`{|}~-]+";
const LABEL = '[\\p{L}\\p{M}\\p{N}](?:[\\p{L}\\p{M}\\p{N}-]*[\\p{L}\\p{M}\\p{N}])?';
const TLD = '(?:[\\p{L}\\p{M}]{2,63}|xn--[a-z0-9-]{2,59})';
// Built on first use: a pattern of Unicode property classes costs about a millisecond to build, which
// every execution would pay when the bundle loads.
let emailRe: RegExp | null = null;
const emailRegExp = (): RegExp => (emailRe ??= new RegExp(`^${LOCAL_ATOM}(?:\\.${LOCAL_ATOM})*@(?:${LABEL}\\.)+${TLD}$`, 'u'));
/** Already canonical plain ASCII addresses: the fast path. */
const ASCII_EMAIL_RE = /^[a-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[a-z0-9!#$%&'*+/=?^_`{|}~-]+)*@(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z]{2,63}$/;

const TRAILING_JUNK = /[\s,;:.。，、；：!?！？)）\]】>》'"“”‘’]+$/u;
const LEADING_JUNK = /^[\s(（[【<《'"“”‘’]+/u;

/** The canonical (cleaned, lowercased) form of an email cell's text; not yet checked. */
export function canonicalEmail(raw: string): string {
  let s = toHalfWidth(stripInvisible(raw)).trim();
  // 'Name <addr>' (as mail clients copy it): take the bracketed address when there is exactly one '@' in it.
  const lt = s.lastIndexOf('<');
  if (lt > 0 && s.endsWith('>') && s.indexOf('@') > lt) s = s.slice(lt + 1, -1);
  s = s.replace(/^mailto:/i, '').replace(LEADING_JUNK, '').replace(TRAILING_JUNK, '');
  const at = s.lastIndexOf('@');
  if (at > 0) s = s.slice(0, at) + '@' + s.slice(at + 1).replace(/[。．｡]/g, '.');
  return s.toLowerCase();
}

export function isEmail(s: string): boolean {
  // '=' is legal in a local part but no real address starts with it, and such a cell is a formula.
  if (s.length > 254 || s.charCodeAt(0) === 61) return false;
  if (!ASCII_EMAIL_RE.test(s) && !emailRegExp().test(s)) return false;
  return s.indexOf('@') <= 64;
}

export const email = defineType({
  id: 'email',
  textual: true,
  parseValue(raw): ParseResult {
    if (typeof raw !== 'string') return fail('invalidEmail');
    const s = ASCII_EMAIL_RE.test(raw) ? raw : canonicalEmail(raw);
    return isEmail(s) ? { ok: true, value: { kind: 'text', value: s } } : fail('invalidEmail');
  },
  canonical: (v) => (v.kind === 'text' ? v.value : null),
  numberFormat: () => '@',
  validation: (_ctx, cell) => ({
    kind: 'customFormula',
    // White space spelled out (RE2_SPACES): around the address it is trimmed, inside it refused, as parse does.
    formula: allowBlank(cell, `REGEXMATCH(${cell}&"","^[${SP}]*[^${SP}@.]+(\\.[^${SP}@.]+)*@[^${SP}@.]+(\\.[^${SP}@.]+)*\\.[^${SP}@.0-9]{2,}[${SP}]*$")`),
  }),
});
