/**
 * The playground server's JSON API, without a browser: command-line errors, loading a CSV, the
 * google.script.run bridge, the add-on's HTML with the shim, and dialogs that suspend the running
 * script until answered (the sheet ends as the add-on leaves it, and shows its writes meanwhile).
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseCsv } from '../../src/cli/csv';
import type { ActionResult, StateOut } from '../../dev/playground/protocol';
import { ROOT, startPlayground, type Playground } from './launch';

jest.setTimeout(120_000);

const FIXTURE = join(ROOT, 'test', 'browser', 'fixtures', 'clients.csv');
const SCRIPT = join(ROOT, 'dist', 'dev', 'playground.js');

async function getState(pg: Playground, query = ''): Promise<StateOut> {
  const res = await fetch(`${pg.url}api/state${query}`);
  expect(res.status).toBe(200);
  return (await res.json()) as StateOut;
}

/** The run's token, as the page gets it. */
const tokens = new Map<string, string>();
async function tokenOf(pg: Playground): Promise<string> {
  let t = tokens.get(pg.url);
  if (t === undefined) {
    const html = await (await fetch(pg.url)).text();
    t = /<meta name="clientflow-token" content="([0-9a-f]+)">/.exec(html)?.[1] ?? '';
    tokens.set(pg.url, t);
  }
  return t;
}

async function post(pg: Playground, name: string, body: unknown): Promise<{ status: number; body: ActionResult }> {
  const res = await fetch(`${pg.url}api/${name}`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-clientflow-token': await tokenOf(pg) }, body: JSON.stringify(body) });
  return { status: res.status, body: (await res.json()) as ActionResult };
}

describe('command line', () => {
  test('a missing --data file is a clear one-line error with exit code 2', () => {
    const r = spawnSync(process.execPath, [SCRIPT, '--data', 'no/such/file.csv', '--port', '0'], { cwd: ROOT, encoding: 'utf8', timeout: 30_000 });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('cannot read --data no/such/file.csv: no such file');
    expect(r.stderr).not.toMatch(/\n\s+at /); // no stack trace
  });

  test('bad options are refused with the usage line', () => {
    for (const args of [['--port', 'eighty'], ['--locale', 'fr'], ['--colour']]) {
      const r = spawnSync(process.execPath, [SCRIPT, ...args], { cwd: ROOT, encoding: 'utf8', timeout: 30_000 });
      expect(r.status).toBe(2);
      expect(r.stderr).toContain('usage: node dist/dev/playground.js');
    }
  });
});

describe('a playground on a CSV file', () => {
  let pg: Playground;
  const rows = parseCsv(readFileSync(FIXTURE, 'utf8'));

  beforeAll(async () => {
    pg = await startPlayground(['--data', FIXTURE]);
  });
  afterAll(async () => {
    await pg?.stop();
  });

  test('the file is loaded into the first sheet and onOpen built the add-on menu', async () => {
    const s = await getState(pg, '?r0=1&r1=20');
    expect(s.tabs.map((t) => t.name)).toEqual(['Sheet1']);
    expect(s.sheet.dataRows).toBe(rows.length);
    expect(s.sheet.dataColumns).toBe(rows[0]?.length);
    const frozen = s.sheet.frozenRows;
    const row = (r: number) => (r <= frozen ? s.sheet.frozen[r - 1] : s.sheet.cells[r - s.sheet.r0]) ?? [];
    expect(row(1).map((c) => c.d).slice(0, rows[0]?.length)).toEqual(rows[0]);
    // Text stays as typed; "$12,000" typed into a General cell becomes a number shown as currency.
    expect(row(2)[0]?.d).toBe('Alice Chen');
    expect(row(2)[7]?.k).toBe('n');
    const items = s.menus.find((m) => m.name === 'ClientFlow')?.items ?? [];
    expect(items.map((i) => ('functionName' in i ? i.functionName : '-'))).toEqual(expect.arrayContaining(['menuOpenSidebar', 'menuSetUp', 'menuAdopt']));
  });

  test('google.script.run reaches the add-on: getBootstrap answers with the locale and messages', async () => {
    const r = await post(pg, 'run', { fn: 'getBootstrap', args: [] });
    expect(r.body.kind).toBe('done');
    const env = (r.body as { result: { ok: boolean; data: { locale: string; messages: Record<string, string> } } }).result;
    expect(env.ok).toBe(true);
    expect(env.data.locale).toBe('en');
    expect(Object.keys(env.data.messages).length).toBeGreaterThan(10);
    const missing = await post(pg, 'run', { fn: 'noSuchFunction', args: [] });
    expect(missing.body).toMatchObject({ kind: 'error' });
    expect((missing.body as { message: string }).message).toContain('noSuchFunction');
  });

  test("the add-on's sidebar HTML is served with the google.script.run shim first and a no-outside CSP", async () => {
    expect((await post(pg, 'menu', { fn: 'menuOpenSidebar' })).body.kind).toBe('done');
    const s = await getState(pg);
    const shown = s.shown.filter((h) => h.kind === 'sidebar');
    expect(shown.length).toBeGreaterThan(0);
    const res = await fetch(`${pg.url}html/${shown[shown.length - 1]?.index ?? 0}`);
    expect(res.headers.get('content-security-policy')).toContain("default-src 'none'");
    const html = await res.text();
    const shim = html.indexOf('window.google =');
    expect(shim).toBeGreaterThan(-1);
    // The shim comes before every script of the sidebar's own.
    expect(html.indexOf('<script', html.indexOf('</script>', shim))).toBeGreaterThan(shim);
    expect(html.slice(0, shim).match(/<script/g)?.length).toBe(1);
  });

  test('a dialog suspends the script: the page sees its writes so far, other actions wait, the answer resumes it', async () => {
    const first = await post(pg, 'menu', { fn: 'menuAdopt' });
    expect(first.body.kind).toBe('dialog');
    if (first.body.kind !== 'dialog') return;
    expect(first.body.dialog.buttons).toBe('YES_NO');
    expect(first.body.dialog.prompt).toContain('Email');
    // While suspended: reads work and report the dialog; other actions are refused.
    const during = await getState(pg);
    expect(during.dialog).toEqual(first.body.dialog);
    expect((await post(pg, 'edit', { sheet: 'Sheet1', a1: 'A2', value: 'x' })).status).toBe(409);
    // "No": the add-on stops and changes nothing.
    const no = await post(pg, 'answer', { answer: 'NO' });
    expect(no.body.kind).toBe('done');
    const after = await getState(pg, '?r0=2&r1=20');
    expect(after.dialog).toBeNull();
    expect(after.sheet.cells.flat().some((c) => c.list !== undefined || c.bg !== undefined)).toBe(false);

    // Again with "Yes": the summary alert comes after the writes, so the page already shows them.
    const again = await post(pg, 'menu', { fn: 'menuAdopt' });
    expect(again.body.kind).toBe('dialog');
    const summary = await post(pg, 'answer', { answer: 'YES' });
    expect(summary.body.kind).toBe('dialog');
    if (summary.body.kind !== 'dialog') return;
    expect(summary.body.dialog.buttons).toBe('OK');
    const mid = await getState(pg, '?r0=2&r1=20');
    expect(mid.sheet.cells.flat().some((c) => c.list !== undefined)).toBe(true);
    // After the report, adopt offers the automatic columns (Client ID, Created…): no.
    const offer = await post(pg, 'answer', { answer: 'OK' });
    expect(offer.body.kind).toBe('dialog');
    if (offer.body.kind !== 'dialog') return;
    expect(offer.body.dialog.buttons).toBe('YES_NO');
    const done = await post(pg, 'answer', { answer: 'NO' });
    expect(done.body.kind).toBe('done');
    if (done.body.kind !== 'done') return;
    expect(done.body.summary.label).toBe('menuAdopt');
    expect(done.body.summary.calls).toBeGreaterThan(0);
    // The values the person typed are untouched (adopt changes no value).
    const end = await getState(pg, '?r0=1&r1=20');
    const frozen = end.sheet.frozenRows;
    const row2 = frozen >= 2 ? end.sheet.frozen[1] : end.sheet.cells[2 - end.sheet.r0];
    expect(row2?.[0]?.d).toBe('Alice Chen');
    expect(row2?.[2]?.d).toBe('alice@acme.com');
  });

  test('bad requests get a 400 with a message', async () => {
    const bad = await post(pg, 'edit', { sheet: 'Sheet1', a1: 'not a cell', value: 'x' });
    expect(bad.status).toBe(400);
    expect((bad.body as { message: string }).message).toMatch(/^bad request: a1/);
    expect((await post(pg, 'answer', { answer: 'OK' })).body).toMatchObject({ kind: 'error', message: 'No dialog is open.' });
  });
});

test('--locale zh-CN: the add-on menu is in Chinese', async () => {
  const pg = await startPlayground(['--data', FIXTURE, '--locale', 'zh-CN']);
  try {
    const s = await getState(pg);
    expect(s.locale).toBe('zh-CN');
    const captions = (s.menus.find((m) => m.name === 'ClientFlow')?.items ?? []).flatMap((i) => ('caption' in i ? [i.caption] : []));
    expect(captions.length).toBeGreaterThan(2);
    expect(captions.every((c) => /[\u4e00-\u9fff]/.test(c))).toBe(true);
  } finally {
    await pg.stop();
  }
});
