/**
 * The Help page's content, pure: built from the menu that exists in this build (labels and function
 * names), the action texts (./actions.ts), the colors the add-on paints (src/core/setup/rules.ts) and
 * the version. The add-on sends it to the sidebar (getHelp) and shows it as text in the menu's Help.
 */
import { t, type Locale, type MessageKey } from '../i18n';
import { RULE_COLORS } from '../setup/rules';
import { BACKUP_KEEP } from '../backup';
import { ACTION_HELP } from './actions';
import { VERSION } from './version';

export interface HelpMenuItem {
  fn: string;
  label: MessageKey;
}

export interface HelpContent {
  about: string;
  version: string;
  actions: Array<{ fn: string; label: string; text: string }>;
  colors: Array<{ background: string; fontColor?: string; text: string }>;
  sections: Array<{ id: string; title: string; text: string }>;
}

/** The colors of the add-on's own rules, each with what it means. */
const COLOR_KEYS: ReadonlyArray<{ format: { background?: string; fontColor?: string }; key: MessageKey }> = [
  { format: RULE_COLORS.invalid, key: 'help.color.invalid' },
  { format: RULE_COLORS.required, key: 'help.color.required' },
  { format: RULE_COLORS.overdue, key: 'help.color.overdue' },
  { format: RULE_COLORS.stale, key: 'help.color.stale' },
  { format: { background: '#d9ead3' }, key: 'help.color.won' },
  { format: { background: '#e0e0e0', fontColor: '#666666' }, key: 'help.color.lost' },
];

/**
 * A section whose text depends on an action of the build names it in `requires`, with the text to show
 * without it (`otherwise`): Help never describes a menu item the user cannot find.
 */
const SECTIONS: ReadonlyArray<{ id: string; title: MessageKey; text: MessageKey; requires?: string; otherwise?: MessageKey }> = [
  { id: 'options', title: 'help.options.title', text: 'help.options.text' },
  { id: 'undo', title: 'help.undo.title', text: 'help.undo.text', requires: 'menuUndo', otherwise: 'help.undo.backupsOnly' },
  { id: 'limits', title: 'help.limits.title', text: 'help.limits.text' },
  { id: 'data', title: 'help.data.title', text: 'help.data.text' },
  { id: 'report', title: 'help.report.title', text: 'help.report.text' },
];

export function aboutLine(locale: Locale, version: string = VERSION): string {
  return t(locale, 'help.about', { version });
}

/** Menu items without a help entry (a test keeps this empty). */
export function missingHelp(items: readonly HelpMenuItem[]): string[] {
  return items.filter((i) => ACTION_HELP[i.fn] === undefined).map((i) => i.fn);
}

export function helpContent(locale: Locale, items: readonly HelpMenuItem[], version: string = VERSION): HelpContent {
  return {
    about: aboutLine(locale, version),
    version,
    actions: items.flatMap((i) => {
      const key = ACTION_HELP[i.fn];
      return key ? [{ fn: i.fn, label: t(locale, i.label), text: t(locale, key, { keep: BACKUP_KEEP }) }] : [];
    }),
    colors: COLOR_KEYS.map((c) => ({
      background: c.format.background ?? '#ffffff',
      ...(c.format.fontColor ? { fontColor: c.format.fontColor } : {}),
      text: t(locale, c.key),
    })),
    sections: SECTIONS.map((s) => {
      const text = s.requires && s.otherwise && !items.some((i) => i.fn === s.requires) ? s.otherwise : s.text;
      return { id: s.id, title: t(locale, s.title), text: t(locale, text) };
    }),
  };
}

/** The same content as plain text, for the menu's Help alert (alerts show text only). */
export function helpText(locale: Locale, items: readonly HelpMenuItem[], version: string = VERSION): string {
  const c = helpContent(locale, items, version);
  const lines: string[] = [c.about, ''];
  for (const a of c.actions) lines.push(`• ${a.label.replace(/…$/, '')}: ${a.text}`);
  lines.push('', t(locale, 'help.colors.title'));
  for (const col of c.colors) lines.push(`• ${col.text}`);
  for (const s of c.sections) lines.push('', s.title, s.text);
  return lines.join('\n');
}
