/**
 * `clientflow sim` with hostile cell references and blocks (`node dist/cli.js`): every one either runs
 * (exit 0, the step's outcome reported) or is refused before anything runs (exit 2, one clean line),
 * quickly and in little memory; none grows a sheet past Sheets' limits.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');
const CLI = join(ROOT, 'dist', 'cli.js');

let tmp = '';
beforeAll(() => {
  if (!existsSync(CLI)) throw new Error('dist/cli.js is missing: run `node build.mjs` first');
  tmp = mkdtempSync(join(tmpdir(), 'clientflow-hostile-sim-'));
  copyFileSync(join(ROOT, 'test', 'browser', 'fixtures', 'clients.csv'), join(tmp, 'clients.csv'));
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function sim(step: unknown) {
  const p = join(tmp, 'scenario.json');
  writeFileSync(p, JSON.stringify({ data: 'clients.csv', steps: [step] }));
  // A small heap: a run that tried to build a huge sheet would fail here instead of passing slowly.
  const r = spawnSync(process.execPath, ['--max-old-space-size=256', CLI, 'sim', p], { encoding: 'utf8', env: { PATH: process.env.PATH ?? '', LANG: 'C' }, timeout: 60_000, maxBuffer: 64 * 1024 * 1024 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const wide = [Array.from({ length: 18_279 }, () => 'x')];

const cases: Array<[string, unknown, number]> = [
  ['edit XFD9999999', { edit: { a1: 'XFD9999999', value: 'x' } }, 2],
  ['edit xfd9999999', { edit: { a1: 'xfd9999999', value: 'x' } }, 2],
  ['edit A99999999999999999999', { edit: { a1: 'A99999999999999999999', value: 'x' } }, 2],
  ['edit ZZZZ1', { edit: { a1: 'ZZZZ1', value: 'x' } }, 2],
  ['edit A0', { edit: { a1: 'A0', value: 'x' } }, 2],
  ['edit A-1', { edit: { a1: 'A-1', value: 'x' } }, 2],
  ['edit 1A', { edit: { a1: '1A', value: 'x' } }, 2],
  ['edit A1:B2', { edit: { a1: 'A1:B2', value: 'x' } }, 2],
  ['edit Ａ１', { edit: { a1: 'Ａ１', value: 'x' } }, 2],
  ['edit $B$2', { edit: { a1: '$B$2', value: 'x' } }, 0],
  ["edit 'Sheet1'!B2", { edit: { a1: "'Sheet1'!B2", value: 'x' } }, 0],
  ['edit ZZZ1', { edit: { a1: 'ZZZ1', value: 'x' } }, 0],
  ['paste 18,279 columns', { paste: { a1: 'A1', values: wide } }, 2],
  ['paste A10000000', { paste: { a1: 'A10000000', values: [['x'], ['y']] } }, 2],
  ['paste A9999999', { paste: { a1: 'A9999999', values: [['x'], ['y']] } }, 0],
  ['paste ZZZ1', { paste: { a1: 'ZZZ1', values: [['x']] } }, 0],
  ['paste A5000', { paste: { a1: 'A5000', values: [['x']] } }, 0],
  ['paste from A1:XFD9999999', { paste: { a1: 'A2', from: 'A1:XFD9999999' } }, 2],
  ['paste from "no range"', { paste: { a1: 'A2', from: 'no range' } }, 2],
  ["paste from a missing sheet", { paste: { a1: 'A2', from: "'Missing'!A1:B2" } }, 0],
  ['paste numberFormats of another shape', { paste: { a1: 'B2', values: [['x']], numberFormats: [['@', '@']] } }, 2],
];

test.each(cases.map(([name, step, code]) => [`${name}: exit ${code}`, step, code] as const))('%s', (_name, step, code) => {
  const r = sim(step);
  expect(r.code).toBe(code);
  if (code === 2) {
    expect(r.stdout).toBe('');
    expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/^clientflow sim: step 1/);
    expect(r.stderr).not.toMatch(/\n\s+at |TypeError|RangeError|heap/);
  } else {
    const out = JSON.parse(r.stdout) as { steps: Array<{ ok: boolean; error?: string }>; sheets: Array<{ values: unknown[][] }> };
    expect(out.steps).toHaveLength(1);
    // What ran either changed the sheet or says why not.
    const s = out.steps[0];
    if (s && !s.ok) expect(s.error).toMatch(/outside the sheet|limit of 10000000 cells|no sheet named/);
  }
});
