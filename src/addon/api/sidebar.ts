import { messagesFor } from '../../core/i18n';
import { serve, userLocale } from '../serve';

/** Sidebar shell endpoints. */
export const getBootstrap = serve('getBootstrap', () => {
  const locale = userLocale();
  return { locale, messages: { ...messagesFor(locale) } };
});

/** Menu: open the sidebar. */
export function menuOpenSidebar(): void {
  throw new Error('not yet');
}
