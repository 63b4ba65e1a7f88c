/**
 * Inserting, deleting and moving rows and columns: Sheets keeps references on their cells. A1
 * references in cell formulas shift (relative and $-absolute alike), ranges grow or shrink, references
 * to deleted cells become #REF!, and rule formulas stay written for their range's first cell.
 * Ref: https://support.google.com/docs/answer/46977
 */
import { setup } from './helpers';

describe('formula references after structural edits', () => {
  test('inserting rows above shifts cell formulas; a SUM over the rows grows with rows inserted inside it', () => {
    const { emu, sheet } = setup();
    emu.loadRows([['1'], ['2'], ['3'], ['4']]);
    sheet.getRange('B1').setFormula('=SUM(A1:A4)');
    sheet.getRange('C4').setFormula('=A4*10');
    sheet.getRange('D1').setFormula('=$A$2+Sheet1!A3');
    sheet.insertRowsBefore(3, 2); // rows 3.. move down by 2
    expect(sheet.getRange('B1').getFormula()).toBe('=SUM(A1:A6)');
    expect(sheet.getRange('C6').getFormula()).toBe('=A6*10');
    expect(sheet.getRange('C6').getValue()).toBe(40);
    expect(sheet.getRange('D1').getFormula()).toBe('=$A$2+Sheet1!A5');
    expect(sheet.getRange('D1').getValue()).toBe(5);
    sheet.insertRowBefore(1);
    expect(sheet.getRange('B2').getFormula()).toBe('=SUM(A2:A7)');
    expect(sheet.getRange('B2').getValue()).toBe(10);
  });

  test('deleting rows shrinks ranges; a reference to a deleted cell becomes #REF!', () => {
    const { emu, sheet } = setup();
    emu.loadRows([['1'], ['2'], ['3'], ['4']]);
    sheet.getRange('B1').setFormula('=SUM(A1:A4)');
    sheet.getRange('C1').setFormula('=A3+1');
    sheet.getRange('D1').setFormula('=A4');
    sheet.deleteRow(3);
    expect(sheet.getRange('B1').getFormula()).toBe('=SUM(A1:A3)');
    expect(sheet.getRange('B1').getValue()).toBe(7);
    expect(sheet.getRange('C1').getFormula()).toBe('=#REF!+1');
    expect(sheet.getRange('D1').getFormula()).toBe('=A3');
    expect(sheet.getRange('D1').getValue()).toBe(4);
  });

  test('columns: insert, delete, move; whole-column refs follow; strings and other sheets are left alone', () => {
    const { emu, g, sheet } = setup();
    emu.loadRows([['a', 'b', 'c', 'd']]);
    const other = g.SpreadsheetApp.getActiveSpreadsheet().insertSheet('Other Sheet');
    other.getRange('A1').setFormula("=Sheet1!C1&\"C1\"&'Other Sheet'!C1");
    sheet.getRange('F1').setFormula('=COUNTA(C:C)&D1');
    sheet.insertColumnBefore(2);
    expect(sheet.getRange('G1').getFormula()).toBe('=COUNTA(D:D)&E1');
    expect(other.getRange('A1').getFormula()).toBe("=Sheet1!D1&\"C1\"&'Other Sheet'!C1");
    sheet.deleteColumn(4); // the old C
    expect(sheet.getRange('F1').getFormula()).toBe('=COUNTA(#REF!)&D1');
    expect(other.getRange('A1').getFormula()).toBe("=#REF!&\"C1\"&'Other Sheet'!C1");
    sheet.getRange('A1:A2').setValues([['x'], ['y']]);
    sheet.getRange('H1').setFormula('=A1&D1');
    sheet.moveColumns(sheet.getRange('A:A'), 5); // A goes before E: B C D become A B C, A becomes D
    expect(sheet.getRange('H1').getFormula()).toBe('=D1&C1');
    expect(sheet.getRange('H1').getValue()).toBe('xd');
  });

  test('rule formulas stay on their cells: a conditional format and a custom validation after rows are inserted and deleted', () => {
    const { emu, g, sheet } = setup();
    emu.loadRows([['Name', 'Stage'], ['Ada', 'Won'], ['Bo', 'Lost'], ['Cy', 'Won']]);
    const cf = g.SpreadsheetApp.newConditionalFormatRule().whenFormulaSatisfied('=$B2="Won"').setBackground('#00ff00').setRanges([sheet.getRange('A2:B100')]).build();
    sheet.setConditionalFormatRules([cf]);
    sheet.getRange('A2:A100').setDataValidation(g.SpreadsheetApp.newDataValidation().requireFormulaSatisfied('=LEN(A2)>2').build());
    sheet.insertRowsBefore(1, 2);
    const snap = emu.snapshot().sheets[0];
    expect(snap?.conditionalFormats[0]?.ranges).toEqual(['A4:B102']);
    expect(snap?.conditionalFormats[0]?.condition.args).toEqual(['=$B4="Won"']);
    expect(snap?.validations).toEqual([expect.objectContaining({ range: 'A4:A102', args: ['=LEN(A4)>2'] })]);
    expect(emu.view('Sheet1', 'A4:A6').map((r) => [r[0]?.background, r[0]?.validation?.valid])).toEqual([['#00ff00', true], [null, false], ['#00ff00', false]]);
    sheet.deleteRows(4, 1); // the rules' first row
    const after = emu.snapshot().sheets[0];
    expect(after?.conditionalFormats[0]?.ranges).toEqual(['A4:B101']);
    expect(after?.conditionalFormats[0]?.condition.args).toEqual(['=$B4="Won"']);
    expect(after?.validations).toEqual([expect.objectContaining({ range: 'A4:A101', args: ['=LEN(A4)>2'] })]);
    expect(emu.view('Sheet1', 'A4:A5').map((r) => [r[0]?.background, r[0]?.validation?.valid])).toEqual([[null, false], ['#00ff00', false]]);
  });
});
