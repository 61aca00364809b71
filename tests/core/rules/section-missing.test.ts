import { describe, expect, it } from 'vitest';
import rule from '../../../src/core/rules/section-missing';
import { runRules } from '../../../src/core/rules/engine';
import { makeDocument } from '../../helpers/document';
import { readDisclosure } from '../../../src/core/disclosure/index';
import type { WorkbookSnapshot } from '../../../src/core/snapshot/types';

const ALL = { name: ['名称'], basis: ['依据'], unit: ['单位'], overview: ['概况'], content: ['内容'], funding: ['10万元'], plan: ['计划'], results: ['成效'] };
const run = (doc: ReturnType<typeof makeDocument>['document'], lang: 'zh' | 'en' = 'zh') => runRules(doc, [rule], {}, lang).findings;

describe('section-missing', () => {
  it('does not fire when all eight sections are present', () => {
    expect(run(makeDocument([{ title: '项目一', sections: ALL }]).document)).toEqual([]);
  });

  it('fires for each missing section, at the heading it should stand before', () => {
    const { unit: _u, plan: _p, ...rest } = ALL;
    const f = run(makeDocument([{ title: '项目一', sections: { ...rest } }]).document);
    expect(f.map((x) => [x.rule, x.project, x.cell, x.message])).toEqual([
      // headings: A2 名称, A4 依据, A6 概况, A8 内容, A10 资金, A12 成效
      ['section-missing', '项目一', 'A6', '缺少“三、项目实施单位”部分'],
      ['section-missing', '项目一', 'A12', '缺少“七、项目实施计划”部分'],
    ]);
    expect(f[0]!.expected).toBe('三、项目实施单位');
    expect(f[0]!.severity).toBe('error');
  });

  it('points at the last heading when the missing section is the last one', () => {
    const { results: _r, ...rest } = ALL;
    const f = run(makeDocument([{ title: '项目二', sections: rest }]).document);
    expect(f.map((x) => [x.project, x.cell])).toEqual([['项目二', 'A14']]);
  });

  it('reports a project with no sections once, at its title', () => {
    const f = run(makeDocument([{ title: '项目一', sections: ALL }, { title: '项目二', sections: {} }]).document, 'en');
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ project: '项目二', sheet: '项目二', cell: 'A1', messageId: 'none' });
    expect(f[0]!.message).toContain('项目二');
  });

  it('fires through the reader on a form sheet missing 立项依据', () => {
    const t = (row: number, col: number, text: string) => ({ row, col, kind: 'text' as const, value: text, text });
    const snapshot: WorkbookSnapshot = {
      sheets: [{
        name: '表1', index: 0, visibility: 'visible', merges: [],
        cells: [t(0, 0, '项目三'), t(1, 0, '项目名称'), t(1, 1, 'x'), t(2, 0, '实施单位'), t(2, 1, 'y'), t(3, 0, '项目概况'), t(3, 1, 'z'),
          t(4, 0, '实施内容'), t(4, 1, 'a'), t(5, 0, '资金安排'), t(5, 1, '5万元'), t(6, 0, '实施计划'), t(6, 1, 'b'), t(7, 0, '绩效目标'), t(7, 1, 'c')],
      }],
    };
    const read = readDisclosure(snapshot);
    const f = run({ projects: read.projects, tables: [], registry: [], snapshot });
    expect(f.map((x) => [x.project, x.sheet, x.cell, x.message])).toEqual([['项目三', '表1', 'A3', '缺少“二、立项依据”部分']]);
  });
});
