/**
 * The duplicate finder's parts and its behaviour on small tables a user would recognise.
 */
import { pinyin as pinyinPro } from 'pinyin-pro';
import { findDuplicates } from '../../../src/core/dedupe';
import { defaultContext } from '../../../src/core/fields';
import { PINYIN_TABLE } from '../../../src/core/dedupe/pinyin-table';
import { jaroWinkler, nameTokens, phonetic, pinyin, tokenSetSimilarity } from '../../../src/core/dedupe/text';

const ctx = defaultContext('en', { region: 'US' });
const clusters = (grid: string[][]) => findDuplicates({ grid, ctx }).clusters.map((c) => c.rows);

describe('text tools', () => {
  it('the compact pinyin table agrees with pinyin-pro on every character it holds', () => {
    const chars = PINYIN_TABLE.replace(/[a-z ]/g, '');
    expect(chars.length).toBeGreaterThan(6000);
    for (const ch of chars) expect(pinyin(ch)).toBe(pinyinPro(ch, { toneType: 'none', v: true }).replace(/ü/g, 'v'));
  });
  it('张伟, "Zhang Wei", "WEI Zhang" and 曾 as a family name share tokens', () => {
    expect(nameTokens('张伟', false).tokens).toEqual(['zhang', 'wei']);
    expect(new Set(nameTokens('WEI Zhang', false).tokens)).toEqual(new Set(['zhang', 'wei']));
    expect(nameTokens('曾小明先生', false).tokens).toEqual(['zeng', 'xiao', 'ming']);
  });
  it('legal forms are set aside for companies', () => {
    expect(nameTokens('ACME Inc.', true).tokens).toEqual(['acme']);
    expect(nameTokens('Acme Widgets, L.L.C.', true).tokens).toEqual(['acme', 'widgets']);
    expect(nameTokens('华为技术有限公司', true).han).toBe('华为技术');
    expect(nameTokens('腾飞股份有限公司', true).han).toBe('腾飞');
  });
  it('Jaro-Winkler, token sets and phonetic keys behave as published', () => {
    expect(jaroWinkler('martha', 'marhta')).toBeCloseTo(0.961, 3);
    expect(jaroWinkler('dixon', 'dicksonx')).toBeCloseTo(0.813, 3);
    expect(tokenSetSimilarity(['john', 'smith'], ['smith', 'john'])).toBe(1);
    expect(phonetic('robert')).toBe('r163');
    expect(phonetic('rupert')).toBe('r163');
    expect(phonetic('smith')).toBe(phonetic('smyth'));
  });
});

describe('findDuplicates', () => {
  const header = ['Name', 'Email', 'Phone', 'Company', 'City'];
  const people = (n: number) => Array.from({ length: n }, (_, i) => [
    `${['Ann', 'Bob', 'Cai', 'Dee', 'Eve', 'Fay', 'Gus', 'Hal'][i % 8]} ${['Lee', 'Kim', 'Ray', 'Nguyen', 'Orr', 'Poe', 'Quinn', 'Stone', 'Tate', 'Underwood'][Math.floor(i / 8) % 10]}`,
    `person${i}@mail${i % 5}.com`, `(212) 555-${String(1000 + i).slice(-4)}`, `Firm ${i} Ltd`, ['Boston', 'Austin', 'Dallas'][i % 3] as string,
  ]);

  it('finds a client written three ways and leaves the rest alone', () => {
    const rows = people(60);
    rows.push(['ann LEE', 'PERSON0@MAIL0.COM', '212.555.1000', 'Firm 0 Limited', 'Boston']);
    rows.push(['A. Lee', '', '+1 212 555 1000', 'FIRM 0', '']);
    const result = findDuplicates({ grid: [header, ...rows], ctx });
    expect(result.clusters.map((c) => c.rows)).toEqual([[0, 60, 61]]);
    const c = result.clusters[0];
    expect(c?.band).toBe('sure');
    const ev = c?.links[0]?.fields.find((f) => f.header === 'Phone');
    expect(ev?.level).toBe('exact');
  });

  it('in a small table, every record having its own client ID is no evidence against a pair', () => {
    // A startup's first six clients, one entered twice: the automatic IDs differ, as they always do.
    const grid = [['Client ID', 'Name', 'Email', 'Phone', 'Company'],
      ['C00001', 'Ann Lee', 'ann@acme.com', '(212) 555-1000', 'Acme'],
      ['C00002', 'Bob Kim', 'bob@globex.com', '(212) 555-2000', 'Globex'],
      ['C00003', 'Cai Ray', 'cai@initech.com', '(212) 555-3000', 'Initech'],
      ['C00004', 'Ann Lee', 'ANN@ACME.COM', '212.555.1000', 'Acme Inc'],
      ['C00005', 'Dee Orr', 'dee@hooli.com', '(212) 555-5000', 'Hooli'],
      ['C00006', 'Eve Poe', 'eve@umbrella.com', '(212) 555-6000', 'Umbrella']];
    const withIds = findDuplicates({ grid, ctx });
    const without = findDuplicates({ grid: grid.map((r) => r.slice(1)), ctx });
    expect(withIds.clusters.map((c) => [c.rows, c.band])).toEqual([[[0, 3], 'sure']]);
    expect(withIds.clusters[0]?.score).toBe(without.clusters[0]?.score);
    expect(withIds.clusters[0]?.links[0]?.fields.some((f) => f.header === 'Client ID')).toBe(false);
  });

  it('a switchboard phone shared by many clients is weak evidence: it merges nobody', () => {
    const rows = people(80).map((r) => [r[0] as string, r[1] as string, '(212) 555-0000', r[3] as string, r[4] as string]);
    expect(clusters([header, ...rows])).toEqual([]);
  });

  it('two different emails and two different birth dates are evidence against the same name', () => {
    const rows: string[][] = [['Name', 'Email', 'Date of birth']];
    for (let i = 0; i < 40; i++) rows.push([`Person${i} Surname${i}`, `p${i}@x.com`, `19${50 + i}-01-0${1 + (i % 9)}`]);
    rows.push(['John Smith', 'john.smith@work.com', '1970-03-04']);
    rows.push(['John Smith', 'js1999@home.net', '1988-11-12']);
    rows.push(['John Smith', 'john.smith@work.com', '1970-03-04']);
    expect(clusters(rows)).toEqual([[40, 42]]);
  });

  it('does not chain strangers through one middle record (no plain transitive closure)', () => {
    const rows: string[][] = [['Name', 'Email', 'Phone']];
    for (let i = 0; i < 40; i++) rows.push([`Filler${i} Person${i}`, `f${i}@x.com`, `(617) 555-${String(2000 + i)}`]);
    // A shares an email with M, M shares a phone with B; A and B have nothing else in common.
    rows.push(['Alice Brown', 'shared@x.com', '(617) 555-7001']);
    rows.push(['Alice Brown', 'shared@x.com', '(617) 555-7777']);
    rows.push(['Zed Quill', 'zed@y.com', '(617) 555-7777']);
    const found = clusters(rows);
    expect(found.some((c) => c.includes(40) && c.includes(42))).toBe(false);
  });

  it('works on a table with no name column, and on empty and all-empty rows', () => {
    const rows: string[][] = [['Email', 'Phone']];
    for (let i = 0; i < 30; i++) rows.push([`u${i}@x.com`, `(415) 555-${String(3000 + i)}`]);
    rows.push(['', '']);
    rows.push(['U3@X.COM', '415-555-3003']);
    expect(clusters(rows)).toEqual([[3, 31]]);
    expect(findDuplicates({ grid: [['Name'], [''], ['']], ctx }).clusters).toEqual([]);
    expect(findDuplicates({ grid: [], ctx }).headerRow).toBeNull();
  });

  it('a client entered 500 times is one cluster of 500; a thousand clients behind one switchboard stay apart', () => {
    const rows: string[][] = [['Name', 'Email', 'Phone', 'Company']];
    for (let i = 0; i < 500; i++) rows.push([i % 2 ? 'Zhang Wei' : '张伟', 'zhang.wei@acme.cn', '+86 138 0013 8000', 'Acme Ltd']);
    const firsts = ['Ann', 'Bob', 'Cai', 'Dee', 'Eve', 'Fay', 'Gus', 'Hal', 'Ivy', 'Jon'];
    const lasts = ['Lee', 'Kim', 'Ray', 'Nguyen', 'Orr', 'Poe', 'Quinn', 'Stone', 'Tate', 'Underwood'];
    for (let i = 0; i < 1000; i++) {
      rows.push([`${firsts[i % 10]} ${lasts[Math.floor(i / 10) % 10]} ${['Abbott', 'Baker', 'Cole', 'Dunn', 'Ellis', 'Frost', 'Gray', 'Hart', 'Irwin', 'Joyce'][Math.floor(i / 100)]}`,
        `staff${i}@bigco.com`, '(212) 555-0100', 'BigCo Inc.']);
    }
    const found = clusters(rows);
    expect(found).toHaveLength(1);
    expect(found[0]).toEqual(Array.from({ length: 500 }, (_, i) => i));
  });
});
