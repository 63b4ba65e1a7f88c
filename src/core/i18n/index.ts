import type { Catalog, Locale, Params } from './define';
import type { catalogs } from './catalogs';
import { formatMessage } from './format';
import { tableOf } from './tables';

/**
 * i18n: every user-visible string goes through `t` (docs/ARCHITECTURE.md rule 7).
 * To add an area: create ./messages/<area>.ts with defineMessages(en, zh) and list it in ./catalogs.ts.
 * Each locale's table is built (in the bundles: parsed) the first time a message of it is asked for.
 */

type KeysOf<C> = C extends Catalog<infer K> ? K : never;
export type MessageKey = KeysOf<(typeof catalogs)[number]>;
export type { Locale, Params } from './define';
export const LOCALES: readonly Locale[] = ['en', 'zh-CN'];

/** Maps a user or spreadsheet locale ('zh', 'zh_CN', 'zh-TW', 'en_GB', '', null) to a supported one. */
export function resolveLocale(raw: string | null | undefined): Locale {
  const s = String(raw ?? '').trim().toLowerCase();
  return s.startsWith('zh') ? 'zh-CN' : 'en';
}

/**
 * The message for `key` in `locale`, with `{name}` placeholders filled from `params` and English
 * plurals (`{count, plural, one {# cell} other {# cells}}`) chosen by count (see ./format.ts).
 */
export function t(locale: Locale, key: MessageKey, params?: Params): string {
  const own = tableOf(locale)[key];
  const template = own ?? tableOf('en')[key] ?? key;
  const loc = own !== undefined ? locale : 'en';
  return formatMessage(template, loc, params);
}

export { formatMessage, pluralForm } from './format';

/** Items of a list in a sentence: `a、b、c` in Chinese (the enumeration comma), `a, b, c` in English. */
export function joinList(locale: Locale, items: readonly string[]): string {
  return items.join(locale === 'zh-CN' ? '、' : ', ');
}

/** `(aside)`, in Chinese with full-width parentheses: `（aside）`. */
export function inParens(locale: Locale, aside: string): string {
  return locale === 'zh-CN' ? `（${aside}）` : `(${aside})`;
}

/** `text (aside)`, in Chinese with full-width parentheses and no space: `text（aside）`. */
export function withAside(locale: Locale, text: string, aside: string): string {
  return locale === 'zh-CN' ? `${text}${inParens(locale, aside)}` : `${text} ${inParens(locale, aside)}`;
}

/** The whole table for one locale (sent to the sidebar once at start). */
export function messagesFor(locale: Locale): Readonly<Record<MessageKey, string>> {
  return tableOf(locale) as Record<MessageKey, string>;
}
