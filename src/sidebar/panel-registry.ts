/**
 * The panel registry: each feature adds its panel here (one module under ./panels, imported from
 * ./panels/index.ts) without touching the shell. The shell shows one tab per group of panels (the
 * task the user is on: the table itself, the clients, cleaning the data, the funnel, help) and, under
 * it, one tab per panel of the current group, in `order`: eleven panels in one row would wrap to three
 * rows in the 300 px sidebar.
 */
import type { Locale, MessageKey, Params } from '../core/i18n';
import type { CallFn } from './bridge';

export interface PanelContext {
  readonly locale: Locale;
  t(key: MessageKey, params?: Params): string;
  /** A message by a run-time key, or undefined when the catalog has none. */
  maybe(key: string, params?: Params): string | undefined;
  /** The typed bridge (errors are CallError; prefer `busy` for user actions). */
  call: CallFn;
  /**
   * Runs a user action: disables the panel's controls and shows progress while it runs, shows a
   * translated error in the page if it fails (and resolves to undefined then).
   */
  busy<T>(task: () => Promise<T>): Promise<T | undefined>;
  /** Shows a translated message for any error (CallError or other). */
  showError(error: unknown): void;
  /** Shows a short confirmation (text only). */
  showNotice(text: string): void;
  clearMessages(): void;
}

/** The groups of panels, in the order the shell shows them. */
export const PANEL_GROUPS = [
  { id: 'table', titleKey: 'sidebar.group.table' },
  { id: 'clients', titleKey: 'sidebar.group.clients' },
  { id: 'quality', titleKey: 'sidebar.group.quality' },
  { id: 'funnel', titleKey: 'sidebar.group.funnel' },
  { id: 'help', titleKey: 'sidebar.group.help' },
] as const satisfies readonly { id: string; titleKey: MessageKey }[];

export type PanelGroup = (typeof PANEL_GROUPS)[number]['id'];

export interface Panel {
  /** Stable id (used in the DOM as data-panel). */
  id: string;
  titleKey: MessageKey;
  /** The group whose tab shows this panel's tab. */
  group: PanelGroup;
  /** Tab order within the group, ascending. */
  order: number;
  /** Builds the panel into `container` (empty). May return a cleanup function. */
  render(container: HTMLElement, ctx: PanelContext): void | (() => void);
}

/** An error whose message is already translated for the user (shown as is). */
export class UserMessage extends Error {}

const registry: Panel[] = [];

export function registerPanel(panel: Panel): void {
  if (registry.some((p) => p.id === panel.id)) throw new Error(`panel ${panel.id} is registered twice`);
  registry.push(panel);
  registry.sort((a, b) => a.order - b.order || a.id.localeCompare(b.id));
}

export function listPanels(): readonly Panel[] {
  return registry;
}
