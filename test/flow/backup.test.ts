/**
 * Backups on the built bundle (dist/Code.js) on the emulator, driven as a user would: a sheet adopted,
 * then "Back up the table" / "Restore a backup…" from the menu (answers queued) and from the sidebar.
 * Run `node build.mjs` first.
 */
import type { Addon } from '../../dev/harness';
import type { Emulator } from '../../dev/emulator/types';
import { startOn } from './helpers';

const DATA: string[][] = [
  ['Name', 'Email', 'Phone', 'Stage', 'Deal value'],
  ['Ann Lee', 'ann@example.com', '+86 138 0013 8000', 'Lead', '1200'],
  ['Bob Ray', 'bob@example.com', '00123', 'Won', '3500'],
  ['Cai Wu', 'cai@example.com', '13900139000', 'Lost', '800'],
];

function adopted(locale: 'en' | 'zh-CN' = 'en'): { emu: Emulator; addon: Addon } {
  const { emu, addon } = startOn(DATA, locale);
  emu.queueAnswers(['YES']);
  expect(addon.menu('menuAdopt')).toEqual({ ok: true, result: undefined });
  expect(addon.errors).toEqual([]);
  return { emu, addon };
}

const sheetNames = (emu: Emulator) => emu.snapshot().sheets.map((s) => s.name);
const table = (emu: Emulator) => {
  const s = emu.snapshot().sheets[0];
  if (!s) throw new Error('no sheet');
  return { values: s.values, formulas: s.formulas, numberFormats: s.numberFormats };
};
const lastAlert = (emu: Emulator) => emu.alerts[emu.alerts.length - 1]?.prompt ?? '';

describe('Back up the table', () => {
  it('copies the table to a dated hidden sheet, cell for cell, and says so', () => {
    const { emu, addon } = adopted();
    // A person types text Sheets would otherwise read as a number (the column is plain text after adopt).
    addon.edit('A3', '00123');
    expect(table(emu).values[2]?.[0]).toBe('00123');
    const before = table(emu);
    emu.queueAnswers(['OK']);
    expect(addon.menu('menuBackUp')).toEqual({ ok: true, result: undefined });
    const snap = emu.snapshot().sheets;
    expect(snap).toHaveLength(2);
    const backup = snap[1];
    expect(backup?.name).toMatch(/^ClientFlow backup \d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);
    expect(backup?.hidden).toBe(true);
    expect(snap[0]?.hidden).toBe(false);
    expect(backup?.values).toEqual(before.values);
    expect(backup?.numberFormats).toEqual(before.numberFormats);
    // Text that Sheets would parse stays text in the copy.
    expect(backup?.values[2]?.[0]).toBe('00123');
    expect(backup?.formulas).toEqual(before.formulas);
    expect(lastAlert(emu)).toMatch(/Backed up 3 rows to the hidden sheet "ClientFlow backup/);
    expect(addon.errors).toEqual([]);
  });

  it('keeps at most 5 backups: the sixth removes the oldest', () => {
    const { emu, addon } = adopted();
    for (let i = 0; i < 6; i++) {
      emu.queueAnswers([{ answer: 'OK', thinkMs: 61_000 }]);
      expect(addon.menu('menuBackUp')).toEqual({ ok: true, result: undefined });
    }
    const backups = sheetNames(emu).filter((n) => n.startsWith('ClientFlow backup'));
    expect(backups).toHaveLength(5);
    expect(lastAlert(emu)).toMatch(/The oldest backup \(.+\) was removed/);
    const listed = addon.call('listBackups');
    expect(listed.ok).toBe(true);
    const data = (listed as { ok: true; result: { data: { keep: number; backups: unknown[] } } }).result.data;
    expect(data.keep).toBe(5);
    expect(data.backups).toHaveLength(5);
  });

  it('backs up and restores in a number of service calls that does not grow with rows', () => {
    const calls = (n: number) => {
      const data = [DATA[0] as string[]];
      for (let i = 0; i < n; i++)
        data.push([
          `Client ${i}`,
          `c${i}@example.com`,
          `139${String(i).padStart(8, '0')}`,
          ['Lead', 'Won', 'Lost'][i % 3] as string,
          String(100 + i),
        ]);
      const { emu, addon } = startOn(data, 'en');
      emu.queueAnswers(['YES']);
      addon.menu('menuAdopt');
      emu.resetStats();
      emu.queueAnswers(['OK']);
      addon.menu('menuBackUp');
      const backup = emu.stats().total;
      emu.resetStats();
      emu.queueAnswers(['1', 'OK']);
      addon.menu('menuRestoreBackup');
      return { backup, restore: emu.stats().total, errors: addon.errors };
    };
    const small = calls(20);
    const big = calls(2000);
    expect(big).toEqual(small);
    expect(small.errors).toEqual([]);
  });

  it('is refused, translated, when there is no table', () => {
    const { emu, addon } = startOn(DATA, 'zh-CN');
    emu.queueAnswers(['OK']);
    addon.menu('menuBackUp');
    expect(lastAlert(emu)).toMatch(/还没有 ClientFlow 表/);
    expect(sheetNames(emu)).toHaveLength(1);
  });
});

describe('Restore a backup', () => {
  it('lists the backups and puts the chosen one back, after backing up the table as it is', () => {
    const { emu, addon } = adopted();
    const before = table(emu);
    emu.queueAnswers(['OK']);
    addon.menu('menuBackUp');
    // A person changes two cells after the backup.
    addon.edit('A2', 'Someone else');
    addon.edit('E3', '9999');
    expect(table(emu).values[1]?.[0]).toBe('Someone else');
    emu.queueAnswers(['1', 'OK']);
    expect(addon.menu('menuRestoreBackup')).toEqual({ ok: true, result: undefined });
    const ask = emu.alerts.find((a) => /Backups, newest first/.test(a.prompt));
    expect(ask?.prompt).toMatch(/1\. \d{4}-\d{2}-\d{2} \d{2}:\d{2}: 3 rows of "Sheet1"/);
    expect(table(emu).values).toEqual(before.values);
    expect(table(emu).numberFormats).toEqual(before.numberFormats);
    expect(lastAlert(emu)).toMatch(/is back in "Sheet1" \(3 rows\)\. The table as it was is saved as the backup/);
    // The safety backup holds the edited table: restoring it brings the edits back.
    const backups = emu.snapshot().sheets.filter((s) => s.name.startsWith('ClientFlow backup'));
    expect(backups).toHaveLength(2);
    expect(backups.some((b) => b.values[1]?.[0] === 'Someone else')).toBe(true);
    expect(addon.errors).toEqual([]);
  });

  it('brings back the settings saved with it: protected columns return', () => {
    const { emu, addon } = adopted();
    const protectedColumns = () =>
      (emu.snapshot().sheets[0]?.protections ?? [])
        .filter((p) => p.description.startsWith('Protected column (ClientFlow)'))
        .map((p) => p.description);
    emu.queueAnswers(['E', '', 'OK']);
    addon.menu('menuProtectColumns');
    expect(protectedColumns()).toEqual(['Protected column (ClientFlow): Deal value']);
    emu.queueAnswers(['OK']);
    addon.menu('menuBackUp');
    emu.queueAnswers(['', 'OK']);
    addon.menu('menuProtectColumns');
    expect(protectedColumns()).toEqual([]);
    emu.queueAnswers(['1', 'OK']);
    addon.menu('menuRestoreBackup');
    expect(protectedColumns()).toEqual(['Protected column (ClientFlow): Deal value']);
    const state = addon.call('getProtection') as {
      ok: true;
      result: { ok: true; data: { columns: Array<{ letter: string; protected: boolean }> } };
    };
    expect(state.result.data.columns.filter((c) => c.protected).map((c) => c.letter)).toEqual(['E']);
    expect(addon.errors).toEqual([]);
  });

  it('clears rows added after the backup, and keeps its own rows', () => {
    const { emu, addon } = adopted();
    const before = table(emu);
    emu.queueAnswers(['OK']);
    addon.menu('menuBackUp');
    addon.paste('A5', [['Dee Fox', 'dee@example.com', '13800000000', 'Lead', '10']]);
    expect(table(emu).values[4]?.[0]).toBe('Dee Fox');
    emu.queueAnswers(['1', 'OK']);
    addon.menu('menuRestoreBackup');
    expect(table(emu).values.slice(0, 4)).toEqual(before.values);
    expect((table(emu).values[4] ?? []).every((v) => v === '')).toBe(true);
  });

  it('when the time limit strikes at any call of a restore, the table is either as it was or the backup, never half', () => {
    const seen = new Set<string>();
    for (let n = 1; n <= 120; n += 9) {
      const { emu, addon } = adopted();
      const before = table(emu).values;
      emu.queueAnswers(['OK']);
      addon.menu('menuBackUp');
      addon.paste('A5', [['Dee Fox', 'dee@example.com', '13800000000', 'Lead', '10']]);
      addon.edit('A2', 'Changed');
      const edited = table(emu).values;
      emu.queueAnswers(['1', 'OK']);
      emu.failAfterCalls(n);
      addon.menu('menuRestoreBackup');
      const trim = (v: unknown[][]) => {
        const out = [...v];
        while (out.length > 0 && (out[out.length - 1] ?? []).every((x) => x === '')) out.pop();
        return out;
      };
      const now = trim(table(emu).values);
      const restored = trim(before);
      expect([JSON.stringify(edited), JSON.stringify(restored)]).toContain(JSON.stringify(now));
      seen.add(JSON.stringify(now) === JSON.stringify(edited) ? 'as it was' : 'restored');
    }
    // The limit struck both before and after the write.
    expect([...seen].sort()).toEqual(['as it was', 'restored']);
  });

  it('a number not listed changes nothing and says why', () => {
    const { emu, addon } = adopted();
    emu.queueAnswers(['OK']);
    addon.menu('menuBackUp');
    addon.edit('A2', 'Changed');
    emu.queueAnswers(['7', 'OK']);
    addon.menu('menuRestoreBackup');
    expect(lastAlert(emu)).toMatch(/"7" is not one of the numbers listed/);
    expect(table(emu).values[1]?.[0]).toBe('Changed');
  });

  it('from the sidebar: createBackup, listBackups and restoreBackup, in Chinese', () => {
    const { emu, addon } = adopted('zh-CN');
    const before = table(emu);
    const made = addon.call('createBackup') as {
      ok: true;
      result: { ok: true; data: { message: string; backups: Array<{ id: number; rows: number }> } };
    };
    expect(made.result.ok).toBe(true);
    expect(made.result.data.message).toMatch(/已将 3 行备份到隐藏工作表/);
    const id = made.result.data.backups[0]?.id;
    addon.edit('B2', 'x@example.com');
    const back = addon.call('restoreBackup', [id]) as { ok: true; result: { ok: true; data: { message: string } } };
    expect(back.result.ok).toBe(true);
    expect(back.result.data.message).toMatch(/的备份已恢复到“Sheet1”/);
    expect(table(emu).values).toEqual(before.values);
    expect(table(emu).formulas).toEqual(before.formulas);
    const gone = addon.call('restoreBackup', [123456]) as { ok: true; result: { ok: false; error: { message: string } } };
    expect(gone.result.ok).toBe(false);
    expect(gone.result.error.message).toMatch(/备份已不在表格中/);
  });
});
