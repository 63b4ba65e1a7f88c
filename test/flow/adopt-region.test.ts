/**
 * A first adopt reads phones in the region the sheet's own numbers speak: Chinese mobiles written
 * without +86 in an en_US spreadsheet are Chinese numbers, not broken US ones. Built bundle, emulator.
 */
import { createEmulator } from '../../dev/emulator';
import { loadAddon } from '../../dev/harness';

const MOBILES = ['138 0013 8000', '139-0013-9000', '13700137000', '158 0015 8000', '136 0013 6000', '135-0013-5000', '134 0013 4000', '150 0015 0000'];

/** Adopts a sheet of clients with these phones; returns the final report and the region the table was saved with. */
function adoptSheet(phones: string[]): { report: string; region: string; highlighted: string[] } {
  const emu = createEmulator({ userLocale: 'en', spreadsheetLocale: 'en_US' });
  emu.loadRows([['Name', 'Phone'], ...phones.map((p, i) => [`Client ${i + 1}`, p])]);
  const addon = loadAddon(emu);
  emu.queueAnswers(['YES', 'NO']);
  expect(addon.menu('menuAdopt')).toEqual({ ok: true, result: undefined });
  // The confirmation, the report, then the offer of automatic columns (declined).
  expect(emu.alerts.map((a) => a.title)).toEqual(['Adopt this sheet', 'Adopt this sheet', 'Automatic columns']);
  const state = addon.call('getSetupState') as { ok: true; result: { ok: true; data: { schema: { region: string } } } };
  const highlight = emu.snapshot().sheets[0]?.conditionalFormats.find((r) => JSON.stringify(r.condition).includes('clientflow:invalid'));
  return { report: emu.alerts[1]?.prompt ?? '', region: state.result.data.schema.region, highlighted: highlight?.ranges ?? [] };
}

describe('adopt: the phone region', () => {
  it('reads Chinese mobiles in an en_US spreadsheet as Chinese numbers (no misfits)', () => {
    const r = adoptSheet(MOBILES);
    expect(r.region).toBe('CN');
    expect(r.report.split('\n')).toEqual(['Adopted 2 columns of "Sheet1": validation, formats and colors are on.', 'Every value fits its column.']);
    expect(r.highlighted).toEqual([]);
  });

  it('keeps the locale region when the numbers are its own (a broken one is still reported)', () => {
    const r = adoptSheet(['(415) 555-0132', '212-555-0199', '+1 646 555 0100', '(312) 555-0147', '415.555.0111', '13800']);
    expect(r.region).toBe('US');
    // '+1 646 555 0100' typed into Sheets is a formula Sheets cannot compute (#ERROR!): a bad cell too,
    // reported and highlighted like the broken number (the same cells Check reports), and kept as it is.
    expect(r.report).toContain("2 cells don't fit their column: B4, B7.");
    expect(r.report).toContain('1 cell holds a formula; it was kept as it is.');
    expect(r.highlighted).toEqual(['B4', 'B7']);
  });
});
