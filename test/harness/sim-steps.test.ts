/**
 * sim's steps, on a small hand-written bundle whose onEdit logs the event it got: each step's outcome
 * in "steps", the onEdit event shape of each person action (typing, pasting one cell or a block,
 * pasting cells that carry formats, Delete), activate, and two executions interleaved at a chosen
 * service call, with the document lock held across them.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runScenario, ScenarioError, type SimOutput } from '../../dev/sim';

const CODE = `
function onOpen(e) {}
function onEdit(e) {
  var p = PropertiesService.getDocumentProperties();
  var log = JSON.parse(p.getProperty('log') || '[]');
  log.push({ a1: e.range.getA1Notation(), sheet: e.range.getSheet().getName(), hasValue: 'value' in e, value: e.value, hasOld: 'oldValue' in e, oldValue: e.oldValue });
  p.setProperty('log', JSON.stringify(log));
}
function getLog() { return JSON.parse(PropertiesService.getDocumentProperties().getProperty('log') || '[]'); }
function addSheet() { SpreadsheetApp.getActiveSpreadsheet().insertSheet('Other'); SpreadsheetApp.getActiveSpreadsheet().setActiveSheet(SpreadsheetApp.getActiveSpreadsheet().getSheets()[0]); }
function menuWhere() { SpreadsheetApp.getActiveSpreadsheet().toast(SpreadsheetApp.getActiveSheet().getName()); }
function setupRules() {
  var s = SpreadsheetApp.getActiveSheet();
  var r = s.getRange('B2:B3');
  r.setNumberFormat('@');
  r.setDataValidation(SpreadsheetApp.newDataValidation().requireValueInList(['007', 'b'], true).setAllowInvalid(false).build());
  s.setConditionalFormatRules([
    SpreadsheetApp.newConditionalFormatRule().whenTextEqualTo('b').setBackground('#ff0000').setRanges([r]).build(),
    SpreadsheetApp.newConditionalFormatRule().whenFormulaSatisfied('=AND(B2="b",$A2>0)').setBackground('#00ff00').setRanges([r]).build(),
  ]);
}
// Five service calls: getActiveSpreadsheet, getSheetByName, getRange, getValue, setValue.
function menuBump() {
  var s = SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Sheet1');
  var r = s.getRange('A2');
  var n = Number(r.getValue());
  r.setValue(n + 1);
}
// getDocumentLock, tryLock, then menuBump's five calls, then releaseLock.
function menuBumpLocked() {
  var lock = LockService.getDocumentLock();
  if (!lock.tryLock(2000)) { SpreadsheetApp.getActiveSpreadsheet().toast('busy'); return; }
  try { menuBump(); } finally { lock.releaseLock(); }
}
`;

function scenario(s: unknown, csv = 'Count,Code\n0,\n'): string {
  const dir = mkdtempSync(join(tmpdir(), 'sim-steps-'));
  writeFileSync(join(dir, 'Code.js'), CODE);
  writeFileSync(join(dir, 'data.csv'), csv);
  const p = join(dir, 'scenario.json');
  writeFileSync(p, JSON.stringify({ data: 'data.csv', ...(s as object) }));
  return p;
}
const run = (p: string): SimOutput => runScenario(p, { codePath: join(p, '..', 'Code.js') });
const lastLog = (out: SimOutput) => out.steps[out.steps.length - 1]?.result as Array<Record<string, unknown>>;

describe('sim steps report their outcome', () => {
  test('a sidebar call returns its reply; a refused edit, an unknown sheet and a struck time limit are ok: false', () => {
    const out = run(scenario({ steps: [{ call: 'getLog' }, { edit: { a1: 'A1001', value: 'x' } }, { edit: { a1: 'A2', value: 'x', sheet: 'Nope' } }, { activate: 'Nope' }, { failAfterCalls: 2 }, { menu: 'menuBump' }, { menu: 'menuBump' }] }));
    expect(out.steps).toEqual([
      { kind: 'call', ok: true, result: [] },
      { kind: 'edit', ok: false, error: expect.stringContaining('A1001 is outside the sheet "Sheet1" (1000 rows × 26 columns)') },
      { kind: 'edit', ok: false, error: 'there is no sheet named "Nope"' },
      { kind: 'activate', ok: false, error: 'there is no sheet named "Nope"' },
      { kind: 'failAfterCalls', ok: true },
      { kind: 'menu', ok: false, error: 'Exception: Exceeded maximum execution time' },
      { kind: 'menu', ok: true },
    ]);
    // The struck run wrote nothing; the next one counted from 0.
    expect(out.sheets[0]?.values[1]?.[0]).toBe(1);
  });

  test('a cell beyond Sheets\' limits: exit-2 ScenarioError before anything runs, or a refused paste when the grid would pass 10 million cells', () => {
    for (const step of [{ edit: { a1: 'XFD9999999', value: 'x' } }, { edit: { a1: 'AAAA1', value: 'x' } }, { paste: { a1: 'A10000001', values: [['x']] } }, { paste: { a1: 'B2', from: 'A1:ZZZZ2' } }]) {
      expect(() => run(scenario({ steps: [step] }))).toThrow(ScenarioError);
      try {
        run(scenario({ steps: [step] }));
      } catch (e) {
        expect((e as Error).message).toMatch(/beyond Sheets' limits/);
      }
    }
    // ZZZ1 can exist, but this sheet grown to 18,278 columns × 1000 rows would pass 10 million cells.
    const out = run(scenario({ steps: [{ paste: { a1: 'ZZZ1', values: [['x']] } }] }));
    expect(out.steps[0]).toEqual({ kind: 'paste', ok: false, error: 'This action would increase the number of cells in the workbook above the limit of 10000000 cells.' });
  });
});

describe('onEdit gets the event shape of each person action', () => {
  test('typing: value and oldValue (none when the cell was empty); pasting one cell or a block: neither', () => {
    const out = run(
      scenario({
        steps: [
          { edit: { a1: 'B2', value: 'x' } },
          { edit: { a1: 'B2', value: 'y' } },
          { paste: { a1: 'B3', values: [['Won']] } },
          { paste: { a1: 'C2', values: [['a', 'b'], ['c', 'd']] } },
          { call: 'getLog' },
        ],
      }),
    );
    expect(lastLog(out)).toEqual([
      { a1: 'B2', sheet: 'Sheet1', hasValue: true, value: 'x', hasOld: false },
      { a1: 'B2', sheet: 'Sheet1', hasValue: true, value: 'y', hasOld: true, oldValue: 'x' },
      { a1: 'B3', sheet: 'Sheet1', hasValue: false, hasOld: false },
      { a1: 'C2:D3', sheet: 'Sheet1', hasValue: false, hasOld: false },
    ]);
    expect(out.sheets[0]?.values.slice(1)).toEqual([
      [0, 'y', 'a', 'b'],
      ['', 'Won', 'c', 'd'],
    ]);
  });

  test('activate: menus then act on that sheet; edit and paste take a sheet', () => {
    const out = run(scenario({ steps: [{ call: 'addSheet' }, { menu: 'menuWhere' }, { activate: 'Other' }, { menu: 'menuWhere' }, { edit: { a1: 'A1', value: 'here' } }, { paste: { a1: 'B1', values: [['p']], sheet: 'Sheet1' } }, { call: 'getLog' }] }));
    expect(out.toasts.map((t) => t.message)).toEqual(['Sheet1', 'Other']);
    expect(lastLog(out).map((e) => `${e.sheet}!${e.a1}`)).toEqual(['Other!A1', 'Sheet1!B1']);
    expect(out.sheets.find((s) => s.name === 'Other')?.values).toEqual([['here']]);
  });
});

describe('paste with formats', () => {
  test('numberFormats: the pasted cells carry them, so 007 pasted as plain text stays text', () => {
    const out = run(scenario({ steps: [{ paste: { a1: 'B2', values: [['007'], ['0012']], numberFormats: [['@'], ['@']] } }, { paste: { a1: 'C2', values: [['007']] } }] }));
    const s = out.sheets[0];
    expect(s?.values[1]?.[1]).toBe('007');
    expect(s?.values[2]?.[1]).toBe('0012');
    expect(s?.numberFormats[1]?.[1]).toBe('@');
    // Without formats the same text is read as a number, as Sheets reads a paste of text.
    expect(s?.values[1]?.[2]).toBe(7);
  });

  test("from: Sheets' normal paste brings the source's number formats, data validation and conditional formats", () => {
    const out = run(scenario({ steps: [{ call: 'setupRules' }, { edit: { a1: 'B2', value: '007' } }, { paste: { a1: 'D2', from: 'Sheet1!B2:B3' } }, { call: 'getLog' }] }));
    const s = out.sheets[0];
    expect(out.steps[2]).toEqual({ kind: 'paste', ok: true });
    expect(s?.values[1]?.[3]).toBe('007');
    expect(s?.numberFormats[1]?.[3]).toBe('@');
    expect(s?.validations.map((v) => v.range).sort()).toEqual(['B2:B3', 'D2:D3']);
    expect(s?.conditionalFormats.map((c) => c.ranges)).toEqual([['B2:B3'], ['B2:B3'], ['D2:D3'], ['D2:D3']]);
    // A custom formula moves with the cells: relative references shift, absolute ones stay.
    expect(s?.conditionalFormats[3]?.condition).toEqual({ type: 'CUSTOM_FORMULA', args: ['=AND(D2="b",$A2>0)'] });
    expect(lastLog(out)[1]).toEqual({ a1: 'D2:D3', sheet: 'Sheet1', hasValue: false, hasOld: false });
  });

  test('pasted elsewhere (another row and column), the rules cover the new cells and their formula follows', () => {
    const out = run(scenario({ steps: [{ call: 'setupRules' }, { edit: { a1: 'B3', value: 'b' } }, { paste: { a1: 'F5', from: 'B3' } }] }));
    const s = out.sheets[0];
    const carried = s?.conditionalFormats.slice(2);
    expect(carried?.map((c) => c.ranges)).toEqual([['F5'], ['F5']]);
    expect(carried?.[1]?.condition.args).toEqual(['=AND(F5="b",$A5>0)']);
    expect(s?.values[4]?.[5]).toBe('b');
  });

  test('from with "special": "values": the values alone (text stays text), no format, validation or rule', () => {
    const out = run(scenario({ steps: [{ call: 'setupRules' }, { edit: { a1: 'B2', value: '007' } }, { paste: { a1: 'D2', from: 'B2:B3', special: 'values' } }] }));
    const s = out.sheets[0];
    expect(out.steps[2]).toEqual({ kind: 'paste', ok: true });
    expect(s?.values[1]?.[3]).toBe('007');
    expect(s?.numberFormats[1]?.[3]).not.toBe('@');
    expect(s?.validations.map((v) => v.range)).toEqual(['B2:B3']);
    expect(s?.conditionalFormats).toHaveLength(2);
    expect(() => run(scenario({ steps: [{ paste: { a1: 'D2', values: [['x']], special: 'values' } }] }))).toThrow(/"special" goes with "from"/);
  });

  test('a paste its validation refuses is ok: false, changes nothing and fires no onEdit', () => {
    const out = run(scenario({ steps: [{ call: 'setupRules' }, { edit: { a1: 'B2', value: '007' } }, { paste: { a1: 'D2', from: 'B2:B3' } }, { paste: { a1: 'D2', values: [['nope']], numberFormats: [['0.00']] } }, { call: 'getLog' }] }));
    expect(out.steps[3]).toMatchObject({ kind: 'paste', ok: false });
    expect(out.sheets[0]?.values[1]?.[3]).toBe('007');
    expect(out.sheets[0]?.numberFormats[1]?.[3]).toBe('@');
    expect(lastLog(out)).toHaveLength(2);
  });
});

describe('interleave: two executions, the second run at the first\'s Nth service call', () => {
  const bump = (fn: string, n: number) => ({ steps: [{ interleave: { first: [{ menu: fn }], second: [{ menu: fn }], switchAfterCalls: n } }] });

  test('without a lock, switching between the read and the write loses an update; after the write, none', () => {
    const lost = run(scenario(bump('menuBump', 4)));
    expect(lost.sheets[0]?.values[1]?.[0]).toBe(1);
    expect(lost.steps[0]).toEqual({ kind: 'interleave', ok: true, result: { switched: true, first: [{ kind: 'menu', ok: true }], second: [{ kind: 'menu', ok: true }] } });
    expect(run(scenario(bump('menuBump', 5))).sheets[0]?.values[1]?.[0]).toBe(2);
  });

  test("the first's document lock makes the second's tryLock wait out its timeout and fail", () => {
    const out = run(scenario(bump('menuBumpLocked', 6)));
    expect(out.sheets[0]?.values[1]?.[0]).toBe(1);
    expect(out.toasts.map((t) => t.message)).toEqual(['busy']);
    expect(out.simMs).toBeGreaterThanOrEqual(2000);
    // Once the first released it, the lock is free again.
    const after = run(scenario({ steps: [...bump('menuBumpLocked', 6).steps, { menu: 'menuBumpLocked' }] }));
    expect(after.sheets[0]?.values[1]?.[0]).toBe(2);
  });

  test('a switch point past the first\'s last call: the second runs after, and the result says so', () => {
    const out = run(scenario(bump('menuBump', 50)));
    expect(out.steps[0]?.result).toMatchObject({ switched: false, note: expect.stringContaining('fewer than 50') });
    expect(out.sheets[0]?.values[1]?.[0]).toBe(2);
  });

  test('a time limit armed for the first strikes at its own Nth call, not in the second', () => {
    const out = run(scenario({ steps: [{ failAfterCalls: 5 }, ...bump('menuBump', 2).steps] }));
    const r = out.steps[1]?.result as { first: unknown[]; second: unknown[] };
    expect(r.second).toEqual([{ kind: 'menu', ok: true }]);
    expect(r.first).toEqual([{ kind: 'menu', ok: false, error: 'Exception: Exceeded maximum execution time' }]);
    expect(out.sheets[0]?.values[1]?.[0]).toBe(1);
  });

  test('an interleave inside an interleave, or a switch at call 0, is an invalid scenario', () => {
    const inner = { interleave: { first: [{ menu: 'menuBump' }], second: [{ menu: 'menuBump' }], switchAfterCalls: 1 } };
    expect(() => run(scenario({ steps: [{ interleave: { first: [inner], second: [{ menu: 'menuBump' }], switchAfterCalls: 1 } }] }))).toThrow(/cannot hold another interleave/);
    expect(() => run(scenario(bump('menuBump', 0)))).toThrow(/switchAfterCalls/);
    expect(() => run(scenario({ steps: [{ interleave: { first: [{ menu: 'menuNope' }], second: [{ menu: 'menuBump' }], switchAfterCalls: 1 } }] }))).toThrow(/step 1 first 1: unknown menu function "menuNope"/);
  });
});
