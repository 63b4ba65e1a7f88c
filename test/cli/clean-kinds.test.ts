/**
 * `clientflow clean` on messy English and Chinese tables through the built CLI: the same plan as the
 * add-on's cleanup, changes counted by kind, and what it left with why (another currency, a value that
 * would turn into a formula, text it cannot read); the existing summary fields stay.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const CLI = join(__dirname, '..', '..', 'dist', 'cli.js');
let tmp = '';
beforeAll(() => { tmp = mkdtempSync(join(tmpdir(), 'clientflow-clean-')); });
afterAll(() => { if (tmp) rmSync(tmp, { recursive: true, force: true }); });

function clean(csv: string, extra: string[] = []) {
  const file = join(tmp, `in-${Math.random().toString(36).slice(2)}.csv`);
  const out = `${file}.out.csv`;
  writeFileSync(file, csv);
  const r = spawnSync(process.execPath, [CLI, 'clean', file, '--out', out, ...extra], { encoding: 'utf8', env: { PATH: process.env.PATH ?? '', LANG: 'C' } });
  expect(r.status).toBe(0);
  return { summary: JSON.parse(r.stdout) as {
    rows: number; changed: number; columns: unknown[]; changes: Array<{ row: number; column: string; from: string; to: string; kind: string }>;
    notUnderstood: Array<{ row: number; column: string; value: string; code: string; message: string }>; byKind: Record<string, number>; leftByCode: Record<string, number>;
  }, out: readFileSync(out, 'utf8') };
}

it('English: counts by kind, leaves another currency and a would-be formula, and says why', () => {
  const { summary } = clean([
    'Name,Email,Phone,Deal value,Next follow-up',
    '" =SUM(1)",MAILTO:Ann@Example.COM,(415) 555-0100,$3.5k,2026/1/5',
    '\u200bBob  Ray,bob@example.com,tel:+1 415 555 0101,€5,someday',
    'Cai,cai@example.com,415.555.0102,"1,200",2026-02-01',
  ].join('\n'));
  expect(Object.keys(summary)).toEqual(expect.arrayContaining(['rows', 'columns', 'changed', 'changes', 'notUnderstood', 'byKind', 'leftByCode']));
  expect(summary.byKind).toMatchObject({ email: 1, phone: 3, number: 2, date: 1, control: 1 });
  expect(summary.notUnderstood.map((l) => [l.row, l.column, l.code])).toEqual([
    [0, 'Name', 'wouldBeFormula'], [1, 'Deal value', 'otherCurrency'], [1, 'Next follow-up', 'invalidDate'],
  ]);
  expect(summary.notUnderstood[1]?.message).toBe('In another currency (EUR); left as it is');
  expect(summary.leftByCode).toEqual({ wouldBeFormula: 1, otherCurrency: 1, invalidDate: 1 });
});

it('Chinese: 万, ¥, full-width digits and ＠ mended; the same rows come out', () => {
  const { summary, out } = clean([
    '客户名称,邮箱,手机,成交金额',
    '张伟,ZW＠Example.cn,１３８ ００１３ ８０００,1.2万',
    '李娜,ln@example.cn,+86 139 0013 9000,"¥1,200"',
    ',,,',
    '王芳,wf@example.cn,13700137000,5000',
  ].join('\n'), ['--region', 'CN']);
  expect(summary.byKind).toMatchObject({ email: 1, phone: 3, number: 2 });
  expect(out.trim().split('\n')).toEqual([
    '客户名称,邮箱,手机,成交金额',
    '张伟,zw@example.cn,+8613800138000,12000',
    '李娜,ln@example.cn,+8613900139000,1200',
    ',,,',
    '王芳,wf@example.cn,+8613700137000,5000',
  ]);
});
