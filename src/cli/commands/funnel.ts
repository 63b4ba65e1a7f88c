/**
 * `clientflow funnel FILE.csv [--history HISTORY.csv]`: who reached each stage, conversions and the win
 * rate, from the same core as the add-on's Funnel sheet (src/core/funnel). JSON when the output is piped
 * or with --json (the contract in docs/ARCHITECTURE.md, exactly: stages with name, reached, conversion and, with a
 * history, avgDays; won, lost, winRate); a readable table on a terminal, with the other figures.
 * Rows whose stage is none of the stages, and history rows that cannot be used, are reported on stderr.
 */
import { defaultContext } from '../../core/fields/context';
import { computeFunnel, funnelTableFromGrid, historyFromGrid, stagesWithHistory, type FunnelFilters, type FunnelResult, type HistoryColumn, type StageChange, type ValueCount } from '../../core/funnel';
import { t, type Locale, joinList } from '../../core/i18n';
import { CliExit, parseCommandArgs } from '../args';
import { DEFAULT_REGION } from '../defaults';
import { loadGrid, localeRegion, oneFile } from '../io';

/** The contract's JSON. */
export interface FunnelJson {
  stages: Array<{ name: string; reached: number; conversion: number; avgDays?: number | null }>;
  won: number;
  lost: number;
  winRate: number | null;
}

/** Days to a millionth (a tenth of a second): times are serials, whose differences carry float noise. */
const days = (x: number | null) => (x === null ? null : Math.round(x * 1e6) / 1e6);

export function funnelJson(r: FunnelResult, withHistory: boolean): FunnelJson {
  return {
    stages: r.stages.map((s) => (withHistory
      ? { name: s.label, reached: s.reached, conversion: s.conversion, avgDays: days(s.avgDays) }
      : { name: s.label, reached: s.reached, conversion: s.conversion })),
    won: r.won,
    lost: r.lost,
    winRate: r.winRate,
  };
}

/** Columns on a terminal: CJK and full-width characters take two. */
function width(s: string): number {
  let w = 0;
  for (const ch of s) w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch) ? 2 : 1;
  return w;
}
function pad(s: string, w: number, right: boolean): string {
  const fill = ' '.repeat(Math.max(0, w - width(s)));
  return right ? fill + s : s + fill;
}
const pct = (x: number | null) => (x === null ? null : `${(x * 100).toFixed(1).replace(/\.0$/, '')}%`);
const num = (x: number) => (Number.isInteger(x) ? String(x) : x.toFixed(2));
/** A cell's text for the terminal, without control characters (a stage label comes from the file). */
// eslint-disable-next-line no-control-regex -- control characters are what it removes
const safe = (s: string) => s.replace(/[\u0000-\u001f\u007f-\u009f]+/g, ' ');

/** The readable report: a table of stages and the overall figures. */
export function funnelTable(r: FunnelResult, file: string, stageColumn: string, withHistory: boolean, locale: Locale): string {
  const none = t(locale, 'funnel.report.none');
  type Head = 'stage' | 'reached' | 'now' | 'conversion' | 'fromTop' | 'dropOff' | 'avgDays' | 'value';
  const head: Head[] = ['stage', 'reached', 'now', 'conversion', 'fromTop', 'dropOff', ...(withHistory ? ['avgDays' as const] : []), 'value'];
  const rows: string[][] = [head.map((h) => t(locale, `funnel.report.${h}`))];
  for (const s of r.stages) {
    rows.push([
      safe(s.label), String(s.reached), String(s.now), pct(s.conversion) ?? none, pct(s.fromTop) ?? none, String(s.dropOff),
      ...(withHistory ? [s.avgDays === null ? none : s.avgDays.toFixed(1)] : []), num(s.value),
    ]);
  }
  const widths = head.map((_, c) => Math.max(...rows.map((row) => width(row[c]))));
  const lines = [t(locale, 'funnel.report.title', { file: safe(file), count: r.clients, column: safe(stageColumn) }), ''];
  for (const row of rows) lines.push(row.map((cell, c) => pad(cell, widths[c], c > 0)).join('  ').trimEnd());
  lines.push('');
  const sep = locale === 'zh-CN' ? '：' : ': ';
  lines.push([
    `${t(locale, 'funnel.report.won')}${sep}${r.won}`,
    `${t(locale, 'funnel.report.lost')}${sep}${r.lost}`,
    `${t(locale, 'funnel.report.winRate')}${sep}${pct(r.winRate) ?? none}`,
  ].join('   '));
  lines.push(`${t(locale, 'funnel.report.cycle')}${sep}${r.avgCycleDays === null ? none : t(locale, 'funnel.report.days', { n: r.avgCycleDays.toFixed(1) })}`);
  lines.push(`${t(locale, 'funnel.report.open')}${sep}${num(r.openValue)}`);
  return lines.join('\n') + '\n';
}

/** Warnings about what was not counted, one line each. */
export function funnelWarnings(r: FunnelResult, skipped: number, locale: Locale): string[] {
  const list = (vs: ValueCount[]) => vs.slice(0, 10).map((v) => `"${safe(v.value)}" (${v.count})`).join(', ') + (vs.length > 10 ? ', …' : '');
  const total = (vs: ValueCount[]) => vs.reduce((a, v) => a + v.count, 0);
  const out: string[] = [];
  if (r.unmapped.length) out.push(t(locale, 'funnel.warn.unmapped', { count: total(r.unmapped), values: list(r.unmapped) }));
  if (r.history?.unmapped.length) out.push(t(locale, 'funnel.warn.historyUnmapped', { count: total(r.history.unmapped), values: list(r.history.unmapped) }));
  if (r.history?.orphans) out.push(t(locale, 'funnel.warn.orphans', { count: r.history.orphans }));
  if (skipped) out.push(t(locale, 'funnel.warn.skipped', { count: skipped }));
  return out;
}

const OPTIONS = ['history', 'owner', 'channel', 'since', 'until'] as const;

export function runFunnel(argv: string[], locale: Locale): number {
  const command = 'funnel';
  const asJson = argv.includes('--json');
  const p = parseCommandArgs(command, argv.filter((a) => a !== '--json'), OPTIONS, locale);
  if (p.help) { process.stdout.write(t(locale, 'funnel.usage') + '\n'); return 0; }
  const file = oneFile(command, p, locale);
  const day = (option: string): string | null => {
    const v = p.options.get(option);
    if (v === undefined) return null;
    const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(v);
    const d = m ? new Date(Date.UTC(+m[1], +m[2] - 1, +m[3])) : null;
    if (!m || !d || d.getUTCMonth() !== +m[2] - 1) throw new CliExit(2, t(locale, 'funnel.error.badDate', { option: `--${option}`, value: v }));
    return v;
  };
  const filters: FunnelFilters = {
    owner: p.options.get('owner') ?? null,
    channel: p.options.get('channel') ?? null,
    created: { from: day('since'), to: day('until') },
  };
  const ctx = defaultContext(locale, { region: localeRegion() ?? DEFAULT_REGION });

  const grid = loadGrid(command, file, locale);
  const read = funnelTableFromGrid(grid, ctx);
  if (!read.ok) {
    throw new CliExit(1, read.problem === 'noHeader' ? t(locale, 'cli.error.noHeader', { command, file }) : t(locale, 'funnel.error.noStage', { file }));
  }
  // A filter on a column the table does not have would silently count nobody.
  const cols = read.table.columns;
  for (const [option, present] of [['owner', cols.owner], ['channel', cols.channel], ['since', cols.created], ['until', cols.created]] as const) {
    if (p.options.has(option) && present === null) throw new CliExit(1, t(locale, 'funnel.error.noFilterColumn', { file, option: `--${option}` }));
  }
  const historyFile = p.options.get('history');
  let history: StageChange[] | null = null;
  let skipped = 0;
  if (historyFile !== undefined) {
    if (read.table.columns.id === null) throw new CliExit(1, t(locale, 'funnel.error.noClientId', { file }));
    const h = historyFromGrid(loadGrid(command, historyFile, locale), ctx);
    if (!h.ok) {
      const names = h.missing.map((k: HistoryColumn) => t(locale, `funnel.column.${k}`));
      throw new CliExit(1, t(locale, 'funnel.error.historyColumns', { file: historyFile, missing: joinList(locale, names) }));
    }
    history = h.changes;
    skipped = h.skipped;
  }
  // Stages the history names that no client is in today are stages too.
  const stage = history ? stagesWithHistory(read.table.stage, history) : read.table.stage;
  const result = computeFunnel({ records: read.table.records, stage, history, filters, now: new Date(), timeZone: ctx.timeZone });
  const withHistory = history !== null;
  for (const w of funnelWarnings(result, skipped, locale)) process.stderr.write(w + '\n');
  if (asJson || !process.stdout.isTTY) process.stdout.write(JSON.stringify(funnelJson(result, withHistory)) + '\n');
  else process.stdout.write(funnelTable(result, file, read.table.columns.stage, withHistory, locale));
  return 0;
}
