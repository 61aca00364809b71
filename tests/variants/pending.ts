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

export const NOTES: Readonly<Record<string, PendingNote>> = {
  'real-ningxiang-batang-target-form-twoColumn': {
    priority: 1,
    actual:
      'total-mismatch on the form cell 资金总额及构成 (a multi-line cell: 总额10606.7522万元 / 财政拨款:6923.3552万元(其中:…) / 二、自有资金:0万元 / 三、其他:3683.3970万元): ' +
      'the parts are taken as the numbered items 二、三、 only (0 + 3683.397), the unnumbered first item 财政拨款 is dropped; 6923.3552 + 0 + 3683.397 = 10606.7522 is right. ' +
      'Only in the two-column layout (the cell is read as a form row, i.e. an otherTables row); one paragraph a row does not fire.',
    suspect: 'src/core/text/amount-statements.ts (numbered enumeration parts) / total-mismatch on otherTables cells — issue 12 §4, quantities',
  },
};
