/**
 * The layers hold, as the architecture says (docs/ARCHITECTURE.md): read from the source's own import
 * statements (TypeScript's pre-processor, type-only imports included).
 * - src/core imports only src/core, and no Node built-in: it runs in Apps Script, Node and the browser.
 * - src/addon, src/sidebar and src/cli import only themselves and src/core; the add-on and the sidebar
 *   never import each other: they meet in the endpoint definitions of src/core/api.
 * - nothing in src/ imports dev/, bench/ or test/; the emulator (dev/emulator) imports nothing from src/,
 *   so it stays an independent judge of the add-on.
 * - no import cycle anywhere in src/.
 * - every sidebar endpoint has an add-on export of the same name, and every add-on export is an endpoint,
 *   a menu callback or a trigger.
 * - dist/cli.js carries no dev/ code (the emulator is loaded from dist/dev/sim.js only when `sim` runs).
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';
import { ENDPOINTS } from '../../src/core/api';
import * as addon from '../../src/addon/main';
import { MENU_ITEMS } from '../../src/addon/menu';

const ROOT = join(__dirname, '..', '..');

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(join(ROOT, dir))) {
    const rel = `${dir}/${name}`;
    if (statSync(join(ROOT, rel)).isDirectory()) out.push(...sourceFiles(rel));
    else if (/\.ts$/.test(name) && !/\.d\.ts$/.test(name)) out.push(rel);
  }
  return out;
}

/** A relative import resolved to a repository path ('src/core/i18n/index.ts'), or the package name. */
function resolveImport(from: string, spec: string): { file: string } | { pkg: string } {
  if (!spec.startsWith('.')) return { pkg: spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0] };
  const base = resolve(ROOT, dirname(from), spec);
  for (const c of [`${base}.ts`, base, join(base, 'index.ts')]) {
    if (existsSync(c) && statSync(c).isFile()) return { file: relative(ROOT, c) };
  }
  throw new Error(`${from}: cannot resolve "${spec}"`);
}

function importsOf(file: string): Array<{ file: string } | { pkg: string }> {
  const info = ts.preProcessFile(readFileSync(join(ROOT, file), 'utf8'), true, true);
  return info.importedFiles.map((i) => resolveImport(file, i.fileName));
}

const SRC = sourceFiles('src');
const GRAPH = new Map(SRC.map((f) => [f, importsOf(f)]));
const layerOf = (file: string) => file.split('/').slice(0, 2).join('/');

describe('layers', () => {
  it('finds the source files it checks', () => {
    expect(SRC.length).toBeGreaterThan(80);
    expect(SRC).toEqual(expect.arrayContaining(['src/core/schema.ts', 'src/addon/main.ts', 'src/sidebar/main.ts', 'src/cli/main.ts']));
  });

  it('src/core imports only src/core and no Node built-in', () => {
    const bad: string[] = [];
    for (const [file, deps] of GRAPH) {
      if (!file.startsWith('src/core/')) continue;
      for (const d of deps) {
        if ('file' in d && !d.file.startsWith('src/core/')) bad.push(`${file} → ${d.file}`);
        if ('pkg' in d && (d.pkg.startsWith('node:') || builtinModules.includes(d.pkg))) bad.push(`${file} → ${d.pkg}`);
      }
    }
    expect(bad).toEqual([]);
  });

  it('src/addon, src/sidebar and src/cli import only themselves and src/core', () => {
    const bad: string[] = [];
    for (const [file, deps] of GRAPH) {
      const layer = layerOf(file);
      if (layer === 'src/core') continue;
      for (const d of deps) if ('file' in d && layerOf(d.file) !== layer && layerOf(d.file) !== 'src/core') bad.push(`${file} → ${d.file}`);
    }
    expect(bad).toEqual([]);
  });

  it('the add-on and the sidebar both speak the endpoint definitions of src/core/api', () => {
    const users = (layer: string) =>
      [...GRAPH]
        .filter(([f, deps]) => f.startsWith(layer) && deps.some((d) => 'file' in d && d.file.startsWith('src/core/api/')))
        .map(([f]) => f);
    expect(users('src/addon/')).toContain('src/addon/runtime/serve.ts');
    expect(users('src/sidebar/')).toContain('src/sidebar/bridge.ts');
  });

  it('the emulator imports nothing from src/', () => {
    const bad = sourceFiles('dev/emulator').flatMap((f) =>
      importsOf(f)
        .filter((d) => 'file' in d && d.file.startsWith('src/'))
        .map((d) => `${f} → ${'file' in d ? d.file : ''}`),
    );
    expect(bad).toEqual([]);
  });

  it('has no import cycle in src/', () => {
    const cycles: string[] = [];
    const state = new Map<string, 'open' | 'done'>();
    const stack: string[] = [];
    const visit = (f: string) => {
      state.set(f, 'open');
      stack.push(f);
      for (const d of GRAPH.get(f) ?? []) {
        if (!('file' in d) || !GRAPH.has(d.file)) continue;
        if (state.get(d.file) === 'open') cycles.push([...stack.slice(stack.indexOf(d.file)), d.file].join(' → '));
        else if (!state.has(d.file)) visit(d.file);
      }
      stack.pop();
      state.set(f, 'done');
    };
    for (const f of SRC) if (!state.has(f)) visit(f);
    expect(cycles).toEqual([]);
  });
});

describe('sidebar endpoints and add-on exports', () => {
  const exported = Object.keys(addon);
  const menus: string[] = MENU_ITEMS.flatMap((i) => ('fn' in i ? [i.fn] : []));
  const TRIGGERS = ['onOpen', 'onInstall', 'onEdit'];

  it('every endpoint has an add-on export of the same name', () => {
    expect(Object.keys(ENDPOINTS).filter((name) => !exported.includes(name))).toEqual([]);
  });

  it('every add-on export is an endpoint, a menu callback or a trigger', () => {
    expect(exported.filter((name) => !(name in ENDPOINTS) && !menus.includes(name) && !TRIGGERS.includes(name))).toEqual([]);
    expect(exported).toEqual(expect.arrayContaining([...TRIGGERS, ...menus, ...Object.keys(ENDPOINTS)]));
  });
});

describe('dist/cli.js', () => {
  const cli = join(ROOT, 'dist', 'cli.js');

  it('is built (npm test builds first)', () => {
    expect(existsSync(cli)).toBe(true);
  });

  it('carries no dev/ code: its source map lists only src/ and packages', () => {
    const map = /\/\/# sourceMappingURL=data:application\/json;base64,(\S+)\s*$/.exec(readFileSync(cli, 'utf8'));
    expect(map).not.toBeNull();
    const sources = (JSON.parse(Buffer.from(map?.[1] ?? '', 'base64').toString('utf8')) as { sources: string[] }).sources;
    expect(sources.some((s) => s.includes('src/cli/main.ts'))).toBe(true);
    expect(sources.filter((s) => /(^|\/)(dev|bench|test)\//.test(s) && !s.includes('node_modules'))).toEqual([]);
    expect(sources.filter((s) => /node_modules\/hyperformula\//.test(s))).toEqual([]);
  });
});
