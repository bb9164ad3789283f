/** The closing line of `npm test`: the counts of Vitest and Playwright together. */
import { existsSync, readFileSync } from "node:fs";

interface Counts {
  passed: number;
  failed: number;
  skipped: number;
}

const read = (path: string): unknown => (existsSync(path) ? JSON.parse(readFileSync(path, "utf8")) : undefined);

const unit = read("reports/unit.json") as
  { numPassedTests: number; numFailedTests: number; numPendingTests: number; numTodoTests: number } | undefined;
const e2e = read("reports/e2e.json") as
  { stats: { expected: number; unexpected: number; flaky: number; skipped: number } } | undefined;

const counts: Record<string, Counts | undefined> = {
  Vitest: unit && {
    passed: unit.numPassedTests,
    failed: unit.numFailedTests,
    skipped: unit.numPendingTests + unit.numTodoTests,
  },
  Playwright: e2e && {
    passed: e2e.stats.expected,
    failed: e2e.stats.unexpected + e2e.stats.flaky,
    skipped: e2e.stats.skipped,
  },
};

const total: Counts = { passed: 0, failed: 0, skipped: 0 };
for (const [runner, c] of Object.entries(counts)) {
  if (c === undefined) {
    console.log(`${runner}: no report (did it run?)`);
    total.failed += 1;
    continue;
  }
  console.log(`${runner}: ${c.passed} passed, ${c.failed} failed, ${c.skipped} skipped`);
  total.passed += c.passed;
  total.failed += c.failed;
  total.skipped += c.skipped;
}
if (total.passed === 0) total.failed += 1;
console.log(`${total.passed} passed, ${total.failed} failed, ${total.skipped} skipped`);
process.exitCode = total.failed === 0 ? 0 : 1;
