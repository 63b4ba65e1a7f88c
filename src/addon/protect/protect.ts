/**
 * Protected columns on the sheet: one range protection per protected column, from the row below the
 * header to the sheet's last row, described so that we find ours again (in either language) and set-up
 * (which replaces only its own header protection) leaves them alone.
 *
 * 'warning' mode: Protection.setWarningOnly(true): anyone may edit after Sheets' warning.
 * 'editors' mode: the effective user is added first (so removing the others cannot lock the script
 * out), then every other editor removed, the named ones added, and domain-wide editing turned off; the
 * owner can always edit. Ref: https://developers.google.com/apps-script/reference/spreadsheet/protection
 * (the class example does exactly this: addEditor(Session.getEffectiveUser()), removeEditors(getEditors()),
 * setDomainEdit(false) when canDomainEdit()). The emails are not read back from Session: that needs
 * the email scope, which the add-on does not ask for.
 * Calls: O(protected columns + existing range protections), never per row.
 */
import { t, type Locale, joinList } from '../../core/i18n';
import { columnLetter } from '../../core/fields/util';
import { isProtectedColumnDescription, readProtectSetting, protectProps, type ProtectSetting, type TableColumn } from '../../core/protect';
import type { TableSchema } from '../../core/schema';
import { readProps, requireConfigOrNull } from '../config/store';
import { readLayout, noTableHere, requireTableSheet } from '../sheet/table';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

export interface TableContext {
  schema: TableSchema;
  sheet: Sheet;
  headerRow: number;
  columns: TableColumn[];
}

/** The configured table, its sheet and its columns in sheet order; a UserError when there is none. */
export function tableContext(): TableContext {
  const schema = requireConfigOrNull();
  if (!schema || !schema.location) throw noTableHere('backup.noTable');
  const sheet = requireTableSheet(SpreadsheetApp.getActiveSpreadsheet(), schema);
  const headerRow = schema.location.headerRow;
  const { layout } = readLayout(sheet, schema, headerRow);
  const columns = schema.fields
    .filter((f) => layout.columns[f.key] !== undefined)
    .map((f) => ({ key: f.key, header: f.header, column: layout.columns[f.key] as number }))
    .sort((a, b) => a.column - b.column);
  return { schema, sheet, headerRow, columns };
}

export function currentSetting(): ProtectSetting {
  return readProtectSetting(readProps());
}

/** Replaces our column protections on the table's sheet with those `setting` asks for. */
export function applyProtection(ctx: TableContext, setting: ProtectSetting, locale: Locale): number {
  const { sheet } = ctx;
  for (const p of sheet.getProtections(SpreadsheetApp.ProtectionType.RANGE)) {
    if (isProtectedColumnDescription(p.getDescription())) p.remove();
  }
  const chosen = ctx.columns.filter((c) => setting.columns.includes(c.key));
  if (chosen.length === 0) return 0;
  const maxRows = sheet.getMaxRows();
  const firstRow = ctx.headerRow + 1;
  if (firstRow > maxRows) return 0;
  const me = setting.mode === 'editors' ? Session.getEffectiveUser() : null;
  for (const c of chosen) {
    const letter = columnLetter(c.column);
    const p = sheet
      .getRange(`${letter}${firstRow}:${letter}${maxRows}`)
      .protect()
      .setDescription(t(locale, 'protect.description', { header: c.header }));
    if (setting.mode === 'warning') {
      p.setWarningOnly(true);
    } else if (me) {
      p.addEditor(me);
      p.removeEditors(p.getEditors());
      if (setting.editors.length > 0) p.addEditors(setting.editors);
      if (p.canDomainEdit()) p.setDomainEdit(false);
    }
  }
  return chosen.length;
}

/** Saves the setting and applies it; returns the translated summary. */
export function saveProtection(ctx: TableContext, setting: ProtectSetting, locale: Locale): string {
  const known = new Set(ctx.columns.map((c) => c.key));
  const clean: ProtectSetting = { ...setting, columns: setting.columns.filter((k) => known.has(k)) };
  applyProtection(ctx, clean, locale);
  PropertiesService.getDocumentProperties().setProperties(protectProps(clean), false);
  return summary(ctx, clean, locale);
}

export function summary(ctx: TableContext, s: ProtectSetting, locale: Locale): string {
  const names = ctx.columns.filter((c) => s.columns.includes(c.key)).map((c) => `${columnLetter(c.column)} ${c.header}`);
  if (names.length === 0) return t(locale, 'protect.done.none');
  const columns = joinList(locale, names);
  const head =
    s.mode === 'editors' && s.editors.length > 0
      ? t(locale, 'protect.done.editors', { columns, editors: joinList(locale, s.editors) })
      : s.mode === 'editors'
        ? t(locale, 'protect.done.editors', { columns, editors: '—' })
        : t(locale, 'protect.done.warning', { columns });
  return `${head}\n${t(locale, 'protect.note')}`;
}
