// `npm run push`: builds and pushes dist/ to Apps Script with clasp, but only from a clean tree, so
// what runs for users is always a commit that can be found again (the version in About is
// package.json's, and the tree it was built from is that commit).
// Usage: node scripts/push.mjs [--dry-run]   (--dry-run: check and build, do not push)
import { execFileSync, spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = process.env.CLIENTFLOW_PUSH_ROOT ?? join(dirname(fileURLToPath(import.meta.url)), '..');

/** Lines of `git status --porcelain` (tracked changes and untracked files not ignored). */
export function dirtyFiles(cwd = root) {
  const out = execFileSync('git', ['status', '--porcelain', '--untracked-files=normal'], { cwd, encoding: 'utf8' });
  return out.split('\n').filter((l) => l.trim() !== '');
}

function main() {
  let dirty;
  try {
    dirty = dirtyFiles();
  } catch (e) {
    console.error(`push: cannot read the git status (${e && e.message}); refusing to push.`);
    process.exit(1);
  }
  if (dirty.length > 0) {
    console.error('push: the working tree has uncommitted changes; commit or stash them first:');
    for (const l of dirty.slice(0, 20)) console.error(`  ${l}`);
    if (dirty.length > 20) console.error(`  … and ${dirty.length - 20} more`);
    process.exit(1);
  }
  const run = (cmd, args) => {
    const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit' });
    if (r.status !== 0) process.exit(r.status ?? 1);
  };
  run(process.execPath, ['build.mjs']);
  if (process.argv.includes('--dry-run')) {
    console.error('push: clean tree, built; --dry-run: not pushed.');
    return;
  }
  run('npx', ['clasp', 'push']);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) main();
