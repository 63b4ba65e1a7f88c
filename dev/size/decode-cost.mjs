// The cost of the packed message tables on first use: the cpu time of inflating and parsing one
// locale's table, in a fresh process each time (cold, as in an Apps Script execution). Median of N.
// Usage: node dev/size/decode-cost.mjs [N]
import * as esbuild from 'esbuild';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { packedMessagesPlugin } from '../../scripts/packed-messages.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const n = Number(process.argv[2]) || 9;
const r = await esbuild.build({
  entryPoints: ['src/core/i18n/tables.ts'], bundle: true, write: false, format: 'cjs', platform: 'neutral', target: 'es2019',
  mainFields: ['module', 'main'], absWorkingDir: root, plugins: [packedMessagesPlugin(root)], logLevel: 'error',
});
const dir = mkdtempSync(join(tmpdir(), 'decode-'));
const file = join(dir, 'tables.js');
writeFileSync(file, r.outputFiles[0].text);
const child = `
const { tableOf } = require(process.argv[1]);
const t0 = process.cpuUsage(); const table = tableOf(process.argv[2]); const c = process.cpuUsage(t0);
const t1 = process.cpuUsage(); tableOf(process.argv[2]); const again = process.cpuUsage(t1);
process.stdout.write(JSON.stringify({ us: c.user + c.system, again: again.user + again.system, keys: Object.keys(table).length }));`;
for (const locale of ['en', 'zh-CN']) {
  const runs = [];
  for (let i = 0; i < n; i++) runs.push(JSON.parse(execFileSync(process.execPath, ['-e', child, file, locale], { encoding: 'utf8' })));
  runs.sort((a, b) => a.us - b.us);
  const mid = runs[Math.floor(n / 2)];
  console.log(`${locale}: ${mid.keys} messages, first use ${mid.us} µs cpu (median of ${n}), then ${mid.again} µs`);
}
rmSync(dir, { recursive: true });
