/**
 * `npm run bench`: the built dist/dev/bench.js, run as a user runs it. `--json` prints exactly one JSON
 * array in docs/ARCHITECTURE.md's shape on stdout; bad arguments get a one-line message and exit code 2; `--demo`
 * rewrites the committed demo table identically.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseCsv } from '../../src/cli/csv';

const root = join(__dirname, '..', '..');
const bench = join(root, 'dist', 'dev', 'bench.js');

function run(args: string[]): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, ['--expose-gc', bench, ...args], { cwd: root, encoding: 'utf8', timeout: 240_000, maxBuffer: 64 << 20 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

const FIELDS = ['action', 'rows', 'cpu_ms', 'service_calls', 'sim_ms', 'peak_mb'];
const ADDON_ACTIONS = ['setup', 'adopt', 'validate-all', 'edit-one-cell', 'paste-1000-rows', 'cleanup', 'dedupe', 'funnel'];

interface Row { action: string; rows: number; cpu_ms: number; service_calls: number; sim_ms: number; peak_mb: number }

beforeAll(() => {
  if (!existsSync(bench)) throw new Error('dist/dev/bench.js is missing: run `node build.mjs` first (npm test does)');
});

describe('bench --json', () => {
  let rows: Row[] = [];
  let stderr = '';

  beforeAll(() => {
    const r = run(['--json', '--rows', '200,500']);
    stderr = r.stderr;
    expect({ status: r.status, stderr: r.status === 0 ? '' : r.stderr }).toEqual({ status: 0, stderr: '' });
    rows = JSON.parse(r.stdout) as Row[]; // stdout is the JSON array and nothing else
  }, 300_000);

  it('prints rows in the contract shape for every action present, at each size', () => {
    expect(Array.isArray(rows)).toBe(true);
    for (const row of rows) {
      expect(Object.keys(row).sort()).toEqual([...FIELDS].sort());
      expect(typeof row.action).toBe('string');
      for (const f of ['cpu_ms', 'service_calls', 'sim_ms', 'peak_mb'] as const) {
        expect(Number.isFinite(row[f])).toBe(true);
        expect(row[f]).toBeGreaterThanOrEqual(0);
      }
      expect(Number.isInteger(row.service_calls)).toBe(true);
    }
    for (const n of [200, 500]) {
      const at = rows.filter((r) => r.rows === n).map((r) => r.action);
      expect(at).toContain('dedupe-peer-fingerprint');
      expect(new Set(at).size).toBe(at.length);
    }
    // Every add-on action that is not in the output was skipped with a note naming it.
    for (const a of ADDON_ACTIONS) {
      if (!rows.some((r) => r.action === a)) expect(stderr).toMatch(new RegExp(`skipping ${a}\\b`));
    }
  });

  it('counts add-on actions with the emulator: service calls, and simulated time of at least 25 ms per call', () => {
    const addon = rows.filter((r) => ADDON_ACTIONS.includes(r.action));
    for (const r of addon) {
      expect(r.service_calls).toBeGreaterThan(0);
      expect(r.sim_ms).toBeGreaterThanOrEqual(25 * r.service_calls);
    }
    const peer = rows.filter((r) => r.action === 'dedupe-peer-fingerprint');
    for (const r of peer) expect(r.service_calls).toBe(0);
  });
});

describe('bench, readable and bad input', () => {
  it('prints a table and the peer precision/recall against the planted truth', () => {
    const r = run(['--rows', '300', '--actions', 'dedupe-peer-fingerprint']);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^action\s+rows\s+cpu_ms\s+service_calls\s+sim_ms\s+peak_mb/m);
    expect(r.stdout).toMatch(/^dedupe-peer-fingerprint\s+300\s/m);
    expect(r.stdout).toMatch(/precision \d+(\.\d)?%, recall \d+(\.\d)?%/);
  });

  it.each([
    [['--rows', '0']],
    [['--rows', '600000']],
    [['--rows', 'many']],
    [['--actions', 'nope']],
    [['--frobnicate']],
  ])('refuses %j with one line and exit code 2', (args) => {
    const r = run(['--json', ...args]);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  });
});

describe('bench --demo', () => {
  it('rewrites the committed demo table byte for byte: about 200 messy clients, mixed English and Chinese', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cf-demo-'));
    try {
      const out = join(dir, 'demo.csv');
      const r = run(['--demo', out]);
      expect(r.status).toBe(0);
      const text = readFileSync(out, 'utf8');
      expect(text).toBe(readFileSync(join(root, 'dev', 'playground', 'demo.csv'), 'utf8'));
      const rows = parseCsv(text);
      expect(rows).toHaveLength(201);
      const header = rows[0] ?? [];
      expect(header.some((h) => /[\u4e00-\u9fff]/.test(h))).toBe(true);
      expect(header.some((h) => /^[A-Za-z ]+$/.test(h))).toBe(true);
      const cells = rows.slice(1).flat();
      expect(cells.some((c) => /[\u4e00-\u9fff]{2}/.test(c))).toBe(true);
      expect(cells.some((c) => c.includes('＠') || /^[^@\s]+\.[a-z]+$/.test(c))).toBe(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
