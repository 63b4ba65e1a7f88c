/**
 * The option colors of ClientFlow, from Sheets' own light palette so they look native next to the
 * user's colors, and light enough that black text stays readable on them. Templates name theirs;
 * inference and the sidebar give options without a known meaning the palette's colors in turn.
 */
export const COLORS = {
  green: '#d9ead3',
  grey: '#e0e0e0',
  red: '#f4cccc',
  yellow: '#fff2cc',
  orange: '#fce5cd',
  blue: '#cfe2f3',
  cyan: '#d0e0e3',
  purple: '#d9d2e9',
  magenta: '#ead1dc',
  white: '#ffffff',
} as const;

/** Colors for options without a known meaning, given in turn (the 10 light colors of Sheets' palette). */
export const OPTION_PALETTE: readonly string[] = [
  '#c9daf8',
  '#d9ead3',
  '#fff2cc',
  '#fce5cd',
  '#d9d2e9',
  '#d0e0e3',
  '#ead1dc',
  '#f4cccc',
  '#cfe2f3',
  '#e6b8af',
];

/** Colors of pipeline stages by step (early steps cool, won green, lost grey). */
export const STAGE_COLORS: readonly string[] = ['#cfe2f3', '#c9daf8', '#d9d2e9', '#fff2cc', '#fce5cd', '#b6d7a8', '#d9d9d9'];

/** The palette's color for the option at `index` (0-based), in turn. */
export function paletteColor(index: number): string {
  return OPTION_PALETTE[index % OPTION_PALETTE.length] as string;
}
