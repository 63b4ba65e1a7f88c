/**
 * Prints one plain closing line, "Tests: N passed, N failed[, N skipped]", as the very last line of
 * the run (after jest's own summary), so CI logs state the count in a runner-independent form.
 */
const { writeSync } = require('node:fs');

class SummaryReporter {
  onRunComplete(_contexts, results) {
    const skipped = results.numPendingTests + results.numTodoTests;
    const tail = skipped ? `, ${skipped} skipped` : '';
    const line = `Tests: ${results.numPassedTests} passed, ${results.numFailedTests} failed${tail}\n`;
    process.once('exit', () => writeSync(1, line));
  }
}
module.exports = SummaryReporter;
