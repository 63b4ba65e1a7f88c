/**
 * Quick check for the duplicate engine's speed work: runs findDuplicates on the bench generator's table
 * (seed 42, the bench's default) and prints a hash of the clusters plus the cpu time.
 * Not part of build.mjs: `npx esbuild bench/dedupe-check.ts --bundle --platform=node --outfile=/tmp/dc.js`,
 * then `node /tmp/dc.js [ROWS] [--write FILE | --compare FILE]`; with --compare it exits 1 when the whole
 * result's clusters (rows, scores, links and their evidence) differ from those written earlier.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { generateTable } from './generate';
import { findDuplicates } from '../src/core/dedupe';
import { defaultContext } from '../src/core/fields/context';

const args = process.argv.slice(2);
const rows = Number(args.find((a) => /^\d+$/.test(a)) ?? 10000);
const table = generateTable({ rows, seed: 42 });
const t0 = process.cpuUsage();
const result = findDuplicates({ grid: [table.header, ...table.rows], ctx: defaultContext('en', { region: 'US' }) });
const cpu = process.cpuUsage(t0);
const text = JSON.stringify(result.clusters);
console.log(`${rows} rows: ${result.clusters.length} clusters, cpu ${((cpu.user + cpu.system) / 1000).toFixed(0)} ms`);
const w = args.indexOf('--write');
if (w >= 0) writeFileSync(args[w + 1] ?? 'clusters.json', text);
const c = args.indexOf('--compare');
if (c >= 0) {
  const before = readFileSync(args[c + 1] ?? 'clusters.json', 'utf8');
  if (before !== text) { console.log('clusters DIFFER'); process.exit(1); }
  console.log('clusters identical');
}
