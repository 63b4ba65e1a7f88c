import { messagesFor } from '../../core/i18n';
import { serve, userLocale } from '../serve';

/** Sidebar shell endpoints. */
export const getBootstrap = serve('getBootstrap', () => {
  const locale = userLocale();
  return { locale, messages: { ...messagesFor(locale) } };
});
