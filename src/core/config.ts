/**
 * The config store's pure codec. The table schema is kept in the document
 * properties of the spreadsheet as JSON, split across keys because one property value holds about
 * 9 KB (500 KB in all).
 * Ref: https://developers.google.com/apps-script/guides/services/quotas ("Properties value size 9kB / val",
 * "Properties total storage 500kB / property store").
 *
 * Layout: a spreadsheet may hold several tables, one per sheet; the definition of the table on sheet N
 * is under the key 'clientflow.table.N' (tableKey): a small header {format, version, parts, length, sum, sum4,
 * schema} (checksums: checksum, checksum4; schema: SCHEMA_ID);
 * the JSON itself is in 'clientflow.table.N.0' … '.<parts-1>', each at most CHUNK_BYTES of UTF-8.
 * Before that, one table was stored under 'clientflow.config' (CONFIG_KEY) with the same layout; it is
 * still read (as the table of the sheet its location names) and moved to its sheet's key when saved.
 * `decodeConfig` never throws: a missing, corrupt, newer or older config comes back as a Result with
 * a stable code; the add-on turns it into a translated message with a way out (repair or reset).
 */
import { SCHEMA_VERSION, fieldSchema, parseSchema, rulesSchema, stagesSchema, locationSchema, tableSchema, type TableSchema } from './schema';

/** The key of the single-table definition written before tables were stored per sheet (still read). */
export const CONFIG_KEY = 'clientflow.config';
/** The key of one table's definition: one per sheet that is a table, by Sheet.getSheetId(). */
export const TABLE_KEY_PREFIX = 'clientflow.table.';
export function tableKey(sheetId: number): string {
  return `${TABLE_KEY_PREFIX}${sheetId}`;
}
/** Sheet ids of the tables stored per sheet (the legacy single-table key not included). */
export function storedTableIds(props: Readonly<Record<string, string>>): number[] {
  const out: number[] = [];
  for (const k of Object.keys(props)) {
    const m = /^clientflow\.table\.(-?\d+)$/.exec(k);
    if (m) out.push(Number(m[1]));
  }
  return out.sort((a, b) => a - b);
}
export const CONFIG_FORMAT = 1;
/** Below the 9 KB per value limit with room for the key name. */
export const CHUNK_BYTES = 8000;
/** Beyond this many parts the 500 KB store would be at risk. */
export const MAX_PARTS = 50;

export type ConfigErrorCode =
  /** No config at all: the spreadsheet has no table yet. */
  | 'missing'
  /** Header or parts unreadable, missing, or their checksum does not match. */
  | 'corrupt'
  /** Written by a newer ClientFlow than this one. */
  | 'tooNew'
  /** Written by an older version that no migration can bring up to date. */
  | 'tooOld'
  /** JSON fine, but not a valid table schema (path tells where). */
  | 'invalid'
  /** The schema would need more than MAX_PARTS properties. */
  | 'tooLarge';

export type DecodeResult =
  | { ok: true; schema: TableSchema; /** versions it was migrated from, oldest first */ migratedFrom: number[] }
  | { ok: false; code: ConfigErrorCode; detail?: string; /** the raw JSON object when it could be read */ raw?: unknown };

/** A migration takes a config object of version N and returns the same config as version N+1. */
export type Migration = (raw: Record<string, unknown>) => Record<string, unknown>;

/**
 * Version 1 → 2: an option's `aliases` are its `variants`; the stage options named by `stages` get
 * their `outcome`. Nothing is dropped: every other key is carried as it is.
 */
export function migrate1to2(raw: Record<string, unknown>): Record<string, unknown> {
  const stages = isRecord(raw.stages) ? raw.stages : null;
  const fields = Array.isArray(raw.fields) ? raw.fields.map((f: unknown) => {
    if (!isRecord(f) || !Array.isArray(f.options)) return f;
    const isStage = f.role === 'stage';
    return {
      ...f,
      options: f.options.map((o: unknown) => {
        if (!isRecord(o)) return o;
        const { aliases, ...rest } = o;
        const out: Record<string, unknown> = { ...rest };
        if (Array.isArray(aliases) && out.variants === undefined) out.variants = aliases;
        if (isStage && stages && out.outcome === undefined) {
          if (o.label === stages.won) out.outcome = 'won';
          else if (o.label === stages.lost) out.outcome = 'lost';
        }
        return out;
      }),
    };
  }) : raw.fields;
  return { ...raw, fields };
}

/**
 * Migrations by the version they upgrade from. A config older than the oldest migration cannot be
 * read ('tooOld').
 */
export const MIGRATIONS: Readonly<Record<number, Migration>> = { 1: migrate1to2 };

export function utf8Length(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff) { n += 4; i++; } // surrogate pair = one 4-byte char
    else n += 3;
  }
  return n;
}

/** Splits `s` into pieces of at most `maxBytes` UTF-8 bytes, never inside a surrogate pair. */
export function splitUtf8(s: string, maxBytes: number): string[] {
  const parts: string[] = [];
  let start = 0;
  let bytes = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    const pair = c >= 0xd800 && c <= 0xdbff && i + 1 < s.length;
    const len = c < 0x80 ? 1 : c < 0x800 ? 2 : pair ? 4 : 3;
    if (bytes + len > maxBytes) {
      parts.push(s.slice(start, i));
      start = i;
      bytes = 0;
    }
    bytes += len;
    if (pair) i++;
  }
  parts.push(s.slice(start));
  return parts;
}

/** FNV-1a over UTF-16 code units, as 8 hex digits: detects a lost or stale part (`sum`, checked by
 * builds before checksum4). */
export function checksum(s: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, '0');
}

/**
 * The checksum this build checks (`sum4`; `sum` in configs written with `hash: 2`): FNV-1a in four interleaved lanes, folded into one, as
 * 8 hex digits. The config is read at every execution, onEdit included, in code that runs once and
 * cold (interpreted): a quarter of the loop's turns makes it about three times faster than one lane.
 */
export function checksum4(s: string): string {
  const P = 0x01000193;
  let a = 0x811c9dc5 | 0;
  let b = 0x050c5d1f;
  let c = 0x1b873593;
  let d = 0x2c1b3c6d;
  const n = s.length - 3;
  let i = 0;
  for (; i < n; i += 4) {
    a = Math.imul(a ^ s.charCodeAt(i), P);
    b = Math.imul(b ^ s.charCodeAt(i + 1), P);
    c = Math.imul(c ^ s.charCodeAt(i + 2), P);
    d = Math.imul(d ^ s.charCodeAt(i + 3), P);
  }
  for (; i < s.length; i++) a = Math.imul(a ^ s.charCodeAt(i), P);
  let h = Math.imul(a ^ b, P);
  h = Math.imul(h ^ c, P);
  h = Math.imul(h ^ d, P) ^ s.length;
  return (h >>> 0).toString(16).padStart(8, '0');
}

/**
 * The schema's definition in this build: a hash of the files that define it, set by build.mjs. A
 * config this definition wrote (its header names it) whose checksum holds is the validated object that
 * was written, so it is taken as it is: validating it again is most of the cost of reading it, at every
 * execution. Null outside a build (src/core's own tests validate always). Document properties are the
 * add-on's own (no other script reads or writes them), so only this code wrote what the checksum covers.
 * Ref: https://developers.google.com/apps-script/guides/properties
 */
declare const __CLIENTFLOW_SCHEMA_ID__: string | undefined;
export const SCHEMA_ID: string | null = typeof __CLIENTFLOW_SCHEMA_ID__ === 'string' ? __CLIENTFLOW_SCHEMA_ID__ : null;

/** Keys the config occupies (header and parts) in a property map. */
export function configKeys(props: Readonly<Record<string, string>>, key: string = CONFIG_KEY): string[] {
  return Object.keys(props).filter((k) => k === key || (k.startsWith(`${key}.`) && /^\d+$/.test(k.slice(key.length + 1))));
}

/**
 * The properties to write for a schema. Write them with setProperties(props, false) after deleting
 * the keys `configKeys(old)` that are not in the result (stale parts of a longer older config).
 */
export function encodeConfig(schema: TableSchema, key: string = CONFIG_KEY, schemaId: string | null = SCHEMA_ID): { ok: true; props: Record<string, string> } | { ok: false; code: 'tooLarge' | 'invalid'; detail?: string } {
  const checked = parseSchema(schema);
  if (!checked.ok) return { ok: false, code: 'invalid', detail: `${checked.path}: ${checked.code}` };
  const json = JSON.stringify(checked.schema);
  const parts = splitUtf8(json, CHUNK_BYTES);
  if (parts.length > MAX_PARTS) return { ok: false, code: 'tooLarge', detail: String(utf8Length(json)) };
  const props: Record<string, string> = {
    // `sum` stays the one-lane checksum that every earlier build checks (a build rolled back to reads
    // the config, rather than calling it corrupt); this build checks `sum4`, the faster one.
    [key]: JSON.stringify({ format: CONFIG_FORMAT, version: SCHEMA_VERSION, parts: parts.length, length: json.length, sum: checksum(json), sum4: checksum4(json), ...(schemaId !== null ? { schema: schemaId } : {}) }),
  };
  parts.forEach((p, i) => { props[`${key}.${i}`] = p; });
  return { ok: true, props };
}

function isRecord(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

/** Reads the schema back from document properties. Never throws. */
export function decodeConfig(
  props: Readonly<Record<string, string>>,
  migrations: Readonly<Record<number, Migration>> = MIGRATIONS,
  key: string = CONFIG_KEY,
  schemaId: string | null = SCHEMA_ID,
): DecodeResult {
  const head = props[key];
  if (head === undefined) return { ok: false, code: 'missing' };
  let header: unknown;
  try { header = JSON.parse(head); } catch { return { ok: false, code: 'corrupt', detail: 'header' }; }
  if (!isRecord(header) || typeof header.parts !== 'number' || !Number.isInteger(header.parts) || header.parts < 1 || header.parts > MAX_PARTS) {
    return { ok: false, code: 'corrupt', detail: 'header' };
  }
  const chunks: string[] = [];
  for (let i = 0; i < header.parts; i++) {
    const part = props[`${key}.${i}`];
    if (part === undefined) return { ok: false, code: 'corrupt', detail: `part ${i} missing` };
    chunks.push(part);
  }
  const json = chunks.join('');
  // The four-lane checksum when there is one (`sum4`; `sum` itself in the configs written with
  // `hash: 2`, which earlier builds could not read), else the one-lane checksum of earlier builds.
  const sum4 = typeof header.sum4 === 'string' ? header.sum4 : header.hash === 2 && typeof header.sum === 'string' ? header.sum : null;
  const summed = sum4 !== null || typeof header.sum === 'string';
  if (summed && (sum4 !== null ? sum4 !== checksum4(json) : header.sum !== checksum(json))) return { ok: false, code: 'corrupt', detail: 'checksum' };
  let raw: unknown;
  try { raw = JSON.parse(json); } catch { return { ok: false, code: 'corrupt', detail: 'json' }; }
  if (!isRecord(raw)) return { ok: false, code: 'corrupt', detail: 'json' };
  // Written by this schema definition and unchanged since: the object validated when it was written.
  if (summed && schemaId !== null && header.schema === schemaId && raw.version === SCHEMA_VERSION) return { ok: true, schema: raw as unknown as TableSchema, migratedFrom: [] };
  return upgrade(raw, migrations);
}

/**
 * The table of one sheet: its own definition ('clientflow.table.N'), else the legacy single-table
 * definition when its location names that sheet (or cannot be read: then every sheet without a table
 * of its own sees the problem, so it can be repaired from any of them). 'missing' when the sheet is
 * not a table.
 */
export function decodeTable(props: Readonly<Record<string, string>>, sheetId: number): DecodeResult {
  const own = tableKey(sheetId);
  if (props[own] !== undefined) return decodeConfig(props, MIGRATIONS, own);
  if (props[CONFIG_KEY] === undefined) return { ok: false, code: 'missing' };
  const legacy = decodeConfig(props, MIGRATIONS, CONFIG_KEY);
  if (legacy.ok) return legacy.schema.location?.sheetId === sheetId ? legacy : { ok: false, code: 'missing' };
  const raw = legacy.raw;
  const loc = isRecord(raw) && isRecord(raw.location) ? raw.location.sheetId : undefined;
  return loc === undefined || loc === sheetId ? legacy : { ok: false, code: 'missing' };
}

/** Brings a config object up to SCHEMA_VERSION through `migrations`, then validates it. */
export function upgrade(raw: Record<string, unknown>, migrations: Readonly<Record<number, Migration>> = MIGRATIONS): DecodeResult {
  let version = typeof raw.version === 'number' && Number.isInteger(raw.version) ? raw.version : 0;
  if (version > SCHEMA_VERSION) return { ok: false, code: 'tooNew', detail: String(version), raw };
  const migratedFrom: number[] = [];
  let current: Record<string, unknown> = raw;
  while (version < SCHEMA_VERSION) {
    const step = migrations[version];
    if (!step) return { ok: false, code: 'tooOld', detail: String(version), raw };
    try {
      current = step(current);
    } catch (e) {
      return { ok: false, code: 'tooOld', detail: `${version}: ${e instanceof Error ? e.message : String(e)}`, raw };
    }
    migratedFrom.push(version);
    version += 1;
    current = { ...current, version };
  }
  const parsed = parseSchema(current);
  if (!parsed.ok) return { ok: false, code: 'invalid', detail: `${parsed.path}: ${parsed.code}`, raw: current };
  return { ok: true, schema: parsed.schema, migratedFrom };
}

/**
 * Repair: keeps whatever can be kept from a config that does not validate — the fields that are
 * valid on their own (first of duplicate keys/headers/roles), the rules and location if valid, the
 * stages if they still name options of the stage field. Null when not even one field survives
 * (then only reset helps). The result is a valid schema at the current version.
 */
export function salvageConfig(input: unknown): TableSchema | null {
  if (!isRecord(input)) return null;
  const raw = typeof input.version === 'number' && input.version < 2 ? migrate1to2(input) : input;
  const fieldsIn = Array.isArray(raw.fields) ? raw.fields : [];
  const fields: unknown[] = [];
  const keys = new Set<string>();
  const headers = new Set<string>();
  const roles = new Set<string>();
  for (const f of fieldsIn) {
    const r = fieldSchema.safeParse(f);
    if (!r.success) continue;
    const fld = r.data;
    if (fld.type === 'dropdown' && (!fld.options || fld.options.length === 0)) continue;
    if (fld.type !== 'dropdown' && fld.options && fld.options.length > 0) fld.options = undefined;
    if (fld.options) {
      const seen = new Set<string>();
      fld.options = fld.options.filter((o) => { const l = o.label.toLowerCase(); if (seen.has(l)) return false; seen.add(l); return true; });
    }
    const h = fld.header.trim().toLowerCase();
    if (keys.has(fld.key) || headers.has(h)) continue;
    if (fld.role && roles.has(fld.role)) fld.role = null;
    keys.add(fld.key);
    headers.add(h);
    if (fld.role) roles.add(fld.role);
    fields.push(fld);
  }
  if (fields.length === 0) return null;
  const str = (x: unknown, re: RegExp, dflt: string) => (typeof x === 'string' && re.test(x) ? x : dflt);
  const locale = raw.locale === 'zh-CN' ? 'zh-CN' : 'en';
  const candidate = {
    version: SCHEMA_VERSION,
    template: typeof raw.template === 'string' ? raw.template : null,
    locale,
    region: str(raw.region, /^[A-Z]{2}$/, locale === 'zh-CN' ? 'CN' : 'US'),
    currency: str(raw.currency, /^[A-Z]{3}$/, locale === 'zh-CN' ? 'CNY' : 'USD'),
    ...(Array.isArray(raw.regions) && raw.regions.length > 0 && raw.regions.every((r) => typeof r === 'string' && /^[A-Z]{2}$/.test(r)) ? { regions: raw.regions.slice(0, 10) } : {}),
    dateOrder: raw.dateOrder === 'MDY' || raw.dateOrder === 'DMY' || raw.dateOrder === 'YMD' ? raw.dateOrder : locale === 'zh-CN' ? 'YMD' : 'MDY',
    fields,
    stages: stagesSchema.safeParse(raw.stages).success ? raw.stages : null,
    rules: rulesSchema.safeParse(raw.rules).success ? raw.rules : { staleDays: 14, overdueFollowUp: true },
    location: locationSchema.safeParse(raw.location).success ? raw.location : null,
  };
  const first = tableSchema.safeParse(candidate);
  if (first.success) return first.data;
  const second = tableSchema.safeParse({ ...candidate, stages: null });
  return second.success ? second.data : null;
}
