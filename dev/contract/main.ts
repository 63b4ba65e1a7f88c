/** `npm run contract`: the contract suite on the emulator, as JSON on stdout (exit 1 when a claim fails). */
import { runContractOnEmulator } from './run';

const report = runContractOnEmulator();
process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
process.exitCode = report.failed === 0 ? 0 : 1;
