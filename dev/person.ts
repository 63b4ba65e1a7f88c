/**
 * What sim and the playground add around the emulator's person actions (emu.personEdit, run through the
 * harness's addon.act, which fires onEdit with the event Sheets gives): their steps translated to a
 * PersonAction, a sheet the step names checked first (a person can only act on a sheet that exists),
 * and cells checked against Sheets' limits before anything runs (sim exits 2 and the playground answers
 * 400, so a sheet is never grown toward a size no spreadsheet can hold).
 *
 * How each action changes the sheet, its event shape, the grid and cell limits it is refused at, and
 * what a paste carries are the emulator's (dev/emulator/README.md).
 */
import { colToLetters, lettersToCol, splitSheet } from './emulator/a1';
import { CELL_LIMIT, MAX_COLUMNS } from './emulator/context';
import type { Emulator, PersonAction } from './emulator/types';
import type { Addon, Outcome } from './harness';

export interface Block {
  sheet: string | null;
  row: number;
  col: number;
  rows: number;
  cols: number;
}

/** "B3", "'My sheet'!B3", "A2:C4" → a block (1-based), or null when it is not A1 notation. Column
 * letters and row digits are not bounded here: limits are checked apart (limitProblem), with their
 * own message. */
export function parseBlock(a1: string, allowRange = true): Block | null {
  const { sheet, ref } = splitSheet(a1);
  const cell = /^\$?([A-Za-z]+)\$?(\d+)$/;
  const parts = ref.split(':');
  if (parts.length > (allowRange ? 2 : 1)) return null;
  const a = cell.exec(parts[0] ?? '');
  const b = cell.exec(parts[1] ?? parts[0] ?? '');
  if (!a || !b) return null;
  const r1 = Number(a[2]);
  const r2 = Number(b[2]);
  const c1 = lettersToCol(a[1] ?? '');
  const c2 = lettersToCol(b[1] ?? '');
  if (r1 < 1 || r2 < 1) return null;
  return { sheet, row: Math.min(r1, r2), col: Math.min(c1, c2), rows: Math.abs(r2 - r1) + 1, cols: Math.abs(c2 - c1) + 1 };
}

/** A block no spreadsheet can hold (past column ZZZ, or more cells than a whole spreadsheet may
 * have): the message says why; null when the block could exist.
 * Ref: https://support.google.com/drive/answer/37603 ("Up to 10 million cells or 18,278 columns") */
export function limitProblem(b: Block): string | null {
  const lastCol = b.col + b.cols - 1;
  const lastRow = b.row + b.rows - 1;
  const where = `${colToLetters(b.col)}${b.row}${b.rows > 1 || b.cols > 1 ? `:${colToLetters(lastCol)}${lastRow}` : ''}`;
  if (lastCol > MAX_COLUMNS) return `${where} is beyond Sheets' limits: the last column is ZZZ (${MAX_COLUMNS} columns)`;
  if (lastRow > CELL_LIMIT || lastRow * lastCol > CELL_LIMIT) return `${where} is beyond Sheets' limits: a spreadsheet holds at most ${CELL_LIMIT} cells`;
  return null;
}

/** A paste as sim's step and the playground's request describe it: text (with the number formats the
 * cells carry), or Sheets' paste of cells copied from a range of this spreadsheet (normal, or values
 * only). */
export interface PasteSpec {
  a1: string;
  values?: string[][];
  numberFormats?: string[][];
  from?: string;
  special?: 'normal' | 'values';
  sheet?: string;
}

/** The emulator's action for a paste. A `from` without a sheet of its own is on the paste's sheet. */
export function pasteAction(p: PasteSpec): PersonAction {
  if (p.from !== undefined) return { kind: 'pasteFrom', from: p.from, fromSheet: p.sheet, a1: p.a1, sheet: p.sheet, special: p.special ?? 'normal' };
  return { kind: 'paste', a1: p.a1, values: p.values ?? [], numberFormats: p.numberFormats, sheet: p.sheet };
}

/** The sheets an action names (its own, a prefix in its A1, the source of a copy). */
function sheetsOf(action: PersonAction): string[] {
  if (action.kind === 'undo') return [];
  const named = [action.sheet, splitSheet(action.a1).sheet];
  if (action.kind === 'pasteFrom') named.push(splitSheet(action.from).sheet ?? action.fromSheet);
  return named.filter((n): n is string => typeof n === 'string');
}

/** A sheet that does not exist: the person is told, nothing runs. */
function missingSheet(emu: Emulator, names: string[]): Outcome | null {
  const have = emu.sheetNames();
  const missing = names.find((n) => !have.includes(n));
  return missing === undefined ? null : { ok: false, error: `there is no sheet named "${missing}"` };
}

/** A person's action, then onEdit with its event (addon.act); refused with a message when a sheet it
 * names does not exist. */
export function personAct(emu: Emulator, addon: Addon, action: PersonAction): Outcome {
  return missingSheet(emu, sheetsOf(action)) ?? addon.act(action);
}

/** A person clicks a sheet's tab. */
export function activate(emu: Emulator, name: string): Outcome {
  const missing = missingSheet(emu, [name]);
  if (missing) return missing;
  emu.activateSheet(name);
  return { ok: true, result: undefined };
}
