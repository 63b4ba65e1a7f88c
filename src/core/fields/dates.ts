/**
 * Date and date-time columns, and the auto types built on them.
 *
 * date: every form datetext.ts reads (2024年1月5日, 2024/1/5, 2024-01-05, 5 Jan 2024, Jan 5, 2024,
 * January 5th 2024, 05.01.2024, 1/5/2024 by the context's dateOrder, 20240105), Date cells from
 * getValues (read in the spreadsheet's time zone) and Sheets serial numbers (days since 1899-12-30,
 * https://support.google.com/docs/answer/3092969). Impossible dates (2024-02-30) are rejected. A time
 * written after the date is dropped: the column holds calendar days. The canonical text is 'YYYY-MM-DD'
 * (docs/ARCHITECTURE.md `clean`); Date cells are already dates and are never rewritten. Display 'yyyy-mm-dd' for
 * every locale: the same text cleanup writes, unambiguous in English and Chinese, sortable.
 * Validation { kind: 'date' } (requireDate).
 *
 * dateTime: the date forms plus a time (14:30, 2:30 PM, 下午2:30, 14点30分, ISO with Z or an offset,
 * converted to the spreadsheet's time zone); a date alone is midnight. Typed value 'YYYY-MM-DDTHH:mm',
 * canonical text 'YYYY-MM-DD HH:mm' (what Sheets reads back as a date-time), display 'yyyy-mm-dd hh:mm'.
 */
import { defineType, fail } from './define';
import { pad2, ymd } from './calendar';
import { parseDateTimeCell } from './datetext';
import type { DateTimeParts } from './datetext';
import type { FieldTypeId, IssueCode, ParseResult, TypedValue } from './types';

function dateValue(p: DateTimeParts): TypedValue {
  return { kind: 'date', value: ymd(p.y, p.m, p.d) };
}
function dateTimeValue(p: DateTimeParts): TypedValue {
  return { kind: 'dateTime', value: `${ymd(p.y, p.m, p.d)}T${pad2(p.hh)}:${pad2(p.mm)}` };
}

function makeDate(id: FieldTypeId, code: IssueCode) {
  return defineType({
    id,
    parseValue(raw, ctx): ParseResult {
      if (typeof raw === 'boolean') return fail(code);
      const p = parseDateTimeCell(raw, ctx);
      return p ? { ok: true, value: dateValue(p) } : fail(code);
    },
    canonical: (v, raw) => (raw instanceof Date || v.kind !== 'date' ? null : v.value),
    numberFormat: () => 'yyyy-mm-dd',
    validation: () => ({ kind: 'date' }),
  });
}

function makeDateTime(id: FieldTypeId, code: IssueCode) {
  return defineType({
    id,
    parseValue(raw, ctx): ParseResult {
      if (typeof raw === 'boolean') return fail(code);
      const p = parseDateTimeCell(raw, ctx);
      return p ? { ok: true, value: dateTimeValue(p) } : fail(code);
    },
    canonical: (v, raw) => (raw instanceof Date || v.kind !== 'dateTime' ? null : v.value.replace('T', ' ')),
    numberFormat: () => 'yyyy-mm-dd hh:mm',
    validation: () => ({ kind: 'date' }),
  });
}

export const date = makeDate('date', 'invalidDate');
export const dateTime = makeDateTime('dateTime', 'invalidDateTime');
/** Auto types: written by the add-on (created/updated as date-times, stage since as a date). */
export const created = makeDateTime('created', 'invalidDateTime');
export const updated = makeDateTime('updated', 'invalidDateTime');
export const stageSince = makeDate('stageSince', 'invalidDate');
