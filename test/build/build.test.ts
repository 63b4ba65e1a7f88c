/**
 * The build's promises about dist/: Apps Script entry points as top-level function declarations
 * derived from src/addon/main.ts's exports, a bundle that loads without touching any service, the
 * manifest's exact scopes, and a build that refuses bad entry modules.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync, copyFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import vm from 'node:vm';
import { MENU_ITEMS } from '../../src/addon/menu';

const root = join(__dirname, '..', '..');
const dist = join(root, 'dist');

function bundleExports(code: string): Record<string, unknown> {
  const ctx: Record<string, unknown> = {};
  vm.runInNewContext(`${code}\n;this.__api = ClientFlow;`, ctx);
  return ctx.__api as Record<string, unknown>;
}

describe('dist/Code.js', () => {
  const code = readFileSync(join(dist, 'Code.js'), 'utf8');

  it('declares one top-level function per export of the entry module, and nothing is a non-function', () => {
    const api = bundleExports(code);
    const names = Object.keys(api);
    expect(names).toEqual(expect.arrayContaining(['onOpen', 'onInstall', 'menuOpenSidebar']));
    for (const name of names) {
      expect(typeof api[name]).toBe('function');
      expect(code).toContain(`\nfunction ${name}(...args) { return ClientFlow.${name}(...args); }`);
    }
    // Apps Script sees those declarations as global functions.
    const ctx: Record<string, unknown> = {};
    vm.runInNewContext(code, ctx);
    for (const name of names) expect(typeof ctx[name]).toBe('function');
  });

  it('names an exported function in every menu item', () => {
    const api = bundleExports(code);
    for (const item of MENU_ITEMS) if ('fn' in item) expect(typeof api[item.fn]).toBe('function');
  });

  it('loads without any Apps Script service (an empty global context)', () => {
    expect(() => vm.runInNewContext(code, {})).not.toThrow();
  });

  it('ships no dev-only code', () => {
    expect(code).not.toMatch(/hyperformula/i);
    expect(code).not.toMatch(/\brequire\(/);
  });
});

describe('bundle size budgets', () => {
  // Apps Script parses dist/Code.js at every execution, every onEdit included (the bench's `load` row
  // measures what that costs); the sidebar downloads Sidebar.html at every open. The budgets are the
  // sizes reached, plus about 5%: growing past one means something new ended up in a bundle (a
  // dependency, a table, code meant for the CLI or dev tools) and should be looked at
  // (node dev/size/metafile.mjs [--entry sidebar] lists what each module weighs). The phone metadata is
  // 107 KB of plain JSON text on purpose: deflated it was 40 KB but cost 14-24 ms cpu to inflate in
  // every execution that reads a phone, and a string literal costs next to nothing to parse.
  const BUDGETS: Array<[string, number]> = [
    ['Code.js', 625_000],
    ['Sidebar.html', 309_000],
  ];
  it.each(BUDGETS)('dist/%s stays within %i bytes', (file, budget) => {
    expect(statSync(join(dist, file)).size).toBeLessThanOrEqual(budget);
  });
});

describe('dist/appsscript.json', () => {
  it('asks for exactly the current spreadsheet and the container UI, on V8', () => {
    const manifest = JSON.parse(readFileSync(join(dist, 'appsscript.json'), 'utf8'));
    expect(manifest.runtimeVersion).toBe('V8');
    expect(manifest.exceptionLogging).toBe('STACKDRIVER');
    expect([...manifest.oauthScopes].sort()).toEqual([
      'https://www.googleapis.com/auth/script.container.ui',
      'https://www.googleapis.com/auth/spreadsheets.currentonly',
    ]);
  });

  it('is pushed from dist/ by clasp, with only the Apps Script files', () => {
    const clasp = JSON.parse(readFileSync(join(root, '.clasp.json'), 'utf8'));
    expect(clasp.rootDir).toBe('dist');
    const ignore = readFileSync(join(root, '.claspignore'), 'utf8');
    expect(ignore).toContain('!Code.js');
    expect(ignore).toContain('!Sidebar.html');
    expect(ignore).toContain('!appsscript.json');
  });
});

describe('build.mjs refuses bad entry modules', () => {
  function buildWith(
    main: string,
    menu = "export const MENU_ITEMS = [{ fn: 'menuA', label: 'x' }];",
    api = 'export const ENDPOINTS = { getThing: {} };',
  ): { status: number | null; stderr: string } {
    const dir = mkdtempSync(join(tmpdir(), 'cf-build-'));
    try {
      mkdirSync(join(dir, 'src', 'addon'), { recursive: true });
      mkdirSync(join(dir, 'src', 'core', 'api'), { recursive: true });
      writeFileSync(join(dir, 'src', 'core', 'api', 'index.ts'), api);
      copyFileSync(join(root, 'build.mjs'), join(dir, 'build.mjs'));
      mkdirSync(join(dir, 'scripts'));
      copyFileSync(join(root, 'scripts', 'packed-messages.mjs'), join(dir, 'scripts', 'packed-messages.mjs'));
      copyFileSync(join(root, 'appsscript.json'), join(dir, 'appsscript.json'));
      symlinkSync(join(root, 'node_modules'), join(dir, 'node_modules'), 'dir');
      writeFileSync(join(dir, 'src', 'addon', 'main.ts'), main);
      writeFileSync(join(dir, 'src', 'addon', 'menu.ts'), menu);
      const r = spawnSync(process.execPath, ['build.mjs'], { cwd: dir, encoding: 'utf8' });
      return { status: r.status, stderr: r.stderr };
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }

  it('fails when an export is not a function', () => {
    const r = buildWith('export function menuA() {}\nexport const VERSION = 3;');
    expect(r.status).not.toBe(0);
    expect(r.stderr).toContain('export "VERSION" of src/addon/main.ts is not a function');
  });

  it('fails when a menu item names a function that is not exported', () => {
    const r = buildWith('export function menuB() {}');
    expect(r.status).not.toBe(0);
    expect(r.stderr).toContain('names "menuA", which src/addon/main.ts does not export');
  });

  it('fails when a sidebar endpoint is not exported', () => {
    const r = buildWith('export function menuA() {}');
    expect(r.status).not.toBe(0);
    expect(r.stderr).toContain('sidebar endpoint "getThing" (src/core/api) is not exported by src/addon/main.ts');
  });

  it('fails when the add-on names a message only the CLI carries', () => {
    const r = buildWith("export function menuA() { return 'cli.usage.title'; }");
    expect(r.status).not.toBe(0);
    expect(r.stderr).toContain('src/addon uses the CLI-only message "cli.usage.title"');
  });

  it('fails when loading the bundle would call a service', () => {
    const r = buildWith('const ss = SpreadsheetApp.getActive();\nexport function menuA() { return ss; }');
    expect(r.status).not.toBe(0);
    expect(r.stderr).toContain('must not touch any service');
  });
});

describe('the clientflow bin', () => {
  it('is dist/cli.js, executable with a node shebang', () => {
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
    expect(pkg.bin.clientflow).toBe('dist/cli.js');
    expect(readFileSync(join(dist, 'cli.js'), 'utf8').startsWith('#!/usr/bin/env node')).toBe(true);
    expect(() => execFileSync(join(dist, 'cli.js'), ['--help'], { encoding: 'utf8' })).not.toThrow();
  });
});

describe('source hygiene', () => {
  it('uses no `any` type and no ts-ignore in shipped code (src/)', () => {
    const offenders: string[] = [];
    const walk = (dir: string): void => {
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        const p = join(dir, entry.name);
        if (entry.isDirectory()) walk(p);
        else if (/\.ts$/.test(entry.name)) {
          readFileSync(p, 'utf8').split('\n').forEach((line, i) => {
            const code = /^\s*(\*|\/\*)/.test(line) ? '' : line.replace(/\/\/.*$/, '');
            if (/(:\s*any\b|\bas any\b|<any>|any\[\])/.test(code) || /@ts-(ignore|nocheck)/.test(line)) offenders.push(`${p}:${i + 1}`);
          });
        }
      }
    };
    walk(join(root, 'src'));
    expect(offenders).toEqual([]);
  });
});
