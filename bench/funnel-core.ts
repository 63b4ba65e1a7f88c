/**
 * The funnel core's own timing, apart from the add-on: a table of N clients (default 100,000) with a
 * stage history of 3·N changes, as string grids the way a CSV or getValues gives them.
 * Prints JSON: cpu ms of reading the table (inference included, as the CLI does), reading its rows
 * with the columns known (as the add-on does, from the saved schema), reading the history, and
 * computing the funnel with and without the history, plus a check that the figures add up.
 *
 * With --formulas, also the live Funnel sheet's formulas (planFunnelSheet, with the owner and channel
 * filters) evaluated by HyperFormula, the emulator's formula engine, over the same table: ms to build
 * and evaluate, and to recalculate after one stage cell is edited; and whether they agree with the core.
 *
 *   npx esbuild bench/funnel-core.ts --bundle --platform=node --external:hyperformula \
 *     --outfile=dist/dev/funnel-core.js && node dist/dev/funnel-core.js [ROWS] [--formulas]
 */
import { defaultContext } from '../src/core/fields';
import { HyperFormula } from 'hyperformula';
import { computeFunnel, funnelRecords, funnelTableFromGrid, historyFromGrid, planFunnelSheet, stagesWithHistory } from '../src/core/funnel';
import { mulberry32, int, pick } from './random';

const STAGES = ['Lead', 'Contacted', 'Qualified', 'Proposal', 'Negotiation', 'Won'];
const VARIANTS: Record<string, string[]> = { Won: ['Won', 'Won', 'Closed Won', '成交'], Lost: ['Lost', 'Lost', '丢单'] };
const pad = (n: number, w = 2) => String(n).padStart(w, '0');

function stamp(minutes: number): string {
  const d = new Date(Date.UTC(2025, 0, 1) + minutes * 60000);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
}

function generate(rows: number): { table: string[][]; history: string[][] } {
  const rng = mulberry32(13);
  const table: string[][] = [['Client ID', 'Name', 'Owner', 'Channel', 'Stage', 'Deal value', 'Created']];
  const history: string[][] = [['Client ID', 'From', 'To', 'When']];
  const target = rows * 3;
  for (let i = 0; i < rows; i++) {
    const id = `C${pad(i + 1, 6)}`;
    let t = int(rng, 0, 500 * 1440);
    const created = t;
    // Each client makes about three moves forward, sometimes ending lost.
    const moves = history.length - 1 < target ? int(rng, 2, 7) : 0;
    let at = 0;
    let stage = 'Lead';
    for (let k = 0; k < moves && history.length - 1 < target; k++) {
      t += int(rng, 60, 20 * 1440);
      const lose = rng() < 0.15;
      const next = lose ? 'Lost' : STAGES[Math.min(STAGES.length - 1, at + 1)];
      const to = pick(rng, VARIANTS[next] ?? [next]);
      history.push([id, stage, to, stamp(t)]);
      stage = to;
      if (lose) break;
      at = Math.min(STAGES.length - 1, at + 1);
    }
    table.push([id, `Client ${i}`, pick(rng, ['Amy', 'Ben', 'Cai', 'Dee']), pick(rng, ['Web', 'Referral', 'Event']), stage, String(int(rng, 100, 50000)), stamp(created)]);
  }
  return { table, history };
}

function cpu<T>(f: () => T): { value: T; ms: number } {
  const a = process.cpuUsage();
  const value = f();
  const d = process.cpuUsage(a);
  return { value, ms: Math.round((d.user + d.system) / 100) / 10 };
}

const rows = Number(process.argv.slice(2).find((a) => /^\d+$/.test(a)) ?? 100000);
const { table, history } = generate(rows);
const ctx = defaultContext('en', { region: 'US' });
const readTable = cpu(() => funnelTableFromGrid(table, ctx));
if (!readTable.value.ok) throw new Error(readTable.value.problem);
const t = readTable.value.table;
// The add-on knows its columns from the saved schema: reading the rows without inference.
const readRecords = cpu(() => funnelRecords(table, {
  stage: 4, id: { column: 0 }, owner: { column: 2 }, channel: { column: 3 }, value: { column: 5, type: 'currency' }, created: { column: 6, type: 'dateTime' },
}, ctx, 1, table.length));
if (readRecords.value.length !== t.records.length) throw new Error('records');
const readHistory = cpu(() => historyFromGrid(history, ctx));
if (!readHistory.value.ok) throw new Error('history');
const changes = readHistory.value.changes;
const now = new Date(Date.UTC(2026, 5, 1));
const plain = cpu(() => computeFunnel({ records: t.records, stage: t.stage, now, timeZone: 'UTC' }));
const withHistory = cpu(() => computeFunnel({ records: t.records, stage: stagesWithHistory(t.stage, changes), history: changes, now, timeZone: 'UTC' }));
const r = withHistory.value;
let formulas: Record<string, unknown> | null = null;
if (process.argv.includes('--formulas')) {
  const sheetName = 'Clients';
  const observed = [...new Set(table.slice(1).map((row) => row[4]))];
  const plan = planFunnelSheet({ locale: 'en', table: { sheetName, columns: { stage: 5, owner: 3, channel: 4, value: 6 } }, stage: t.stage, observed });
  const height = Math.max(...plan.cells.map((c) => c.row));
  const funnel: Array<Array<string | number | null>> = Array.from({ length: height }, () => new Array<string | number | null>(9).fill(null));
  for (const c of plan.cells) funnel[c.row - 1][c.column - 1] = c.formula ?? (c.value === '' ? null : c.value ?? null);
  const data = table.map((row) => row.map((v, i) => (i === 5 && /^\d+$/.test(v) ? Number(v) : v)));
  const wall = (f: () => void) => { const a = performance.now(); f(); return Math.round(performance.now() - a); };
  let engine: HyperFormula | null = null;
  const buildMs = wall(() => { engine = HyperFormula.buildFromSheets({ [sheetName]: data, Funnel: funnel }, { licenseKey: 'gpl-v3', maxRows: 10_000_000 }); });
  const hf = engine as unknown as HyperFormula;
  const id = hf.getSheetId('Funnel') as number;
  const reached = plain.value.stages.map((_, i) => hf.getCellValue({ sheet: id, row: plan.stageRows.first + i - 1, col: plan.stageColumns.reached - 1 }));
  const agrees = JSON.stringify(reached) === JSON.stringify(plain.value.stages.map((s) => s.reached));
  const editMs = wall(() => { hf.setCellContents({ sheet: hf.getSheetId(sheetName) as number, row: 1, col: 4 }, 'Won'); });
  formulas = { buildAndEvaluateMs: buildMs, oneEditRecalcMs: editMs, agreesWithCore: agrees, formulaCells: plan.cells.filter((c) => c.formula).length };
}
process.stdout.write(JSON.stringify({
  rows,
  changes: changes.length,
  cpu_ms: {
    readTable: readTable.ms,
    readRecords: readRecords.ms,
    readHistory: readHistory.ms,
    funnel: plain.ms,
    funnelWithHistory: withHistory.ms,
    totalWithInference: Math.round((readTable.ms + readHistory.ms + withHistory.ms) * 10) / 10,
    totalSchemaKnown: Math.round((readRecords.ms + readHistory.ms + withHistory.ms) * 10) / 10,
  },
  check: {
    clients: r.clients,
    reachedFirst: r.stages[0].reached,
    wonPlusLostPlusOpen: r.won + r.lost + r.stages.slice(0, -1).reduce((a, s) => a + s.now, 0),
    used: r.history?.used,
    stages: r.stages.map((s) => [s.label, s.reached, s.avgDays === null ? null : Math.round(s.avgDays * 10) / 10]),
    won: r.won,
    lost: r.lost,
    unmapped: r.unmapped,
  },
  ...(formulas ? { formulas } : {}),
}, null, 1) + '\n');
