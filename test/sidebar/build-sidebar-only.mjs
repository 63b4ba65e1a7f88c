// Dev helper: rebuilds only dist/Sidebar.html, the same way build.mjs's buildSidebar does, for
// iterating on the sidebar while other parts of the tree do not build. `npm test` uses build.mjs.
// Usage: node test/sidebar/build-sidebar-only.mjs
import * as esbuild from 'esbuild';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const opts = { bundle: true, write: false, charset: 'utf8', legalComments: 'none', logLevel: 'warning', absWorkingDir: root };
const js = (await esbuild.build({ ...opts, entryPoints: ['src/sidebar/main.ts'], format: 'iife', platform: 'browser', target: 'es2019' })).outputFiles[0].text;
const css = (await esbuild.build({ ...opts, entryPoints: ['src/sidebar/styles.css'], loader: { '.css': 'css' } })).outputFiles[0].text;
const template = readFileSync(join(root, 'src/sidebar/index.html'), 'utf8');
const safeJs = js.replace(/<\/(script)/gi, '<\\/$1').replace(/<!--/g, '<\\!--');
const safeCss = css.replace(/<\/(style)/gi, '<\\/$1');
const html = template
  .replace('<!--INLINE_STYLE-->', () => `<style>\n${safeCss}</style>`)
  .replace('<!--INLINE_SCRIPT-->', () => `<script>\n${safeJs}</script>`);
mkdirSync(join(root, 'dist'), { recursive: true });
writeFileSync(join(root, 'dist/Sidebar.html'), html);
console.log(`dist/Sidebar.html: ${html.length} bytes (js ${js.length}, css ${css.length})`);
