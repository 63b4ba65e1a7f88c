// Renders the legal pages (docs/legal/*.md) to static HTML in dist/site/, so they can be hosted anywhere
// (the Marketplace listing and the OAuth consent screen link to them). markdown-it is used here, at
// build time only: nothing of it reaches dist/Code.js. Raw HTML in the Markdown is escaped, not passed.
// Usage: node scripts/site.mjs (build.mjs calls buildSite too).
import MarkdownIt from 'markdown-it';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const md = new MarkdownIt({ html: false, linkify: false, typographer: false });

const escapeHtml = (s) => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);

/** Splits a page into its front matter (key: value lines between --- fences) and its Markdown body. */
export function frontMatter(text) {
  const m = /^---\n([\s\S]*?)\n---\n/.exec(text);
  if (!m) return { meta: {}, body: text };
  const meta = {};
  for (const line of m[1].split('\n')) {
    const i = line.indexOf(':');
    if (i > 0) meta[line.slice(0, i).trim()] = line.slice(i + 1).trim();
  }
  return { meta, body: text.slice(m[0].length) };
}

const STYLE = `body{font:16px/1.55 -apple-system,"Segoe UI",Roboto,"Noto Sans","PingFang SC","Microsoft YaHei",sans-serif;max-width:46rem;margin:2rem auto;padding:0 1rem;color:#202124}
h1{font-size:1.8rem}h2{font-size:1.25rem;margin-top:2rem}table{border-collapse:collapse;width:100%}td,th{border:1px solid #dadce0;padding:.4rem .6rem;vertical-align:top;text-align:left}
code{background:#f1f3f4;padding:0 .2rem;border-radius:3px;word-break:break-all}nav{font-size:.9rem;margin-bottom:1.5rem}a{color:#1a73e8}`;

function page({ title, lang, other, otherLabel, html }) {
  return `<!doctype html>
<html lang="${escapeHtml(lang)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>${STYLE}</style>
</head>
<body>
<nav><a href="index.html">ClientFlow</a>${other ? ` · <a href="${escapeHtml(other)}" hreflang="${lang === 'en' ? 'zh-CN' : 'en'}">${escapeHtml(otherLabel)}</a>` : ''}</nav>
<main>
${html}</main>
</body>
</html>
`;
}

/** Renders every docs/legal/*.md to outDir/<name>.html and writes an index; returns the pages written. */
export function buildSite(root, outDir) {
  const src = join(root, 'docs', 'legal');
  mkdirSync(outDir, { recursive: true });
  const pages = [];
  for (const file of readdirSync(src)
    .filter((f) => f.endsWith('.md'))
    .sort()) {
    const { meta, body } = frontMatter(readFileSync(join(src, file), 'utf8'));
    const lang = meta.lang ?? 'en';
    const title = meta.title ?? basename(file, '.md');
    const out = `${basename(file, '.md')}.html`;
    writeFileSync(
      join(outDir, out),
      page({ title, lang, other: meta.other, otherLabel: lang === 'en' ? '中文' : 'English', html: md.render(body) }),
    );
    pages.push({ file: out, title, lang });
  }
  const list = (lang) =>
    pages
      .filter((p) => p.lang === lang)
      .map((p) => `<li><a href="${escapeHtml(p.file)}">${escapeHtml(p.title)}</a></li>`)
      .join('\n');
  writeFileSync(
    join(outDir, 'index.html'),
    page({
      title: 'ClientFlow',
      lang: 'en',
      html: `<h1>ClientFlow</h1>\n<ul>\n${list('en')}\n</ul>\n<ul lang="zh-CN">\n${list('zh-CN')}\n</ul>\n`,
    }),
  );
  return pages;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const root = join(dirname(fileURLToPath(import.meta.url)), '..');
  const pages = buildSite(root, join(root, 'dist', 'site'));
  console.error(`site: ${pages.length} pages in dist/site/`);
}
