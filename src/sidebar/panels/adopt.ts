/**
 * The Adopt panel: reads the active sheet's inferred mapping (previewAdopt), lets the user change each
 * column's meaning (or leave it alone),
 * type, required flag and dropdown options with their colors, re-checks how the values fit, and
 * applies exactly that mapping (applyAdopt, the same apply as menuAdopt), then shows the report.
 *
 * Everything that came from the sheet (headers, values, options) is set as text, never as markup.
 */
import {
  mappingOfPreview,
  type AdoptMapping, type AdoptMappingColumn, type AdoptPreview, type AdoptPreviewColumn, type AdoptReport,
} from '../../core/api/adopt';
import { checkMapping, mappingProblemText, type MappingProblem } from '../../core/adopt/check-mapping';
import { USER_TYPES } from '../../core/fields/types';
import { userTypeOfRole } from '../../core/infer/infer';
import { ROLES, type Role } from '../../core/roles';
import { h, replaceChildren, uid } from '../dom';
import { optionsEditor } from '../options-editor';
import { registerPanel, UserMessage, type PanelContext } from '../panel-registry';

const LEAVE = '';
const OWN = '_own';

interface View {
  preview: AdoptPreview;
  mapping: AdoptMapping;
  /** Columns edited since the preview was computed (their fit is out of date). */
  changed: Set<number>;
  /** Column with a problem, highlighted. */
  invalid: number | undefined;
  /** Columns whose options are expanded. */
  open: Set<number>;
  report: AdoptReport | null;
}

/** Problems a re-check can live with: the add-on suggests options for a new dropdown itself. */
function blocksRecheck(p: MappingProblem | null): p is MappingProblem {
  return p !== null && p.key !== 'adopt.mapping.noOptions' && p.key !== 'adopt.mapping.nothing';
}

function render(container: HTMLElement, ctx: PanelContext): void {
  const { t } = ctx;
  let view: View | null = null;
  const results = h('div', { class: 'cf-adopt-body' });
  const readButton = h('button', { type: 'button', class: 'cf-adopt-read', onclick: () => void read() }, t('adopt.sidebar.read'));

  const problemMessage = (p: MappingProblem) => mappingProblemText(p, (key, params) => t(key, params));

  const show = (preview: AdoptPreview, report: AdoptReport | null) => {
    view = {
      preview,
      mapping: mappingOfPreview(preview),
      changed: new Set(),
      invalid: undefined,
      open: view?.open ?? new Set(preview.columns.filter((c) => c.adopt && c.type === 'dropdown' && (c.options?.length ?? 0) === 0).map((c) => c.column)),
      report,
    };
    readButton.textContent = t('adopt.sidebar.reread');
    draw();
  };

  const read = async () => {
    const preview = await ctx.busy(() => ctx.call('previewAdopt'));
    if (preview) show(preview, null);
  };

  const refuse = (p: MappingProblem) => {
    if (!view) return;
    view.invalid = p.column;
    draw();
    ctx.showError(new UserMessage(problemMessage(p)));
    setTimeout(() => container.querySelector('.cf-invalid')?.scrollIntoView({ block: 'nearest' }), 0);
  };

  const recheck = async () => {
    if (!view) return;
    const v = view;
    const problem = checkMapping(v.mapping);
    if (blocksRecheck(problem)) return refuse(problem);
    const mapping = v.mapping;
    const preview = await ctx.busy(() => ctx.call('previewAdopt', mapping));
    if (!preview) return;
    show(preview, v.report);
  };

  const apply = async () => {
    if (!view) return;
    const v = view;
    const problem = checkMapping(v.mapping);
    if (problem) return refuse(problem);
    v.invalid = undefined;
    const mapping = v.mapping;
    const report = await ctx.busy(() => ctx.call('applyAdopt', mapping));
    if (!report) return;
    // Read the adopted sheet again: its columns now show as known.
    const preview = await ctx.busy(() => ctx.call('previewAdopt'));
    if (preview) show(preview, report);
    else if (view) {
      view.report = report;
      draw();
    }
    ctx.showNotice(report.message.split('\n')[0] ?? '');
  };

  /** Replaces one column of the mapping; `redraw` for structural changes. */
  const put = (column: number, change: Partial<AdoptMappingColumn>, redraw: boolean) => {
    if (!view) return;
    const v = view;
    v.mapping = { ...v.mapping, columns: v.mapping.columns.map((c) => (c.column === column ? { ...c, ...change } : c)) };
    v.changed.add(column);
    if (v.invalid === column) v.invalid = undefined;
    if (redraw) draw();
  };

  const draw = () => {
    if (!view) return;
    const v = view;
    const focusKey = (document.activeElement as HTMLElement | null)?.dataset?.focusKey;
    const p = v.preview;
    const adopted = v.mapping.columns.filter((c) => c.adopt).length;
    replaceChildren(
      results,
      h(
        'div',
        { class: 'block' },
        h('p', { class: 'cf-adopt-where' }, t('adopt.sidebar.where', { sheet: p.sheetName, row: p.headerRow, rows: p.dataRows })),
        p.adoptedBefore ? h('p', { class: 'secondary cf-adopt-before' }, t('adopt.sidebar.before')) : null,
        h('ol', { class: 'cf-fields cf-adopt-columns' }, p.columns.map((pc) => {
          const mc = v.mapping.columns.find((c) => c.column === pc.column);
          return mc ? columnCard(pc, mc, v, ctx, put, recheck) : null;
        })),
      ),
      h(
        'div',
        { class: 'block cf-apply cf-adopt-apply' },
        h('span', { class: 'secondary cf-adopt-count' }, t('adopt.sidebar.count', { count: adopted, total: p.columns.length })),
        h(
          'div',
          { class: 'cf-row' },
          h('button', { type: 'button', class: 'action cf-adopt-button', onclick: () => void apply() }, t('adopt.sidebar.apply')),
          h('button', { type: 'button', class: 'cf-adopt-recheck', disabled: v.changed.size === 0, onclick: () => void recheck() }, t('adopt.sidebar.recheck')),
        ),
      ),
      v.report ? reportBlock(v.report, ctx) : null,
    );
    if (focusKey) container.querySelector<HTMLElement>(`[data-focus-key="${CSS.escape(focusKey)}"]`)?.focus();
  };

  replaceChildren(
    container,
    h(
      'div',
      { class: 'block' },
      h('p', { class: 'secondary' }, t('adopt.sidebar.intro')),
      readButton,
    ),
    results,
  );
  void read();
}

function roleName(ctx: PanelContext, role: Role): string {
  return ctx.t(`adopt.role.${role}` as const);
}

function typeName(ctx: PanelContext, type: string): string {
  return ctx.maybe(`fields.type.${type}`) ?? type;
}

function fitLine(pc: AdoptPreviewColumn, ctx: PanelContext): HTMLElement {
  const { t } = ctx;
  const parts: Array<HTMLElement | string> = [];
  parts.push(pc.filled === 0 ? t('adopt.sidebar.empty') : t('adopt.sidebar.fit', { share: Math.floor(pc.fit * 100), filled: pc.filled }));
  if (pc.formulas > 0) parts.push(' · ', t('adopt.sidebar.formulas', { count: pc.formulas }));
  return h(
    'div',
    { class: `secondary cf-adopt-fit${pc.misfitCount > 0 ? ' cf-adopt-misfit' : ''}`, style: 'margin-top:4px;overflow-wrap:anywhere' },
    parts,
    pc.misfitCount > 0
      ? h(
          'div',
          { class: 'cf-adopt-misfits' },
          t('adopt.sidebar.misfits', { count: pc.misfitCount }),
          pc.misfits.map((m) => h('span', { class: 'cf-adopt-cell' }, ' ', h('b', { class: 'cf-a1' }, m.a1), ' “', h('span', { class: 'cf-adopt-value' }, m.value), '”')),
        )
      : null,
  );
}

function columnCard(
  pc: AdoptPreviewColumn,
  mc: AdoptMappingColumn,
  v: View,
  ctx: PanelContext,
  put: (column: number, change: Partial<AdoptMappingColumn>, redraw: boolean) => void,
  recheck: () => Promise<void>,
): HTMLLIElement {
  const { t } = ctx;
  const roleId = uid('role');
  const typeId = uid('type');
  const reqId = uid('req');
  const roleValue = mc.adopt ? (mc.role ?? OWN) : LEAVE;
  const types: string[] = [...USER_TYPES];
  if (!types.includes(mc.type)) types.push(mc.type); // an auto field kept from the set-up

  const roleSelect = h(
    'select',
    {
      id: roleId,
      class: 'cf-adopt-role',
      style: 'flex:1;min-width:0',
      disabled: !pc.adoptable,
      'data-focus-key': `role:${pc.column}`,
      onchange: (e: Event) => {
        const value = (e.target as HTMLSelectElement).value;
        if (value === LEAVE) return put(pc.column, { adopt: false }, true);
        if (value === OWN) return put(pc.column, { adopt: true, role: null }, true);
        const role = value as Role;
        const type = userTypeOfRole(role);
        // A meaning with a type of its own brings that type; a text meaning keeps what the content says.
        const nextType = type === 'text' && mc.type !== 'dropdown' ? mc.type : type;
        put(pc.column, { adopt: true, role, type: nextType }, true);
        if (nextType === 'dropdown' && !(mc.options?.length)) {
          v.open.add(pc.column);
          void recheck();
        }
      },
    },
    h('option', { value: LEAVE, selected: roleValue === LEAVE }, t('adopt.sidebar.leaveAlone')),
    h('option', { value: OWN, selected: roleValue === OWN }, t('adopt.sidebar.ownColumn')),
    ROLES.map((r) => h('option', { value: r, selected: roleValue === r }, roleName(ctx, r))),
  );

  const typeSelect = h(
    'select',
    {
      id: typeId,
      class: 'cf-type-select cf-adopt-type',
      disabled: !mc.adopt,
      'data-focus-key': `type:${pc.column}`,
      onchange: (e: Event) => {
        const type = (e.target as HTMLSelectElement).value;
        put(pc.column, { type }, true);
        if (type === 'dropdown' && !(mc.options?.length)) {
          v.open.add(pc.column);
          void recheck();
        }
      },
    },
    types.map((id) => h('option', { value: id, selected: id === mc.type }, typeName(ctx, id))),
  );

  return h(
    'li',
    { class: `cf-field cf-adopt-column${v.invalid === pc.column ? ' cf-invalid' : ''}${mc.adopt ? '' : ' cf-adopt-alone'}`, 'data-column': pc.letter },
    h(
      'div',
      { class: 'cf-adopt-title', style: 'margin-bottom:4px;overflow-wrap:anywhere' },
      h('b', { class: 'cf-a1' }, pc.letter),
      ' ',
      h('span', { class: 'cf-adopt-header' }, pc.header),
      pc.known ? h('span', { class: 'secondary cf-adopt-known' }, ` · ${t('adopt.sidebar.known')}`) : null,
    ),
    pc.note ? h('div', { class: 'secondary cf-adopt-note' }, pc.note) : null,
    h('label', { for: roleId, class: 'cf-sr' }, t('adopt.sidebar.role')),
    h('div', { class: 'cf-row' }, roleSelect),
    mc.adopt
      ? h(
          'div',
          { class: 'cf-row cf-meta' },
          h('label', { for: typeId, class: 'cf-sr' }, t('adopt.sidebar.type')),
          typeSelect,
          h(
            'span',
            { class: 'cf-check' },
            h('input', {
              type: 'checkbox',
              id: reqId,
              class: 'cf-required',
              checked: mc.required,
              onchange: (e: Event) => put(pc.column, { required: (e.target as HTMLInputElement).checked }, false),
            }),
            h('label', { for: reqId }, t('adopt.sidebar.required')),
          ),
        )
      : null,
    mc.adopt && mc.type === 'dropdown' ? optionList(pc, mc, v, ctx, put) : null,
    v.changed.has(pc.column)
      ? h('div', { class: 'secondary cf-adopt-changed', style: 'margin-top:4px' }, t('adopt.sidebar.changed'))
      : fitLine(pc, ctx),
  );
}

function optionList(
  pc: AdoptPreviewColumn,
  mc: AdoptMappingColumn,
  v: View,
  ctx: PanelContext,
  put: (column: number, change: Partial<AdoptMappingColumn>, redraw: boolean) => void,
): HTMLElement {
  return optionsEditor(
    {
      options: mc.options ?? [],
      current: () => v.mapping.columns.find((c) => c.column === pc.column)?.options ?? [],
      set: (options, redraw) => put(pc.column, { options }, redraw),
      // Renaming a stage keeps it the won/lost terminal it was.
      renamed: (from, to) => {
        const s = mc.role === 'stage' ? v.mapping.stages : undefined;
        if (s && (s.won === from || s.lost === from)) {
          v.mapping = { ...v.mapping, stages: { won: s.won === from ? to : s.won, lost: s.lost === from ? to : s.lost } };
        }
      },
      outcomes: () => ({ won: v.mapping.stages?.won ?? null, lost: v.mapping.stages?.lost ?? null }),
      marked: (label, outcome) => {
        const s = v.mapping.stages;
        const other = outcome === 'won' ? s?.lost : s?.won;
        if (!s || other === label) return;
        const next = { won: outcome === 'won' ? label : s.won, lost: outcome === 'lost' ? label : s.lost };
        v.mapping = { ...v.mapping, stages: next };
      },
      isStage: mc.role === 'stage',
      focusKey: String(pc.column),
      open: v.open.has(pc.column),
      toggled: (open) => (open ? v.open.add(pc.column) : v.open.delete(pc.column)),
      keepOne: false,
    },
    ctx,
  );
}

function reportBlock(r: AdoptReport, ctx: PanelContext): HTMLElement {
  const { t } = ctx;
  return h(
    'div',
    { class: 'block cf-adopt-report', style: 'overflow-wrap:anywhere' },
    h('b', null, t('adopt.sidebar.reportTitle')),
    r.message.split('\n').map((line) => h('p', { class: 'cf-adopt-report-line' }, line)),
    r.cells.length > 0
      ? h(
          'ul',
          { class: 'cf-cells' },
          r.cells.map((c) =>
            h(
              'li',
              { class: 'cf-cell' },
              h('b', { class: 'cf-a1' }, c.a1),
              ' ',
              h('span', { class: 'secondary cf-cell-header' }, c.header),
              ' “',
              h('span', { class: 'cf-adopt-value' }, c.value),
              '”',
              h('div', { class: 'cf-cell-message' }, c.message),
            ),
          ),
        )
      : null,
  );
}

registerPanel({ id: 'adopt', titleKey: 'adopt.sidebar.title', group: 'table', order: 15, render });
