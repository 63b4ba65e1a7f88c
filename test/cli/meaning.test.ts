/**
 * What `validate` and `clean` understand about a table, as a user sees it through the built CLI
 * (dist/cli.js) on the bundled demo table: dropdown options with their variants and outcomes, the
 * currency of money, the phone regions, the day/month order of dates; the readable report on a
 * terminal; phones never moved into another country; amounts in another currency left as written.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');
const CLI = join(ROOT, 'dist', 'cli.js');
const DEMO = join(ROOT, 'dev', 'playground', 'demo.csv');
const TTY = join(__dirname, 'fixtures', 'tty.cjs');

function run(args: string[], env: Record<string, string> = {}, tty = false) {
  const r = spawnSync(process.execPath, [...(tty ? ['-r', TTY] : []), CLI, ...args], {
    encoding: 'utf8',
    env: { PATH: process.env.PATH ?? '', LANG: 'C', ...env },
    maxBuffer: 64 * 1024 * 1024,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

interface Column { header: string; type: string; options?: Array<{ label: string; variants: string[]; outcome?: string }>; currency?: string; currencies?: Record<string, number>; regions?: string[]; dateOrder?: string }
interface Validate { columns: Column[]; issues: Array<{ row: number; column: string; code: string; message: string; value: string }> }

let tmp = '';
beforeAll(() => {
  if (!existsSync(CLI)) throw new Error('dist/cli.js is missing: run `node build.mjs` first');
  tmp = mkdtempSync(join(tmpdir(), 'clientflow-meaning-'));
});
afterAll(() => { if (tmp) rmSync(tmp, { recursive: true, force: true }); });

describe('validate: what each column means', () => {
  const en = (): Validate => JSON.parse(run(['validate', DEMO]).stdout) as Validate;
  const zh = (): Validate => JSON.parse(run(['validate', DEMO], { LANG: 'zh_CN.UTF-8' }).stdout) as Validate;

  it('Stage has one option per stage, in order, each with its variants, and the won and lost outcomes', () => {
    const stage = en().columns.find((c) => c.header === '阶段');
    const labels = stage?.options?.map((o) => o.label) ?? [];
    expect(labels.slice(0, 5)).toEqual(['Lead', 'Contacted', 'Qualified', 'Proposal', 'Negotiation']);
    const won = stage?.options?.find((o) => o.outcome === 'won');
    expect(won?.label).toBe('Won');
    expect(won?.variants).toEqual(expect.arrayContaining(['成交']));
    expect(stage?.options?.find((o) => o.outcome === 'lost')?.label).toBe('Lost');
    expect(labels.indexOf('Won')).toBe(labels.length - 2);
    // 合格 is Qualified, 谈判中 is Negotiation: placed by meaning, not after Won.
    const variantsOf = (l: string) => stage?.options?.find((o) => o.label === l)?.variants ?? [];
    if (readFileSync(DEMO, 'utf8').includes('合格')) expect(variantsOf('Qualified')).toContain('合格');
  });

  it('the money column keeps its currency and reports the amounts in others; tbd is not an amount', () => {
    const out = en();
    const money = out.columns.find((c) => c.header === '金额');
    expect(money?.currency).toBe('CNY');
    expect(Object.keys(money?.currencies ?? {})).toEqual(expect.arrayContaining(['CNY', 'USD', 'EUR']));
    expect(zh().columns.find((c) => c.header === '金额')?.currency).toBe('CNY');
    const euro = out.issues.find((i) => i.value === '€8900');
    expect(euro).toMatchObject({ code: 'otherCurrency', column: '金额' });
    for (const v of ['tbd', '待定', '面议']) expect(out.issues.find((i) => i.value === v && i.column === '金额')?.code).toBe('notAmount');
    expect(out.issues.some((i) => /negative/.test(i.message) && !/^-/.test(i.value))).toBe(false);
  });

  it('phone verdicts are the same in both interface languages', () => {
    const pick = (v: Validate) => v.issues.filter((i) => i.column === '手机').map(({ row, code, value }) => ({ row, code, value }));
    const a = en();
    const b = zh();
    expect(pick(a)).toEqual(pick(b));
    expect(new Set(a.columns.find((c) => c.header === '手机')?.regions)).toEqual(new Set(b.columns.find((c) => c.header === '手机')?.regions));
    expect(a.columns.find((c) => c.header === '手机')?.regions).toEqual(expect.arrayContaining(['CN', 'US', 'GB']));
  });

  it('dates carry their day/month order; every issue carries its value', () => {
    const out = en();
    for (const c of out.columns.filter((x) => x.type === 'date')) expect(['DMY', 'MDY', 'YMD']).toContain(c.dateOrder);
    for (const i of out.issues) expect(typeof i.value).toBe('string');
    const file = join(tmp, 'dmy.csv');
    writeFileSync(file, 'Name,Signed\nAnn,13/04/2024\nBob,03/04/2024\nCai,22/05/2024\n');
    const d = JSON.parse(run(['validate', file]).stdout) as Validate;
    expect(d.columns[1]).toMatchObject({ type: 'date', dateOrder: 'DMY' });
    const cleaned = join(tmp, 'dmy-clean.csv');
    run(['clean', file, '--out', cleaned]);
    // 03/04/2024 is read day first, as the column writes 13/04/2024: 3 April, not 4 March.
    expect(readFileSync(cleaned, 'utf8')).toContain('Bob,2024-04-03');
  });
});

describe('readable output on a terminal', () => {
  it('validate prints a table with spreadsheet row numbers, header, value and reason; --json forces JSON', () => {
    const r = run(['validate', DEMO], {}, true);
    expect(r.code).toBe(0);
    expect(() => JSON.parse(r.stdout)).toThrow();
    const lines = r.stdout.split('\n');
    const head = lines.findIndex((l) => /^Row\s+Column\s+Value\s+Why/.test(l));
    expect(head).toBeGreaterThan(0);
    // The first data row of the demo is spreadsheet row 2.
    const tbd = lines.find((l) => /\btbd\b/.test(l) && /金额/.test(l));
    expect(tbd).toMatch(/^\d+\s+金额\s+tbd\s+Not an amount/);
    const row = Number(tbd?.split(/\s+/)[0]);
    const csvLines = readFileSync(DEMO, 'utf8').split('\n');
    expect(csvLines[row - 1]).toContain(',tbd,');
    expect(JSON.parse(run(['validate', DEMO, '--json'], {}, true).stdout)).toHaveProperty('columns');
  });

  it('speaks Chinese on a Chinese terminal', () => {
    const r = run(['validate', DEMO], { LANG: 'zh_CN.UTF-8' }, true);
    expect(r.stdout).toMatch(/^行\s+列\s+值\s+原因/m);
  });

  it('clean prints what it changed and what it left', () => {
    const out = join(tmp, 'demo-clean.csv');
    const r = run(['clean', DEMO, '--out', out], {}, true);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Normalized/);
    expect(r.stdout).toMatch(/Left as written/);
    expect(r.stdout).toMatch(/Wrote .*demo-clean\.csv/);
  });
});

describe('clean never moves a phone into another country', () => {
  const file = () => {
    const f = join(tmp, 'phones.csv');
    writeFileSync(f, 'Name,Phone,Deal value\nAnn,187-3768-0570,¥1200\nBob,(415) 555-0101,¥300\nCai,13291823121,€8900\nDee,+44 7998 902316,5000元\n');
    return f;
  };
  it.each([['CN'], ['US'], [null]])('with --region %s', (region) => {
    const out = join(tmp, `phones-${region ?? 'none'}.csv`);
    const r = run(['clean', file(), '--out', out, ...(region ? ['--region', region] : [])]);
    expect(r.code).toBe(0);
    const text = readFileSync(out, 'utf8');
    expect(text).toContain('Ann,+8618737680570,');
    expect(text).toContain('Bob,+14155550101,');
    expect(text).toContain('Cai,+8613291823121,');
    expect(text).toContain('Dee,+447998902316,');
    // The € amount keeps its currency: left as written and reported.
    expect(text).toContain(',€8900');
    const s = JSON.parse(r.stdout) as { notUnderstood: Array<{ value: string; code: string }> };
    expect(s.notUnderstood).toEqual([expect.objectContaining({ value: '€8900', code: 'otherCurrency' })]);
  });
});

describe('sim: a person clicks another tab', () => {
  it('{"activate": "Sheet1"} makes menus act on that sheet: two tables, each with its own automatic fields', () => {
    const scenario = join(tmp, 'two-tables.json');
    writeFileSync(scenario, JSON.stringify({
      locale: 'en',
      steps: [
        { answer: ['1'] }, { menu: 'menuSetUp' },
        { answer: ['3', 'YES'] }, { menu: 'menuSetUp' },
        { activate: 'Sheet1' },
        { edit: { a1: 'B2', value: 'Acme', sheet: 'Sheet1' } },
        { answer: ['YES'] }, { menu: 'menuValidateAll' },
      ],
    }));
    const r = run(['sim', scenario]);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as { sheets: Array<{ name: string; values: unknown[][] }>; alerts: Array<{ prompt: string }> };
    expect(out.sheets.length).toBe(2);
    expect(String(out.sheets[0]?.values[1]?.[0])).toMatch(/\d/);
    // Check ran on Sheet1's table (the active one), and named nothing about the other.
    expect(out.alerts.at(-1)?.prompt).not.toMatch(/not a client table/);
    const bad = join(tmp, 'bad-activate.json');
    writeFileSync(bad, JSON.stringify({ locale: 'en', steps: [{ activate: 'Nope' }] }));
    // A tab that does not exist is a step that failed (the run goes on), with the reason.
    const b = run(['sim', bad]);
    expect(b.code).toBe(0);
    const bo = JSON.parse(b.stdout) as { steps: Array<{ kind: string; ok: boolean; error?: string }> };
    expect(bo.steps[0]).toEqual({ kind: 'activate', ok: false, error: 'there is no sheet named "Nope"' });
  });
});

describe('validate: a person named in both scripts, bilingual headers', () => {
  it('an Owner dropdown showing 张伟 and Zhang Wei has one option for them; the other script is no issue', () => {
    const file = join(tmp, 'owners.csv');
    writeFileSync(file, [
      'Contact 联系人,Owner 负责人,签约日期 Signed',
      '刘洋,张伟,2024-03-01', 'Anna Li,Zhang Wei,2024-03-02', '陈静,李娜,2024-03-03', 'Bob Ray,Li Na,2024-03-04',
      '王芳,张伟,2024-03-05', 'Cai Wu,Wang Fang,2024-03-06', '周杰,王芳,2024-03-07', 'Dan Fox,Zhang Wei,2024-03-08',
    ].join('\n'));
    const out = JSON.parse(run(['validate', file], { LANG: 'zh_CN.UTF-8' }).stdout) as Validate;
    const owner = out.columns.find((c) => c.header === 'Owner 负责人');
    expect(owner?.type).toBe('dropdown');
    expect(owner?.options?.map((o) => [o.label, o.variants])).toEqual(expect.arrayContaining([['张伟', ['Zhang Wei']], ['李娜', ['Li Na']], ['王芳', ['Wang Fang']]]));
    expect(owner?.options).toHaveLength(3);
    expect(out.columns.find((c) => c.header === '签约日期 Signed')).toMatchObject({ type: 'date', dateOrder: 'YMD' });
    expect(out.issues).toEqual([]);
  });
});
