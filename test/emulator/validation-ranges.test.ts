/**
 * Validations in the snapshot (sim output, playground) are few A1 ranges: cells carry per-cell copies
 * of rules, and equal rules are merged back into rectangles. A custom formula is relative to the first
 * cell of the range it was written for (https://support.google.com/docs/answer/186103), so the same
 * rule written in two pieces, or copied cell by cell with getDataValidations/setDataValidations, is
 * still one rule.
 */
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runScenario } from '../../dev/sim';
import { setup } from './helpers';

const PHONE = '=OR(E2="",REGEXMATCH(E2&"","^[0-9 +()-]{5,}$"))';

describe('validations in the snapshot', () => {
  test('a custom-formula rule applied in two pieces (each written for its own first cell) is one range', () => {
    const { emu, g, sheet } = setup();
    const dv = (f: string) => g.SpreadsheetApp.newDataValidation().requireFormulaSatisfied(f).setAllowInvalid(true).setHelpText('Phone').build();
    sheet.getRange('E2:E500').setDataValidation(dv(PHONE));
    sheet.getRange('E501:E1000').setDataValidation(dv(PHONE.replace(/E2/g, 'E501')));
    expect(emu.snapshot().sheets[0]?.validations).toEqual([{ range: 'E2:E1000', criteria: 'CUSTOM_FORMULA', args: [PHONE], allowInvalid: true, helpText: 'Phone' }]);
  });

  test('getDataValidations → setDataValidations keeps one range, and each cell still checks its own value', () => {
    const { emu, g, sheet } = setup();
    emu.loadRows([['Phone'], ['123'], ['138 0013 8000'], ['x']].map((r) => ['', '', '', '', ...r]));
    sheet.getRange('E2:E1000').setDataValidation(g.SpreadsheetApp.newDataValidation().requireFormulaSatisfied(PHONE).build());
    const range = sheet.getRange('E2:E1000');
    range.setDataValidations(range.getDataValidations());
    const snap = emu.snapshot().sheets[0]?.validations ?? [];
    expect(snap.map((v) => v.range)).toEqual(['E2:E1000']);
    expect(snap[0]?.args).toEqual([PHONE]);
    expect(emu.view('Sheet1', 'E2:E4').map((r) => r[0]?.validation?.valid)).toEqual([false, true, false]);
  });

  test('rules that really differ stay apart', () => {
    const { emu, g, sheet } = setup();
    const rule = g.SpreadsheetApp.newDataValidation().requireFormulaSatisfied('=$E$2<>""').build();
    sheet.getRange('F2:F3').setDataValidation(rule);
    sheet.getRange('F4:F5').setDataValidation(g.SpreadsheetApp.newDataValidation().requireFormulaSatisfied('=$E$3<>""').build());
    expect(emu.snapshot().sheets[0]?.validations.map((v) => [v.range, v.args[0]])).toEqual([['F2:F3', '=$E$2<>""'], ['F4:F5', '=$E$3<>""']]);
  });
});

const codePath = join(__dirname, '..', '..', 'dist', 'Code.js');
describe('sim on the built add-on', () => {
  // Never skipped: without a build this suite fails and says why.
  beforeAll(() => {
    if (!existsSync(codePath)) throw new Error('dist/Code.js is missing: run `node build.mjs` first (npm test does)');
  });

  test('adopt, then a person edits a cell: the phone and email validations are still one E2:E1000 / F2:F1000 range each', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sim-dv-'));
    writeFileSync(join(dir, 'data.csv'), 'ID,Name,Company,Title,Phone,Email\n1,Ada,Acme,CEO,+1 212 555 0100,ada@acme.com\n2,Bo,Beta,CTO,138 0013 8000,bo@beta.cn\n3,Cy,Gamma,,,cy@gamma.io\n');
    const p = join(dir, 's.json');
    writeFileSync(p, JSON.stringify({ locale: 'en', data: 'data.csv', steps: [{ answer: ['YES'] }, { menu: 'menuAdopt' }, { edit: { a1: 'B3', value: 'hello' } }] }));
    const out = runScenario(p, { codePath });
    const v = out.sheets[0]?.validations ?? [];
    const custom = v.filter((x) => x.criteria === 'CUSTOM_FORMULA');
    expect(custom.map((x) => x.range).sort()).toEqual(['E2:E1000', 'F2:F1000']);
    expect(v.length).toBeLessThan(20);
  });
});
