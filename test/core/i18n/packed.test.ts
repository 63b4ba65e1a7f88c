/**
 * The bundles' message tables: build.mjs replaces src/core/i18n/tables.ts with a module that holds
 * each locale's table as a JSON string (scripts/packed-messages.mjs). That module must give exactly
 * what the catalogs' sources say, in both languages (the CLI's own messages left out).
 */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { mergedTables } from '../../../src/core/i18n/catalogs';

const root = join(__dirname, '..', '..', '..');

/** Builds the packed module as build.mjs does, evaluates it in a child process and returns its tables. */
function packedTables(): Record<string, Record<string, string>> {
  const script = `
    import * as esbuild from 'esbuild';
    import { packedMessagesPlugin } from './scripts/packed-messages.mjs';
    const r = await esbuild.build({ entryPoints: ['src/core/i18n/tables.ts'], bundle: true, write: false, format: 'cjs',
      platform: 'neutral', plugins: [packedMessagesPlugin(process.cwd())], logLevel: 'error' });
    const module = { exports: {} };
    new Function('module', 'exports', r.outputFiles[0].text)(module, module.exports);
    process.stdout.write(JSON.stringify({ en: module.exports.tableOf('en'), 'zh-CN': module.exports.tableOf('zh-CN'), code: r.outputFiles[0].text }));`;
  return JSON.parse(execFileSync(process.execPath, ['--input-type=module', '-e', script], { cwd: root, encoding: 'utf8', maxBuffer: 64 << 20 }));
}

describe('packed message tables', () => {
  const packed = packedTables();
  const source = mergedTables();

  /** The catalogs less the messages only the CLI shows (the CLI reads the sources, never the bundles). */
  const addonOnly = (table: Record<string, string>): Record<string, string> =>
    Object.fromEntries(Object.entries(table).filter(([k]) => !k.startsWith('cli.')));

  it('hold exactly the catalogs, in English and Chinese, less the CLI\'s own messages', () => {
    expect(Object.keys(source.en).some((k) => k.startsWith('cli.'))).toBe(true);
    expect(packed.en).toEqual(addonOnly(source.en));
    expect(packed['zh-CN']).toEqual(addonOnly(source['zh-CN']));
    expect(Object.keys(source.en).length).toBeGreaterThan(300);
    // A Chinese message with a placeholder comes back as written (UTF-8 and braces intact).
    const zhKey = Object.keys(source['zh-CN']).find((k) => /[\u4e00-\u9fff]/.test(source['zh-CN'][k] ?? '') && (source['zh-CN'][k] ?? '').includes('{'));
    expect(zhKey).toBeDefined();
    expect(packed['zh-CN']?.[zhKey as string]).toBe(source['zh-CN'][zhKey as string]);
  });

  it('carry no catalog module, only the JSON strings', () => {
    const { code } = packed as unknown as { code: string };
    expect(code).not.toMatch(/defineMessages|messages\/adopt/);
    expect(code).toContain('JSON.parse');
  });
});
