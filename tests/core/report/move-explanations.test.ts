import { describe, expect, it } from 'vitest';
import { explanationKey, moveExplanations } from '../../../src/core/report/explanations';
import type { StoredExplanation, WorkbookSnapshot } from '../../../src/core/snapshot/types';
import { fromA1 } from '../../../src/core/snapshot/a1';

/** A stored 说明 of a finding of `rule` at `sheet!cell`, keyed as the check keys it (the cell holds `text`). */
function stored(sheet: string, cell: string, text = '原文'): StoredExplanation {
  const p = fromA1(cell)!;
  const snapshot: WorkbookSnapshot = {
    sheets: [{ name: sheet, index: 0, visibility: 'visible', merges: [], cells: [{ ...p, kind: 'text', value: text, text }] }],
  };
  const key = explanationKey({ rule: 'total-mismatch', messageId: 'sumDiffers', sheet, cell, ...p }, snapshot);
  return { key, rule: 'total-mismatch', sheet, cell, text: '说明' };
}

describe('moveExplanations', () => {
  it('moves a 说明 at or below an inserted row down one, its key as the check gives it at the new cell', () => {
    const [at, below, above] = moveExplanations(
      [stored('项目一', 'A12'), stored('项目一', 'B20'), stored('项目一', 'A11')],
      [{ sheet: '项目一', row: 11 }],
    );
    expect(at).toEqual(stored('项目一', 'A13'));
    expect(below).toEqual(stored('项目一', 'B21'));
    expect(above).toEqual(stored('项目一', 'A11'));
  });

  it('counts every insert of the batch at or above the cell (rows as the check saw them); other sheets stay', () => {
    const rows = [
      { sheet: '项目一', row: 5 },
      { sheet: '项目一', row: 11 },
    ];
    expect(moveExplanations([stored('项目一', 'A8'), stored('项目一', 'A30'), stored('项目二', 'A30')], rows)).toEqual([
      stored('项目一', 'A9'),
      stored('项目一', 'A32'),
      stored('项目二', 'A30'),
    ]);
  });

  it('a sheet name with | in it keeps its key whole', () => {
    expect(moveExplanations([stored('项目|一', 'A12')], [{ sheet: '项目|一', row: 0 }])).toEqual([stored('项目|一', 'A13')]);
  });

  it('a heading mapping (keyed by its label) keeps its key and gets the new place; unmoved entries are the same objects', () => {
    const map: StoredExplanation = { key: 'heading-map|经费保障情况', rule: 'heading-map', sheet: '项目一', cell: 'A20', text: 'funding' };
    const same = stored('项目一', 'A2');
    const [m, s] = moveExplanations([map, same], [{ sheet: '项目一', row: 11 }]);
    expect(m).toEqual({ ...map, cell: 'A21' });
    expect(s).toBe(same);
  });
});
