/**
 * A backup offered before cleanup and before a merge, on the built bundle: from the menu, cleanup's
 * question is YES (back up, then clean), NO (clean without a backup) or CANCEL (nothing); from the
 * sidebar, the Cleanup and Duplicates panels send their "Back up the table first" box (on by default).
 * The backup holds the table as it was before the change, in English and Chinese.
 */
import type { Emulator } from '../../dev/emulator/types';
import type { DuplicatesReport } from '../../src/core/api/dedupe';
import type { CleanupPreview } from '../../src/core/api/cleanup';
import { t } from '../../src/core/i18n';
import { startOn, data } from './helpers';

const DATA: string[][] = [
  ['Client ID', 'Name', 'Email', 'Phone', 'Stage'],
  ['C1', 'Ann Lee', ' ANN@example.com', '206-555-0123', 'Lead'],
  ['C2', 'Bob Ray', 'bob@example.com', '206-555-0124', 'Won'],
  ['C3', 'Ann Lee', 'ann@example.com', '(206) 555-0123', 'Lead'],
];

function adopted(locale: 'en' | 'zh-CN' = 'en', rows = DATA) {
  const s = startOn(rows, locale);
  s.emu.queueAnswers(['YES', 'OK', 'NO']);
  s.addon.menu('menuAdopt');
  expect(s.addon.errors).toEqual([]);
  return s;
}

const table = (emu: Emulator) => emu.snapshot().sheets[0]!.values;
const backups = (emu: Emulator) => emu.snapshot().sheets.filter((s) => /ClientFlow backup|ClientFlow 备份/.test(s.name));

describe.each(['en', 'zh-CN'] as const)('menu cleanup offers a backup first (%s)', (locale) => {
  it('YES backs the table up as it was, then cleans', () => {
    const { emu, addon } = adopted(locale);
    const before = table(emu);
    emu.queueAnswers(['YES']);
    addon.menu('menuCleanUp');
    const ask = emu.alerts.at(-1)!;
    expect(ask.buttons).toBe('YES_NO_CANCEL');
    expect(ask.prompt.endsWith(t(locale, 'backup.offer.cleanup'))).toBe(true);
    expect(backups(emu)).toHaveLength(1);
    expect(backups(emu)[0]!.values).toEqual(before);
    expect(backups(emu)[0]!.hidden).toBe(true);
    expect(table(emu)[1]![2]).toBe('ann@example.com');
    expect(emu.toasts.at(-1)?.message).toContain(t(locale, 'backup.madeFirst', { sheet: backups(emu)[0]!.name }));
  });

  it('NO cleans without a backup; CANCEL changes nothing', () => {
    const { emu, addon } = adopted(locale);
    const before = emu.snapshot().sheets;
    emu.queueAnswers(['CANCEL']);
    addon.menu('menuCleanUp');
    expect(emu.snapshot().sheets).toEqual(before);
    emu.queueAnswers(['NO']);
    addon.menu('menuCleanUp');
    expect(backups(emu)).toHaveLength(0);
    expect(table(emu)[1]![2]).toBe('ann@example.com');
  });
});

test('the Cleanup panel backs up first when its box is ticked, not when it is not', () => {
  const { emu, addon } = adopted();
  const before = table(emu);
  const p = data<CleanupPreview>(addon, 'previewCleanup', [{ off: [] }]);
  const r = data<{ applied: boolean; message: string }>(addon, 'applyCleanup', [{ off: [], fingerprint: p.fingerprint, backup: true }]);
  expect(r.applied).toBe(true);
  expect(backups(emu).map((s) => s.values)).toEqual([before]);
  emu.queueAnswers(['OK']);
  addon.menu('menuUndo');
  const p2 = data<CleanupPreview>(addon, 'previewCleanup', [{ off: [] }]);
  data(addon, 'applyCleanup', [{ off: [], fingerprint: p2.fingerprint, backup: false }]);
  expect(backups(emu)).toHaveLength(1);
});

test('the Duplicates panel backs up first when asked (zh-CN): the backup holds both records', () => {
  // Without client IDs: in a table this small, two different IDs would weigh against the pair.
  const { emu, addon } = adopted('zh-CN', DATA.map((r) => r.slice(1)));
  const before = table(emu);
  const rep = data<DuplicatesReport>(addon, 'getDuplicates');
  expect(rep.clusters).toHaveLength(1);
  const out = data<DuplicatesReport>(addon, 'mergeDuplicates', [rep.clusters[0]!.records.map((r) => r.fingerprint), { backup: true }]);
  expect(out.merged).toBe(1);
  expect(out.notice).toContain('已先做了备份');
  expect(backups(emu).map((s) => s.values)).toEqual([before]);
  expect(table(emu)).toHaveLength(3);
});
