/**
 * Protected columns on the built bundle (dist/Code.js) on the emulator: "Protect columns…" from the
 * menu (prompts answered) and from the sidebar; what a person who is not the owner can then do.
 * Run `node build.mjs` first.
 */
import type { Addon } from '../../dev/harness';
import type { Emulator } from '../../dev/emulator/types';
import type { EmulatorExt } from '../../dev/emulator';
import { startOn } from './helpers';

const DATA: string[][] = [
  ['Name', 'Email', 'Stage', 'Deal value'],
  ['Ann Lee', 'ann@example.com', 'Lead', '1200'],
  ['Bob Ray', 'bob@example.com', 'Won', '3500'],
];

function adopted(locale: 'en' | 'zh-CN' = 'en'): { emu: Emulator; addon: Addon } {
  const { emu, addon } = startOn(DATA, locale);
  emu.queueAnswers(['YES']);
  expect(addon.menu('menuAdopt')).toEqual({ ok: true, result: undefined });
  return { emu, addon };
}

const ours = (emu: Emulator) =>
  (emu.snapshot().sheets[0]?.protections ?? []).filter((p) => /ClientFlow\)|ClientFlow）/.test(p.description));
const lastAlert = (emu: Emulator) => emu.alerts[emu.alerts.length - 1]?.prompt ?? '';

describe('Protect columns', () => {
  it('with a warning: the chosen column below the header, warning only; an editor can still change it', () => {
    const { emu, addon } = adopted();
    emu.queueAnswers(['Deal value', '', 'OK']);
    expect(addon.menu('menuProtectColumns')).toEqual({ ok: true, result: undefined });
    const ask = emu.alerts.find((a) => /Type the columns to protect/.test(a.prompt));
    expect(ask?.prompt).toMatch(/D {2}Deal value/);
    expect(ours(emu)).toEqual([
      { range: expect.stringMatching(/^D2:D\d+$/), description: 'Protected column (ClientFlow): Deal value', warningOnly: true },
    ]);
    expect(lastAlert(emu)).toMatch(/Protected with a warning: D Deal value/);
    expect(lastAlert(emu)).toMatch(/Sheets cannot hide these columns/);
    (emu as unknown as EmulatorExt).setUser({ email: 'editor@example.com', role: 'editor' });
    expect(() => emu.personEdit({ kind: 'type', a1: 'D2', value: '5' })).not.toThrow();
    expect(addon.errors).toEqual([]);
  });

  it('for named editors: not warning-only, so another editor is refused by Sheets; the owner is not', () => {
    const { emu, addon } = adopted();
    emu.queueAnswers(['D, email', 'boss@example.com', 'OK']);
    addon.menu('menuProtectColumns');
    const p = ours(emu);
    expect(p.map((x) => x.description)).toEqual(['Protected column (ClientFlow): Email', 'Protected column (ClientFlow): Deal value']);
    expect(p.every((x) => !x.warningOnly)).toBe(true);
    expect(lastAlert(emu)).toMatch(/Only boss@example.com \(and the owner\) may change them/);
    expect(() => emu.personEdit({ kind: 'type', a1: 'D3', value: '1' })).not.toThrow(); // the owner
    (emu as unknown as EmulatorExt).setUser({ email: 'intern@example.com', role: 'editor' });
    expect(() => emu.personEdit({ kind: 'type', a1: 'D3', value: '2' })).toThrow();
    expect(() => emu.personEdit({ kind: 'type', a1: 'C3', value: 'Lead' })).not.toThrow();
  });

  it('an unknown column or a bad email changes nothing and says which', () => {
    const { emu, addon } = adopted();
    emu.queueAnswers(['Height', 'OK']);
    addon.menu('menuProtectColumns');
    expect(lastAlert(emu)).toMatch(/"Height" is not a column of the table/);
    emu.queueAnswers(['D', 'not-an-email', 'OK']);
    addon.menu('menuProtectColumns');
    expect(lastAlert(emu)).toMatch(/"not-an-email" is not an email address/);
    expect(ours(emu)).toEqual([]);
  });

  it('is replaced (not added to) when saved again, and removed when saved empty', () => {
    const { emu, addon } = adopted();
    emu.queueAnswers(['D', '', 'OK']);
    addon.menu('menuProtectColumns');
    emu.queueAnswers(['A, D', '', 'OK']);
    addon.menu('menuProtectColumns');
    expect(ours(emu).map((p) => p.description)).toEqual([
      'Protected column (ClientFlow): Name',
      'Protected column (ClientFlow): Deal value',
    ]);
    emu.queueAnswers(['', 'OK']);
    addon.menu('menuProtectColumns');
    expect(ours(emu)).toEqual([]);
    expect(lastAlert(emu)).toMatch(/No column of the table is protected now/);
  });

  it('from the sidebar, in Chinese: getProtection then saveProtection', () => {
    const { emu, addon } = adopted('zh-CN');
    const state = addon.call('getProtection') as {
      ok: true;
      result: { ok: true; data: { columns: Array<{ key: string; header: string; letter: string; protected: boolean }> } };
    };
    expect(state.result.ok).toBe(true);
    const deal = state.result.data.columns.find((c) => c.letter === 'D');
    expect(deal).toMatchObject({ header: 'Deal value', protected: false });
    const saved = addon.call('saveProtection', [{ columns: [deal?.key], mode: 'warning', editors: [] }]) as {
      ok: true;
      result: { ok: true; data: { message: string; columns: Array<{ protected: boolean; letter: string }> } };
    };
    expect(saved.result.ok).toBe(true);
    expect(saved.result.data.message).toMatch(/已加警告保护：D Deal value/);
    expect(saved.result.data.columns.find((c) => c.letter === 'D')?.protected).toBe(true);
    expect(ours(emu)[0]?.description).toBe('受保护列（ClientFlow）：Deal value');
    const bad = addon.call('saveProtection', [{ columns: [], mode: 'editors', editors: ['x@'] }]) as {
      ok: true;
      result: { ok: false; error: { message: string } };
    };
    expect(bad.result.error.message).toMatch(/不是有效的邮箱地址/);
  });
});
