// CI reads a plain "N passed, M failed" line; web-test-runner's progress bar is not read.
function count(suite, totals) {
  for (const test of suite.tests ?? []) {
    if (test.skipped) totals.skipped += 1;
    else if (test.passed) totals.passed += 1;
    else totals.failed += 1;
  }
  for (const child of suite.suites ?? []) count(child, totals);
}

export function countReporter() {
  let totals;
  return {
    onTestRunFinished({ sessions }) {
      totals = { passed: 0, failed: 0, skipped: 0, brokenFiles: 0 };
      for (const session of sessions) {
        if (session.testResults) count(session.testResults, totals);
        // A file that fails to load has no test results but errors: count it as a failure.
        if (!session.passed && (!session.testResults || session.errors?.length)) totals.brokenFiles += 1;
      }
    },
    stop() {
      if (!totals) return;
      const failed = totals.failed + totals.brokenFiles;
      const skipped = totals.skipped ? `, ${totals.skipped} skipped` : '';
      process.stdout.write(`\n${totals.passed} passed, ${failed} failed${skipped}\n`);
    },
  };
}
