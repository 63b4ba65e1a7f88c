/**
 * The Marketplace material in docs/marketplace/ and the pages in dist/site/ are true to the code:
 * - every feature claim names a test that exists and passes (the named tests are run here, once);
 * - the listing's Features, in each language, are exactly the claims;
 * - every OAuth scope in appsscript.json has a reason in both languages, and no reason outlives its scope;
 * - icons and screenshots exist at the Marketplace's sizes; dist/site/ holds the legal pages.
 * Needs `node build.mjs` (dist/) first, and `npm run screenshots` for the listing's screenshots.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as z from 'zod';

jest.setTimeout(600_000);

const ROOT = join(__dirname, '..', '..');
const DOCS = join(ROOT, 'docs', 'marketplace');
const LOCALES = ['en', 'zh-CN'] as const;

const claimsSchema = z.object({
  claims: z
    .array(
      z.object({
        id: z.string().min(1),
        claim_en: z.string().min(10),
        claim_zh: z.string().min(5),
        test: z.object({ file: z.string().regex(/^test\/.+\.test\.ts$/), name: z.string().min(5) }),
        screenshot: z
          .string()
          .regex(/^\d\d-[a-z-]+\.png$/)
          .optional(),
      }),
    )
    .min(1),
});
const scopesSchema = z.object({
  scopes: z.array(z.object({ scope: z.string().url(), reason_en: z.string().min(40), reason_zh: z.string().min(20) })),
});

const claims = claimsSchema.parse(JSON.parse(readFileSync(join(DOCS, 'claims.json'), 'utf8'))).claims;
const scopes = scopesSchema.parse(JSON.parse(readFileSync(join(DOCS, 'scopes.json'), 'utf8'))).scopes;
const CJK = /[\u4e00-\u9fff]/;

/** Width and height of a PNG, from its IHDR chunk. */
function pngSize(path: string): { width: number; height: number } {
  const b = readFileSync(path);
  if (b.toString('latin1', 1, 4) !== 'PNG') throw new Error(`${path} is not a PNG`);
  return { width: b.readUInt32BE(16), height: b.readUInt32BE(20) };
}

/** The bullet lines under a listing's features heading. */
function features(file: string, heading: string): string[] {
  const text = readFileSync(join(DOCS, file), 'utf8');
  const start = text.indexOf(`\n## ${heading}\n`);
  if (start < 0) throw new Error(`${file} has no "## ${heading}" section`);
  const rest = text.slice(start + heading.length + 5);
  const end = rest.indexOf('\n## ');
  return (end < 0 ? rest : rest.slice(0, end))
    .split('\n')
    .filter((l) => l.startsWith('- '))
    .map((l) => l.slice(2).trim());
}

describe('the listing claims', () => {
  it('each claim is in both languages (English without Chinese, Chinese with it) and has a unique id', () => {
    expect(new Set(claims.map((c) => c.id)).size).toBe(claims.length);
    for (const c of claims) {
      expect(CJK.test(c.claim_en)).toBe(false);
      expect(CJK.test(c.claim_zh)).toBe(true);
    }
  });

  it('the Features of each listing are exactly the claims, in order', () => {
    expect(features('listing.en.md', 'Features')).toEqual(claims.map((c) => c.claim_en));
    expect(features('listing.zh-CN.md', '功能')).toEqual(claims.map((c) => c.claim_zh));
  });

  it('both listings have every section, and the short description fits the Marketplace', () => {
    for (const [file, sections, short] of [
      [
        'listing.en.md',
        ['Application name', 'Short description', 'Detailed description', 'Features', 'Permissions (OAuth scopes)', 'Links', 'Graphics'],
        'Short description',
      ],
      ['listing.zh-CN.md', ['应用名称', '简短说明', '详细说明', '功能', '权限（OAuth 范围）', '链接', '图片'], '简短说明'],
    ] as const) {
      const text = readFileSync(join(DOCS, file), 'utf8');
      for (const s of sections) expect(text).toContain(`\n## ${s}\n`);
      const body = text.split(`\n## ${short}\n`)[1]?.split('\n## ')[0]?.trim() ?? '';
      expect(body.length).toBeGreaterThan(20);
      expect(body.length).toBeLessThanOrEqual(200);
    }
  });

  it('every claim names a test file that exists, and each named test passes when run', () => {
    for (const c of claims) expect(existsSync(join(ROOT, c.test.file))).toBe(true);
    const files = [...new Set(claims.map((c) => c.test.file))];
    // Whole files are run: the browser journey's steps build on each other (a check needs the adopt before it).
    const dir = mkdtempSync(join(tmpdir(), 'cf-claims-'));
    try {
      const out = join(dir, 'results.json');
      const r = spawnSync(
        process.execPath,
        [require.resolve('jest/bin/jest'), '--ci', '--maxWorkers=1', '--json', '--outputFile', out, ...files],
        { cwd: ROOT, encoding: 'utf8', env: { ...process.env, CLIENTFLOW_SCREENSHOTS: '' } },
      );
      expect(existsSync(out)).toBe(true);
      const results = JSON.parse(readFileSync(out, 'utf8')) as {
        testResults: Array<{ name: string; assertionResults: Array<{ fullName: string; status: string }> }>;
      };
      const status = new Map<string, string>();
      for (const f of results.testResults)
        for (const a of f.assertionResults) status.set(`${f.name.slice(ROOT.length + 1)}\u0000${a.fullName}`, a.status);
      const failing = claims
        .filter((c) => status.get(`${c.test.file}\u0000${c.test.name}`) !== 'passed')
        .map((c) => `${c.id}: ${c.test.file} › ${c.test.name} → ${status.get(`${c.test.file}\u0000${c.test.name}`) ?? 'not found'}`);
      expect({ failing, stderrTail: failing.length ? r.stderr.slice(-2000) : '' }).toEqual({ failing: [], stderrTail: '' });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('the screenshots the claims name exist in both languages at 1280×800', () => {
    const shots = claims.flatMap((c) => (c.screenshot ? [c.screenshot] : []));
    expect(shots.length).toBeGreaterThan(0);
    for (const locale of LOCALES) {
      for (const s of shots) expect(pngSize(join(DOCS, 'screenshots', locale, s))).toEqual({ width: 1280, height: 800 });
    }
  });
});

describe('the scopes', () => {
  const manifest = JSON.parse(readFileSync(join(ROOT, 'appsscript.json'), 'utf8')) as { oauthScopes: string[] };

  it('every scope the manifest asks for has a reason in both languages, and only those', () => {
    expect(scopes.map((s) => s.scope).sort()).toEqual([...manifest.oauthScopes].sort());
    for (const s of scopes) expect(CJK.test(s.reason_zh)).toBe(true);
  });

  it('the privacy policy names every scope, in both languages', () => {
    for (const file of ['privacy.md', 'privacy.zh-CN.md']) {
      const text = readFileSync(join(ROOT, 'docs', 'legal', file), 'utf8');
      for (const s of manifest.oauthScopes) expect(text).toContain(s);
    }
  });
});

describe('graphics and site', () => {
  it('icons and the card banner are rendered at the Marketplace sizes', () => {
    for (const n of [32, 48, 96, 128]) expect(pngSize(join(DOCS, 'icons', `icon-${n}.png`))).toEqual({ width: n, height: n });
    expect(pngSize(join(DOCS, 'icons', 'banner-220x140.png'))).toEqual({ width: 220, height: 140 });
  });

  it('dist/site/ holds the privacy policy and terms in both languages, with their language and each other linked', () => {
    for (const [page, lang, other] of [
      ['privacy.html', 'en', 'privacy.zh-CN.html'],
      ['privacy.zh-CN.html', 'zh-CN', 'privacy.html'],
      ['terms.html', 'en', 'terms.zh-CN.html'],
      ['terms.zh-CN.html', 'zh-CN', 'terms.html'],
    ] as const) {
      const html = readFileSync(join(ROOT, 'dist', 'site', page), 'utf8');
      expect(html).toContain(`<html lang="${lang}">`);
      expect(html).toContain(`href="${other}"`);
      expect(html).toMatch(/<h1>ClientFlow/);
      expect(html).not.toMatch(/<script/i);
    }
    const privacy = readFileSync(join(ROOT, 'dist', 'site', 'privacy.html'), 'utf8');
    expect(privacy).toMatch(/sends\s+nothing anywhere/);
    expect(privacy).toMatch(/Uninstalling and removing what is left/);
    expect(existsSync(join(ROOT, 'dist', 'site', 'index.html'))).toBe(true);
  });
});
