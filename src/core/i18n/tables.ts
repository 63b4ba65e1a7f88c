/**
 * The message table of one locale, built the first time it is asked for. This is the plain version
 * (tests, the CLI, the dev tools): it merges the catalogs' source modules. In dist/Code.js and the
 * sidebar bundle, build.mjs replaces this module with one of the same interface that holds each
 * locale's table as a JSON string literal and parses only the locale asked for
 * (scripts/packed-messages.mjs): Apps Script parses the bundle at every execution, and a string literal
 * costs next to nothing to parse.
 */
import type { Locale } from './define';
import { mergedTables } from './catalogs';

let tables: Record<Locale, Record<string, string>> | null = null;

export function tableOf(locale: Locale): Readonly<Record<string, string>> {
  tables ??= mergedTables();
  return tables[locale];
}
