/**
 * The config store: the table schema in document properties (codec in src/core/config.ts).
 * Calls: load = 2 (getDocumentProperties, getProperties); save = 3-4 (extra properties ride along).
 * Ref: https://developers.google.com/apps-script/reference/properties/properties
 */
import { configKeys, decodeConfig, encodeConfig, salvageConfig, type DecodeResult } from '../../core/config';
import { t, type Locale } from '../../core/i18n';
import type { TableSchema } from '../../core/schema';
import { UserError } from '../runtime/errors';

export function readProps(): Record<string, string> {
  return PropertiesService.getDocumentProperties().getProperties();
}

/**
 * The client-ID counter beside the config: at most two IDs standing for the whole ID column of the
 * table's sheet (core/edit/autofill idSummary), so onEdit finds the next ID without reading the column.
 * `ids: null` means unknown (an adopted sheet: onEdit reads the column once, then keeps the counter).
 * Kept up to date by onEdit (IDs it writes and IDs seen in edited rows); a value for another sheet is
 * ignored. Not a config key (configKeys() does not list it), so config repair and reset leave it alone.
 */
export const ID_COUNTER_KEY = 'clientflow.ids';

export function readIdCounter(props: Readonly<Record<string, string>>, sheetId: number): string[] | null {
  const raw = props[ID_COUNTER_KEY];
  if (raw === undefined) return null;
  try {
    const v = JSON.parse(raw) as unknown;
    if (typeof v !== 'object' || v === null) return null;
    const o = v as { sheetId?: unknown; ids?: unknown };
    if (o.sheetId !== sheetId || !Array.isArray(o.ids) || !o.ids.every((x) => typeof x === 'string')) return null;
    return o.ids as string[];
  } catch {
    return null;
  }
}

export function idCounterProps(sheetId: number, ids: readonly string[] | null): Record<string, string> {
  return { [ID_COUNTER_KEY]: JSON.stringify({ sheetId, ids }) };
}

export function loadConfig(props: Record<string, string> = readProps()): DecodeResult {
  return decodeConfig(props);
}

/** The schema, or null when there is none; a UserError for a config that cannot be read. */
export function requireConfigOrNull(): TableSchema | null {
  const r = loadConfig();
  if (r.ok) return r.schema;
  if (r.code === 'missing') return null;
  throw new UserError(configErrorKey(r.code), { detail: r.detail ?? r.code }, `config.${r.code}`);
}

export function configErrorKey(code: Exclude<DecodeResult, { ok: true }>['code']) {
  switch (code) {
    case 'tooNew': return 'config.error.tooNew' as const;
    case 'tooOld': return 'config.error.tooOld' as const;
    case 'invalid': return 'config.error.invalid' as const;
    case 'tooLarge': return 'config.error.tooLarge' as const;
    default: return 'config.error.corrupt' as const;
  }
}

/** A problem with the stored config, translated, with the remedies that can work. */
export function describeConfigProblem(r: DecodeResult, locale: Locale): { code: string; message: string; remedies: Array<'repair' | 'reset'> } | null {
  if (r.ok || r.code === 'missing') return null;
  const canRepair = r.raw !== undefined && salvageConfig(r.raw) !== null;
  return {
    code: r.code,
    message: t(locale, configErrorKey(r.code), { detail: r.detail ?? r.code }),
    remedies: canRepair ? ['repair', 'reset'] : ['reset'],
  };
}

/**
 * Writes the schema (and `extra` properties, such as the ID counter, in the same call); stale parts of a
 * longer previous config are deleted.
 */
export function saveConfig(schema: TableSchema, extra: Readonly<Record<string, string>> = {}): void {
  const enc = encodeConfig(schema);
  if (!enc.ok) throw new UserError(enc.code === 'tooLarge' ? 'config.error.tooLarge' : 'config.error.invalid', { detail: enc.detail ?? enc.code });
  const store = PropertiesService.getDocumentProperties();
  const old = configKeys(store.getProperties());
  store.setProperties({ ...extra, ...enc.props }, false);
  for (const k of old) if (!(k in enc.props)) store.deleteProperty(k);
}

/** Forgets the config (no cell is touched). */
export function resetConfig(): void {
  const store = PropertiesService.getDocumentProperties();
  for (const k of configKeys(store.getProperties())) store.deleteProperty(k);
}

/** Repairs the config from what is still valid in it; null when nothing can be kept. */
export function repairConfig(): TableSchema | null {
  const r = loadConfig();
  if (r.ok) return r.schema;
  const fixed = r.raw !== undefined ? salvageConfig(r.raw) : null;
  if (fixed) saveConfig(fixed);
  return fixed;
}
