/**
 * The message catalogs, one per area (./messages/<area>.ts, each with defineMessages(en, zh)).
 * To add an area: create its file and list it below.
 *
 * The add-on and the sidebar bundles do not carry these modules: build.mjs packs the merged tables
 * (one JSON string per locale, see ./tables.ts) and index.ts imports only their types.
 */
import type { Locale } from './define';
import { commonMessages } from './messages/common';
import { menuMessages } from './messages/menu';
import { fieldsMessages } from './messages/fields';
import { setupMessages } from './messages/setup';
import { adoptMessages } from './messages/adopt';
import { sidebarMessages } from './messages/sidebar';
import { cliMessages } from './messages/cli';
import { configMessages } from './messages/config';
import { editMessages } from './messages/edit';
import { funnelMessages } from './messages/funnel';
import { dedupeMessages } from './messages/dedupe';
import { cleanupMessages } from './messages/cleanup';
import { helpMessages } from './messages/help';
import { backupMessages } from './messages/backup';
import { protectMessages } from './messages/protect';
import { checkMessages } from './messages/check';

export const catalogs = [
  commonMessages,
  menuMessages,
  fieldsMessages,
  setupMessages,
  adoptMessages,
  sidebarMessages,
  cliMessages,
  configMessages,
  editMessages,
  funnelMessages,
  dedupeMessages,
  cleanupMessages,
  helpMessages,
  backupMessages,
  protectMessages,
  checkMessages,
] as const;

/** Every area merged: the whole table of each locale. */
export function mergedTables(): Record<Locale, Record<string, string>> {
  const tables: Record<Locale, Record<string, string>> = { en: {}, 'zh-CN': {} };
  for (const c of catalogs) {
    Object.assign(tables.en, c.en);
    Object.assign(tables['zh-CN'], c['zh-CN']);
  }
  return tables;
}
