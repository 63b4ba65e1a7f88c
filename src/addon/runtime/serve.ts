/**
 * The server half of the sidebar bridge: an endpoint's implementation wrapped so that its arguments
 * and result are checked against the endpoint's schema (src/core/api), in the user's locale, with
 * errors translated into the envelope. serveChange does the same under the document lock: the
 * sidebar's twin of a menu action's change (./action.ts).
 */
import type { z } from 'zod/mini';
import { ENDPOINTS, type EndpointName, type Endpoints } from '../../core/api';
import type { Envelope } from '../../core/api/endpoint';
import { t, type Locale } from '../../core/i18n';
import { underDocumentLock, userLocale } from './action';
import { describeError } from './errors';

type Impl<N extends EndpointName> = (...args: z.output<Endpoints[N]['args']>) => z.input<Endpoints[N]['result']>;

type Served<N extends EndpointName> = (...raw: unknown[]) => Envelope<z.output<Endpoints[N]['result']>>;

/**
 * The server side of an endpoint: checks the arguments against the endpoint's schema, runs `impl`,
 * checks its result, and wraps both outcomes in an Envelope (errors translated for the user).
 */
export function serve<N extends EndpointName>(name: N, impl: Impl<N>): Served<N> {
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

/** An endpoint that changes the document: `serve`, with `impl` run under the document lock. */
export function serveChange<N extends EndpointName>(name: N, impl: Impl<N>): Served<N> {
  return serve(name, (...args) => underDocumentLock(() => impl(...args)));
}
