/**
 * The contract suite on the emulator: every claim about Sheets that the add-on relies on holds on the
 * emulator (the same claims run in a real spreadsheet from dist/contract/; see docs/contract.md).
 */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { type ContractEnv, type ContractReport, PERSON_STEPS } from '../../dev/contract/claims';
import { clockFile, compareReports } from '../../dev/contract/compare';
import { measureClock } from '../../dev/contract/measure';
import { runContractOnEmulator } from '../../dev/contract/run';
import { createEmulator } from '../../dev/emulator';
import clock from '../../dev/emulator/clock.json';
import { loadAddon } from '../../dev/harness';

function findUp(rel: string): string {
  let dir = __dirname;
  while (!existsSync(join(dir, rel)) && dirname(dir) !== dir) dir = dirname(dir);
  return join(dir, rel);
}

test('every contract claim holds on the emulator (at least 40, each with a source)', () => {
  const report = runContractOnEmulator();
  const failed = report.claims.filter((c) => !c.ok).map((c) => `${c.name}: ${c.detail}`);
  expect(failed).toEqual([]);
  expect(report.claims.length).toBeGreaterThanOrEqual(40);
  expect(report.passed).toBe(report.claims.length);
  for (const c of report.claims) expect(c.source).toMatch(/\S/);
  expect(Object.keys(report).sort()).toEqual(['claims', 'failed', 'passed']);
  expect(Object.keys(report.claims[0] ?? {}).sort()).toEqual(['detail', 'name', 'ok', 'source']);
});

describe('the kit for a real spreadsheet (dist/contract/)', () => {
  test('Code.js runs the same claims through its entry points; without a person, the event claims say which step to do', () => {
    const emu = createEmulator({ spreadsheetLocale: 'en_US' });
    const kit = loadAddon(emu, { codePath: findUp('dist/contract/Code.js') });
    expect(kit.functions.sort()).toEqual(['measureClock', 'onEdit', 'preparePersonSheet', 'runContract']);
    expect(kit.menu('preparePersonSheet').ok).toBe(true);
    const out = kit.menu('runContract');
    expect(out.ok).toBe(true);
    const report = (out as { result: ContractReport }).result;
    const emulatorReport = runContractOnEmulator();
    const diffs = compareReports(emulatorReport, report);
    // only the event claims differ: nobody did the person steps
    expect(diffs.every((d) => d.name.startsWith('event:') || d.name.startsWith('a dropdown accepts'))).toBe(true);
    expect(diffs.length).toBe(PERSON_STEPS.length);
    expect(report.claims.find((c) => c.name.startsWith('event: typing into'))?.detail).toMatch(/no event recorded on B2: do step 1/);
    // the JSON is also left in a sheet for copying
    expect(JSON.parse(String(emu.view('contract-result', 'A1')[0]?.[0]?.value))).toEqual(report);
  });

  test('measureClock recovers the emulator\'s own clock model', () => {
    const emu = createEmulator();
    const m = measureClock(emu.globals as unknown as ContractEnv, () => emu.now(), [1000, 10000, 50000]);
    expect(m.msPerCall).toBeCloseTo(clock.msPerCall, 1);
    expect(m.msPerCellRead).toBeCloseTo(clock.msPerCellRead, 6);
    expect(m.msPerCellWritten).toBeCloseTo(clock.msPerCellWritten, 6);
    const file = clockFile(m, m.cpuBenchMs || 1);
    expect(Object.keys(file).sort()).toEqual(Object.keys(clock).sort());
  });

  test('compare reports outcome and detail differences, and claims only one side has', () => {
    const a: ContractReport = { passed: 2, failed: 0, claims: [{ name: 'x', source: 's', ok: true, detail: '1' }, { name: 'y', source: 's', ok: true, detail: '2' }] };
    const b: ContractReport = { passed: 1, failed: 1, claims: [{ name: 'x', source: 's', ok: false, detail: 'boom' }, { name: 'z', source: 's', ok: true, detail: '3' }] };
    expect(compareReports(a, b).map((d) => [d.name, d.kind])).toEqual([['x', 'outcome'], ['y', 'missing'], ['z', 'missing']]);
    expect(compareReports(a, a)).toEqual([]);
  });
});
