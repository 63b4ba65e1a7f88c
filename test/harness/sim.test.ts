import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runScenario, ScenarioError } from '../../dev/sim';

const CODE = `
function onOpen(e) { SpreadsheetApp.getUi().createAddonMenu().addItem('Tidy', 'menuTidy').addToUi(); }
function menuTidy() {
  var ui = SpreadsheetApp.getUi();
  var r = ui.prompt('Owner?', ui.ButtonSet.OK_CANCEL);
  if (r.getSelectedButton() !== ui.Button.OK) return;
  var sheet = SpreadsheetApp.getActiveSheet();
  var range = sheet.getDataRange();
  var values = range.getValues();
  for (var i = 1; i < values.length; i++) values[i][2] = r.getResponseText();
  range.setValues(values);
  sheet.setFrozenRows(1);
  SpreadsheetApp.getActiveSpreadsheet().toast('Tidied ' + (values.length - 1));
}
function onEdit(e) { e.range.setNote('edited'); }
function getCount() { return SpreadsheetApp.getActiveSheet().getLastRow(); }
`;

function setup(scenario: unknown, csv = 'Name,Joined,Owner\nAda,2024-01-05,\nBo,1/2/2024,\n'): string {
  const dir = mkdtempSync(join(tmpdir(), 'sim-'));
  writeFileSync(join(dir, 'Code.js'), CODE);
  writeFileSync(join(dir, 'clients.csv'), csv);
  const p = join(dir, 'scenario.json');
  writeFileSync(p, typeof scenario === 'string' ? scenario : JSON.stringify(scenario));
  return p;
}

describe('sim', () => {
  test('runs onOpen, menus with queued answers, edits and calls; prints the end state', () => {
    const p = setup({ locale: 'en', data: 'clients.csv', steps: [{ answer: ['Lee'] }, { menu: 'menuTidy' }, { edit: { a1: 'A2', value: 'Ada L.' } }, { call: 'getCount', args: [] }] });
    const out = runScenario(p, { codePath: join(p, '..', 'Code.js') });
    const s = out.sheets[0];
    // The CSV was pasted as typed: ISO and US dates became Dates (printed as ISO strings).
    expect(s?.values).toEqual([
      ['Name', 'Joined', 'Owner'],
      ['Ada L.', '2024-01-05T05:00:00.000Z', 'Lee'],
      ['Bo', '2024-01-02T05:00:00.000Z', 'Lee'],
    ]);
    expect(s?.numberFormats[1]?.[1]).toBe('yyyy-mm-dd');
    expect(s?.notes[1]?.[0]).toBe('edited');
    expect(s?.frozenRows).toBe(1);
    expect(out.toasts).toEqual([{ message: 'Tidied 2', title: '' }]);
    expect(out.alerts).toEqual([{ kind: 'prompt', title: '', prompt: 'Owner?', buttons: 'OK_CANCEL', answer: { button: 'OK', text: 'Lee' } }]);
    expect(out.errors).toEqual([]);
    expect(out.calls.byMethod['Range.setValues']).toBe(1);
    expect(out.calls.byMethod['Ui.createAddonMenu']).toBe(1);
    // 25 ms per call dominates a small run; the clock includes cells and script cpu.
    expect(out.simMs).toBeGreaterThanOrEqual(out.calls.total * 25);
  });

  test('failAfterCalls makes the next step hit the time limit; the error is reported', () => {
    const p = setup({ data: 'clients.csv', steps: [{ answer: ['Lee'] }, { failAfterCalls: 5 }, { menu: 'menuTidy' }] });
    const out = runScenario(p, { codePath: join(p, '..', 'Code.js') });
    expect(out.errors).toEqual(['Exception: Exceeded maximum execution time']);
    // The 5th call of menuTidy (getValues) failed: nothing was written.
    expect(out.sheets[0]?.values[1]?.[2]).toBe('');
  });

  test.each([
    ['{ not json', /not valid JSON/],
    [{ steps: [{ dance: 1 }] }, /step 1: unknown step "dance"/],
    [{ steps: [{ menu: 'menuNope' }] }, /step 1: unknown menu function "menuNope"/],
    [{ data: 'missing.csv', steps: [] }, /data file not found: missing.csv/],
    [{ steps: [{ edit: { a1: 'A1' } }] }, /step 1 \(edit\): edit.value/],
    [{ locale: 'fr', steps: [] }, /locale/],
  ])('bad scenario %p gets a one-line ScenarioError', (scenario, message) => {
    const p = setup(scenario);
    expect(() => runScenario(p, { codePath: join(p, '..', 'Code.js') })).toThrow(ScenarioError);
    try {
      runScenario(p, { codePath: join(p, '..', 'Code.js') });
    } catch (e) {
      expect((e as Error).message).toMatch(message);
      expect((e as Error).message).not.toContain('\n');
    }
  });
});
