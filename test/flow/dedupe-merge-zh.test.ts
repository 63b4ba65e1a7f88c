/**
 * Merging duplicates on a Chinese table in Chinese (zh-CN) on the built bundle: 张伟 and Zhang Wei (the
 * same email and phone, written differently) are one group; the merge keeps the most complete record,
 * adds up the orders, keeps the furthest stage (成交 over 线索), joins the notes, keeps the earliest
 * 创建日期, archives the other row in “ClientFlow 存档” with the survivor's ID, points its stage history to
 * the survivor, says so in Chinese, and 撤销 puts everything back.
 */
import { startOn, data, values } from './helpers';
import type { DuplicatesReport } from '../../src/core/api/dedupe';
import { historySheetName } from '../../src/core/funnel/workbook';

const NAMES = ['王芳', '李娜', '刘洋', '陈静', '杨帆', '赵磊', '黄敏', '周杰', '吴霞', '徐涛', '孙丽', '马超', '朱红', '胡军', '郭勇', '何平', '高峰', '林琳', '罗斌', '梁爽'];

const DATA: string[][] = [
  ['客户编号', '客户名称', '公司', '邮箱', '手机', '阶段', '订单数', '备注', '创建日期'],
  ['K1', '张伟', '华为技术有限公司', 'zhangwei@huawei.com', '138 0013 8000', '线索', '2', '喜欢喝茶', '2025-10-01'],
  ['K2', '李强', '腾讯', 'liqiang@tencent.com', '139 0013 9000', '线索', '1', '', '2026-01-02'],
  ['K3', 'Zhang Wei', '', 'ZhangWei@huawei.com', '13800138000', '成交', '3', '要报价', '2025-12-01'],
  ...NAMES.map((n, i) => [`K${i + 4}`, n, '', `user${i}@example.cn`, `137 ${String(1000 + i * 41).padStart(4, '0')} ${String(2000 + i * 7).padStart(4, '0')}`, '线索', '1', '', '2026-02-01']),
];

test('张伟 and Zhang Wei merge into one client, in Chinese, and 撤销 puts everything back', () => {
  const { emu, addon, app } = startOn(DATA, 'zh-CN');
  emu.queueAnswers(['YES', 'OK', 'NO']);
  addon.menu('menuAdopt');
  expect(addon.errors).toEqual([]);
  addon.edit('F4', '方案');
  addon.edit('F4', '成交');
  const ss = app.getActiveSpreadsheet();
  const hist = () => ss.getSheetByName(historySheetName((ss.getSheets()[0] as GoogleAppsScript.Spreadsheet.Sheet).getSheetId()))!.getDataRange().getValues().map((r) => r.slice(0, 3));
  const before = { table: values(app), history: hist() };
  expect(before.history.slice(1).map((r) => r[0])).toEqual(['K3', 'K3']);

  const rep = data<DuplicatesReport>(addon, 'getDuplicates');
  expect(rep.clusters).toHaveLength(1);
  const c = rep.clusters[0]!;
  expect(c.records.map((r) => r.fingerprint).sort()).toEqual(['id:K1', 'id:K3']);
  expect(rep.message).toMatch(/找到 1 组重复客户/);
  const out = data<DuplicatesReport>(addon, 'mergeDuplicates', [c.records.map((r) => r.fingerprint), { seen: c.records.map((r) => r.values) }]);
  expect(out.merged).toBe(1);
  expect(out.notice).toMatch(/^已合并 1 组：1 行已移到归档表。/);

  const now = values(app);
  expect(now).toHaveLength(DATA.length - 1);
  const zhang = now.find((r) => r[0] === 'K1')!;
  const head = now[0]!;
  const at = (h: string) => zhang[head.indexOf(h)];
  expect(at('客户名称')).toBe('张伟');
  expect(at('公司')).toBe('华为技术有限公司');
  expect(at('阶段')).toBe('成交');
  expect(at('订单数')).toBe('5');
  expect(at('备注')).toBe('喜欢喝茶\n要报价');
  expect(at('创建日期')).toBe('2025-10-01');
  expect(now.some((r) => r[0] === 'K3')).toBe(false);
  // The archive (in Chinese) holds Zhang Wei's row and names the survivor.
  const archive = ss.getSheetByName('ClientFlow 存档');
  expect(archive).not.toBeNull();
  const row = archive!.getDataRange().getValues().find((r) => r.includes('已合并到客户 K1'))!;
  expect(row).toEqual(expect.arrayContaining(['K3', 'Zhang Wei', 'ZhangWei@huawei.com']));
  expect(hist().slice(1).map((r) => r[0])).toEqual(['K1', 'K1']);

  emu.queueAnswers(['OK']);
  addon.menu('menuUndo');
  expect(addon.errors).toEqual([]);
  expect({ table: values(app), history: hist() }).toEqual(before);
  expect(emu.toasts.at(-1)?.message).toMatch(/已恢复|撤销/);
});
