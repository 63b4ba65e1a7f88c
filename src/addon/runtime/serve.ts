import type { z } from 'zod';
import { ENDPOINTS, type EndpointName, type Endpoints } from '../../core/api';
import type { Envelope } from '../../core/api/endpoint';
import { resolveLocale, t, type Locale, type MessageKey, type Params } from '../../core/i18n';

/** An error whose message is meant for the user (already a message key, translated on the way out). */
export class UserError extends Error {
  constructor(readonly key: MessageKey, readonly params?: Params, readonly code: string = key) {
    super(key);
  }
}

export function userLocale(): Locale {
  return resolveLocale(Session.getActiveUserLocale());
}

/** Turns any thrown value into a message for the user, in their language. Never a stack trace. */
export function describeError(e: unknown, locale: Locale): { code: string; message: string } {
  if (e instanceof UserError) return { code: e.code, message: t(locale, e.key, e.params) };
  const raw = e instanceof Error ? e.message : String(e);
  if (/Exceeded maximum execution time/i.test(raw)) return { code: 'timeLimit', message: t(locale, 'error.timeLimit') };
  return { code: 'internal', message: t(locale, 'error.generic', { message: raw }) };
}

type Impl<N extends EndpointName> = (
  ...args: z.output<Endpoints[N]['args']>
) => z.input<Endpoints[N]['result']>;

/**
 * The server side of an endpoint: checks the arguments against the endpoint's schema, runs `impl`,
 * checks its result, and wraps both outcomes in an Envelope (errors translated for the user).
 */
export function serve<N extends EndpointName>(name: N, impl: Impl<N>): (...raw: unknown[]) => Envelope<z.output<Endpoints[N]['result']>> {
  const ep = ENDPOINTS[name];
  return (...raw: unknown[]) => {
    let locale: Locale = 'en';
    try {
      locale = userLocale();
      const parsed = ep.args.safeParse(raw);
      // Arguments that do not fit the endpoint come from a stale or tampered sidebar: one short,
      // translated sentence for the user; the details are for developers, not for the page.
      if (!parsed.success) return { ok: false, error: { code: 'badRequest', message: t(locale, 'error.badRequest') } };
      const args = parsed.data as z.output<Endpoints[N]['args']>;
      const data = ep.result.parse(impl(...args)) as z.output<Endpoints[N]['result']>;
      return { ok: true, data };
    } catch (e) {
      return { ok: false, error: describeError(e, locale) };
    }
  };
}
