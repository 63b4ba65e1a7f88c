/**
 * Atomic cleanup and undo, proven by fault injection on the built bundle: the 6-minute limit strikes at
 * every service call of menuCleanUp and of menuUndo in turn; the table is then either as it was or fully
 * changed, never half, and a later undo or cleanup finishes the job.
 */
import type { Emulator } from '../../dev/emulator/types';
import { startOn } from './helpers';

const DATA: string[][] = [
  ['Name', 'Email', 'Phone', 'Stage', 'Deal value', 'Notes'],
  ['张伟', ' ZW@Example.cn', '+1 415 555 0102', 'Lead', '$5', 'x'],
  ['  Ann\u00a0 Lee ', 'MAILTO:Ann@Example.COM', '(415) 555-0100', 'lead', '$3.5k', '=1+1'],
  ['', ' ', '', '', '', ''],
  ['Bob\u200b Ray', 'bob@example.com', '415.555.0101', 'Won', '1,200 USD', ''],
  ['Cai Wu', 'cai@example.com', '4155550103', 'won', '3000', 'שלום 👋'],
];

function table(emu: Emulator) {
  const s = emu.snapshot().sheets.find((x) => x.name === 'Sheet1');
  if (!s) throw new Error('no Sheet1');
  return { values: s.values, formulas: s.formulas, numberFormats: s.numberFormats };
}

/**
 * The same table without the phone Sheets turned into #ERROR!: that cell sits in a plain-text cell once
 * adopted, and putting its formula back takes a setFormula of its own after undo's setValues (see the
 * last test).
 */
const DATA_NO_ERROR = DATA.map((r) => r.map((v) => (v === '+1 415 555 0102' ? '4155550102' : v)));

/**
 * Whole: the same values and formulas. (A formula kept in a plain-text cell has its number format
 * flipped to automatic just around the one write; the test after each case checks that undo then gives
 * back every format too.)
 */
function same(a: ReturnType<typeof table>, b: ReturnType<typeof table>): boolean {
  return JSON.stringify([a.values, a.formulas]) === JSON.stringify([b.values, b.formulas]);
}

function adopted(data = DATA) {
  const s = startOn(data, 'en');
  s.emu.queueAnswers(['YES', 'OK']);
  s.addon.menu('menuAdopt');
  return s;
}

function cleanUp(s: ReturnType<typeof adopted>) {
  s.emu.queueAnswers(['YES']);
  return s.addon.menu('menuCleanUp');
}

function undo(s: ReturnType<typeof adopted>, answers = ['YES', 'OK']) {
  s.emu.queueAnswers(answers);
  return s.addon.menu('menuUndo');
}

/** The table before and after a whole cleanup, and the calls each action makes. */
function reference(data = DATA) {
  const s = adopted(data);
  const before = table(s.emu);
  const c0 = s.emu.stats().total;
  cleanUp(s);
  const cleanCalls = s.emu.stats().total - c0;
  const after = table(s.emu);
  const u0 = s.emu.stats().total;
  undo(s);
  const undoCalls = s.emu.stats().total - u0;
  expect(table(s.emu)).toEqual(before);
  return { before, after, cleanCalls, undoCalls };
}

describe('fault injection at every service call', () => {
  const ref = reference();

  it('changes something, with a handful of calls', () => {
    expect(ref.after).not.toEqual(ref.before);
    expect(ref.cleanCalls).toBeGreaterThan(10);
    expect(ref.undoCalls).toBeGreaterThan(5);
  });

  it('cleanup: the table is as it was or fully cleaned, and undo then gives back the original', () => {
    for (let n = 1; n <= ref.cleanCalls; n++) {
      const s = adopted();
      s.emu.failAfterCalls(n);
      cleanUp(s);
      const now = table(s.emu);
      const whole = same(now, ref.before) || same(now, ref.after);
      if (!whole) throw new Error(`half-cleaned table after the limit struck at call ${n}: ${JSON.stringify(now.values)}`);
      undo(s);
      expect(table(s.emu)).toEqual(ref.before);
    }
  });

  it('undo: the table is cleaned or fully restored, and a second undo finishes it', () => {
    const ref = reference(DATA_NO_ERROR);
    for (let n = 1; n <= ref.undoCalls; n++) {
      const s = adopted(DATA_NO_ERROR);
      cleanUp(s);
      expect(same(table(s.emu), ref.after)).toBe(true);
      s.emu.failAfterCalls(n);
      undo(s);
      const now = table(s.emu);
      const whole = same(now, ref.before) || same(now, ref.after);
      if (!whole) throw new Error(`half-undone table after the limit struck at call ${n}: ${JSON.stringify(now.values)}`);
      undo(s);
      expect(table(s.emu)).toEqual(ref.before);
    }
  });

  it('undo of a recovered #ERROR! phone (a formula back into a plain-text cell) is whole too', () => {
    for (let n = 1; n <= ref.undoCalls; n++) {
      const s = adopted();
      cleanUp(s);
      s.emu.failAfterCalls(n);
      undo(s);
      const now = table(s.emu);
      if (!same(now, ref.before) && !same(now, ref.after)) throw new Error(`half-undone table after the limit struck at call ${n}: ${JSON.stringify(now.values)}`);
      undo(s);
      expect(table(s.emu)).toEqual(ref.before);
    }
  });
});
