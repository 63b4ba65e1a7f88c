/**
 * Plain data must not go through the formula engine: the bench loads up to 10M cells. This measures
 * 100k rows × 20 columns through loadRows, then getValues / setValues on the whole block. Speed is the
 * bench's business (npm run bench); this checks the values and the counting.
 */
import { createEmulator } from '../../dev/emulator';


test('100k × 20: whole-block reads and writes are one call each, counted per cell (speed: npm run bench)', () => {
  const emu = createEmulator();
  const rows: string[][] = [];
  for (let i = 0; i < 100_000; i++) {
    const r: string[] = [`Client ${i}`, `c${i}@example.com`, `138 0013 ${i}`, '2024-01-05', String(i * 3), '¥1,200'];
    for (let c = 6; c < 20; c++) r.push(`v${c}-${i % 97}`);
    rows.push(r);
  }
  emu.loadRows(rows);
  const app = (emu.globals as { SpreadsheetApp: GoogleAppsScript.Spreadsheet.SpreadsheetApp }).SpreadsheetApp;
  const range = app.getActiveSheet().getRange(1, 1, 100_000, 20);
  emu.resetStats();
  range.getValues();
  const values = range.getValues();
  range.setValues(values);
  range.setValues(rows);
  expect(values[99_999]?.[0]).toBe('Client 99999');
  expect(values[5]?.[3]).toBeInstanceOf(Date);
  expect(values[5]?.[5]).toBe(1200);
  const s = emu.stats();
  expect(s.byMethod['Range.getValues']).toBe(2);
  expect(s.cellsRead).toBe(4_000_000);
  expect(s.cellsWritten).toBe(4_000_000);
});
