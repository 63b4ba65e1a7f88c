/**
 * `clientflow sim SCENARIO.json`: the built add-on (dist/Code.js) run on the emulator step by step, the
 * end state printed as JSON. The headless twin of the playground (DESIGN.md, "Contracts": sim).
 *
 * A scenario: {"locale": "en" | "zh-CN", "data": "file.csv", "steps": [...]}, a step one of
 *   {"menu": "menuSetUp"} · {"edit": {"a1": "C5", "value": "x"}} · {"paste": {"a1": "A10", "values": [[...]]}}
 *   {"call": "fn", "args": [...]} · {"answer": ["YES", "text"]} · {"failAfterCalls": N} · {"activate": "Sheet name"}
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import * as z from 'zod';
import { parseCsv } from '../src/cli/csv';
import { createEmulator } from './emulator';
import type { AlertLog, SimSheet, ToastLog } from './emulator/types';
import { loadAddon } from './harness';

export interface SimOutput {
  sheets: SimSheet[];
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
const MenuStep = z.strictObject({ menu: z.string().min(1) });
const EditStep = z.strictObject({ edit: z.strictObject({ a1: z.string().min(1), value: z.string(), sheet: z.string().optional() }) });
const PasteStep = z.strictObject({ paste: z.strictObject({ a1: z.string().min(1), values: z.array(z.array(z.string())).min(1), sheet: z.string().optional() }) });
const CallStep = z.strictObject({ call: z.string().min(1), args: z.array(Json).optional() });
const AnswerStep = z.strictObject({ answer: z.array(z.string()) });
/** A person clicks a sheet's tab: menus then act on that sheet (each sheet may be a table of its own). */
const ActivateStep = z.strictObject({ activate: z.string().min(1) });
const FailStep = z.strictObject({ failAfterCalls: z.number().int().positive() });
const STEP_KINDS = ['menu', 'edit', 'paste', 'call', 'answer', 'failAfterCalls', 'activate'] as const;
const Step = z.union([MenuStep, EditStep, PasteStep, CallStep, AnswerStep, FailStep, ActivateStep]);
type Step = z.infer<typeof Step>;
const Scenario = z.strictObject({
  locale: z.enum(['en', 'zh-CN']).default('en'),
  data: z.string().min(1).optional(),
  steps: z.array(z.unknown()).default([]),
});

function issueText(e: z.ZodError): string {
  const i = e.issues[0];
  if (!i) return 'invalid';
  const where = i.path.length ? i.path.join('.') : 'scenario';
  return `${where}: ${i.message}`;
}

function parseStep(raw: unknown, index: number): Step {
  const n = index + 1;
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) throw new ScenarioError(`step ${n}: a step must be an object like {"menu": "menuSetUp"}`);
  const keys = Object.keys(raw);
  const kind = keys.find((k) => (STEP_KINDS as readonly string[]).includes(k));
  if (!kind) throw new ScenarioError(`step ${n}: unknown step ${JSON.stringify(keys[0] ?? '')} (expected one of ${STEP_KINDS.join(', ')})`);
  const r = Step.safeParse(raw);
  if (!r.success) {
    const schema = { menu: MenuStep, edit: EditStep, paste: PasteStep, call: CallStep, answer: AnswerStep, failAfterCalls: FailStep, activate: ActivateStep }[kind as (typeof STEP_KINDS)[number]];
    const again = schema.safeParse(raw);
    throw new ScenarioError(`step ${n} (${kind}): ${again.success ? 'invalid' : issueText(again.error)}`);
  }
  return r.data;
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
  const steps = scenario.steps.map(parseStep);

  let rows: string[][] = [];
  if (scenario.data !== undefined) {
    const dataPath = resolve(dirname(resolve(scenarioPath)), scenario.data);
    if (!existsSync(dataPath)) throw new ScenarioError(`data file not found: ${scenario.data} (looked for ${dataPath})`);
    rows = parseCsv(readFileSync(dataPath, 'utf8'));
  }

  const codePath = opts.codePath ?? defaultCodePath();
  if (!existsSync(codePath)) throw new ScenarioError(`the add-on is not built: ${codePath} is missing (run npm run build)`);
  const emu = createEmulator({ userLocale: scenario.locale });
  if (rows.length > 0) emu.loadRows(rows);
  const addon = loadAddon(emu, { codePath });
  for (const [i, s] of steps.entries()) {
    if ('menu' in s && (!s.menu.startsWith('menu') || !addon.functions.includes(s.menu))) {
      const known = addon.functions.filter((f) => f.startsWith('menu'));
      throw new ScenarioError(`step ${i + 1}: unknown menu function ${JSON.stringify(s.menu)} (known: ${known.join(', ')})`);
    }
    if ('call' in s && !addon.functions.includes(s.call)) throw new ScenarioError(`step ${i + 1}: unknown function ${JSON.stringify(s.call)}`);
  }

  // The sheet opens: onOpen runs first, in AuthMode.NONE for an add-on not yet used in this document.
  addon.open('NONE');
  for (const s of steps) {
    if ('menu' in s) addon.menu(s.menu);
    else if ('edit' in s) addon.edit(s.edit.a1, s.edit.value, s.edit.sheet);
    else if ('paste' in s) addon.paste(s.paste.a1, s.paste.values, s.paste.sheet);
    else if ('call' in s) addon.call(s.call, s.args ?? []);
    else if ('answer' in s) emu.queueAnswers(s.answer);
    else if ('activate' in s) {
      if (!emu.snapshot().sheets.some((x) => x.name === s.activate)) throw new ScenarioError(`activate: no sheet named ${JSON.stringify(s.activate)} (sheets: ${emu.snapshot().sheets.map((x) => x.name).join(', ')})`);
      emu.activateSheet(s.activate);
    }
    else emu.failAfterCalls(s.failAfterCalls);
  }
  const st = emu.stats();
  return {
    sheets: emu.snapshot().sheets,
    calls: { total: st.total, byMethod: st.byMethod },
    simMs: Math.round(st.simMs * 1000) / 1000,
    toasts: emu.toasts.map((t) => ({ ...t })),
    alerts: emu.alerts.map((a) => ({ ...a, answer: { ...a.answer } })),
    errors: [...addon.errors],
  };
}
