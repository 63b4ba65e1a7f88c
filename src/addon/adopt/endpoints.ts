/**
 * Sidebar endpoints of "Adopt this sheet" (contract: src/core/api/adopt.ts); the menu twin is ./menu.ts.
 * previewAdopt only reads; applyAdopt changes the sheet under the document lock.
 */
import { userLocale } from '../runtime/action';
import { serve, serveChange } from '../runtime/serve';
import { previewAdopt as preview, applyAdopt as apply } from './adopt';

export const previewAdopt = serve('previewAdopt', (mapping) => preview(userLocale(), mapping));

export const applyAdopt = serveChange('applyAdopt', (mapping) => apply(userLocale(), mapping));
