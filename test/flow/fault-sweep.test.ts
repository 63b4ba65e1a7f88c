/**
 * The fault sweep: Apps Script rolls nothing back when its time limit strikes, so every action that
 * builds a table must complete when it is simply run again. For every service call N of set-up (on an
 * empty sheet and beside a sheet with data), of re-applying from the Setup panel, and of adopting, the
 * time limit strikes at call N, then the user runs the same action again: the job completes with the
 * same sheets, values, formats, validation, rules, protections and settings as a run that was never
 * interrupted — no orphan sheet ("Clients 2"), no value lost — and the sidebar says what is true
 * (stopped before finishing; run it again), in English and Chinese.
 *
 * `npm test` strikes at every 9th call (and the first and last few); `npm run test:slow`
 * (CLIENTFLOW_SLOW=1) at every call. Built bundle on the emulator.
 */
import { createEmulator } from '../../dev/emulator';
import { readFileSync } from 'node:fs';
import { findUp, loadAddon, type Addon } from '../../dev/harness';
import type { Emulator } from '../../dev/emulator/types';
import { t } from '../../src/core/i18n';
import { mappingOfPreview, type AdoptPreview } from '../../src/core/api/adopt';

type Locale = 'en' | 'zh-CN';
type Envelope = { ok: boolean; data?: unknown; error?: { code: string; message: string } };

const STRIDE = process.env.CLIENTFLOW_SLOW === '1' ? 1 : 9;
/** The bundle, read once for the hundreds of worlds below (each still evaluates it per execution). */
const CODE = readFileSync(findUp('dist/Code.js'), 'utf8');

const CLIENTS = [
  ['Name', 'Email', 'Phone', 'Stage', 'Last contact', 'My code'],
  ['Ada Lovelace', 'ada@example.com', '+1 201 555 0123', 'Lead', '2024-03-01', 'X-17'],
  ['Bo Chen', 'bo@example', '+86 138 0013 8000', 'Won', '2024-02-11', 'Q-4'],
  ['Cy Young', 'cy@example.com', '', 'Lost', 'soon', 'Z-9'],
];

interface World { emu: Emulator; addon: Addon }

function world(locale: Locale): World {
  const emu = createEmulator({ userLocale: locale });
  return { emu, addon: loadAddon(emu, { code: CODE }) };
}

/** Everything a user could see or rely on: per sheet (by name, in order) and the saved settings. */
function state(w: World) {
  const sheets = w.emu.snapshot().sheets.map((s) => ({
    name: s.name, values: s.values, formulas: s.formulas, notes: s.notes, numberFormats: s.numberFormats,
    validations: s.validations, conditionalFormats: s.conditionalFormats, protections: s.protections,
    frozenRows: s.frozenRows, hidden: s.hidden,
  }));
  const st = w.addon.call('getSetupState');
  const schema = st.ok ? ((st.result as Envelope).data as { schema: Record<string, unknown> | null }).schema : 'unreadable';
  // Sheet ids differ when a half-built sheet was replaced; names and everything else must not.
  const settings = schema && typeof schema === 'object'
    ? { ...schema, location: { ...(schema.location as object), sheetId: 0 } }
    : schema;
  return { sheets, settings };
}

interface Scenario {
  name: string;
  locale: Locale;
  /** The world before the action. */
  prepare(w: World): void;
  /** The action, ready to run (a sidebar call's arguments already read, as the panel holds them);
   * it returns the sidebar's envelope when it is a sidebar call. Run again as is for the retry. */
  act(w: World): () => Envelope | null;
}

function menuAct(fn: string, answer: string) {
  return (w: World) => (): null => {
    w.emu.queueAnswers([answer]);
    w.addon.menu(fn);
    return null;
  };
}

function sidebar(fn: string, argsOf: (w: World) => unknown[]) {
  return (w: World) => {
    const args = argsOf(w);
    return (): Envelope => {
      const r = w.addon.call(fn, args);
      return r.ok ? (r.result as Envelope) : { ok: false, error: { code: 'uncaught', message: r.error } };
    };
  };
}

function storedSchema(w: World): { fields: Array<Record<string, unknown>> } {
  const r = w.addon.call('getSetupState');
  const s = r.ok ? ((r.result as Envelope).data as { schema: { fields: Array<Record<string, unknown>> } | null }).schema : null;
  if (!s) throw new Error('no schema');
  return s;
}

function setUpFirst(w: World): void {
  w.emu.queueAnswers(['1']);
  w.addon.menu('menuSetUp');
  w.emu.pasteValues('A2', [['', 'ACME', 'Ann', '', 'ann@acme.com', '', '', 'Bo', 'Won'], ['', 'Beta', 'Ben', '', 'bad@', '', '', 'Bo', 'Lead']]);
}

const SCENARIOS: Scenario[] = [
  { name: 'set-up from the menu on an empty sheet', locale: 'en', prepare: () => undefined, act: menuAct('menuSetUp', '1') },
  { name: 'set-up from the menu beside a sheet with data (a new sheet)', locale: 'en', prepare: (w) => w.emu.loadRows(CLIENTS), act: menuAct('menuSetUp', '1') },
  {
    name: 'set-up from the Setup panel on an empty sheet', locale: 'zh-CN', prepare: () => undefined,
    act: sidebar('applySetup', (w) => {
      const r = w.addon.call('previewTemplate', ['ecommerce', 'zh-CN']);
      return [(r.ok ? (r.result as Envelope).data : null), { target: 'auto' }];
    }),
  },
  {
    name: 're-apply from the Setup panel with a new field', locale: 'en', prepare: setUpFirst,
    act: sidebar('applySetup', (w) => {
      const s = storedSchema(w);
      return [{ ...s, fields: [...s.fields, { key: 'custom1', header: 'Source', label: { en: 'Source', 'zh-CN': 'Source' }, role: null, type: 'text', required: false, onInvalid: 'warn' }] }, { target: 'auto' }];
    }),
  },
  { name: 'adopt from the menu', locale: 'zh-CN', prepare: (w) => w.emu.loadRows(CLIENTS), act: menuAct('menuAdopt', 'YES') },
  {
    name: 'adopt from the sidebar', locale: 'en', prepare: (w) => w.emu.loadRows(CLIENTS),
    act: sidebar('applyAdopt', (w) => {
      const r = w.addon.call('previewAdopt');
      return [r.ok ? mappingOfPreview((r.result as Envelope).data as AdoptPreview) : null];
    }),
  },
];

describe.each(SCENARIOS)('fault sweep: $name', (sc) => {
  // The uninterrupted run: what every interrupted-then-repeated run must end in, and its call count.
  const ref = world(sc.locale);
  sc.prepare(ref);
  const refRun = sc.act(ref);
  ref.emu.resetStats();
  const refOutcome = refRun();
  const calls = ref.emu.stats().total;
  const expected = state(ref);

  it('runs cleanly without a fault', () => {
    expect(ref.addon.errors).toEqual([]);
    if (refOutcome) expect(refOutcome.ok).toBe(true);
    expect(calls).toBeGreaterThan(10);
  });

  const points: number[] = [];
  for (let n = 1; n <= calls; n++) if (n % STRIDE === 1 || STRIDE === 1 || n <= 3 || n > calls - 3) points.push(n);

  it(`completes when run again after the time limit struck at any call (${points.length} points)`, () => {
    const bad: string[] = [];
    for (const n of points) {
      const w = world(sc.locale);
      sc.prepare(w);
      const run = sc.act(w);
      w.emu.failAfterCalls(n);
      const first = run();
      // The sidebar's reply says what is true, in the user's language (when the very first call,
      // the one that reads the user's locale, is the one that fails, it cannot know it: English).
      if (first && !first.ok && first.error?.code !== 'uncaught') {
        const want = [t(sc.locale, 'error.timeLimit'), ...(n === 1 ? [t('en', 'error.timeLimit')] : [])];
        if (!want.includes(first.error?.message ?? '')) bad.push(`#${n}: message ${first.error?.message}`);
      }
      if (first && first.ok) bad.push(`#${n}: the time limit did not strike`);
      const again = run();
      if (again && !again.ok) { bad.push(`#${n}: re-run failed: ${again.error?.message}`); continue; }
      const got = state(w);
      if (JSON.stringify(got.sheets.map((s) => s.name)) !== JSON.stringify(expected.sheets.map((s) => s.name))) {
        bad.push(`#${n}: sheets ${got.sheets.map((s) => s.name).join(', ')}`);
        continue;
      }
      try {
        expect(got).toEqual(expected);
      } catch {
        const diff = got.sheets.flatMap((s, i) => Object.keys(s).filter((k) => JSON.stringify((s as Record<string, unknown>)[k]) !== JSON.stringify((expected.sheets[i] as Record<string, unknown> | undefined)?.[k])).map((k) => `${s.name}.${k}`));
        if (JSON.stringify(got.settings) !== JSON.stringify(expected.settings)) diff.push('settings');
        bad.push(`#${n}: differs in ${diff.join(', ')}`);
      }
    }
    expect(bad).toEqual([]);
  });
});
