/**
 * Validate-all: the whole table in one batched getValues, every cell parsed with its field type.
 * Broken cells are highlighted without touching any value: one conditional-format rule of ours
 * ('clientflow:invalid', light red, first in precedence) over the broken cells (runs merged), next to
 * Sheets' own red corner that warning-mode data validation shows on invalid cells. The highlight is
 * replaced at the next check (or set-up). Required-but-empty cells are shown by the set-up's
 * 'required' rule, which follows edits live.
 */
import { issueMessage } from '../../core/fields';
import { t, type Locale } from '../../core/i18n';
import { a1 } from '../../core/table/a1';
import { INVALID_RULE_KINDS, markedFormula, RULE_COLORS, tableSpan } from '../../core/setup/rules';
import { highlightRanges, validateRows } from '../../core/check/validate';
import type { CellValue } from '../../core/fields/types';
import { replaceRules } from '../sheet/apply';
import { allTables, requireConfigOrNull } from '../config/store';
import { UserError } from '../runtime/errors';
import { findTableSheet, readLayout, readTimeZone, requireTableSheet } from '../sheet/table';
import { fieldType } from '../../core/fields';

export interface ValidateReport {
  rows: number;
  count: number;
  cells: Array<{ a1: string; header: string; code: string; message: string }>;
  message: string;
}

export function validateTable(locale: Locale): ValidateReport {
  const schema = requireConfigOrNull();
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  if (!schema) {
    // The active sheet is not a table: say so, naming the tables there are (or the one whose sheet is gone).
    const others = allTables();
    const gone = others.find((o) => findTableSheet(ss, o) === null);
    if (gone) throw new UserError('setup.error.sheetMissing', { sheet: gone.location?.sheetName ?? '' });
    if (others.length > 0) {
      throw new UserError('setup.validate.notThisSheet', { sheet: ss.getActiveSheet().getName(), tables: others.map((o) => o.location?.sheetName ?? '').join(t(locale, 'setup.validate.listSep')) });
    }
    throw new UserError('setup.validate.noTable');
  }
  const timeZone = readTimeZone(ss);
  const sheet = requireTableSheet(ss, schema);
  const headerRow = schema.location?.headerRow ?? 1;
  const { layout, headers } = readLayout(sheet, schema, headerRow);
  if (Object.keys(layout.columns).length === 0) throw new UserError('setup.error.noHeader', { sheet: sheet.getName() });
  const lastRow = sheet.getLastRow();
  const span = tableSpan(layout);
  const n = lastRow - headerRow;
  const values = n > 0 ? (sheet.getRange(headerRow + 1, span.first, n, span.last - span.first + 1).getValues() as CellValue[][]) : [];
  const result = validateRows(schema, layout, values, headerRow + 1, span.first, timeZone, fieldType);
  const ranges = highlightRanges(result.issues);
  replaceRules(sheet, ranges.length
    ? [{ kind: 'invalid', ranges, formula: markedFormula('invalid', 'TRUE'), format: RULE_COLORS.invalid }]
    : [], INVALID_RULE_KINDS);
  const cells = result.issues.slice(0, 20).map((i) => ({
    a1: a1(i.row, i.column),
    header: String(headers[i.column - 1] ?? i.key),
    code: i.code,
    message: issueMessage(locale, i.code, i.hint ? { hint: i.hint } : {}),
  }));
  const first = cells.slice(0, 5).map((c) => `${c.a1} (${c.message})`).join(', ');
  const summary = result.issues.length === 0
    ? t(locale, 'setup.validate.ok', { rows: result.rows })
    : t(locale, 'setup.validate.found', { count: result.issues.length, rows: result.rows, cells: first });
  // Columns of the table the sheet no longer has (deleted, or their header renamed beyond recognition):
  // named first, so a deleted required column is not silently skipped.
  const missing = layout.missing
    .map((key) => schema.fields.find((f) => f.key === key))
    .filter((f): f is NonNullable<typeof f> => f !== undefined)
    .map((f) => `"${f.header}"`);
  const sep = locale === 'zh-CN' ? '、' : ', ';
  const message = missing.length ? `${t(locale, 'setup.validate.missing', { columns: missing.join(sep) })}\n\n${summary}` : summary;
  return { rows: result.rows, count: result.issues.length, cells, message };
}
