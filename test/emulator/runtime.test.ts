/**
 * The emulator's runtime: strictness, call counting, the simulated clock, the fault hook, AuthMode,
 * properties limits, locks, cache.
 */
import { PROPERTY_STORE_ERROR, PROPERTY_VALUE_ERROR } from '../../dev/emulator';
import { setup } from './helpers';

describe('strictness', () => {
  test('members we do not emulate throw "Not emulated: Class.member"', () => {
    const { g, sheet } = setup();
    const range = sheet.getRange('A1') as unknown as Record<string, () => unknown>;
    expect(() => range.autoFill?.()).toThrow('Not emulated: Range.autoFill');
    expect(() => (g.SpreadsheetApp as unknown as Record<string, () => unknown>).openById?.()).toThrow('Not emulated: SpreadsheetApp.openById');
    expect(() => (sheet as unknown as Record<string, () => unknown>).getPivotTables?.()).toThrow('Not emulated: Sheet.getPivotTables');
    expect(() => (g.SpreadsheetApp.newDataValidation() as unknown as Record<string, () => unknown>).requireTextLengthBetween?.()).toThrow('Not emulated: DataValidationBuilder.requireTextLengthBetween');
  });
});

describe('counting and the clock', () => {
  test('every call is counted per Class.method, builders too; the clock is 25 ms/call + 5 µs/cell read + 15 µs/cell written', () => {
    const { emu, g, sheet } = setup();
    const r = sheet.getRange('A1:B10');
    r.setValues(Array.from({ length: 10 }, () => ['x', 'y']));
    r.getValues();
    g.SpreadsheetApp.newDataValidation().requireValueInList(['a', 'b']).build();
    const s = emu.stats();
    expect(s.byMethod).toEqual({ 'Sheet.getRange': 1, 'Range.setValues': 1, 'Range.getValues': 1, 'SpreadsheetApp.newDataValidation': 1, 'DataValidationBuilder.requireValueInList': 1, 'DataValidationBuilder.build': 1 });
    expect(s.total).toBe(6);
    expect(s.cellsRead).toBe(20);
    expect(s.cellsWritten).toBe(20);
    expect(s.simMs).toBeCloseTo(6 * 25 + 20 * 0.005 + 20 * 0.015, 6);
  });

  test('runScript adds the script\'s own cpu time × 3, not the time spent inside services', () => {
    const { emu, sheet } = setup();
    emu.loadRows(Array.from({ length: 20000 }, (_, i) => [`n${i}`, String(i)]));
    emu.resetStats();
    emu.runScript(() => sheet.getRange(1, 1, 20000, 2).getValues());
    const serviceOnly = emu.stats().scriptCpuMs;
    emu.resetStats();
    emu.runScript(() => {
      let x = 0;
      for (let i = 0; i < 3e6; i++) x += Math.sqrt(i);
      return x;
    });
    const busy = emu.stats();
    expect(busy.scriptCpuMs).toBeGreaterThan(serviceOnly);
    expect(busy.simMs).toBeCloseTo(busy.scriptCpuMs * 3, 6);
  });
});

describe('fault hook', () => {
  test('failAfterCalls(n): the n-th next call throws Apps Script\'s time-limit error, and so does every later call', () => {
    const { emu, sheet } = setup();
    emu.failAfterCalls(3);
    const r = sheet.getRange('A1'); // 1
    r.setValue('a'); // 2
    expect(() => r.setValue('b')).toThrow('Exceeded maximum execution time'); // 3
    expect(() => r.getValue()).toThrow('Exceeded maximum execution time');
    emu.endExecution();
    expect(r.getValue()).toBe('a');
  });
});

describe('AuthMode', () => {
  test('NONE builds the menu and reads the locale, but refuses the document and its properties', () => {
    // Ref: https://developers.google.com/workspace/add-ons/concepts/editor-auth-lifecycle#authorization_modes
    const { emu, g } = setup({ userLocale: 'zh-CN' });
    emu.setAuthMode('NONE');
    expect(g.Session.getActiveUserLocale()).toBe('zh-CN');
    g.SpreadsheetApp.getUi().createAddonMenu().addItem('设置', 'menuSetUp').addToUi();
    expect(emu.menus).toEqual([{ name: 'Add-on', items: [{ caption: '设置', functionName: 'menuSetUp' }] }]);
    expect(() => g.SpreadsheetApp.getActiveSpreadsheet()).toThrow('You do not have permission to call SpreadsheetApp.getActiveSpreadsheet. Required permissions: (https://www.googleapis.com/auth/spreadsheets.currentonly || https://www.googleapis.com/auth/spreadsheets)');
    expect(() => g.SpreadsheetApp.getActiveSheet()).toThrow(/You do not have permission/);
    expect(() => g.PropertiesService.getDocumentProperties()).toThrow(/You do not have permission to call PropertiesService.getDocumentProperties/);
    expect(() => g.SpreadsheetApp.getUi().alert('hi')).toThrow(/You do not have permission to call Ui.alert/);
  });

  test('LIMITED (simple triggers) reaches the bound spreadsheet and properties, but cannot open a sidebar', () => {
    // Ref: https://developers.google.com/apps-script/guides/triggers#restrictions
    const { emu, g } = setup();
    emu.setAuthMode('LIMITED');
    g.SpreadsheetApp.getActiveSheet().getRange('A1').setValue('ok');
    g.PropertiesService.getDocumentProperties().setProperty('k', 'v');
    expect(g.SpreadsheetApp.getActiveSheet().getRange('A1').getValue()).toBe('ok');
    expect(() => g.SpreadsheetApp.getUi().showSidebar(g.HtmlService.createHtmlOutput('<b>x</b>'))).toThrow(/script.container.ui/);
    emu.setAuthMode('FULL');
    g.SpreadsheetApp.getUi().showSidebar(g.HtmlService.createHtmlOutput('<b>x</b>').setTitle('ClientFlow'));
    expect(emu.shownHtml).toEqual([{ kind: 'sidebar', title: 'ClientFlow', html: '<b>x</b>', width: undefined, height: undefined }]);
  });
});

describe('PropertiesService limits', () => {
  test('a value over 9 KB and a store over 500 KB are refused with Apps Script\'s texts, nothing stored', () => {
    const { g } = setup();
    const props = g.PropertiesService.getDocumentProperties();
    props.setProperty('ok', 'x'.repeat(9 * 1024));
    expect(() => props.setProperty('big', 'x'.repeat(9 * 1024 + 1))).toThrow(PROPERTY_VALUE_ERROR);
    expect(() => props.setProperty('wide', '界'.repeat(3100))).toThrow(PROPERTY_VALUE_ERROR); // 9300 bytes in UTF-8
    expect(props.getProperty('big')).toBeNull();
    const chunk = 'y'.repeat(9000);
    for (let i = 0; i < 55; i++) props.setProperty(`k${i}`, chunk);
    expect(() => props.setProperties({ k55: chunk, k56: chunk })).toThrow(PROPERTY_STORE_ERROR);
    expect(props.getProperty('k55')).toBeNull();
    expect(props.getKeys()).toHaveLength(56);
    props.deleteAllProperties();
    expect(props.getProperties()).toEqual({});
    expect(g.PropertiesService.getUserProperties().getProperty('ok')).toBeNull();
  });
});

describe('LockService, CacheService, Utilities, Session', () => {
  test('locks: tryLock fails and waitLock times out while another execution holds the lock', () => {
    const { emu, g } = setup();
    const lock = g.LockService.getDocumentLock();
    expect(lock.tryLock(1000)).toBe(true);
    expect(lock.hasLock()).toBe(true);
    lock.releaseLock();
    emu.contendLock('document', true);
    const before = emu.stats().simMs;
    expect(lock.tryLock(5000)).toBe(false);
    expect(emu.stats().simMs - before).toBeGreaterThanOrEqual(5000);
    expect(() => lock.waitLock(100)).toThrow('Lock timeout: another process was holding the lock for too long.');
  });

  test('cache entries expire on the simulated clock; values over 100 KB are refused', () => {
    const { g } = setup();
    const cache = g.CacheService.getScriptCache();
    cache.put('a', '1', 2);
    cache.putAll({ b: '2', c: '3' });
    expect(cache.getAll(['a', 'b', 'z'])).toEqual({ a: '1', b: '2' });
    g.Utilities.sleep(2500);
    expect(cache.get('a')).toBeNull();
    expect(cache.get('c')).toBe('3');
    expect(() => cache.put('big', 'x'.repeat(100 * 1024 + 1))).toThrow('Argument too large: value');
  });

  test('Utilities.formatDate uses Java patterns in the given zone; getUuid is a v4 UUID', () => {
    const { g } = setup();
    const d = new Date('2024-01-05T16:07:08Z');
    expect(g.Utilities.formatDate(d, 'Asia/Shanghai', "yyyy-MM-dd'T'HH:mm:ss EEE a")).toBe('2024-01-06T00:07:08 Sat AM');
    expect(g.Utilities.formatDate(d, 'America/New_York', 'M/d/yy h:mm Z')).toBe('1/5/24 11:07 -0500');
    expect(g.Utilities.getUuid()).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(g.Session.getScriptTimeZone()).toBe('America/New_York');
  });
});
