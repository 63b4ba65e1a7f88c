// Build: esbuild bundles for Apps Script (dist/Code.js, dist/Sidebar.html, dist/appsscript.json),
// the CLI (dist/cli.js, the `clientflow` bin), the dev tools (dist/dev/: sim, playground, bench, contract)
// and the contract kit for a real spreadsheet (dist/contract/: Code.js, appsscript.json).
// Usage: node build.mjs
import * as esbuild from 'esbuild';
import { mkdirSync, readFileSync, writeFileSync, chmodSync, copyFileSync, existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import vm from 'node:vm';
import { createHash } from 'node:crypto';
import { CLI_ONLY, packedMessagesPlugin } from './scripts/packed-messages.mjs';

const root = dirname(fileURLToPath(import.meta.url));
const dist = join(root, 'dist');
const GLOBAL = 'ClientFlow';
/** package.json's version, shown in the add-on's About line (src/core/help/version.ts). */
const VERSION = existsSync(join(root, 'package.json')) ? JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).version : 'dev';
// The table schema's definition (src/core/config.ts SCHEMA_ID): every file that src/core/schema.ts
// loads (what a stored config parses to), zod's own included, as esbuild resolves them, so that a file
// the definition comes to import, or moves to, is part of it without a list to keep. A config written
// under another definition is validated again when it is read.
// A tree without the schema (build.mjs's own tests build a stand-in entry module) has none: its
// configs are always validated.
let SCHEMA_ID = null;
if (existsSync(join(root, 'src/core/schema.ts'))) {
  const schemaGraph = await esbuild.build({
    entryPoints: ['src/core/schema.ts'], bundle: true, write: false, metafile: true, format: 'esm', logLevel: 'silent', absWorkingDir: root,
  });
  const inputs = Object.keys(schemaGraph.metafile.inputs).sort();
  if (!inputs.includes('src/core/schema.ts') || !inputs.some((f) => f.includes('node_modules/zod/'))) fail(`the schema's files were not found: ${inputs.join(', ')}`);
  SCHEMA_ID = createHash('sha256').update(inputs.map((f) => `${f}\0${readFileSync(join(root, f), 'utf8')}`).join('\0')).digest('hex').slice(0, 12);
}
mkdirSync(join(dist, 'dev'), { recursive: true });

function fail(message) {
  console.error(`build: ${message}`);
  process.exit(1);
}

/** Evaluates CommonJS code in an empty context (no Apps Script globals) and returns its exports. */
function evalCjs(code, file) {
  const module = { exports: {} };
  vm.runInNewContext(code, { module, exports: module.exports }, { filename: file });
  return module.exports;
}

async function bundle(options) {
  const result = await esbuild.build({
    bundle: true,
    write: false,
    charset: 'utf8',
    legalComments: 'none',
    logLevel: 'warning',
    absWorkingDir: root,
    define: { __CLIENTFLOW_VERSION__: JSON.stringify(VERSION), __CLIENTFLOW_SCHEMA_ID__: JSON.stringify(SCHEMA_ID) },
    ...options,
  });
  return result.outputFiles.map((f) => f.text).join('\n');
}

// The message catalogs are packed into both Apps Script bundles (scripts/packed-messages.mjs).
const packedMessages = packedMessagesPlugin(root);

// ---- dist/Code.js: the add-on for the Apps Script V8 runtime ----
async function buildAddon() {
  // Minified: Apps Script parses every script file at every execution, onEdit included, so the bundle's
  // size is a speed figure (the bench's `load` row). Errors reach users as translated messages, never as
  // stack traces, so mangled names cost only the developer's reading of the execution log.
  const iife = await bundle({
    entryPoints: ['src/addon/main.ts'],
    plugins: [packedMessages],
    format: 'iife',
    globalName: GLOBAL,
    platform: 'browser',
    target: 'es2019',
    minify: true,
  });
  // The bundle's message tables leave out the CLI's messages: the add-on must name none of them.
  const cliKey = iife.match(new RegExp(`["'\`](${CLI_ONLY.replace('.', '\\.')}[\\w.]+)`));
  if (cliKey) fail(`src/addon uses the CLI-only message "${cliKey[1]}": the add-on's bundle does not carry ${CLI_ONLY}* messages`);
  // Apps Script loads every file at every execution: loading must call no service. Evaluating the
  // bundle in a context with no Apps Script globals proves it (any service access would throw).
  let api;
  try {
    const ctx = {};
    vm.runInNewContext(`${iife}\n;this.__api = ${GLOBAL};`, ctx, { filename: 'Code.js' });
    api = ctx.__api;
  } catch (e) {
    fail(`loading dist/Code.js must not touch any service: ${e && e.message}`);
  }
  const names = Object.keys(api).sort();
  if (names.length === 0) fail('src/addon/main.ts exports nothing');
  for (const name of names) {
    if (typeof api[name] !== 'function') fail(`export "${name}" of src/addon/main.ts is not a function`);
    if (!/^[A-Za-z_$][\w$]*$/.test(name)) fail(`export "${name}" is not a valid function name`);
  }
  // Every menu item must name an exported function.
  const menuCode = await bundle({ entryPoints: ['src/addon/menu.ts'], format: 'cjs', platform: 'neutral', target: 'es2019' });
  const { MENU_ITEMS } = evalCjs(menuCode, 'menu.js');
  for (const item of MENU_ITEMS) {
    if (item.fn && !names.includes(item.fn)) fail(`menu item "${item.label}" names "${item.fn}", which src/addon/main.ts does not export`);
  }
  // Every sidebar endpoint must be served by an export of the same name (the sidebar calls it by name).
  const apiCode = await bundle({ entryPoints: ['src/core/api/index.ts'], format: 'cjs', platform: 'neutral', target: 'es2019', mainFields: ['module', 'main'] });
  const { ENDPOINTS } = evalCjs(apiCode, 'api.js');
  for (const name of Object.keys(ENDPOINTS)) {
    if (!names.includes(name)) fail(`sidebar endpoint "${name}" (src/core/api) is not exported by src/addon/main.ts`);
  }
  // Apps Script finds entry points only as top-level function declarations.
  const stubs = names.map((n) => `function ${n}(...args) { return ${GLOBAL}.${n}(...args); }`).join('\n');
  writeFileSync(join(dist, 'Code.js'), `${iife}\n// Entry points (generated by build.mjs from src/addon/main.ts's exports)\n${stubs}\n`);
  return names;
}

// ---- dist/Sidebar.html: the sidebar's client bundle and styles inlined ----
async function buildSidebar() {
  // Minified: the sidebar downloads on every open (Code.js stays readable for Apps Script's stack traces).
  const js = await bundle({ entryPoints: ['src/sidebar/main.ts'], plugins: [packedMessages], format: 'iife', platform: 'browser', target: 'es2019', minify: true });
  const css = await bundle({ entryPoints: ['src/sidebar/styles.css'], loader: { '.css': 'css' } });
  const template = readFileSync(join(root, 'src/sidebar/index.html'), 'utf8');
  const safeJs = js.replace(/<\/(script)/gi, '<\\/$1').replace(/<!--/g, '<\\!--');
  const safeCss = css.replace(/<\/(style)/gi, '<\\/$1');
  if (!template.includes('<!--INLINE_STYLE-->') || !template.includes('<!--INLINE_SCRIPT-->')) {
    fail('src/sidebar/index.html must contain <!--INLINE_STYLE--> and <!--INLINE_SCRIPT-->');
  }
  const html = template
    .replace('<!--INLINE_STYLE-->', () => `<style>\n${safeCss}</style>`)
    .replace('<!--INLINE_SCRIPT-->', () => `<script>\n${safeJs}</script>`);
  writeFileSync(join(dist, 'Sidebar.html'), html);
}

// ---- Node bundles: the CLI and the dev tools ----
const NODE_EXTERNALS = ['hyperformula', 'playwright-core', 'fsevents'];
async function buildNode(entry, out, banner) {
  const code = await bundle({
    entryPoints: [entry],
    format: 'cjs',
    platform: 'node',
    target: 'node20',
    external: NODE_EXTERNALS,
    sourcemap: 'inline',
    banner: banner ? { js: banner } : undefined,
  });
  writeFileSync(join(dist, out), code);
}

async function buildBrowser(entry, out) {
  writeFileSync(join(dist, out), await bundle({ entryPoints: [entry], format: 'iife', platform: 'browser', target: 'es2020' }));
}

// ---- dist/contract/: the contract suite as an Apps Script project (see docs/contract.md) ----
async function buildContractKit() {
  const NAME = 'Contract';
  const iife = await bundle({ entryPoints: ['dev/contract/apps-script.ts'], format: 'iife', globalName: NAME, platform: 'browser', target: 'es2019' });
  const ctx = {};
  vm.runInNewContext(`${iife}\n;this.__api = ${NAME};`, ctx, { filename: 'contract/Code.js' });
  const names = Object.keys(ctx.__api).sort();
  const stubs = names.map((n) => `function ${n}(...args) { return ${NAME}.${n}(...args); }`).join('\n');
  mkdirSync(join(dist, 'contract'), { recursive: true });
  writeFileSync(join(dist, 'contract', 'Code.js'), `${iife}\n// Entry points (generated by build.mjs from dev/contract/apps-script.ts)\n${stubs}\n`);
  copyFileSync(join(root, 'appsscript.json'), join(dist, 'contract', 'appsscript.json'));
}

const started = Date.now();
const names = await buildAddon();
await buildSidebar();
copyFileSync(join(root, 'appsscript.json'), join(dist, 'appsscript.json'));
await buildNode('src/cli/main.ts', 'cli.js', '#!/usr/bin/env node');
chmodSync(join(dist, 'cli.js'), 0o755);
// `clientflow sim` loads dist/dev/sim.js at run time: the emulator stays out of dist/cli.js.
await buildNode('dev/sim.ts', 'dev/sim.js');
await buildNode('dev/playground/server.ts', 'dev/playground.js');
await buildBrowser('dev/playground/client.ts', 'dev/playground-client.js');
await buildNode('bench/main.ts', 'dev/bench.js');
await buildContractKit();
await buildNode('dev/contract/main.ts', 'dev/contract.js');
await buildNode('dev/contract/compare.ts', 'dev/contract-compare.js');
// dist/site/: the privacy policy and terms as static pages (Markdown rendered at build time only).
if (existsSync(join(root, 'scripts', 'site.mjs'))) await (await import('./scripts/site.mjs')).buildSite(root, join(dist, 'site'));
console.error(`build: dist/ ready in ${Date.now() - started} ms (${names.length} entry points)`);
