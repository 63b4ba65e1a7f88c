/**
 * The config store: table schemas in document properties (codec in src/core/config.ts), one per sheet
 * that is a table. `tableOf(sheetId)` is THE way to get "the table of this sheet"; `loadConfig()` is
 * the table of the active sheet. A definition from before tables were stored per sheet is read as the
 * table of the sheet it names and moved to that sheet's key on the next save (nothing is lost).
 * Calls: load = 2 (getDocumentProperties, getProperties) + 3 for the active sheet; save = 3-5.
 * Ref: https://developers.google.com/apps-script/reference/properties/properties
 */
import { CONFIG_KEY, configKeys, decodeConfig, decodeTable, encodeConfig, salvageConfig, storedTableIds, tableKey, type DecodeResult } from '../../core/config';
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

/** Each table keeps its own counter ('clientflow.ids.N'); the single key of earlier versions is still read. */
export function idCounterKey(sheetId: number): string {
  return `${ID_COUNTER_KEY}.${sheetId}`;
}

export function readIdCounter(props: Readonly<Record<string, string>>, sheetId: number): string[] | null {
  const raw = props[idCounterKey(sheetId)] ?? props[ID_COUNTER_KEY];
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
  return { [idCounterKey(sheetId)]: JSON.stringify({ sheetId, ids }) };
}

/** The id of the sheet the user is on. */
export function activeSheetId(): number {
  return SpreadsheetApp.getActiveSpreadsheet().getActiveSheet().getSheetId();
}

/** THE table of a sheet: its definition, 'missing' when the sheet is not a table. */
export function tableOf(sheetId: number, props: Readonly<Record<string, string>> = readProps()): DecodeResult {
  return decodeTable(props, sheetId);
}

/** The table of the active sheet (menus and panels act on it). */
export function loadConfig(props: Record<string, string> = readProps()): DecodeResult {
  return tableOf(activeSheetId(), props);
}

/** Every table of the spreadsheet, by sheet id (the legacy single table included). */
export function allTables(props: Readonly<Record<string, string>> = readProps()): TableSchema[] {
  const out: TableSchema[] = [];
  for (const id of storedTableIds(props)) {
    const r = decodeTable(props, id);
    if (r.ok) out.push(r.schema);
  }
  if (props[CONFIG_KEY] !== undefined) {
    const legacy = decodeConfig(props);
    const id = legacy.ok ? legacy.schema.location?.sheetId : undefined;
    if (legacy.ok && (id === undefined || props[tableKey(id)] === undefined)) out.push(legacy.schema);
  }
  return out;
}

/** The schema of the active sheet's table, or null when it is not one; a UserError for a config that cannot be read. */
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
  const key = schema.location ? tableKey(schema.location.sheetId) : CONFIG_KEY;
  const enc = encodeConfig(schema, key);
  if (!enc.ok) throw new UserError(enc.code === 'tooLarge' ? 'config.error.tooLarge' : 'config.error.invalid', { detail: enc.detail ?? enc.code });
  const store = PropertiesService.getDocumentProperties();
  const props = store.getProperties();
  const old = configKeys(props, key);
  // The legacy single-table definition of this same sheet moves to the sheet's own key.
  const legacy = key !== CONFIG_KEY && schema.location && props[CONFIG_KEY] !== undefined && legacyBelongsTo(props, schema.location.sheetId)
    ? configKeys(props, CONFIG_KEY) : [];
  store.setProperties({ ...extra, ...enc.props }, false);
  for (const k of [...old, ...legacy]) if (!(k in enc.props)) store.deleteProperty(k);
}

function legacyBelongsTo(props: Readonly<Record<string, string>>, sheetId: number): boolean {
  const r = decodeConfig(props);
  if (r.ok) return r.schema.location?.sheetId === sheetId;
  const raw = r.raw as { location?: { sheetId?: unknown } } | undefined;
  return raw?.location?.sheetId === undefined || raw.location.sheetId === sheetId;
}

/** Forgets the active sheet's table (no cell is touched; other tables stay). */
export function resetConfig(sheetId: number = activeSheetId()): void {
  const store = PropertiesService.getDocumentProperties();
  const props = store.getProperties();
  const keys = configKeys(props, tableKey(sheetId));
  if (props[CONFIG_KEY] !== undefined && legacyBelongsTo(props, sheetId)) keys.push(...configKeys(props, CONFIG_KEY));
  for (const k of keys) store.deleteProperty(k);
}

/** Repairs the active sheet's table from what is still valid in it; null when nothing can be kept. */
export function repairConfig(sheetId: number = activeSheetId()): TableSchema | null {
  const r = tableOf(sheetId);
  if (r.ok) return r.schema;
  const fixed = r.raw !== undefined ? salvageConfig(r.raw) : null;
  if (fixed) {
    // A definition without a location (or a repaired legacy one) belongs to the sheet it was repaired from.
    const located = fixed.location ? fixed : { ...fixed, location: null };
    saveConfig(located);
  }
  return fixed;
}
