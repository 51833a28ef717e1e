// Prints `N passed, N failed` from vitest's JSON report (written by `pnpm run test:unit`).
// Exits 1 when no test ran (missing report, or zero tests), so CI never passes on nothing.
import { existsSync, readFileSync } from 'node:fs';

const file = process.argv[2] ?? '.reports/vitest.json';
/** @type {{ numPassedTests?: number, numFailedTests?: number }} */
const report = existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : {};
const passed = report.numPassedTests ?? 0;
const failed = report.numFailedTests ?? 0;
console.log(`${passed} passed, ${failed} failed`);
process.exit(passed + failed === 0 ? 1 : 0);
