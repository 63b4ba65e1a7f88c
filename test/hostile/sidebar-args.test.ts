/**
 * Sidebar calls with wrong argument types, as a tampered page or a stale sidebar would send them
 * through google.script.run. Each must come back as an envelope with a translated message in the
 * user's language: never an uncaught error, never a raw validation report or stack trace.
 */
import { ENDPOINTS } from '../../src/core/api';
import { englishWords, table, TECHNICAL, world, type Loc, type World } from './helpers';

type Envelope = { ok: true; data: unknown } | { ok: false; error: { code: string; message: string } };

function call(w: World, fn: string, args: unknown[]): Envelope {
  const out = w.addon.call(fn, args);
  expect(out).toMatchObject({ ok: true }); // no uncaught error reached google.script.run
  return (out as { result: Envelope }).result;
}

/** Arguments a broken or tampered sidebar could send, per endpoint. */
const BAD_CALLS: Array<[string, unknown[]]> = [
  ['getBootstrap', ['unexpected']],
  ['getSetupState', [42]],
  ['previewTemplate', [42, 'xx']],
  ['previewTemplate', []],
  ['previewTemplate', ['<script>alert(1)</script>', 'en']],
  ['applySetup', ['not a schema']],
  ['applySetup', [{ fields: 'nope' }]],
  ['applySetup', [null, { target: 'elsewhere' }]],
  ['repairConfig', [{}]],
  ['repairConfig', ['explode']],
  ['validateTable', [[1, 2, 3]]],
  ['previewAdopt', ['bad']],
  ['previewAdopt', [{ sheetId: 'x', headerRow: -1, columns: {} }]],
  ['applyAdopt', [null]],
  ['getHelp', ['everything']],
  ['listBackups', [1]],
  ['createBackup', ['now']],
  ['restoreBackup', ['latest']],
  ['restoreBackup', []],
  ['getProtection', [{}]],
  ['saveProtection', [{ columns: 'D', mode: 'warning', editors: [] }]],
  ['saveProtection', [{ columns: [], mode: 'root', editors: [] }]],
  ['getFunnelSummary', ['all']],
  ['buildFunnel', [{ owner: 'x' }]],
  ['previewCleanup', [{ off: 'spaces' }]],
  ['applyCleanup', [{ off: [] }]],
  ['applyCleanup', [{ off: ['explode'], fingerprint: 'x' }]],
  ['undoLastChange', [{ restoreRest: 'yes' }]],
  ['undoLastChange', [{}, 'extra']],
  ['getDuplicates', ['all']],
  ['markNotDuplicates', [['only-one']]],
  ['markNotDuplicates', ['a,b']],
  ['mergeDuplicates', [[]]],
  ['mergeDuplicates', [[1, 2]]],
  ['mergeDuplicates', [['id:C1', 'id:C2'], { policy: 'newest' }]],
  ['mergeGroups', [[]]],
  ['mergeGroups', [[{ fingerprints: ['id:C1'] }]]],
  ['mergeGroups', [[{ fingerprints: ['id:C1', 'id:C2'], choices: [{ column: -1, from: 'id:C1' }] }]]],
  ['mergeGroups', [[{ fingerprints: ['id:C1', 'id:C2'] }], { minScore: 2 }]],
  ['removeFromGroup', ['id:C1', []]],
  ['removeFromGroup', [['id:C1'], ['id:C2']]],
  ['getCheckPage', [-1]],
  ['getCheckPage', ['<script>']],
  ['goToCell', [0, 1]],
  ['goToCell', ['A1']],
  ['getFollowUps', ['now']],
  ['getClientForm', [7]],
  ['saveClientForm', [null, 'x']],
  ['saveClientForm', ['row', {}]],
  ['applyAdopt', [{ sheetId: 1, headerRow: 1, columns: [{ column: 1, header: 'x'.repeat(6000), adopt: true, role: 'name', type: 'text', required: false }] }]],
];

test('every sidebar endpoint has wrong arguments tried here (a new endpoint adds its own)', () => {
  expect(Object.keys(ENDPOINTS).filter((name) => !BAD_CALLS.some(([fn]) => fn === name))).toEqual([]);
});

/** A raw zod report or other machinery in a message. */
const RAW = /invalid_type|invalid_value|too_big|too_small|"code"|"path"|expected (?:array|object|string|one of)|Invalid input|Invalid option/;

describe.each(['en', 'zh-CN'] as Loc[])('wrong argument types (%s)', (locale) => {
  const cases = BAD_CALLS.map(([fn, args]) => [`${fn}(${JSON.stringify(args).slice(1, -1).slice(0, 60)})`, fn, args] as const);

  it.each(cases)('%s never crashes: an error envelope, no stack trace', (_label, fn, args) => {
    const w = table(locale);
    const before = w.emu.snapshot();
    const env = call(w, fn, args);
    // Extra arguments too are refused: an endpoint takes exactly its tuple.
    expect(env.ok).toBe(false);
    if (!env.ok) expect(env.error.message).not.toMatch(TECHNICAL);
    expect(w.addon.errors).toEqual([]);
    // A refused call changes nothing.
    expect(w.emu.snapshot().sheets).toEqual(before.sheets);
  });

  it.each(cases.filter(([, fn]) => !['getBootstrap', 'getSetupState', 'validateTable', 'previewAdopt', 'applyAdopt'].includes(fn)))(
    '%s is refused with a short translated message, not a validation report',
    (_label, fn, args) => {
      const w = world(locale);
      const env = call(w, fn, args);
      expect(env.ok).toBe(false);
      if (env.ok) return;
      expect(env.error.code).not.toBe('internal');
      expect(env.error.message).not.toMatch(RAW);
      expect(env.error.message.split('\n')).toHaveLength(1);
      if (locale === 'zh-CN') expect(englishWords(env.error.message)).toEqual([]);
    },
  );

  it('a malformed adopt mapping is refused with the adopt panel\'s own translated message', () => {
    const w = world(locale, [['Name', 'Email'], ['Ann', 'ann@example.com']]);
    for (const bad of ['bad', null, { sheetId: 'x', headerRow: -1, columns: {} }]) {
      const env = call(w, 'applyAdopt', [bad]);
      expect(env).toMatchObject({ ok: false, error: { code: 'adopt.mapping.invalid' } });
      if (!env.ok) {
        expect(env.error.message).not.toMatch(TECHNICAL);
        if (locale === 'zh-CN') expect(env.error.message).toMatch(/[\u4e00-\u9fff]/);
      }
    }
  });
});
