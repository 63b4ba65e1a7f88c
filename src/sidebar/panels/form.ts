/**
 * The Client panel: add a client, or edit the selected row (getClientForm), with typed inputs (date and
 * date-time pickers, dropdowns showing their option colors, checkboxes), live email and phone checks
 * with the same core parsers as the sheet's checks, and one save (saveClientForm: one row in one call,
 * then onEdit's own stamps, flags and history). Values and headers came from cells: text only.
 */
import type { z } from 'zod/mini';
import type { formStateSchema } from '../../core/api/form';
import { fieldType, defaultContext } from '../../core/fields';
import type { UserTypeId } from '../../core/fields/types';
import { h, replaceChildren } from '../dom';
import { registerPanel, type PanelContext } from '../panel-registry';

type FormState = z.output<typeof formStateSchema>;
type FormField = FormState['fields'][number];

/** Sheets shows dates as the spreadsheet's locale writes them; a date input needs YYYY-MM-DD. */
function isoDate(v: string, ctx: ReturnType<typeof defaultContext>, type: string): string {
  if (v === '') return '';
  const res = fieldType(type as UserTypeId).parse(v, ctx);
  if (!res.ok) return '';
  return res.value.kind === 'date' || res.value.kind === 'dateTime' ? res.value.value : '';
}

function view(state: FormState, ctx: PanelContext, done: (message: string, issues: Array<{ header: string; message: string }>) => void): HTMLElement {
  const { t } = ctx;
  const typeCtx = defaultContext(ctx.locale);
  const read: Array<() => [string, string | boolean] | null> = [];
  const input = (f: FormField): HTMLElement => {
    if (f.auto) return h('span', { class: 'secondary cf-form-auto' }, f.value || t('form.auto'));
    if (f.type === 'dropdown') {
      const sel = h('select', { class: 'cf-form-input', 'data-key': f.key },
        h('option', { value: '' }, ''),
        f.options.map((o) => h('option', { value: o.label, selected: o.label === f.value, style: `background:${/^#[0-9a-fA-F]{3,8}$/.test(o.color) ? o.color : '#ffffff'}` }, o.label)));
      const paint = () => { const o = f.options.find((x) => x.label === sel.value); sel.style.background = o && /^#[0-9a-fA-F]{3,8}$/.test(o.color) ? o.color : ''; };
      sel.addEventListener('change', paint);
      paint();
      read.push(() => [f.key, sel.value]);
      return sel;
    }
    if (f.type === 'checkbox') {
      const box = h('input', { type: 'checkbox', class: 'cf-form-input', 'data-key': f.key, checked: /^(true|yes|是|1|✓)$/i.test(f.value) });
      read.push(() => [f.key, box.checked]);
      return box;
    }
    if (f.type === 'longText') {
      const area = h('textarea', { class: 'cf-form-input', 'data-key': f.key, rows: 3 });
      area.value = f.value;
      read.push(() => [f.key, area.value]);
      return area;
    }
    const kind = f.type === 'date' ? 'date' : f.type === 'dateTime' ? 'datetime-local' : f.type === 'email' ? 'email' : f.type === 'phone' ? 'tel' : 'text';
    const el = h('input', { type: kind, class: 'cf-form-input', 'data-key': f.key });
    el.value = kind === 'date' || kind === 'datetime-local' ? isoDate(f.value, typeCtx, f.type) : f.value;
    const msg = h('div', { class: 'error cf-form-check', 'data-key': f.key });
    if (f.type === 'email' || f.type === 'phone') {
      // Live checks with the sheet's own parsers.
      const check = () => {
        const v = el.value.trim();
        const bad = v !== '' && !fieldType(f.type as UserTypeId).parse(v, typeCtx).ok;
        msg.textContent = bad ? t(f.type === 'email' ? 'form.invalidEmail' : 'form.invalidPhone') : '';
      };
      el.addEventListener('input', check);
      check();
    }
    read.push(() => [f.key, kind === 'datetime-local' ? el.value.replace('T', ' ') : el.value]);
    return h('div', null, el, msg);
  };
  const rows = state.fields.map((f) =>
    h('label', { class: 'cf-form-field' },
      h('div', { class: 'cf-form-label' }, f.header, f.required ? ' *' : ''),
      input(f)));
  const mode = h('p', { class: 'cf-form-mode' }, state.row === null ? t('form.adding') : t('form.editing', { row: state.row }));
  let row = state.row;
  const save = async () => {
    const values: Record<string, string | boolean> = {};
    for (const r of read) { const kv = r(); if (kv) values[kv[0]] = kv[1]; }
    const res = await ctx.busy(() => ctx.call('saveClientForm', row, values));
    if (!res) return;
    // A new client, once added, is that row: saving again (a typo mended) updates it, not a second copy.
    row = res.row;
    mode.textContent = t('form.editing', { row });
    done(res.message, res.issues);
  };
  return h('div', { class: 'cf-form' },
    mode,
    rows,
    h('div', { class: 'block' }, h('button', { type: 'button', class: 'action cf-form-save', onclick: () => void save() }, t('form.save'))));
}

function render(container: HTMLElement, ctx: PanelContext): void {
  const { t } = ctx;
  const body = h('div', { class: 'cf-form-body' });
  const result = h('div', { class: 'cf-form-result' });
  const show = (state: FormState) => replaceChildren(body, view(state, ctx, (message, issues) => {
    replaceChildren(result,
      h('p', { class: 'cf-form-message' }, message),
      issues.length ? h('ul', { class: 'cf-form-issues' }, issues.map((i) => h('li', null, h('b', null, i.header), ' ', i.message))) : null);
  }));
  const load = async (fresh: boolean) => {
    const state = await ctx.busy(() => ctx.call('getClientForm'));
    if (!state) return;
    replaceChildren(result);
    show(fresh ? { row: null, fields: state.fields.map((f) => ({ ...f, value: '' })) } : state);
  };
  replaceChildren(
    container,
    h('div', { class: 'block' },
      h('p', { class: 'secondary' }, t('form.intro')),
      h('button', { type: 'button', class: 'cf-form-new', onclick: () => void load(true) }, t('form.new')), ' ',
      h('button', { type: 'button', class: 'cf-form-load', onclick: () => void load(false) }, t('form.load'))),
    body,
    result,
  );
}

registerPanel({ id: 'form', titleKey: 'form.title', group: 'clients', order: 30, render });
