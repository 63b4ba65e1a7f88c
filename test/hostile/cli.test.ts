/**
 * `clientflow validate|clean|sim` on hostile files, as a user runs it (`node dist/cli.js`, a
 * subprocess): BOM, CRLF, ragged rows, quoted line breaks, 50,000-character cells, an empty file, a
 * file with only a header, binary garbage, formula-looking text; messages in English and Chinese.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseCsv } from '../../src/cli/csv';
import { englishWords } from './helpers';

const CLI = join(__dirname, '..', '..', 'dist', 'cli.js');

function run(args: string[], lang = 'C') {
  const r = spawnSync(process.execPath, [CLI, ...args], {
    encoding: 'utf8', cwd: tmp, env: { PATH: process.env.PATH ?? '', LANG: lang }, maxBuffer: 64 * 1024 * 1024,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

type Validate = { columns: Array<{ header: string; type: string }>; issues: Array<{ row: number; column: string; code: string; message: string }> };
type Clean = { out: string; rows: number; changed: number; notUnderstood: Array<{ row: number; column: string; value: string; code: string }> };

let tmp = '';
beforeAll(() => {
  if (!existsSync(CLI)) throw new Error('dist/cli.js is missing: run `node build.mjs` first');
  tmp = mkdtempSync(join(tmpdir(), 'clientflow-hostile-'));
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function file(name: string, content: string | Buffer): string {
  const p = join(tmp, name);
  writeFileSync(p, content);
  return p;
}

/** A one-line user message: no stack trace, no JS error names, no replacement characters. */
function expectCleanMessage(stderr: string): void {
  const lines = stderr.trimEnd().split('\n');
  expect(lines).toHaveLength(1);
  expect(stderr).not.toMatch(/\n\s+at |TypeError|ReferenceError|Error:|ENOENT|EISDIR|EACCES/);
  // eslint-disable-next-line no-control-regex
  expect(stderr).not.toMatch(/[\u0000-\u0008\u000e-\u001f\ufffd]/);
}

const MESSY = '\ufeffName,Email,Phone,Notes\r\n'
  + '"Ann\r\nLee",ann@example.com,+1 415 555 0100,"line1\r\nline2"\r\n'
  + 'Bob,not-an-email,4155550101\r\n'
  + 'Cy,cy@example.com,+1 415 555 0102,x,extra,more\r\n'
  + 'Dee,dee@example,+1 415 555 0103,\r\n';

describe('messy but valid CSVs load', () => {
  it('BOM, CRLF, quoted line breaks and ragged rows: headers clean, rows counted as records', () => {
    const r = run(['validate', file('messy.csv', MESSY), '--region', 'US']);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as Validate;
    expect(out.columns.slice(0, 4).map(({ header, type }) => ({ header, type }))).toEqual([
      { header: 'Name', type: expect.any(String) }, { header: 'Email', type: 'email' },
      { header: 'Phone', type: 'phone' }, { header: 'Notes', type: expect.any(String) },
    ]);
    // Row 0 is Ann's two-line record: Bob is row 1 and Dee row 3.
    expect(out.issues.filter((i) => i.column === 'Email').map((i) => i.row)).toEqual([1, 3]);
  });

  it('clean writes the same records, keeps line breaks inside cells and the extra cells of ragged rows', () => {
    const out = join(tmp, 'messy-out.csv');
    const r = run(['clean', file('messy2.csv', MESSY), '--out', out, '--region', 'US']);
    expect(r.code).toBe(0);
    const rows = parseCsv(readFileSync(out, 'utf8'), { keepEmptyRows: true });
    expect(rows).toHaveLength(5);
    expect(rows[0]?.[0]).toBe('Name');
    expect(rows[1]?.[0]).toMatch(/^Ann\r?\nLee$/);
    expect(rows[1]?.[3]).toMatch(/^line1\r?\nline2$/);
    expect(rows[3]?.slice(3, 6)).toEqual(['x', 'extra', 'more']);
    expect(rows[2]?.[1]).toBe('not-an-email'); // not understood: left exactly as it was
  });

  it('50,000-character cells pass through validate and clean untouched', () => {
    const big = 'x'.repeat(50_000);
    const quoted = `"${'y""'.repeat(12_500)}"`; // 50,000 characters once unquoted, quotes inside
    const p = file('big.csv', `Name,Notes,Email\nAnn,${big},a@example.com\nBob,${quoted},b@example.com\n`);
    const v = run(['validate', p]);
    expect(v.code).toBe(0);
    expect((JSON.parse(v.stdout) as Validate).issues).toEqual([]);
    const out = join(tmp, 'big-out.csv');
    expect(run(['clean', p, '--out', out]).code).toBe(0);
    const rows = parseCsv(readFileSync(out, 'utf8'));
    expect(rows[1]?.[1]).toBe(big);
    expect(rows[2]?.[1]).toBe('y"'.repeat(12_500));
  });

  it('a file with only a header: no issues, zero rows, the header written back', () => {
    const p = file('header.csv', 'Name,Email,Phone\n');
    const v = run(['validate', p]);
    expect(v.code).toBe(0);
    const vo = JSON.parse(v.stdout) as Validate;
    expect({ columns: vo.columns.map(({ header, type }) => ({ header, type })), issues: vo.issues }).toEqual({ columns: [{ header: 'Name', type: 'text' }, { header: 'Email', type: 'email' }, { header: 'Phone', type: 'phone' }], issues: [] });
    const out = join(tmp, 'header-out.csv');
    const c = run(['clean', p, '--out', out]);
    expect((JSON.parse(c.stdout) as Clean).rows).toBe(0);
    expect(readFileSync(out, 'utf8')).toBe('Name,Email,Phone\n');
  });
});

describe('text stays text in clean', () => {
  it('formula-looking names and notes are written back as text (an apostrophe, as OWASP advises), zero-led IDs exactly', () => {
    const p = file('inj.csv', [
      'Name,Email,Phone,Notes,Customer no.',
      `"=cmd|' /C calc'!A0",a@example.com,+1 415 555 0100,+SUM(1),C-00123`,
      '@foo,b@example.com,+1 415 555 0101,-1+2,C-00124',
      'Ann,c@example.com,+SUM(1),"=HYPERLINK(""http://evil.example"",""x"")",C-00125',
    ].join('\n') + '\n');
    const out = join(tmp, 'inj-out.csv');
    const r = run(['clean', p, '--out', out, '--region', 'US']);
    expect(r.code).toBe(0);
    const rows = parseCsv(readFileSync(out, 'utf8'));
    expect(rows.map((x) => x[0])).toEqual(['Name', "'=cmd|' /C calc'!A0", "'@foo", 'Ann']);
    expect(rows.map((x) => x[3])).toEqual(['Notes', "'+SUM(1)", "'-1+2", `'=HYPERLINK("http://evil.example","x")`]);
    expect(rows.map((x) => x[4])).toEqual(['Customer no.', 'C-00123', 'C-00124', 'C-00125']);
    // The phone that is a formula is reported, and written as text.
    expect(rows[3]?.[2]).toBe("'+SUM(1)");
    expect((JSON.parse(r.stdout) as Clean).notUnderstood).toContainEqual(expect.objectContaining({ row: 2, column: 'Phone', value: '+SUM(1)' }));
  });
});

describe('plain numbers in a column ClientFlow does not know', () => {
  it('zero-led IDs and quantities are not turned into percentages', () => {
    const p = file('ids.csv', 'Name,Customer no.,Qty\nAnn,00123,3\nBob,00124,5\nCy,00980,120\n');
    const out = join(tmp, 'ids-out.csv');
    const r = run(['clean', p, '--out', out]);
    expect(r.code).toBe(0);
    const rows = parseCsv(readFileSync(out, 'utf8'));
    expect(rows.map((x) => x[1])).toEqual(['Customer no.', '00123', '00124', '00980']);
    expect(rows.map((x) => x[2])).toEqual(['Qty', '3', '5', '120']);
  });

  it('a "Notes" column keeps its notes', () => {
    const p = file('notes.csv', 'Name,Notes\nAnn,x\nBob,y\nCy,n\n');
    const out = join(tmp, 'notes-out.csv');
    expect(run(['clean', p, '--out', out]).code).toBe(0);
    expect(parseCsv(readFileSync(out, 'utf8')).map((x) => x[1])).toEqual(['Notes', 'x', 'y', 'n']);
  });
});

describe.each([['C', 'en'], ['zh_CN.UTF-8', 'zh-CN']])('bad files get a clear one-line message (LANG=%s)', (lang, locale) => {
  const zh = locale === 'zh-CN';
  const expectLanguage = (stderr: string, allowed: string[]) => {
    if (zh) expect(englishWords(stderr.split(tmp).join(' '), ['clientflow', 'validate', 'clean', 'sim', ...allowed])).toEqual([]);
  };

  it('an empty file, a file of blank lines, a BOM alone: exit 1, "empty"', () => {
    for (const [name, content] of [['empty.csv', ''], ['blank.csv', '\r\n\r\n,,\r\n'], ['bom.csv', '\ufeff']] as const) {
      const r = run(['validate', file(name, content)], lang);
      expect(r.code).toBe(1);
      expect(r.stdout).toBe('');
      expect(r.stderr).toMatch(zh ? /空文件/ : /is empty/);
      expectCleanMessage(r.stderr);
    }
  });

  it('binary garbage: exit 2 (unreadable as CSV) and a message that names the file, no garbage echoed', () => {
    const bytes = Buffer.alloc(4096);
    let seed = 7;
    for (let i = 0; i < bytes.length; i++) { seed = (seed * 1103515245 + 12345) >>> 0; bytes[i] = seed >>> 24; }
    const p = file('garbage.bin', bytes);
    for (const cmd of [['validate', p], ['clean', p, '--out', join(tmp, 'g-out.csv')]]) {
      const r = run(cmd, lang);
      expect(r.code).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toContain('garbage.bin');
      expect(r.stderr).toMatch(zh ? /不是 CSV 文本文件/ : /not a CSV text file/);
      expectCleanMessage(r.stderr);
      expectLanguage(r.stderr, ['garbage.bin', 'CSV']);
    }
    expect(existsSync(join(tmp, 'g-out.csv'))).toBe(false);
  });

  it('a missing file, a directory, an unwritable output: exit 2, the reason in the user\'s language', () => {
    const dir = join(tmp, 'adir');
    mkdirSync(dir, { recursive: true });
    const ok = file('ok.csv', 'Name\nAnn\n');
    for (const cmd of [['validate', 'missing.csv'], ['validate', dir], ['clean', ok, '--out', join(tmp, 'no', 'such', 'dir', 'out.csv')]]) {
      const r = run(cmd, lang);
      expect(r.code).toBe(2);
      expectCleanMessage(r.stderr);
      expectLanguage(r.stderr, ['missing.csv', 'adir', 'no/such/dir/out.csv', '--out']);
    }
  });

  it('sim with a scenario that is binary garbage or not JSON: exit 2, one clean line', () => {
    const bin = Buffer.from([0xff, 0xfe, 0x00, 0x3d, 0x61, 0xc3, 0x28, 0x00, 0x7b]);
    for (const p of [file('garbage.json', bin), file('notjson.json', '{"steps": [}')]) {
      const r = run(['sim', p], lang);
      expect(r.code).toBe(2);
      expect(r.stdout).toBe('');
      expectCleanMessage(r.stderr);
    }
  });
});
