import * as fc from 'fast-check';
import { CHUNK_BYTES, CONFIG_KEY, MIGRATIONS, checksum, checksum4, configKeys, decodeConfig, encodeConfig, salvageConfig, splitUtf8, upgrade } from '../../../src/core/config';
import { SCHEMA_VERSION } from '../../../src/core/schema';
import { templateSchema } from '../../../src/core/templates';
import type { TableSchema } from '../../../src/core/schema';
import { t } from '../../../src/core/i18n';

const bytes = (s: string) => Buffer.byteLength(s, 'utf8');

function encoded(s: TableSchema): Record<string, string> {
  const r = encodeConfig(s);
  if (!r.ok) throw new Error(r.code);
  return r.props;
}

/** A big Chinese table: 60 options with long labels on the stage field push the JSON past 9 KB. */
function bigSchema(): TableSchema {
  const s = templateSchema('b2b', 'zh-CN');
  return {
    ...s,
    fields: s.fields.map((f) => (f.key === 'channel'
      ? { ...f, options: Array.from({ length: 120 }, (_, i) => ({ label: `渠道选项第${i}号（线下展会与转介绍）`, color: '#cfe2f3', variants: [`channel ${i}`, `来源${i}`] })) }
      : f)),
    location: { sheetId: 12345, sheetName: '客户表', headerRow: 1 },
  };
}

describe('config codec', () => {
  it('round-trips a template with its location', () => {
    const s = { ...templateSchema('services', 'en'), location: { sheetId: 7, sheetName: 'Clients', headerRow: 3 } };
    const props = encoded(s);
    expect(Object.keys(props).sort()).toEqual([CONFIG_KEY, `${CONFIG_KEY}.0`]);
    expect(decodeConfig(props)).toEqual({ ok: true, schema: s, migratedFrom: [] });
  });

  it('splits a config past 9 KB across keys, each value under the properties limit, and reads it back', () => {
    const s = bigSchema();
    const props = encoded(s);
    const parts = configKeys(props).filter((k) => k !== CONFIG_KEY);
    expect(parts.length).toBeGreaterThan(1);
    for (const k of parts) expect(bytes(props[k] as string)).toBeLessThanOrEqual(CHUNK_BYTES);
    for (const v of Object.values(props)) expect(bytes(v)).toBeLessThan(9 * 1024);
    const back = decodeConfig(props);
    expect(back.ok && back.schema).toEqual(s);
  });

  it('splitUtf8 keeps every string intact and every piece within the byte limit (property)', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 400 }), fc.integer({ min: 4, max: 50 }), (s, max) => {
      const parts = splitUtf8(s, max);
      expect(parts.join('')).toBe(s);
      for (const p of parts) expect(bytes(p)).toBeLessThanOrEqual(max);
    }));
  });

  it('reports missing, corrupt and truncated configs with a code instead of throwing', () => {
    const props = encoded(bigSchema());
    expect(decodeConfig({})).toEqual({ ok: false, code: 'missing' });
    expect(decodeConfig({ [CONFIG_KEY]: '{not json' })).toMatchObject({ ok: false, code: 'corrupt', detail: 'header' });
    expect(decodeConfig({ [CONFIG_KEY]: JSON.stringify({ parts: -1 }) })).toMatchObject({ ok: false, code: 'corrupt' });
    const lost = { ...props };
    delete lost[`${CONFIG_KEY}.1`];
    expect(decodeConfig(lost)).toMatchObject({ ok: false, code: 'corrupt', detail: 'part 1 missing' });
    // A stale part from another save: the checksum catches it.
    const stale = { ...props, [`${CONFIG_KEY}.1`]: (props[`${CONFIG_KEY}.1`] as string).replace('渠道', '来源') };
    expect(decodeConfig(stale)).toMatchObject({ ok: false, code: 'corrupt', detail: 'checksum' });
  });

  it('tells a newer and an older format apart, and keeps the raw config for a repair', () => {
    const s = templateSchema('b2b', 'en');
    const write = (raw: unknown) => {
      const json = JSON.stringify(raw);
      return { [CONFIG_KEY]: JSON.stringify({ format: 1, parts: 1, sum: checksum(json) }), [`${CONFIG_KEY}.0`]: json };
    };
    expect(decodeConfig(write({ ...s, version: SCHEMA_VERSION + 1 }))).toMatchObject({ ok: false, code: 'tooNew', detail: String(SCHEMA_VERSION + 1) });
    const old = decodeConfig(write({ ...s, version: 0 }));
    expect(old).toMatchObject({ ok: false, code: 'tooOld', detail: '0' });
    expect(!old.ok && old.raw).toBeTruthy();
    const unversioned = { ...s } as Record<string, unknown>;
    delete unversioned.version;
    expect(decodeConfig(write(unversioned))).toMatchObject({ ok: false, code: 'tooOld' });
  });

  it('runs migrations in order from an older version', () => {
    const s = templateSchema('b2b', 'en');
    // A v0 config that called the rules "staleAfter": the migration renames it.
    const v0 = { ...s, version: 0, rules: undefined, staleAfter: 30 } as Record<string, unknown>;
    const migrations = {
      0: (raw: Record<string, unknown>) => {
        const { staleAfter, ...rest } = raw;
        return { ...rest, rules: { staleDays: staleAfter, overdueFollowUp: true } };
      },
    };
    const r = upgrade(v0, { ...MIGRATIONS, ...migrations });
    expect(r.ok).toBe(true);
    if (r.ok) {
      expect(r.migratedFrom).toEqual([0, 1]);
      expect(r.schema.rules.staleDays).toBe(30);
      expect(r.schema.version).toBe(SCHEMA_VERSION);
    }
    const broken = upgrade(v0, { 0: () => { throw new Error('boom'); } });
    expect(broken).toMatchObject({ ok: false, code: 'tooOld' });
  });

  it('loads a definition of the previous version without loss: aliases become variants, stages their outcomes', () => {
    const s = templateSchema('b2b', 'zh-CN');
    const v1 = JSON.parse(JSON.stringify({ ...s, version: 1 })) as Record<string, unknown> & { fields: Array<Record<string, unknown>> };
    for (const f of v1.fields) {
      if (!Array.isArray(f.options)) continue;
      f.options = (f.options as Array<Record<string, unknown>>).map(({ variants, outcome: _o, ...o }) => ({ ...o, aliases: variants }));
    }
    const json = JSON.stringify(v1);
    const r = decodeConfig({ [CONFIG_KEY]: JSON.stringify({ format: 1, version: 1, parts: 1, sum: checksum(json) }), [`${CONFIG_KEY}.0`]: json });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.migratedFrom).toEqual([1]);
    const stage = r.schema.fields.find((f) => f.role === 'stage');
    const before = s.fields.find((f) => f.role === 'stage');
    expect(stage?.options?.map((o) => [o.label, o.variants])).toEqual(before?.options?.map((o) => [o.label, o.variants]));
    expect(stage?.options?.find((o) => o.outcome === 'won')?.label).toBe(s.stages?.won);
    expect(stage?.options?.find((o) => o.outcome === 'lost')?.label).toBe(s.stages?.lost);
    expect(r.schema.fields.map((f) => f.key)).toEqual(s.fields.map((f) => f.key));
  });

  it('has a translated message for every error code in both languages', () => {
    for (const k of ['config.error.corrupt', 'config.error.tooNew', 'config.error.tooOld', 'config.error.invalid', 'config.error.tooLarge'] as const) {
      expect(t('en', k, { detail: '7' })).toMatch(/ClientFlow|table/);
      expect(t('zh-CN', k, { detail: '7' })).toMatch(/[\u4e00-\u9fff]/);
    }
    // Versions and sizes are shown; damage details (English, technical) are not.
    for (const k of ['config.error.tooNew', 'config.error.tooOld', 'config.error.tooLarge'] as const) expect(t('zh-CN', k, { detail: '7' })).toMatch(/7/);
    for (const k of ['config.error.corrupt', 'config.error.invalid'] as const) expect(t('zh-CN', k, { detail: 'part 0 missing' })).not.toMatch(/part/);
  });

  it('refuses to encode an invalid schema or one too large for the store', () => {
    const s = templateSchema('b2b', 'en');
    expect(encodeConfig({ ...s, stages: { won: 'Nope', lost: 'Lost' } })).toMatchObject({ ok: false, code: 'invalid' });
    const huge = {
      ...s,
      fields: s.fields.map((f) => (f.key === 'channel'
        ? { ...f, options: Array.from({ length: 500 }, (_, i) => ({ label: `${'x'.repeat(90)}${i}`, color: '#ffffff', variants: Array.from({ length: 10 }, () => 'y'.repeat(99)) })) }
        : f)),
    };
    expect(encodeConfig(huge)).toMatchObject({ ok: false, code: 'tooLarge' });
  });
});

describe('salvageConfig (repair)', () => {
  it('keeps every field that is valid on its own and drops the rest', () => {
    const s = templateSchema('b2b', 'en');
    const raw = JSON.parse(JSON.stringify(s)) as Record<string, unknown> & { fields: Array<Record<string, unknown>> };
    raw.fields[3] = { ...raw.fields[3], type: 'hologram' };
    raw.fields.push({ ...raw.fields[1] }); // duplicate key
    raw.rules = { staleDays: -5 };
    raw.region = 'usa';
    const fixed = salvageConfig(raw);
    expect(fixed).not.toBeNull();
    expect(fixed?.fields.length).toBe(s.fields.length - 1);
    expect(fixed?.fields.map((f) => f.key)).not.toContain('title');
    expect(fixed?.rules).toEqual({ staleDays: 14, overdueFollowUp: true });
    expect(fixed?.region).toBe('US');
    expect(fixed?.stages).toEqual({ won: 'Won', lost: 'Lost' });
  });

  it('drops stages that no longer match, and gives up when nothing is left', () => {
    const s = templateSchema('b2b', 'en');
    const raw = JSON.parse(JSON.stringify(s)) as Record<string, unknown>;
    raw.stages = { won: 'Signed', lost: 'Lost' };
    expect(salvageConfig(raw)?.stages).toBeNull();
    expect(salvageConfig({ fields: [{ nonsense: true }] })).toBeNull();
    expect(salvageConfig('junk')).toBeNull();
  });
});

describe('a config this schema definition wrote is read without validating it again', () => {
  const ID = 'test-schema-1';
  const schemas = (): TableSchema[] => [
    ...(['b2b', 'ecommerce', 'services'] as const).flatMap((id) => (['en', 'zh-CN'] as const).map((l) => ({ ...templateSchema(id, l), location: { sheetId: 3, sheetName: 'Clients', headerRow: 2 } }))),
    { ...bigSchema(), rules: { staleDays: 9, overdueFollowUp: false, staleDaysByStage: { Lead: 3 }, stageRules: { noSkipping: true, noBackward: false, requiredFrom: { dealValue: 'Proposal' } } } } as TableSchema,
  ];

  it('gives exactly what validating gives, for every template in both languages and a big table', () => {
    for (const s of schemas()) {
      const r = encodeConfig(s, CONFIG_KEY, ID);
      if (!r.ok) throw new Error(r.code);
      const fast = decodeConfig(r.props, MIGRATIONS, CONFIG_KEY, ID);
      const validated = decodeConfig(r.props, MIGRATIONS, CONFIG_KEY, null);
      expect(validated.ok).toBe(true);
      expect(fast).toEqual(validated);
    }
  });

  it('validates a config that another definition wrote, or one with no checksum', () => {
    const s = templateSchema('b2b', 'en');
    const r = encodeConfig(s, CONFIG_KEY, 'another-definition');
    if (!r.ok) throw new Error(r.code);
    // The same text with a field the current definition refuses: validating finds it.
    const json = (r.props[`${CONFIG_KEY}.0`] ?? '').replace('"type":"email"', '"type":"emial"');
    const header = JSON.parse(r.props[CONFIG_KEY] ?? '{}') as Record<string, unknown>;
    const other = { [CONFIG_KEY]: JSON.stringify({ ...header, length: json.length, sum: checksum(json), sum4: checksum4(json) }), [`${CONFIG_KEY}.0`]: json };
    expect(decodeConfig(other, MIGRATIONS, CONFIG_KEY, ID)).toMatchObject({ ok: false, code: 'invalid' });
    // Under this definition's id but without its checksum: validated too.
    const { sum: _sum, sum4: _sum4, ...unsummed } = { ...header, schema: ID, length: json.length } as Record<string, unknown>;
    expect(decodeConfig({ [CONFIG_KEY]: JSON.stringify(unsummed), [`${CONFIG_KEY}.0`]: json }, MIGRATIONS, CONFIG_KEY, ID)).toMatchObject({ ok: false, code: 'invalid' });
  });

  it('a part changed after it was written fails the checksum, whatever the definition', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 4000 }), fc.constantFrom(ID, null), (at, id) => {
      const r = encodeConfig(templateSchema('services', 'zh-CN'), CONFIG_KEY, ID);
      if (!r.ok) throw new Error(r.code);
      const part = r.props[`${CONFIG_KEY}.0`] ?? '';
      const i = at % part.length;
      const changed = part.slice(0, i) + (part[i] === 'a' ? 'b' : 'a') + part.slice(i + 1);
      expect(decodeConfig({ ...r.props, [`${CONFIG_KEY}.0`]: changed }, MIGRATIONS, CONFIG_KEY, id)).toMatchObject({ ok: false, code: 'corrupt', detail: 'checksum' });
    }), { numRuns: 200 });
  });

  it('reads configs written before hash 2 (one-lane checksum) as before', () => {
    const s = templateSchema('b2b', 'en');
    const json = JSON.stringify(s);
    const old = { [CONFIG_KEY]: JSON.stringify({ format: 1, version: SCHEMA_VERSION, parts: 1, length: json.length, sum: checksum(json) }), [`${CONFIG_KEY}.0`]: json };
    expect(decodeConfig(old, MIGRATIONS, CONFIG_KEY, ID)).toMatchObject({ ok: true });
    expect(decodeConfig({ ...old, [`${CONFIG_KEY}.0`]: json.replace('Client ID', 'Client Id') }, MIGRATIONS, CONFIG_KEY, ID)).toMatchObject({ ok: false, code: 'corrupt', detail: 'checksum' });
  });

  // A build rolled back to (or any build before the four-lane checksum) checks `sum` with the one-lane
  // checksum and calls the config corrupt when it differs: what this build writes must pass it.
  it('a config written now passes the checksum of earlier builds, and this build checks the four-lane one', () => {
    const r = encodeConfig(templateSchema('b2b', 'zh-CN'), CONFIG_KEY, ID);
    if (!r.ok) throw new Error(r.code);
    const json = configKeys(r.props).filter((k) => k !== CONFIG_KEY).sort((a, b) => Number(a.split('.').pop()) - Number(b.split('.').pop())).map((k) => r.props[k]).join('');
    const header = JSON.parse(r.props[CONFIG_KEY] ?? '{}') as { sum?: string; sum4?: string };
    expect(header.sum).toBe(checksum(json));
    expect(header.sum4).toBe(checksum4(json));
    expect(decodeConfig({ ...r.props, [CONFIG_KEY]: JSON.stringify({ ...header, sum4: '00000000' }) }, MIGRATIONS, CONFIG_KEY, ID)).toMatchObject({ ok: false, code: 'corrupt', detail: 'checksum' });
  });

  it('reads the configs written with `hash: 2` (the four-lane checksum as `sum`), fast when this definition wrote them', () => {
    const r = encodeConfig(templateSchema('services', 'en'), CONFIG_KEY, ID);
    if (!r.ok) throw new Error(r.code);
    const part = r.props[`${CONFIG_KEY}.0`] ?? '';
    const props = { [CONFIG_KEY]: JSON.stringify({ format: 1, version: SCHEMA_VERSION, parts: 1, length: part.length, hash: 2, sum: checksum4(part), schema: ID }), [`${CONFIG_KEY}.0`]: part };
    expect(decodeConfig(props, MIGRATIONS, CONFIG_KEY, ID)).toEqual(decodeConfig(r.props, MIGRATIONS, CONFIG_KEY, null));
    expect(decodeConfig({ ...props, [`${CONFIG_KEY}.0`]: part.replace('Client ID', 'Client Id') }, MIGRATIONS, CONFIG_KEY, ID)).toMatchObject({ ok: false, code: 'corrupt', detail: 'checksum' });
  });
});
