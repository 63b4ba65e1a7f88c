/**
 * Cleanup and undo on bad input, on the built bundle: a snapshot deleted or edited before undo, cells
 * edited since the change, a sheet that is not the table, no table at all, 50,000-character cells, a
 * table edited while the sidebar's preview was open, and the Chinese messages.
 */
import type { Emulator } from '../../dev/emulator/types';
import { createEmulator } from '../../dev/emulator';
import { loadAddon } from '../../dev/harness';
import { startOn, type SS } from './helpers';

const DATA: string[][] = [
  ['Name', 'Email', 'Phone', 'Stage', 'Deal value'],
  ['  Ann Lee ', 'MAILTO:Ann@Example.COM', '(415) 555-0100', 'Lead', '$3.5k'],
  ['Bob Ray', ' BOB@example.com', '415.555.0101', 'Won', '1,200'],
  ['Cai Wu', 'cai@example.com', '415-555-0103', 'Won', '3000'],
];

function adopted(data = DATA, locale: 'en' | 'zh-CN' = 'en') {
  const s = startOn(data, locale);
  s.emu.queueAnswers(['YES', 'OK', 'NO']);
  s.addon.menu('menuAdopt');
  return s;
}

function values(emu: Emulator, name = 'Sheet1') {
  return emu.snapshot().sheets.find((x) => x.name === name)?.values ?? [];
}

function clean(s: ReturnType<typeof adopted>) {
  s.emu.queueAnswers(['YES']);
  expect(s.addon.menu('menuCleanUp')).toEqual({ ok: true, result: undefined });
}

describe('undo on bad input', () => {
  it('a snapshot sheet the user deleted: nothing to undo, the table stays', () => {
    const s = adopted();
    clean(s);
    const cleaned = values(s.emu);
    const ss = s.app.getActiveSpreadsheet();
    const snap = ss.getSheetByName('ClientFlow undo');
    if (!snap) throw new Error('no snapshot sheet');
    ss.deleteSheet(snap);
    s.emu.queueAnswers(['OK']);
    s.addon.menu('menuUndo');
    expect(s.emu.alerts.at(-1)?.prompt).toMatch(/no ClientFlow change to undo/);
    expect(values(s.emu)).toEqual(cleaned);
  });

  it('a snapshot the user edited is refused as a whole: nothing changes', () => {
    const s = adopted();
    clean(s);
    const cleaned = values(s.emu);
    s.app.getActiveSpreadsheet().getSheetByName('ClientFlow undo')?.getRange('B2').setValue('tampered');
    s.emu.queueAnswers(['OK']);
    s.addon.menu('menuUndo');
    expect(s.emu.alerts.at(-1)?.prompt).toMatch(/snapshot was edited or damaged/);
    expect(values(s.emu)).toEqual(cleaned);
  });

  it('cells edited since the change are named; YES puts back the rest and keeps the edits', () => {
    const s = adopted();
    const before = values(s.emu);
    clean(s);
    s.emu.typeValue('B3', 'new@example.com');
    s.emu.queueAnswers(['YES']);
    s.addon.menu('menuUndo');
    expect(s.emu.alerts.at(-1)?.prompt).toMatch(/1 cell was edited since the change: B3/);
    const now = values(s.emu);
    expect(now[2]?.[1]).toBe('new@example.com');
    const expected = before.map((r) => r.slice());
    expected[2][1] = 'new@example.com';
    expect(now).toEqual(expected);
  });

  it('NO to that question changes nothing', () => {
    const s = adopted();
    clean(s);
    s.emu.typeValue('B3', 'new@example.com');
    const edited = values(s.emu);
    s.emu.queueAnswers(['NO']);
    s.addon.menu('menuUndo');
    expect(values(s.emu)).toEqual(edited);
  });
});

describe('cleanup on bad input', () => {
  it('a sheet that is not the table: a clear message, nothing written', () => {
    const s = adopted();
    const ss = s.app.getActiveSpreadsheet();
    ss.insertSheet('Other').getRange('A1').setValue('  hello  ');
    s.emu.activateSheet('Other');
    const before = s.emu.snapshot();
    s.emu.queueAnswers(['OK']);
    s.addon.menu('menuCleanUp');
    expect(s.emu.alerts.at(-1)?.prompt).toBe('The sheet "Other" is not a ClientFlow table. Set it up or adopt it first (ClientFlow menu).');
    expect(s.emu.snapshot().sheets).toEqual(before.sheets);
  });

  it('no table at all: a clear message', () => {
    const s = startOn(DATA, 'zh-CN');
    s.emu.queueAnswers(['OK']);
    s.addon.menu('menuCleanUp');
    expect(s.emu.alerts.at(-1)?.prompt).toBe('此电子表格还没有 ClientFlow 表格。请先新建或接管一个工作表。');
  });

  it('50,000-character cells are cleaned and undone exactly', () => {
    const long = ` ${'长'.repeat(49998)} `;
    const data = DATA.map((r) => r.slice());
    data[2][0] = long;
    const s = adopted(data);
    const before = s.emu.snapshot().sheets[0];
    clean(s);
    expect(values(s.emu)[2]?.[0]).toBe('长'.repeat(49998));
    s.emu.queueAnswers(['OK']);
    s.addon.menu('menuUndo');
    expect(s.emu.snapshot().sheets[0]).toEqual(before);
  });

  it('Chinese: the confirmation and the toast in Chinese', () => {
    const emu = createEmulator({ userLocale: 'zh-CN', spreadsheetLocale: 'zh_CN', timeZone: 'Asia/Shanghai' });
    emu.loadRows([
      ['客户名称', '邮箱', '手机', '阶段', '成交金额'],
      ['  张伟 ', 'MAILTO:ZW@Example.cn', '138 0013 8000', '线索', '1.2万'],
      ['李娜', ' LN@example.cn', 'tel:13900139000', '成交', '¥1,200'],
      ['王芳', 'wf@example.cn', '13700137000', '成交', '5000'],
    ]);
    const addon = loadAddon(emu);
    // Adopt: confirm, report, decline the automatic columns; then the cleanup's confirmation.
    emu.queueAnswers(['YES', 'OK', 'NO', 'YES']);
    addon.menu('menuAdopt');
    addon.menu('menuCleanUp');
    const ask = emu.alerts.at(-1)?.prompt ?? '';
    expect(ask).toMatch(/^清理“Sheet1”（3 行）？/);
    expect(ask).toMatch(/整理邮箱：2（MAILTO:ZW@Example.cn → zw@example.cn）/);
    expect(ask).toMatch(/电话改为国际格式：3/);
    expect(emu.toasts.at(-1)?.message).toMatch(/^已清理：/);
    expect(values(emu)[1]).toEqual(['张伟', 'zw@example.cn', '+8613800138000', '线索', 12000]);
  });
});

describe('the sidebar endpoints', () => {
  type Preview = { fingerprint: string; total: number; kinds: Array<{ kind: string; count: number; on: boolean; samples: Array<{ a1: string; from: string; to: string }> }> };
  const ok = <T>(out: { ok: boolean; result?: unknown }): T => {
    expect(out.ok).toBe(true);
    const env = (out as { result: { ok: boolean; data?: T; error?: unknown } }).result;
    if (!env.ok) throw new Error(JSON.stringify(env.error));
    return env.data as T;
  };

  it('preview by kind with samples; a kind switched off is not written', () => {
    const s = adopted();
    const p = ok<Preview>(s.addon.call('previewCleanup', [{ off: ['phone'] }]));
    const email = p.kinds.find((k) => k.kind === 'email');
    expect(email).toMatchObject({ count: 2, on: true, samples: [{ a1: 'B2', from: 'MAILTO:Ann@Example.COM', to: 'ann@example.com' }, { a1: 'B3', from: ' BOB@example.com', to: 'bob@example.com' }] });
    expect(p.kinds.find((k) => k.kind === 'phone')).toMatchObject({ count: 3, on: false });
    const r = ok<{ applied: boolean }>(s.addon.call('applyCleanup', [{ off: ['phone'], fingerprint: p.fingerprint }]));
    expect(r.applied).toBe(true);
    expect(values(s.emu).map((row) => row[2])).toEqual(['Phone', '(415) 555-0100', '415.555.0101', '415-555-0103']);
    expect(values(s.emu)[1]?.[1]).toBe('ann@example.com');
  });

  it('a table edited while the preview was open is re-read and re-planned before anything is written', () => {
    const s = adopted();
    const p = ok<Preview>(s.addon.call('previewCleanup', [{ off: [] }]));
    s.emu.typeValue('A4', '  Dan  Fox ');
    const before = values(s.emu);
    const r = ok<{ applied: boolean; message: string; preview: Preview }>(s.addon.call('applyCleanup', [{ off: [], fingerprint: p.fingerprint }]));
    expect(r.applied).toBe(false);
    expect(r.message).toMatch(/changed while the preview was open/);
    expect(values(s.emu)).toEqual(before);
    expect(r.preview.total).toBe(p.total + 1);
    const again = ok<{ applied: boolean }>(s.addon.call('applyCleanup', [{ off: [], fingerprint: r.preview.fingerprint }]));
    expect(again.applied).toBe(true);
    expect(values(s.emu)[3]?.[0]).toBe('Dan Fox');
    const u = ok<{ status: string }>(s.addon.call('undoLastChange', [{ restoreRest: false }]));
    expect(u.status).toBe('done');
    expect(values(s.emu)).toEqual(before);
  });
});
void (null as unknown as SS);
