/**
 * The field types: one definition per type (see ./types.ts for the contract) and the helpers other
 * areas need (contexts, calendar dates, column letters, translated issue messages, next client ID).
 */
import { t } from '../i18n';
import type { Locale, MessageKey, Params } from '../i18n';
import type { FieldTypeDef, FieldTypeId, IssueCode } from './types';
import { text, longText } from './text';
import { email } from './email';
import { phone } from './phone';
import { url } from './url';
import { number } from './number';
import { currency } from './currency';
import { percent } from './percent';
import { date, dateTime, created, updated, stageSince } from './dates';
import { checkbox } from './checkbox';
import { dropdown } from './dropdown';
import { autoId } from './autoId';

export * from './types';
export { defaultContext, regionFromLocale, dateOrderForRegion, currencyForRegion, usesDecimalComma } from './context';
export { calendarDate, calendarDateTime, dateToSerial, serialToParts } from './calendar';
export { columnLetter, cellText, mustWriteAsText, numberText } from './util';
export { nextClientId, CLIENT_ID_PREFIX } from './autoId';
export { matchOption, foldKey } from './dropdown';
export { editDistance } from '../text/distance';
export { currencyFormat } from './currency';
export { parseDateTimeText } from './datetext';

export const FIELD_TYPES: Record<FieldTypeId, FieldTypeDef> = {
  text, longText, email, phone, url, number, currency, percent, date, dateTime, checkbox, dropdown,
  autoId, created, updated, stageSince,
};

/** The definition of a type; throws on an unknown id (config is validated before it gets here). */
export function fieldType(id: FieldTypeId): FieldTypeDef {
  const def = Object.prototype.hasOwnProperty.call(FIELD_TYPES, id) ? FIELD_TYPES[id] : undefined;
  if (!def) throw new Error(`Unknown field type: ${String(id)}`);
  return def;
}

export function isFieldTypeId(s: string): s is FieldTypeId {
  return Object.prototype.hasOwnProperty.call(FIELD_TYPES, s);
}

/**
 * The user message for an issue: 'Not a valid email address' / '不是有效的邮箱地址'. With params.hint on
 * unknownOption, the message suggests it ('Did you mean “Qualified”?').
 */
export function issueMessage(locale: Locale, code: IssueCode, params: Params = {}): string {
  if (code === 'unknownOption' && params.hint !== undefined && params.hint !== '') {
    return t(locale, 'fields.issue.unknownOptionHint', params);
  }
  // A message that names its hint (countries, a currency) has a wording without it, for a summary of
  // many cells ("per problem") or a cell whose hint is unknown: a placeholder never reaches the user.
  const bare = params.hint === undefined || params.hint === '' ? BARE_KEYS[code] : undefined;
  // A phone's countries come as one list ('US, CN, GB'): Chinese lists them with its own comma (、).
  const listed = locale === 'zh-CN' && typeof params.hint === 'string' && (code === 'invalidPhone' || code === 'ambiguousPhone')
    ? { ...params, hint: params.hint.split(', ').join('、') }
    : params;
  return t(locale, bare ?? ISSUE_KEYS[code], listed);
}

const BARE_KEYS: Partial<Record<IssueCode, MessageKey>> = {
  invalidPhone: 'fields.issue.invalidPhoneBare',
  otherCurrency: 'fields.issue.otherCurrencyBare',
  ambiguousPhone: 'fields.issue.ambiguousPhoneBare',
};

/** One message per code; a new IssueCode without a message is a compile error. */
const ISSUE_KEYS: Record<IssueCode, MessageKey> = {
  invalidEmail: 'fields.issue.invalidEmail', invalidPhone: 'fields.issue.invalidPhone',
  invalidUrl: 'fields.issue.invalidUrl', invalidNumber: 'fields.issue.invalidNumber',
  invalidCurrency: 'fields.issue.invalidCurrency', invalidPercent: 'fields.issue.invalidPercent',
  invalidDate: 'fields.issue.invalidDate', invalidDateTime: 'fields.issue.invalidDateTime',
  invalidCheckbox: 'fields.issue.invalidCheckbox', unknownOption: 'fields.issue.unknownOption',
  required: 'fields.issue.required', formula: 'fields.issue.formula',
  notAmount: 'fields.issue.notAmount', negativeAmount: 'fields.issue.negativeAmount',
  otherCurrency: 'fields.issue.otherCurrency', ambiguousPhone: 'fields.issue.ambiguousPhone',
  formulaError: 'fields.issue.formulaError',
};

const TYPE_KEYS: Record<FieldTypeId, MessageKey> = {
  text: 'fields.type.text', longText: 'fields.type.longText', email: 'fields.type.email',
  phone: 'fields.type.phone', url: 'fields.type.url', number: 'fields.type.number',
  currency: 'fields.type.currency', percent: 'fields.type.percent', date: 'fields.type.date',
  dateTime: 'fields.type.dateTime', checkbox: 'fields.type.checkbox', dropdown: 'fields.type.dropdown',
  autoId: 'fields.type.autoId', created: 'fields.type.created', updated: 'fields.type.updated',
  stageSince: 'fields.type.stageSince',
};

/** The translated name of a type ('Email' / '邮箱'). */
export function typeLabel(locale: Locale, id: FieldTypeId): string {
  return t(locale, TYPE_KEYS[id]);
}

/** The help text Sheets shows when typing breaks a column's validation; null for types without one. */
export function validationHelp(locale: Locale, id: FieldTypeId): string | null {
  const key: Partial<Record<FieldTypeId, MessageKey>> = {
    email: 'fields.help.email', phone: 'fields.help.phone', url: 'fields.help.url', number: 'fields.help.number',
    currency: 'fields.help.currency', date: 'fields.help.date', dateTime: 'fields.help.date',
    dropdown: 'fields.help.dropdown',
  };
  const k = key[id];
  return k ? t(locale, k) : null;
}
