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
