/**
 * A sheet's drawings (text boxes, pictures) reach the core in a snapshot from a host, a worker or a file:
 * the core keeps them only when their counts are counts (src/core/document.ts). review2: NaN, negative or
 * fractional counts were kept, and the skipped sheet's reason then read "单元格中没有文字；有，其中的文字不能检查…".
 */
import { describe, expect, it } from 'vitest';
import { checkWorkbook } from '../../../src/core/check';
import { book, sheet } from '../disclosure/helpers';
import type { WorkbookSnapshot } from '../../../src/core/snapshot/types';

const withDrawings = (drawings: unknown): WorkbookSnapshot => book({ ...sheet('项目一', []), drawings } as never);
const skipped = (drawings: unknown) => checkWorkbook({ snapshot: withDrawings(drawings), lang: 'zh' }).document.skipped;

describe('drawings at the core’s boundary', () => {
  it('keeps well-formed counts', () => {
    expect(skipped({ textBoxes: 2, pictures: 0 })).toEqual([{ sheet: '项目一', reason: 'empty', drawings: { textBoxes: 2, pictures: 0 } }]);
  });

  it('leaves out counts that are not whole numbers of zero or more', () => {
    for (const bad of [
      { textBoxes: Number.NaN, pictures: 1 },
      { textBoxes: -1, pictures: 2 },
      { textBoxes: 1.5, pictures: 0 },
      { textBoxes: Number.POSITIVE_INFINITY, pictures: 0 },
    ]) {
      expect(skipped(bad)).toEqual([{ sheet: '项目一', reason: 'empty' }]);
    }
  });
});
