/**
 * The built add-on (dist/Code.js) on a fresh emulated spreadsheet, driven through the flow harness
 * (dev/harness `loadAddon`) as tests and `sim` drive it.
 *
 * The emulator and the harness are loaded with esbuild's glob form of dynamic import, so the bench builds
 * and runs (its plain-Node rows) even while those modules are not there; add-on actions are then skipped.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import vm from 'node:vm';
import type { Emulator, EmulatorOptions } from '../dev/emulator/types';

/**
 * The largest block a person pastes at once. Tables above it are pasted in several blocks (each its own
 * onEdit when the add-on is listening): a 500,000-row paste is not something the Sheets UI does in one
 * go, and the emulator's paste spreads rows into Math.max(...), which overflows the stack past ~120k rows.
 * 100,000 keeps the default sizes (1k/10k/100k) to one paste.
 */
export const PASTE_BLOCK = 100_000;

export interface Addon {
  readonly emu: Emulator;
  /** A menu item's function, as the person clicks it. */
  menu(fn: string): void;
  /** A person types a value into a cell of the active sheet; onEdit fires. */
  edit(a1: string, value: string): void;
  /** A person pastes a block into the active sheet; one onEdit fires. */
  paste(a1: string, values: string[][]): void;
}

interface HarnessLike {
  menu(fn: string): unknown;
  edit(a1: string, value: string): unknown;
  paste(a1: string, values: string[][]): unknown;
}

type CreateEmulator = (options?: EmulatorOptions) => Emulator;
type LoadAddon = (emu: Emulator, options?: { codeFile?: string }) => HarnessLike;

/** The harness reports failures as { ok: false, error } (as Sheets shows them): make them throw here. */
function check(outcome: unknown): void {
  if (typeof outcome === 'object' && outcome !== null && (outcome as { ok?: unknown }).ok === false) {
    throw new Error(String((outcome as { error?: unknown }).error ?? 'failed'));
  }
}

export interface AddonFactory {
  /** Entry points declared in dist/Code.js (top-level function declarations). */
  readonly entryPoints: ReadonlySet<string>;
  /** A fresh spreadsheet with `rows` loaded on its first sheet as a person pastes them, and the add-on. */
  create(rows: string[][], options?: EmulatorOptions): Addon;
}

/** Names of the top-level entry-point functions build.mjs appends to dist/Code.js. */
export function entryPointsOf(code: string): Set<string> {
  const names = new Set<string>();
  for (const m of code.matchAll(/^function ([A-Za-z_$][\w$]*)\(\.\.\.args\) \{/gm)) if (m[1]) names.add(m[1]);
  return names;
}

/**
 * Used only while dev/harness is not there: dist/Code.js in a node:vm context whose globals are the
 * emulator's, each entry point run inside emu.runScript (so its cpu time is measured), edits and pastes
 * made as a person makes them, then onEdit with their event.
 */
function minimalHarness(emu: Emulator, code: string, file: string): HarnessLike {
  const ctx = vm.createContext({ ...emu.globals });
  vm.runInContext(code, ctx, { filename: file });
  const run = (name: string, ...args: unknown[]): unknown => {
    const f: unknown = (ctx as Record<string, unknown>)[name];
    if (typeof f !== 'function') throw new Error(`dist/Code.js has no ${name}`);
    return emu.runScript(() => (f as (...a: unknown[]) => unknown)(...args));
  };
  const hasOnEdit = typeof (ctx as Record<string, unknown>).onEdit === 'function';
  return {
    menu: (name) => run(name),
    edit: (a1, value) => {
      const e = emu.typeValue(a1, value);
      return hasOnEdit ? run('onEdit', e) : undefined;
    },
    paste: (a1, values) => {
      const e = emu.pasteValues(a1, values);
      return hasOnEdit ? run('onEdit', e) : undefined;
    },
  };
}

function fn<T>(mod: unknown, name: string): T | null {
  if (typeof mod !== 'object' || mod === null) return null;
  const f = (mod as Record<string, unknown>)[name];
  return typeof f === 'function' ? (f as T) : null;
}

/**
 * Loads the emulator and the harness; returns null with a reason when one is missing.
 * `distDir` holds Code.js.
 */
export async function loadAddonFactory(distDir: string): Promise<AddonFactory | { missing: string }> {
  const codePath = join(distDir, 'Code.js');
  if (!existsSync(codePath)) return { missing: `${codePath} not found (run node build.mjs)` };
  const entryPoints = entryPointsOf(readFileSync(codePath, 'utf8'));
  const emulatorName = 'index';
  const harnessName = 'index';
  let createEmulator: CreateEmulator | null = null;
  let loadAddon: LoadAddon | null = null;
  try {
    createEmulator = fn<CreateEmulator>(await import(`../dev/emulator/${emulatorName}.ts`), 'createEmulator');
  } catch {
    createEmulator = null;
  }
  if (!createEmulator) return { missing: 'dev/emulator createEmulator is not available yet' };
  try {
    loadAddon = fn<LoadAddon>(await import(`../dev/harness/${harnessName}.ts`), 'loadAddon');
  } catch {
    loadAddon = null;
  }
  const code = readFileSync(codePath, 'utf8');
  const create = createEmulator;
  const load: LoadAddon = loadAddon ?? ((emu) => minimalHarness(emu, code, codePath));
  if (!loadAddon) console.error('bench: dev/harness is not there; using a minimal stand-in');
  return {
    entryPoints,
    create(rows, options) {
      const emu = create(options);
      // A person pastes a big table in blocks (see PASTE_BLOCK); same cells, same parsing as one paste.
      if (rows.length > 0) emu.loadRows(rows.slice(0, PASTE_BLOCK));
      const first = emu.sheetNames()[0];
      for (let at = PASTE_BLOCK; at < rows.length; at += PASTE_BLOCK) {
        emu.pasteValues(`A${at + 1}`, rows.slice(at, at + PASTE_BLOCK), first);
      }
      const h = load(emu, { codeFile: codePath });
      return {
        emu,
        menu: (name) => check(h.menu(name)),
        edit: (a1, value) => check(h.edit(a1, value)),
        paste: (a1, values) => check(h.paste(a1, values)),
      };
    },
  };
}
