/** Sidebar shell endpoint: the locale and its messages, fetched once when the sidebar opens. */
import { messagesFor } from '../../core/i18n';
import { userLocale } from '../runtime/action';
import { serve } from '../runtime/serve';

export const getBootstrap = serve('getBootstrap', () => {
  const locale = userLocale();
  return { locale, messages: { ...messagesFor(locale) } };
});
