/**
 * Data validation, conditional formats, protections, charts, banding, metadata — readable back, and
 * rules evaluated per cell the way Sheets does.
 * Ref: https://developers.google.com/apps-script/reference/spreadsheet/data-validation-builder
 * Ref: https://developers.google.com/apps-script/reference/spreadsheet/conditional-format-rule-builder
 * Ref: https://support.google.com/docs/answer/78413 (custom formulas are relative to the range's first cell)
 */
import { EditRejected } from '../../dev/emulator';
import { setup } from './helpers';

describe('data validation', () => {
  test('a custom-formula rule is shifted per cell and evaluated (REGEXMATCH registered); empty cells pass', () => {
    const { emu, g, sheet } = setup();
    emu.loadRows([['Email', 'Phone'], ['a@x.com', ''], ['not an email', ''], ['', ''], ['b@y.org', '']]);
    const rule = g.SpreadsheetApp.newDataValidation().requireFormulaSatisfied('=REGEXMATCH(A2, "^[^@ ]+@[^@ ]+\\.[a-z]+$")').setAllowInvalid(true).setHelpText('An email').build();
    sheet.getRange('A2:A5').setDataValidation(rule);
    const valid = emu.view('Sheet1', 'A2:A5').map((r) => r[0]?.validation?.valid);
    expect(valid).toEqual([true, false, true, true]);
    const back = sheet.getRange('A3').getDataValidation();
    expect(String(back?.getCriteriaType())).toBe('CUSTOM_FORMULA');
    expect(back?.getCriteriaType()).toBe(g.SpreadsheetApp.DataValidationCriteria.CUSTOM_FORMULA);
    expect(back?.getCriteriaValues()).toEqual(['=REGEXMATCH(A2, "^[^@ ]+@[^@ ]+\\.[a-z]+$")']);
    expect(back?.getHelpText()).toBe('An email');
    expect(emu.snapshot().sheets[0]?.validations).toEqual([{ range: 'A2:A5', criteria: 'CUSTOM_FORMULA', args: ['=REGEXMATCH(A2, "^[^@ ]+@[^@ ]+\\.[a-z]+$")'], allowInvalid: true, helpText: 'An email' }]);
  });

  test('list, checkbox, date and number rules; a rejecting rule refuses what a person types but not script writes', () => {
    const { emu, g, sheet } = setup();
    const dv = g.SpreadsheetApp.newDataValidation;
    sheet.getRange('A2:A10').setDataValidation(dv().requireValueInList(['Lead', 'Won', 'Lost'], true).setAllowInvalid(false).build());
    sheet.getRange('B2:B10').setDataValidation(dv().requireCheckbox().build());
    sheet.getRange('C2:C10').setDataValidation(dv().requireDate().build());
    sheet.getRange('D2:D10').setDataValidation(dv().requireNumberGreaterThanOrEqualTo(0).build());
    sheet.getRange('A2:D3').setValues([['Won', true, '2024-01-05', '5'], ['Maybe', 'yes', 'soon', '-1']]);
    const v = emu.view('Sheet1', 'A2:D3').map((r) => r.map((c) => c.validation?.valid));
    expect(v).toEqual([[true, true, true, true], [false, false, false, false]]);
    expect(emu.view('Sheet1', 'A2')[0]?.[0]?.validation?.listValues).toEqual(['Lead', 'Won', 'Lost']);
    expect(() => emu.typeValue('A4', 'Nope')).toThrow(EditRejected);
    expect(sheet.getRange('A4').getValue()).toBe('');
    expect(emu.typeValue('A4', 'Lost').value).toBe('Lost');
    const copy = sheet.getRange('A2').getDataValidation()?.copy().setAllowInvalid(true).build();
    expect(copy?.getCriteriaValues()).toEqual([['Lead', 'Won', 'Lost'], true]);
    expect(copy?.getAllowInvalid()).toBe(true);
    sheet.getRange('A2:A10').clearDataValidations();
    expect(sheet.getRange('A2').getDataValidation()).toBeNull();
  });
});

describe('conditional formats', () => {
  test('a whole-row custom rule ($F2) colors each row by its own stage; the first matching rule wins', () => {
    const { emu, g, sheet } = setup();
    emu.loadRows([['Name', 'B', 'C', 'D', 'E', 'Stage'], ['Ada', '', '', '', '', 'Won'], ['Bo', '', '', '', '', 'Lost'], ['Cy', '', '', '', '', 'Lead']]);
    const all = sheet.getRange('A2:F100');
    const won = g.SpreadsheetApp.newConditionalFormatRule().whenFormulaSatisfied('=$F2="Won"').setBackground('#d9ead3').setRanges([all]).build();
    const lost = g.SpreadsheetApp.newConditionalFormatRule().whenFormulaSatisfied('=$F2="Lost"').setBackground('#eeeeee').setFontColor('#999999').setRanges([all]).build();
    const empty = g.SpreadsheetApp.newConditionalFormatRule().whenCellEmpty().setBackground('#f4cccc').setRanges([sheet.getRange('A2:A100')]).build();
    sheet.setConditionalFormatRules([won, lost, empty]);
    const bg = emu.view('Sheet1', 'A2:F4').map((r) => [r[0]?.background, r[5]?.background, r[5]?.fontColor]);
    expect(bg).toEqual([['#d9ead3', '#d9ead3', null], ['#eeeeee', '#eeeeee', '#999999'], [null, null, null]]);
    sheet.getRange('A4').setValue('');
    expect(emu.view('Sheet1', 'A4')[0]?.[0]?.background).toBe('#f4cccc');
    const rules = sheet.getConditionalFormatRules();
    expect(rules).toHaveLength(3);
    expect(rules[1]?.getRanges().map((r) => r.getA1Notation())).toEqual(['A2:F100']);
    const cond = rules[1]?.getBooleanCondition();
    expect(String(cond?.getCriteriaType())).toBe('CUSTOM_FORMULA');
    expect(cond?.getCriteriaValues()).toEqual(['=$F2="Lost"']);
    expect(cond?.getBackground()).toBe('#eeeeee');
    expect(emu.snapshot().sheets[0]?.conditionalFormats[0]).toEqual({ ranges: ['A2:F100'], condition: { type: 'CUSTOM_FORMULA', args: ['=$F2="Won"'] }, format: { background: '#d9ead3' } });
  });

  test('TODAY() in a rule follows the simulated clock (overdue follow-ups)', () => {
    const { emu, g, sheet } = setup({ now: Date.parse('2026-01-15T15:00:00Z') });
    emu.loadRows([['Next follow-up'], ['2026-01-10'], ['2026-01-20']]);
    const rule = g.SpreadsheetApp.newConditionalFormatRule().whenFormulaSatisfied('=AND(NOT(ISBLANK(A2)), A2<TODAY())').setBackground('#f4cccc').setRanges([sheet.getRange('A2:A3')]).build();
    sheet.setConditionalFormatRules([rule]);
    expect(emu.view('Sheet1', 'A2:A3').map((r) => r[0]?.background)).toEqual(['#f4cccc', null]);
  });

  test('deleting rows shrinks and moves rule ranges like Sheets', () => {
    const { g, sheet } = setup();
    const rule = g.SpreadsheetApp.newConditionalFormatRule().whenCellEmpty().setBackground('#ff0000').setRanges([sheet.getRange('A5:B10')]).build();
    sheet.setConditionalFormatRules([rule]);
    sheet.deleteRows(2, 2);
    expect(sheet.getConditionalFormatRules()[0]?.getRanges()[0]?.getA1Notation()).toBe('A3:B8');
    sheet.insertRowsBefore(1, 1);
    expect(sheet.getConditionalFormatRules()[0]?.getRanges()[0]?.getA1Notation()).toBe('A4:B9');
  });
});

describe('protections, charts, banding, metadata, sheets', () => {
  test('protections read back; a warning-only header protection shows in the snapshot', () => {
    const { emu, g, sheet } = setup();
    sheet.getRange('1:1').protect().setDescription('ClientFlow header').setWarningOnly(true);
    const p = sheet.getProtections(g.SpreadsheetApp.ProtectionType.RANGE);
    expect(p.map((x) => [x.getDescription(), x.isWarningOnly(), x.getRange().getA1Notation()])).toEqual([['ClientFlow header', true, 'A1:Z1']]);
    p[0]?.remove();
    expect(sheet.getProtections(g.SpreadsheetApp.ProtectionType.RANGE)).toEqual([]);
    sheet.protect().setDescription('all');
    expect(emu.snapshot().sheets[0]?.protections).toEqual([{ range: null, description: 'all', warningOnly: false }]);
  });

  test('charts: build, insert, read back, modify and update', () => {
    const { emu, g, sheet } = setup();
    const chart = sheet.newChart().setChartType(g.Charts.ChartType.BAR).addRange(sheet.getRange('A1:B7')).setPosition(2, 4, 0, 0).setOption('title', 'Funnel').build();
    sheet.insertChart(chart);
    const [c] = sheet.getCharts();
    expect(c?.getRanges().map((r) => r.getA1Notation())).toEqual(['A1:B7']);
    expect(c?.getOptions().get('title')).toBe('Funnel');
    expect(c?.getContainerInfo().getAnchorColumn()).toBe(4);
    if (c) sheet.updateChart(c.modify().setOption('title', 'Funnel 2').build());
    expect(emu.snapshot().sheets[0]?.charts).toEqual([{ chartType: 'BAR', ranges: ['A1:B7'], position: { row: 2, column: 4, offsetX: 0, offsetY: 0 }, options: { title: 'Funnel 2' } }]);
    const built = sheet.getCharts()[0];
    if (built) sheet.removeChart(built);
    expect(sheet.getCharts()).toEqual([]);
  });

  test('banding twice over the same range fails like Sheets; remove then apply works', () => {
    const { g, sheet } = setup();
    const b = sheet.getRange('A1:F50').applyRowBanding(g.SpreadsheetApp.BandingTheme.LIGHT_GREY, true, false);
    expect(() => sheet.getRange('A1:F50').applyRowBanding()).toThrow(/already has alternating background colors/);
    b.remove();
    expect(sheet.getRange('A1:F50').applyRowBanding().getRange().getA1Notation()).toBe('A1:F50');
    expect(sheet.getBandings()).toHaveLength(1);
  });

  test('developer metadata on whole columns follows a moved column', () => {
    const { emu, g, sheet } = setup();
    emu.loadRows([['Name', 'Email']]);
    sheet.getRange('B:B').addDeveloperMetadata('clientflow.field', 'email');
    expect(() => sheet.getRange('B2').addDeveloperMetadata('x')).toThrow(/Developer metadata may only be added/);
    sheet.insertColumnsBefore(1, 1);
    const found = sheet.createDeveloperMetadataFinder().withKey('clientflow.field').find();
    expect(found.map((m) => [m.getValue(), m.getLocation().getColumn()?.getA1Notation()])).toEqual([['email', 'C1:C1000']]);
    g.SpreadsheetApp.getActiveSpreadsheet().addDeveloperMetadata('clientflow.version', '1');
    expect(g.SpreadsheetApp.getActiveSpreadsheet().getDeveloperMetadata().map((m) => m.getKey())).toEqual(['clientflow.version']);
  });

  test('sheets: insert, rename (unique), hide, delete; frozen rows and widths', () => {
    const { emu, g, sheet } = setup();
    const ss = g.SpreadsheetApp.getActiveSpreadsheet();
    const funnel = ss.insertSheet('Funnel');
    expect(ss.getActiveSheet().getName()).toBe('Funnel');
    expect(() => ss.insertSheet('funnel')).toThrow('A sheet with the name "funnel" already exists. Please enter another name.');
    funnel.hideSheet();
    expect(funnel.isSheetHidden()).toBe(true);
    sheet.setFrozenRows(1);
    sheet.setColumnWidth(2, 240);
    expect([sheet.getFrozenRows(), sheet.getColumnWidth(2), sheet.getColumnWidth(3)]).toEqual([1, 240, 100]);
    ss.deleteSheet(funnel);
    expect(emu.sheetNames()).toEqual(['Sheet1']);
    expect(() => ss.deleteSheet(sheet)).toThrow(/can't remove all the sheets/);
  });
});

describe('HtmlService', () => {
  test('templates: <?= ?> escapes, <?!= ?> does not, <? ?> runs code; outputs carry title and size', () => {
    const { emu, g } = setup({ files: { Panel: '<h1><?= title ?></h1><? for (var i = 0; i < n; i++) { ?><i><?= i ?></i><? } ?><?!= raw ?>' } });
    const t = g.HtmlService.createTemplateFromFile('Panel') as GoogleAppsScript.HTML.HtmlTemplate & Record<string, unknown>;
    t.title = '<b>Tom & "Jerry"</b>';
    t.n = 2;
    t.raw = '<hr>';
    const out = t.evaluate().setTitle('ClientFlow').setWidth(300);
    expect(out.getContent()).toBe('<h1>&lt;b&gt;Tom &amp; &quot;Jerry&quot;&lt;/b&gt;</h1><i>0</i><i>1</i><hr>');
    g.SpreadsheetApp.getUi().showModalDialog(out, 'Dialog');
    expect(emu.shownHtml[0]).toMatchObject({ kind: 'modal', title: 'Dialog', width: 300 });
    expect(() => g.HtmlService.createHtmlOutputFromFile('Nope')).toThrow('No HTML file named Nope was found.');
  });

  test('alerts and prompts in their overloads take queued answers; CLOSE by default', () => {
    const { emu, g } = setup();
    const ui = g.SpreadsheetApp.getUi();
    emu.queueAnswers(['YES', 'Acme Ltd', 'CANCEL']);
    expect(ui.alert('Title', 'Merge 3 rows?', ui.ButtonSet.YES_NO)).toBe(ui.Button.YES);
    const p = ui.prompt('Company?');
    expect([p.getSelectedButton(), p.getResponseText()]).toEqual([ui.Button.OK, 'Acme Ltd']);
    expect(ui.prompt('T', 'Name?', ui.ButtonSet.OK_CANCEL).getSelectedButton()).toBe(ui.Button.CANCEL);
    expect(ui.alert('Done')).toBe(ui.Button.CLOSE);
    expect(emu.alerts.map((a) => [a.kind, a.title, a.prompt, a.buttons, a.answer.button])).toEqual([
      ['alert', 'Title', 'Merge 3 rows?', 'YES_NO', 'YES'],
      ['prompt', '', 'Company?', 'OK', 'OK'],
      ['prompt', 'T', 'Name?', 'OK_CANCEL', 'CANCEL'],
      ['alert', '', 'Done', 'OK', 'CLOSE'],
    ]);
  });
});
