/**
 * The TypeContext every field type reads: locale, default region, time zone, date order and currency.
 * The add-on builds it from the spreadsheet (getSpreadsheetLocale(), getSpreadsheetTimeZone()), the CLI
 * from --region or the user's locale.
 */
import type { Locale } from '../i18n';
import type { TypeContext } from './types';

const YMD = new Set(['CN', 'JP', 'KR', 'KP', 'TW', 'HU', 'LT', 'MN', 'IR', 'SE', 'BT']);
/** Month-first countries (the US and its territories, and a few that follow it). */
const MDY = new Set(['US', 'PR', 'GU', 'AS', 'VI', 'MP', 'UM', 'PH', 'FM', 'MH', 'PW', 'BZ', 'CA']);

/** How a region writes ambiguous numeric dates such as 03/04/2024 (everyone not listed writes day first). */
export function dateOrderForRegion(region: string): TypeContext['dateOrder'] {
  const r = region.toUpperCase();
  if (YMD.has(r)) return 'YMD';
  if (MDY.has(r)) return 'MDY';
  return 'DMY';
}

const EURO = ['AT', 'BE', 'CY', 'DE', 'EE', 'ES', 'FI', 'FR', 'GR', 'HR', 'IE', 'IT', 'LT', 'LU', 'LV', 'MT', 'NL', 'PT', 'SI', 'SK'];
const CURRENCY: Record<string, string> = {
  CN: 'CNY', US: 'USD', GB: 'GBP', JP: 'JPY', HK: 'HKD', TW: 'TWD', MO: 'MOP', SG: 'SGD', AU: 'AUD',
  CA: 'CAD', NZ: 'NZD', IN: 'INR', KR: 'KRW', CH: 'CHF', MY: 'MYR', TH: 'THB', ID: 'IDR', VN: 'VND',
  PH: 'PHP', RU: 'RUB', BR: 'BRL', MX: 'MXN', SE: 'SEK', NO: 'NOK', DK: 'DKK', PL: 'PLN', CZ: 'CZK',
  HU: 'HUF', TR: 'TRY', AE: 'AED', SA: 'SAR', ZA: 'ZAR', IL: 'ILS',
};
for (const r of EURO) CURRENCY[r] = 'EUR';

/** The ISO 4217 currency of a region; USD when unknown. */
export function currencyForRegion(region: string): string {
  return CURRENCY[region.toUpperCase()] ?? 'USD';
}

/** Regions that write 1.234,5 or 1 234,5 (decimal comma). Everyone else writes 1,234.5. */
const DECIMAL_COMMA = new Set([
  'DE', 'AT', 'FR', 'BE', 'ES', 'IT', 'NL', 'PT', 'BR', 'RU', 'UA', 'PL', 'CZ', 'SK', 'SE', 'NO', 'DK',
  'FI', 'TR', 'ID', 'VN', 'AR', 'CL', 'CO', 'UY', 'PY', 'GR', 'HU', 'RO', 'BG', 'HR', 'SI', 'RS', 'ZA',
  'LT', 'LV', 'EE', 'KZ', 'BY', 'IS', 'LU',
]);
/** True when the region writes a decimal comma. */
export function usesDecimalComma(region: string): boolean {
  return DECIMAL_COMMA.has(region.toUpperCase());
}

/** Default region for a bare language code ('de' → 'DE'). */
const LANGUAGE_REGION: Record<string, string> = {
  zh: 'CN', en: 'US', ja: 'JP', ko: 'KR', de: 'DE', fr: 'FR', es: 'ES', it: 'IT', pt: 'BR', ru: 'RU',
  nl: 'NL', sv: 'SE', da: 'DK', nb: 'NO', no: 'NO', fi: 'FI', pl: 'PL', cs: 'CZ', tr: 'TR', vi: 'VN',
  th: 'TH', id: 'ID', ms: 'MY', hi: 'IN', ar: 'SA', he: 'IL', uk: 'UA', el: 'GR', hu: 'HU', ro: 'RO',
};

/**
 * The region of a Sheets/ICU locale string: 'zh_CN' → 'CN', 'en_GB' → 'GB', 'en-US' → 'US', 'zh_Hant_TW'
 * → 'TW', 'de' → 'DE', '' → 'US'. (Spreadsheet.getSpreadsheetLocale() returns forms like 'en_US'.)
 */
export function regionFromLocale(sheetsLocale: string | null | undefined): string {
  const parts = String(sheetsLocale ?? '').trim().split(/[_-]/).filter((p) => p !== '');
  for (let i = parts.length - 1; i >= 1; i--) {
    if (/^[A-Za-z]{2}$/.test(parts[i])) return parts[i].toUpperCase();
  }
  const lang = (parts[0] ?? '').toLowerCase();
  if (lang === 'zh' && parts.some((p) => /^hant$/i.test(p))) return 'TW';
  return LANGUAGE_REGION[lang] ?? 'US';
}

/**
 * A complete context for a locale: zh-CN → region CN, Asia/Shanghai, YMD, CNY; en → US, UTC, MDY, USD.
 * Overrides win; when only `region` is overridden, date order and currency follow that region.
 */
export function defaultContext(locale: Locale, overrides: Partial<TypeContext> = {}): TypeContext {
  const region = (overrides.region ?? (locale === 'zh-CN' ? 'CN' : 'US')).toUpperCase();
  return {
    locale,
    region,
    timeZone: overrides.timeZone ?? (locale === 'zh-CN' ? 'Asia/Shanghai' : 'UTC'),
    dateOrder: overrides.dateOrder ?? dateOrderForRegion(region),
    currency: overrides.currency ?? currencyForRegion(region),
    ...(overrides.options ? { options: overrides.options } : {}),
  };
}
