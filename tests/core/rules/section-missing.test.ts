import { describe, expect, it } from 'vitest';
import rule from '../../../src/core/rules/section-missing';
import { runRules } from '../../../src/core/rules/engine';
import { makeDocument } from '../../helpers/document';
import { readDisclosure } from '../../../src/core/disclosure/index';
import type { WorkbookSnapshot } from '../../../src/core/snapshot/types';

const ALL = {
  name: ['名称'],
  basis: ['依据'],
  unit: ['单位'],
  overview: ['概况'],
  content: ['内容'],
  funding: ['10万元'],
  plan: ['计划'],
  results: ['成效'],
};
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

  it('reads four of the eight with the rest missing in three places as a form: one finding at the project', () => {
    // 银川 (tests/fixtures/real/yinchuan-21xiao-target-form.txt): 项目名称, 实施单位, 项目资金, 绩效目标
    const { name, unit, funding, results } = ALL;
    const f = run(makeDocument([{ title: '项目一', sections: { name, unit, funding, results } }]).document);
    expect(f.map((x) => [x.cell, x.messageId])).toEqual([['A1', 'notStandard']]);
    expect(f[0]!.message).toContain('缺少立项依据、项目基本概况、项目实施内容、项目实施计划');
  });

  it('keeps the gaps in place when four are found and the rest are missing in one or two places', () => {
    // a text cut short (the last four missing) and one missing two runs: each gap where it belongs
    const { name, basis, unit, overview, content, funding, plan, results } = ALL;
    const cut = run(makeDocument([{ title: '项目一', sections: { name, basis, unit, overview } }]).document);
    expect(cut.map((x) => x.messageId)).toEqual(['missing']);
    const two = run(makeDocument([{ title: '项目一', sections: { name, basis, plan, results } }]).document);
    expect(two.map((x) => x.messageId)).toEqual(['missing']);
    const three = run(makeDocument([{ title: '项目一', sections: { name, content, funding, results } }]).document);
    expect(three.map((x) => x.messageId)).toEqual(['missing', 'missing']);
  });

  it('points at the last heading when the missing section is the last one', () => {
    const { results: _r, ...rest } = ALL;
    const f = run(makeDocument([{ title: '项目二', sections: rest }]).document);
    expect(f.map((x) => [x.project, x.cell])).toEqual([['项目二', 'A14']]);
  });

  it('reports a project with no sections once, at its title', () => {
    const f = run(
      makeDocument([
        { title: '项目一', sections: ALL },
        { title: '项目二', sections: {} },
      ]).document,
      'en',
    );
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ project: '项目二', sheet: '项目二', cell: 'A1', messageId: 'none' });
    expect(f[0]!.message).toContain('项目二');
  });

  it('fires through the reader on a form sheet missing 立项依据', () => {
    const t = (row: number, col: number, text: string) => ({ row, col, kind: 'text' as const, value: text, text });
    const snapshot: WorkbookSnapshot = {
      sheets: [
        {
          name: '表1',
          index: 0,
          visibility: 'visible',
          merges: [],
          cells: [
            t(0, 0, '项目三'),
            t(1, 0, '项目名称'),
            t(1, 1, 'x'),
            t(2, 0, '实施单位'),
            t(2, 1, 'y'),
            t(3, 0, '项目概况'),
            t(3, 1, 'z'),
            t(4, 0, '实施内容'),
            t(4, 1, 'a'),
            t(5, 0, '资金安排'),
            t(5, 1, '5万元'),
            t(6, 0, '实施计划'),
            t(6, 1, 'b'),
            t(7, 0, '绩效目标'),
            t(7, 1, 'c'),
          ],
        },
      ],
    };
    const read = readDisclosure(snapshot);
    const f = run({ projects: read.projects, tables: [], registry: [], snapshot });
    expect(f.map((x) => [x.project, x.sheet, x.cell, x.message])).toEqual([['项目三', '表1', 'A3', '缺少“二、立项依据”部分']]);
  });

  it('sections missing at the same place make one finding, in standard order', () => {
    const { basis: _b, unit: _u, ...rest } = ALL;
    const f = run(makeDocument([{ title: '项目一', sections: rest }]).document);
    expect(f.map((x) => [x.cell, x.message, x.expected])).toEqual([
      ['A4', '缺少“二、立项依据”、“三、项目实施单位”部分', '二、立项依据；三、项目实施单位'],
    ]);
  });

  it('one finding for a project not in the eight-section form, listing what was recognised', () => {
    const f = run(
      makeDocument([
        {
          title: '项目一',
          sections: [
            { key: 'overview', label: '基本情况', paragraphs: ['a'] },
            { key: 'funding', label: '资金及项目绩效目标', paragraphs: ['10万元'] },
            { key: 'results', label: '预算支出绩效情况', paragraphs: ['b'] },
          ],
        },
      ]).document,
    );
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ project: '项目一', cell: 'A1', messageId: 'notStandard' });
    expect(f[0]!.message).toBe(
      '项目一不是标准的八部分格式：只识别出3个标准部分（“基本情况”（项目基本概况）、“资金及项目绩效目标”（资金安排情况）、“预算支出绩效情况”（项目实施成效）），缺少项目名称、立项依据、项目实施单位、项目实施内容、项目实施计划',
    );
  });

  it('four found out of eight is still a list of the missing ones', () => {
    const f = run(
      makeDocument([{ title: '项目一', sections: { name: ['a'], basis: ['b'], funding: ['10万元'], results: ['c'] } }]).document,
    );
    expect(f.map((x) => x.messageId)).toEqual(['missing', 'missing']);
  });

  describe('through the reader: unrecognised headings named, and offered for mapping', () => {
    const t = (row: number, text: string) => ({ row, col: 0, kind: 'text' as const, value: text, text });
    const lines = [
      '项目一',
      '一、项目名称',
      '甲',
      '二、立项依据',
      '乙',
      '三、项目实施单位',
      '丙',
      '四、项目基本情况',
      '（一）项目概况',
      '丁',
      '（二）资金及绩效',
      '共计12万元。',
      '五、项目实施内容',
      '戊',
      '六、项目实施计划',
      '己',
      '七、项目实施成效',
      '庚',
    ];
    const snapshot: WorkbookSnapshot = {
      sheets: [{ name: '项目一', index: 0, visibility: 'visible', merges: [], cells: lines.map((x, i) => t(i, x)) }],
    };
    const doc = () => ({ projects: readDisclosure(snapshot).projects, tables: [], registry: [], snapshot });

    it('names the heading and carries the offer', () => {
      const f = run(doc());
      expect(f.map((x) => [x.cell, x.messageId, x.message])).toEqual([
        ['A15', 'missingUnrecognised', '缺少“六、资金安排情况”部分；本项目有未识别的标题：“（二）资金及绩效”'],
      ]);
      expect(f[0]!.mapHeading).toEqual({
        headings: [{ text: '（二）资金及绩效', label: '资金及绩效', sheet: '项目一', cell: 'A11' }],
        sections: ['funding'],
      });
    });

    it('in English too', () => {
      expect(run(doc(), 'en')[0]!.message).toBe(
        'Section "六、资金安排情况" is missing; this project has headings that name no standard section: "（二）资金及绩效"',
      );
    });

    it('once mapped (config or stored in the workbook), the heading is that section and nothing is missing', () => {
      const read = readDisclosure(snapshot, { sectionAliases: { '（二）资金及绩效': '资金安排情况' } });
      expect(run({ projects: read.projects, tables: [], registry: [], snapshot })).toEqual([]);
    });
  });
});
