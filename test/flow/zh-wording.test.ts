/**
 * What a Chinese user reads names Google's product as Google presents it in Chinese ("Google 表格", as
 * the sidebar already does), never the English "Sheets" (nor "issue" or "Marketplace" in Help), and lists a phone's countries with the Chinese
 * list comma (、). Through the built bundle (the check of the adopted demo, the Help panel's content)
 * and over every Chinese message of the catalogs.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import { createEmulator } from '../../dev/emulator';
import { loadAddon } from '../../dev/harness';
import { messagesFor } from '../../src/core/i18n';
import { data } from './helpers';

const rows = Papa.parse<string[]>(readFileSync(join(__dirname, '..', '..', 'dev', 'playground', 'demo.csv'), 'utf8'), { skipEmptyLines: true }).data;

it('the check of the adopted demo and the Help panel speak of Google 表格, with Chinese list commas', () => {
  const emu = createEmulator({ userLocale: 'zh-CN', spreadsheetLocale: 'en_US' });
  emu.loadRows(rows);
  const addon = loadAddon(emu);
  emu.queueAnswers(['YES', 'OK']);
  addon.menu('menuAdopt');
  const report = data<{ cells: Array<{ a1: string; code: string; message: string }> }>(addon, 'validateTable');
  const formula = report.cells.find((c) => c.code === 'formulaError');
  expect(formula?.message).toBe('公式错误（#ERROR!）：Google 表格把输入的内容当成了公式');
  const phone = report.cells.find((c) => c.code === 'invalidPhone' && c.message.includes('US'));
  expect(phone?.message).toMatch(/（[A-Z]{2}(、[A-Z]{2})+）/);
  // The summary's first cells, each with its problem in full-width parentheses: 'O2（不是数字）'.
  const summary = (data<{ message: string }>(addon, 'validateTable')).message;
  expect(summary).toMatch(/前几个：[A-Z]+\d+（[^（）]+）、/);
  expect(summary).not.toMatch(/[A-Z]+\d+ \(/);
  const help = JSON.stringify(data<unknown>(addon, 'getHelp'));
  expect(help).toContain('Google 表格');
  expect(help).not.toMatch(/Sheets|issue|Marketplace/);
  expect(help).toContain('Google Workspace 应用市场');
});

it('no Chinese message says "Sheets"', () => {
  const zh = Object.entries(messagesFor('zh-CN')).filter(([, v]) => /Sheets/.test(v)).map(([k]) => k);
  expect(zh).toEqual([]);
});
