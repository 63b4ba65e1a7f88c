/**
 * Message formatting: `{name}` placeholders, and English plurals written inline in the ICU style
 * `{count, plural, one {# cell} other {# cells}}` (`#` is the number). Only the `one` and `other`
 * forms exist: English needs no more, and Chinese has no plural (its strings just use `{count}`).
 * The form is chosen with Intl.PluralRules of the message's locale (Apps Script's V8 has Intl); the
 * whole block must be on one line and its branches hold no nested braces other than `{name}`.
 */
import type { Params } from './define';

const PLURAL = /\{(\w+), plural, one \{((?:[^{}]|\{\w+\})*)\} other \{((?:[^{}]|\{\w+\})*)\}\}/g;
const rules = new Map<string, Intl.PluralRules>();

/** 'one' or 'other' for `n` in `locale` (anything but English's 1 is 'other'). */
export function pluralForm(locale: string, n: number): 'one' | 'other' {
  let r = rules.get(locale);
  if (!r) {
    // A runtime without Intl.PluralRules still gets English right (only 1 is singular).
    if (typeof Intl === 'undefined' || typeof Intl.PluralRules !== 'function') return locale.startsWith('en') && n === 1 ? 'one' : 'other';
    r = new Intl.PluralRules(locale);
    rules.set(locale, r);
  }
  return r.select(n) === 'one' ? 'one' : 'other';
}

/** Fills a message template: plural blocks first, then `{name}` placeholders. Unknown names stay as written. */
export function formatMessage(template: string, locale: string, params?: Params): string {
  if (!params) return template;
  const withPlurals = template.replace(PLURAL, (m, name: string, one: string, other: string) => {
    if (!Object.prototype.hasOwnProperty.call(params, name)) return m;
    const v = params[name];
    const n = typeof v === 'number' ? v : Number(v);
    const branch = Number.isFinite(n) && pluralForm(locale, n) === 'one' ? one : other;
    return branch.replace(/#/g, String(v));
  });
  return withPlurals.replace(/\{(\w+)\}/g, (m, name: string) =>
    Object.prototype.hasOwnProperty.call(params, name) ? String(params[name]) : m,
  );
}
