import { HyperFormula } from 'hyperformula';
import { fieldType } from '../../../src/core/fields';
import { sequentialLayout } from '../../../src/core/table/layout';
import { mergeRules, planRules, ruleKind, SETUP_RULE_KINDS, INVALID_RULE_KINDS, markedFormula } from '../../../src/core/setup/rules';
import { planSetup, type SetupPlan } from '../../../src/core/setup/plan';
import { templateSchema } from '../../../src/core/templates';
import type { TableSchema } from '../../../src/core/schema';

const types = fieldType;

function plan(schema: TableSchema, maxRows = 1000, uiLocale: 'en' | 'zh-CN' = 'en'): SetupPlan {
  return planSetup(schema, sequentialLayout(schema.fields), 1, { timeZone: 'America/New_York', maxRows, uiLocale, writeHeaders: true }, types);
}

const col = (p: SetupPlan, key: string) => {
  const c = p.columns.find((x) => x.key === key);
  if (!c) throw new Error(key);
  return c;
};

describe('planSetup', () => {
  const b2b = templateSchema('b2b', 'en');
  const p = plan(b2b);

  it('writes the headers as one block and styles, freezes and protects the header row (warning only)', () => {
    expect(p.headerBlocks).toEqual([{ a1: 'A1:S1', row: 1, column: 1, headers: b2b.fields.map((f) => f.header) }]);
    expect(p.frozenRows).toBe(1);
    expect(p.headerStyle.bold).toBe(true);
    expect(p.protection.a1s).toEqual(['A1:S1']);
    expect(p.protection.description).toMatch(/^ClientFlow/);
    expect(p.banding).toEqual({ a1: 'A2:S1000' });
  });

  it('keeps phone and ID columns as plain text and formats dates and money', () => {
    expect(col(p, 'phone').numberFormat).toBe('@');
    expect(col(p, 'clientId').numberFormat).toBe('@');
    expect(col(p, 'nextFollowUp').numberFormat).toBe(col(p, 'lastContact').numberFormat);
    expect(col(p, 'nextFollowUp').numberFormat).toMatch(/y/);
    expect(col(p, 'dealValue').numberFormat).toMatch(/\$|USD/);
    const zh = plan(templateSchema('b2b', 'zh-CN'));
    expect(col(zh, 'dealValue').numberFormat).toMatch(/¥|CNY|元/);
  });

  it('covers every row below the header, whatever the row count', () => {
    expect(col(p, 'stage').dataRange).toBe('I2:I1000');
    expect(col(plan(b2b, 100_000), 'stage').dataRange).toBe('I2:I100000');
    expect(plan(b2b, 100_000).columns.length).toBe(p.columns.length);
    expect(plan(b2b, 100_000).rules.length).toBe(p.rules.length);
  });

  it('derives validation from the field type: dropdown list, date, custom formulas for email/phone, none for auto fields', () => {
    const stage = col(p, 'stage').validation;
    expect(stage?.spec).toEqual({ kind: 'list', values: ['Lead', 'Contacted', 'Qualified', 'Proposal', 'Negotiation', 'Won', 'Lost'] });
    expect(stage?.allowInvalid).toBe(false); // the template's stage rejects other values
    expect(col(p, 'priority').validation?.allowInvalid).toBe(true); // warn: red corner
    expect(col(p, 'nextFollowUp').validation?.spec.kind).toBe('date');
    const email = col(p, 'email').validation?.spec;
    expect(email?.kind).toBe('customFormula');
    expect(email?.kind === 'customFormula' && email.formula).toContain('E2');
    expect(col(p, 'phone').validation?.spec.kind).toBe('customFormula');
    expect(col(p, 'clientId').validation).toBeNull();
    for (const k of ['created', 'updated', 'stageSince']) {
      const v = col(p, k).validation;
      if (v) expect(v).toMatchObject({ allowInvalid: true, helpText: expect.stringMatching(/ClientFlow/) });
    }
    expect(col(p, 'email').validation?.helpText).toMatch(/email/i);
    expect(col(plan(b2b, 1000, 'zh-CN'), 'email').validation?.helpText).toMatch(/邮箱/);
  });

  it('writes help texts and the protection note in the user\'s language', () => {
    const zh = plan(b2b, 1000, 'zh-CN');
    expect(zh.protection.description).toMatch(/^ClientFlow 表头/);
    expect(col(zh, 'stage').validation?.helpText).toMatch(/选项/);
  });
});

describe('conditional-format rules', () => {
  const b2b = templateSchema('b2b', 'en');
  const layout = sequentialLayout(b2b.fields);
  const rules = planRules(b2b, layout, { firstRow: 2, lastRow: 1000 });

  it('are all recognizable as ours and in precedence order', () => {
    expect(rules.every((r) => ruleKind(r.formula) === r.kind)).toBe(true);
    const kinds = rules.map((r) => r.kind);
    expect(kinds.indexOf('required')).toBeLessThan(kinds.indexOf('overdue'));
    expect(kinds.indexOf('overdue')).toBeLessThan(kinds.indexOf('option'));
    expect(kinds.lastIndexOf('option')).toBeLessThan(kinds.indexOf('won'));
    expect(kinds.filter((k) => k === 'required').length).toBe(b2b.fields.filter((f) => f.required).length);
    // One color rule per option of every dropdown.
    const options = b2b.fields.reduce((n, f) => n + (f.options?.length ?? 0), 0);
    expect(kinds.filter((k) => k === 'option').length).toBe(options);
    expect(rules.find((r) => r.kind === 'won')).toMatchObject({ ranges: ['A2:S1000'], format: { background: '#d9ead3' } });
    expect(rules.find((r) => r.kind === 'lost')?.format.background).toBe('#e0e0e0');
    expect(rules.find((r) => r.kind === 'stale')?.formula).toContain('TODAY()-14');
  });

  it('tell ours from the user\'s own, so that set-up replaces only ours', () => {
    expect(ruleKind('=$A2>5')).toBeNull();
    expect(ruleKind(null)).toBeNull();
    expect(ruleKind('=AND(ISTEXT("clientflow:won"),$I2="Won")')).toBe('won');
    type R = { f: string | null; id: string };
    const existing: R[] = [{ f: markedFormula('won', 'TRUE'), id: 'old-ours' }, { f: '=$A2>5', id: 'user' }, { f: null, id: 'user-color-scale' }, { f: markedFormula('invalid', 'TRUE'), id: 'invalid' }];
    expect(mergeRules(existing, (r) => r.f, SETUP_RULE_KINDS)).toEqual({ keep: [existing[1], existing[2]], userRules: 2 });
    expect(mergeRules(existing, (r) => r.f, INVALID_RULE_KINDS).keep.map((r) => r.id)).toEqual(['old-ours', 'user', 'user-color-scale']);
  });

  it('escape quotes in option labels', () => {
    const s = templateSchema('b2b', 'en');
    const odd = { ...s, fields: s.fields.map((f) => (f.key === 'priority' ? { ...f, options: [{ label: 'Say "hi"', color: '#ffffff' }] } : f)) };
    const r = planRules(odd, sequentialLayout(odd.fields), { firstRow: 2, lastRow: 10 }).find((x) => x.formula.includes('Say'));
    expect(r?.formula).toContain('"Say ""hi"""');
  });

  it('colors a row at any variant of Won as won', () => {
    const s = templateSchema('b2b', 'en');
    const won = planRules(s, sequentialLayout(s.fields), { firstRow: 2, lastRow: 10 }).find((x) => x.kind === 'won');
    expect(won?.formula).toMatch(/^=AND\(ISTEXT\("clientflow:won"\),OR\(TRIM\(\$I2\)="Won",TRIM\(\$I2\)="成交"/);
  });

  describe('evaluated by a formula engine on a sample table', () => {
    // Columns A..S as in the B2B template; row 2 an open deal overdue and stale, row 3 won, row 4 empty.
    const past = 36526; // 2000-01-01 as a serial
    const future = 73051; // 2100-01-01
    const row = (stage: string, follow: number | null, last: number | null, name: string | null) => {
      const r: (string | number | null)[] = Array.from({ length: 19 }, () => null);
      r[1] = 'ACME';
      r[2] = name;
      r[8] = stage;
      r[10] = follow;
      r[11] = last;
      return r;
    };
    const data = [b2b.fields.map((f) => f.header), row('Lead', past, past, null), row('Won', past, past, 'Ann'), Array.from({ length: 19 }, () => null), row('Qualified', future, future, 'Bo')];
    const hf = HyperFormula.buildFromArray(data, { licenseKey: 'gpl-v3' });
    /** The rule's formula as Sheets applies it to `rowNumber` (relative rows shifted from row 2). */
    const at = (kind: string, rowNumber: number, extra?: (f: string) => boolean) => {
      const r = rules.find((x) => x.kind === kind && (!extra || extra(x.formula)));
      if (!r) throw new Error(kind);
      const f = r.formula.replace(/\$([A-Z]+)2\b/g, (_m, c: string) => `$${c}${rowNumber}`);
      return hf.calculateFormula(f, 0);
    };
    afterAll(() => hf.destroy());

    it('overdue follow-up: past date on an open deal only', () => {
      expect(at('overdue', 2)).toBe(true);
      expect(at('overdue', 3)).toBe(false); // won
      expect(at('overdue', 5)).toBe(false); // future
      expect(at('overdue', 4)).toBe(false); // empty row
    });
    it('stale last contact: older than 14 days, open deals only', () => {
      expect(at('stale', 2)).toBe(true);
      expect(at('stale', 3)).toBe(false);
      expect(at('stale', 5)).toBe(false);
    });
    it('required but empty: only on rows that have something in them', () => {
      const name = (f: string) => f.includes('$C');
      expect(at('required', 2, name)).toBe(true);
      expect(at('required', 3, name)).toBe(false);
      expect(at('required', 4, name)).toBe(false);
    });
    it('whole row by stage and option colors', () => {
      expect(at('won', 3)).toBe(true);
      expect(at('won', 2)).toBe(false);
      expect(at('lost', 3)).toBe(false);
      expect(at('option', 2, (f) => f.includes('"Lead"'))).toBe(true);
      expect(at('option', 2, (f) => f.includes('"Won"'))).toBe(false);
    });
  });
});
