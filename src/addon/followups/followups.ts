/**
 * Follow-ups of the active table: the columns they need (next follow-up, last contact, stage, who)
 * read in one batched getValues over the smallest span holding them, computed by core/followups with
 * the clock of this call and the spreadsheet's time zone. Nothing is written.
 */
import { computeFollowUps, followUpColumns, followUpSummary, staleTitle, type FollowUp } from '../../core/followups';
import { fieldType } from '../../core/fields';
import type { CellValue } from '../../core/fields/types';
import { t, type Locale } from '../../core/i18n';
import type { FollowUpsView } from '../../core/api/check';
import { requireConfigOrNull } from '../config/store';
import { readLayout, noTableHere, requireTableSheet } from '../sheet/table';

export function followUps(locale: Locale, now: Date = new Date()): FollowUpsView {
  const schema = requireConfigOrNull();
  if (!schema) throw noTableHere('setup.validate.noTable');
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const sheet = requireTableSheet(ss, schema);
  const headerRow = schema.location?.headerRow ?? 1;
  const { layout } = readLayout(sheet, schema, headerRow);
  const cols = followUpColumns(schema, layout);
  const n = sheet.getLastRow() - headerRow;
  const first = cols.length ? Math.min(...cols) : 1;
  const last = cols.length ? Math.max(...cols) : 1;
  const rows = n > 0 && cols.length ? (sheet.getRange(headerRow + 1, first, n, last - first + 1).getValues() as CellValue[][]) : [];
  const res = computeFollowUps({ schema, layout, rows, firstRow: headerRow + 1, firstColumn: first, now, timeZone: ss.getSpreadsheetTimeZone(), types: fieldType });
  const label = (f: FollowUp) => t(locale, `followups.item.${f.kind}`, { name: f.name || t(locale, 'followups.unnamed', { row: f.row }), date: f.date, days: f.days });
  const view = (list: FollowUp[]) => list.map((f) => ({ ...f, label: label(f) }));
  const summary = followUpSummary(locale, res);
  const missing = res.missing.map((m) => t(locale, `followups.missing.${m}`));
  return {
    today: res.today,
    staleDays: res.staleDays,
    staleByStage: res.staleByStage,
    staleTitle: staleTitle(locale, res),
    overdue: view(res.overdue),
    due: view(res.due),
    stale: view(res.stale),
    message: [...missing, summary].join(' '),
  };
}
