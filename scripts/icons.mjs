// Renders the listing's icons and card banner, drawn as SVG in docs/marketplace/icons/, to PNG at the
// sizes the Google Workspace Marketplace store listing asks for (application icon 32×32 and 128×128,
// also 48×48 and 96×96; card banner 220×140), with the Chromium the browser tests use (playwright-core).
// Usage: npm run icons   (CHROMIUM_PATH overrides /usr/bin/chromium)
import { chromium } from 'playwright-core';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dir = join(root, 'docs', 'marketplace', 'icons');

export const RENDERS = [
  { svg: 'icon.svg', out: 'icon-32.png', width: 32, height: 32 },
  { svg: 'icon.svg', out: 'icon-48.png', width: 48, height: 48 },
  { svg: 'icon.svg', out: 'icon-96.png', width: 96, height: 96 },
  { svg: 'icon.svg', out: 'icon-128.png', width: 128, height: 128 },
  { svg: 'banner.svg', out: 'banner-220x140.png', width: 220, height: 140 },
];

export async function renderIcons(executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium') {
  const browser = await chromium.launch({ executablePath, headless: true, args: ['--no-sandbox', '--disable-gpu'] });
  try {
    const page = await browser.newPage({ deviceScaleFactor: 1 });
    for (const r of RENDERS) {
      const svg = readFileSync(join(dir, r.svg), 'utf8').replace(
        /<svg /,
        `<svg style="display:block;width:${r.width}px;height:${r.height}px" `,
      );
      await page.setViewportSize({ width: r.width, height: r.height });
      await page.setContent(`<!doctype html><html><body style="margin:0;background:transparent">${svg}</body></html>`);
      await page.screenshot({ path: join(dir, r.out), omitBackground: true, clip: { x: 0, y: 0, width: r.width, height: r.height } });
    }
  } finally {
    await browser.close();
  }
  return RENDERS.map((r) => r.out);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const out = await renderIcons();
  console.error(`icons: ${out.join(', ')} in docs/marketplace/icons/`);
}
