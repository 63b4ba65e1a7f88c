/**
 * Errors meant for the user, and how any thrown value becomes a message in their language (never a
 * stack trace). Menus show it in an alert, sidebar endpoints send it in their envelope, onEdit in a toast.
 */
import { t, type Locale, type MessageKey, type Params } from '../../core/i18n';

/** An error whose message is meant for the user (already a message key, translated on the way out). */
export class UserError extends Error {
  constructor(
    readonly key: MessageKey,
    readonly params?: Params,
    readonly code: string = key,
  ) {
    super(key);
  }
}

/** Turns any thrown value into a message for the user, in their language. Never a stack trace. */
export function describeError(e: unknown, locale: Locale): { code: string; message: string } {
  if (e instanceof UserError) return { code: e.code, message: t(locale, e.key, e.params) };
  const raw = e instanceof Error ? e.message : String(e);
  if (/Exceeded maximum execution time/i.test(raw)) return { code: 'timeLimit', message: t(locale, 'error.timeLimit') };
  return { code: 'internal', message: t(locale, 'error.generic', { message: raw }) };
}
