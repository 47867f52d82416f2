// Prints "N passed, N failed[, N skipped]" summed over vitest's JSON reports (SQLite's run and the
// PostgreSQL one, scripts/test.sh); exits 1 when a report is missing or the reports count no test at all,
// so a run that silently collected nothing cannot pass.
import { readFileSync } from 'node:fs';

const files = process.argv.length > 2 ? process.argv.slice(2) : ['test-results/vitest.json'];
let passed = 0;
let failed = 0;
let skipped = 0;
let missing = false;
for (const file of files) {
  let report;
  try {
    report = JSON.parse(readFileSync(file, 'utf8'));
  } catch (err) {
    console.error(`no test report at ${file}: ${err.message}`);
    missing = true;
    continue;
  }
  const suiteErrors = (report.testResults ?? []).filter(
    (r) => r.status === 'failed' && r.assertionResults?.length === 0,
  ).length;
  passed += report.numPassedTests ?? 0;
  failed += (report.numFailedTests ?? 0) + suiteErrors;
  skipped += (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
}
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(missing || passed === 0 || failed > 0 ? 1 : 0);
