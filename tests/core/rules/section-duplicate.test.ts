import { describe, expect, it } from 'vitest';
import rule from '../../../src/core/rules/section-duplicate';
import { runRules } from '../../../src/core/rules/engine';
import { makeDocument } from '../../helpers/document';
import { readDisclosure } from '../../../src/core/disclosure/index';

const run = (doc: ReturnType<typeof makeDocument>['document']) => runRules(doc, [rule]).findings;

describe('section-duplicate', () => {
  it('does not fire on eight distinct sections', () => {
    const doc = makeDocument([
      {
        title: '项目一',
        sections: { name: ['a'], basis: ['b'], unit: ['c'], overview: ['d'], content: ['e'], funding: ['f'], plan: ['g'], results: ['h'] },
      },
    ]).document;
    expect(run(doc)).toEqual([]);
  });

  it('does not fire when two projects each have their own 资金安排情况', () => {
    const doc = makeDocument([
      { title: '项目一', sections: { funding: ['1万元'] } },
      { title: '项目二', sections: { funding: ['2万元'] } },
    ]).document;
    expect(run(doc)).toEqual([]);
  });

  it('fires at the second heading of a repeated section, naming the first', () => {
    const doc = makeDocument([
      {
        title: '项目五',
        sections: [
          { key: 'name', paragraphs: ['x'] },
          { key: 'funding', paragraphs: ['5万元'] },
          { key: 'plan', paragraphs: ['计划'] },
          { key: 'funding', label: '资金安排', numbering: '', paragraphs: ['又一次'] },
        ],
      },
    ]).document;
    const f = run(doc);
    expect(f.map((x) => [x.rule, x.project, x.cell])).toEqual([['section-duplicate', '项目五', 'A8']]);
    expect(f[0]!.message).toBe('“资金安排”重复：本项目在 A4 已有“资金安排情况”');
    expect(f[0]!.related).toEqual([{ sheet: '项目五', cell: 'A4' }]);
  });

  it('fires through the reader when an alias repeats a standard heading', () => {
    const t = (row: number, text: string) => ({ row, col: 0, kind: 'text' as const, value: text, text });
    const snapshot = {
      sheets: [
        {
          name: 'S',
          index: 0,
          visibility: 'visible' as const,
          merges: [],
          cells: [t(0, '项目一'), t(1, '七、项目实施计划'), t(2, '1月'), t(3, '八、进度安排'), t(4, '2月')],
        },
      ],
    };
    const read = readDisclosure(snapshot);
    const f = run({ projects: read.projects, tables: [], registry: [], snapshot });
    expect(f.map((x) => [x.project, x.cell])).toEqual([['项目一', 'A4']]);
  });

  it('an unnumbered label of the section under its numbered heading is a part of it, not a second one', () => {
    const t = (row: number, text: string) => ({ row, col: 0, kind: 'text' as const, value: text, text });
    for (const label of ['进度安排', '进度安排：', '项目实施计划']) {
      const snapshot = {
        sheets: [
          {
            name: 'S',
            index: 0,
            visibility: 'visible' as const,
            merges: [],
            cells: [t(0, '项目一'), t(1, '七、项目实施计划'), t(2, '1月启动。'), t(3, label), t(4, '2月完工。')],
          },
        ],
      };
      const read = readDisclosure(snapshot);
      expect(run({ projects: read.projects, tables: [], registry: [], snapshot })).toEqual([]);
      expect(read.projects[0]!.sections.map((s) => [s.key, s.paragraphs.map((p) => p.text)])).toEqual([
        ['plan', ['1月启动。', label, '2月完工。']],
      ]);
    }
  });
});
