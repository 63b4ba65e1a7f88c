import { parseSchema, stageOrder, tableSchema, fieldByRole, type TableSchema } from '../../../src/core/schema';
import { TEMPLATE_ORDER, templateSchema, spreadsheetDefaults } from '../../../src/core/templates';
import { ROLE_TYPES } from '../../../src/core/roles';
import { LOCALES } from '../../../src/core/i18n';

function b2b(locale: 'en' | 'zh-CN' = 'en'): TableSchema {
  return templateSchema('b2b', locale);
}

describe('templates', () => {
  it.each(TEMPLATE_ORDER.flatMap((id) => LOCALES.map((l) => [id, l] as const)))('%s in %s is a valid schema with stages, required fields and auto fields', (id, locale) => {
    const s = templateSchema(id, locale);
    expect(tableSchema.safeParse(s).success).toBe(true);
    expect(s.locale).toBe(locale);
    expect(s.fields.some((f) => f.required)).toBe(true);
    for (const role of ['clientId', 'created', 'updated', 'stageSince', 'stage', 'name'] as const) expect(fieldByRole(s, role)).toBeDefined();
    // Won and lost are options of the stage field, lost is the exit (not a step).
    const stage = fieldByRole(s, 'stage');
    const labels = stage?.options?.map((o) => o.label) ?? [];
    expect(labels).toContain(s.stages?.won);
    expect(labels).toContain(s.stages?.lost);
    expect(stageOrder(s)).not.toContain(s.stages?.lost);
    // Every dropdown option has a color, and the other language's label is an alias.
    for (const f of s.fields.filter((x) => x.type === 'dropdown')) {
      for (const o of f.options ?? []) expect(o.variants?.length).toBeGreaterThan(0);
    }
  });

  it('B2B sales has the design\'s fields in order and its stage pipeline, in English', () => {
    const s = b2b();
    expect(s.fields.map((f) => f.header)).toEqual([
      'Client ID', 'Company', 'Name', 'Title', 'Email', 'Phone', 'Channel', 'Owner', 'Stage', 'Next step',
      'Next follow-up', 'Last contact', 'Priority', 'Deal value', 'Last interaction', 'Notes', 'Created', 'Updated', 'Stage since',
    ]);
    expect(stageOrder(s)).toEqual(['Lead', 'Contacted', 'Qualified', 'Proposal', 'Negotiation', 'Won']);
    expect(s.stages).toEqual({ won: 'Won', lost: 'Lost' });
    expect(s.region).toBe('US');
    expect(s.currency).toBe('USD');
  });

  it('B2B sales in Chinese uses the source articles\' vocabulary', () => {
    const s = b2b('zh-CN');
    const headers = s.fields.map((f) => f.header);
    for (const h of ['客户名称', '联系人', '联系电话', '邮箱', '客户来源', '负责人', '跟进阶段', '下次跟进日期', '最近联系日期', '成交金额', '备注']) {
      expect(headers).toContain(h);
    }
    expect(stageOrder(s)).toEqual(['潜在客户', '初步接触', '需求分析', '方案报价', '商务谈判', '成交']);
    expect(s.stages).toEqual({ won: '成交', lost: '流失' });
    // Won green, lost grey, and the English label kept as an alias for cleanup.
    const stage = fieldByRole(s, 'stage');
    expect(stage?.options?.find((o) => o.label === '成交')).toMatchObject({ color: '#d9ead3', variants: expect.arrayContaining(['Won']) });
    expect(stage?.options?.find((o) => o.label === '流失')?.color).toBe('#e0e0e0');
    expect(s.region).toBe('CN');
    expect(s.currency).toBe('CNY');
  });

  it('e-commerce and services carry their own fields', () => {
    const e = templateSchema('ecommerce', 'en');
    for (const role of ['registered', 'orders', 'purchases', 'totalSpend', 'lastPurchase', 'preference', 'channel'] as const) expect(fieldByRole(e, role)).toBeDefined();
    const v = templateSchema('services', 'zh-CN');
    expect(fieldByRole(v, 'serviceType')?.header).toBe('服务类型');
    expect(fieldByRole(v, 'appointment')?.type).toBe('dateTime');
    expect(fieldByRole(v, 'provider')?.header).toBe('服务人员');
  });

  it('field types agree with the role defaults except where a template says otherwise on purpose', () => {
    for (const id of TEMPLATE_ORDER) {
      for (const f of templateSchema(id, 'en').fields) {
        if (!f.role) continue;
        // Owner and provider are free text in templates: the team's names are not known in advance.
        if (f.role === 'owner' || f.role === 'provider') { expect(f.type).toBe('text'); continue; }
        expect(f.type).toBe(ROLE_TYPES[f.role]);
      }
    }
  });

  it('takes region, currency and date order from the spreadsheet locale', () => {
    expect(spreadsheetDefaults('en_GB', 'en')).toEqual({ region: 'GB', currency: 'GBP', dateOrder: 'DMY' });
    expect(spreadsheetDefaults('zh_TW', 'zh-CN')).toEqual({ region: 'TW', currency: 'TWD', dateOrder: 'YMD' });
    expect(spreadsheetDefaults('de_DE', 'en')).toEqual({ region: 'DE', currency: 'EUR', dateOrder: 'DMY' });
    expect(spreadsheetDefaults('en', 'en')).toEqual({ region: 'US', currency: 'USD', dateOrder: 'MDY' });
    expect(templateSchema('b2b', 'en', spreadsheetDefaults('en_GB', 'en')).currency).toBe('GBP');
  });
});

describe('schema checks', () => {
  const withFields = (s: TableSchema, fields: unknown[]) => ({ ...s, fields });

  it('rejects a header of invisible characters only, and one with a bidi control', () => {
    const s = b2b();
    const [, b] = s.fields;
    for (const header of ['\u200b', '\u200b\u200c\ufeff', '\u2060 \u00ad']) {
      expect(parseSchema(withFields(s, [...s.fields, { ...b, key: 'x', role: null, header }]))).toMatchObject({ ok: false, code: 'invisibleHeader' });
    }
    for (const header of ['Amount\u202eDSU', '\u2067客户\u2069']) {
      expect(parseSchema(withFields(s, [...s.fields, { ...b, key: 'x', role: null, header }]))).toMatchObject({ ok: false, code: 'bidiHeader' });
    }
    expect(parseSchema(withFields(s, [...s.fields, { ...b, key: 'x', role: null, header: '备注 Notes' }]))).toMatchObject({ ok: true });
  });

  it('rejects duplicate keys, headers (case-insensitive) and roles', () => {
    const s = b2b();
    const [a, b] = s.fields;
    expect(parseSchema(withFields(s, [...s.fields, { ...a, header: 'Other' }]))).toMatchObject({ ok: false, code: 'duplicateKey' });
    expect(parseSchema(withFields(s, [...s.fields, { ...b, key: 'x', role: null, header: 'COMPANY' }]))).toMatchObject({ ok: false, code: 'duplicateHeader' });
    expect(parseSchema(withFields(s, [...s.fields, { ...b, key: 'x', header: 'Other' }]))).toMatchObject({ ok: false, code: 'duplicateRole' });
  });

  it('rejects a dropdown without options and options on a non-dropdown', () => {
    const s = b2b();
    const fields = s.fields.map((f) => (f.key === 'priority' ? { ...f, options: [] } : f));
    expect(parseSchema(withFields(s, fields))).toMatchObject({ ok: false, code: 'noOptions', path: 'fields.12.options' });
    const fields2 = s.fields.map((f) => (f.key === 'notes' ? { ...f, options: [{ label: 'a', color: '#ffffff' }] } : f));
    expect(parseSchema(withFields(s, fields2))).toMatchObject({ ok: false, code: 'optionsNotDropdown' });
  });

  it('rejects stages that are not options of the stage field, or the same option twice', () => {
    const s = b2b();
    expect(parseSchema({ ...s, stages: { won: 'Signed', lost: 'Lost' } })).toMatchObject({ ok: false, code: 'unknownStage', path: 'stages.won' });
    expect(parseSchema({ ...s, stages: { won: 'Lost', lost: 'Lost' } })).toMatchObject({ ok: false, code: 'wonIsLost' });
    const noStage = s.fields.filter((f) => f.role !== 'stage');
    expect(parseSchema({ ...s, fields: noStage })).toMatchObject({ ok: false, code: 'noStageField' });
    expect(parseSchema({ ...s, fields: noStage, stages: null }).ok).toBe(true);
  });

  it('fills defaults: rules 14 days and overdue on, warn, not required', () => {
    const s = b2b();
    const minimal = {
      version: 2, locale: 'en', region: 'US', currency: 'USD', dateOrder: 'MDY',
      fields: [{ key: 'name', label: { en: 'Name', 'zh-CN': '姓名' }, header: 'Name', type: 'text' }],
    };
    const r = parseSchema(minimal);
    expect(r.ok).toBe(true);
    if (r.ok) {
      expect(r.schema.rules).toEqual({ staleDays: 14, overdueFollowUp: true });
      expect(r.schema.fields[0]).toMatchObject({ required: false, onInvalid: 'warn', role: null });
      expect(r.schema.location).toBeNull();
    }
    expect(s.rules.staleDays).toBe(14);
  });

  it('rejects bad colors, keys and unknown types with a path', () => {
    const s = b2b();
    expect(parseSchema(withFields(s, [{ ...s.fields[0], key: '1bad' }]))).toMatchObject({ ok: false, path: 'fields.0.key' });
    expect(parseSchema(withFields(s, [{ ...s.fields[0], type: 'money' }]))).toMatchObject({ ok: false, path: 'fields.0.type' });
    const badColor = s.fields.map((f) => (f.key === 'priority' ? { ...f, options: [{ label: 'High', color: 'red' }] } : f));
    expect(parseSchema(withFields(s, badColor))).toMatchObject({ ok: false, path: 'fields.12.options.0.color' });
    expect(parseSchema('nonsense')).toMatchObject({ ok: false });
  });
});
