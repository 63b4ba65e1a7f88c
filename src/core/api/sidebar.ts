import * as z from 'zod/mini';
import { endpoint } from './endpoint';

/** Endpoints of the sidebar shell itself. */
export const sidebarEndpoints = {
  /** Locale and messages for the sidebar, sent once when it opens. */
  getBootstrap: endpoint(
    () => z.tuple([]),
    () => z.object({
      locale: z.enum(['en', 'zh-CN']),
      messages: z.record(z.string(), z.string()),
      /**
       * The panel that helps on the active sheet: Adopt on a sheet of data that is not a table, Set up
       * on an empty sheet and on a table (where it shows that table's own settings).
       */
      panel: z.optional(z.enum(['setup', 'adopt', 'check'])),
    }),
  ),
};
