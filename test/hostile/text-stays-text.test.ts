/**
 * "Text stays text" (docs/ARCHITECTURE.md rule 4) under hostile input: formula-looking names and notes
 * (`=cmd|' /C calc'!A0`, `+SUM(1)`, `-1+2`, `@foo`), numeric-looking IDs and phones, hostile header
 * labels and dropdown options sent from the sidebar. Wherever ClientFlow writes, or keeps, such a
 * value, the cell must still hold exactly that text: no formula, no number, no date.
 */
import { at, B2B_EN, cell, content, FORMULA_LIKE, MARKUP, messages, setUp, sheetOf, table, TECHNICAL, world, type World } from './helpers';

type Field = { key: string; header: string; label: { en: string; 'zh-CN': string }; role: string | null; type: string; options?: Array<{ label: string; color: string }> };
type Schema = { fields: Field[]; stages: { won: string; lost: string } | null };

function previewB2B(w: World): Schema {
  const r = w.addon.call('previewTemplate', ['b2b', 'en']);
  if (!r.ok) throw new Error(r.error);
  const env = r.result as { ok: boolean; data: Schema };
  expect(env.ok).toBe(true);
  return env.data;
}

function applySetup(w: World, schema: Schema): { ok: boolean; data?: { message: string }; error?: { message: string } } {
  const r = w.addon.call('applySetup', [schema]);
  expect(r.ok).toBe(true);
  return (r as { result: { ok: boolean } }).result;
}

/** Asserts the cell holds exactly `text` as text: value, display, and no formula. */
function expectText(w: World, a1: string, text: string): void {
  const c = cell(w, a1);
  expect({ a1, value: c.value, formula: c.formula, display: c.display }).toEqual({ a1, value: text, formula: '', display: text });
}

describe('formula-looking values typed or pasted into a set-up table stay text', () => {
  it('pasted names, companies and notes keep their exact text while onEdit fills the automatic columns', () => {
    const w = table();
    const row = ['', ...FORMULA_LIKE.slice(0, 4), '00123'];
    expect(w.addon.paste('A2', [row])).toEqual({ ok: true, result: undefined });
    expect(w.addon.edit(at('Notes', 2), "=cmd|' /C calc'!A0")).toEqual({ ok: true, result: undefined });
    expect(w.addon.edit(at('Next step', 2), '+SUM(1)')).toEqual({ ok: true, result: undefined });
    expectText(w, 'B2', "=cmd|' /C calc'!A0");
    expectText(w, 'C2', '+SUM(1)');
    expectText(w, 'D2', '-1+2');
    expectText(w, 'E2', '@foo');
    expectText(w, 'F2', '00123');
    expectText(w, at('Notes', 2), "=cmd|' /C calc'!A0");
    expectText(w, at('Next step', 2), '+SUM(1)');
    // The automatic columns were filled around them.
    expect(cell(w, 'A2').value).toBe('C-000001');
    expect(cell(w, at('Created', 2)).value).toBeInstanceOf(Date);
    expect(w.addon.errors).toEqual([]);
  });

  it('a user-typed client ID that looks like a number or formula is kept as typed, and new IDs continue after it', () => {
    const w = table();
    w.addon.paste('A2', [['00042', 'Acme', 'Ann'], ['=1+1', 'Beta', 'Ben'], ['', 'Gamma', 'Cy']]);
    expectText(w, 'A2', '00042');
    expectText(w, 'A3', '=1+1');
    expect(cell(w, 'A4').value).toMatch(/^C-\d{6}$/);
  });

  it('"Check all rows" reports such values and changes none of them', () => {
    const w = table();
    w.addon.paste('A2', [['', "=cmd|' /C calc'!A0", '+SUM(1)', '-1+2', '@foo', '=1+1', '-1+2', '', '', 'Lead']]);
    const before = content(w);
    expect(w.addon.menu('menuValidateAll')).toEqual({ ok: true, result: undefined });
    expect(content(w)).toEqual(before);
    const report = w.emu.alerts.at(-1)?.prompt ?? '';
    // The email and phone columns hold text that is not an email / phone: reported, not altered.
    expect(report).toMatch(/\bF2\b/);
    expect(report).toMatch(/\bE2\b/);
    expect(report).not.toMatch(TECHNICAL);
  });
});

describe('header labels and dropdown options from the sidebar are written as text', () => {
  it('formula- and number-looking header labels land in the header row exactly as typed', () => {
    const w = world();
    const schema = previewB2B(w);
    const hostile = [...FORMULA_LIKE, ...MARKUP];
    schema.fields.forEach((f, i) => {
      const h = hostile[i];
      if (h !== undefined) { f.header = h; f.label = { en: h, 'zh-CN': h }; }
    });
    const res = applySetup(w, schema);
    expect(res.ok).toBe(true);
    hostile.forEach((h, i) => expectText(w, `${String.fromCharCode(65 + i)}1`, h));
    // The user's own columns are still found by their (hostile) headers: an edit fills the automatic ones.
    expect(w.addon.edit('C2', 'Ann')).toEqual({ ok: true, result: undefined });
    expect(cell(w, at('Created', 2)).value).toBeInstanceOf(Date);
    expect(w.addon.errors).toEqual([]);
  });

  it('a dropdown option that looks like a formula is a valid choice, kept as text, and colored', () => {
    const w = world();
    const schema = previewB2B(w);
    const stage = schema.fields.find((f) => f.role === 'stage');
    if (!stage?.options) throw new Error('no stage field');
    stage.options[0] = { label: '=1+1', color: '#cfe2f3' };
    stage.options[1] = { label: '+SUM(1)', color: '#d9d2e9' };
    stage.options[2] = { label: 'Say "hi"', color: '#fce5cd' };
    expect(applySetup(w, schema).ok).toBe(true);
    const col = B2B_EN.indexOf('Stage');
    const a1 = (r: number) => `${String.fromCharCode(65 + col)}${r}`;
    expect(cell(w, a1(2)).validation?.listValues?.slice(0, 3)).toEqual(['=1+1', '+SUM(1)', 'Say "hi"']);
    w.addon.paste('B2', [['Acme', 'Ann', '', '', '', '', 'Bo']]);
    for (const [r, v] of [[2, '=1+1'], [3, '+SUM(1)'], [4, 'Say "hi"']] as const) {
      if (r > 2) w.addon.paste(`B${r}`, [['Co', 'Nm', '', '', '', '', 'Bo']]);
      expect(w.addon.edit(a1(r), v)).toEqual({ ok: true, result: undefined });
      expectText(w, a1(r), v);
    }
    expect(cell(w, a1(2)).background).toBe('#cfe2f3');
    // (Not asserted for 'Say "hi"': the emulator's formula engine, HyperFormula, cannot parse the
    // doubled quote of a Sheets string literal, which Sheets itself reads fine.)
    w.addon.menu('menuValidateAll');
    // Choosing an option of the list is never reported as an error.
    expect(w.emu.alerts.at(-1)?.prompt).not.toMatch(new RegExp(`\\b${a1(2)}\\b|\\b${a1(3)}\\b|\\b${a1(4)}\\b`));
  });
});

describe('adopting a sheet never turns its text into formulas or numbers', () => {
  it('names, notes and phones that look like formulas or numbers are the same text after adopting', () => {
    const w = world('en');
    const sheet = sheetOf(w);
    // Cells the user formatted as plain text before typing, as Sheets users do for IDs and phones.
    sheet.getRange('A1:E4').setNumberFormat('@');
    w.emu.loadRows([
      ['Name', 'Email', 'Phone', 'Notes', 'Customer no.'],
      ["=cmd|' /C calc'!A0", 'a@example.com', '+86 138 0013 8000', '+SUM(1)', '00123'],
      ['@foo', 'b@example.com', '0044 20 7946 0958', '-1+2', '0001'],
      ['Ann Lee', 'c@example.com', '13800138000', '=HYPERLINK("http://evil.example","x")', '0002'],
    ]);
    const before = content(w);
    w.emu.queueAnswers(['YES']);
    expect(w.addon.menu('menuAdopt')).toEqual({ ok: true, result: undefined });
    expect(content(w)).toEqual(before);
    expectText(w, 'A2', "=cmd|' /C calc'!A0");
    expectText(w, 'C2', '+86 138 0013 8000');
    expectText(w, 'E2', '00123');
    // New typing into the adopted phone column stays text too.
    w.addon.edit('C5', '+86 139 0013 9000');
    expectText(w, 'C5', '+86 139 0013 9000');
    expect(messages(w).join('\n')).not.toMatch(TECHNICAL);
  });
});

describe('a set-up table twice over hostile headers', () => {
  it('set-up again keeps every hostile header text and the values under it', () => {
    const w = world();
    const schema = previewB2B(w);
    schema.fields[1]!.header = '=1+1';
    schema.fields[1]!.label = { en: '=1+1', 'zh-CN': '=1+1' };
    expect(applySetup(w, schema).ok).toBe(true);
    w.addon.paste('B2', [['-1+2', 'Ann']]);
    const before = content(w);
    setUp(w);
    expect(content(w)).toEqual(before);
    expectText(w, 'B1', '=1+1');
    expectText(w, 'B2', '-1+2');
  });
});
