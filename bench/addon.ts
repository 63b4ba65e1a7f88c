/**
 * The built add-on (dist/Code.js) on a fresh emulated spreadsheet, driven through the flow harness
 * (dev/harness `loadAddon`) as tests and `sim` drive it.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createEmulator } from '../dev/emulator';
import type { Emulator, EmulatorOptions } from '../dev/emulator/types';
import { loadAddon } from '../dev/harness';

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

/** The add-on factory over `distDir`/Code.js, or the reason it cannot be made (no build yet). */
export function loadAddonFactory(distDir: string): AddonFactory | { missing: string } {
  const codePath = join(distDir, 'Code.js');
  if (!existsSync(codePath)) return { missing: `${codePath} not found (run node build.mjs)` };
  const entryPoints = entryPointsOf(readFileSync(codePath, 'utf8'));
  return {
    entryPoints,
    create(rows, options) {
      const emu = createEmulator(options);
      // A person pastes a big table in blocks (see PASTE_BLOCK); same cells, same parsing as one paste.
      if (rows.length > 0) emu.loadRows(rows.slice(0, PASTE_BLOCK));
      const first = emu.sheetNames()[0];
      // A sheet keeps 26 columns: past ~384,000 rows it would pass the 10-million-cell limit (which the
      // emulator enforces), so a person first deletes the empty columns right of the table.
      const width = rows.reduce((w, r) => Math.max(w, r.length), 0);
      if (rows.length * 26 > 10_000_000 && width < 26) {
        const app = emu.globals.SpreadsheetApp as GoogleAppsScript.Spreadsheet.SpreadsheetApp;
        app.getActiveSpreadsheet().getSheets()[0]?.deleteColumns(width + 1, 26 - width);
      }
      for (let at = PASTE_BLOCK; at < rows.length; at += PASTE_BLOCK) {
        emu.pasteValues(`A${at + 1}`, rows.slice(at, at + PASTE_BLOCK), first);
      }
      const h = loadAddon(emu, { codePath });
      return {
        emu,
        menu: (name) => check(h.menu(name)),
        edit: (a1, value) => check(h.edit(a1, value)),
        paste: (a1, values) => check(h.paste(a1, values)),
      };
    },
  };
}
