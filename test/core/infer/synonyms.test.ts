import { headerKey, roleForHeader } from '../../../src/core/infer/synonyms';
import { inferOptions, knownStage, optionKey } from '../../../src/core/infer/options';
import { editDistance } from '../../../src/core/text/distance';
import { findHeaderRow } from '../../../src/core/infer/infer';

describe('headerKey', () => {
  it('folds case, spaces, punctuation and full-width forms', () => {
    expect(headerKey('E-mail')).toBe('email');
    expect(headerKey(' Ｅｍａｉｌ： ')).toBe('email');
    expect(headerKey('Next follow-up')).toBe('nextfollowup');
    expect(headerKey('联系 电话')).toBe('联系电话');
  });
});

describe('roleForHeader', () => {
  const cases: Array<[string, string]> = [
    ['邮箱', 'email'], ['Email', 'email'], ['E-mail', 'email'], ['电子邮件', 'email'], ['邮件地址', 'email'],
    ['手机', 'phone'], ['电话', 'phone'], ['联系电话', 'phone'], ['手机号', 'phone'], ['Phone', 'phone'], ['Tel', 'phone'], ['Mobile', 'phone'],
    ['阶段', 'stage'], ['状态', 'stage'], ['跟进阶段', 'stage'], ['Stage', 'stage'], ['Status', 'stage'],
    ['客户', 'name'], ['客户名称', 'name'], ['姓名', 'name'], ['联系人', 'name'], ['Name', 'name'], ['Client', 'name'],
    ['公司', 'company'], ['企业', 'company'], ['Company', 'company'],
    ['负责人', 'owner'], ['销售', 'owner'], ['Owner', 'owner'], ['Rep', 'owner'],
    ['来源', 'channel'], ['渠道', 'channel'], ['Channel', 'channel'], ['Source', 'channel'],
    ['下次跟进', 'nextFollowUp'], ['Next follow-up', 'nextFollowUp'], ['NEXT FOLLOW UP', 'nextFollowUp'],
    ['最近联系', 'lastContact'], ['Last contact', 'lastContact'],
    ['金额', 'dealValue'], ['成交金额', 'dealValue'], ['Deal value', 'dealValue'], ['Amount', 'dealValue'],
    ['备注', 'notes'], ['Notes', 'notes'],
  ];
  it.each(cases)('%s → %s', (header, role) => {
    expect(roleForHeader(header)?.role).toBe(role);
  });
  it('prefers the longest contained synonym', () => {
    expect(roleForHeader('Last contact date (UTC)')?.role).toBe('lastContact');
    expect(roleForHeader('联系人电话')?.role).toBe('phone');
    expect(roleForHeader('客户邮箱')?.role).toBe('email');
  });
  it('knows nothing of unrelated headers', () => {
    expect(roleForHeader('Favourite colour')).toBeNull();
    expect(roleForHeader('')).toBeNull();
    expect(roleForHeader('身高')).toBeNull();
  });
});

describe('inferOptions', () => {
  it('folds case/spacing variants and small typos into the most frequent spelling', () => {
    const values = ['Qualified', 'Qualified', 'qualified ', 'Qualifed', 'Lead', 'Lead', 'Lead', 'Won', 'Won', 'Lost', 'Lost', 'Contacted', 'Contacted', 'Proposal', 'Proposal'];
    const r = inferOptions(values, true);
    expect(r).not.toBeNull();
    expect(r?.options.map((o) => o.label)).toEqual(['Lead', 'Contacted', 'Qualified', 'Proposal', 'Won', 'Lost']);
    const q = r?.options.find((o) => o.label === 'Qualified');
    expect(q?.variants?.sort()).toEqual(['Qualifed', 'qualified'].sort());
    expect(r?.stages).toEqual({ won: 'Won', lost: 'Lost' });
  });
  it('orders Chinese stages and names the terminals', () => {
    const values = ['成交', '线索', '谈判', '流失', '线索', '方案', '成交', '初步接触', '流失', '谈判', '线索', '方案'];
    const r = inferOptions(values, true);
    expect(r?.options.map((o) => o.label)).toEqual(['线索', '初步接触', '方案', '谈判', '成交', '流失']);
    expect(r?.stages).toEqual({ won: '成交', lost: '流失' });
  });
  it('refuses columns with too many distinct values', () => {
    const values = Array.from({ length: 100 }, (_, i) => `Person ${i}`);
    expect(inferOptions(values, false)).toBeNull();
    expect(inferOptions(values, true)).toBeNull();
  });
  it('needs repetition when the header does not ask for a choice', () => {
    expect(inferOptions(['a', 'b', 'c', 'd', 'e', 'f'], false)).toBeNull();
    expect(inferOptions(['Web', 'Fair', 'Web', 'Referral', 'Fair', 'Web', 'Web', 'Referral', 'Fair'], false)?.options.map((o) => o.label)).toEqual(['Web', 'Fair', 'Referral']);
  });
  it('gives every option a distinct color', () => {
    const r = inferOptions(['x1', 'x2', 'x3', 'x1', 'x2', 'x3', 'x1', 'x2', 'x3'], false);
    const colors = r?.options.map((o) => o.color) ?? [];
    expect(new Set(colors).size).toBe(3);
    for (const c of colors) expect(c).toMatch(/^#[0-9a-f]{6}$/);
  });
  it('keeps short or Chinese options apart even when one edit away', () => {
    const r = inferOptions(['A', 'A', 'A', 'B', '成交', '成交', '成交', '成文', 'A', 'B', '成交', 'A'], false);
    expect(r?.options.map((o) => o.label).sort()).toEqual(['A', 'B', '成交', '成文'].sort());
  });
});

describe('stage vocabulary and distances', () => {
  it('knows stages in both languages', () => {
    expect(knownStage('Closed Won')?.kind).toBe('won');
    expect(knownStage('已流失')?.kind).toBe('lost');
    expect(knownStage('  NEGOTIATION ')?.step).toBe(4);
    expect(knownStage('banana')).toBeNull();
  });
  it('optionKey folds width and spaces', () => {
    expect(optionKey('  Ｗｏｎ   deal ')).toBe('won deal');
  });
  it('editDistance counts a transposition as one', () => {
    expect(editDistance('qualified', 'qualifeid', 2)).toBe(1);
    expect(editDistance('lead', 'won', 1)).toBe(2);
  });
});

describe('findHeaderRow', () => {
  it('finds the header in row 1', () => {
    expect(findHeaderRow([['Name', 'Email'], ['Ann', 'ann@x.com']])).toBe(0);
  });
  it('skips a title row and blank rows', () => {
    const grid = [
      ['2024 客户跟进表', '', '', ''],
      ['', '', '', ''],
      ['客户名称', '手机', '邮箱', '阶段'],
      ['张伟', '13800138000', 'zw@example.cn', '线索'],
    ];
    expect(findHeaderRow(grid)).toBe(2);
  });
  it('says so when there is no header row', () => {
    const grid = [
      ['Ann Lee', 'ann@example.com', '+1 415 555 0100'],
      ['Bob Ray', 'bob@example.com', '+1 415 555 0101'],
    ];
    expect(findHeaderRow(grid)).toBeNull();
  });
  it('accepts unknown labels above typed values', () => {
    const grid = [['Foo', 'Bar'], ['x', '12'], ['y', '13']];
    expect(findHeaderRow(grid)).toBe(0);
  });
  it('takes a row with long labels (Google Forms questions) for the header', () => {
    const grid = [
      ['Timestamp', 'Email Address', 'What is the name of your company and how many people work there today?', '您是通过什么渠道第一次了解到我们的产品，又是什么原因让您决定联系我们的销售团队？'],
      ['2024-01-05 10:00', 'ann@acme.com', 'Acme (20)', '朋友介绍'],
      ['2024-01-06 11:00', 'bo@beta.cn', 'Beta (5)', '搜索'],
    ];
    expect(findHeaderRow(grid)).toBe(0);
  });
  it('does not take a row of paragraphs for the header', () => {
    const grid = [
      ['Name', 'Notes'],
      ['Ann', 'Called on Monday.\nWants a quote by Friday.'],
    ];
    expect(findHeaderRow(grid)).toBe(0);
    expect(findHeaderRow([['Ann', 'Called on Monday.\nWants a quote.'], ['Bo', 'Met at the fair.\nFollow up.']])).toBeNull();
  });
  it('refuses a text-only sheet with no known labels', () => {
    const grid = [['apple', 'red'], ['banana', 'yellow'], ['cherry', 'red']];
    expect(findHeaderRow(grid)).toBeNull();
  });
});
