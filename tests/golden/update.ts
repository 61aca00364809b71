/**
 * `npm run golden:update` (node --import tsx tests/golden/update.ts): rewrites the committed
 * golden report from the current rules. Review the diff line by line before committing it:
 * every line must be a real defect of the seed (docs/seed-findings.md).
 */
import { writeFileSync } from 'node:fs';
import { LAYOUTS, REPORT_FILE, checkFile, renderReport } from './golden';

const sample = LAYOUTS[0].file;
const result = checkFile(sample);
if (result.failures.length > 0) {
  console.error('rules failed:', result.failures);
  process.exit(1);
}
writeFileSync(REPORT_FILE, renderReport(sample, result));
console.log(`${REPORT_FILE}: ${result.findings.length} findings (${result.summary.errors} errors, ${result.summary.warnings} warnings)`);
