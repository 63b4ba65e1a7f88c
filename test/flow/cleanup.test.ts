/**
 * Cleanup and undo on the built bundle (dist/Code.js) on the emulator, driven as a user would: a messy
 * sheet adopted, "Clean up the table" from the menu, alerts answered, "Undo the last ClientFlow change".
 */
import type { Addon } from '../../dev/harness';
import type { Emulator } from '../../dev/emulator/types';
import { startOn } from './helpers';

const HEADER = ['Name', 'Email', 'Phone', 'Stage', 'Deal value', 'Next follow-up', 'Notes', '身高'];
const DATA: string[][] = [
  HEADER,
  ['张伟', ' ZW@Example.cn', '+1 415 555 0102', 'Lead', 'EUR 5', 'someday', "'=1+1", '=1+2'],
  ['  Ann\u00a0 Lee ', 'MAILTO:Ann@Example.COM', '(415) 555-0100', 'Lead', '$3.5k', '2026/1/5', 'met at the fair', '180'],
  ['Bob\u200b Ray', 'bob@example.com', '415.555.0101', 'Won', '1,200 USD', '2026-01-06', '', '175'],
  ['', ' ', '', '', '', '', '', ''],
  ['Cai Wu', 'cai@example.com', '4155550103', 'Won', '3000', '2026-02-01', 'שלום 👋', '170'],
];

function start(data = DATA, locale: 'en' | 'zh-CN' = 'en') {
  const s = startOn(data, locale);
  s.emu.queueAnswers(['YES', 'OK']);
  expect(s.addon.menu('menuAdopt')).toEqual({ ok: true, result: undefined });
  return s;
}

/** Everything a user sees and cleanup or undo may touch, on every sheet. */
function table(emu: Emulator, name = 'Sheet1') {
  const s = emu.snapshot().sheets.find((x) => x.name === name);
  if (!s) throw new Error(`no sheet ${name}`);
  return { values: s.values, formulas: s.formulas, numberFormats: s.numberFormats, notes: s.notes, backgrounds: s.backgrounds };
}

function cleanUp(emu: Emulator, addon: Addon, answers: string[] = ['YES']) {
  emu.queueAnswers(answers);
  const out = addon.menu('menuCleanUp');
  expect(out).toEqual({ ok: true, result: undefined });
}

describe('menuCleanUp then menuUndo', () => {
  it('asks with counts by kind, cleans, and undo gives back the table exactly', () => {
    const { emu, addon } = start();
    const before = table(emu);
    const alerts0 = emu.alerts.length;
    cleanUp(emu, addon);
    const ask = emu.alerts[alerts0]?.prompt ?? '';
    expect(ask).toMatch(/Emails tidied: 2/);
    expect(ask).toMatch(/Empty rows removed \(archived\): 1/);
    expect(ask).toMatch(/#ERROR! or a sum recovered: 1/);
    expect(ask).toMatch(/Left as they are/);
    const after = table(emu).values;
    // The #ERROR! phone is text now; another currency, a date it cannot read, text that looks like a
    // formula and a formula in a column of the user's own stay as they were.
    expect(after[1]).toEqual(['张伟', 'zw@example.cn', '+14155550102', 'Lead', 'EUR 5', 'someday', '=1+1', 3]);
    expect(table(emu).formulas.flat().filter((f) => f !== '')).toEqual(['=1+2']);
    expect(after[2]?.slice(0, 5)).toEqual(['Ann Lee', 'ann@example.com', '+14155550100', 'Lead', 3500]);
    // The empty row is gone: Cai Wu moved up.
    expect(after[4]?.slice(0, 3)).toEqual(['Cai Wu', 'cai@example.com', '+14155550103']);
    expect(after[4]?.[6]).toBe('שלום 👋');
    expect(after).toHaveLength(5);
    expect(emu.toasts.at(-1)?.message).toMatch(/Cleaned up/);
    // The archive lists the removed row.
    const archive = emu.snapshot().sheets.find((s) => s.name === 'ClientFlow archive');
    expect(archive?.values[1]?.slice(2, 5)).toEqual(['Empty row (cleanup)', 'Sheet1', '5']);

    emu.queueAnswers(['OK']);
    expect(addon.menu('menuUndo')).toEqual({ ok: true, result: undefined });
    expect(table(emu)).toEqual(before);
    expect(emu.snapshot().sheets.find((s) => s.name === 'ClientFlow archive')?.values.slice(1).flat().filter((v) => v !== '')).toEqual([]);
    // Undo twice: nothing left to undo, nothing changes.
    emu.queueAnswers(['OK']);
    addon.menu('menuUndo');
    expect(emu.alerts.at(-1)?.prompt).toMatch(/no ClientFlow change to undo/);
    expect(table(emu)).toEqual(before);
  });

  it('keeps a formula in a plain-text cell a formula, and its format, while cleaning all around it', () => {
    const data = DATA.map((r) => r.slice());
    data[1][6] = 'x  y';
    data[2][6] = '=1+1'; // a formula, in the Notes column that adopting makes plain text
    data[3][6] = ' z';
    const { emu, addon } = start(data);
    const formatsBefore = table(emu).numberFormats;
    cleanUp(emu, addon);
    const t = table(emu);
    expect(t.formulas[2]?.[6]).toBe('=1+1');
    expect(t.values.map((r) => r[6])).toEqual(['Notes', 'x y', 2, 'z', 'שלום 👋']);
    expect(t.numberFormats.map((r) => r[6])).toEqual(formatsBefore.slice(0, 5).map((r) => r[6]));
    emu.queueAnswers(['OK']);
    addon.menu('menuCleanUp');
    expect(emu.alerts.at(-1)?.prompt).toMatch(/nothing to change/);
  });

  it('CANCEL (or closing the question) changes nothing', () => {
    const { emu, addon } = start();
    const before = emu.snapshot();
    cleanUp(emu, addon, ['CANCEL']);
    expect(emu.snapshot().sheets).toEqual(before.sheets);
    cleanUp(emu, addon, ['CLOSE']);
    expect(emu.snapshot().sheets).toEqual(before.sheets);
  });
});
