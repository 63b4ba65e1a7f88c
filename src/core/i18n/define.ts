/**
 * Message catalogs are split by area (one file per area under ./messages, each owned by the code
 * that uses it). Every area defines English and Simplified Chinese together; the type makes a
 * missing Chinese string a compile error.
 */
export type Locale = 'en' | 'zh-CN';
export type Params = Record<string, string | number>;

export type Catalog<K extends string> = { en: Record<K, string>; 'zh-CN': Record<K, string> };

export function defineMessages<T extends Record<string, string>>(
  en: T,
  zh: { [K in keyof T]: string },
): Catalog<Extract<keyof T, string>> {
  return { en, 'zh-CN': zh } as Catalog<Extract<keyof T, string>>;
}
