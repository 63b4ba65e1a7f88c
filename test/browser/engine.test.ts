/**
 * The playground's engine in-process (no worker, no browser) and the page's pure helpers: how the
 * emulated sheet becomes what the page draws (charts from the emulator's chart specs, the active sheet
 * the add-on chose, dialogs described as Apps Script overloads take them) and how clipboard text is read.
 */
import { join } from 'node:path';
import { describeDialog, Engine, type DialogChannel } from '../../dev/playground/engine';
import type { StateOut } from '../../dev/playground/protocol';
import { columnLetter, parseTsv } from '../../dev/playground/tsv';
import { ROOT } from './launch';

jest.setTimeout(60_000);

function engine(answers: string[] = []): Engine {
  const asked: string[] = [];
  const channel: DialogChannel = {
    wait: (d) => {
      asked.push(d.prompt);
      return answers.shift() ?? 'CLOSE';
    },
    waitedMs: () => 0,
  };
  return new Engine(
    {
      root: ROOT,
      dataFile: join(ROOT, 'test', 'browser', 'fixtures', 'clients.csv'),
      locale: 'en',
      codeFile: join(ROOT, 'dist', 'Code.js'),
      sidebarFile: join(ROOT, 'dist', 'Sidebar.html'),
    },
    channel,
  );
}

test('a chart the script inserts is drawn from its ranges, on the sheet the script activated', () => {
  const e = engine();
  const emu = e.emu;
  emu.setAuthMode('FULL');
  const app = emu.globals.SpreadsheetApp as GoogleAppsScript.Spreadsheet.SpreadsheetApp;
  const charts = emu.globals.Charts as GoogleAppsScript.Charts.Charts;
  const sheet = app.getActiveSpreadsheet().insertSheet('Funnel');
  sheet.getRange('A1:B4').setValues([['Stage', 'Clients'], ['Lead', 10], ['Won', 4], ['Lost', 2]]);
  const chart = sheet.newChart().setChartType(charts.ChartType.BAR).addRange(sheet.getRange('A1:B4')).setPosition(2, 4, 5, 6).setOption('title', 'Funnel').build();
  sheet.insertChart(chart);
  // An action makes the engine look again (here: a sidebar call that changes nothing).
  const r = e.handle({ type: 'run', fn: 'getBootstrap', args: [] });
  expect(r).toMatchObject({ kind: 'done' });
  const s = e.handle({ type: 'state', r0: 1, r1: 10 }) as StateOut;
  expect(s.active).toBe('Funnel');
  expect(s.tabs.map((t) => t.name)).toEqual(['Sheet1', 'Funnel']);
  expect(s.sheet.charts).toEqual([
    {
      chartType: 'BAR',
      row: 2,
      column: 4,
      offsetX: 5,
      offsetY: 6,
      title: 'Funnel',
      width: 480,
      height: 300,
      table: [['Stage', 'Clients'], ['Lead', 10], ['Won', 4], ['Lost', 2]],
    },
  ]);
  // A person picks the first tab again.
  e.handle({ type: 'activate', sheet: 'Sheet1' });
  expect((e.handle({ type: 'state', r0: 1, r1: 5 }) as StateOut).sheet.charts).toEqual([]);
});

test('the action summary counts the service calls of the action only', () => {
  const e = engine();
  const r = e.handle({ type: 'edit', sheet: 'Sheet1', a1: 'A2', value: 'Alice Chen-Wu' });
  expect(r).toMatchObject({ kind: 'done', summary: { label: 'edit A2' } });
  const s = e.handle({ type: 'state', r0: 1, r1: 3 }) as StateOut;
  const row2 = s.sheet.frozenRows >= 2 ? s.sheet.frozen[1] : s.sheet.cells[2 - s.sheet.r0];
  expect(row2?.[0]?.d).toBe('Alice Chen-Wu');
  // No table is set up: onEdit reads its config and stops; a handful of calls, not one per row.
  expect(s.lastAction?.calls).toBeGreaterThan(0);
  expect(s.lastAction?.calls).toBeLessThan(10);
});

test('dialogs are described as the Ui overloads read them', () => {
  expect(describeDialog('alert', ['Sure?'])).toEqual({ kind: 'alert', title: '', prompt: 'Sure?', buttons: 'OK' });
  expect(describeDialog('alert', ['Sure?', 'YES_NO'])).toEqual({ kind: 'alert', title: '', prompt: 'Sure?', buttons: 'YES_NO' });
  expect(describeDialog('prompt', ['Title', 'Name?', { name: () => 'OK_CANCEL' }])).toEqual({ kind: 'prompt', title: 'Title', prompt: 'Name?', buttons: 'OK_CANCEL' });
  expect(describeDialog('alert', ['Title', 'Body'])).toEqual({ kind: 'alert', title: 'Title', prompt: 'Body', buttons: 'OK' });
});

test('clipboard text from Sheets: tabs, line breaks, quoted cells with breaks and quotes', () => {
  expect(parseTsv('a\tb\nc\td\n')).toEqual([['a', 'b'], ['c', 'd']]);
  expect(parseTsv('"two\nlines"\t"say ""hi"""\nx')).toEqual([['two\nlines', 'say "hi"'], ['x', '']]);
  expect(parseTsv('a "quoted" word\tb')).toEqual([['a "quoted" word', 'b']]);
  expect(parseTsv('a\r\nb\r\n')).toEqual([['a'], ['b']]);
  expect(parseTsv('only')).toEqual([['only']]);
  expect(columnLetter(1)).toBe('A');
  expect(columnLetter(26)).toBe('Z');
  expect(columnLetter(27)).toBe('AA');
  expect(columnLetter(703)).toBe('AAA');
});
