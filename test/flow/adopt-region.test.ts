/**
 * A first adopt reads phones in the region the sheet's own numbers speak: Chinese mobiles written
 * without +86 in an en_US spreadsheet are Chinese numbers, not broken US ones. Built bundle, emulator.
 */
import { createEmulator } from '../../dev/emulator';
import { loadAddon } from '../../dev/harness';

const MOBILES = ['138 0013 8000', '139-0013-9000', '13700137000', '158 0015 8000', '136 0013 6000', '135-0013-5000', '134 0013 4000', '150 0015 0000'];

function adoptSheet(phones: string[]): string {
  const emu = createEmulator({ userLocale: 'en', spreadsheetLocale: 'en_US' });
  emu.loadRows([['Name', 'Phone'], ...phones.map((p, i) => [`Client ${i + 1}`, p])]);
  const addon = loadAddon(emu);
  emu.queueAnswers(['YES']);
  expect(addon.menu('menuAdopt')).toEqual({ ok: true, result: undefined });
  return emu.alerts.map((a) => a.prompt).join('\n');
}

describe('adopt: the phone region', () => {
  it('reads Chinese mobiles in an en_US spreadsheet as Chinese numbers (no misfits)', () => {
    const text = adoptSheet(MOBILES);
    expect(text).toMatch(/Phone → Phone, phone/);
    expect(text).not.toMatch(/don't fit/);
  });

  it('keeps the locale region when the numbers are its own (a broken one is still reported)', () => {
    const text = adoptSheet(['(415) 555-0132', '212-555-0199', '+1 646 555 0100', '(312) 555-0147', '415.555.0111', '13800']);
    expect(text).toMatch(/1 cell doesn't fit|B7/);
  });
});
