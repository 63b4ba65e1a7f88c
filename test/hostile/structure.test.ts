/**
 * A set-up table whose structure the user changes behind ClientFlow's back: blocks pasted over the
 * header, over the automatic columns and partly outside the table; columns moved, renamed, deleted,
 * inserted; header cells blanked, merged or turned into formulas; the table's sheet renamed or
 * deleted. The add-on must keep working, lose nothing, and say clearly what it cannot do.
 */
import { at, B2B_EN, cell, content, messages, setUp, sheetOf, table, TECHNICAL, world, type World } from './helpers';

function validateAll(w: World): string {
  const before = content(w);
  expect(w.addon.menu('menuValidateAll')).toEqual({ ok: true, result: undefined });
  // Checking never changes a value.
  expect(content(w)).toEqual(before);
  return w.emu.alerts.at(-1)?.prompt ?? '';
}

function values(w: World, sheet = 'Sheet1'): unknown[][] {
  return w.emu.snapshot().sheets.find((s) => s.name === sheet)?.values ?? [];
}

describe('pasted blocks', () => {
  it('a block pasted over the header row keeps the pasted text, and the rows below still get their automatic fields', () => {
    const w = table();
    expect(w.addon.paste('A1', [['X', 'Y', 'Z'], ['', 'Acme', 'Ann']])).toEqual({ ok: true, result: undefined });
    expect(values(w)[0]?.slice(0, 4)).toEqual(['X', 'Y', 'Z', 'Title']);
    expect(cell(w, 'A2').value).toBe('C-000001');
    expect(cell(w, at('Created', 2)).value).toBeInstanceOf(Date);
    // The renamed columns are still the table's: "Check all rows" still checks them.
    const report = validateAll(w);
    expect(report).toMatch(new RegExp(`\\b${at('Owner', 2)}\\b`));
    expect(report).not.toMatch(TECHNICAL);
    // Setting up again treats the pasted names as the user's new names for those columns.
    setUp(w);
    expect(values(w)[0]?.slice(0, 4)).toEqual(['X', 'Y', 'Z', 'Title']);
    expect(values(w)[1]?.slice(0, 3)).toEqual(['C-000001', 'Acme', 'Ann']);
  });

  it('a block over the automatic columns keeps what the user pasted there', () => {
    const w = table();
    w.addon.paste('A2', [['MY-7', 'Acme', 'Ann'], ['', 'Beta', 'Ben']]);
    expect(cell(w, 'A2').value).toBe('MY-7');
    expect(cell(w, 'A3').value).toMatch(/^C-\d{6}$/);
    expect(cell(w, at('Updated', 2)).value).toBeInstanceOf(Date);
  });

  it('a new row pasted with its own client ID still gets its Created date, like the row next to it', () => {
    const w = table();
    w.addon.paste('A2', [['MY-7', 'Acme', 'Ann'], ['', 'Beta', 'Ben']]);
    expect(cell(w, at('Created', 3)).value).toBeInstanceOf(Date);
    expect(cell(w, at('Created', 2)).value).toBeInstanceOf(Date);
  });

  it('a block reaching past the last column: the table part is filled, the part outside is left exactly as pasted', () => {
    const w = table();
    const last = B2B_EN.length; // S
    const start = `${String.fromCharCode(64 + last - 3)}2`; // P2: Notes, Created, Updated, Stage since, then 3 outside
    w.addon.paste(start, [['note', '', '', '', 'out1', '=1+1', '00123']]);
    expect(cell(w, 'A2').value).toMatch(/^C-\d{6}$/);
    expect(cell(w, 'T2').value).toBe('out1');
    expect(cell(w, 'U2').value).toBe(2); // the user's own formula, computed by Sheets, untouched
    expect(cell(w, 'U2').formula).toBe('=1+1');
    expect(cell(w, 'T2').validation).toBeNull();
    expect(w.addon.errors).toEqual([]);
  });

  it('a block pasted only outside the table changes nothing in it', () => {
    const w = table();
    w.addon.paste('V2', [['a', 'b'], ['c', 'd']]);
    expect(values(w).slice(1).map((r) => r.slice(0, B2B_EN.length).every((v) => v === ''))).toEqual([true, true]);
    expect(values(w)[0]?.slice(0, B2B_EN.length)).toEqual(B2B_EN);
    expect(values(w).map((r) => r.slice(B2B_EN.length + 2))).toEqual([['', ''], ['a', 'b'], ['c', 'd']]);
    expect(w.addon.errors).toEqual([]);
  });
});

describe('columns moved, renamed, deleted, inserted', () => {
  it('a moved column is still found by typing, checking and setting up again', () => {
    const w = table();
    w.addon.paste('B2', [['Acme', 'Ann']]);
    const sh = sheetOf(w);
    sh.moveColumns(sh.getRange('B:B'), 5); // Company after Title
    expect(w.addon.edit('B3', 'Zed')).toEqual({ ok: true, result: undefined });
    expect(cell(w, 'A3').value).toBe('C-000002');
    setUp(w);
    expect(values(w)[0]?.slice(0, 5)).toEqual(['Client ID', 'Name', 'Title', 'Company', 'Email']);
    expect(values(w)[1]?.slice(0, 4)).toEqual(['C-000001', 'Ann', '', 'Acme']);
  });

  it('a renamed header keeps its column\'s rules; setting up again keeps the user\'s name for it', () => {
    const w = table();
    w.addon.paste('B2', [['Acme', 'Ann']]);
    sheetOf(w).getRange('B1').setValue('Firm');
    w.addon.edit('B3', 'Beta');
    expect(cell(w, 'A3').value).toBe('C-000002');
    setUp(w);
    expect(values(w)[0]?.[1]).toBe('Firm');
    expect(values(w)[1]?.slice(0, 3)).toEqual(['C-000001', 'Acme', 'Ann']);
  });

  it('a column the user inserted between table columns is left alone: its header, values and formulas', () => {
    const w = table();
    const sh = sheetOf(w);
    sh.insertColumnBefore(3);
    w.addon.paste('C1', [['Mine'], ['keep'], ['=1+1']]);
    w.addon.paste('B2', [['Acme']]);
    const report = validateAll(w);
    expect(report).not.toMatch(/\bC2\b|\bC3\b/);
    setUp(w);
    expect(values(w)[0]?.slice(0, 4)).toEqual(['Client ID', 'Company', 'Mine', 'Name']);
    expect(cell(w, 'C2').value).toBe('keep');
    expect(cell(w, 'C3').formula).toBe('=1+1');
    expect(cell(w, 'C2').validation).toBeNull();
  });

  it('a deleted column: edits and checks go on with the rest, and setting up again brings the column back', () => {
    const w = table();
    w.addon.paste('B2', [['Acme', 'Ann']]);
    sheetOf(w).deleteColumn(3); // Name
    expect(w.addon.edit('B3', 'Beta')).toEqual({ ok: true, result: undefined });
    expect(cell(w, 'A3').value).toBe('C-000002');
    const report = validateAll(w);
    expect(report).not.toMatch(TECHNICAL);
    setUp(w);
    expect(values(w)[0]).toContain('Name');
    expect(values(w)[1]?.slice(0, 2)).toEqual(['C-000001', 'Acme']);
  });

  it('"Check all rows" says which column of the table is missing', () => {
    const w = table();
    w.addon.paste('B2', [['Acme', 'Ann']]);
    sheetOf(w).deleteColumn(3);
    expect(validateAll(w)).toMatch(/Name/);
  });
});

describe('header cells blanked, merged, formulas', () => {
  it('a blanked header: edits still fill the automatic columns; setting up again restores the header text', () => {
    const w = table();
    w.addon.edit('B1', '');
    w.addon.edit(at('Updated', 1), '');
    w.addon.paste('B2', [['Acme', 'Ann']]);
    expect(cell(w, at('Updated', 2)).value).toBeInstanceOf(Date);
    setUp(w);
    expect(values(w)[0]).toEqual(B2B_EN);
    expect(values(w)[1]?.slice(0, 3)).toEqual(['C-000001', 'Acme', 'Ann']);
  });

  it('merged header cells: no crash anywhere, and no value lost', () => {
    const w = table();
    w.addon.paste('B2', [['Acme', 'Ann']]);
    sheetOf(w).getRange('B1:C1').merge();
    expect(w.addon.edit('B3', 'Beta')).toEqual({ ok: true, result: undefined });
    validateAll(w);
    setUp(w);
    expect(values(w)[1]?.slice(0, 3)).toEqual(['C-000001', 'Acme', 'Ann']);
    expect(w.addon.errors).toEqual([]);
    expect(messages(w).join('\n')).not.toMatch(TECHNICAL);
  });

  it('a formula in a header cell and in data cells is kept as a formula', () => {
    const w = table();
    // The header row is plain text ('@'): typing '=…' there is text, so the formula is set as Sheets' formula bar would.
    sheetOf(w).getRange('M1').setFormula('=UPPER("priority")');
    w.addon.paste('B2', [['Acme', 'Ann']]);
    sheetOf(w).getRange(at('Deal value', 2)).setFormula('=1000*2');
    w.addon.edit('B3', 'Beta');
    validateAll(w);
    expect(cell(w, 'M1').formula).toBe('=UPPER("priority")');
    expect(cell(w, 'M1').value).toBe('PRIORITY');
    expect(cell(w, at('Deal value', 2)).formula).toBe('=1000*2');
    expect(cell(w, at('Deal value', 2)).value).toBe(2000);
  });
});

describe('the table\'s sheet renamed or deleted', () => {
  it.each([["Bob's \"客户\" list"], ['  spaced  name '], ['客户表 2026']])('renamed to %j: edits, checks and set-up follow it', (name) => {
    const w = table();
    sheetOf(w).setName(name);
    expect(w.addon.edit('B2', 'Acme', name)).toEqual({ ok: true, result: undefined });
    expect(cell(w, 'A2', name).value).toBe('C-000001');
    expect(validateAll(w)).toMatch(/\bC2\b/);
    setUp(w);
    expect(w.emu.sheetNames()).toEqual([name]);
    expect(w.emu.toasts.at(-1)?.message).toContain(name);
  });

  it('deleted: checking says the sheet is gone, in Chinese too; edits elsewhere do nothing', () => {
    for (const locale of ['en', 'zh-CN'] as const) {
      const w = table(locale);
      w.ss.insertSheet('Other');
      w.ss.deleteSheet(sheetOf(w));
      w.emu.activateSheet('Other');
      expect(w.addon.edit('B2', 'x', 'Other')).toEqual({ ok: true, result: undefined });
      expect(values(w, 'Other')).toEqual([['', ''], ['', 'x']]);
      const report = validateAll(w);
      expect(report).toMatch(locale === 'en' ? /"Sheet1" is gone/ : /“Sheet1”已不存在/);
    }
  });

  it('a sheet whose name has quotes, spaces and Chinese can be set up and checked', () => {
    const name = "It's \"our\" 客户 list";
    const w = world('en', undefined, name);
    setUp(w);
    w.addon.paste('B2', [['Acme', 'Ann']], name);
    expect(cell(w, 'A2', name).value).toBe('C-000001');
    expect(validateAll(w)).toMatch(/\bH2\b/);
    expect(w.addon.errors).toEqual([]);
  });
});

describe('running things twice', () => {
  it('set-up, adopt and check twice in a row: same table, same rules, no value changed', () => {
    const w = table();
    w.addon.paste('B2', [['Acme', 'Ann', '', 'ann@example', '', '', 'Bo', 'Lead']]);
    const state = () => w.emu.snapshot().sheets.map((s) => ({ ...s, values: s.values }));
    const r1 = validateAll(w);
    const once = state();
    const r2 = validateAll(w);
    expect(r2).toBe(r1);
    expect(state()).toEqual(once);
    setUp(w);
    setUp(w);
    expect(w.emu.sheetNames().filter((n) => !n.startsWith('ClientFlow stage history'))).toEqual(['Sheet1']); // the hidden stage history is ours
    expect(values(w)[1]?.slice(0, 5)).toEqual(['C-000001', 'Acme', 'Ann', '', 'ann@example']);
    w.emu.queueAnswers(['YES', 'OK', 'YES', 'OK']);
    w.addon.menu('menuAdopt');
    const adopted = content(w);
    w.addon.menu('menuAdopt');
    expect(content(w)).toEqual(adopted);
    expect(w.addon.errors).toEqual([]);
  });
});
