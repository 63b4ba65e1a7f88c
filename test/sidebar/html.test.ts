/**
 * The built sidebar page (dist/Sidebar.html) references nothing outside itself except Google's
 * add-on stylesheet: no external scripts, fonts, images, frames or CDNs (docs/ARCHITECTURE.md: no user data
 * leaves the spreadsheet). The bundle is inlined, and the markers were filled.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const ADDON_CSS = 'https://ssl.gstatic.com/docs/script/css/add-ons1.css';

let html = '';
beforeAll(() => {
  html = readFileSync(join(__dirname, '..', '..', 'dist', 'Sidebar.html'), 'utf8');
});

/** Every URL-ish reference an HTML page can load from: attributes and CSS url()/@import. */
function references(page: string): string[] {
  const refs: string[] = [];
  for (const m of page.matchAll(/\s(?:src|href|srcset|data|action|formaction|poster|background)\s*=\s*["']?([^"'\s>]+)/gi)) refs.push(m[1]);
  for (const m of page.matchAll(/url\(\s*["']?([^"')]+)["']?\s*\)/gi)) refs.push(m[1]);
  for (const m of page.matchAll(/@import\s+["']([^"']+)["']/gi)) refs.push(m[1]);
  return refs;
}

test('inlines the client script and styles (markers filled, no script src)', () => {
  expect(html).not.toContain('<!--INLINE_STYLE-->');
  expect(html).not.toContain('<!--INLINE_SCRIPT-->');
  expect(html).toMatch(/<style>[\s\S]*button\.action[\s\S]*<\/style>/);
  const scripts = [...html.matchAll(/<script\b([^>]*)>/gi)];
  expect(scripts.length).toBe(1);
  expect(scripts[0][1]).not.toMatch(/src\s*=/i);
});

test('the only external reference is Google’s add-on stylesheet link', () => {
  const external = references(html).filter((r) => /^(?:https?:)?\/\//i.test(r));
  expect(external).toEqual([ADDON_CSS]);
  expect(html).toContain(`<link rel="stylesheet" href="${ADDON_CSS}">`);
  expect(html).not.toMatch(/@font-face/i);
  expect(html).not.toMatch(/fonts\.googleapis|fonts\.gstatic|cdn\.|unpkg|jsdelivr/i);
});

test('the check above would catch an external script, font or image', () => {
  const bad = '<script src="https://cdn.example.com/x.js"></script><style>@font-face{src:url(https://fonts.gstatic.com/a.woff2)}</style><img src="//evil.example/p.gif">';
  expect(references(bad).filter((r) => /^(?:https?:)?\/\//i.test(r))).toEqual([
    'https://cdn.example.com/x.js', '//evil.example/p.gif', 'https://fonts.gstatic.com/a.woff2',
  ]);
});

test('the client never writes markup from strings (no innerHTML / outerHTML / insertAdjacentHTML / document.write)', () => {
  const dir = join(__dirname, '..', '..', 'src', 'sidebar');
  const files = readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts'));
  expect(files).toEqual(expect.arrayContaining(['main.ts', 'dom.ts', 'shell.ts', join('panels', 'setup.ts')]));
  const src = files.map((f) => readFileSync(join(dir, f), 'utf8')).join('\n');
  expect(src).not.toMatch(/\.(innerHTML|outerHTML)\s*=|insertAdjacentHTML|document\.write/);
});
