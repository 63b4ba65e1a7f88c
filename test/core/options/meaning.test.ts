import { mergeOptions, markOutcome, moveOption, recolorOption, renameOption, resolveOption, splitVariant } from '../../../src/core/options';
import { optionResolver, stageOutcomes } from '../../../src/core/options/variants';
import { inferOptions } from '../../../src/core/infer';
import { inferColumnCurrency } from '../../../src/core/fields/currency';
import { fieldType } from '../../../src/core/fields';
import { defaultContext } from '../../../src/core/fields/context';
import { inferDateOrder, inferPhoneRegions } from '../../../src/core/infer/meaning';

const STAGES = ['Lead', 'lead', 'LEAD', '线索', 'Contacted', '已联系', 'Contaced', 'Qualified', '合格', 'Proposal', '方案',
  '谈判中', 'Negotiation', 'Won', '成交', '已成交', 'Closed Won', 'closed-won', 'Lost', '输单', 'Lead', 'Won', 'Lost', 'Proposal'];

describe('options with variants', () => {
  it('groups every spelling of a stage under one option, in stage order, with the outcomes known', () => {
    const r = inferOptions(STAGES, true, 'en');
    expect(r).not.toBeNull();
    if (!r) return;
    expect(r.options.map((o) => o.label)).toEqual(['Lead', 'Contacted', 'Qualified', 'Proposal', 'Negotiation', 'Won', 'Lost']);
    const won = r.options.find((o) => o.label === 'Won');
    expect(won?.outcome).toBe('won');
    expect(new Set(won?.variants)).toEqual(new Set(['成交', '已成交', 'Closed Won', 'closed-won']));
    expect(r.options.find((o) => o.label === 'Lost')?.outcome).toBe('lost');
    expect(r.stages).toEqual({ won: 'Won', lost: 'Lost' });
    expect(r.unplaced).toEqual([]);
  });

  it('labels options in the table language', () => {
    const r = inferOptions(STAGES, true, 'zh-CN');
    expect(r?.options.map((o) => o.label)).toEqual(['线索', '已联系', '合格', '方案', '谈判中', expect.stringMatching(/成交/), '输单']);
  });

  it('never places an unknown stage silently after Won: it goes before the outcomes and is flagged', () => {
    const r = inferOptions(['Lead', 'Lead', 'Contacted', 'Won', 'Lost', 'Frobnicated', 'Won'], true, 'en');
    const labels = r?.options.map((o) => o.label) ?? [];
    expect(labels.indexOf('Frobnicated')).toBeLessThan(labels.indexOf('Won'));
    expect(r?.unplaced).toEqual(['Frobnicated']);
  });

  it('resolves a raw value to its option: label, variant, meaning, typo', () => {
    const opts = [{ label: 'Won', variants: ['成交'] }, { label: 'Lost' }, { label: 'Qualified' }, { label: 'WeChat' }];
    expect(resolveOption('Won', opts)).toEqual({ label: 'Won', exact: true, by: 'label' });
    expect(resolveOption(' 成交 ', opts)).toMatchObject({ label: 'Won', exact: false });
    expect(resolveOption('Closed Won', opts)).toMatchObject({ label: 'Won', by: 'meaning' });
    expect(resolveOption('已成交', opts)).toMatchObject({ label: 'Won', by: 'meaning' });
    expect(resolveOption('微信', opts)).toMatchObject({ label: 'WeChat', by: 'meaning' });
    expect(resolveOption('Qualifed', opts)).toMatchObject({ label: 'Qualified', by: 'typo' });
    expect(resolveOption('banana', opts).label).toBeNull();
  });

  it('the dropdown type reads a variant as its option', () => {
    const ctx = { ...defaultContext('en'), options: [{ label: 'Won', color: '#00ff00' }, { label: 'Lost', color: '#ff0000' }] };
    expect(fieldType('dropdown').parse('Closed Won', ctx)).toEqual({ ok: true, value: { kind: 'option', value: 'Won' } });
  });

  it('edits: merge, split, rename, reorder, recolor, mark won/lost', () => {
    let o = [{ label: 'Won', color: '#00ff00' }, { label: '成交', color: '#00ff00' }, { label: 'Lost', color: '#ff0000' }];
    o = mergeOptions(o, 'Won', '成交') as typeof o;
    expect(o.map((x) => x.label)).toEqual(['Won', 'Lost']);
    expect(o[0]).toMatchObject({ variants: ['成交'] });
    o = splitVariant(o, 'Won', '成交', '#123456') as typeof o;
    expect(o.map((x) => x.label)).toEqual(['Won', '成交', 'Lost']);
    o = renameOption(o, 'Won', 'Closed') as typeof o;
    expect(o[0]).toMatchObject({ label: 'Closed', variants: ['Won'] });
    o = moveOption(o, 'Lost', 0) as typeof o;
    expect(o.map((x) => x.label)).toEqual(['Lost', 'Closed', '成交']);
    o = recolorOption(o, 'Lost', '#000000') as typeof o;
    expect(o[0].color).toBe('#000000');
    const m = markOutcome(markOutcome(o, 'Closed', 'won'), '成交', 'won');
    expect(m.filter((x) => x.outcome === 'won').map((x) => x.label)).toEqual(['成交']);
  });
});

describe('currency per column', () => {
  it('infers the currency from the marks, and reports a mixed column', () => {
    expect(inferColumnCurrency(['¥1,200', '8000元', '300', 'RMB 5万'], 'USD')).toEqual({ currency: 'CNY', mixed: null });
    expect(inferColumnCurrency(['$1,200', 'US$300', '5'], 'CNY')).toEqual({ currency: 'USD', mixed: null });
    const mixed = inferColumnCurrency(['¥1,200', '8000元', '$300', '€8900', '£5'], 'USD');
    expect(mixed.currency).toBe('CNY');
    expect(mixed.mixed).toEqual({ CNY: 2, USD: 1, EUR: 1, GBP: 1 });
    expect(inferColumnCurrency(['100', '200'], 'EUR')).toEqual({ currency: 'EUR', mixed: null });
  });

  it('reports an amount in another currency instead of relabelling it', () => {
    const ctx = { ...defaultContext('en'), currency: 'CNY', currencyStrict: true };
    expect(fieldType('currency').parse('€8900', ctx)).toEqual({ ok: false, code: 'otherCurrency', hint: 'EUR' });
    expect(fieldType('currency').parse('¥8900', ctx)).toMatchObject({ ok: true });
    expect(fieldType('currency').normalize('$1,500', ctx)).toMatchObject({ status: 'invalid', code: 'otherCurrency' });
  });
});

describe('phone regions per table', () => {
  const numbers = ['+86 187 9272 8087', '13291823121', '187-3768-0570', '+1 512 980 7282', '(415) 555-0101', '312-202-9028', '158 8385 4799', '+44 7998 902316'];
  it('are read from the numbers, the same whatever the interface language', () => {
    const en = inferPhoneRegions(numbers, defaultContext('en')).regions;
    const zh = inferPhoneRegions(numbers, defaultContext('zh-CN')).regions;
    expect(new Set(en)).toEqual(new Set(['CN', 'US', 'GB']));
    expect(new Set(zh)).toEqual(new Set(en));
    const verdict = (regions: string[]) => numbers.map((n) => fieldType('phone').normalize(n, { ...defaultContext('en'), region: regions[0], regions }));
    expect(verdict(en)).toEqual(verdict(zh));
  });

  it('never moves a number into another country', () => {
    const ctx = { ...defaultContext('en'), region: 'CN', regions: ['CN', 'US'] };
    expect(fieldType('phone').normalize('(415) 555-0101', ctx)).toEqual({ status: 'changed', value: '+14155550101', asText: true });
    expect(fieldType('phone').normalize('187-3768-0570', { ...ctx, region: 'US', regions: ['US', 'CN'] })).toEqual({ status: 'changed', value: '+8618737680570', asText: true });
    // Valid in both and written without a telling grouping: reported, not rewritten.
    expect(fieldType('phone').normalize('1873768 0570', { ...ctx, regions: ['US', 'CN'] })).toMatchObject({ status: 'invalid', code: 'ambiguousPhone' });
  });
});

describe('date order per column', () => {
  it('a first part above 12 decides; otherwise ambiguous', () => {
    expect(inferDateOrder(['13/04/2024', '03/04/2024'], 'MDY')).toEqual({ order: 'DMY', ambiguous: false, conflicting: false });
    expect(inferDateOrder(['04/13/2024', '03/04/2024'], 'DMY')).toEqual({ order: 'MDY', ambiguous: false, conflicting: false });
    expect(inferDateOrder(['03/04/2024'], 'DMY')).toEqual({ order: 'DMY', ambiguous: true, conflicting: false });
    expect(inferDateOrder(['2024-04-03', '2024/4/5'], 'MDY')).toMatchObject({ order: 'YMD', ambiguous: false });
  });
});

describe('one resolver', () => {
  it('the funnel reads a stage value exactly as the check and cleanup do', () => {
    const options = [
      { label: 'Lead', color: '#fff' },
      { label: 'Proposal', color: '#fff', variants: ['Offer'] },
      { label: 'Won', color: '#fff', variants: ['成交'], outcome: 'won' as const },
      { label: 'Lost', color: '#fff', outcome: 'lost' as const },
    ];
    const values = ['Won', 'won', 'Closed/Won', 'closed-won', '已成交', '成交', 'Propsal', 'offer', '报价', '线索', 'Wonn', 'nonsense', 'Lost', '流失'];
    const funnel = optionResolver(options, { stageVocabulary: true });
    expect(values.map(funnel)).toEqual(values.map((v) => resolveOption(v, options).label));
    expect(funnel('Closed/Won')).toBe('Won');
    // An option marked won is the funnel's won outcome even when no vocabulary word names it.
    expect(stageOutcomes([{ label: 'Lead', color: '#fff' }, { label: 'Done deal', color: '#fff', outcome: 'won' }])).toEqual({ won: 'Done deal', lost: null });
  });
});

describe("a person's name in both scripts", () => {
  it('is one option when the table shows both, labelled in the table language', () => {
    const owners = ['张伟', 'Zhang Wei', '张伟', 'Li Na', '李娜', 'Wei Zhang', '王芳', '王芳', 'Chen Jing'];
    const zh = inferOptions(owners, true, 'zh-CN');
    expect(Object.fromEntries(zh?.options.map((o) => [o.label, o.variants ?? []]) ?? [])).toEqual({
      张伟: ['Wei Zhang', 'Zhang Wei'], 李娜: ['Li Na'], 王芳: [], 'Chen Jing': [],
    });
    const en = inferOptions(owners, true, 'en');
    const zhangWei = en?.options.find((o) => o.variants?.includes('张伟'));
    expect([zhangWei?.label, ...(zhangWei?.variants ?? [])].sort()).toEqual(['Wei Zhang', 'Zhang Wei', '张伟'].sort());
    expect(zhangWei?.label).toMatch(/^[A-Z]/);
    // The resolver reads the other script as the option.
    expect(resolveOption('zhang  wei', zh?.options ?? []).label).toBe('张伟');
  });

  it('stays apart when two names in characters read the same (张伟 and 章伟 are both zhang wei)', () => {
    const r = inferOptions(['张伟', '章伟', 'Zhang Wei', '张伟', '章伟', 'Zhang Wei'], true, 'zh-CN');
    expect(r?.options.map((o) => o.label).sort()).toEqual(['Zhang Wei', '张伟', '章伟'].sort());
  });
});
