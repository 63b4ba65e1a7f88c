/**
 * The dropdown options editor shared by the Setup and Adopt panels: a collapsible list of options,
 * each with a color input (recolor), its label (rename; shown on its color), move up (reorder), merge
 * into the option above (its label and variants become variants there), its variants (each one a
 * button that splits it off as an option of its own), for stages the won/lost marks, and a remove
 * button, plus "Add option". The operations are src/core/options/edit.ts.
 * Every label comes from a cell or the user: set as a value or text, never as markup.
 */
import { paletteColor } from '../core/colors';
import { inParens } from '../core/i18n';
import type { Option } from '../core/schema';
import { h } from './dom';
import { markOutcome, mergeOptions, moveOption, splitVariant } from '../core/options/edit';
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
  /** For stages: the labels of the won and lost outcomes now. */
  outcomes?(): { won: string | null; lost: string | null };
  /** For stages: an option was marked won or lost (the table's stages follow). */
  marked?(label: string, outcome: 'won' | 'lost'): void;
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
      `${ctx.locale === 'zh-CN' ? '' : ' '}${inParens(ctx.locale, String(opts.length))} `,
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
          iconButton(t('sidebar.options.moveUp', { option: o.label }), '↑', 'cf-move-option', () => {
            const cur = p.current();
            const label = cur[j]?.label;
            if (label !== undefined) p.set(moveOption(cur, label, j - 1) as Option[], true);
          }, j === 0),
          iconButton(t('sidebar.options.mergeUp', { option: o.label, into: opts[j - 1]?.label ?? '' }), '⤒', 'cf-merge-option', () => {
            const cur = p.current();
            const from = cur[j]?.label;
            const into = cur[j - 1]?.label;
            if (from === undefined || into === undefined) return;
            const oc = p.outcomes?.();
            p.set(mergeOptions(cur, into, from) as Option[], true);
            // A merged-away outcome moves to the option it now is a variant of.
            if (oc && p.marked && (oc.won === from || oc.lost === from)) p.marked(into, oc.won === from ? 'won' : 'lost');
          }, j === 0),
          p.isStage && p.marked ? outcomeButtons(o, j, p, t) : null,
          iconButton(
            t('sidebar.setup.removeOption', { option: o.label }),
            '✕',
            'cf-remove-option',
            () => p.set(p.current().filter((_, k) => k !== j), true),
            p.keepOne && opts.length <= 1,
          ),
          (o.variants ?? []).length > 0
            ? h('div', { class: 'cf-variants secondary' }, t('sidebar.options.variants'), ' ', (o.variants ?? []).map((variant) =>
              h('button', {
                type: 'button',
                class: 'cf-variant',
                title: t('sidebar.options.split', { variant }),
                'aria-label': t('sidebar.options.split', { variant }),
                onclick: () => p.set(splitVariant(p.current(), o.label, variant, paletteColor(p.current().length)) as Option[], true),
              }, variant)))
            : null,
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

/** The won and lost marks of a stage option: pressed when it is that outcome. */
function outcomeButtons(o: Option, j: number, p: OptionsEditorProps, t: PanelContext['t']): HTMLElement {
  const oc = p.outcomes?.() ?? { won: null, lost: null };
  const mark = (outcome: 'won' | 'lost') => h('button', {
    type: 'button',
    class: `cf-icon cf-mark-${outcome}`,
    'aria-pressed': oc[outcome] === o.label ? 'true' : 'false',
    title: t(outcome === 'won' ? 'sidebar.options.markWon' : 'sidebar.options.markLost', { option: o.label }),
    'aria-label': t(outcome === 'won' ? 'sidebar.options.markWon' : 'sidebar.options.markLost', { option: o.label }),
    onclick: () => {
      const cur = p.current();
      const label = cur[j]?.label ?? o.label;
      p.marked?.(label, outcome);
      p.set(markOutcome(cur, label, outcome) as Option[], true);
    },
  }, outcome === 'won' ? '🏆' : '⨯');
  return h('span', { class: 'cf-outcomes' }, mark('won'), mark('lost'));
}
