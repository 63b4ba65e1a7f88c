/**
 * The contract of a field type. Every type has exactly one definition (one module in this folder,
 * registered in ./index.ts) that says how a raw cell parses, how it is normalized by cleanup, how it
 * is shown (number format) and which Sheets data validation enforces it. Pure: no Apps Script.
 */
import type { Locale } from '../i18n';

/** The user-facing types (the CLI's `validate` reports one of these for each column). */
export const USER_TYPES = [
  'text', 'longText', 'email', 'phone', 'url', 'number', 'currency', 'percent',
  'date', 'dateTime', 'checkbox', 'dropdown',
] as const;
/** Types filled by the add-on itself. */
export const AUTO_TYPES = ['autoId', 'created', 'updated', 'stageSince'] as const;
export type UserTypeId = (typeof USER_TYPES)[number];
export type AutoTypeId = (typeof AUTO_TYPES)[number];
export type FieldTypeId = UserTypeId | AutoTypeId;

/** A cell as Range.getValues returns it: '' for empty. */
export type CellValue = string | number | boolean | Date;

export interface DropdownOption {
  /** The option's own label, written into cells. */
  label: string;
  /** Background color of the chip/cell, '#rrggbb'. */
  color: string;
  /** Other spellings that mean this option (e.g. 'Closed won', '成交'). */
  variants?: string[];
  /** The stage option that ends a deal well ('won') or badly ('lost'). */
  outcome?: 'won' | 'lost';
}

/** Everything a type needs to know besides the cell. */
export interface TypeContext {
  locale: Locale;
  /** Default country for phone numbers written without one, ISO 3166 alpha-2 ('CN', 'US'). */
  region: string;
  /** IANA time zone of the spreadsheet, used to read Date cells as calendar dates. */
  timeZone: string;
  /** How to read ambiguous numeric dates like 03/04/2024. */
  dateOrder: 'MDY' | 'DMY' | 'YMD';
  /** ISO 4217 code for currency display ('CNY', 'USD'). */
  currency: string;
  /**
   * For money fields: true when `currency` is the column's own (inferred or chosen), so that an amount
   * marked with another currency is reported ('otherCurrency') instead of read as this one.
   */
  currencyStrict?: boolean;
  /** For money fields: the column mixes currencies, so its format names none. */
  currencyMixed?: boolean;
  /** For dropdown fields. */
  options?: readonly DropdownOption[];
  /**
   * For phone fields: the regions a number written without a country code may be read in, the default
   * first. A number valid in exactly one of them is read there; in several, it is ambiguous
   * ('ambiguousPhone'); absent, `region` alone is used.
   */
  regions?: readonly string[];
}

/** A typed value after parsing. Dates are calendar strings, never Date objects (they cross google.script.run). */
export type TypedValue =
  | { kind: 'empty' }
  | { kind: 'text'; value: string }
  | { kind: 'number'; value: number }
  | { kind: 'boolean'; value: boolean }
  | { kind: 'date'; value: string } // 'YYYY-MM-DD'
  | { kind: 'dateTime'; value: string } // 'YYYY-MM-DDTHH:mm' (local to the spreadsheet)
  | { kind: 'option'; value: string }; // the option's label

/** Why a cell does not parse. `code` is stable (reports, CLI); the message is i18n'd by the caller. */
export type IssueCode =
  | 'invalidEmail' | 'invalidPhone' | 'invalidUrl' | 'invalidNumber' | 'invalidCurrency'
  | 'invalidPercent' | 'invalidDate' | 'invalidDateTime' | 'invalidCheckbox' | 'unknownOption'
  | 'required' | 'formula'
  /** Money: text that is no amount at all ('tbd', '待定', '面议'). */
  | 'notAmount'
  /** Money: a negative amount. */
  | 'negativeAmount'
  /** Money: an amount in another currency than the column's (hint: its ISO code). */
  | 'otherCurrency'
  /** Phone: without a country code, valid in more than one candidate region (hint: the regions). */
  | 'ambiguousPhone'
  /** A formula cell that Sheets turned into an error (#ERROR!, #NAME?…): a typed '+86 …' most often. */
  | 'formulaError';

export type ParseResult =
  | { ok: true; value: TypedValue }
  | { ok: false; code: IssueCode; /** a hint for the message, e.g. the closest option */ hint?: string };

/** What cleanup would write. `value` is written as text into '@' cells or as the typed value otherwise. */
export type NormalizeResult =
  | { status: 'unchanged' }
  | {
      status: 'changed';
      value: string | number | boolean;
      /**
       * Set when `value` is text that Sheets would otherwise read as a formula, number, date or boolean
       * (a leading '=', '+', '-', '@', or '00123'): the writer must put it into a plain-text ('@') cell.
       * Text-like types (text, phone, ID…) have '@' as their number format already; this flag makes the
       * requirement explicit for every written value (docs/ARCHITECTURE.md rule 4).
       */
      asText?: boolean;
    }
  | { status: 'invalid'; code: IssueCode; hint?: string };

/**
 * Which Sheets data validation enforces a type, as pure data. The add-on turns it into
 * SpreadsheetApp.newDataValidation() calls. Formulas are written for the first data row (e.g. row 2)
 * and column letter given to `validation()`, relative so that Sheets shifts them down the column.
 */
export type ValidationSpec =
  | { kind: 'list'; values: string[] }
  | { kind: 'checkbox' }
  | { kind: 'date' }
  | { kind: 'number'; min?: number; max?: number }
  | { kind: 'customFormula'; formula: string };

export interface FieldTypeDef {
  id: FieldTypeId;
  /** Parse a raw cell. Empty cells ('' or whitespace) parse to { kind: 'empty' }. */
  parse(raw: CellValue, ctx: TypeContext): ParseResult;
  /** The cleanup of one cell: 'unchanged' when it is already in canonical form. */
  normalize(raw: CellValue, ctx: TypeContext): NormalizeResult;
  /** Sheets number format for the column ('@' keeps text as text). */
  numberFormat(ctx: TypeContext): string;
  /** Data validation for the column; null when none applies. `cell` is the first data cell, e.g. 'C2'. */
  validation(ctx: TypeContext, cell: string): ValidationSpec | null;
  /** Share of sample values that parse is used by inference; types that accept anything say so. */
  acceptsAnyText: boolean;
}

/**
 * How plans and inference find a field type's definition: fieldType from src/core/fields (the registry)
 * in the product; tests may pass a lookup of their own.
 */
export type TypeLookup = (id: FieldTypeId) => FieldTypeDef;
