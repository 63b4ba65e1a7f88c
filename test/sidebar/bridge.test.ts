/**
 * The typed bridge over google.script.run, with a scripted runner standing in for Apps Script:
 * at most 10 calls at once (the rest queued), Date -> ISO strings, envelopes and results checked.
 */
import { CallError, createBridge, toWire, type ScriptRun } from '../../src/sidebar/bridge';

interface Sent {
  name: string;
  args: unknown[];
  succeed(value: unknown): void;
  fail(error: unknown): void;
}

function fakeRun(sent: Sent[]): ScriptRun {
  const make = (ok?: (v: unknown) => void, ko?: (e: unknown) => void): ScriptRun =>
    new Proxy({} as ScriptRun, {
      get(_t, prop) {
        if (prop === 'withSuccessHandler') return (f: (v: unknown) => void) => make(f, ko);
        if (prop === 'withFailureHandler') return (f: (e: unknown) => void) => make(ok, f);
        return (...args: unknown[]) => {
          sent.push({ name: String(prop), args, succeed: (v) => ok?.(v), fail: (e) => ko?.(e) });
        };
      },
    });
  return make();
}

const schema = {
  version: 2,
  template: null,
  locale: 'en',
  region: 'US',
  currency: 'USD',
  dateOrder: 'MDY',
  fields: [{ key: 'name', label: { en: 'Name', 'zh-CN': '姓名' }, header: 'Name', role: 'name', type: 'text', required: true, onInvalid: 'warn' }],
  stages: null,
  rules: { staleDays: 14, overdueFollowUp: true },
  location: null,
};
const summary = { sheetName: 'Clients', columns: 1, validations: 0, rules: 1, keptRules: 0, message: 'Done' };

const flush = () => new Promise((r) => setTimeout(r, 0));

describe('sidebar bridge', () => {
  test('runs at most 10 calls at once and queues the rest, in order', async () => {
    const sent: Sent[] = [];
    const bridge = createBridge({ run: () => fakeRun(sent) });
    const seen: number[] = [];
    bridge.onPendingChange((n) => seen.push(n));
    const calls = Array.from({ length: 15 }, () => bridge.call('validateTable'));
    await flush();
    expect(sent).toHaveLength(10);
    expect(bridge.running()).toBe(10);
    expect(bridge.pending()).toBe(15);
    const report = (i: number) => ({ ok: true, data: { rows: i, count: 0, cells: [], message: `r${i}` } });
    // Answer 3: exactly 3 queued calls start.
    for (let i = 0; i < 3; i += 1) sent[i].succeed(report(i));
    await flush();
    expect(sent).toHaveLength(13);
    expect(bridge.running()).toBe(10);
    while (sent.some((s, i) => i >= 3 && !('done' in s))) {
      const next = sent.findIndex((s, i) => i >= 3 && !('done' in s));
      Object.assign(sent[next], { done: true });
      sent[next].succeed(report(next));
      await flush();
    }
    const results = await Promise.all(calls);
    expect(results.map((r) => r.message)).toEqual(Array.from({ length: 15 }, (_, i) => `r${i}`));
    expect(bridge.pending()).toBe(0);
    expect(Math.max(...seen)).toBe(15);
    expect(seen[seen.length - 1]).toBe(0);
  });

  test('sends dates as ISO strings and never a Date', () => {
    const d = new Date(Date.UTC(2024, 0, 5, 8, 30));
    expect(toWire({ when: d, list: [d, undefined, 1], nested: { x: d } })).toEqual({
      when: '2024-01-05T08:30:00.000Z',
      list: ['2024-01-05T08:30:00.000Z', null, 1],
      nested: { x: '2024-01-05T08:30:00.000Z' },
    });
    expect(() => toWire({ f: () => 1 })).toThrow(/function/);
    const loop: Record<string, unknown> = {};
    loop.self = loop;
    expect(() => toWire(loop)).toThrow(/circular/);
  });

  test('passes typed arguments and parses the result', async () => {
    const sent: Sent[] = [];
    const bridge = createBridge({ run: () => fakeRun(sent) });
    const p = bridge.call('applySetup', schema as never, { target: 'new' });
    await flush();
    expect(sent[0].name).toBe('applySetup');
    expect(sent[0].args).toEqual([schema, { target: 'new' }]);
    sent[0].succeed({ ok: true, data: summary });
    await expect(p).resolves.toEqual(summary);
  });

  test('an omitted optional argument is not sent as null', async () => {
    const sent: Sent[] = [];
    const bridge = createBridge({ run: () => fakeRun(sent) });
    const p = bridge.call('applySetup', schema as never, undefined);
    await flush();
    expect(sent[0].args).toEqual([schema]);
    sent[0].succeed({ ok: true, data: summary });
    await p;
  });

  test('refuses arguments that break the endpoint schema before sending', async () => {
    const sent: Sent[] = [];
    const bridge = createBridge({ run: () => fakeRun(sent) });
    await expect(bridge.call('previewTemplate', 'nope' as never, 'en')).rejects.toMatchObject({ code: 'badArgs' });
    expect(sent).toHaveLength(0);
  });

  test('an error envelope rejects with the add-on’s translated message', async () => {
    const sent: Sent[] = [];
    const bridge = createBridge({ run: () => fakeRun(sent) });
    const p = bridge.call('getSetupState');
    await flush();
    sent[0].succeed({ ok: false, error: { code: 'busy', message: '此表格上正在运行另一项操作' } });
    const e = await p.catch((x: unknown) => x);
    expect(e).toBeInstanceOf(CallError);
    expect(e).toMatchObject({ code: 'busy', userMessage: '此表格上正在运行另一项操作' });
  });

  test('a malformed envelope or result is a badResponse, not a crash', async () => {
    const sent: Sent[] = [];
    const bridge = createBridge({ run: () => fakeRun(sent) });
    const a = bridge.call('validateTable');
    const b = bridge.call('validateTable');
    const c = bridge.call('validateTable');
    await flush();
    sent[0].succeed('<html>');
    sent[1].succeed({ ok: true, data: { rows: 'many' } });
    sent[2].succeed(null);
    for (const p of [a, b, c]) await expect(p).rejects.toMatchObject({ code: 'badResponse' });
    expect(bridge.pending()).toBe(0);
  });

  test('a failure handler call (server threw, time limit) rejects with its message and frees the slot', async () => {
    const sent: Sent[] = [];
    const bridge = createBridge({ run: () => fakeRun(sent), maxConcurrent: 1 });
    const a = bridge.call('validateTable');
    const b = bridge.call('validateTable');
    await flush();
    expect(sent).toHaveLength(1);
    sent[0].fail(new Error('Exceeded maximum execution time'));
    await expect(a).rejects.toMatchObject({ code: 'failed', detail: 'Exceeded maximum execution time' });
    await flush();
    expect(sent).toHaveLength(2);
    sent[1].succeed({ ok: true, data: { rows: 1, count: 0, cells: [], message: 'ok' } });
    await expect(b).resolves.toMatchObject({ message: 'ok' });
  });

  test('outside Apps Script (no google.script.run) calls reject with noBridge', async () => {
    const bridge = createBridge({ run: () => undefined });
    await expect(bridge.call('getBootstrap')).rejects.toMatchObject({ code: 'noBridge' });
    expect(bridge.pending()).toBe(0);
  });
});
