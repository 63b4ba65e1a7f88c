/**
 * The dropdown options editor shared by the Setup and Adopt panels: a collapsible list of options,
 * each with a color input, its label (shown on its color) and a remove button, plus "Add option".
 * Every label comes from a cell or the user: set as a value or text, never as markup.
 */
import { paletteColor } from '../core/colors';
import type { Option } from '../core/schema';
import { h } from './dom';
import type { PanelContext } from './panel-registry';


const COLOR = /^#[0-9a-fA-F]{6}$/;
export function safeColor(c: string | undefined, i = 0): string {
  return c && COLOR.test(c) ? c.toLowerCase() : paletteColor(i);
}

export function iconButton(label: string, text: string, cls: string, onclick: () => void, disabled = false): HTMLButtonElement {
  return h('button', { type: 'button', class: `cf-icon ${cls}`, title: label, 'aria-label': label, disabled, onclick }, text);
}

export interface OptionsEditorProps {
  /** The options as rendered now. */
  options: readonly Option[];
  /** The options as they are at the time of an edit (several edits may land between redraws). */
  current(): readonly Option[];
  /** Stores a new list; `redraw` for structural changes (added or removed options). */
  set(next: Option[], redraw: boolean): void;
  /** Called when an option is renamed (stages keep their won/lost role under the new name). */
  renamed?(from: string, to: string): void;
  isStage: boolean;
  /** Identifies the list for focus keeping across redraws. */
  focusKey: string;
  open: boolean;
  toggled(open: boolean): void;
  /** Keep at least one option (a dropdown field needs one). */
  keepOne: boolean;
}

export function optionsEditor(p: OptionsEditorProps, ctx: PanelContext): HTMLElement {
  const { t } = ctx;
  const setOption = (j: number, change: Partial<Option>) => {
    const next = p.current().slice();
    const old = next[j];
    if (!old) return;
    next[j] = { ...old, ...change };
    p.set(next, false);
    if (change.label !== undefined && p.renamed) p.renamed(old.label, change.label);
  };
  const opts = p.options;
  return h(
    'details',
    { class: 'cf-options', open: p.open, ontoggle: (e: Event) => p.toggled((e.target as HTMLDetailsElement).open) },
    h(
      'summary',
      { class: 'secondary cf-options-title' },
      t(p.isStage ? 'sidebar.setup.stages' : 'sidebar.setup.options'),
      ` (${opts.length}) `,
      h('span', { class: 'cf-chips', 'aria-hidden': 'true' }, opts.slice(0, 12).map((o, j) => h('span', { class: 'cf-chip', style: `background-color:${safeColor(o.color, j)}` }))),
    ),
    h(
      'ul',
      null,
      opts.map((o, j) =>
        h(
          'li',
          { class: 'cf-option cf-row' },
          h('input', {
            type: 'color',
            class: 'cf-color',
            value: safeColor(o.color, j),
            'aria-label': t('sidebar.setup.optionColor', { option: o.label }),
            oninput: (e: Event) => {
              const input = e.target as HTMLInputElement;
              const color = safeColor(input.value, j);
              setOption(j, { color });
              const label = input.nextElementSibling as HTMLElement | null;
              if (label) label.style.backgroundColor = color;
              const chip = input.closest('details')?.querySelectorAll<HTMLElement>('.cf-chip')[j];
              if (chip) chip.style.backgroundColor = color;
            },
          }),
          h('input', {
            type: 'text',
            class: 'cf-option-label',
            value: o.label,
            maxlength: 100,
            style: `background-color:${safeColor(o.color, j)}`,
            'data-focus-key': `option:${p.focusKey}:${j}`,
            'aria-label': t('sidebar.setup.optionLabel'),
            oninput: (e: Event) => setOption(j, { label: (e.target as HTMLInputElement).value }),
          }),
          iconButton(
            t('sidebar.setup.removeOption', { option: o.label }),
            '✕',
            'cf-remove-option',
            () => p.set(p.current().filter((_, k) => k !== j), true),
            p.keepOne && opts.length <= 1,
          ),
        ),
      ),
    ),
    h(
      'button',
      {
        type: 'button',
        class: 'cf-add-option',
        onclick: () => {
          const list = p.current();
          const labels = new Set(list.map((o) => o.label.toLowerCase()));
          let n = list.length + 1;
          while (labels.has(t('sidebar.setup.newOption', { n }).toLowerCase())) n += 1;
          p.toggled(true);
          p.set([...list, { label: t('sidebar.setup.newOption', { n }), color: paletteColor(list.length) }], true);
        },
      },
      `+ ${t('sidebar.setup.addOption')}`,
    ),
  );
}
