import { describe, expect, it } from 'vitest';
import rule from '../../../src/core/rules/heading-numbering';
import { runRules } from '../../../src/core/rules/engine';
import { makeDocument, type SectionSpec } from '../../helpers/document';
import { readDisclosure } from '../../../src/core/disclosure/index';
import { SECTION_KEYS } from '../../../src/core/model';
import type { Cell } from '../../../src/core/snapshot/types';

const run = (doc: ReturnType<typeof makeDocument>['document'], lang: 'zh' | 'en' = 'zh') => runRules(doc, [rule], {}, lang).findings;
/** Eight sections, with the numbering given per position (undefined = standard `N、`). */
const numbered = (nums: (string | undefined)[]): SectionSpec[] =>
  SECTION_KEYS.map((key, i) => ({ key, paragraphs: ['x'], ...(nums[i] !== undefined && { numbering: nums[i] }) }));

describe('heading-numbering', () => {
  it('does not fire on consistent numbering of any style, nor on no numbering at all', () => {
    expect(run(makeDocument([{ title: '项目一', sections: numbered([]) }]).document)).toEqual([]);
    expect(run(makeDocument([{ title: '项目一', sections: numbered(['', '', '', '', '', '', '', '']) }]).document)).toEqual([]);
    expect(run(makeDocument([{ title: '项目一', sections: numbered(['1.', '2.', '3.', '4.', '5.', '6.', '7.', '8.']) }]).document)).toEqual(
      [],
    );
    expect(
      run(
        makeDocument([
          { title: '项目一', sections: numbered(['（一）', '（二）', '（三）', '（四）', '（五）', '（六）', '（七）', '（八）']) },
        ]).document,
      ),
    ).toEqual([]);
  });

  it('does not fire when a project renumbers its headings after a missing section', () => {
    const secs: SectionSpec[] = [
      { key: 'name', numbering: '一、', paragraphs: ['x'] },
      { key: 'basis', numbering: '二、', paragraphs: ['x'] },
      { key: 'overview', numbering: '三、', paragraphs: ['x'] },
    ];
    expect(run(makeDocument([{ title: '项目一', sections: secs }]).document)).toEqual([]);
  });

  it('fires once per project at the first heading that breaks the mix, listing all (seed 项目一)', () => {
    const f = run(makeDocument([{ title: '项目一', sections: numbered([undefined, undefined, '', '']) }]).document);
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ rule: 'heading-numbering', project: '项目一', cell: 'A6', messageId: 'mixed' });
    expect(f[0]!.message).toBe('本项目标题编号方式不一致：6个标题用“一、”式编号，2个标题不编号：“项目实施单位”、“项目基本概况”');
    expect(f[0]!.related).toEqual([{ sheet: '项目一', cell: 'A8' }]);
  });

  it('fires when only the last heading is numbered (seed 项目二), in English too', () => {
    const f = run(makeDocument([{ title: '项目二', sections: numbered(['', '', '', '', '', '', '', undefined]) }]).document, 'en');
    expect(f.map((x) => [x.project, x.cell])).toEqual([['项目二', 'A16']]);
    expect(f[0]!.message).toBe('Mixed heading numbering in this project: 7 × not numbered, 1 × numbered "一、": “八、项目实施成效”');
  });

  it('fires on mixed numbered styles (一、 with 1.)', () => {
    const f = run(makeDocument([{ title: '项目三', sections: numbered([undefined, undefined, '3.', undefined]) }]).document);
    expect(f.map((x) => [x.project, x.cell, x.messageId])).toEqual([['项目三', 'A6', 'mixed']]);
  });

  it('fires when a number contradicts the position (五、 on the fourth section)', () => {
    const f = run(makeDocument([{ title: '项目四', sections: numbered([undefined, undefined, undefined, '五、']) }]).document);
    expect(f.map((x) => [x.project, x.cell, x.messageId, x.expected, x.actual])).toEqual([['项目四', 'A8', 'position', '四、', '五、']]);
    expect(f[0]!.message).toBe('“五、项目基本概况”的编号“五、”与位置不符，应为“四、”');
  });

  it('fires through the reader on the seed 项目十四 pattern, with stray spaces and full-width dots', () => {
    const labels = [
      '项目名称',
      '立项依据',
      '项目实施单位',
      '项目基本概况',
      '项目实施内容',
      '资金安排情况',
      '七．  项目实施计划',
      '八、项目实施成效',
    ];
    const cells: Cell[] = [{ row: 0, col: 0, kind: 'text', value: '项目十四', text: '项目十四' }];
    labels.forEach((l, i) => {
      cells.push({ row: 1 + 2 * i, col: 0, kind: 'text', value: l, text: l });
      cells.push({ row: 2 + 2 * i, col: 0, kind: 'text', value: '内容', text: '内容' });
    });
    const snapshot = { sheets: [{ name: 'Sheet1', index: 0, visibility: 'visible' as const, merges: [], cells }] };
    const read = readDisclosure(snapshot);
    const f = run({ projects: read.projects, tables: [], registry: [], snapshot });
    expect(f.map((x) => [x.project, x.sheet, x.cell, x.messageId])).toEqual([['项目十四', 'Sheet1', 'A14', 'mixed']]);
    expect(f[0]!.message).toContain('“七．  项目实施计划”、“八、项目实施成效”');
  });

  // 龙陵's 立项批复 (tests/fixtures/real/longling-longshan-field-approval.txt, https://longling.gov.cn/info/8506/1450899.htm):
  // its parts 一、 and 二、 are sentences, so the sections that follow are numbered 三、四、五、
  const approval = (lines: string[]) => {
    const cells: Cell[] = lines.map((l, row) => ({ row, col: 0, kind: 'text', value: l, text: l }));
    const snapshot = { sheets: [{ name: '运动场', index: 0, visibility: 'visible' as const, merges: [], cells }] };
    const read = readDisclosure(snapshot);
    return { read, f: run({ projects: read.projects, tables: [], registry: [], snapshot }) };
  };
  const PARTS = [
    '三、建设规模及内容：新建运动场7332平方米。',
    '四、总投资及资金来源：项目估算总投资680万元。',
    '五、项目建设时间：2018年6月开工，2019年3月完工。',
  ];

  it('counts numbered sentences before the first section (a 批复: 一、…同意立项…。 二、建设地点：…。 三、建设规模及内容)', () => {
    const { read, f } = approval([
      '龙山镇中心学校：',
      '一、为切实改善办学条件，提高教育教学质量，同意立项建设龙山镇中心学校运动场厕所及附属工程建设项目。',
      '二、建设地点：龙山镇中心学校校园内。',
      ...PARTS,
    ]);
    expect(f).toEqual([]);
    // counted, never listed as a heading of the project
    expect(read.projects[0]!.outline?.filter((h) => h.item === true).map((h) => h.numbering.raw)).toEqual(['一、', '二、']);
  });

  it('still fires when nothing numbered stands before a project that starts at 三、', () => {
    const { f } = approval(['龙山镇中心学校：', '经研究，现批复如下：', ...PARTS]);
    expect(f.map((x) => [x.cell, x.messageId])).toEqual([
      ['A3', 'position'],
      ['A4', 'position'],
      ['A5', 'position'],
    ]);
  });
});

// 永康's 项目建议书批复 (tests/fixtures/real/yongkang-health-center-approval.txt, 永发改〔2017〕355号): its parts 三、 and 四、
// are sentences inside the section 二、项目建设内容, so 五、项目建设周期 is the fifth numbered line, not the seventh section
describe('heading-numbering: numbered sentences inside a section', () => {
  const approval = (lines: string[]) => {
    const cells: Cell[] = lines.map((l, row) => ({ row, col: 0, kind: 'text', value: l, text: l }));
    const snapshot = { sheets: [{ name: 'Sheet1', index: 0, visibility: 'visible' as const, merges: [], cells }] };
    const read = readDisclosure(snapshot);
    return { read, f: run({ projects: read.projects, tables: [], registry: [], snapshot }) };
  };
  const YONGKANG = [
    '项目一',
    '永康市花街中心卫生院：',
    '你院要求审批永康市花街中心卫生院迁建工程项目建议书的申请收悉。经研究批复如下：',
    '一、该项目是根据永政办发〔2017〕92号（新增前期类第25项），拟将现花街中心卫生院迁建至永康市花街镇倪宅村西山区块。',
    '二、项目建设内容：新建门诊综合楼、辅楼及室外配套工程。',
    '三、项目建设规模：项目用地面积6500平方米，总建筑面积8000平方米。',
    '四、项目估算总投资3400万元，资金来源：市财政。',
    '五、项目建设周期：三年。',
  ];

  it('reads 建设周期 as 项目实施计划 and counts 三、 and 四、 for its number (real text, 永康)', () => {
    const { read, f } = approval(YONGKANG);
    expect(read.projects[0]!.sections.map((s) => [s.key, s.numbering.raw])).toEqual([
      ['content', '二、'],
      ['plan', '五、'],
    ]);
    expect(f).toEqual([]);
  });

  it('still finds a number that fits neither its place nor the standard (六、 for the fifth line)', () => {
    const { f } = approval(YONGKANG.map((l) => l.replace(/^五、/u, '六、')));
    expect(f.map((x) => [x.cell, x.messageId, x.expected])).toEqual([['A8', 'position', '七、']]);
  });

  it('counts a sentence only in the style of the heading it stands in (a `1.` item is not a sibling of `二、`)', () => {
    const { f } = approval(YONGKANG.map((l) => l.replace(/^三、/u, '1.').replace(/^四、/u, '2.')));
    expect(f.map((x) => [x.cell, x.messageId, x.expected])).toEqual([['A8', 'position', '七、']]);
  });
});
