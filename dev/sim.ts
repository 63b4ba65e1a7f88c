/**
 * `clientflow sim SCENARIO.json`: the built add-on (dist/Code.js) run on the emulator step by step, the
 * end state printed as JSON. The headless twin of the playground (docs/ARCHITECTURE.md, "Contracts": sim).
 *
 * A scenario: {"locale": "en" | "zh-CN", "data": "file.csv", "steps": [...]}, a step one of
 *   {"menu": "menuSetUp"} · {"edit": {"a1": "C5", "value": "x", "sheet"?}} · {"call": "fn", "args": [...]}
 *   {"paste": {"a1": "A10", "values": [[...]], "numberFormats"?: [[...]], "sheet"?}}
 *   {"paste": {"a1": "A10", "from": "'Other sheet'!A1:C3", "special"?: "values", "sheet"?}} (Sheets' normal
 *   paste of cells copied from that range, or with "special": "values" its paste of their values only)
 *   {"answer": ["YES", "text"]} · {"failAfterCalls": N} · {"activate": "Sheet name"}
 *   {"interleave": {"first": [steps], "second": [steps], "switchAfterCalls": N}}
 * Person actions (edit, paste) are the emulator's (emu.personEdit through the harness's addon.act),
 * with the onEdit event shapes Sheets gives; dev/person.ts translates the steps and checks cells against
 * Sheets' limits before anything runs. An interleave is the harness's interleave().
 * Output: the end state plus "steps", one {"kind", "ok", "result"?, "error"?} per step.
 * A scenario that cannot run (bad JSON, unknown step or function, a cell beyond Sheets' limits) is a
 * ScenarioError (exit 2); a step that fails while running is reported in "steps" (exit 0).
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import * as z from 'zod';
import { parseCsv } from '../src/cli/csv';
import { createEmulator } from './emulator';
import type { AlertLog, SimSheet, ToastLog } from './emulator/types';
import { interleave, loadAddon, type Outcome } from './harness';
import { activate, limitProblem, parseBlock, pasteAction, personAct } from './person';

export interface SimOutput {
  sheets: SimSheet[];
  steps: StepOutcome[];
  calls: { total: number; byMethod: Record<string, number> };
  simMs: number;
  toasts: ToastLog[];
  alerts: AlertLog[];
  errors: string[];
}

/** A scenario the user wrote is wrong: a one-line message (the CLI exits with code 2). */
export class ScenarioError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ScenarioError';
  }
}

const Json: z.ZodType<unknown> = z.lazy(() => z.union([z.string(), z.number(), z.boolean(), z.null(), z.array(Json), z.record(z.string(), Json)]));
const Cell = z.string().min(1);
const MenuStep = z.strictObject({ menu: z.string().min(1) });
const EditStep = z.strictObject({ edit: z.strictObject({ a1: Cell, value: z.string(), sheet: z.string().optional() }) });
const PasteStep = z.strictObject({
  paste: z
    .strictObject({
      a1: Cell,
      values: z.array(z.array(z.string())).min(1).optional(),
      numberFormats: z.array(z.array(z.string())).min(1).optional(),
      from: z.string().min(1).optional(),
      special: z.enum(['normal', 'values']).optional(),
      sheet: z.string().optional(),
    })
    .refine((p) => (p.values !== undefined) !== (p.from !== undefined), { message: 'a paste takes either "values" or "from"' })
    .refine((p) => !(p.special !== undefined && p.from === undefined), { message: '"special" goes with "from" (a paste of copied cells, normal or values only)' })
    .refine((p) => !(p.from !== undefined && p.numberFormats !== undefined), { message: '"from" brings its own number formats; leave out "numberFormats"' }),
});
const CallStep = z.strictObject({ call: z.string().min(1), args: z.array(Json).optional() });
const AnswerStep = z.strictObject({ answer: z.array(z.string()) });
/** A person clicks a sheet's tab: menus then act on that sheet (each sheet may be a table of its own). */
const ActivateStep = z.strictObject({ activate: z.string().min(1) });
const FailStep = z.strictObject({ failAfterCalls: z.number().int().positive() });
const InterleaveStep = z.strictObject({
  interleave: z.strictObject({ first: z.array(z.unknown()).min(1), second: z.array(z.unknown()).min(1), switchAfterCalls: z.number().int().positive() }),
});
const STEP_KINDS = ['menu', 'edit', 'paste', 'call', 'answer', 'failAfterCalls', 'interleave', 'activate'] as const;
type Kind = (typeof STEP_KINDS)[number];
const SCHEMAS: Record<Kind, z.ZodType> = { menu: MenuStep, edit: EditStep, paste: PasteStep, call: CallStep, answer: AnswerStep, failAfterCalls: FailStep, interleave: InterleaveStep, activate: ActivateStep };

type Step =
  | z.infer<typeof MenuStep>
  | z.infer<typeof EditStep>
  | z.infer<typeof PasteStep>
  | z.infer<typeof CallStep>
  | z.infer<typeof AnswerStep>
  | z.infer<typeof FailStep>
  | z.infer<typeof ActivateStep>
  | { interleave: { first: Step[]; second: Step[]; switchAfterCalls: number } };

const Scenario = z.strictObject({
  locale: z.enum(['en', 'zh-CN']).default('en'),
  data: z.string().min(1).optional(),
  steps: z.array(z.unknown()).default([]),
});

/** One step's outcome in the output: a sidebar call's reply, a refused paste, a time limit that struck. */
export interface StepOutcome {
  kind: Kind;
  ok: boolean;
  result?: unknown;
  error?: string;
}

function issueText(e: z.ZodError): string {
  const i = e.issues[0];
  if (!i) return 'invalid';
  const where = i.path.length ? i.path.join('.') : 'scenario';
  return `${where}: ${i.message}`;
}

/** A cell or block the scenario names: A1 notation, and within Sheets' limits (else exit 2 before
 * anything runs: such a cell cannot exist in any spreadsheet). */
function checkCell(a1: string, where: string, rows = 1, cols = 1): void {
  const b = parseBlock(a1, false);
  if (!b) throw new ScenarioError(`${where}: "${a1}" is not a cell in A1 notation (like C5)`);
  const limit = limitProblem({ ...b, rows, cols });
  if (limit) throw new ScenarioError(`${where}: ${limit}`);
}

function parseStep(raw: unknown, where: string, nested: boolean): Step {
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) throw new ScenarioError(`${where}: a step must be an object like {"menu": "menuSetUp"}`);
  const keys = Object.keys(raw);
  const kind = keys.find((k): k is Kind => (STEP_KINDS as readonly string[]).includes(k));
  if (!kind) throw new ScenarioError(`${where}: unknown step ${JSON.stringify(keys[0] ?? '')} (expected one of ${STEP_KINDS.join(', ')})`);
  const r = SCHEMAS[kind].safeParse(raw);
  if (!r.success) throw new ScenarioError(`${where} (${kind}): ${issueText(r.error)}`);
  const step = r.data as Step;
  if ('edit' in step) checkCell(step.edit.a1, `${where} (edit)`);
  if ('paste' in step) {
    const p = step.paste;
    const width = p.values ? p.values.reduce((w, row) => Math.max(w, row.length), 1) : 1;
    checkCell(p.a1, `${where} (paste)`, p.values?.length ?? 1, width);
    if (p.numberFormats && p.values && (p.numberFormats.length !== p.values.length || p.numberFormats.some((row) => row.length !== width))) {
      throw new ScenarioError(`${where} (paste): numberFormats must have the same rows and columns as values`);
    }
    if (p.from !== undefined) {
      const from = parseBlock(p.from);
      if (!from) throw new ScenarioError(`${where} (paste): from "${p.from}" is not a range in A1 notation (like 'Other sheet'!A1:C3)`);
      const limit = limitProblem(from);
      if (limit) throw new ScenarioError(`${where} (paste): ${limit}`);
    }
  }
  if ('interleave' in step) {
    if (nested) throw new ScenarioError(`${where}: an interleave cannot hold another interleave`);
    const il = (r.data as z.infer<typeof InterleaveStep>).interleave;
    return {
      interleave: {
        first: il.first.map((s, i) => parseStep(s, `${where} first ${i + 1}`, true)),
        second: il.second.map((s, i) => parseStep(s, `${where} second ${i + 1}`, true)),
        switchAfterCalls: il.switchAfterCalls,
      },
    };
  }
  return step;
}

function kindOf(s: Step): Kind {
  if ('menu' in s) return 'menu';
  if ('edit' in s) return 'edit';
  if ('paste' in s) return 'paste';
  if ('call' in s) return 'call';
  if ('answer' in s) return 'answer';
  if ('failAfterCalls' in s) return 'failAfterCalls';
  if ('activate' in s) return 'activate';
  return 'interleave';
}

function defaultCodePath(): string {
  const candidates = [join(__dirname, 'Code.js'), join(__dirname, '..', 'Code.js'), join(__dirname, '..', 'dist', 'Code.js'), resolve(process.cwd(), 'dist', 'Code.js')];
  return candidates.find((p) => existsSync(p)) ?? resolve(process.cwd(), 'dist', 'Code.js');
}

export interface SimOptions {
  /** The add-on bundle; default dist/Code.js. */
  codePath?: string;
}

export function runScenario(scenarioPath: string, opts: SimOptions = {}): SimOutput {
  let text: string;
  try {
    text = readFileSync(scenarioPath, 'utf8');
  } catch {
    throw new ScenarioError(`cannot read scenario file ${scenarioPath}`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text) as unknown;
  } catch (e) {
    throw new ScenarioError(`${scenarioPath} is not valid JSON (${e instanceof Error ? e.message.split('\n')[0] : 'parse error'})`);
  }
  if (!json || typeof json !== 'object' || Array.isArray(json)) throw new ScenarioError('a scenario must be a JSON object {"locale", "data", "steps"}');
  const parsed = Scenario.safeParse(json);
  if (!parsed.success) throw new ScenarioError(issueText(parsed.error));
  const scenario = parsed.data;
  const steps = scenario.steps.map((s, i) => parseStep(s, `step ${i + 1}`, false));

  let rows: string[][] = [];
  if (scenario.data !== undefined) {
    const dataPath = resolve(dirname(resolve(scenarioPath)), scenario.data);
    if (!existsSync(dataPath)) throw new ScenarioError(`data file not found: ${scenario.data} (looked for ${dataPath})`);
    rows = parseCsv(readFileSync(dataPath, 'utf8'));
    const width = rows.reduce((w, r) => Math.max(w, r.length), 1);
    const limit = limitProblem({ sheet: null, row: 1, col: 1, rows: Math.max(rows.length, 1), cols: width });
    if (limit) throw new ScenarioError(`data ${scenario.data}: ${limit}`);
  }

  const codePath = opts.codePath ?? defaultCodePath();
  if (!existsSync(codePath)) throw new ScenarioError(`the add-on is not built: ${codePath} is missing (run npm run build)`);
  const emu = createEmulator({ userLocale: scenario.locale });
  if (rows.length > 0) emu.loadRows(rows);
  const addon = loadAddon(emu, { codePath });
  const checkNames = (list: Step[], where: (i: number) => string): void => {
    for (const [i, s] of list.entries()) {
      if ('menu' in s && (!s.menu.startsWith('menu') || !addon.functions.includes(s.menu))) {
        const known = addon.functions.filter((f) => f.startsWith('menu'));
        throw new ScenarioError(`${where(i)}: unknown menu function ${JSON.stringify(s.menu)} (known: ${known.join(', ')})`);
      }
      if ('call' in s && !addon.functions.includes(s.call)) throw new ScenarioError(`${where(i)}: unknown function ${JSON.stringify(s.call)}`);
      if ('interleave' in s) {
        checkNames(s.interleave.first, (j) => `${where(i)} first ${j + 1}`);
        checkNames(s.interleave.second, (j) => `${where(i)} second ${j + 1}`);
      }
    }
  };
  checkNames(steps, (i) => `step ${i + 1}`);

  const outcome = (kind: Kind, o: Outcome): StepOutcome => {
    if (!o.ok) return { kind, ok: false, error: o.error };
    return o.result === undefined ? { kind, ok: true } : { kind, ok: true, result: o.result };
  };

  const runStep = (s: Step): StepOutcome => {
    const kind = kindOf(s);
    if ('answer' in s) {
      emu.queueAnswers(s.answer);
      return { kind, ok: true };
    }
    if ('failAfterCalls' in s) {
      emu.failAfterCalls(s.failAfterCalls);
      return { kind, ok: true };
    }
    if ('interleave' in s) return runInterleave(s.interleave);
    if ('menu' in s) return outcome(kind, addon.menu(s.menu));
    if ('call' in s) return outcome(kind, addon.call(s.call, s.args ?? []));
    if ('edit' in s) return outcome(kind, personAct(emu, addon, { kind: 'type', a1: s.edit.a1, value: s.edit.value, sheet: s.edit.sheet }));
    if ('paste' in s) return outcome(kind, personAct(emu, addon, pasteAction(s.paste)));
    return outcome(kind, activate(emu, s.activate));
  };

  /**
   * Two executions interleaved, as Apps Script runs two at once (the harness's interleave, on the
   * emulator's pauseAtCall): the first steps make N service calls, the second steps run to their end,
   * then the first resume with their next call. Each execution keeps its own auth mode, time limit
   * and locks (the emulator's), and a time limit armed for the first counts only the first's calls.
   */
  const runInterleave = (il: { first: Step[]; second: Step[]; switchAfterCalls: number }): StepOutcome => {
    const first: StepOutcome[] = [];
    const second: StepOutcome[] = [];
    const base = emu.stats().total;
    let secondCalls = 0;
    const { switched } = interleave(
      emu,
      il.switchAfterCalls,
      () => {
        for (const s of il.first) first.push(runStep(s));
      },
      () => {
        const before = emu.stats().total;
        for (const s of il.second) second.push(runStep(s));
        secondCalls = emu.stats().total - before;
      },
    );
    const result: Record<string, unknown> = { switched, first, second };
    if (!switched) {
      // The first steps made no call past the switch point: the second ran after them.
      const made = emu.stats().total - base - secondCalls;
      result.note = `the first steps made ${made} service calls, ${made < il.switchAfterCalls ? 'fewer than' : 'no more than'} ${il.switchAfterCalls}: the second ran after them`;
    }
    const ok = first.every((o) => o.ok) && second.every((o) => o.ok);
    return ok ? { kind: 'interleave', ok, result } : { kind: 'interleave', ok, result, error: [...first, ...second].find((o) => !o.ok)?.error ?? 'a step failed' };
  };

  // The sheet opens: onOpen runs first, in AuthMode.NONE for an add-on not yet used in this document.
  addon.open('NONE');
  const outcomes = steps.map(runStep);
  const st = emu.stats();
  return {
    sheets: emu.snapshot().sheets,
    steps: outcomes,
    calls: { total: st.total, byMethod: st.byMethod },
    simMs: Math.round(st.simMs * 1000) / 1000,
    toasts: emu.toasts.map((t) => ({ ...t })),
    alerts: emu.alerts.map((a) => ({ ...a, answer: { ...a.answer } })),
    errors: [...addon.errors],
  };
}
