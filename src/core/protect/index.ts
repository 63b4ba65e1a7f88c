/**
 * Protected columns, pure part: the table setting (which fields are protected, and how) kept in one
 * document property beside the config, and the reading of what a person types in the menu's prompts.
 *
 * Two modes, both with the scopes the add-on has (the current spreadsheet only):
 * - 'warning': anyone may edit the column after Sheets shows a warning (Protection.setWarningOnly);
 * - 'editors': only the named editors (and the owner, whom Sheets always lets through) may edit it.
 * Sheets cannot hide a column or rows from some editors or viewers; Help says so plainly.
 * Ref: https://developers.google.com/apps-script/reference/spreadsheet/protection
 */
import * as z from 'zod/mini';
import { lazy } from '../lazy';
import { columnLetter } from '../fields/util';

export const PROTECT_KEY = 'clientflow.protect';

export const protectSettingSchema = lazy(() => z.object({
  v: z.literal(1),
  /** Field keys of the protected columns. */
  columns: z.array(z.string()).check(z.maxLength(200)),
  mode: z.enum(['warning', 'editors']),
  editors: z.array(z.string()).check(z.maxLength(100)),
}));
export type ProtectSetting = z.output<typeof protectSettingSchema>;

export const NO_PROTECTION: ProtectSetting = { v: 1, columns: [], mode: 'warning', editors: [] };

export function readProtectSetting(props: Readonly<Record<string, string>>): ProtectSetting {
  const raw = props[PROTECT_KEY];
  if (raw === undefined) return NO_PROTECTION;
  try {
    const r = protectSettingSchema.safeParse(JSON.parse(raw));
    return r.success ? r.data : NO_PROTECTION;
  } catch {
    return NO_PROTECTION;
  }
}

export function protectProps(s: ProtectSetting): Record<string, string> {
  return { [PROTECT_KEY]: JSON.stringify(s) };
}

/** Our column protections are recognized by their description, in either language. */
export function isProtectedColumnDescription(description: string): boolean {
  return description.startsWith('Protected column (ClientFlow)') || description.startsWith('受保护列（ClientFlow）');
}

export interface TableColumn {
  key: string;
  header: string;
  column: number;
}

/** Splits a typed list on commas (ASCII or full-width), semicolons and new lines. */
export function splitList(text: string): string[] {
  return text
    .split(/[,，;；、\n]/)
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

/**
 * The columns a person typed, by letter ('F') or header text (any case): the field keys in table
 * order, or the first token that names no column of the table.
 */
export function resolveColumns(text: string, columns: readonly TableColumn[]): { ok: true; keys: string[] } | { ok: false; token: string } {
  const chosen = new Set<string>();
  for (const token of splitList(text)) {
    const low = token.toLowerCase();
    const hit =
      columns.find((c) => c.header.trim().toLowerCase() === low) ?? columns.find((c) => columnLetter(c.column) === token.toUpperCase());
    if (!hit) return { ok: false, token };
    chosen.add(hit.key);
  }
  return { ok: true, keys: columns.filter((c) => chosen.has(c.key)).map((c) => c.key) };
}

const EMAIL = /^[^\s@,;]+@[^\s@,;]+\.[^\s@,;]+$/;

/** The typed editors' emails (lowercased, deduplicated), or the first that is not an email. */
export function resolveEditors(text: string): { ok: true; emails: string[] } | { ok: false; token: string } {
  const out: string[] = [];
  for (const token of splitList(text)) {
    if (!EMAIL.test(token)) return { ok: false, token };
    const e = token.toLowerCase();
    if (!out.includes(e)) out.push(e);
  }
  return { ok: true, emails: out };
}
