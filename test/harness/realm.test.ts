/**
 * In Apps Script there is one realm: arrays from getValues, getFormulas, getDataValidations,
 * getSheets, getCriteriaValues… are `instanceof Array` in the script. The harness makes that hold in
 * its vm context without copying the arrays (speed itself is measured by the bench, not asserted here).
 */
import { createEmulator } from '../../dev/emulator';
import { loadAddon } from '../../dev/harness';

const CODE = `
function kinds() {
  var sheet = SpreadsheetApp.getActiveSheet();
  var r = sheet.getRange('A1:B2');
  var dv = SpreadsheetApp.newDataValidation().requireValueInList(['a', 'b']).build();
  r.setDataValidation(dv);
  var crit = r.getDataValidation().getCriteriaValues();
  var out = {
    values: r.getValues() instanceof Array && r.getValues()[0] instanceof Array,
    formulas: r.getFormulas() instanceof Array && r.getFormulas()[1] instanceof Array,
    validations: r.getDataValidations() instanceof Array && r.getDataValidations()[0] instanceof Array,
    formats: r.getNumberFormats()[0] instanceof Array,
    sheets: SpreadsheetApp.getActiveSpreadsheet().getSheets() instanceof Array,
    criteria: crit instanceof Array && crit[0] instanceof Array,
    mapped: r.getValues().map(function (x) { return x; }) instanceof Array,
    isArray: Array.isArray(r.getValues()),
    literal: [] instanceof Array,
  };
  return out;
}
function readAll() {
  var t = Date.now();
  var v = SpreadsheetApp.getActiveSheet().getRange(1, 1, 100000, 20).getValues();
  return { rows: v.length, ok: v instanceof Array && v[99999] instanceof Array, last: v[99999][0] };
}
`;

test('arrays crossing into the script are instanceof Array there', () => {
  const emu = createEmulator();
  emu.loadRows([['x', '1'], ['y', '2']]);
  const addon = loadAddon(emu, { code: CODE });
  const out = addon.call('kinds');
  expect(out).toEqual({ ok: true, result: { values: true, formulas: true, validations: true, formats: true, sheets: true, criteria: true, mapped: true, isArray: true, literal: true } });
});

test('100k × 20 getValues into the script: realm arrays', () => {
  const emu = createEmulator();
  const rows: string[][] = [];
  for (let i = 0; i < 100_000; i++) {
    const r = [`Client ${i}`];
    for (let c = 1; c < 20; c++) r.push(c % 2 ? String(i + c) : `v${c}`);
    rows.push(r);
  }
  emu.loadRows(rows);
  const addon = loadAddon(emu, { code: CODE });
  addon.call('readAll'); // warm up
  const out = addon.call('readAll');
  expect(out).toEqual({ ok: true, result: { rows: 100_000, ok: true, last: 'Client 99999' } });
});

/**
 * The script's builtins are its own realm's, read as ordinary globals (as in Apps Script's V8), while
 * its top-level functions and vars stay properties of its global object and Dates stay the emulator's.
 */
const BUILTINS = `
var answer = 42;
function realm() {
  var names = ['Math', 'Number', 'String', 'Object', 'JSON', 'RegExp', 'Boolean', 'Error'];
  var host = {};
  for (var i = 0; i < names.length; i++) host[names[i]] = globalThis[names[i]].__hostMarker === 'host';
  var cell = SpreadsheetApp.getActiveSheet().getRange('A1').getValue();
  return {
    host: host,
    arrayIsOwn: Object.getPrototypeOf([]) !== Object.getPrototypeOf(SpreadsheetApp.getActiveSheet().getRange('A1:A2').getValues()),
    globals: globalThis.realm === realm && globalThis.answer === 42 && typeof globalThis.SpreadsheetApp === 'object',
    cellIsDate: cell instanceof Date,
    fromParts: new Date(2026, 0, 2, 3, 4, 5).getFullYear() === 2026 && new Date('2026-01-02T00:00:00Z').getTime() === Date.UTC(2026, 0, 2),
    now: Date.now(),
    called: typeof Date(),
    subclass: (function () { class D extends Date { twice() { return this.getTime() * 2; } } return new D(21).twice(); })(),
  };
}
`;

test('a builtin read in the script is its own realm’s, not the host’s; entry points and Dates as before', () => {
  const names = ['Math', 'Number', 'String', 'Object', 'JSON', 'RegExp', 'Boolean', 'Error'] as const;
  const marked = names.map((n) => globalThis[n] as unknown as Record<string, unknown>);
  for (const m of marked) m.__hostMarker = 'host';
  try {
    const emu = createEmulator({ now: Date.parse('2026-03-01T12:00:00Z') });
    emu.loadRows([['x'], ['y']]);
    emu.typeValue('A1', '2026-01-01');
    const addon = loadAddon(emu, { code: BUILTINS });
    expect(addon.functions).toContain('realm');
    const out = addon.call('realm');
    expect(out.ok).toBe(true);
    const r = (out.ok ? out.result : {}) as Record<string, unknown>;
    expect(r.host).toEqual(Object.fromEntries(names.map((n) => [n, false])));
    expect(r.arrayIsOwn).toBe(true);
    expect(r.globals).toBe(true);
    expect(r.cellIsDate).toBe(true);
    expect(r.fromParts).toBe(true);
    expect(Math.abs((r.now as number) - Date.parse('2026-03-01T12:00:00Z'))).toBeLessThan(60_000);
    expect(r.called).toBe('string');
    expect(r.subclass).toBe(42);
  } finally {
    for (const m of marked) delete m.__hostMarker;
  }
});
