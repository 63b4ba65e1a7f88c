/**
 * Protections, embedded charts, bandings and developer metadata.
 * Ref: https://developers.google.com/apps-script/reference/spreadsheet/protection
 * Ref: https://developers.google.com/apps-script/reference/spreadsheet/embedded-chart-builder
 * Ref: https://developers.google.com/apps-script/reference/spreadsheet/banding
 * Ref: https://developers.google.com/apps-script/reference/spreadsheet/developer-metadata
 */
import type { Ctx } from './context';
import type { Box } from './a1';
import { type BandingData, type ChartData, type MetadataData, type ProtectionData, type RangeRef, type SheetData, spanBox } from './model';
import { enumName, ScriptException } from './runtime';

type GS = typeof GoogleAppsScript.Spreadsheet;
type GProtection = GoogleAppsScript.Spreadsheet.Protection;
type GChart = GoogleAppsScript.Spreadsheet.EmbeddedChart;
type GChartBuilder = GoogleAppsScript.Spreadsheet.EmbeddedChartBuilder;
type GBanding = GoogleAppsScript.Spreadsheet.Banding;
type GMeta = GoogleAppsScript.Spreadsheet.DeveloperMetadata;
type GFinder = GoogleAppsScript.Spreadsheet.DeveloperMetadataFinder;
export type { GS };

// ---- Protection ----
/** Sheets' message when a user without the right edits a protected range. */
export const PROTECTED_MESSAGE = 'You are trying to edit a protected cell or object. Please contact the spreadsheet owner to remove protection if you need to edit.';
export const PROTECTION_API = ['setDescription', 'getDescription', 'setWarningOnly', 'isWarningOnly', 'remove', 'getRange', 'getProtectionType', 'canEdit', 'getEditors', 'removeEditors', 'addEditor', 'addEditors', 'setDomainEdit', 'canDomainEdit'] as const;

export class ProtectionImpl {
  proxy!: GProtection;
  constructor(
    private readonly ctx: Ctx,
    readonly data: ProtectionData,
  ) {}
  setDescription(d: string): GProtection {
    this.data.description = String(d);
    return this.proxy;
  }
  getDescription(): string {
    return this.data.description;
  }
  setWarningOnly(w: boolean): GProtection {
    this.data.warningOnly = !!w;
    return this.proxy;
  }
  isWarningOnly(): boolean {
    return this.data.warningOnly;
  }
  /** Only the owner and the protection's editors may remove it.
   * Ref: https://developers.google.com/apps-script/reference/spreadsheet/protection#remove()
   * (the owner "is always able to edit protected ranges and sheets"; that a non-editor's remove()
   * throws, and its text, are unconfirmed: the text below is Sheets' message for a protected edit). */
  remove(): void {
    if (!this.mayChange()) throw new ScriptException(PROTECTED_MESSAGE);
    this.data.removed = true;
    const list = this.data.sheet.protections;
    const i = list.indexOf(this.data);
    if (i >= 0) list.splice(i, 1);
  }
  getRange(): GoogleAppsScript.Spreadsheet.Range {
    const s = this.data.sheet;
    return this.ctx.range(s, this.data.box ?? { row: 1, col: 1, rows: s.maxRows, cols: s.maxCols });
  }
  getProtectionType(): unknown {
    return this.ctx.enums.ProtectionType[this.data.box ? 'RANGE' : 'SHEET'];
  }
  private mayChange(): boolean {
    const u = this.ctx.book.user;
    return u.role === 'owner' || this.data.editors.includes(u.email);
  }
  /** "Determines whether the user has permission to edit the protected range or sheet. The owner of
   * the spreadsheet is always able to edit protected ranges and sheets."
   * Ref: https://developers.google.com/apps-script/reference/spreadsheet/protection#canEdit()
   * A warning-only protection lets anyone edit (after a warning). */
  canEdit(): boolean {
    return this.data.warningOnly || this.mayChange();
  }
  getEditors(): unknown[] {
    return this.data.editors.map((email) => this.ctx.rt.wrap('User', { getEmail: () => email }, { methods: ['getEmail'] }));
  }
  removeEditors(): GProtection {
    return this.proxy;
  }
  addEditor(): GProtection {
    return this.proxy;
  }
  addEditors(): GProtection {
    return this.proxy;
  }
  setDomainEdit(): GProtection {
    return this.proxy;
  }
  canDomainEdit(): boolean {
    return false;
  }
}

export function makeProtection(ctx: Ctx, data: ProtectionData): GProtection {
  const p = new ProtectionImpl(ctx, data);
  p.proxy = ctx.rt.wrap<GProtection>('Protection', p, { methods: PROTECTION_API });
  return p.proxy;
}

// ---- Charts ----
export const CHART_BUILDER_API = ['addRange', 'removeRange', 'clearRanges', 'setChartType', 'getChartType', 'setPosition', 'setOption', 'build', 'getRanges', 'getContainer', 'setNumHeaders', 'setTransposeRowsAndColumns'] as const;
export const CHART_API = ['getRanges', 'getOptions', 'getChartId', 'getContainerInfo', 'modify', 'getNumHeaders', 'getTransposeRowsAndColumns'] as const;

export class ChartBuilderImpl {
  proxy!: GChartBuilder;
  data: ChartData;
  constructor(
    private readonly ctx: Ctx,
    data: ChartData,
  ) {
    this.data = { ...data, ranges: [...data.ranges], position: { ...data.position }, options: { ...data.options } };
  }
  addRange(range: unknown): GChartBuilder {
    this.data.ranges.push(this.ctx.refOf(range, 'range'));
    return this.proxy;
  }
  removeRange(range: unknown): GChartBuilder {
    const ref = this.ctx.refOf(range, 'range');
    this.data.ranges = this.data.ranges.filter((r) => !(r.sheet === ref.sheet && JSON.stringify(r.box) === JSON.stringify(ref.box)));
    return this.proxy;
  }
  clearRanges(): GChartBuilder {
    this.data.ranges = [];
    return this.proxy;
  }
  setChartType(t: unknown): GChartBuilder {
    this.data.chartType = enumName(t);
    return this.proxy;
  }
  getChartType(): unknown {
    return (this.ctx.enums.ChartType as Record<string, unknown>)[this.data.chartType] ?? null;
  }
  setPosition(row: number, column: number, offsetX: number, offsetY: number): GChartBuilder {
    this.data.position = { row, column, offsetX, offsetY };
    return this.proxy;
  }
  setOption(key: string, value: unknown): GChartBuilder {
    this.data.options[String(key)] = value;
    return this.proxy;
  }
  setNumHeaders(n: number): GChartBuilder {
    this.data.options.numHeaders = n;
    return this.proxy;
  }
  setTransposeRowsAndColumns(t: boolean): GChartBuilder {
    this.data.options.transposeRowsAndColumns = t;
    return this.proxy;
  }
  getRanges(): GoogleAppsScript.Spreadsheet.Range[] {
    return this.data.ranges.map((r) => this.ctx.range(r.sheet, r.box));
  }
  getContainer(): unknown {
    return makeContainerInfo(this.ctx, this.data);
  }
  build(): GChart {
    if (!this.data.chartType) throw new ScriptException('Chart type must be set.');
    return makeChart(this.ctx, { ...this.data, ranges: [...this.data.ranges], position: { ...this.data.position }, options: { ...this.data.options } });
  }
}

export class ChartImpl {
  constructor(
    private readonly ctx: Ctx,
    readonly data: ChartData,
  ) {}
  getRanges(): GoogleAppsScript.Spreadsheet.Range[] {
    return this.data.ranges.map((r) => this.ctx.range(r.sheet, r.box));
  }
  getOptions(): unknown {
    const opts = this.data.options;
    return this.ctx.rt.wrap('ChartOptions', { get: (k: string) => (k in opts ? opts[k] : null) }, { methods: ['get'] });
  }
  getChartId(): number {
    return this.data.id;
  }
  getContainerInfo(): unknown {
    return makeContainerInfo(this.ctx, this.data);
  }
  modify(): GChartBuilder {
    return makeChartBuilder(this.ctx, this.data);
  }
  getNumHeaders(): number {
    return typeof this.data.options.numHeaders === 'number' ? this.data.options.numHeaders : -1;
  }
  getTransposeRowsAndColumns(): boolean {
    return this.data.options.transposeRowsAndColumns === true;
  }
}

function makeContainerInfo(ctx: Ctx, d: ChartData): unknown {
  const p = d.position;
  return ctx.rt.wrap('ContainerInfo', { getAnchorRow: () => p.row, getAnchorColumn: () => p.column, getOffsetX: () => p.offsetX, getOffsetY: () => p.offsetY }, { methods: ['getAnchorRow', 'getAnchorColumn', 'getOffsetX', 'getOffsetY'] });
}

export function makeChartBuilder(ctx: Ctx, data: ChartData): GChartBuilder {
  const b = new ChartBuilderImpl(ctx, data);
  b.proxy = ctx.rt.wrap<GChartBuilder>('EmbeddedChartBuilder', b, { methods: CHART_BUILDER_API });
  return b.proxy;
}
export function makeChart(ctx: Ctx, data: ChartData): GChart {
  return ctx.rt.wrap<GChart>('EmbeddedChart', new ChartImpl(ctx, data), { methods: CHART_API });
}

// ---- Banding ----
export const BANDING_API = ['getRange', 'setRange', 'remove', 'setHeaderRowColor', 'setFirstRowColor', 'setSecondRowColor', 'setFooterRowColor', 'getHeaderRowColor', 'getFirstRowColor', 'getSecondRowColor', 'getFooterRowColor'] as const;

export class BandingImpl {
  proxy!: GBanding;
  colors: Record<string, string | null> = {};
  constructor(
    private readonly ctx: Ctx,
    readonly data: BandingData,
  ) {}
  getRange(): GoogleAppsScript.Spreadsheet.Range {
    return this.ctx.range(this.data.range.sheet, this.data.range.box);
  }
  setRange(range: unknown): GBanding {
    this.data.range = this.ctx.refOf(range, 'range');
    return this.proxy;
  }
  remove(): void {
    this.data.removed = true;
    const list = this.data.range.sheet.bandings;
    const i = list.indexOf(this.data);
    if (i >= 0) list.splice(i, 1);
  }
  private color(k: string, c: string | null): GBanding {
    this.colors[k] = c;
    return this.proxy;
  }
  setHeaderRowColor(c: string | null): GBanding { return this.color('header', c); }
  setFirstRowColor(c: string | null): GBanding { return this.color('first', c); }
  setSecondRowColor(c: string | null): GBanding { return this.color('second', c); }
  setFooterRowColor(c: string | null): GBanding { return this.color('footer', c); }
  getHeaderRowColor(): string | null { return this.colors.header ?? null; }
  getFirstRowColor(): string | null { return this.colors.first ?? null; }
  getSecondRowColor(): string | null { return this.colors.second ?? null; }
  getFooterRowColor(): string | null { return this.colors.footer ?? null; }
}

export function makeBanding(ctx: Ctx, data: BandingData): GBanding {
  const b = new BandingImpl(ctx, data);
  b.proxy = ctx.rt.wrap<GBanding>('Banding', b, { methods: BANDING_API });
  return b.proxy;
}

/**
 * A user may change a protected range only as the spreadsheet's owner or one of its editors; a
 * warning-only protection lets anyone through (the person sees a warning first).
 * Ref: https://developers.google.com/apps-script/reference/spreadsheet/protection ("The owner of the
 * spreadsheet is always able to edit protected ranges and sheets"); Sheets' message for the refusal.
 */
export function checkEditable(ctx: Ctx, sheet: SheetData, box: Box): void {
  const u = ctx.book.user;
  if (u.role === 'owner' || sheet.protections.length === 0) return;
  const ref = { sheet, box };
  for (const p of sheet.protections) {
    if (p.warningOnly || p.editors.includes(u.email)) continue;
    if (!p.box || overlaps({ sheet, box: p.box }, ref)) throw new ScriptException(PROTECTED_MESSAGE);
  }
}

export function overlaps(a: RangeRef, b: RangeRef): boolean {
  return a.sheet === b.sheet && a.box.row < b.box.row + b.box.rows && b.box.row < a.box.row + a.box.rows && a.box.col < b.box.col + b.box.cols && b.box.col < a.box.col + a.box.cols;
}

// ---- Developer metadata ----
export const META_API = ['getKey', 'getValue', 'getId', 'getVisibility', 'setKey', 'setValue', 'setVisibility', 'remove', 'getLocation'] as const;
export const FINDER_API = ['withKey', 'withValue', 'withId', 'withVisibility', 'find'] as const;

export class MetadataImpl {
  proxy!: GMeta;
  constructor(
    private readonly ctx: Ctx,
    readonly data: MetadataData,
  ) {}
  getKey(): string { return this.data.key; }
  getValue(): string | null { return this.data.value; }
  getId(): number { return this.data.id; }
  getVisibility(): unknown { return (this.ctx.enums.DeveloperMetadataVisibility as Record<string, unknown>)[this.data.visibility]; }
  setKey(k: string): GMeta { this.data.key = String(k); return this.proxy; }
  setValue(v: string): GMeta { this.data.value = String(v); return this.proxy; }
  setVisibility(v: unknown): GMeta { this.data.visibility = enumName(v); return this.proxy; }
  remove(): void {
    this.data.removed = true;
    const i = this.ctx.book.metadata.indexOf(this.data);
    if (i >= 0) this.ctx.book.metadata.splice(i, 1);
  }
  getLocation(): unknown {
    const d = this.data;
    const ctx = this.ctx;
    const type = d.sheet === null ? 'SPREADSHEET' : d.span === null ? 'SHEET' : d.span.dim;
    const box = d.sheet && d.span ? spanBox(d.sheet, d.span) : null;
    return ctx.rt.wrap('DeveloperMetadataLocation', {
      getLocationType: () => (ctx.enums.DeveloperMetadataLocationType as Record<string, unknown>)[type],
      getSheet: () => (d.sheet ? ctx.sheet(d.sheet) : null),
      getSpreadsheet: () => (d.sheet ? null : ctx.spreadsheet()),
      getRow: () => (d.sheet && box && type === 'ROW' ? ctx.range(d.sheet, box) : null),
      getColumn: () => (d.sheet && box && type === 'COLUMN' ? ctx.range(d.sheet, box) : null),
    }, { methods: ['getLocationType', 'getSheet', 'getSpreadsheet', 'getRow', 'getColumn'] });
  }
}

export function makeMetadata(ctx: Ctx, data: MetadataData): GMeta {
  const m = new MetadataImpl(ctx, data);
  m.proxy = ctx.rt.wrap<GMeta>('DeveloperMetadata', m, { methods: META_API });
  return m.proxy;
}

export function makeFinder(ctx: Ctx, scope: (m: MetadataData) => boolean): GFinder {
  const filters: Array<(m: MetadataData) => boolean> = [scope];
  let proxy: GFinder;
  const impl = {
    withKey: (k: string) => { filters.push((m) => m.key === k); return proxy; },
    withValue: (v: string) => { filters.push((m) => m.value === v); return proxy; },
    withId: (id: number) => { filters.push((m) => m.id === id); return proxy; },
    withVisibility: (v: unknown) => { filters.push((m) => m.visibility === enumName(v)); return proxy; },
    find: () => ctx.book.metadata.filter((m) => filters.every((f) => f(m))).map((m) => makeMetadata(ctx, m)),
  };
  proxy = ctx.rt.wrap<GFinder>('DeveloperMetadataFinder', impl, { methods: FINDER_API });
  return proxy;
}
