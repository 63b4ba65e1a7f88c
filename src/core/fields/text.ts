/**
 * Text and long text. Parse never fails: the value is the cell's text with zero-width and control
 * characters removed, outer white space trimmed and runs of spaces (incl. tabs, NBSP and the ideographic
 * space) collapsed to one; long text keeps its line breaks (\r\n → \n, spaces around them trimmed, at most
 * one blank line in a row). A value starting with '=' is kept as text (the column is '@', so it is text).
 * Numbers, booleans and Dates read from the sheet are shown as text but never rewritten by cleanup.
 * Format '@' (plain text) so that Sheets never turns '+86…', '00123', '-x' or '=x' into something else.
 */
import { defineType } from './define';
import { calendarDate } from './calendar';
import type { CellValue, ParseResult, TypeContext } from './types';
import { cellText, HSPACE, stripInvisible } from './util';

/** Plain ASCII text without doubled spaces or outer spaces: nothing to clean (the fast path). */
const CLEAN_LINE = /^[!-~](?:[ -~]*[!-~])?$/;
const DOUBLE_SPACE = / {2}/;

export function cleanLine(s: string): string {
  if (CLEAN_LINE.test(s) && !DOUBLE_SPACE.test(s)) return s;
  return stripInvisible(s).replace(/[\r\n]+/g, ' ').replace(HSPACE, ' ').trim();
}

export function cleanMultiline(s: string): string {
  if (CLEAN_LINE.test(s) && !DOUBLE_SPACE.test(s)) return s;
  return stripInvisible(s)
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) => line.replace(HSPACE, ' ').trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

function textOf(raw: Exclude<CellValue, ''>, ctx: TypeContext): string {
  if (typeof raw === 'string') return raw;
  if (raw instanceof Date) return calendarDate(raw, ctx.timeZone);
  return cellText(raw);
}

function makeText(id: 'text' | 'longText', clean: (s: string) => string) {
  return defineType({
    id,
    freeText: true,
    textual: true,
    acceptsAnyText: true,
    parseValue(raw, ctx): ParseResult {
      return { ok: true, value: { kind: 'text', value: typeof raw === 'string' ? clean(raw) : textOf(raw, ctx) } };
    },
    canonical(value, raw) {
      // Only text cells are rewritten; a number or date typed into a text column is left as it is.
      return typeof raw === 'string' && value.kind === 'text' ? value.value : null;
    },
    numberFormat: () => '@',
    validation: () => null,
  });
}

export const text = makeText('text', cleanLine);
export const longText = makeText('longText', cleanMultiline);
