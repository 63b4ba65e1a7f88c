/** Sidebar endpoints of the funnel (contract: src/core/api/funnel.ts); the menu twin is ./menu.ts. */
import { userLocale } from '../runtime/action';
import { serve, serveChange } from '../runtime/serve';
import { buildFunnelSheet, funnelSummary } from './funnel';

export const getFunnelSummary = serve('getFunnelSummary', () => funnelSummary(userLocale()));
export const buildFunnel = serveChange('buildFunnel', () => buildFunnelSheet(userLocale()));
