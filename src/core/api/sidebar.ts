import * as z from 'zod';
import { endpoint } from './endpoint';

/** Endpoints of the sidebar shell itself. */
export const sidebarEndpoints = {
  /** Locale and messages for the sidebar, sent once when it opens. */
  getBootstrap: endpoint(
    z.tuple([]),
    z.object({ locale: z.enum(['en', 'zh-CN']), messages: z.record(z.string(), z.string()) }),
  ),
};
