/**
 * The client form: the table's fields with the selected row's shown values (one getDisplayValues), and
 * the save: the user fields of one row written in one setValues over the table's span (auto columns
 * keep what they hold), then the same handler as onEdit runs on that row, because writes made by
 * scripts fire no onEdit: IDs, stamps, flags and the stage history come from the one path.
 * Ref: https://developers.google.com/apps-script/guides/triggers#onedite (script writes fire no onEdit)
 */
import { AUTO_TYPES } from '../../core/fields/types';
import { FLAG_MARK, issueText } from '../../core/edit/flags';
import { t, type Locale } from '../../core/i18n';
import { a1 } from '../../core/table/a1';
import { tableSpan } from '../../core/setup/rules';
import { requireConfigOrNull } from '../config/store';
import { handleEdit, type EditChecks } from '../edit/autofill';
import { UserError } from '../runtime/errors';
import { readLayout, noTableHere, requireTableSheet } from '../sheet/table';

const AUTO = new Set<string>(AUTO_TYPES);

function table() {
  const schema = requireConfigOrNull();
  if (!schema) throw noTableHere('setup.validate.noTable');
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const sheet = requireTableSheet(ss, schema);
  const headerRow = schema.location?.headerRow ?? 1;
  const { layout } = readLayout(sheet, schema, headerRow);
  if (Object.keys(layout.columns).length === 0) throw new UserError('setup.error.noHeader', { sheet: sheet.getName() });
  return { ss, schema, sheet, headerRow, layout, span: tableSpan(layout) };
}

export function clientForm(): { row: number | null; fields: Array<{ key: string; header: string; type: string; required: boolean; auto: boolean; options: Array<{ label: string; color: string }>; value: string }> } {
  const { ss, schema, sheet, headerRow, layout, span } = table();
  const active = ss.getActiveRange();
  const onTable = active !== null && active.getSheet().getSheetId() === sheet.getSheetId();
  const row = onTable && active.getRow() > headerRow && active.getRow() <= sheet.getLastRow() ? active.getRow() : null;
  const shown = row === null ? [] : (sheet.getRange(row, span.first, 1, span.last - span.first + 1).getDisplayValues()[0] ?? []);
  return {
    row,
    fields: schema.fields
      .filter((f) => layout.columns[f.key] !== undefined)
      .map((f) => ({
        key: f.key,
        header: f.header,
        type: f.type,
        required: f.required === true,
        auto: AUTO.has(f.type),
        options: (f.options ?? []).map((o) => ({ label: o.label, color: o.color })),
        value: String(shown[(layout.columns[f.key] as number) - span.first] ?? ''),
      })),
  };
}

/**
 * Text Sheets would read as a formula is written as text: a plain-text ('@') cell keeps what is written
 * as it is (an apostrophe would stay part of the value there); any other cell gets the quote prefix.
 */
function asCell(v: string | boolean, format: string): string | boolean {
  if (typeof v === 'boolean' || format === '@') return v;
  return /^[=+\-@]/.test(v) ? `'${v}` : v;
}

export function saveClientForm(locale: Locale, row: number | null, values: Record<string, string | boolean>): { row: number; a1: string; message: string; issues: Array<{ header: string; message: string }> } {
  const { ss, schema, sheet, headerRow, layout, span } = table();
  const target = row ?? Math.max(sheet.getLastRow(), headerRow) + 1;
  if (target <= headerRow) throw new UserError('setup.validate.noTable');
  const width = span.last - span.first + 1;
  const range = sheet.getRange(target, span.first, 1, width);
  const current = row === null ? new Array<unknown>(width).fill('') : ((range.getValues()[0] ?? []) as unknown[]);
  const next = current.map((v) => v as string | number | boolean | Date);
  const formats = range.getNumberFormats()[0] ?? [];
  for (const f of schema.fields) {
    const c = layout.columns[f.key];
    if (c === undefined || AUTO.has(f.type) || !(f.key in values)) continue;
    next[c - span.first] = asCell(values[f.key] as string | boolean, String(formats[c - span.first] ?? ''));
  }
  range.setValues([next]);
  // The one path of every edit: as a paste of this row (no value/oldValue), in this execution's mode.
  // The endpoint holds the document lock around the whole save (serveChange): the edit path's ID
  // reservation runs under it rather than taking and releasing it itself.
  // The issues come from the edit's checks, in the user's language (the notes it writes are in the
  // table's, for everyone who shares it); from the row's notes when the checks were skipped.
  let checked: EditChecks | null = null;
  handleEdit({ authMode: ScriptApp.AuthMode.FULL, range, source: ss, user: Session.getActiveUser(), triggerUid: '' } as unknown as GoogleAppsScript.Events.SheetsOnEdit, true, (c) => { checked = c; });
  const got = checked as EditChecks | null;
  const cells = got?.checks[0];
  const notes = cells ? [] : range.getNotes()[0] ?? [];
  const issues = schema.fields
    .filter((f) => layout.columns[f.key] !== undefined)
    .map((f) => {
      const column = layout.columns[f.key] as number;
      if (got && cells) {
        const issue = cells[column - got.spanFirst]?.issue;
        return { header: f.header, message: issue ? issueText(locale, issue) : '' };
      }
      const note = String(notes[column - span.first] ?? '');
      return { header: f.header, message: note.startsWith(FLAG_MARK) ? note.slice(FLAG_MARK.length).trim() : '' };
    })
    .filter((x) => x.message !== '');
  return { row: target, a1: a1(target, span.first), message: t(locale, row === null ? 'form.added' : 'form.saved', { row: target }), issues };
}
