/**
 * The Adopt panel's fit ("57% of 125 values fit, e.g. E3 …") tells the same cells as adopting then
 * highlights: a column is checked in the preview with the context it will have once adopted (phones in
 * the table's candidate regions, money in its own currency, dates in their day/month order), so the
 * preview neither cries wolf on a valid Chinese mobile in an en_US spreadsheet nor hides an amount in
 * another currency. Runs the built bundle (node build.mjs first).
 */
import type { Addon } from '../../dev/harness';
import { startOn } from './helpers';
import { mappingOfPreview, type AdoptPreview, type AdoptReport } from '../../src/core/api/adopt';

function ok<T>(addon: Addon, fn: string, args: unknown[] = []): T {
  const out = addon.call(fn, args);
  if (!out.ok) throw new Error(`${fn} threw: ${out.error}`);
  const env = out.result as { ok: boolean; data?: unknown; error?: { code: string; message: string } };
  if (!env.ok) throw new Error(`${fn} refused: ${env.error?.code} ${env.error?.message}`);
  return env.data as T;
}

/** Mostly US numbers, some Chinese mobiles written with dashes, yuan amounts with one in dollars. */
const DATA: string[][] = [['Name', 'Phone', 'Deal value', 'Next follow-up']];
for (let i = 0; i < 12; i++) DATA.push([`Client ${i}`, `(415) 555-01${String(10 + i)}`, `¥${1000 + i}`, `2025-0${1 + (i % 9)}-1${i % 10}`]);
DATA.push(['梁涛', '187-3768-0570', '¥2,000', '2025-02-03']);
DATA.push(['Mia Scott', '186-9269-6409', 'USD 14000', '2025-02-04']);
DATA.push(['宋海燕', 'unknown', '待定', 'TBD']);

describe('the Adopt preview checks each column as the adopted table will', () => {
  it('lists as misfits exactly the cells that adopting reports, in an en_US spreadsheet of mixed phones', () => {
    const { addon } = startOn(DATA, 'en');
    const p = ok<AdoptPreview>(addon, 'previewAdopt');
    const phone = p.columns.find((c) => c.header === 'Phone');
    expect(phone).toMatchObject({ type: 'phone', misfitCount: 1, misfits: [{ a1: 'B16', value: 'unknown' }] });
    const money = p.columns.find((c) => c.header === 'Deal value');
    expect(money?.type).toBe('currency');
    const report = ok<AdoptReport>(addon, 'applyAdopt', [mappingOfPreview(p)]);
    const previewed = p.columns.flatMap((c) => c.misfits.map((m) => m.a1)).sort();
    expect(report.cells.map((c) => c.a1).sort()).toEqual(previewed);
    expect(p.columns.reduce((n, c) => n + c.misfitCount, 0)).toBe(report.misfitCount);
  });
});
