/**
 * Plain data must not go through the formula engine: the bench loads up to 10M cells. This measures
 * 100k rows × 20 columns through loadRows, then getValues / setValues on the whole block (cpu time).
 */
import { createEmulator } from '../../dev/emulator';

const cpu = (f: () => void): number => {
  const a = process.cpuUsage();
  f();
  const b = process.cpuUsage(a);
  return (b.user + b.system) / 1000;
};

test('100k × 20: getValues well under a second; counted as one call and 2M cells', () => {
  const emu = createEmulator();
  const rows: string[][] = [];
  for (let i = 0; i < 100_000; i++) {
    const r: string[] = [`Client ${i}`, `c${i}@example.com`, `138 0013 ${i}`, '2024-01-05', String(i * 3), '¥1,200'];
    for (let c = 6; c < 20; c++) r.push(`v${c}-${i % 97}`);
    rows.push(r);
  }
  const load = cpu(() => emu.loadRows(rows));
  const app = (emu.globals as { SpreadsheetApp: GoogleAppsScript.Spreadsheet.SpreadsheetApp }).SpreadsheetApp;
  const range = app.getActiveSheet().getRange(1, 1, 100_000, 20);
  emu.resetStats();
  let values: unknown[][] = [];
  const read = Math.min(cpu(() => (values = range.getValues())), cpu(() => (values = range.getValues())));
  const write = cpu(() => range.setValues(values));
  const writeText = cpu(() => range.setValues(rows));
  // eslint-disable-next-line no-console
  console.log(`100k×20 cpu ms: loadRows ${load.toFixed(0)}, getValues ${read.toFixed(0)}, setValues(values) ${write.toFixed(0)}, setValues(strings) ${writeText.toFixed(0)}`);
  expect(values[99_999]?.[0]).toBe('Client 99999');
  expect(values[5]?.[3]).toBeInstanceOf(Date);
  expect(values[5]?.[5]).toBe(1200);
  expect(read).toBeLessThan(1000);
  const s = emu.stats();
  expect(s.byMethod['Range.getValues']).toBe(2);
  expect(s.cellsRead).toBe(4_000_000);
  expect(s.cellsWritten).toBe(4_000_000);
});
