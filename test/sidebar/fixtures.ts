/** Server answers the browser tests script: a small table schema and the set-up state around it. */
import { messagesFor, t, type Locale } from '../../src/core/i18n';
import type { TableSchema } from '../../src/core/schema';

export function smallSchema(locale: Locale = 'en'): TableSchema {
  const zh = locale === 'zh-CN';
  return {
    version: 2 as const,
    template: 'b2b',
    locale,
    region: zh ? 'CN' : 'US',
    currency: zh ? 'CNY' : 'USD',
    dateOrder: zh ? ('YMD' as const) : ('MDY' as const),
    fields: [
      { key: 'name', label: { en: 'Name', 'zh-CN': '姓名' }, header: zh ? '姓名' : 'Name', role: 'name' as const, type: 'text' as const, required: true, onInvalid: 'warn' as const },
      { key: 'email', label: { en: 'Email', 'zh-CN': '邮箱' }, header: zh ? '邮箱' : 'Email', role: 'email' as const, type: 'email' as const, required: false, onInvalid: 'warn' as const },
      {
        key: 'stage',
        label: { en: 'Stage', 'zh-CN': '阶段' },
        header: zh ? '阶段' : 'Stage',
        role: 'stage' as const,
        type: 'dropdown' as const,
        required: true,
        onInvalid: 'reject' as const,
        options: zh
          ? [{ label: '线索', color: '#e8f0fe' }, { label: '成交', color: '#e6f4ea' }, { label: '流失', color: '#f1f3f4' }]
          : [{ label: 'Lead', color: '#e8f0fe' }, { label: 'Won', color: '#e6f4ea' }, { label: 'Lost', color: '#f1f3f4' }],
      },
      { key: 'notes', label: { en: 'Notes', 'zh-CN': '备注' }, header: zh ? '备注' : 'Notes', role: 'notes' as const, type: 'longText' as const, required: false, onInvalid: 'warn' as const },
    ],
    stages: zh ? { won: '成交', lost: '流失' } : { won: 'Won', lost: 'Lost' },
    rules: { staleDays: 14, overdueFollowUp: true },
    location: null as null | { sheetId: number; sheetName: string; headerRow: number },
  };
}

const TYPES = ['text', 'longText', 'email', 'phone', 'url', 'number', 'currency', 'percent', 'date', 'dateTime', 'checkbox', 'dropdown', 'autoId', 'created', 'updated', 'stageSince'] as const;

export function setupState(locale: Locale, schema: TableSchema | null = null) {
  const zh = locale === 'zh-CN';
  return {
    locale,
    templates: [
      { id: 'b2b' as const, name: zh ? 'B2B 销售' : 'B2B sales', description: zh ? '线索到成交的销售流程' : 'From lead to won deal' },
      { id: 'ecommerce' as const, name: zh ? '电商' : 'E-commerce', description: zh ? '订单与复购' : 'Orders and repeat buyers' },
      { id: 'services' as const, name: zh ? '服务' : 'Services', description: zh ? '预约与服务' : 'Appointments and services' },
    ],
    fieldTypes: TYPES.map((id) => ({ id, name: zh ? `类型:${id}` : `Type: ${id}` })),
    schema,
    configProblem: null,
  };
}

export function msg(locale: Locale, key: Parameters<typeof t>[1], params?: Record<string, string | number>): string {
  return t(locale, key, params);
}

export { messagesFor };
