/**
 * `clientflow funnel` as a user runs it: `node dist/cli.js funnel …` as a subprocess on CSV fixtures in
 * English and Chinese, with and without a stage history. The expected figures are counted by hand from
 * the fixtures (see the comments).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { computeFunnel } from '../../src/core/funnel';
import { funnelJson, funnelTable } from '../../src/cli/commands/funnel';

const ROOT = join(__dirname, '..', '..');
const CLI = join(ROOT, 'dist', 'cli.js');
const FX = join(__dirname, 'fixtures');

function run(args: string[], env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', env: { PATH: process.env.PATH ?? '', LANG: 'C', ...env } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}
type Out = { stages: Array<{ name: string; reached: number; conversion: number; avgDays?: number | null }>; won: number; lost: number; winRate: number | null };
const parse = (s: string) => JSON.parse(s) as Out;

let tmp = '';
beforeAll(() => {
  if (!existsSync(CLI)) throw new Error('dist/cli.js is missing: run `node build.mjs` first');
  tmp = mkdtempSync(join(tmpdir(), 'clientflow-funnel-'));
});
afterAll(() => {
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});
function file(name: string, text: string): string {
  const p = join(tmp, name);
  writeFileSync(p, text, 'utf8');
  return p;
}

describe('clientflow funnel (English)', () => {
  it('prints exactly the contract JSON when piped: reached by current stage, lost clients at the first stage, variants counted', () => {
    const r = run(['funnel', join(FX, 'funnel-en.csv')]);
    expect(r.code).toBe(0);
    const out = parse(r.stdout);
    expect(Object.keys(out)).toEqual(['stages', 'won', 'lost', 'winRate']);
    expect(out.stages.every((s) => Object.keys(s).join() === 'name,reached,conversion')).toBe(true);
    // 10 clients with a stage (On hold is none); furthest: Lead 1 + 2 lost, Contacted 1, Qualified 1
    // ("qualified"), Proposal 1, Negotiation 1, Won 3 ("Closed Won" is Won).
    expect(out.stages.map((s) => [s.name, s.reached])).toEqual([
      ['Lead', 10], ['Contacted', 7], ['Qualified', 6], ['Proposal', 5], ['Negotiation', 4], ['Won', 3],
    ]);
    expect(out.stages.map((s) => s.conversion)).toEqual([1, 0.7, 6 / 7, 5 / 6, 0.8, 0.75]);
    expect([out.won, out.lost, out.winRate]).toEqual([3, 2, 0.6]);
    expect(r.stderr).toContain('"On hold" (1)');
  });

  it('with --history: reached follows the history (a lost client counts up to Proposal) and every stage gets avgDays', () => {
    const r = run(['funnel', join(FX, 'funnel-en.csv'), '--history', join(FX, 'funnel-en-history.csv')]);
    expect(r.code).toBe(0);
    const out = parse(r.stdout);
    expect(out.stages.map((s) => [s.name, s.reached])).toEqual([
      ['Lead', 10], ['Contacted', 8], ['Qualified', 7], ['Proposal', 6], ['Negotiation', 4], ['Won', 3],
    ]);
    // Lead: C002 2 d, C005 1 d, C004 2 d (created → first change), C010 1 d; Contacted: 2, 2;
    // Qualified: 4, 5; Proposal: 8, 4; Negotiation: 6; Won: no completed stay (Won → 成交 is no change).
    expect(out.stages.map((s) => s.avgDays)).toEqual([1.5, 2, 4.5, 6, 6, null]);
    expect([out.won, out.lost, out.winRate]).toEqual([3, 2, 0.6]);
    expect(r.stderr).toContain('"Paused" (1)');
    expect(r.stderr).toContain('1 history row is about clients not in the table');
  });

  it('--json prints JSON too; --owner and --since/--until filter the clients', () => {
    const all = run(['funnel', '--json', join(FX, 'funnel-en.csv'), '--owner', 'amy']);
    expect(all.code).toBe(0);
    // Amy: C001 Lead, C002 Contacted, C005 Lost, C009 qualified, C011 Won (C007 On hold is none).
    expect(parse(all.stdout).stages.map((s) => s.reached)).toEqual([5, 3, 2, 1, 1, 1]);
    const period = parse(run(['funnel', join(FX, 'funnel-en.csv'), '--since', '2026-01-05', '--until', '2026-01-08']).stdout);
    // Created 5–8 January: C005 Lost, C008 Negotiation, C009 Qualified (C007 On hold is none).
    expect(period.stages.map((s) => s.reached)).toEqual([3, 2, 2, 1, 1, 0]);
    expect([period.won, period.lost]).toEqual([0, 1]);
    const bad = run(['funnel', join(FX, 'funnel-en.csv'), '--since', '5 Jan']);
    expect([bad.code, bad.stdout]).toEqual([2, '']);
    expect(bad.stderr).toContain('--since must be a date written YYYY-MM-DD');
  });

  it('reads the history by position when it has no header row', () => {
    const h = file('nohead.csv', 'C003,Lead,Proposal,2026-01-04\nC010,Proposal,Lost,2026-01-10\n');
    const out = parse(run(['funnel', join(FX, 'funnel-en.csv'), '--history', h]).stdout);
    // C010 (lost) now counts up to Proposal.
    expect(out.stages.map((s) => s.reached)).toEqual([10, 8, 7, 6, 4, 3]);
    expect(out.stages[0].avgDays).toBe(1); // C003: created 3 January, left Lead on the 4th
  });
});

describe('clientflow funnel: stages only the history knows', () => {
  it('a stage nobody is in today but the history names is a stage of the funnel, in its place', () => {
    const table = file('t.csv', 'Client ID,Stage\nA,Lead\nB,Won\nC,Lost\n');
    const hist = file('h.csv', 'Client ID,From,To,When\nB,Lead,Contacted,2026-01-02\nB,Contacted,Won,2026-01-05\nC,Lead,Contacted,2026-01-03\nC,Contacted,Lost,2026-01-04\n');
    const out = parse(run(['funnel', table, '--history', hist]).stdout);
    expect(out.stages.map((s) => [s.name, s.reached, s.avgDays])).toEqual([['Lead', 3, null], ['Contacted', 2, 2], ['Won', 1, null]]);
    // Without the history nobody shows Contacted: the funnel has the stages the table writes.
    expect(parse(run(['funnel', table]).stdout).stages.map((s) => s.name)).toEqual(['Lead', 'Won']);
  });
});

describe('clientflow funnel (Chinese)', () => {
  it('infers the stages from Chinese values and counts 成交 and 已成交 as one stage', () => {
    const r = run(['funnel', join(FX, 'funnel-zh.csv')]);
    expect(r.code).toBe(0);
    const out = parse(r.stdout);
    expect(out.stages.map((s) => [s.name, s.reached])).toEqual([
      ['线索', 10], ['初步接触', 7], ['需求确认', 6], ['方案报价', 5], ['商务谈判', 4], ['成交', 3],
    ]);
    expect([out.won, out.lost, out.winRate]).toEqual([3, 2, 0.6]);
    expect(r.stderr).toBe('');
  });

  it('with a Chinese history (header 客户编号/原阶段/新阶段/变更时间, dates in several forms)', () => {
    const out = parse(run(['funnel', join(FX, 'funnel-zh.csv'), '--history', join(FX, 'funnel-zh-history.csv')]).stdout);
    // K08 (流失) got to 需求确认; K06 skipped from 线索 to 方案 (a variant of 方案报价).
    expect(out.stages.map((s) => s.reached)).toEqual([10, 8, 7, 5, 4, 3]);
    // 线索: K08 created 5 Jan → 6 Jan 10:00 (1 d 10 h), K06 created 1 Jan → 3 Jan (2 d).
    const avg = out.stages.map((s) => s.avgDays);
    expect(avg[0]).toBeCloseTo((1 + 10 / 24 + 2) / 2, 6);
    expect(avg.slice(1)).toEqual([3, 6, 10, null, null]);
  });

  it('speaks Chinese under a Chinese locale', () => {
    const r = run(['funnel', join(FX, 'clients-en.csv'), '--history', join(FX, 'funnel-en-history.csv')], { LANG: 'zh_CN.UTF-8' });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('需要有客户编号列');
  });
});

describe('clientflow funnel: bad input', () => {
  it('a table with no stage column: exit 1 and a clear message, nothing on stdout', () => {
    const f = file('nostage.csv', 'Name,Email\nAnn,ann@example.com\nBob,bob@example.com\n');
    const r = run(['funnel', f]);
    expect([r.code, r.stdout]).toEqual([1, '']);
    expect(r.stderr).toMatch(/^clientflow funnel: .*nostage\.csv has no stage column/);
  });

  it('--history without a client ID column in the table, and a history without its columns', () => {
    const noId = run(['funnel', join(FX, 'clients-en.csv'), '--history', join(FX, 'funnel-en-history.csv')]);
    expect(noId.code).toBe(1);
    expect(noId.stderr).toContain('--history needs a client ID column');
    const h = file('hist.csv', 'Client ID,Stage,Note\nC001,Lead,x\n');
    const bad = run(['funnel', join(FX, 'funnel-en.csv'), '--history', h]);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('no column for from, to, when');
    const missing = run(['funnel', join(FX, 'funnel-en.csv'), '--history', join(tmp, 'none.csv')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('no such file');
  });

  it('an empty table (a header only) is an empty funnel of the default stages, in the header\'s language', () => {
    const en = run(['funnel', file('empty.csv', 'Name,Stage\n')]);
    expect(en.code).toBe(0);
    const out = parse(en.stdout);
    expect(out.stages.map((s) => [s.name, s.reached])).toEqual([
      ['Lead', 0], ['Contacted', 0], ['Qualified', 0], ['Proposal', 0], ['Negotiation', 0], ['Won', 0],
    ]);
    expect([out.won, out.lost, out.winRate]).toEqual([0, 0, null]);
    const zh = parse(run(['funnel', file('empty-zh.csv', '客户,阶段\n')]).stdout);
    expect(zh.stages[0].name).toBe('潜在客户');
  });

  it('a filter on a column the table does not have is refused, not silently empty', () => {
    const r = run(['funnel', join(FX, 'clients-en.csv'), '--owner', 'Amy']);
    expect([r.code, r.stdout]).toEqual([1, '']);
    expect(r.stderr).toContain('has no column for --owner');
  });

  it('--help shows the funnel usage', () => {
    const r = run(['funnel', '--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('clientflow funnel FILE.csv [--history HISTORY.csv]');
  });
});

describe('the terminal report', () => {
  const result = computeFunnel({
    records: ['Lead', '线索', 'Won', 'Lost'].map((stage) => ({ id: '', stage, owner: '', channel: '', created: null, stageSince: null, value: 10 })),
    stage: { options: [{ label: 'Lead', color: '#ffffff' }, { label: 'Won', color: '#ffffff' }, { label: 'Lost', color: '#ffffff' }] },
    now: new Date(0),
    timeZone: 'UTC',
  });

  it('lays out every stage with its figures, and the overall ones', () => {
    const text = funnelTable(result, 'a.csv', 'Stage', false, 'en');
    const lines = text.split('\n');
    expect(lines[0]).toBe('Funnel of a.csv: 4 clients, stage column "Stage"');
    expect(lines[2].split(/\s{2,}/)).toEqual(['Stage', 'Reached', 'Now', 'Conversion', 'From top', 'Drop-off', 'Value']);
    expect(lines[3].split(/\s{2,}/)).toEqual(['Lead', '4', '2', '100%', '100%', '3', '20']);
    expect(lines[4].split(/\s{2,}/)).toEqual(['Won', '1', '1', '25%', '25%', '0', '10']);
    expect(text).toContain('Win rate: 50%');
    expect(text).toContain('Open pipeline: 20');
    expect(funnelTable(result, 'a.csv', '阶段', true, 'zh-CN')).toContain('平均天数');
  });

  it('the JSON has avgDays only with a history', () => {
    expect(Object.keys(funnelJson(result, false).stages[0])).toEqual(['name', 'reached', 'conversion']);
    expect(funnelJson(result, true).stages[0].avgDays).toBeNull();
  });
});
