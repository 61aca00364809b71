/**
 * PENDING variant cases: inputs where the product is wrong today (not run by vitest: the file
 * name has no `.test`). Each is a complete case (input + expected findings) in the same form as
 * cases.ts; `NOTES` says what the product does instead and which module is the likely cause.
 * When a fix lands, move the case back into cases.ts (variants.test.ts runs it, also via .xlsx).
 *
 *   npx tsx tests/variants/dump.ts --pending          # expected vs actual, per case
 *   npx tsx tests/variants/write-failing.ts           # rewrites tests/fixtures/variants/failing.json
 */
import type { VariantCase } from './cases';
import { REAL_PENDING_CASES } from './cases-real';

export const PENDING_CASES: VariantCase[] = [...REAL_PENDING_CASES];

export interface PendingNote {
  /** 1 = an accountant would call the product wrong (false error/warning); 2 = missed defect. */
  readonly priority: 1 | 2;
  readonly actual: string;
  /** Best guess of the responsible module/function. */
  readonly suspect: string;
}

export const NOTES: Readonly<Record<string, PendingNote>> = {};
