/**
 * `clientflow sim` as a user runs it (`node dist/cli.js sim scenario.json` on the built add-on):
 * each step's outcome in "steps", exit 0 when the scenario ran and 2 (one line) when it cannot run,
 * a cell beyond Sheets' limits refused quickly with exit 2, two executions interleaved on the real
 * add-on (its document lock holds the second off), activate, and a paste that carries formats.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');
const CLI = join(ROOT, 'dist', 'cli.js');
const CSV = join(ROOT, 'test', 'browser', 'fixtures', 'clients.csv');

interface Out {
  steps: Array<{ kind: string; ok: boolean; result?: unknown; error?: string }>;
  sheets: Array<{ name: string; values: unknown[][]; numberFormats: string[][] }>;
  alerts: Array<{ prompt: string; answer: { button: string } }>;
  errors: string[];
  simMs: number;
}

let dir = '';
beforeAll(() => {
  if (!existsSync(CLI)) throw new Error('dist/cli.js is missing: run `node build.mjs` first');
  dir = mkdtempSync(join(tmpdir(), 'clientflow-sim-'));
  copyFileSync(CSV, join(dir, 'clients.csv'));
});

function sim(steps: unknown[], name = 'scenario.json') {
  const p = join(dir, name);
  writeFileSync(p, JSON.stringify({ locale: 'en', data: 'clients.csv', steps }));
  const r = spawnSync(process.execPath, [CLI, 'sim', p], { encoding: 'utf8', env: { PATH: process.env.PATH ?? '', LANG: 'C' }, maxBuffer: 64 * 1024 * 1024, timeout: 60_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr, out: () => JSON.parse(r.stdout) as Out };
}

test('every step reports its outcome: a sidebar reply, an edit outside the sheet, a time limit that struck; exit 0', () => {
  const r = sim([{ call: 'getBootstrap', args: [] }, { edit: { a1: 'B1001', value: 'x' } }, { failAfterCalls: 3 }, { menu: 'menuValidateAll' }, { paste: { a1: 'B3', values: [['Zed Co']] } }]);
  expect(r.code).toBe(0);
  const out = r.out();
  expect(out.steps.map((s) => [s.kind, s.ok])).toEqual([
    ['call', true],
    ['edit', false],
    ['failAfterCalls', true],
    ['menu', false],
    ['paste', true],
  ]);
  expect(out.steps[0]?.result).toMatchObject({ ok: true, data: { locale: 'en' } });
  expect(out.steps[1]?.error).toMatch(/^B1001 is outside the sheet "Sheet1"/);
  expect(out.steps[3]?.error).toBe('Exception: Exceeded maximum execution time');
  expect(out.sheets[0]?.values[2]?.[1]).toBe('Zed Co');
});

test.each([
  [{ edit: { a1: 'XFD9999999', value: 'x' } }, /^clientflow sim: step 1 \(edit\): XFD9999999 is beyond Sheets' limits/],
  [{ paste: { a1: 'ZZZZ2', values: [['x']] } }, /^clientflow sim: step 1 \(paste\): ZZZZ2 is beyond Sheets' limits: the last column is ZZZ/],
  [{ interleave: { first: [{ edit: { a1: 'A99999999', value: 'x' } }], second: [{ menu: 'menuAdopt' }], switchAfterCalls: 1 } }, /^clientflow sim: step 1 first 1 \(edit\): A99999999 is beyond/],
  [{ paste: { a1: 'A2', values: [['x']], from: 'B2:B3' } }, /either "values" or "from"/],
  [{ activate: '' }, /step 1 \(activate\)/],
])('a scenario that cannot run: exit 2, one line (%j)', (step, message) => {
  const r = sim([step]);
  expect(r.code).toBe(2);
  expect(r.stdout).toBe('');
  expect(r.stderr.trim()).toMatch(message);
  expect(r.stderr.trim().split('\n')).toHaveLength(1);
});

test("interleave on the add-on: the first Adopt holds the document lock, the second is told it is busy after waiting", () => {
  // menuAdopt reads the sheet (number formats included) and asks its question (23 service calls), then
  // its 24th call, tryLock, takes the document lock to apply. Switching after it, the second Adopt asks
  // too and is answered YES, then its tryLock(5000) waits 5 s and fails: it is told another action is
  // running. The first then reports and offers the automatic columns (declined).
  const r = sim([{ answer: ['YES', 'YES', 'OK', 'OK', 'NO'] }, { interleave: { first: [{ menu: 'menuAdopt' }], second: [{ menu: 'menuAdopt' }], switchAfterCalls: 24 } }]);
  expect(r.code).toBe(0);
  const out = r.out();
  expect(out.steps[1]).toMatchObject({ kind: 'interleave', ok: true, result: { switched: true } });
  expect(out.alerts.map((a) => a.prompt)).toEqual([expect.stringMatching(/reads the columns as/), expect.stringMatching(/reads the columns as/), expect.stringMatching(/Another ClientFlow action is running/), expect.stringMatching(/^Adopted/), expect.stringMatching(/^Add the automatic columns/)]);
  expect(out.simMs).toBeGreaterThan(5000);
  expect(out.errors).toEqual([]);
});

test('activate a sheet that does not exist is a step that failed; paste carries number formats', () => {
  const r = sim([{ activate: 'Archive' }, { paste: { a1: 'D10', values: [['0086 138 0013 8000']], numberFormats: [['@']] } }, { paste: { a1: 'D11', values: [['00123']] } }]);
  expect(r.code).toBe(0);
  const out = r.out();
  expect(out.steps[0]).toEqual({ kind: 'activate', ok: false, error: 'there is no sheet named "Archive"' });
  const s = out.sheets[0];
  expect(s?.values[9]?.[3]).toBe('0086 138 0013 8000');
  expect(s?.numberFormats[9]?.[3]).toBe('@');
  expect(s?.values[10]?.[3]).toBe(123);
});
