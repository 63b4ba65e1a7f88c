/**
 * The playground stays local: a page from another origin cannot write cells or run menus, a
 * DNS-rebinding page (another Host name) cannot read the loaded table, cells beyond Sheets' limits are
 * refused with a message instead of killing the engine, and an engine that dies answers every waiting
 * request, comes back with the table reloaded and says so in the page's state.
 * Plain HTTP to 127.0.0.1, no browser.
 */
import http from 'node:http';
import { join } from 'node:path';
import type { StateOut } from '../../dev/playground/protocol';
import { ROOT, startPlayground, type Playground } from './launch';

jest.setTimeout(120_000);

const FIXTURE = join(ROOT, 'test', 'browser', 'fixtures', 'clients.csv');

interface Reply {
  status: number;
  text: string;
}

/** A raw request, with any Host and headers a hostile page (or its browser) could send. */
function request(pg: Playground, method: string, path: string, headers: Record<string, string>, body?: string): Promise<Reply> {
  const u = new URL(pg.url);
  return new Promise((res, rej) => {
    const req = http.request({ host: '127.0.0.1', port: Number(u.port), method, path, headers: { host: u.host, ...headers } }, (r) => {
      let text = '';
      r.setEncoding('utf8');
      r.on('data', (c: string) => (text += c));
      r.on('end', () => res({ status: r.statusCode ?? 0, text }));
    });
    req.on('error', rej);
    req.end(body);
  });
}

async function tokenOf(pg: Playground): Promise<string> {
  const html = await (await fetch(pg.url)).text();
  const t = /<meta name="clientflow-token" content="([0-9a-f]{48})">/.exec(html)?.[1];
  if (!t) throw new Error('no token in the page');
  return t;
}

async function cell(pg: Playground, a1: string): Promise<string> {
  const s = (await (await fetch(`${pg.url}api/state?r0=1&r1=30`)).json()) as StateOut;
  const m = /^([A-Z]+)(\d+)$/.exec(a1);
  const col = (m?.[1] ?? 'A').charCodeAt(0) - 64;
  const row = Number(m?.[2]);
  const cells = row <= s.sheet.frozenRows ? s.sheet.frozen[row - 1] : s.sheet.cells[row - s.sheet.r0];
  return cells?.[col - 1]?.d ?? '';
}

describe('only the page this server served can change anything', () => {
  let pg: Playground;
  let token = '';
  const edit = (value: string) => JSON.stringify({ sheet: 'Sheet1', a1: 'A2', value });

  beforeAll(async () => {
    pg = await startPlayground(['--data', FIXTURE]);
    token = await tokenOf(pg);
  });
  afterAll(async () => {
    await pg?.stop();
  });

  test('the page carries a per-run token, and a change made with it (JSON, same origin) goes through', async () => {
    const origin = pg.url.replace(/\/$/, '');
    const r = await request(pg, 'POST', '/api/edit', { 'content-type': 'application/json', 'x-clientflow-token': token, origin, 'sec-fetch-site': 'same-origin' }, edit('Alice Chen'));
    expect(r.status).toBe(200);
    expect(JSON.parse(r.text)).toMatchObject({ kind: 'done' });
    // Another run has another token.
    const other = await startPlayground(['--data', FIXTURE]);
    try {
      expect(await tokenOf(other)).not.toBe(token);
    } finally {
      await other.stop();
    }
  });

  test.each([
    ['another origin', { 'content-type': 'application/json', 'x-clientflow-token': 'TOKEN', origin: 'http://evil.example' }, /requests from http:\/\/evil.example are refused/],
    ['an opaque origin (a sandboxed frame, a file)', { 'content-type': 'application/json', 'x-clientflow-token': 'TOKEN', origin: 'null' }, /requests from null are refused/],
    ['a cross-site fetch', { 'content-type': 'application/json', 'x-clientflow-token': 'TOKEN', 'sec-fetch-site': 'cross-site' }, /cross-site requests are refused/],
    ['no token (a form post cannot set one)', { 'content-type': 'application/json' }, /token/],
    ['a wrong token', { 'content-type': 'application/json', 'x-clientflow-token': 'f'.repeat(48) }, /token/],
    ['a text/plain body (a simple cross-origin request)', { 'content-type': 'text/plain', 'x-clientflow-token': 'TOKEN' }, /application\/json/],
    ['a form body', { 'content-type': 'application/x-www-form-urlencoded' }, /application\/json/],
  ])('%s: 403 and the cell is unchanged', async (_name, headers, message) => {
    const h: Record<string, string> = Object.fromEntries(Object.entries(headers).map(([k, v]) => [k, v === 'TOKEN' ? token : v]));
    const r = await request(pg, 'POST', '/api/edit', h, edit('PWNED'));
    expect(r.status).toBe(403);
    expect(r.text).toMatch(message);
    const menu = await request(pg, 'POST', '/api/menu', h, JSON.stringify({ fn: 'menuAdopt' }));
    expect(menu.status).toBe(403);
    expect(await cell(pg, 'A2')).toBe('Alice Chen');
  });

  test('another Host name (DNS rebinding) cannot read the table or the page; localhost and 127.0.0.1 can', async () => {
    const port = new URL(pg.url).port;
    for (const host of [`evil.example:${port}`, 'evil.example', `127.0.0.1.nip.io:${port}`, `127.0.0.1:${Number(port) + 1}`]) {
      for (const path of ['/api/state', '/', '/html/0']) {
        const r = await request(pg, 'GET', path, { host });
        expect(r.status).toBe(403);
        expect(r.text).not.toContain('Alice');
        expect(r.text).toContain('this playground answers only at');
      }
    }
    // A page of another origin that fetches the state (its browser sends Origin) is refused too.
    expect((await request(pg, 'GET', '/api/state', { origin: 'http://evil.example' })).status).toBe(403);
    expect((await request(pg, 'OPTIONS', '/api/edit', { origin: 'http://evil.example', 'access-control-request-method': 'POST' })).status).toBe(403);
    expect((await request(pg, 'GET', '/api/state', { host: `localhost:${port}` })).status).toBe(200);
    expect((await request(pg, 'GET', '/api/state', {})).status).toBe(200);
  });

  test("cells beyond Sheets' limits are refused with a message, and the engine keeps answering", async () => {
    const headers = { 'content-type': 'application/json', 'x-clientflow-token': token };
    const far = await request(pg, 'POST', '/api/edit', headers, JSON.stringify({ sheet: 'Sheet1', a1: 'XFD9999999', value: 'x' }));
    expect(far.status).toBe(400);
    expect(JSON.parse(far.text).message).toBe("bad request: a1: XFD9999999 is beyond Sheets' limits: a spreadsheet holds at most 10000000 cells");
    const zzzz = await request(pg, 'POST', '/api/paste', headers, JSON.stringify({ sheet: 'Sheet1', a1: 'ZZZZ1', values: [['x']] }));
    expect(zzzz.status).toBe(400);
    expect(JSON.parse(zzzz.text).message).toMatch(/the last column is ZZZ \(18278 columns\)/);
    // ZZZ1 exists in Sheets, but growing this sheet to 18,278 columns would pass 10 million cells.
    const zzz = await request(pg, 'POST', '/api/paste', headers, JSON.stringify({ sheet: 'Sheet1', a1: 'ZZZ1', values: [['x']] }));
    expect(JSON.parse(zzz.text)).toMatchObject({ kind: 'error', message: 'This action would increase the number of cells in the workbook above the limit of 10000000 cells.' });
    // Typing is only possible inside the grid.
    const outside = await request(pg, 'POST', '/api/edit', headers, JSON.stringify({ sheet: 'Sheet1', a1: 'AA1', value: 'x' }));
    expect(JSON.parse(outside.text)).toMatchObject({ kind: 'error', message: expect.stringMatching(/^AA1 is outside the sheet "Sheet1"/) });
    expect(await cell(pg, 'A2')).toBe('Alice Chen');
  });
});

test('an engine that dies answers the waiting request, comes back with the table reloaded, and the page is told', async () => {
  // A small heap for the engine thread, and a paste too big for it: the engine runs out of memory.
  const pg = await startPlayground(['--data', FIXTURE, '--engine-memory', '64']);
  try {
    const token = await tokenOf(pg);
    const headers = { 'content-type': 'application/json', 'x-clientflow-token': token };
    const rows = Array.from({ length: 60_000 }, (_, i) => Array.from({ length: 20 }, (_, j) => `v${i}-${j}`));
    // The request is answered (not left hanging): the test's timeout is the guard.
    const big = await request(pg, 'POST', '/api/paste', headers, JSON.stringify({ sheet: 'Sheet1', a1: 'A2', values: rows }));
    expect(JSON.parse(big.text)).toMatchObject({ kind: 'error', message: expect.stringMatching(/^The playground's engine stopped \(.*memory/) });
    // Later requests are served by a fresh engine, with the file loaded again.
    const state = (await (await fetch(`${pg.url}api/state?r0=1&r1=20`)).json()) as StateOut;
    expect(state.notice).toMatch(/engine stopped .* started again with clients\.csv loaded afresh/);
    expect(state.sheet.dataRows).toBe(11);
    const edit = await request(pg, 'POST', '/api/edit', headers, JSON.stringify({ sheet: 'Sheet1', a1: 'A2', value: 'Back' }));
    expect(JSON.parse(edit.text)).toMatchObject({ kind: 'done' });
    expect(await cell(pg, 'A2')).toBe('Back');
  } finally {
    await pg.stop();
  }
});
