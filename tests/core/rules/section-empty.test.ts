import { describe, expect, it } from 'vitest';
import rule from '../../../src/core/rules/section-empty';
import { runRules } from '../../../src/core/rules/engine';
import { makeDocument } from '../../helpers/document';
import { readDisclosure } from '../../../src/core/disclosure/index';
import type { Cell } from '../../../src/core/snapshot/types';

const run = (doc: ReturnType<typeof makeDocument>['document']) => runRules(doc, [rule]).findings;

describe('section-empty', () => {
  it('does not fire when every heading has text (无 counts as text)', () => {
    expect(run(makeDocument([{ title: '项目一', sections: { name: ['x'], basis: ['无'] } }]).document)).toEqual([]);
  });

  it('fires at a heading with no paragraph, and at one with only punctuation', () => {
    const f = run(makeDocument([{ title: '项目二', sections: { name: ['x'], basis: [], unit: ['。'], overview: ['y'] } }]).document);
    expect(f.map((x) => [x.rule, x.project, x.cell, x.message])).toEqual([
      ['section-empty', '项目二', 'A4', '“立项依据”下没有内容'],
      ['section-empty', '项目二', 'A5', '“项目实施单位”下没有内容'],
    ]);
  });

  it('does not fire when the heading carries its content after a colon or has a table under it (via the reader)', () => {
    const t = (row: number, col: number, text: string): Cell => ({ row, col, kind: 'text', value: text, text });
    const snapshot = {
      sheets: [
        {
          name: 'P',
          index: 0,
          visibility: 'visible' as const,
          merges: [],
          cells: [
            t(0, 0, '项目一'),
            t(1, 0, '三、项目实施单位：玉溪市江川区教育体育局'),
            t(2, 0, '六、资金安排情况'),
            t(3, 0, '用途'),
            t(3, 1, '金额'),
            t(4, 0, '培训'),
            t(4, 1, '5万元'),
            t(5, 0, '七、项目实施计划'),
          ],
        },
      ],
    };
    const read = readDisclosure(snapshot);
    const f = run({ projects: read.projects, tables: [], registry: [], snapshot });
    expect(f.map((x) => [x.project, x.cell])).toEqual([['项目一', 'A6']]);
  });

  it('a heading whose content is its sub-sections is not empty; an empty sub-section is', () => {
    const t = (row: number, text: string): Cell => ({ row, col: 0, kind: 'text', value: text, text });
    const lines = ['项目一', '一、项目基本情况', '（一）资金安排', '10万元', '（二）实施计划', '二、项目实施成效', '良好'];
    const snapshot = { sheets: [{ name: 'P', index: 0, visibility: 'visible' as const, merges: [], cells: lines.map((x, i) => t(i, x)) }] };
    const read = readDisclosure(snapshot);
    const f = run({ projects: read.projects, tables: [], registry: [], snapshot });
    expect(f.map((x) => [x.cell, x.message])).toEqual([['A5', '“实施计划”下没有内容']]);
  });
});
