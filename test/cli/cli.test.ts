/**
 * The `clientflow` CLI as a user runs it: `node dist/cli.js …` as a subprocess on CSV fixtures
 * (npm test builds dist/ first). LANG=C so that messages are English and no region comes from the
 * machine's locale.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');
const CLI = join(ROOT, 'dist', 'cli.js');
const FX = join(__dirname, 'fixtures');

function run(args: string[], env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, [CLI, ...args], {
    encoding: 'utf8',
    env: { PATH: process.env.PATH ?? '', LANG: 'C', ...env },
    maxBuffer: 64 * 1024 * 1024,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function json<T>(s: string): T {
  return JSON.parse(s) as T;
}

type Validate = {
  columns: Array<{ header: string; type: string; options?: Array<{ label: string; variants: string[]; outcome?: string }>; currency?: string; currencies?: Record<string, number>; regions?: string[]; dateOrder?: string; dateOrderAmbiguous?: boolean }>;
  issues: Array<{ row: number; column: string; code: string; message: string; value: string }>;
};
type Clean = {
  out: string; rows: number; changed: number;
  columns: Array<{ header: string; type: string; changed: number; notUnderstood: number }>;
  changes: Array<{ row: number; column: string; from: string; to: string }>;
  notUnderstood: Array<{ row: number; column: string; value: string; code: string; message: string }>;
  byKind: Record<string, number>;
};

let tmp = '';
beforeAll(() => {
  if (!existsSync(CLI)) throw new Error('dist/cli.js is missing: run `node build.mjs` first');
  tmp = mkdtempSync(join(tmpdir(), 'clientflow-cli-'));
});
afterAll(() => {
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

describe('validate', () => {
  it('infers every column of an English sheet and reports exactly the broken cells', () => {
    const r = run(['validate', join(FX, 'clients-en.csv')]);
    expect(r.code).toBe(0);
    const out = json<Validate>(r.stdout);
    expect(out.columns.map(({ header, type }) => ({ header, type }))).toEqual([
      { header: 'Name', type: 'text' },
      { header: 'Email', type: 'email' },
      { header: 'Phone', type: 'phone' },
      { header: 'Stage', type: 'dropdown' },
      { header: 'Deal value', type: 'currency' },
      { header: 'Next follow-up', type: 'date' },
      { header: 'Notes', type: 'longText' },
    ]);
    expect(out.issues.map(({ row, column, code }) => ({ row, column, code }))).toEqual([
      { row: 1, column: 'Email', code: 'invalidEmail' },
      { row: 4, column: 'Phone', code: 'invalidPhone' },
      { row: 4, column: 'Deal value', code: 'notAmount' },
      { row: 4, column: 'Next follow-up', code: 'invalidDate' },
    ]);
    for (const i of out.issues) expect(i.message).toMatch(/^Not /);
    expect(out.issues.map((i) => i.value)).toEqual(['bob@example', 'call me', 'unknown', 'someday']);
  });

  it('finds a Chinese header below a title row and a blank row (BOM, CRLF, quoted line break)', () => {
    const r = run(['validate', join(FX, 'clients-zh.csv'), '--region', 'CN']);
    expect(r.code).toBe(0);
    const out = json<Validate>(r.stdout);
    expect(out.columns.map(({ header, type }) => ({ header, type }))).toEqual([
      { header: '客户名称', type: 'text' },
      { header: '手机', type: 'phone' },
      { header: '邮箱', type: 'email' },
      { header: '阶段', type: 'dropdown' },
      { header: '成交金额', type: 'currency' },
      { header: '下次跟进', type: 'date' },
      { header: '备注', type: 'longText' },
    ]);
    // Rows count data rows below the header (the title and blank rows above are not data).
    expect(out.issues.map(({ row, column, code }) => ({ row, column, code }))).toEqual([
      { row: 1, column: '邮箱', code: 'invalidEmail' },
      { row: 3, column: '手机', code: 'invalidPhone' },
      { row: 3, column: '下次跟进', code: 'invalidDate' },
    ]);
  });

  it('reads phones the same whatever the interface language: the numbers say where they are from', () => {
    const c = json<Validate>(run(['validate', join(FX, 'clients-zh.csv')]).stdout);
    const zh = json<Validate>(run(['validate', join(FX, 'clients-zh.csv')], { LANG: 'zh_CN.UTF-8' }).stdout);
    const verdicts = (v: Validate) => v.issues.filter((i) => i.column === '手机').map(({ row, code }) => ({ row, code }));
    expect(verdicts(c)).toEqual(verdicts(zh));
    // 138 0013 8000 is a Chinese mobile: read as one in both.
    expect(c.columns.find((x) => x.header === '手机')?.regions?.[0]).toBe('CN');
  });

  it('speaks Chinese under a Chinese locale', () => {
    const r = run(['validate', join(FX, 'clients-zh.csv')], { LANG: 'zh_CN.UTF-8' });
    const out = json<Validate>(r.stdout);
    expect(out.issues[0].message).toBe('不是有效的邮箱地址');
  });

  it('reads phones without a country code by --region', () => {
    const file = join(tmp, 'uk.csv');
    writeFileSync(file, 'Name,Phone\nAnn,020 7946 0958\nBob,07911 123456\nCai,+1 415 555 0100\n');
    const us = json<Validate>(run(['validate', file, '--region', 'US']).stdout);
    const gb = json<Validate>(run(['validate', file, '--region=gb']).stdout);
    expect(gb.issues).toEqual([]);
    // --region is the default, first among the regions the numbers themselves name: the UK numbers
    // stay valid UK numbers with --region US (they are valid nowhere else).
    expect(gb.columns[1].regions?.[0]).toBe('GB');
    expect(us.columns[1].regions).toEqual(['US', 'GB']);
    expect(us.issues).toEqual([]);
  });

  it('loads ragged rows, quoted line breaks and doubled quotes', () => {
    const r = run(['validate', join(FX, 'ragged.csv')]);
    expect(r.code).toBe(0);
    const out = json<Validate>(r.stdout);
    expect(out.columns.map((c) => c.header)).toEqual(['Name', 'Email', 'Company', '']);
    expect(out.columns[1].type).toBe('email');
  });

  it('says so when the file has no header row (exit 1)', () => {
    const r = run(['validate', join(FX, 'no-header.csv')]);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/no header row/);
  });
});

describe('clean', () => {
  it('writes the same rows and columns with values normalized, and leaves what it cannot read', () => {
    const out = join(tmp, 'en-clean.csv');
    const r = run(['clean', join(FX, 'clients-en.csv'), '--out', out]);
    expect(r.code).toBe(0);
    expect(readFileSync(out, 'utf8')).toBe([
      'Name,Email,Phone,Stage,Deal value,Next follow-up,Notes',
      'Ann Lee,ann@example.com,+14155550100,Lead,1200,2026-02-01,Met at the fair',
      'Bob Ray,bob@example,+14155550101,Contacted,3500,2026-02-03,',
      'Cai Wu,cai.wu@example.com,+14155550102,Qualified,800,2026-02-05,Wants a demo',
      'Dee Fox,dee@example.org,+14155550103,Won,2500,2026-02-10,',
      'Eve Kim,eve@example.net,call me,Lost,unknown,someday,Price too high',
      'Fay Orr,fay@example.com,+14155550105,Qualified,950,2026-02-12,',
      'Gus Tan,gus@example.com,+14155550106,Proposal,12000,2026-02-14,Sent proposal v2',
      '',
    ].join('\n'));
    const s = json<Clean>(r.stdout);
    expect(s.rows).toBe(7);
    expect(s.notUnderstood.map(({ row, column, value, code }) => ({ row, column, value, code }))).toEqual([
      { row: 1, column: 'Email', value: 'bob@example', code: 'invalidEmail' },
      { row: 4, column: 'Phone', value: 'call me', code: 'invalidPhone' },
      { row: 4, column: 'Deal value', value: 'unknown', code: 'notAmount' },
      { row: 4, column: 'Next follow-up', value: 'someday', code: 'invalidDate' },
    ]);
    expect(s.changes).toContainEqual({ row: 2, column: 'Email', from: ' CAI.WU@Example.COM ', to: 'cai.wu@example.com', kind: 'email' });
    expect(s.changes).toContainEqual({ row: 5, column: 'Stage', from: 'Qualifed', to: 'Qualified', kind: 'option' });
    // Counted by kind, beside the existing fields.
    expect(s.byKind).toMatchObject({ email: 1, option: 2, phone: 6 });
    expect(s.changed).toBe(s.columns.reduce((n, c) => n + c.changed, 0));
    expect(s.changed).toBe(s.changes.length);
  });

  it('keeps the title and blank rows above a Chinese header, and mends 万/元/¥ amounts and Chinese dates', () => {
    const out = join(tmp, 'zh-clean.csv');
    const r = run(['clean', join(FX, 'clients-zh.csv'), '--out', out, '--region', 'CN']);
    expect(r.code).toBe(0);
    const lines = readFileSync(out, 'utf8').split('\n');
    expect(lines[0]).toBe('2024 客户跟进表,,,,,,');
    expect(lines[1]).toBe(',,,,,,');
    expect(lines[2]).toBe('客户名称,手机,邮箱,阶段,成交金额,下次跟进,备注');
    expect(lines[3]).toBe('张伟,+8613800138000,zhangwei@example.cn,线索,1200,2026-01-05,展会认识');
    expect(lines[4]).toBe('李娜,+8613900139000,lina@example,初步接触,12000,2026-01-08,"多行');
    expect(lines[7]).toBe('刘洋,不详,liuyang@example.cn,成交,8000,下周,老客户');
    const s = json<Clean>(r.stdout);
    expect(s.notUnderstood.map((n) => n.value).sort()).toEqual(['lina@example', '下周', '不详'].sort());
  });

  it('keeps a 50,000-character cell exactly', () => {
    const big = 'x'.repeat(50_000);
    const file = join(tmp, 'big.csv');
    const out = join(tmp, 'big-clean.csv');
    writeFileSync(file, `Name,Notes\r\nAnn,"${big}"\r\nBob,short\r\n`);
    const r = run(['clean', file, '--out', out]);
    expect(r.code).toBe(0);
    expect(readFileSync(out, 'utf8')).toBe(`Name,Notes\nAnn,${big}\nBob,short\n`);
  });

  it('refuses to run without --out or onto its own input', () => {
    expect(run(['clean', join(FX, 'clients-en.csv')]).code).toBe(2);
    const r = run(['clean', join(FX, 'clients-en.csv'), '--out', join(FX, 'clients-en.csv')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/different file/);
  });
});

describe('sim', () => {
  it('runs the built add-on on the emulator: "Adopt this sheet" with a queued YES leaves rules on the sheet', () => {
    writeFileSync(join(tmp, 'clients-en.csv'), readFileSync(join(FX, 'clients-en.csv')));
    const scenario = join(tmp, 'adopt.json');
    writeFileSync(scenario, JSON.stringify({ locale: 'en', data: 'clients-en.csv', steps: [{ answer: ['YES'] }, { menu: 'menuAdopt' }] }));
    const r = run(['sim', scenario]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const out = json<{ sheets: Array<{ name: string; values: unknown[][]; validations: unknown[] }>; alerts: Array<{ title: string }>; errors: string[] }>(r.stdout);
    expect(out.errors).toEqual([]);
    expect(out.sheets.map((s) => s.name)).toEqual(['Sheet1']);
    expect(out.sheets[0].values[0]).toEqual(['Name', 'Email', 'Phone', 'Stage', 'Deal value', 'Next follow-up', 'Notes']);
    expect(out.sheets[0].validations.length).toBeGreaterThan(0);
    // Confirmation, report, then the offer of automatic columns (unanswered: nothing added).
    expect(out.alerts.map((a) => a.title)).toEqual(['Adopt this sheet', 'Adopt this sheet', 'Automatic columns']);
  });
});

describe('usage and errors', () => {
  it('prints usage with the commands there are, not the later ones', () => {
    const r = run(['--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/validate FILE\.csv/);
    expect(r.stdout).toMatch(/clean FILE\.csv --out OUT\.csv/);
    expect(r.stdout).toMatch(/sim SCENARIO\.json/);
    expect(r.stdout).toMatch(/funnel FILE\.csv \[--history HISTORY\.csv\]/);
    expect(r.stdout).toMatch(/dedupe FILE\.csv/);
  });
  it('exits 2 with usage when run without a command', () => {
    const r = run([]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/Usage: clientflow/);
  });
  it.each([
    [['frobnicate'], /unknown command "frobnicate"/],
    [['dedupe', join(FX, 'does-not-exist.csv')], /cannot read .*no such file/],
    [['funnel', 'x.csv'], /cannot read .*no such file/],
    [['funnel', join(FX, 'clients-en.csv'), '--history'], /needs a value/],
    [['validate'], /missing the input file/],
    [['validate', 'a.csv', 'b.csv'], /unexpected argument "b.csv"/],
    [['validate', join(FX, 'clients-en.csv'), '--colour'], /unknown option "--colour"/],
    [['validate', join(FX, 'clients-en.csv'), '--region'], /needs a value/],
    [['validate', join(FX, 'clients-en.csv'), '--region', 'China'], /two-letter country code/],
    [['validate', join(FX, 'does-not-exist.csv')], /cannot read .*no such file/],
    [['validate', FX], /cannot read .*is a directory/],
    [['sim', join(FX, 'does-not-exist.json')], /^clientflow sim: /],
  ])('%j → exit 2 with one line', (args, message) => {
    const r = run(args);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(message);
  });
});
