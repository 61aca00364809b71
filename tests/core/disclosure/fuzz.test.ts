import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readDisclosure } from '../../../src/core/disclosure/index';
import { runRules } from '../../../src/core/rules/engine';
import { RULES } from '../../../src/core/rules/index';
import type { Cell } from '../../../src/core/snapshot/types';

const MINE = new Set([
  'section-missing',
  'section-duplicate',
  'section-order',
  'section-empty',
  'heading-numbering',
  'project-numbering',
  'duplicate-text',
  'placeholder-text',
]);
const rules = RULES.filter((r) => MINE.has(r.meta.id));

const PIECES = [
  '项目一',
  '项目二',
  '项目 3',
  '项目十一：保安',
  '一、项目名称',
  '二、立项依据',
  '三、',
  '（四）项目基本概况',
  '5.项目实施内容',
  '资金安排',
  '进度安排：全年',
  '八、项目实施成效',
  '绩效目标',
  '用于表彰教育宣传先进、征订报刊、制作宣传标语、展板、印制教育宣传材料等。',
  'XX',
  '待定',
  '课酬元、',
  '（一）领导小组',
  '\n',
  '：',
  ' ',
  '#REF!',
  '10万元',
  '',
  '详见“学校明细表”',
];

describe('reader + reader rules on arbitrary grids', () => {
  it('never throw, and every finding names its project and a cell of the workbook', () => {
    const text = fc.array(fc.constantFrom(...PIECES), { minLength: 1, maxLength: 4 }).map((a) => a.join(''));
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(3), fc.nat(40), fc.nat(3), text), { maxLength: 80 }), (entries) => {
        const sheets = [0, 1, 2, 3].map((index) => {
          const seen = new Set<string>();
          const cells: Cell[] = [];
          for (const [s, row, col, value] of entries) {
            if (s !== index || seen.has(`${row},${col}`)) continue;
            seen.add(`${row},${col}`);
            cells.push({ row, col, kind: value === '#REF!' ? 'error' : 'text', value, text: value });
          }
          cells.sort((a, b) => a.row - b.row || a.col - b.col);
          return { name: `S${index}`, index, visibility: 'visible' as const, cells, merges: [] };
        });
        const snapshot = { sheets };
        const read = readDisclosure(snapshot);
        const { findings, failures } = runRules({ projects: read.projects, tables: [], registry: [], snapshot }, rules);
        expect(failures).toEqual([]);
        for (const f of findings) {
          expect(f.project, f.rule).toBeTruthy();
          expect(sheets.map((s) => s.name)).toContain(f.sheet);
          expect(f.message).not.toMatch(/\{\w+\}/);
        }
      }),
      { numRuns: 300 },
    );
  });
});
