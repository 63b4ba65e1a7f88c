import type { Catalog, Locale, Params } from './define';
import { formatMessage } from './format';
import { commonMessages } from './messages/common';
import { menuMessages } from './messages/menu';
import { fieldsMessages } from './messages/fields';
import { setupMessages } from './messages/setup';
import { adoptMessages } from './messages/adopt';
import { sidebarMessages } from './messages/sidebar';
import { cliMessages } from './messages/cli';
import { configMessages } from './messages/config';
import { editMessages } from './messages/edit';
import { funnelMessages } from './messages/funnel';
import { dedupeMessages } from './messages/dedupe';
import { cleanupMessages } from './messages/cleanup';
import { helpMessages } from './messages/help';
import { backupMessages } from './messages/backup';
import { protectMessages } from './messages/protect';
import { checkMessages } from './messages/check';

/**
 * i18n: every user-visible string goes through `t` (docs/ARCHITECTURE.md rule 7).
 * To add an area: create ./messages/<area>.ts with defineMessages(en, zh) and spread it below.
 */
const catalogs = [
  commonMessages,
  menuMessages,
  fieldsMessages,
  setupMessages,
  adoptMessages,
  sidebarMessages,
  cliMessages,
  configMessages,
  editMessages,
  funnelMessages,
  dedupeMessages,
  cleanupMessages,
  helpMessages,
  backupMessages,
  protectMessages,
  checkMessages,
] as const;

type KeysOf<C> = C extends Catalog<infer K> ? K : never;
export type MessageKey = KeysOf<(typeof catalogs)[number]>;
export type { Locale, Params } from './define';
export const LOCALES: readonly Locale[] = ['en', 'zh-CN'];

const tables: Record<Locale, Record<string, string>> = { en: {}, 'zh-CN': {} };
for (const c of catalogs) {
  Object.assign(tables.en, c.en);
  Object.assign(tables['zh-CN'], c['zh-CN']);
}

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
  const template = tables[locale][key] ?? tables.en[key] ?? key;
  const loc = tables[locale][key] !== undefined ? locale : 'en';
  return formatMessage(template, loc, params);
}

export { formatMessage, pluralForm } from './format';

/** The whole table for one locale (sent to the sidebar once at start). */
export function messagesFor(locale: Locale): Readonly<Record<MessageKey, string>> {
  return tables[locale] as Record<MessageKey, string>;
}
