/**
 * Stage history: every stage change appends one row (client ID, from, to, when, owner at that time) to a
 * hidden sheet of ours, one per table (core/funnel/workbook.ts historySheetName: the Funnel sheet reads
 * it), found by its name and marked with the table's sheet id in developer metadata. A pasted block of stage changes is one write. Only appended:
 * a history the user unhid and edited keeps their rows, and ours go below the last row with content. A
 * deleted history sheet is made again (hidden) at the next change.
 * Ref: https://developers.google.com/apps-script/reference/spreadsheet/sheet#getLastRow()
 * Ref: https://developers.google.com/apps-script/reference/spreadsheet/sheet#hideSheet()
 */
import { t, type Locale } from '../../core/i18n';
import type { CellValue } from '../../core/fields/types';
import { HISTORY_SHEET_KEY, historySheetName } from '../../core/funnel/workbook';

export interface HistoryRow { id: string; from: string; to: string; when: Date; owner: CellValue }

/** `table`: the sheet the person is on; activated again after a new history sheet is made (insertSheet
 * activates the sheet it inserts: https://developers.google.com/apps-script/reference/spreadsheet/spreadsheet#insertSheet(String)). */
export function appendHistory(ss: GoogleAppsScript.Spreadsheet.Spreadsheet, table: GoogleAppsScript.Spreadsheet.Sheet, rows: readonly HistoryRow[], locale: () => Locale, tableId?: number): void {
  if (rows.length === 0) return;
  const id = tableId ?? table.getSheetId();
  const name = historySheetName(id);
  let sheet = ss.getSheetByName(name);
  let last: number;
  if (!sheet) {
    const loc = locale();
    sheet = ss.insertSheet(name);
    // Five columns, not the new sheet's default 26: every row of a long history (and its spare rows)
    // would otherwise hold 26 cells of the spreadsheet's 10-million-cell limit.
    // Ref: https://developers.google.com/apps-script/reference/spreadsheet/sheet#deleteColumns(Integer,Integer)
    const columns = sheet.getMaxColumns();
    if (columns > 5) sheet.deleteColumns(6, columns - 5);
    // Ref: https://developers.google.com/apps-script/reference/spreadsheet/sheet#addDeveloperMetadata(String,String)
    sheet.addDeveloperMetadata(HISTORY_SHEET_KEY, String(id));
    sheet.getRange(1, 1, 1, 5).setValues([[t(loc, 'edit.history.id'), t(loc, 'edit.history.from'), t(loc, 'edit.history.to'), t(loc, 'edit.history.when'), t(loc, 'edit.history.owner')]]);
    // Made with room for these rows and as many again (see spareRows), all formatted at once.
    const max = sheet.getMaxRows();
    const want = 1 + rows.length + spareRows(1 + rows.length);
    if (want > max) sheet.insertRowsAfter(max, want - max);
    formatRows(sheet, 2, Math.max(want, max) - 1);
    sheet.hideSheet();
    table.activate();
    last = 1;
  } else {
    last = Math.max(sheet.getLastRow(), 1);
  }
  const values = rows.map((r) => [r.id, r.from, r.to, r.when, typeof r.owner === 'string' ? r.owner : String(r.owner ?? '')]);
  let range: GoogleAppsScript.Spreadsheet.Range;
  try {
    range = sheet.getRange(last + 1, 1, rows.length, 5);
  } catch {
    // Past the sheet's end: grow it, then write. The rows below the last one with content are blank
    // (getLastRow), so the new rows go right after it: no getMaxRows needed, and the sheet then holds
    // these rows plus the spare (the blank rows that were there move down, formats and all). Only the
    // inserted rows need the text and date formats.
    // Ref: https://developers.google.com/apps-script/reference/spreadsheet/sheet#insertRowsAfter(Integer,Integer)
    const add = rows.length + spareRows(last + rows.length);
    sheet.insertRowsAfter(last, add);
    formatRows(sheet, last + 1, add);
    range = sheet.getRange(last + 1, 1, rows.length, 5);
  }
  range.setValues(values);
}

/**
 * Blank rows kept ahead when the history sheet is made or grown: as many as it will then hold (at least
 * 1,000, at most 10,000), so growing (four more calls) is rare — a history that doubles each time is
 * grown O(log n) times — while the spare cells stay small beside the spreadsheet's 10-million-cell limit.
 */
function spareRows(used: number): number {
  return Math.min(Math.max(used, 1000), 10_000);
}

/** Text stays text (an ID, a stage or an owner that looks like a number or a formula); the date is a date. */
function formatRows(sheet: GoogleAppsScript.Spreadsheet.Sheet, first: number, count: number): void {
  if (count <= 0) return;
  sheet.getRange(first, 1, count, 5).setNumberFormats(Array.from({ length: count }, () => ['@', '@', '@', 'yyyy-mm-dd hh:mm', '@']));
}
