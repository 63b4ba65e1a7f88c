import { defaultContext } from '../../../src/core/fields';
import { inferSheet, roleForHeader } from '../../../src/core/infer';
import { t, type Locale } from '../../../src/core/i18n';
import { ROLES, type Role } from '../../../src/core/roles';
import { TEMPLATE_IDS, templateSchema } from '../../../src/core/templates';

const roleName = (locale: Locale, role: Role): string => t(locale, `adopt.role.${role}` as const);

describe('one glossary of roles and template fields', () => {
  it('客户名称 is the company and 联系人 the person, in the templates and in the Adopt panel', () => {
    expect(roleName('zh-CN', 'company')).toBe('客户名称');
    expect(roleName('zh-CN', 'name')).toBe('联系人');
    const b2b = templateSchema('b2b', 'zh-CN');
    expect(b2b.fields.find((f) => f.role === 'company')?.header).toBe('客户名称');
    expect(b2b.fields.find((f) => f.role === 'name')?.header).toBe('联系人');
  });

  it('no template labels a field with the word the Adopt panel uses for another role', () => {
    const clashes: string[] = [];
    for (const id of TEMPLATE_IDS) {
      for (const locale of ['en', 'zh-CN'] as const) {
        for (const f of templateSchema(id, locale).fields) {
          const other = ROLES.find((r) => r !== f.role && roleName(locale, r) === f.header);
          if (f.role && other) clashes.push(`${id}/${locale}: "${f.header}" is ${f.role} in the template, ${other} in the panel`);
        }
      }
    }
    expect(clashes).toEqual([]);
  });

  it("adopting a template's own header row gives back the template's roles, in both languages", () => {
    for (const id of TEMPLATE_IDS) {
      for (const locale of ['en', 'zh-CN'] as const) {
        const fields = templateSchema(id, locale).fields;
        const inf = inferSheet({ grid: [fields.map((f) => f.header)], ctx: defaultContext(locale) });
        expect(inf.columns.map((c) => `${c.header}:${c.role}`)).toEqual(fields.map((f) => `${f.header}:${f.role}`));
      }
    }
  });

  it("the Adopt panel's word for a role, as a header, reads back as that role (客户名称 beside 联系人 included)", () => {
    const wrong: string[] = [];
    for (const locale of ['en', 'zh-CN'] as const) {
      for (const r of ROLES) {
        const got = roleForHeader(roleName(locale, r))?.role ?? null;
        if (got !== r && !(r === 'company' && locale === 'zh-CN')) wrong.push(`${locale} ${roleName(locale, r)}: ${got}`);
      }
    }
    expect(wrong).toEqual([]);
    const inf = inferSheet({ grid: [[roleName('zh-CN', 'company'), roleName('zh-CN', 'name'), '电话']], ctx: defaultContext('zh-CN') });
    expect(inf.columns.map((c) => c.role)).toEqual(['company', 'name', 'phone']);
  });
});

describe('bilingual headers', () => {
  const cases: Array<[string, Role]> = [
    ['Contact 联系人', 'name'], ['签约日期 Signed', 'registered'], ['城市 City', 'city'], ['Owner 负责人', 'owner'],
    ['Stage 阶段', 'stage'], ['Email 邮箱', 'email'], ['手机 Mobile', 'phone'], ['客户名称 Company', 'company'],
  ];
  it.each(cases)('%s → %s', (header, role) => {
    expect(roleForHeader(header)?.role).toBe(role);
  });

  it('a bilingual client header beside a bilingual contact header is the company', () => {
    const grid = [
      ['客户名称 Client', 'Contact 联系人', '签约日期 Signed', '城市 City'],
      ['北京科技有限公司', '张伟', '2024-03-01', '北京'],
      ['Acme Inc', 'Anna Li', '2024-04-02', 'Shanghai'],
    ];
    const inf = inferSheet({ grid, ctx: defaultContext('zh-CN') });
    expect(inf.columns.map((c) => [c.role, c.type])).toEqual([['company', 'text'], ['name', 'text'], ['registered', 'date'], ['city', 'text']]);
  });

  it('a lone client header is the company when its values are companies, the person when they are people', () => {
    const companies = [['客户名称', '电话', '城市'], ['苏州明德医疗器械有限公司', '13800138000', '苏州'], ['深圳华信电子工作室', '13900139000', '深圳'],
      ['上海天宇科技有限责任公司', '13700137000', '上海'], ['Acme Inc', '+1 415 555 0100', 'Austin']];
    expect(inferSheet({ grid: companies, ctx: defaultContext('zh-CN') }).columns[0]?.role).toBe('company');
    const people = [['客户名称', '电话', '城市'], ['梁涛', '13800138000', '广州'], ['谢思远', '13900139000', '苏州'], ['Mia Scott', '+1 415 555 0100', 'London'], ['周勇', '13700137000', '成都']];
    expect(inferSheet({ grid: people, ctx: defaultContext('zh-CN') }).columns[0]?.role).toBe('name');
    // A sheet that names its company elsewhere keeps the client header as the person.
    const both = [['客户名称', '公司名称', '电话'], ['北京科技有限公司', '北京科技有限公司', '13800138000'], ['Acme Inc', 'Acme Inc', '13900139000'], ['华信集团', '华信集团', '13700137000']];
    expect(inferSheet({ grid: both, ctx: defaultContext('zh-CN') }).columns.map((c) => c.role)).toEqual(['name', 'company', 'phone']);
  });

  it('the vocabulary of the seed articles is known', () => {
    expect(['最近一次联系日期', '总消费金额', '公司名称', '购买偏好', '最近购买日期', '项目状态'].map((h) => roleForHeader(h)?.role))
      .toEqual(['lastContact', 'totalSpend', 'company', 'preference', 'lastPurchase', 'stage']);
  });
});
