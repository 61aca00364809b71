/**
 * The golden end-to-end run: the seed workbooks (seeds/*.xlsx, built by `npm run seeds`) read
 * through the .xlsx reader and checked by `checkWorkbook`, exactly as the CLI does.
 * Shared by golden.test.ts (compare) and update.ts (`npm run golden:update`, rewrite).
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkWorkbook, type CheckResult } from '../../src/core/check';
import { renderText } from '../../src/core/report/report';
import { readXlsx } from '../../src/hosts/xlsx/read';

export const GOLDEN_DIR = dirname(fileURLToPath(import.meta.url));
export const ROOT = join(GOLDEN_DIR, '..', '..');

/** The three layouts of the seed; the first is the sample whose report is committed. */
export const LAYOUTS = [
  { file: 'seeds/jiangchuan-2023.xlsx', layout: 'a sheet per project' },
  { file: 'seeds/jiangchuan-2023-two-column.xlsx', layout: 'two-column form, table on its own sheet' },
  { file: 'seeds/jiangchuan-2023-one-sheet.xlsx', layout: 'all projects on one sheet' },
] as const;

export const REPORT_FILE = join(GOLDEN_DIR, 'jiangchuan-2023.report.txt');

export function checkFile(file: string): CheckResult {
  const read = readXlsx(new Uint8Array(readFileSync(join(ROOT, file))));
  if (!read.ok) throw new Error(`${file}: ${read.error.message}`);
  return checkWorkbook({ snapshot: read.snapshot, lang: 'zh' });
}

/** The committed report: the sample workbook's findings rendered as text, in Chinese. */
export function renderReport(file: string, result: CheckResult): string {
  return `${renderText([{ file, findings: result.findings, summary: result.summary }], 'zh')}\n`;
}
