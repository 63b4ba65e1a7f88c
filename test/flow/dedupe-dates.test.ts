/**
 * The Duplicates panel shows a date as the day the cell holds in the spreadsheet's time zone: in
 * Asia/Shanghai a date cell's value is that day's midnight there, the day before in UTC, and the panel
 * showed every date one day early. The merge, sent back with what the panel showed, still goes through.
 */
import { createEmulator } from '../../dev/emulator';
import { loadAddon } from '../../dev/harness';
import type { DuplicatesReport } from '../../src/core/api/dedupe';
import { data } from './helpers';

const DATA: string[][] = [
  ['客户编号', '联系人', '客户名称', '邮箱', '手机', '阶段', '下次跟进'],
  ['K1', '张伟', '星辰科技', 'zw@xc.cn', '13800138000', '线索', '2026-01-05'],
  ['K2', '李娜', '汇智贸易', 'ln@hz.cn', '13900139000', '方案', '2026-02-01'],
  ['K3', '张伟', '星辰科技有限公司', 'zw@xc.cn', '138 0013 8000', '方案', '2026-03-10'],
];

it('shows the dates of a group as typed, in Asia/Shanghai, and merges what it showed', () => {
  const emu = createEmulator({ userLocale: 'zh-CN', spreadsheetLocale: 'zh_CN', timeZone: 'Asia/Shanghai' });
  emu.loadRows(DATA);
  const addon = loadAddon(emu);
  emu.queueAnswers(['YES', 'OK']);
  addon.menu('menuAdopt');
  const rep = data<DuplicatesReport>(addon, 'getDuplicates');
  expect(rep.clusters).toHaveLength(1);
  const col = rep.headers.indexOf('下次跟进');
  const group = rep.clusters[0];
  expect(group?.records.map((r) => r.values[col])).toEqual(['2026-01-05', '2026-03-10']);
  // What the merge would keep is shown as one of those days too.
  expect(['2026-01-05', '2026-03-10']).toContain(group?.merged[col]);
  const after = data<DuplicatesReport & { merged: number }>(addon, 'mergeDuplicates', [
    group?.records.map((r) => r.fingerprint),
    { seen: group?.records.map((r) => r.values) },
  ]);
  expect(after.merged).toBe(1);
});
