/**
 * Templates: B2B sales, e-commerce and services, each in English and Simplified
 * Chinese. A template is data: fields with a role, a type, labels in both languages and, for
 * dropdowns, options with a color and variants (the other language's label and common spellings, so
 * cleanup can mend 'closed won' or '成交' into the option's own label). Chinese vocabulary follows the
 * user's source articles (客户名称, 联系人, 联系电话, 邮箱, 客户来源, 负责人, 跟进阶段, 下次跟进日期, …).
 */
import { COLORS } from '../colors';
import type { Locale } from '../i18n';
import type { FieldTypeId } from '../fields/types';
import type { Role } from '../roles';
import { SCHEMA_VERSION, tableSchema, type TableSchema } from '../schema';
import type { TemplateId } from './ids';

export { TEMPLATE_IDS, type TemplateId } from './ids';

export { COLORS };

interface OptionDef { en: string; zh: string; color: string; variants?: string[] }
interface FieldDef {
  key: string;
  role: Role | null;
  type: FieldTypeId;
  en: string;
  zh: string;
  required?: boolean;
  onInvalid?: 'reject' | 'warn';
  options?: OptionDef[];
  width?: number;
}
interface TemplateDef {
  id: TemplateId;
  fields: FieldDef[];
  /** Index of the won and lost options of the stage field. */
  won: string; // en label
  lost: string; // en label
}

const o = (en: string, zh: string, color: string, variants: string[] = []): OptionDef => ({ en, zh, color, variants });

const clientId: FieldDef = { key: 'clientId', role: 'clientId', type: 'autoId', en: 'Client ID', zh: '客户编号', width: 110 };
const email: FieldDef = { key: 'email', role: 'email', type: 'email', en: 'Email', zh: '邮箱', width: 200 };
const notes: FieldDef = { key: 'notes', role: 'notes', type: 'longText', en: 'Notes', zh: '备注', width: 240 };
const created: FieldDef = { key: 'created', role: 'created', type: 'created', en: 'Created', zh: '创建日期' };
const updated: FieldDef = { key: 'updated', role: 'updated', type: 'updated', en: 'Updated', zh: '更新日期' };
const stageSince: FieldDef = { key: 'stageSince', role: 'stageSince', type: 'stageSince', en: 'Stage since', zh: '进入阶段日期' };
/** Next follow-up of the e-commerce and services templates (回访: a follow-up visit or call to a customer). */
const nextVisit: FieldDef = { key: 'nextFollowUp', role: 'nextFollowUp', type: 'date', en: 'Next follow-up', zh: '下次回访日期' };
const lastContact: FieldDef = { key: 'lastContact', role: 'lastContact', type: 'date', en: 'Last contact', zh: '最近联系日期' };
const priority: FieldDef = {
  key: 'priority', role: 'priority', type: 'dropdown', en: 'Priority', zh: '优先级', width: 90,
  options: [o('High', '高', COLORS.red, ['H', '紧急']), o('Medium', '中', COLORS.yellow, ['M', 'Normal', '一般']), o('Low', '低', COLORS.blue, ['L'])],
};

const B2B: TemplateDef = {
  id: 'b2b',
  won: 'Won',
  lost: 'Lost',
  fields: [
    clientId,
    { key: 'company', role: 'company', type: 'text', en: 'Company', zh: '客户名称', required: true, width: 180 },
    { key: 'name', role: 'name', type: 'text', en: 'Name', zh: '联系人', required: true, width: 140 },
    { key: 'title', role: 'title', type: 'text', en: 'Title', zh: '职位', width: 120 },
    email,
    { key: 'phone', role: 'phone', type: 'phone', en: 'Phone', zh: '联系电话', width: 150 },
    {
      key: 'channel', role: 'channel', type: 'dropdown', en: 'Channel', zh: '客户来源', width: 120,
      options: [
        o('Website', '官网', COLORS.blue, ['Web', 'Online', '网站']),
        o('Referral', '转介绍', COLORS.green, ['Recommendation', '推荐', '老客户介绍']),
        o('Event', '展会', COLORS.purple, ['Trade show', 'Exhibition', '会议', '活动']),
        o('Cold call', '电话拜访', COLORS.orange, ['Outbound', 'Call', '陌拜', '电销']),
        o('Social media', '社交媒体', COLORS.magenta, ['WeChat', 'LinkedIn', '微信', '社媒']),
        o('Advertising', '广告', COLORS.yellow, ['Ads', 'Ad', '投放']),
        o('Other', '其他', COLORS.grey, ['其它']),
      ],
    },
    { key: 'owner', role: 'owner', type: 'text', en: 'Owner', zh: '负责人', required: true, width: 110 },
    {
      key: 'stage', role: 'stage', type: 'dropdown', en: 'Stage', zh: '跟进阶段', required: true, onInvalid: 'reject', width: 130,
      options: [
        o('Lead', '潜在客户', COLORS.blue, ['New', 'Prospect', '线索', '新客户']),
        o('Contacted', '初步接触', COLORS.cyan, ['Contact made', '已联系', '初次接触']),
        o('Qualified', '需求分析', COLORS.purple, ['Needs analysis', '需求确认', '意向客户']),
        o('Proposal', '方案报价', COLORS.yellow, ['Quote', 'Quoted', '报价', '方案']),
        o('Negotiation', '商务谈判', COLORS.orange, ['Negotiating', '谈判', '议价']),
        o('Won', '成交', COLORS.green, ['Closed won', 'Deal', 'Signed', '已成交', '签约']),
        o('Lost', '流失', COLORS.grey, ['Closed lost', 'Dropped', '丢单', '已流失', '输单']),
      ],
    },
    { key: 'nextStep', role: 'nextStep', type: 'text', en: 'Next step', zh: '下一步', width: 180 },
    { key: 'nextFollowUp', role: 'nextFollowUp', type: 'date', en: 'Next follow-up', zh: '下次跟进日期' },
    lastContact,
    priority,
    { key: 'dealValue', role: 'dealValue', type: 'currency', en: 'Deal value', zh: '成交金额', width: 110 },
    { key: 'lastInteraction', role: 'lastInteraction', type: 'longText', en: 'Last interaction', zh: '最近沟通摘要', width: 220 },
    notes,
    created,
    updated,
    stageSince,
  ],
};

const ECOMMERCE: TemplateDef = {
  id: 'ecommerce',
  won: 'Loyal',
  lost: 'Churned',
  fields: [
    clientId,
    { key: 'name', role: 'name', type: 'text', en: 'Customer name', zh: '客户姓名', required: true, width: 140 },
    { key: 'phone', role: 'phone', type: 'phone', en: 'Mobile', zh: '手机号', width: 150 },
    email,
    { key: 'registered', role: 'registered', type: 'date', en: 'Registered', zh: '注册日期' },
    {
      key: 'channel', role: 'channel', type: 'dropdown', en: 'Channel', zh: '来源渠道', width: 120,
      options: [
        o('Online store', '官方商城', COLORS.blue, ['Website', 'Shop', '官网', '网店']),
        o('Marketplace', '电商平台', COLORS.orange, ['Taobao', 'Tmall', 'JD', 'Amazon', '淘宝', '天猫', '京东']),
        o('Social media', '社交媒体', COLORS.magenta, ['WeChat', 'Douyin', 'Instagram', '微信', '抖音', '小红书']),
        o('Retail store', '线下门店', COLORS.green, ['Store', 'Offline', '门店', '线下']),
        o('Referral', '朋友推荐', COLORS.purple, ['Friend', '推荐', '转介绍']),
        o('Other', '其他', COLORS.grey, ['其它']),
      ],
    },
    {
      key: 'stage', role: 'stage', type: 'dropdown', en: 'Customer stage', zh: '客户阶段', required: true, width: 130,
      options: [
        o('Prospect', '潜在客户', COLORS.blue, ['Lead', 'Visitor', '访客']),
        o('First purchase', '首次购买', COLORS.cyan, ['New customer', 'New', '新客户', '首单']),
        o('Repeat', '复购客户', COLORS.yellow, ['Returning', 'Repeat buyer', '复购', '回头客']),
        o('Loyal', '忠实客户', COLORS.green, ['VIP', 'Member', '会员', '老客户']),
        o('Churned', '流失', COLORS.grey, ['Lost', 'Inactive', '已流失', '沉睡']),
      ],
    },
    { key: 'orders', role: 'orders', type: 'number', en: 'Orders', zh: '订单数', width: 80 },
    { key: 'purchases', role: 'purchases', type: 'number', en: 'Purchase count', zh: '购买次数', width: 100 },
    { key: 'totalSpend', role: 'totalSpend', type: 'currency', en: 'Total spend', zh: '消费金额', width: 110 },
    { key: 'lastPurchase', role: 'lastPurchase', type: 'date', en: 'Last purchase', zh: '最近购买日期' },
    { key: 'preference', role: 'preference', type: 'text', en: 'Preference', zh: '购买偏好', width: 160 },
    lastContact,
    nextVisit,
    notes,
    created,
    updated,
    stageSince,
  ],
};

const SERVICES: TemplateDef = {
  id: 'services',
  won: 'Completed',
  lost: 'Cancelled',
  fields: [
    clientId,
    { key: 'name', role: 'name', type: 'text', en: 'Client name', zh: '客户姓名', required: true, width: 140 },
    { key: 'phone', role: 'phone', type: 'phone', en: 'Phone', zh: '联系电话', required: true, width: 150 },
    email,
    {
      key: 'serviceType', role: 'serviceType', type: 'dropdown', en: 'Service type', zh: '服务类型', required: true, width: 130,
      options: [
        o('Consultation', '咨询', COLORS.blue, ['Consulting', '顾问']),
        o('Installation', '安装', COLORS.purple, ['Setup', '安装调试']),
        o('Maintenance', '维修保养', COLORS.orange, ['Repair', 'Service', '维修', '保养']),
        o('Training', '培训', COLORS.cyan, ['Course', '课程']),
        o('Other', '其他', COLORS.grey, ['其它']),
      ],
    },
    { key: 'provider', role: 'provider', type: 'text', en: 'Provider', zh: '服务人员', width: 110 },
    { key: 'appointment', role: 'appointment', type: 'dateTime', en: 'Appointment', zh: '预约时间', width: 150 },
    {
      key: 'stage', role: 'stage', type: 'dropdown', en: 'Status', zh: '服务状态', required: true, width: 120,
      options: [
        o('Inquiry', '咨询中', COLORS.blue, ['New', 'Lead', '新咨询', '潜在客户']),
        o('Booked', '已预约', COLORS.yellow, ['Scheduled', 'Appointment', '预约']),
        o('In service', '服务中', COLORS.orange, ['In progress', 'Ongoing', '进行中']),
        o('Completed', '已完成', COLORS.green, ['Done', 'Finished', '完成', '成交']),
        o('Cancelled', '已取消', COLORS.grey, ['Canceled', 'No-show', '取消', '流失']),
      ],
    },
    { key: 'dealValue', role: 'dealValue', type: 'currency', en: 'Fee', zh: '服务费用', width: 110 },
    lastContact,
    nextVisit,
    notes,
    created,
    updated,
    stageSince,
  ],
};

export const TEMPLATES: Readonly<Record<TemplateId, TemplateDef>> = { b2b: B2B, ecommerce: ECOMMERCE, services: SERVICES };
export const TEMPLATE_ORDER: readonly TemplateId[] = ['b2b', 'ecommerce', 'services'];

/** Per-locale table defaults: phone region, currency, how to read 03/04/2024. */
export function localeDefaults(locale: Locale): { region: string; currency: string; dateOrder: 'MDY' | 'DMY' | 'YMD' } {
  return locale === 'zh-CN' ? { region: 'CN', currency: 'CNY', dateOrder: 'YMD' } : { region: 'US', currency: 'USD', dateOrder: 'MDY' };
}

export function isTemplateId(s: string): s is TemplateId {
  return s === 'b2b' || s === 'ecommerce' || s === 'services';
}

/**
 * A template's schema in one language: headers and option labels in `locale`, the other language's
 * label kept as an alias. `overrides` may change region/currency/dateOrder (e.g. from the spreadsheet).
 */
export function templateSchema(
  id: TemplateId,
  locale: Locale,
  overrides: Partial<{ region: string; currency: string; dateOrder: 'MDY' | 'DMY' | 'YMD' }> = {},
): TableSchema {
  const def = TEMPLATES[id];
  const zh = locale === 'zh-CN';
  const pick = (x: { en: string; zh: string }) => (zh ? x.zh : x.en);
  const other = (x: { en: string; zh: string }) => (zh ? x.en : x.zh);
  const stage = def.fields.find((f) => f.role === 'stage');
  const optionLabel = (en: string) => {
    const opt = stage?.options?.find((x) => x.en === en);
    return opt ? pick(opt) : en;
  };
  const raw = {
    version: SCHEMA_VERSION,
    template: id,
    locale,
    ...localeDefaults(locale),
    ...overrides,
    fields: def.fields.map((f) => ({
      key: f.key,
      label: { en: f.en, 'zh-CN': f.zh },
      header: pick(f),
      role: f.role,
      type: f.type,
      required: f.required ?? false,
      onInvalid: f.onInvalid ?? 'warn',
      ...(f.options
        ? { options: f.options.map((x) => ({ label: pick(x), color: x.color, variants: [other(x), ...(x.variants ?? [])] })) }
        : {}),
      ...(f.width ? { width: f.width } : {}),
    })),
    stages: { won: optionLabel(def.won), lost: optionLabel(def.lost) },
    rules: { staleDays: 14, overdueFollowUp: true },
    location: null,
  };
  // Templates are checked like any other schema: a broken template is a bug caught by the tests.
  return tableSchema.parse(raw);
}

const EURO = new Set(['AT', 'BE', 'CY', 'DE', 'EE', 'ES', 'FI', 'FR', 'GR', 'HR', 'IE', 'IT', 'LT', 'LU', 'LV', 'MT', 'NL', 'PT', 'SI', 'SK']);
const CURRENCIES: Record<string, string> = {
  US: 'USD', GB: 'GBP', CN: 'CNY', HK: 'HKD', TW: 'TWD', MO: 'MOP', SG: 'SGD', JP: 'JPY', KR: 'KRW', AU: 'AUD',
  CA: 'CAD', NZ: 'NZD', IN: 'INR', CH: 'CHF', SE: 'SEK', NO: 'NOK', DK: 'DKK', MY: 'MYR', TH: 'THB', PH: 'PHP',
};

/**
 * Region, currency and date order from the spreadsheet's locale ('en_GB', 'zh_CN', 'zh_TW', 'de'),
 * falling back to the language defaults when the locale names no country.
 * Ref: https://developers.google.com/apps-script/reference/spreadsheet/spreadsheet#getSpreadsheetLocale()
 */
export function spreadsheetDefaults(ssLocale: string, locale: Locale): { region: string; currency: string; dateOrder: 'MDY' | 'DMY' | 'YMD' } {
  const m = /^[a-z]{2,3}[_-]([A-Za-z]{2})\b/.exec(ssLocale.trim());
  const base = localeDefaults(locale);
  if (!m) return base;
  const region = (m[1] as string).toUpperCase();
  const currency = CURRENCIES[region] ?? (EURO.has(region) ? 'EUR' : base.currency);
  const dateOrder = region === 'US' ? 'MDY' : ['CN', 'TW', 'JP', 'KR', 'HU', 'LT'].includes(region) ? 'YMD' : 'DMY';
  return { region, currency, dateOrder };
}
