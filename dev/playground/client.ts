/**
 * The playground page: a spreadsheet-like view of the emulated spreadsheet (grid, tabs, charts, the
 * add-on menu, dialogs, toasts, the sidebar). Every value from a cell or from the add-on is put on the
 * page with textContent or as an attribute value, never as HTML.
 */
import type { ActionResult, CellOut, ChartOut, DialogOut, MenuOut, SheetState, StateOut } from './protocol';
import { columnLetter, parseTsv } from './tsv';

const ROW_H = 24;
const HEAD_W = 46;
const BUFFER_ROWS = 60;

interface Win {
  __clientflowBridge?: Bridge;
}
interface Bridge {
  run(fn: string, args: unknown[]): Promise<{ ok: true; value: unknown } | { ok: false; message: string }>;
  close(from: Window): void;
  focusEditor(): void;
}

function $(id: string): HTMLElement {
  const el = document.getElementById(id);
  if (!el) throw new Error(`missing #${id}`);
  return el;
}

function el<K extends keyof HTMLElementTagNameMap>(tag: K, cls?: string, text?: string): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  if (cls) e.className = cls;
  if (text !== undefined) e.textContent = text;
  return e;
}

// ------------------------------------------------------------------ server calls

/** This run's token, written into the page by the server: every change must carry it. */
const TOKEN = document.querySelector<HTMLMetaElement>('meta[name="clientflow-token"]')?.content ?? '';

async function post(path: string, body: unknown): Promise<ActionResult> {
  try {
    const res = await fetch(path, { method: 'POST', headers: { 'content-type': 'application/json', 'x-clientflow-token': TOKEN }, body: JSON.stringify(body) });
    const type = res.headers.get('content-type') ?? '';
    if (!type.startsWith('application/json')) return { kind: 'error', message: `${res.status}: ${await res.text()}` };
    return (await res.json()) as ActionResult;
  } catch (e) {
    return { kind: 'error', message: `The playground server does not answer (${e instanceof Error ? e.message : String(e)}). Is npm start still running?` };
  }
}

// ------------------------------------------------------------------ page state

let state: StateOut | null = null;
let sel = { r: 2, c: 1 };
/** The other corner of the selected block (the same cell as sel when one cell is selected). */
let anchor = { r: 2, c: 1 };
/** What this page copied last (Ctrl+C): pasting it back is Sheets' normal paste, formats included. */
let copied: { sheet: string; a1: string; text: string } | null = null;
/** Ctrl+Shift+V: paste values only (of cells copied in this page; text from elsewhere is text anyway). */
let valuesOnly = false;
let seenNotice = '';
let seenToasts = -1;
let seenShown = -1;
let fetching = false;
let refetch = false;
let busyCount = 0;
let editor: HTMLInputElement | null = null;
let dialogOpen = false;

const DIALOG_BUTTONS: Record<string, Record<string, string>> = {
  en: { OK: 'OK', CANCEL: 'Cancel', YES: 'Yes', NO: 'No', ERROR: 'Error' },
  'zh-CN': { OK: '确定', CANCEL: '取消', YES: '是', NO: '否', ERROR: '错误' },
};

function setBusy(on: boolean, label?: string): void {
  busyCount += on ? 1 : -1;
  const s = $('status');
  s.classList.toggle('busy', busyCount > 0);
  if (busyCount > 0) s.textContent = label ?? 'Running script…';
  else showSummary();
}

function showSummary(): void {
  const a = state?.lastAction;
  const s = $('status');
  if (!a || busyCount > 0) return;
  const secs = (a.simMs / 1000).toFixed(a.simMs < 10000 ? 2 : 1);
  s.textContent = `${a.label}: ${a.calls} service call${a.calls === 1 ? '' : 's'}, ${secs} s simulated Apps Script time`;
  s.title = s.textContent;
}

function colX(sheet: SheetState): number[] {
  const xs = [HEAD_W];
  for (const w of sheet.colWidths) xs.push((xs[xs.length - 1] ?? 0) + w);
  return xs;
}

function visibleRows(sheet: SheetState): { first: number; last: number } {
  const grid = $('grid');
  const bodyRows = sheet.rows - sheet.frozenRows;
  const first = Math.max(0, Math.floor(grid.scrollTop / ROW_H) - 5);
  const count = Math.ceil(grid.clientHeight / ROW_H) + 10;
  const last = Math.min(bodyRows - 1, first + count);
  return { first: first + sheet.frozenRows + 1, last: last + sheet.frozenRows + 1 };
}

async function refresh(resetScroll = false, sheetName?: string): Promise<void> {
  if (fetching) {
    refetch = true;
    return;
  }
  fetching = true;
  try {
    let r0 = 1;
    let r1 = 120;
    if (state && !resetScroll) {
      const v = visibleRows(state.sheet);
      r0 = Math.max(1, v.first - BUFFER_ROWS);
      r1 = v.last + BUFFER_ROWS;
    }
    const q = new URLSearchParams({ r0: String(r0), r1: String(r1) });
    // The server knows the active sheet (the add-on may activate one); the page names one only when
    // the person picks a tab.
    if (sheetName) q.set('sheet', sheetName);
    let next: StateOut;
    try {
      const res = await fetch(`/api/state?${q.toString()}`);
      if (!(res.headers.get('content-type') ?? '').startsWith('application/json')) {
        failLoudly(`${res.status}: ${await res.text()}`);
        return;
      }
      const body = (await res.json()) as StateOut | { kind: 'error'; message: string };
      if ('kind' in body) {
        failLoudly(body.message);
        return;
      }
      next = body;
    } catch (e) {
      failLoudly(`The playground server does not answer (${e instanceof Error ? e.message : String(e)}). Is npm start still running?`);
      return;
    }
    const sheetChanged = !state || state.active !== next.active;
    state = next;
    if (sheetChanged || resetScroll) {
      $('grid').scrollTop = 0;
      $('grid').scrollLeft = 0;
      sel = { r: Math.min(next.sheet.frozenRows + 1, next.sheet.rows), c: 1 };
      anchor = { ...sel };
    }
    if (next.notice && next.notice !== seenNotice) {
      // The engine stopped and was started again: what the page showed is gone, and the person is told.
      seenNotice = next.notice;
      seenToasts = next.toasts.length;
      seenShown = next.shown.length;
      toast('Playground', next.notice, -1, true);
    }
    render();
  } finally {
    fetching = false;
    if (refetch) {
      refetch = false;
      void refresh();
    }
  }
}

/** A message that stays on the page until the person acts on it. */
function failLoudly(message: string): void {
  const s = $('status');
  s.textContent = message;
  s.title = message;
  s.classList.add('failed');
  if (!document.querySelector('.toast.error.fatal')) {
    toast('Playground', message, -1, true);
    document.querySelector('.toast.error:last-child')?.classList.add('fatal');
  }
}

/** The selected block: rows r0..r1, columns c0..c1. */
function selection(): { r0: number; r1: number; c0: number; c1: number } {
  return { r0: Math.min(sel.r, anchor.r), r1: Math.max(sel.r, anchor.r), c0: Math.min(sel.c, anchor.c), c1: Math.max(sel.c, anchor.c) };
}

function selectionA1(): string {
  const b = selection();
  const a = `${columnLetter(b.c0)}${b.r0}`;
  return b.r0 === b.r1 && b.c0 === b.c1 ? a : `${a}:${columnLetter(b.c1)}${b.r1}`;
}

function cellAt(r: number, c: number): CellOut | undefined {
  if (!state) return undefined;
  const s = state.sheet;
  if (r <= s.frozenRows) return s.frozen[r - 1]?.[c - 1];
  return s.cells[r - s.r0]?.[c - 1];
}

function windowCovers(sheet: SheetState, first: number, last: number): boolean {
  const lo = sheet.r0;
  const hi = sheet.r0 + sheet.cells.length - 1;
  const from = Math.max(first, sheet.frozenRows + 1);
  const to = Math.min(last, sheet.rows);
  return from >= lo && to <= hi;
}

// ------------------------------------------------------------------ rendering

function render(): void {
  if (!state) return;
  document.title = `${state.spreadsheetName} - ClientFlow playground`;
  $('doc-title').textContent = state.spreadsheetName;
  renderTabs();
  renderGrid();
  renderToasts();
  renderShown();
  if (state.dialog && !dialogOpen) showDialog(state.dialog, (r) => void finish(r));
  showSummary();
}

function renderTabs(): void {
  if (!state) return;
  const tabs = $('tabs');
  tabs.replaceChildren();
  for (const t of state.tabs) {
    const b = el('div', `tab${t.name === state.active ? ' active' : ''}${t.hidden ? ' hidden-sheet' : ''}`, t.name);
    b.dataset.sheet = t.name;
    b.addEventListener('click', () => {
      void post('/api/activate', { sheet: t.name }).then(() => refresh(true, t.name));
    });
    tabs.append(b);
  }
}

function renderCell(cell: CellOut | undefined, r: number, c: number, width: number): HTMLDivElement {
  const d = el('div', 'cell');
  d.style.width = `${width}px`;
  d.dataset.a1 = `${columnLetter(c)}${r}`;
  d.dataset.r = String(r);
  d.dataset.c = String(c);
  if (r === sel.r && c === sel.c) d.classList.add('selected');
  else {
    const b = selection();
    if (r >= b.r0 && r <= b.r1 && c >= b.c0 && c <= b.c1) d.classList.add('in-range');
  }
  if (!cell) return d;
  if (cell.bg) d.style.background = cell.bg;
  if (cell.fc) d.style.color = cell.fc;
  if (cell.bold) d.style.fontWeight = 'bold';
  if (cell.k === 'n' || cell.k === 'd') d.classList.add('num');
  if (cell.k === 'b') d.classList.add('bool');
  if (cell.bad) d.classList.add('bad');
  if (cell.note) d.classList.add('note');
  if (cell.cb !== undefined) {
    const box = el('input');
    box.type = 'checkbox';
    box.checked = cell.cb;
    box.addEventListener('click', (e) => {
      e.preventDefault();
      sel = { r, c };
      void commitEdit(r, c, cell.cb ? 'FALSE' : 'TRUE');
    });
    d.append(box);
  } else if (cell.list) {
    const s = el('select');
    s.setAttribute('aria-label', `${columnLetter(c)}${r}`);
    const options = cell.list.includes(cell.d) ? ['', ...cell.list] : ['', cell.d, ...cell.list];
    for (const o of [...new Set(options)]) {
      const opt = el('option', undefined, o);
      opt.value = o;
      s.append(opt);
    }
    s.value = cell.d;
    if (cell.d === '') s.classList.add('empty');
    s.addEventListener('mousedown', () => selectCell(r, c, false));
    s.addEventListener('change', () => void commitEdit(r, c, s.value));
    d.append(s);
  } else {
    d.textContent = cell.d;
  }
  return d;
}

function renderRow(sheet: SheetState, r: number): HTMLDivElement {
  const row = el('div', 'row');
  // A row scrolled into view before its cells arrived from the server.
  if (r > sheet.frozenRows && (r < sheet.r0 || r >= sheet.r0 + sheet.cells.length)) row.classList.add('loading');
  const sb = selection();
  const head = el('div', `rh${r >= sb.r0 && r <= sb.r1 ? ' sel' : ''}`, String(r));
  row.append(head);
  for (let c = 1; c <= sheet.columns; c++) row.append(renderCell(cellAt(r, c), r, c, sheet.colWidths[c - 1] ?? 100));
  return row;
}

function renderGrid(): void {
  if (!state) return;
  const sheet = state.sheet;
  const xs = colX(sheet);
  const totalW = xs[xs.length - 1] ?? HEAD_W;
  const canvas = $('canvas');
  canvas.style.width = `${totalW}px`;
  // Column letters.
  const colhead = $('colhead');
  colhead.style.width = `${totalW}px`;
  const corner = el('div', 'corner');
  const heads: HTMLElement[] = [corner];
  for (let c = 1; c <= sheet.columns; c++) {
    const sb = selection();
    const h = el('div', `ch${c >= sb.c0 && c <= sb.c1 ? ' sel' : ''}`, columnLetter(c));
    h.style.width = `${sheet.colWidths[c - 1] ?? 100}px`;
    heads.push(h);
  }
  colhead.replaceChildren(...heads);
  // Frozen rows stay visible (sticky), like Sheets' frozen header.
  const frozen = $('frozen');
  const frozenRows: HTMLElement[] = [];
  for (let r = 1; r <= sheet.frozenRows; r++) frozenRows.push(renderRow(sheet, r));
  frozen.replaceChildren(...frozenRows);
  frozen.style.height = `${sheet.frozenRows * ROW_H}px`;
  frozen.style.width = `${totalW}px`;
  frozen.style.boxShadow = sheet.frozenRows > 0 ? '' : 'none';
  // Body rows: only those in view are in the page (virtualized).
  const body = $('body');
  body.style.height = `${(sheet.rows - sheet.frozenRows) * ROW_H}px`;
  body.style.width = `${totalW}px`;
  const { first, last } = visibleRows(sheet);
  const rows: HTMLElement[] = [];
  for (let r = first; r <= last; r++) {
    const row = renderRow(sheet, r);
    row.style.top = `${(r - sheet.frozenRows - 1) * ROW_H}px`;
    rows.push(row);
  }
  for (const ch of sheet.charts) rows.push(renderChart(ch, sheet, xs));
  body.replaceChildren(...rows);
  if (!windowCovers(sheet, first, last)) void refresh();
  updateFormulaBar();
}

function updateFormulaBar(): void {
  $('cellref').textContent = selectionA1();
  const cell = cellAt(sel.r, sel.c);
  $('cellcontent').textContent = cell ? cell.f ?? cell.d : '';
}

// ------------------------------------------------------------------ charts (hand-drawn SVG)

const SVG = 'http://www.w3.org/2000/svg';
const PALETTE = ['#4285f4', '#ea4335', '#fbbc04', '#34a853', '#ff6d01', '#46bdc6', '#7baaf7', '#f07b72'];

function svg<K extends keyof SVGElementTagNameMap>(tag: K, attrs: Record<string, string | number>, text?: string): SVGElementTagNameMap[K] {
  const e = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, String(v));
  if (text !== undefined) e.textContent = text;
  return e;
}

function chartData(table: Array<Array<string | number>>): { labels: string[]; series: Array<{ name: string; values: number[] }> } {
  const header = table[0] ?? [];
  const hasHeader = header.slice(1).some((v) => typeof v === 'string' && v !== '' && Number.isNaN(Number(v)));
  const rows = hasHeader ? table.slice(1) : table;
  const width = table.reduce((w, r) => Math.max(w, r.length), 0);
  const series = [];
  for (let c = 1; c < width; c++) {
    series.push({
      name: hasHeader ? String(header[c] ?? '') : `Series ${c}`,
      values: rows.map((r) => {
        const v = r[c];
        return typeof v === 'number' ? v : Number(String(v ?? '').replace(/[^\d.-]/g, '')) || 0;
      }),
    });
  }
  return { labels: rows.map((r) => String(r[0] ?? '')), series };
}

export function drawChart(ch: ChartOut): SVGSVGElement {
  const W = ch.width;
  const H = ch.height;
  const root = svg('svg', { width: W, height: H, viewBox: `0 0 ${W} ${H}`, role: 'img' });
  root.setAttribute('aria-label', ch.title || ch.chartType);
  root.append(svg('rect', { x: 0, y: 0, width: W, height: H, fill: '#fff' }));
  if (ch.title) root.append(svg('text', { x: W / 2, y: 22, 'text-anchor': 'middle', 'font-size': 14, fill: '#202124' }, ch.title));
  const { labels, series } = chartData(ch.table);
  const type = ch.chartType.toUpperCase();
  const top = ch.title ? 36 : 14;
  if (type === 'PIE') {
    const values = series[0]?.values ?? [];
    const total = values.reduce((a, b) => a + Math.max(0, b), 0) || 1;
    const cx = W * 0.36;
    const cy = top + (H - top) / 2;
    const rad = Math.min(cx - 12, (H - top) / 2 - 12);
    let angle = -Math.PI / 2;
    values.forEach((v, i) => {
      const a = (Math.max(0, v) / total) * Math.PI * 2;
      const x1 = cx + rad * Math.cos(angle);
      const y1 = cy + rad * Math.sin(angle);
      const x2 = cx + rad * Math.cos(angle + a);
      const y2 = cy + rad * Math.sin(angle + a);
      const large = a > Math.PI ? 1 : 0;
      const d = a >= Math.PI * 2 - 1e-9 ? `M ${cx - rad} ${cy} a ${rad} ${rad} 0 1 0 ${rad * 2} 0 a ${rad} ${rad} 0 1 0 ${-rad * 2} 0` : `M ${cx} ${cy} L ${x1} ${y1} A ${rad} ${rad} 0 ${large} 1 ${x2} ${y2} Z`;
      root.append(svg('path', { d, fill: PALETTE[i % PALETTE.length] ?? '#4285f4', stroke: '#fff' }));
      root.append(svg('rect', { x: W * 0.7, y: top + 8 + i * 18, width: 10, height: 10, fill: PALETTE[i % PALETTE.length] ?? '#4285f4' }));
      root.append(svg('text', { x: W * 0.7 + 16, y: top + 17 + i * 18, 'font-size': 11, fill: '#3c4043' }, `${labels[i] ?? ''} (${v})`));
      angle += a;
    });
    return root;
  }
  // Series options: a transparent series is not drawn (a stacked funnel's spacer); axis 1 has its own scale.
  const opt = (si: number) => ch.series?.[si] ?? { color: null, axis: 0 };
  const hidden = (si: number) => /^(transparent|none)$/i.test(opt(si).color ?? '');
  const colorOf = (si: number) => opt(si).color ?? PALETTE[si % PALETTE.length] ?? '#4285f4';
  const stacked = ch.stacked === true && (type === 'BAR' || type === 'COLUMN');
  const maxOf = (axis: number) => Math.max(1, ...(stacked
    ? labels.map((_, i) => series.reduce((a, s) => a + Math.max(0, s.values[i] ?? 0), 0))
    : series.filter((_, si) => opt(si).axis === axis).flatMap((s) => s.values)));
  const maxes = [maxOf(0), maxOf(1)];
  const max = maxes[0] as number;
  const horizontal = type === 'BAR';
  const left = horizontal ? Math.min(160, 12 + Math.max(0, ...labels.map((l) => l.length)) * 7) : 44;
  const bottom = horizontal ? 16 : 36;
  const plotW = W - left - (horizontal ? 44 : 16);
  const plotH = H - top - bottom;
  const n = Math.max(1, labels.length);
  const k = Math.max(1, series.length);
  root.append(svg('line', { x1: left, y1: top, x2: left, y2: top + plotH, stroke: '#9aa0a6' }));
  root.append(svg('line', { x1: left, y1: top + plotH, x2: left + plotW, y2: top + plotH, stroke: '#9aa0a6' }));
  if (type === 'LINE' || type === 'AREA') {
    series.forEach((s, si) => {
      const pts = s.values.map((v, i) => `${left + (plotW * (i + 0.5)) / n},${top + plotH - (plotH * v) / max}`);
      root.append(svg('polyline', { points: pts.join(' '), fill: 'none', stroke: PALETTE[si % PALETTE.length] ?? '#4285f4', 'stroke-width': 2 }));
    });
    labels.forEach((l, i) => root.append(svg('text', { x: left + (plotW * (i + 0.5)) / n, y: top + plotH + 16, 'text-anchor': 'middle', 'font-size': 11, fill: '#5f6368' }, l)));
    return root;
  }
  const band = (horizontal ? plotH : plotW) / n;
  const barW = (band * 0.7) / (stacked ? 1 : k);
  labels.forEach((label, i) => {
    if (stacked) {
      // Series end to end; the value of the last drawn one is written at the end of the bar.
      let at = 0;
      let shown = '';
      let end = 0;
      series.forEach((s, si) => {
        const v = Math.max(0, s.values[i] ?? 0);
        const len = ((horizontal ? plotW : plotH) * v) / max;
        if (!hidden(si)) {
          if (horizontal) root.append(svg('rect', { x: left + at, y: top + i * band + band * 0.15, width: len, height: barW, fill: colorOf(si) }));
          else root.append(svg('rect', { x: left + i * band + band * 0.15, y: top + plotH - at - len, width: barW, height: len, fill: colorOf(si) }));
          shown = String(s.values[i] ?? 0);
          end = at + len;
        }
        at += len;
      });
      if (horizontal) root.append(svg('text', { x: left + end + 4, y: top + i * band + band * 0.15 + barW / 2 + 4, 'font-size': 11, fill: '#3c4043' }, shown));
      else root.append(svg('text', { x: left + i * band + band / 2, y: top + plotH - end - 4, 'text-anchor': 'middle', 'font-size': 11, fill: '#3c4043' }, shown));
      if (horizontal) root.append(svg('text', { x: left - 6, y: top + i * band + band / 2 + 4, 'text-anchor': 'end', 'font-size': 11, fill: '#3c4043' }, label));
      else root.append(svg('text', { x: left + i * band + band / 2, y: top + plotH + 16, 'text-anchor': 'middle', 'font-size': 11, fill: '#3c4043' }, label));
      return;
    }
    series.forEach((s, si) => {
      const max = maxes[opt(si).axis] as number;
      const v = s.values[i] ?? 0;
      if (hidden(si)) return;
      const fill = colorOf(si);
      if (horizontal) {
        const w = (plotW * Math.max(0, v)) / max;
        const y = top + i * band + band * 0.15 + si * barW;
        root.append(svg('rect', { x: left, y, width: w, height: barW, fill }));
        root.append(svg('text', { x: left + w + 4, y: y + barW / 2 + 4, 'font-size': 11, fill: '#3c4043' }, String(v)));
      } else {
        const h = (plotH * Math.max(0, v)) / max;
        const x = left + i * band + band * 0.15 + si * barW;
        root.append(svg('rect', { x, y: top + plotH - h, width: barW, height: h, fill }));
        root.append(svg('text', { x: x + barW / 2, y: top + plotH - h - 4, 'text-anchor': 'middle', 'font-size': 11, fill: '#3c4043' }, String(v)));
      }
    });
    if (horizontal) root.append(svg('text', { x: left - 6, y: top + i * band + band / 2 + 4, 'text-anchor': 'end', 'font-size': 11, fill: '#3c4043' }, label));
    else root.append(svg('text', { x: left + i * band + band / 2, y: top + plotH + 16, 'text-anchor': 'middle', 'font-size': 11, fill: '#3c4043' }, label));
  });
  return root;
}

function renderChart(ch: ChartOut, sheet: SheetState, xs: number[]): HTMLElement {
  const box = el('div', 'chart');
  box.dataset.chartType = ch.chartType;
  box.style.left = `${(xs[Math.max(0, ch.column - 1)] ?? HEAD_W) + ch.offsetX}px`;
  box.style.top = `${Math.max(0, (ch.row - sheet.frozenRows - 1) * ROW_H + ch.offsetY)}px`;
  box.style.width = `${ch.width}px`;
  box.style.height = `${ch.height}px`;
  box.append(drawChart(ch));
  return box;
}

// ------------------------------------------------------------------ toasts, sidebar, dialogs

function toast(title: string, message: string, seconds: number, error = false): void {
  const t = el('div', `toast${error ? ' error' : ''}`);
  if (title) t.append(el('div', 't-title', title));
  t.append(el('div', 't-msg', message));
  t.addEventListener('click', () => t.remove());
  $('toasts').append(t);
  if (seconds >= 0) setTimeout(() => t.remove(), Math.max(seconds, 1) * 1000);
}

function renderToasts(): void {
  if (!state) return;
  if (seenToasts < 0) seenToasts = state.toasts.length;
  for (const t of state.toasts.slice(seenToasts)) toast(t.title, t.message, t.timeoutSeconds ?? 5);
  seenToasts = state.toasts.length;
}

function renderShown(): void {
  if (!state) return;
  if (seenShown < 0) seenShown = state.shown.length;
  const fresh = state.shown.slice(seenShown);
  seenShown = state.shown.length;
  for (const s of fresh) {
    if (s.kind === 'sidebar') {
      $('sidebar-title').textContent = s.title;
      ($('sidebar-frame') as HTMLIFrameElement).src = `/html/${s.index}`;
      $('sidebar').hidden = false;
    } else {
      const frame = el('iframe');
      frame.src = `/html/${s.index}`;
      frame.style.width = `${s.width ?? 600}px`;
      frame.style.height = `${s.height ?? 400}px`;
      openOverlay(s.title, [frame], () => closeOverlay());
    }
  }
}

let overlayClose: (() => void) | null = null;

function openOverlay(title: string, content: HTMLElement[], onClose: () => void): void {
  $('dialog-title').textContent = title;
  $('dialog-body').replaceChildren(...content);
  $('overlay').hidden = false;
  overlayClose = onClose;
}

function closeOverlay(): void {
  $('overlay').hidden = true;
  $('dialog-body').replaceChildren();
  overlayClose = null;
}

/** An alert or prompt the suspended script waits on. The answer resumes the script. */
function showDialog(d: DialogOut, then: (r: ActionResult) => void): void {
  dialogOpen = true;
  const labels = DIALOG_BUTTONS[state?.locale ?? 'en'] ?? DIALOG_BUTTONS.en ?? {};
  const message = el('div', 'message', d.prompt);
  const parts: HTMLElement[] = [message];
  let input: HTMLInputElement | null = null;
  if (d.kind === 'prompt') {
    input = el('input');
    input.type = 'text';
    input.id = 'dialog-input';
    parts.push(input);
  }
  const order: Record<string, string[]> = { OK: ['OK'], OK_CANCEL: ['CANCEL', 'OK'], YES_NO: ['NO', 'YES'], YES_NO_CANCEL: ['CANCEL', 'NO', 'YES'] };
  const buttons = el('div', 'buttons');
  const answer = (button: string) => {
    dialogOpen = false;
    closeOverlay();
    // The emulator's queue takes a button name, or a prompt's text (answered with OK).
    const value = d.kind === 'prompt' && button === 'OK' && input ? input.value : button;
    setBusy(true);
    void post('/api/answer', { answer: value }).then((r) => {
      setBusy(false);
      then(r);
    });
  };
  const names = order[d.buttons] ?? ['OK'];
  names.forEach((b, i) => {
    const btn = el('button', i === names.length - 1 ? 'primary' : '', labels[b] ?? b);
    btn.type = 'button';
    btn.dataset.button = b;
    btn.addEventListener('click', () => answer(b));
    buttons.append(btn);
  });
  parts.push(buttons);
  openOverlay(d.title, parts, () => answer('CLOSE'));
  $('dialog').dataset.kind = d.kind;
  if (input) {
    const field = input;
    field.addEventListener('keydown', (e) => {
      if (e.key === 'Enter') answer(names.includes('OK') ? 'OK' : names[names.length - 1] ?? 'OK');
    });
    setTimeout(() => field.focus(), 0);
  }
}

/** After an action: a dialog means the script is suspended; otherwise report and redraw. */
function finish(r: ActionResult, done?: (r: ActionResult) => void, toastErrors = true): Promise<void> {
  if (r.kind === 'dialog') {
    showDialog(r.dialog, (next) => void finish(next, done, toastErrors));
    return refresh();
  }
  // Sheets reports an error thrown by a menu function or trigger; a google.script.run failure goes to
  // the page's failure handler instead.
  // Sheets titles a script's error in the user's own language.
  if (r.kind === 'error' && toastErrors) toast(DIALOG_BUTTONS[state?.locale ?? 'en']?.ERROR ?? 'Error', r.message, 8, true);
  done?.(r);
  return refresh();
}

async function act(path: string, body: unknown, label?: string, toastErrors = true): Promise<ActionResult> {
  setBusy(true, label);
  try {
    const r = await post(path, body);
    return await new Promise<ActionResult>((resolveResult) => void finish(r, resolveResult, toastErrors));
  } finally {
    setBusy(false);
  }
}

const bridge: Bridge = {
  async run(fn, args) {
    const r = await act('/api/run', { fn, args }, undefined, false);
    if (r.kind === 'done') return { ok: true, value: r.result };
    if (r.kind === 'error') return { ok: false, message: r.message };
    return { ok: false, message: 'interrupted' };
  },
  close(from) {
    const frame = $('sidebar-frame') as HTMLIFrameElement;
    if (frame.contentWindow === from) {
      $('sidebar').hidden = true;
      frame.removeAttribute('src');
    } else closeOverlay();
  },
  focusEditor() {
    $('grid').focus();
  },
};
(window as unknown as Win).__clientflowBridge = bridge;

// ------------------------------------------------------------------ menu

function closeMenus(): void {
  document.querySelectorAll('.popup.sub-popup').forEach((p) => p.remove());
  $('menu-popup').hidden = true;
  $('menu-extensions').classList.remove('open');
}

function openSubmenu(anchor: HTMLElement, menu: MenuOut): void {
  document.querySelectorAll('.popup.sub-popup').forEach((p) => p.remove());
  anchor.parentElement?.querySelectorAll('.item').forEach((i) => i.classList.remove('open'));
  anchor.classList.add('open');
  const pop = el('div', 'popup sub-popup');
  pop.setAttribute('role', 'menu');
  for (const item of menu.items) {
    if ('separator' in item) {
      pop.append(el('div', 'sep'));
      continue;
    }
    const it = el('div', 'item', item.caption);
    it.dataset.fn = item.functionName;
    it.setAttribute('role', 'menuitem');
    it.addEventListener('click', () => {
      closeMenus();
      void act('/api/menu', { fn: item.functionName }, 'Running script…');
    });
    pop.append(it);
  }
  const rect = anchor.getBoundingClientRect();
  pop.style.left = `${rect.right - 4}px`;
  pop.style.top = `${rect.top - 6}px`;
  document.body.append(pop);
}

function openExtensions(): void {
  if (!state) return;
  const anchor = $('menu-extensions');
  const pop = $('menu-popup');
  pop.replaceChildren();
  if (state.menus.length === 0) pop.append(el('div', 'empty', 'No add-on menu (onOpen built none)'));
  for (const m of state.menus) {
    const it = el('div', 'item sub', m.name);
    it.dataset.menu = m.name;
    it.addEventListener('mouseenter', () => openSubmenu(it, m));
    it.addEventListener('click', () => openSubmenu(it, m));
    pop.append(it);
  }
  const rect = anchor.getBoundingClientRect();
  pop.style.left = `${rect.left}px`;
  pop.style.top = `${rect.bottom + 2}px`;
  pop.hidden = false;
  anchor.classList.add('open');
}

// ------------------------------------------------------------------ selection and editing

function selectCell(r: number, c: number, scroll = true, extend = false): void {
  if (!state) return;
  sel = { r: Math.min(Math.max(1, r), state.sheet.rows), c: Math.min(Math.max(1, c), state.sheet.columns) };
  if (!extend) anchor = { ...sel };
  if (scroll) scrollToSelection();
  renderGrid();
}

function scrollToSelection(): void {
  if (!state) return;
  const sheet = state.sheet;
  const grid = $('grid');
  if (sel.r > sheet.frozenRows) {
    const y = (sel.r - sheet.frozenRows - 1) * ROW_H;
    const viewH = grid.clientHeight - ROW_H * (sheet.frozenRows + 1);
    if (y < grid.scrollTop) grid.scrollTop = y;
    else if (y + ROW_H > grid.scrollTop + viewH) grid.scrollTop = y + ROW_H - viewH;
  }
  const xs = colX(sheet);
  const x0 = (xs[sel.c - 1] ?? 0) - HEAD_W;
  const x1 = (xs[sel.c] ?? 0) - HEAD_W;
  const viewW = grid.clientWidth - HEAD_W;
  if (x0 < grid.scrollLeft) grid.scrollLeft = x0;
  else if (x1 > grid.scrollLeft + viewW) grid.scrollLeft = x1 - viewW;
}

function cellElement(r: number, c: number): HTMLElement | null {
  return document.querySelector<HTMLElement>(`.cell[data-a1="${columnLetter(c)}${r}"]`);
}

function startEdit(initial: string): void {
  if (!state) return;
  scrollToSelection();
  renderGrid();
  const target = cellElement(sel.r, sel.c);
  if (!target) return;
  const rect = target.getBoundingClientRect();
  const input = el('input');
  input.id = 'editor';
  input.value = initial;
  input.style.left = `${rect.left}px`;
  input.style.top = `${rect.top}px`;
  input.style.minWidth = `${rect.width}px`;
  input.style.height = `${rect.height}px`;
  const { r, c } = sel;
  let done = false;
  const finishEdit = (commit: boolean, move: { dr: number; dc: number }) => {
    if (done) return;
    done = true;
    const value = input.value;
    input.remove();
    editor = null;
    $('grid').focus();
    if (commit) void commitEdit(r, c, value);
    selectCell(r + move.dr, c + move.dc);
  };
  input.addEventListener('keydown', (e) => {
    if (e.key === 'Enter') {
      e.preventDefault();
      finishEdit(true, { dr: 1, dc: 0 });
    } else if (e.key === 'Tab') {
      e.preventDefault();
      finishEdit(true, { dr: 0, dc: 1 });
    } else if (e.key === 'Escape') {
      e.preventDefault();
      finishEdit(false, { dr: 0, dc: 0 });
    }
    e.stopPropagation();
  });
  input.addEventListener('blur', () => finishEdit(input.value !== initial, { dr: 0, dc: 0 }));
  document.body.append(input);
  editor = input;
  input.focus();
  input.setSelectionRange(input.value.length, input.value.length);
}

/** A person typing into a cell: the server parses it as Sheets parses typing and fires onEdit. */
async function commitEdit(r: number, c: number, value: string): Promise<void> {
  if (!state) return;
  await act('/api/edit', { sheet: state.active, a1: `${columnLetter(c)}${r}`, value });
}

function currentContent(): string {
  const cell = cellAt(sel.r, sel.c);
  return cell ? cell.f ?? cell.d : '';
}

function isFormField(t: EventTarget | null): boolean {
  return t instanceof HTMLInputElement || t instanceof HTMLSelectElement || t instanceof HTMLTextAreaElement;
}

document.addEventListener('keydown', (e) => {
  if (!state || editor || dialogOpen || !$('overlay').hidden || isFormField(e.target)) return;
  // Ctrl+Shift+V: the paste event that follows pastes values only.
  valuesOnly = (e.ctrlKey || e.metaKey) && e.shiftKey && e.key.toLowerCase() === 'v';
  if (e.ctrlKey || e.metaKey || e.altKey) return;
  const moves: Record<string, [number, number]> = { ArrowUp: [-1, 0], ArrowDown: [1, 0], ArrowLeft: [0, -1], ArrowRight: [0, 1] };
  const m = moves[e.key];
  if (m) {
    e.preventDefault();
    selectCell(sel.r + m[0], sel.c + m[1], true, e.shiftKey);
  } else if (e.key === 'Enter' || e.key === 'F2') {
    e.preventDefault();
    startEdit(currentContent());
  } else if (e.key === 'Delete' || e.key === 'Backspace') {
    // Delete clears the selected cells' contents (formats and validation stay), one onEdit.
    e.preventDefault();
    void act('/api/clear', { sheet: state.active, a1: selectionA1() });
  } else if (e.key.length === 1) {
    e.preventDefault();
    startEdit(e.key);
  }
});

document.addEventListener('copy', (e) => {
  if (!state || editor || dialogOpen || isFormField(e.target)) return;
  const b = selection();
  const rows: string[] = [];
  for (let r = b.r0; r <= b.r1; r++) {
    const cells: string[] = [];
    for (let c = b.c0; c <= b.c1; c++) {
      const d = cellAt(r, c)?.d ?? '';
      cells.push(/[\t\n"]/.test(d) ? `"${d.replace(/"/g, '""')}"` : d);
    }
    rows.push(cells.join('\t'));
  }
  const text = rows.join('\n');
  e.clipboardData?.setData('text/plain', text);
  e.preventDefault();
  copied = { sheet: state.active, a1: selectionA1(), text };
});

document.addEventListener('paste', (e) => {
  if (!state || editor || dialogOpen || isFormField(e.target)) return;
  const text = e.clipboardData?.getData('text/plain') ?? '';
  const plain = valuesOnly;
  if (!text) return;
  valuesOnly = false;
  e.preventDefault();
  const a1 = `${columnLetter(sel.c)}${sel.r}`;
  // Cells copied in this page come with their formats, validation and conditional formats (Sheets'
  // normal paste), or with Ctrl+Shift+V their values only; text from elsewhere pastes the text alone.
  if (copied && copied.text.replace(/\r/g, '') === text.replace(/\r/g, '').replace(/\n$/, '')) {
    const from = `'${copied.sheet.replace(/'/g, "''")}'!${copied.a1}`;
    void act('/api/paste', { sheet: state.active, a1, from, special: plain ? 'values' : 'normal' });
  } else void act('/api/paste', { sheet: state.active, a1, values: parseTsv(text) });
});

// ------------------------------------------------------------------ wiring

function init(): void {
  const grid = $('grid');
  let ticking = false;
  grid.addEventListener('scroll', () => {
    if (ticking) return;
    ticking = true;
    requestAnimationFrame(() => {
      ticking = false;
      renderGrid();
    });
  });
  let dragging = false;
  grid.addEventListener('mousedown', (e) => {
    const t = e.target instanceof HTMLElement ? e.target.closest<HTMLElement>('.cell') : null;
    if (!t || isFormField(e.target)) return;
    selectCell(Number(t.dataset.r), Number(t.dataset.c), false, e.shiftKey);
    dragging = true;
    grid.focus();
  });
  grid.addEventListener('mousemove', (e) => {
    if (!dragging || (e.buttons & 1) === 0) return;
    const t = e.target instanceof HTMLElement ? e.target.closest<HTMLElement>('.cell') : null;
    if (!t || (Number(t.dataset.r) === sel.r && Number(t.dataset.c) === sel.c)) return;
    selectCell(Number(t.dataset.r), Number(t.dataset.c), false, true);
  });
  document.addEventListener('mouseup', () => {
    dragging = false;
  });
  grid.addEventListener('dblclick', (e) => {
    const t = e.target instanceof HTMLElement ? e.target.closest<HTMLElement>('.cell') : null;
    if (!t || isFormField(e.target)) return;
    selectCell(Number(t.dataset.r), Number(t.dataset.c), false);
    startEdit(currentContent());
  });
  const tip = $('tooltip');
  grid.addEventListener('mouseover', (e) => {
    const t = e.target instanceof HTMLElement ? e.target.closest<HTMLElement>('.cell') : null;
    const cell = t ? cellAt(Number(t.dataset.r), Number(t.dataset.c)) : undefined;
    const text = [cell?.note, cell?.bad ? cell.help ?? 'Invalid: this cell breaks its data validation rule.' : undefined].filter(Boolean).join('\n\n');
    if (!t || !text) {
      tip.hidden = true;
      return;
    }
    tip.textContent = text;
    tip.classList.toggle('invalid', Boolean(cell?.bad));
    const rect = t.getBoundingClientRect();
    tip.style.left = `${rect.right + 4}px`;
    tip.style.top = `${rect.top}px`;
    tip.hidden = false;
  });
  grid.addEventListener('mouseleave', () => {
    tip.hidden = true;
  });
  $('menu-extensions').addEventListener('click', (e) => {
    e.stopPropagation();
    if ($('menu-popup').hidden) openExtensions();
    else closeMenus();
  });
  document.addEventListener('click', (e) => {
    const t = e.target instanceof HTMLElement ? e.target : null;
    if (t && (t.closest('.popup') || t.id === 'menu-extensions')) return;
    closeMenus();
  });
  $('sidebar-close').addEventListener('click', () => {
    $('sidebar').hidden = true;
    ($('sidebar-frame') as HTMLIFrameElement).removeAttribute('src');
  });
  $('dialog-close').addEventListener('click', () => overlayClose?.());
  window.addEventListener('resize', () => renderGrid());
  void refresh(true).then(() => document.body.setAttribute('data-ready', 'true'));
}

init();
