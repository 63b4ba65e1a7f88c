import { dateToSerial, defaultContext } from '../../../src/core/fields';
import { computeFunnel, funnelTableFromGrid, historyFromGrid, stagesWithHistory } from '../../../src/core/funnel';
import { optionResolver, stageOutcomes } from '../../../src/core/options/variants';

const EN = defaultContext('en', { region: 'US' });
const ZH = defaultContext('zh-CN', { region: 'CN' });

describe('funnelTableFromGrid', () => {
  it('finds the stage, ID, owner, channel, created and value columns as Adopt infers them', () => {
    const r = funnelTableFromGrid([
      ['Client ID', 'Name', 'Owner', 'Source', 'Status', 'Amount', 'Created'],
      ['C1', 'Ann', 'Amy', 'Web', 'Lead', '$1,200', new Date(Date.UTC(2026, 0, 5, 10, 30))],
      ['C2', 'Bob', 'Ben', 'Referral', 'Won', '3.5k', '2026-01-06'],
      ['C3', 'Cy', 'Amy', 'web', 'Lost', '', '1/7/2026'],
      ['', '', '', '', '', '', ''],
      ['C4', 'Dee', 'Ben', 'Web', 'Proposal', '800', ''],
    ], EN);
    if (!r.ok) throw new Error(r.problem);
    const t = r.table;
    expect(t.columns).toEqual({ stage: 'Status', id: 'Client ID', owner: 'Owner', channel: 'Source', created: 'Created', stageSince: null, value: 'Amount' });
    expect(t.records.map((x) => x.id)).toEqual(['C1', 'C2', 'C3', 'C4']);
    expect(t.records.map((x) => x.value)).toEqual([1200, 3500, null, 800]);
    // Dates as serials: a Date cell keeps its time of day, text as the date types read it (US order).
    expect(t.records.map((x) => x.created)).toEqual([dateToSerial(2026, 1, 5) + 10.5 / 24, dateToSerial(2026, 1, 6), dateToSerial(2026, 1, 7), null]);
    // The channel dropdown: 'web' is the option 'Web'.
    expect(t.records.map((x) => x.channel)).toEqual(['Web', 'Referral', 'Web', 'Web']);
    expect(t.stage.options.map((o) => o.label)).toEqual(['Lead', 'Proposal', 'Won', 'Lost']);
  });

  it('a table with no stage column is refused with a reason, not guessed', () => {
    expect(funnelTableFromGrid([['Name', 'Email'], ['Ann', 'a@b.co'], ['Bob', 'b@c.co']], EN)).toEqual({ ok: false, problem: 'noStage' });
    expect(funnelTableFromGrid([['1', '2'], ['3', '4']], EN)).toEqual({ ok: false, problem: 'noHeader' });
    // A "Status" column of other words is no funnel either.
    const status = funnelTableFromGrid([['Name', 'Status'], ...['Active', 'Inactive', 'Active', 'Active', 'Inactive', 'Paused'].map((s, i) => [`N${i}`, s])], EN);
    expect(status.ok && status.table.stage.options.map((o) => o.label)).toEqual(['Active', 'Inactive', 'Paused']);
  });

  it('finds stages by their values under an unknown header, and leaves out values with no known place', () => {
    const grid = [['Name', 'Phase'], ...['Lead', 'Lead', 'Contacted', 'Won', 'Lost', 'On hold', 'Lead', 'Won'].map((s, i) => [`N${i}`, s])];
    const r = funnelTableFromGrid(grid, EN);
    if (!r.ok) throw new Error(r.problem);
    expect(r.table.columns.stage).toBe('Phase');
    const f = computeFunnel({ records: r.table.records, stage: r.table.stage, now: new Date(0), timeZone: 'UTC' });
    expect(f.stages.map((s) => [s.label, s.reached])).toEqual([['Lead', 7], ['Contacted', 3], ['Won', 2]]);
    expect(f.unmapped).toEqual([{ value: 'On hold', count: 1 }]);
  });

  it('reads a Chinese table: 跟进阶段 with variants, 客户编号, 负责人, 金额 in 万', () => {
    const r = funnelTableFromGrid([
      ['客户编号', '客户名称', '负责人', '跟进阶段', '成交金额'],
      ['K1', '张伟', '王', '线索', '1.2万'],
      ['K2', '李娜', '王', '成交', '¥5,000'],
      ['K3', '王芳', '赵', '已成交', '8000元'],
      ['K5', '周杰', '赵', '成交', ''],
      ['K4', '刘洋', '赵', '丢单', ''],
    ], ZH);
    if (!r.ok) throw new Error(r.problem);
    const f = computeFunnel({ records: r.table.records, stage: r.table.stage, now: new Date(0), timeZone: 'Asia/Shanghai' });
    expect(f.stages.map((s) => [s.label, s.reached, s.value])).toEqual([['线索', 5, 12000], ['成交', 3, 13000]]);
    expect([f.won, f.lost]).toEqual([3, 1]);
  });
});

describe('historyFromGrid', () => {
  it('finds the columns by their English or Chinese headers, in any order, below a title', () => {
    const en = historyFromGrid([['Stage history'], ['When', 'Client ID', 'To', 'From', 'Owner'], ['2026-01-02 08:00', 'C1', 'Contacted', 'Lead', 'Amy']], EN);
    expect(en).toEqual({ ok: true, header: true, skipped: 0, changes: [{ id: 'C1', from: 'Lead', to: 'Contacted', when: dateToSerial(2026, 1, 2) + 8 / 24 }] });
    const zh = historyFromGrid([['客户编号', '原阶段', '新阶段', '变更时间'], ['K1', '线索', '方案', '2026年1月3日 14:30'], ['', '线索', '方案', '2026-01-03'], ['K2', '线索', '方案', '不详']], ZH);
    expect(zh).toEqual({ ok: true, header: true, skipped: 2, changes: [{ id: 'K1', from: '线索', to: '方案', when: dateToSerial(2026, 1, 3) + 14.5 / 24 }] });
  });

  it('Date cells (from getValues) and seconds are kept as the time of day', () => {
    const h = historyFromGrid([['Client ID', 'From', 'To', 'When'], ['C1', 'Lead', 'Won', new Date(Date.UTC(2026, 0, 2, 6))], ['C1', 'Won', 'Lost', '2026-01-03T00:00:36']], EN);
    expect(h.ok && h.changes.map((c) => c.when)).toEqual([dateToSerial(2026, 1, 2) + 0.25, dateToSerial(2026, 1, 3) + 36 / 86400]);
  });

  it('without a header: four columns by position when the fourth holds dates; else says what is missing', () => {
    const h = historyFromGrid([['C1', 'Lead', 'Won', '2026-01-02']], EN);
    expect(h.ok && h.header).toBe(false);
    // A stage value that is also a header word ('Before') does not make a data row a header.
    const v = historyFromGrid([['C1', 'Before', 'Lead', '2026-01-02'], ['C1', 'Lead', 'Won', '2026-01-05']], EN);
    expect(v.ok && v.changes.length).toBe(2);
    expect(historyFromGrid([['Client ID', 'Stage'], ['C1', 'Lead']], EN)).toEqual({ ok: false, missing: ['from', 'to', 'when'] });
    expect(historyFromGrid([['a', 'b', 'c', 'd'], ['e', 'f', 'g', 'h']], EN)).toEqual({ ok: false, missing: ['id', 'from', 'to', 'when'] });
  });
});

describe('stagesWithHistory', () => {
  it('adds the stages the history names that no client is in today, at their place, spelled as the history does', () => {
    const field = { options: ['Lead', 'Qualified', 'Won', 'Lost'].map((label) => ({ label, color: '#fff' })) };
    const h = (from: string, to: string) => ({ id: 'A', from, to, when: 1 });
    const out = stagesWithHistory(field, [h('Lead', 'contacted'), h('contacted', 'Qualified'), h('Lead', 'Contacted'), h('Lead', 'contacted'), h('Qualified', '谈判'), h('谈判', 'Nowhere'), h('lead', '成交')]);
    expect(out.options.map((o) => o.label)).toEqual(['Lead', 'contacted', 'Qualified', '谈判', 'Won', 'Lost']);
    expect(out.options[1].variants).toEqual(['Contacted']);
    // Nothing to add: the same field back.
    expect(stagesWithHistory(field, [h('Lead', 'Won')])).toBe(field);
  });
});

describe('options with variants', () => {
  const options = [{ label: 'Lead', color: '#fff' }, { label: 'Proposal', color: '#fff', variants: ['Offer'] }, { label: 'Signed', color: '#fff' }, { label: 'Gone', color: '#fff' }];

  it('maps a raw value to its option by label, alias, folding, typo and the stage vocabulary', () => {
    const r = optionResolver(options, { stageVocabulary: true });
    expect(['lead', 'ＬＥＡＤ', ' offer ', 'Proposl', '报价', 'quote', '线索', 'Closed-Won', '已签约', 'nonsense', ''].map(r)).toEqual(
      ['Lead', 'Lead', 'Proposal', 'Proposal', 'Proposal', 'Proposal', 'Lead', 'Signed', 'Signed', null, null],
    );
    // Without the stage vocabulary the option's own spellings count, and what they mean (the one option
    // resolver: '报价' means the same as the variant 'Offer'); a word of no option's meaning stays none.
    expect(['报价', 'offer', 'nonsense'].map(optionResolver(options))).toEqual(['Proposal', 'Proposal', null]);
  });

  it('knows the outcomes: given labels first, else the vocabulary (Signed is won; Gone is no known word)', () => {
    expect(stageOutcomes(options)).toEqual({ won: 'Signed', lost: null });
    expect(stageOutcomes(options, { lost: 'Gone' })).toEqual({ won: 'Signed', lost: 'Gone' });
    expect(stageOutcomes(options, { won: 'Nope' })).toEqual({ won: 'Signed', lost: null });
  });
});
