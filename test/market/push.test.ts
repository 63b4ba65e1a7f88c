/** `npm run push` (scripts/push.mjs) refuses a dirty tree and pushes only what a commit holds. */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const SCRIPT = join(__dirname, '..', '..', 'scripts', 'push.mjs');

function repo(): string {
  const dir = mkdtempSync(join(tmpdir(), 'cf-push-'));
  const git = (...args: string[]) => execFileSync('git', args, { cwd: dir, stdio: 'ignore' });
  git('init', '-q');
  git('config', 'user.email', 't@example.com');
  git('config', 'user.name', 'T');
  // A stand-in build: the real one is not needed to test the refusal.
  writeFileSync(join(dir, 'build.mjs'), "console.error('built');\n");
  git('add', '.');
  git('commit', '-qm', 'init');
  return dir;
}

function push(dir: string) {
  return spawnSync(process.execPath, [SCRIPT, '--dry-run'], { env: { ...process.env, CLIENTFLOW_PUSH_ROOT: dir }, encoding: 'utf8' });
}

describe('npm run push', () => {
  it('refuses when a tracked file is changed or a file is untracked, and names them', () => {
    const dir = repo();
    try {
      writeFileSync(join(dir, 'build.mjs'), "console.error('changed');\n");
      writeFileSync(join(dir, 'new.txt'), 'x');
      const r = push(dir);
      expect(r.status).toBe(1);
      expect(r.stderr).toMatch(/uncommitted changes/);
      expect(r.stderr).toMatch(/build\.mjs/);
      expect(r.stderr).toMatch(/new\.txt/);
      expect(r.stderr).not.toMatch(/built/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('builds (and would push) from a clean tree', () => {
    const dir = repo();
    try {
      const r = push(dir);
      expect(r.status).toBe(0);
      expect(r.stderr).toMatch(/built/);
      expect(r.stderr).toMatch(/not pushed/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
