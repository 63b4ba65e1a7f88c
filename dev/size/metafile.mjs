// Size report of dist/Code.js and the sidebar bundle by module (esbuild metafile, minified as build.mjs
// builds them). Usage: node dev/size/metafile.mjs [--top N] [--entry addon|sidebar]
import * as esbuild from 'esbuild';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { packedMessagesPlugin } from '../../scripts/packed-messages.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const args = process.argv.slice(2);
const top = Number(args[args.indexOf('--top') + 1]) || 40;
const which = args.includes('--entry') ? args[args.indexOf('--entry') + 1] : 'addon';
const entry = which === 'sidebar' ? 'src/sidebar/main.ts' : 'src/addon/main.ts';
const r = await esbuild.build({
  entryPoints: [entry], bundle: true, write: false, metafile: true, format: 'iife', globalName: 'ClientFlow',
  platform: 'browser', target: 'es2019', minify: true, charset: 'utf8', legalComments: 'none', absWorkingDir: root,
  define: { __CLIENTFLOW_VERSION__: '"dev"' }, logLevel: 'error', plugins: [packedMessagesPlugin(root)],
});
const out = Object.values(r.metafile.outputs)[0];
const rows = Object.entries(out.inputs).map(([f, v]) => [f, v.bytesInOutput]);
const group = (f) => {
  const m = f.match(/^node_modules\/((?:@[^/]+\/)?[^/]+)/);
  if (m) return `node_modules/${m[1]}`;
  const s = f.match(/^src\/(core|addon|sidebar)\/([^/]+)/);
  return s ? `src/${s[1]}/${s[2].replace(/\.ts$/, '')}` : f;
};
const groups = new Map();
for (const [f, b] of rows) groups.set(group(f), (groups.get(group(f)) ?? 0) + b);
const kb = (b) => (b / 1024).toFixed(1).padStart(7);
console.log(`${entry}: ${kb(out.bytes)} KB total`);
console.log('-- by area');
for (const [g, b] of [...groups].sort((a, b) => b[1] - a[1]).slice(0, top)) console.log(`${kb(b)}  ${g}`);
console.log('-- by file');
for (const [f, b] of rows.sort((a, b) => b[1] - a[1]).slice(0, top)) console.log(`${kb(b)}  ${f}`);
