/**
 * All sidebar endpoints, by function name. Each feature defines its endpoints in its own file in
 * this folder and spreads them here. The add-on exports a function of the same name for each
 * (src/addon/<feature>/endpoints.ts, through `serve`), and the sidebar calls them through its typed bridge.
 */
import { sidebarEndpoints } from './sidebar';
import { setupEndpoints } from './setup';
import { adoptEndpoints } from './adopt';
import { cleanupEndpoints } from './cleanup';
import { marketEndpoints } from './market';
import { funnelEndpoints } from './funnel';
import { checkEndpoints } from './check';
import { formEndpoints } from './form';
import { dedupeEndpoints } from './dedupe';

export const ENDPOINTS = {
  ...sidebarEndpoints,
  ...setupEndpoints,
  ...adoptEndpoints,
  ...cleanupEndpoints,
  ...marketEndpoints,
  ...funnelEndpoints,
  ...checkEndpoints,
  ...formEndpoints,
  ...dedupeEndpoints,
} as const;

export type Endpoints = typeof ENDPOINTS;
export type EndpointName = keyof Endpoints;
