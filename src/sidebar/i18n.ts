/**
 * The sidebar's translator. The add-on sends the whole message table for the user's locale once
 * (getBootstrap); until it arrives (or if it never does) the sidebar's own catalog, bundled here, is
 * used with the browser's language, so even a failed start shows a translated message.
 */
import type { Locale, MessageKey, Params } from '../core/i18n';
import { formatMessage } from '../core/i18n/format';
import { sidebarMessages } from '../core/i18n/messages/sidebar';

export type Translate = (key: MessageKey, params?: Params) => string;

export interface I18n {
  locale: Locale;
  t: Translate;
  /** A message by a key built at run time (e.g. 'setup.schema.' + code), or undefined when unknown. */
  maybe(key: string, params?: Params): string | undefined;
}

export function browserLocale(nav: { language?: string } | undefined): Locale {
  return String(nav?.language ?? '').toLowerCase().startsWith('zh') ? 'zh-CN' : 'en';
}

export function createI18n(locale: Locale, messages?: Readonly<Record<string, string>>): I18n {
  const own: Readonly<Record<string, string>> = sidebarMessages[locale];
  const lookup = (key: string): string | undefined => {
    if (messages && Object.prototype.hasOwnProperty.call(messages, key)) return messages[key];
    if (Object.prototype.hasOwnProperty.call(own, key)) return own[key];
    return undefined;
  };
  return {
    locale,
    t: (key, params) => formatMessage(lookup(key) ?? key, locale, params),
    maybe: (key, params) => {
      const m = lookup(key);
      return m === undefined ? undefined : formatMessage(m, locale, params);
    },
  };
}
