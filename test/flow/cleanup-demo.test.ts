/**
 * The demo table (dev/playground/demo.csv, 200 messy clients) pasted as a person would, adopted, then
 * cleaned up: the phones Sheets turned into #ERROR! are recovered as text, numbers that lost digits are
 * reported, and undo gives the table back exactly.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import { createEmulator } from '../../dev/emulator';
import { loadAddon } from '../../dev/harness';

const rows = Papa.parse<string[]>(readFileSync(join(__dirname, '..', '..', 'dev', 'playground', 'demo.csv'), 'utf8'), { skipEmptyLines: true }).data;

it('recovers the #ERROR! phones of the demo, and undo gives the table back exactly', () => {
  const emu = createEmulator({ userLocale: 'zh-CN', spreadsheetLocale: 'zh_CN', timeZone: 'Asia/Shanghai' });
  emu.loadRows(rows);
  const addon = loadAddon(emu);
  emu.queueAnswers(['YES', 'OK']);
  addon.menu('menuAdopt');
  const sheet = () => {
    const s = emu.snapshot().sheets.find((x) => x.name === 'Sheet1');
    if (!s) throw new Error('no Sheet1');
    return { values: s.values, formulas: s.formulas, numberFormats: s.numberFormats };
  };
  const before = sheet();
  const phoneCol = before.values[0]?.indexOf('手机') ?? -1;
  const broken = before.formulas.filter((r) => /^=\+[\d\s().-]+$/.test(r[phoneCol] ?? '')).length;
  expect(broken).toBeGreaterThan(5);

  emu.queueAnswers(['YES']);
  addon.menu('menuCleanUp');
  const ask = emu.alerts.at(-1)?.prompt ?? '';
  expect(ask).toContain(`恢复被表格变成 #ERROR! 或算式的电话：${broken}`);
  const after = sheet();
  expect(after.values.filter((r) => r[phoneCol] === '#ERROR!')).toEqual([]);
  const recovered = after.values.slice(1).map((r) => r[phoneCol]).filter((v) => typeof v === 'string' && v.startsWith('+86'));
  expect(recovered.length).toBeGreaterThanOrEqual(20);
  expect(after.formulas.flat().filter((f) => f.startsWith('=+'))).toEqual([]);

  emu.queueAnswers(['OK']);
  addon.menu('menuUndo');
  expect(sheet()).toEqual(before);
});
