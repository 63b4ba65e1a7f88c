/**
 * The Setup panel: choose a template, edit the field list (header, type, required,
 * dropdown options and their colors), reorder, add and remove fields, and apply. Removing a field
 * only stops ClientFlow from managing that column: its cells and data stay in the sheet.
 * Everything shown that came from the sheet (headers, options) is set as text, never as markup.
 */
import { joinList } from '../../core/i18n';
import type { Endpoints } from '../../core/api';
import type { ResultOf } from '../../core/api/endpoint';
import { tableSchema, type Field, type TableSchema } from '../../core/schema';
import { h, replaceChildren, uid } from '../dom';
import { paletteColor } from '../../core/colors';
import { iconButton, optionsEditor } from '../options-editor';
import { registerPanel, UserMessage, type PanelContext } from '../panel-registry';

type SetupState = ResultOf<Endpoints['getSetupState']>;
type Summary = ResultOf<Endpoints['applySetup']>;
type TemplateId = SetupState['templates'][number]['id'];
type Locale = SetupState['locale'];

/** A key for a new field: letters, digits and _, unique in the schema. */
export function newFieldKey(fields: readonly Pick<Field, 'key'>[]): string {
  const used = new Set(fields.map((f) => f.key));
  for (let n = 1; ; n += 1) {
    const key = `custom${n}`;
    if (!used.has(key)) return key;
  }
}

/** Moves the item at `from` by `delta` places (clamped); returns a new array. */
export function move<T>(items: readonly T[], from: number, delta: number): T[] {
  const to = Math.max(0, Math.min(items.length - 1, from + delta));
  const out = items.slice();
  const [it] = out.splice(from, 1);
  out.splice(to, 0, it);
  return out;
}

/**
 * Keeps the schema's cross-field facts true after an edit: options only on dropdowns, the stage
 * terminals pointing at existing stage options (or no stages when there is no stage dropdown).
 */
export function reconcile(schema: TableSchema): TableSchema {
  const fields = schema.fields.map((f) => (f.type === 'dropdown' ? { ...f, options: f.options ?? [] } : { ...f, options: undefined }));
  let stages = schema.stages;
  const stage = fields.find((f) => f.role === 'stage');
  if (!stage || stage.type !== 'dropdown' || !stage.options || stage.options.length < 2) stages = null;
  else if (stages) {
    const labels = stage.options.map((o) => o.label);
    if (!labels.includes(stages.won) || !labels.includes(stages.lost)) stages = null;
  }
  return { ...schema, fields, stages };
}

/** The translated reason the draft cannot be applied, with the index of the field at fault. */
export function draftProblem(schema: TableSchema, ctx: Pick<PanelContext, 't' | 'maybe'>): { message: string; field?: number } | null {
  const r = tableSchema.safeParse(schema);
  if (r.success) return null;
  const issue = r.error.issues[0];
  const path = issue?.path ?? [];
  const field = path[0] === 'fields' && typeof path[1] === 'number' ? path[1] : undefined;
  const header = field !== undefined ? schema.fields[field]?.header ?? '' : '';
  let code = issue?.code === 'custom' ? issue.message : issue?.code ?? 'invalid';
  if (code === 'too_small' && path.includes('options')) code = 'emptyOption';
  else if (code === 'too_small' && path[0] === 'fields' && path.length === 1) code = 'noFields';
  else if (code === 'too_small' || (path.includes('header') && !['duplicateHeader', 'invisibleHeader', 'bidiHeader'].includes(code))) code = 'emptyHeader';
  const message =
    ctx.maybe(`sidebar.setup.problem.${code}`, { field: header }) ??
    ctx.t('sidebar.setup.problem.other', { field: header, code });
  return { message, field };
}

interface View {
  state: SetupState;
  draft: TableSchema | null;
  removed: string[];
  template: TemplateId;
  tableLocale: Locale;
  newSheet: boolean;
  summary: Summary | null;
  invalidField: number | undefined;
  /** The user changed the draft since it was loaded (a template change then needs the button). */
  dirty: boolean;
  /** Fields whose option list is expanded. */
  openOptions: Set<string>;
}

function render(container: HTMLElement, ctx: PanelContext): void {
  const { t } = ctx;
  let view: View | null = null;

  const load = async () => {
    const state = await ctx.busy(() => ctx.call('getSetupState'));
    if (!state) {
      replaceChildren(
        container,
        h('div', { class: 'block' }, h('button', { type: 'button', onclick: () => void load() }, t('sidebar.retry'))),
      );
      return;
    }
    view = {
      state,
      draft: state.schema,
      removed: [],
      template: (state.schema?.template as TemplateId | null) ?? state.templates[0]?.id ?? 'b2b',
      tableLocale: state.schema?.locale ?? state.locale,
      newSheet: false,
      summary: view?.summary ?? null,
      invalidField: undefined,
      dirty: false,
      openOptions: view?.openOptions ?? new Set<string>(),
    };
    if (!view.draft && !state.configProblem) await loadTemplate();
    draw();
  };

  const loadTemplate = async () => {
    if (!view) return;
    const v = view;
    const schema = await ctx.busy(() => ctx.call('previewTemplate', v.template, v.tableLocale));
    if (!schema) return;
    // A template replaces the field list; the table keeps its place (set up again in place).
    v.draft = { ...schema, location: v.state.schema?.location ?? null };
    v.removed = [];
    v.invalidField = undefined;
    v.dirty = false;
  };

  /** Template or language changed: an untouched draft follows at once; edits wait for the button. */
  const templateChanged = async () => {
    if (!view || view.dirty || view.state.schema) return draw();
    await loadTemplate();
    draw();
  };

  const repair = async (remedy: 'repair' | 'reset') => {
    const r = await ctx.busy(() => ctx.call('repairConfig', remedy));
    if (!r) return;
    await load();
    ctx.showNotice(r.message);
  };

  const apply = async () => {
    if (!view?.draft) return;
    const v = view;
    const draft = reconcile(v.draft as TableSchema);
    v.draft = draft;
    const problem = draftProblem(draft, ctx);
    if (problem) {
      v.invalidField = problem.field;
      draw();
      ctx.showError(new UserMessage(problem.message));
      setTimeout(() => container.querySelector('.cf-invalid')?.scrollIntoView({ block: 'nearest' }), 0);
      return;
    }
    v.invalidField = undefined;
    const summary = await ctx.busy(() => ctx.call('applySetup', draft, { target: v.newSheet ? 'new' : 'auto' }));
    if (!summary) return;
    v.summary = summary;
    await load();
    ctx.showNotice(summary.message);
  };

  const draw = () => {
    if (!view) return;
    const v = view;
    const focusKey = (document.activeElement as HTMLElement | null)?.dataset?.focusKey;
    const parts: HTMLElement[] = [];

    if (v.state.configProblem) {
      const p = v.state.configProblem;
      parts.push(
        h(
          'div',
          { class: 'block cf-problem' },
          h('div', { class: 'error' }, p.message),
          h(
            'div',
            { class: 'cf-row' },
            p.remedies.map((r) =>
              h('button', { type: 'button', class: r === 'repair' ? 'action' : '', onclick: () => void repair(r) }, t(r === 'repair' ? 'sidebar.setup.repair' : 'sidebar.setup.reset')),
            ),
          ),
        ),
      );
    }

    // Template choice
    const tplId = uid('tpl');
    const langId = uid('lang');
    const tpl = v.state.templates.find((x) => x.id === v.template);
    parts.push(
      h(
        'div',
        { class: 'block cf-template' },
        h(
          'div',
          { class: 'form-group' },
          h('label', { for: tplId }, t('sidebar.setup.template')),
          h(
            'select',
            {
              id: tplId,
              class: 'cf-template-select',
              onchange: (e: Event) => {
                v.template = (e.target as HTMLSelectElement).value as TemplateId;
                void templateChanged();
              },
            },
            v.state.templates.map((x) => h('option', { value: x.id, selected: x.id === v.template }, x.name)),
          ),
          tpl ? h('div', { class: 'gray cf-hint' }, tpl.description) : null,
          // On a table, choosing a template changes nothing by itself: say so, and what the button does.
          tpl && v.state.schema && v.draft && (v.draft.template ?? null) !== v.template
            ? h('div', { class: 'cf-hint cf-template-pending' }, t('sidebar.setup.templatePending', { template: tpl.name }))
            : null,
        ),
        h(
          'div',
          { class: 'form-group cf-inline' },
          h('label', { for: langId }, t('sidebar.setup.tableLanguage')),
          h(
            'select',
            {
              id: langId,
              class: 'cf-lang-select',
              onchange: (e: Event) => {
                v.tableLocale = (e.target as HTMLSelectElement).value as Locale;
                void templateChanged();
              },
            },
            h('option', { value: 'en', selected: v.tableLocale === 'en' }, 'English'),
            h('option', { value: 'zh-CN', selected: v.tableLocale === 'zh-CN' }, '简体中文'),
          ),
          h(
            'button',
            {
              type: 'button',
              class: 'cf-load-template',
              onclick: async () => {
                await loadTemplate();
                draw();
              },
            },
            t(v.draft ? 'sidebar.setup.replaceWithTemplate' : 'sidebar.setup.useTemplate'),
          ),
        ),
      ),
    );

    if (v.draft) {
      const draft = v.draft;
      const fields = draft.fields;
      const setFields = (change: (fields: Field[]) => Field[]) => {
        const cur = v.draft ?? draft;
        v.draft = reconcile({ ...cur, fields: change(cur.fields.slice()) });
        v.dirty = true;
        draw();
      };
      const where = draft.location
        ? t('sidebar.setup.onSheet', { sheet: draft.location.sheetName, count: fields.length })
        : t('sidebar.setup.notYet', { count: fields.length });
      parts.push(
        h(
          'div',
          { class: 'block' },
          h('div', { class: 'cf-section' }, h('b', null, t('sidebar.setup.fields')), ' ', h('span', { class: 'secondary cf-where' }, where)),
          draft.location ? h('p', { class: 'secondary cf-order-hint' }, t('sidebar.setup.orderHint')) : null,
          h(
            'ol',
            { class: 'cf-fields' },
            fields.map((f, i) => fieldCard(f, i, fields.length, editorFor(v, i, draw), setFields, v, ctx)),
          ),
          h(
            'button',
            {
              type: 'button',
              class: 'cf-add-field',
              onclick: () => {
                const now = v.draft?.fields ?? fields;
                const key = newFieldKey(now);
                let n = now.length + 1;
                const headers = new Set(now.map((f) => f.header.trim().toLowerCase()));
                while (headers.has(t('sidebar.setup.newField', { n }).toLowerCase())) n += 1;
                const header = t('sidebar.setup.newField', { n });
                const field: Field = { key, header, label: { en: header, 'zh-CN': header }, role: null, type: 'text', required: false, onInvalid: 'warn' };
                setFields((fs) => [...fs, field]);
                const input = container.querySelector<HTMLInputElement>(`input[data-focus-key="header:${key}"]`);
                if (input) {
                  input.focus();
                  input.select();
                }
              },
            },
            `+ ${t('sidebar.setup.addField')}`,
          ),
          h('p', { class: 'secondary cf-keep-note' }, t('sidebar.setup.removeKeepsData')),
          v.removed.length > 0
            ? h('p', { class: 'cf-removed' }, t('sidebar.setup.removedList', { headers: joinList(ctx.locale, v.removed) }))
            : null,
        ),
      );

      parts.push(staleBlock(draft, () => (v.draft ?? draft).rules, (rules) => {
        v.draft = { ...(v.draft ?? draft), rules };
        v.dirty = true;
      }, t));

      const newId = uid('new');
      parts.push(
        h(
          'div',
          { class: 'block cf-apply' },
          h(
            'div',
            { class: 'cf-check' },
            h('input', {
              type: 'checkbox',
              id: newId,
              class: 'cf-new-sheet',
              checked: v.newSheet,
              onchange: (e: Event) => {
                v.newSheet = (e.target as HTMLInputElement).checked;
              },
            }),
            h('label', { for: newId }, t('sidebar.setup.newSheet')),
          ),
          h('button', { type: 'button', class: 'action cf-apply-button', onclick: () => void apply() }, t('sidebar.setup.apply')),
        ),
      );
    }

    if (v.summary) {
      const s = v.summary;
      parts.push(
        h(
          'div',
          { class: 'block cf-summary' },
          h('b', null, t('sidebar.setup.summaryTitle')),
          h('p', { class: 'cf-summary-message' }, s.message),
          h(
            'ul',
            { class: 'secondary' },
            h('li', null, t('sidebar.setup.summary.sheet', { sheet: s.sheetName })),
            h('li', null, t('sidebar.setup.summary.columns', { count: s.columns })),
            h('li', null, t('sidebar.setup.summary.validations', { count: s.validations })),
            h('li', null, t('sidebar.setup.summary.rules', { count: s.rules, kept: s.keptRules })),
          ),
        ),
      );
    }

    replaceChildren(container, parts);
    if (focusKey) container.querySelector<HTMLElement>(`[data-focus-key="${CSS.escape(focusKey)}"]`)?.focus();
  };

  void load();
}

/**
 * Edits of one field always read the field from the current draft (never a copy captured at render
 * time), so that several edits between redraws all land.
 */
interface FieldEditor {
  get(): Field;
  /** Replaces the field; `redraw` for structural changes (type, options added or removed). */
  put(next: Field, redraw: boolean): void;
}

/**
 * When a client counts as stale (no contact in so many days): the table's days, and per stage where
 * it says so (an empty box: the table's days). Used by the stale color rule and the follow-ups list.
 */
export function staleBlock(draft: TableSchema, rulesNow: () => TableSchema['rules'], setRules: (rules: TableSchema['rules']) => void, t: PanelContext['t']): HTMLElement {
  const stage = draft.fields.find((f) => f.role === 'stage');
  const lost = draft.stages?.lost;
  const won = draft.stages?.won;
  const days = (value: string): number | null => {
    const n = Number(value.trim());
    return value.trim() !== '' && Number.isInteger(n) && n >= 1 && n <= 3650 ? n : null;
  };
  const byStage = (): Record<string, number> => ({ ...(rulesNow().staleDaysByStage ?? {}) });
  const defaultId = uid('stale');
  return h(
    'div',
    { class: 'block cf-stale' },
    h('div', { class: 'cf-section' }, h('b', null, t('sidebar.setup.staleTitle'))),
    h(
      'div',
      { class: 'cf-stale-default' },
      h('label', { for: defaultId }, t('sidebar.setup.staleDays')),
      ' ',
      h('input', {
        type: 'number', id: defaultId, min: '1', max: '3650', class: 'cf-stale-days', value: String(draft.rules.staleDays),
        onchange: (e: Event) => {
          const n = days((e.target as HTMLInputElement).value);
          if (n !== null) setRules({ ...rulesNow(), staleDays: n });
        },
      }),
    ),
    stage && (stage.options ?? []).length > 0
      ? h(
          'div',
          { class: 'cf-stale-stages' },
          h('p', { class: 'secondary' }, t('sidebar.setup.staleByStage')),
          (stage.options ?? []).filter((o) => o.label !== won && o.label !== lost).map((o) => {
            const id = uid('stale');
            return h(
              'div',
              { class: 'cf-stale-stage' },
              h('label', { for: id }, o.label),
              ' ',
              h('input', {
                type: 'number', id, min: '1', max: '3650', class: 'cf-stale-stage-days', 'data-stage': o.label,
                placeholder: String(draft.rules.staleDays),
                value: draft.rules.staleDaysByStage?.[o.label] !== undefined ? String(draft.rules.staleDaysByStage[o.label]) : '',
                onchange: (e: Event) => {
                  const raw = (e.target as HTMLInputElement).value;
                  const n = days(raw);
                  const next = byStage();
                  if (n === null) delete next[o.label];
                  else next[o.label] = n;
                  const rules = { ...rulesNow() };
                  if (Object.keys(next).length > 0) rules.staleDaysByStage = next;
                  else delete rules.staleDaysByStage;
                  setRules(rules);
                },
              }),
            );
          }),
        )
      : null,
  );
}

function editorFor(v: View, i: number, redraw: () => void): FieldEditor {
  return {
    get() {
      const f = v.draft?.fields[i];
      if (!f) throw new Error(`field ${i} is gone`);
      return f;
    },
    put(next, again) {
      if (!v.draft) return;
      const fields = v.draft.fields.slice();
      fields[i] = next;
      v.draft = { ...v.draft, fields };
      v.dirty = true;
      if (again) {
        v.draft = reconcile(v.draft);
        redraw();
      }
    },
  };
}

function fieldCard(f: Field, i: number, count: number, ed: FieldEditor, setFields: (change: (fields: Field[]) => Field[]) => void, v: View, ctx: PanelContext): HTMLLIElement {
  const { t } = ctx;
  const typeId = uid('type');
  const reqId = uid('req');
  const isAuto = ['autoId', 'created', 'updated', 'stageSince'].includes(f.type);
  const tableLocale = v.draft?.locale ?? ctx.locale;

  const header = h('input', {
    type: 'text',
    class: 'cf-header-input',
    value: f.header,
    maxlength: 200,
    'data-focus-key': `header:${f.key}`,
    'aria-label': t('sidebar.setup.header'),
    oninput: (e: Event) => {
      const text = (e.target as HTMLInputElement).value;
      const cur = ed.get();
      // The header is the field's name in the table's language.
      const label = text.trim() ? { ...cur.label, [tableLocale]: text.trim() } : cur.label;
      ed.put({ ...cur, header: text, label }, false);
    },
  });

  const typeSelect = h(
    'select',
    {
      id: typeId,
      class: 'cf-type-select',
      onchange: (e: Event) => {
        const type = (e.target as HTMLSelectElement).value as Field['type'];
        const cur = ed.get();
        const options =
          type === 'dropdown'
            ? cur.options && cur.options.length > 0
              ? cur.options
              : [{ label: t('sidebar.setup.newOption', { n: 1 }), color: paletteColor(0) }]
            : undefined;
        const required = AUTO.includes(type) ? false : cur.required;
        if (type === 'dropdown') v.openOptions.add(cur.key);
        ed.put({ ...cur, type, options, required }, true);
      },
    },
    v.state.fieldTypes.map((ft) => h('option', { value: ft.id, selected: ft.id === f.type }, ft.name)),
  );

  return h(
    'li',
    { class: `cf-field${v.invalidField === i ? ' cf-invalid' : ''}`, 'data-key': f.key },
    h(
      'div',
      { class: 'cf-row' },
      header,
      iconButton(t('sidebar.setup.moveUp'), '↑', 'cf-up', () => setFields((fs) => move(fs, i, -1)), i === 0),
      iconButton(t('sidebar.setup.moveDown'), '↓', 'cf-down', () => setFields((fs) => move(fs, i, 1)), i === count - 1),
      iconButton(
        t('sidebar.setup.removeField', { field: f.header }),
        '✕',
        'cf-remove',
        () => {
          const cur = ed.get();
          if (cur.header.trim()) v.removed = [...v.removed, cur.header.trim()];
          setFields((fs) => fs.filter((_, j) => j !== i));
        },
        count <= 1,
      ),
    ),
    h(
      'div',
      { class: 'cf-row cf-meta' },
      h('label', { for: typeId, class: 'cf-sr' }, t('sidebar.setup.type')),
      typeSelect,
      h(
        'span',
        { class: 'cf-check' },
        h('input', {
          type: 'checkbox',
          id: reqId,
          class: 'cf-required',
          checked: f.required,
          disabled: isAuto,
          onchange: (e: Event) => ed.put({ ...ed.get(), required: (e.target as HTMLInputElement).checked }, false),
        }),
        h('label', { for: reqId }, t('sidebar.setup.required')),
      ),
    ),
    f.type === 'dropdown' ? optionList(f, ed, v, ctx) : null,
  );
}

const AUTO: readonly string[] = ['autoId', 'created', 'updated', 'stageSince'];

function optionList(f: Field, ed: FieldEditor, v: View, ctx: PanelContext): HTMLElement {
  return optionsEditor(
    {
      options: f.options ?? [],
      current: () => ed.get().options ?? [],
      set: (options, redraw) => ed.put({ ...ed.get(), options }, redraw),
      // Renaming a stage keeps it the won/lost terminal it was.
      renamed: (from, to) => {
        const s = f.role === 'stage' ? v.draft?.stages : undefined;
        if (v.draft && s && (s.won === from || s.lost === from)) {
          v.draft = { ...v.draft, stages: { won: s.won === from ? to : s.won, lost: s.lost === from ? to : s.lost } };
        }
      },
      outcomes: () => ({ won: v.draft?.stages?.won ?? null, lost: v.draft?.stages?.lost ?? null }),
      marked: (label, outcome) => {
        const s = v.draft?.stages;
        const other = outcome === 'won' ? s?.lost : s?.won;
        if (!s || other === label) return;
        const next = { won: outcome === 'won' ? label : s.won, lost: outcome === 'lost' ? label : s.lost };
        if (v.draft) v.draft = { ...v.draft, stages: next };
      },
      isStage: f.role === 'stage',
      focusKey: f.key,
      open: v.openOptions.has(f.key),
      toggled: (open) => (open ? v.openOptions.add(f.key) : v.openOptions.delete(f.key)),
      keepOne: true,
    },
    ctx,
  );
}

registerPanel({ id: 'setup', titleKey: 'sidebar.setup.title', group: 'table', order: 10, render });
