/**
 * After Clean up the check's marks follow the values: the phones Sheets had turned into #ERROR!, which
 * Check all rows marked red with a note, lose their highlight and note once Clean up recovers them; undo
 * puts the broken values back and highlights them again. The demo table, adopted in an en_US spreadsheet.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import { createEmulator } from '../../dev/emulator';
import { loadAddon } from '../../dev/harness';
import type { Emulator } from '../../dev/emulator/types';

const rows = Papa.parse<string[]>(readFileSync(join(__dirname, '..', '..', 'dev', 'playground', 'demo.csv'), 'utf8'), { skipEmptyLines: true }).data;
const MARK = 'ClientFlow ⚠';

function colNum(letters: string): number {
  let n = 0;
  for (const ch of letters) n = n * 26 + ch.charCodeAt(0) - 64;
  return n;
}

function within(a1: string, range: string): boolean {
  const cell = /^([A-Z]+)(\d+)$/.exec(a1);
  const m = /^([A-Z]+)(\d+)(?::([A-Z]+)(\d+))?$/.exec(range);
  if (!cell || !m) return false;
  const [c, r] = [colNum(cell[1] as string), Number(cell[2])];
  const [c0, r0] = [colNum(m[1] as string), Number(m[2])];
  const [c1, r1] = m[3] ? [colNum(m[3]), Number(m[4])] : [c0, r0];
  return c >= c0 && c <= c1 && r >= r0 && r <= r1;
}

/** Whether the cell is marked broken: inside our highlight rule, or carrying our note. */
function marks(emu: Emulator, a1: string): { highlighted: boolean; note: boolean; value: unknown } {
  const s = emu.snapshot().sheets.find((x) => x.name === 'Sheet1');
  const rule = s?.conditionalFormats.find((r) => String(r.condition.args[0]).includes('clientflow:invalid'));
  const cell = emu.view('Sheet1', a1)[0]?.[0];
  return { highlighted: (rule?.ranges ?? []).some((r) => within(a1, r)), note: (cell?.note ?? '').startsWith(MARK), value: cell?.value };
}

it('unmarks the cells Clean up mends, and undo highlights them again', () => {
  const emu = createEmulator({ userLocale: 'en', spreadsheetLocale: 'en_US', timeZone: 'America/New_York' });
  emu.loadRows(rows);
  const addon = loadAddon(emu);
  emu.queueAnswers(['YES', 'OK']);
  addon.menu('menuAdopt');
  emu.queueAnswers(['OK']);
  expect(addon.menu('menuValidateAll').ok).toBe(true);
  // E5: '+86 187 9272 8087' typed into a cell Sheets read as a formula; E6: 'unknown', nobody can mend.
  expect(marks(emu, 'E5')).toEqual({ highlighted: true, note: true, value: '#ERROR!' });
  expect(marks(emu, 'E6')).toMatchObject({ highlighted: true, note: true });

  emu.queueAnswers(['YES']);
  addon.menu('menuCleanUp');
  expect(marks(emu, 'E5')).toEqual({ highlighted: false, note: false, value: '+8618792728087' });
  expect(marks(emu, 'E6')).toMatchObject({ highlighted: true, note: true, value: 'unknown' });

  // Undo: the value is broken again and highlighted again (its note comes back with the next check).
  emu.queueAnswers(['OK']);
  addon.menu('menuUndo');
  expect(marks(emu, 'E5')).toMatchObject({ highlighted: true, value: '#ERROR!' });
  expect(marks(emu, 'E6')).toMatchObject({ highlighted: true, note: true, value: 'unknown' });
  expect(addon.errors).toEqual([]);
});
