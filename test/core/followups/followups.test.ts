/** Follow-ups (pure, clock injected) and the check report's paging, counts and legend over the B2B template. */
import { computeFollowUps } from '../../../src/core/followups';
import { legend, reportCounts, reportPage, checksFromIssues } from '../../../src/core/check/report';
import { fieldType } from '../../../src/core/fields';
import { AUTO_TYPES } from '../../../src/core/fields/types';
import { sequentialLayout } from '../../../src/core/table/layout';
import { templateSchema } from '../../../src/core/templates';
import { RULE_COLORS } from '../../../src/core/setup/rules';
import { FLAG_BACKGROUND } from '../../../src/core/edit/flags';
import type { SheetIssue } from '../../../src/core/check/validate';
import type { CellValue } from '../../../src/core/fields/types';

const schema = templateSchema('b2b', 'en');
const layout = sequentialLayout(schema.fields, 1);
const col = (key: string) => (layout.columns[key] as number) - 1;
const width = Math.max(...Object.values(layout.columns));

function row(values: Record<string, CellValue>): CellValue[] {
  const r: CellValue[] = new Array<CellValue>(width).fill('');
  for (const [k, v] of Object.entries(values)) r[col(k)] = v;
  return r;
}

describe('computeFollowUps', () => {
  const won = schema.stages?.won ?? 'Won';
  const rows = [
    row({ company: 'Late', stage: 'Lead', nextFollowUp: '2026-03-01', lastContact: '2026-03-09' }),
    row({ company: 'Today', stage: 'Lead', nextFollowUp: new Date(Date.UTC(2026, 2, 10)), lastContact: '2026-03-09' }),
    row({ company: 'Quiet', stage: 'Lead', nextFollowUp: '2026-04-01', lastContact: '2026-02-01' }),
    row({ company: 'Edge', stage: 'Lead', lastContact: '2026-02-24' }), // exactly 14 days: not stale yet
    row({ company: 'Closed', stage: won, nextFollowUp: '2026-01-01', lastContact: '2026-01-01' }),
    row({ company: 'Junk', stage: 'Lead', nextFollowUp: 'soon' }),
  ];
  test('a fixed clock decides due, overdue and stale; closed and unreadable rows are left out', () => {
    const r = computeFollowUps({ schema, layout, rows, firstRow: 2, firstColumn: 1, now: new Date(Date.UTC(2026, 2, 10, 23, 0)), timeZone: 'UTC', types: fieldType });
    expect(r.today).toBe('2026-03-10');
    expect(r.overdue.map((f) => [f.name, f.days, f.row, f.column])).toEqual([['Late', 9, 2, col('nextFollowUp') + 1]]);
    expect(r.due.map((f) => f.name)).toEqual(['Today']);
    expect(r.stale.map((f) => [f.name, f.days])).toEqual([['Quiet', 37]]);
    expect(r.missing).toEqual([]);
  });
  test('the day is the spreadsheet time zone\'s day', () => {
    // 23:00 UTC on the 10th is already the 11th in Shanghai: the follow-up of the 10th is overdue there.
    const r = computeFollowUps({ schema, layout, rows, firstRow: 2, firstColumn: 1, now: new Date(Date.UTC(2026, 2, 10, 23, 0)), timeZone: 'Asia/Shanghai', types: fieldType });
    expect(r.today).toBe('2026-03-11');
    expect(r.due).toEqual([]);
    expect(r.overdue.map((f) => f.name)).toContain('Today');
  });
});

describe('check report', () => {
  const issues: SheetIssue[] = [];
  for (let r = 2; r <= 121; r++) issues.push({ row: r, column: 3, key: 'email', code: r % 3 === 0 ? 'required' : 'invalidEmail' });
  test('every issue is on exactly one page', () => {
    const seen = new Set<number>();
    const p0 = reportPage(issues, 0);
    expect(p0.pages).toBe(3);
    for (let p = 0; p < p0.pages; p++) for (const i of reportPage(issues, p).items) seen.add(i.row);
    expect(seen.size).toBe(120);
    expect(reportPage(issues, 99).page).toBe(2);
  });
  test('counts per column and per problem', () => {
    const c = reportCounts(issues, () => 'Email', (i) => i.code);
    expect(c.byColumn).toEqual([{ column: 3, header: 'Email', count: 120 }]);
    expect(c.byProblem).toEqual([{ code: 'invalidEmail', message: 'invalidEmail', count: 80 }, { code: 'required', message: 'required', count: 40 }]);
  });
  test('legend colors come from the rules and our flag', () => {
    const l = legend(schema, layout);
    expect(l.find((e) => e.kind === 'broken')?.background).toBe(FLAG_BACKGROUND);
    expect(l.find((e) => e.kind === 'required')?.background).toBe(RULE_COLORS.required.background);
    const wonColor = schema.fields.find((f) => f.role === 'stage')?.options?.find((o) => o.label === schema.stages?.won)?.color;
    expect(l.find((e) => e.kind === 'won')?.background).toBe(wonColor);
  });
  test('checks from issues: auto fields out of scope, empty rows cleared', () => {
    const checks = checksFromIssues({ schema, layout, rows: 2, width, firstRow: 2, spanFirst: 1, hasData: (r) => r === 0, issues: [{ row: 2, column: col('email') + 1, key: 'email', code: 'invalidEmail' }], autoTypes: new Set(AUTO_TYPES) });
    expect(checks[0]?.[col('email')]).toEqual({ scope: true, issue: { code: 'invalidEmail' } });
    expect(checks[0]?.[col('company')]).toEqual({ scope: true, issue: null });
    const auto = schema.fields.find((f) => (AUTO_TYPES as readonly string[]).includes(f.type));
    if (auto) expect(checks[0]?.[col(auto.key)]?.scope).toBe(false);
    expect(checks[1]?.every((c) => c.scope && c.issue === null)).toBe(true);
  });
});
