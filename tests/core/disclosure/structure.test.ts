/**
 * Which projects a sheet holds (src/core/disclosure/structure.ts): projects titled by their name
 * only (`一、xxx项目` over `（一）项目名称`), tables of contents, instruction sheets. Each is a
 * must-not-fire case from QA: read wrongly, they gave section-duplicate / section-missing /
 * project-numbering / funding-amount-missing findings on clean workbooks.
 */
import { describe, expect, it } from 'vitest';
import { readDisclosure } from '../../../src/core/disclosure/index';
import { SECTION_KEYS } from '../../../src/core/model';
import { checkWorkbook } from '../../../src/core/check';
import { book, column } from './helpers';

const LABELS = ['项目名称', '立项依据', '项目实施单位', '项目基本概况', '项目实施内容', '资金安排情况', '项目实施计划', '项目实施成效'];
const CN = ['一', '二', '三', '四', '五', '六', '七', '八'];
const paren = (i: number) => `（${CN[i]}）`;
const dun = (i: number) => `${CN[i]}、`;
const none = () => '';

/** Eight headings, each followed by one paragraph `<tag>-<i>`. */
function body(tag: string, num: (i: number) => string = paren): string[] {
  return LABELS.flatMap((l, i) => [`${num(i)}${l}`, i === 5 ? `${tag}安排资金10万元。` : `${tag}内容${i}。`]);
}

describe('projects titled by their name, sections numbered one level down', () => {
  const lines = [
    '某县教育局2024年预算重点领域财政项目文本公开',
    '一、学生资助补助项目',
    ...body('甲'),
    '二、校舍维修改造项目',
    ...body('乙'),
  ];
  const r = readDisclosure(book(column('项目文本', lines)));

  it('reads two projects titled by the 一、/二、 lines, eight sections each', () => {
    expect(r.projects.map((p) => [p.title, p.label, p.number, p.ref])).toEqual([
      ['一、学生资助补助项目', '学生资助补助项目', null, { sheet: '项目文本', row: 1, col: 0 }],
      ['二、校舍维修改造项目', '校舍维修改造项目', null, { sheet: '项目文本', row: 18, col: 0 }],
    ]);
    for (const p of r.projects) expect(p.sections.map((s) => s.key)).toEqual([...SECTION_KEYS]);
    expect(r.projects[1]!.sections[0]!.headingRef).toEqual({ sheet: '项目文本', row: 19, col: 0 });
  });

  it("keeps the title line out of the previous project's text and the document title", () => {
    expect(r.projects[0]!.sections[7]!.paragraphs.map((x) => x.text)).toEqual(['甲内容7。']);
    expect(r.title?.text).toBe('某县教育局2024年预算重点领域财政项目文本公开');
  });

  it('gives no section-duplicate (or any) finding', () => {
    const report = checkWorkbook({ snapshot: book(column('项目文本', lines)), lang: 'zh' });
    expect(report.findings.map((f) => `${f.rule} ${f.sheet}!${f.cell}`)).toEqual([]);
  });

  it('splits where 项目名称 restarts even without a numbered title: an unnumbered name line titles it', () => {
    const s = readDisclosure(book(column('S', ['项目一', ...body('甲', dun), '校舍维修改造项目', ...body('乙', dun)])));
    expect(s.projects.map((p) => [p.label, p.ref.row, p.sections.length])).toEqual([
      ['项目一', 0, 8],
      ['校舍维修改造项目', 17, 8],
    ]);
  });

  it('splits with no title line at all: the second project is titled by its 项目名称, no text lost', () => {
    const s = readDisclosure(book(column('S', ['项目一', ...body('甲', none), ...body('乙', none)])));
    expect(s.projects.map((p) => [p.label, p.title, p.ref.row, p.sections.length])).toEqual([
      ['项目一', '项目一', 0, 8],
      ['乙内容0。', '乙内容0。', 17, 8],
    ]);
    expect(s.projects[0]!.sections[7]!.paragraphs.map((x) => x.text)).toEqual(['甲内容7。']);
  });

  it('a 项目名称 repeated inside one project (a real defect) does not split it', () => {
    const lines2 = [
      '项目一',
      '一、项目名称',
      '甲',
      '二、立项依据',
      '依据',
      '三、项目实施单位',
      '单位',
      '四、项目名称',
      '又一个名称',
      '五、项目实施内容',
      '内容',
      '六、资金安排情况',
      '10万元',
    ];
    const s = readDisclosure(book(column('S', lines2)));
    expect(s.projects.map((p) => p.sections.map((x) => x.key))).toEqual([['name', 'basis', 'unit', 'name', 'content', 'funding']]);
  });

  it('a short sentence ending the previous project is not taken as a title unless numbered one level up', () => {
    const s = readDisclosure(book(column('S', ['项目一', ...body('甲'), '（九）其他说明', ...body('乙')])));
    // （九） is the headings' own level: it stays text of 项目实施成效, the new project is titled by its 项目名称
    expect(s.projects.map((p) => p.label)).toEqual(['项目一', '乙内容0。']);
    expect(s.projects[0]!.sections[7]!.paragraphs.map((x) => x.text)).toEqual(['甲内容7。', '（九）其他说明']);
  });
});

describe('a table of contents is not a project', () => {
  it('a 封面 with 目录 lines 项目一 …, 项目二 … before the project sheets', () => {
    const snap = book(
      column('封面', ['某县教育局2024年预算重点领域财政项目文本公开', '目录', '项目一  学生资助补助项目', '项目二  校舍维修改造项目']),
      column('项目一', ['项目一', ...body('甲', dun)]),
      column('项目二', ['项目二', ...body('乙', dun)]),
    );
    const r = readDisclosure(snap);
    expect(r.projects.map((p) => [p.label, p.ref.sheet, p.sections.length])).toEqual([
      ['项目一', '项目一', 8],
      ['项目二', '项目二', 8],
    ]);
    expect(r.title?.text).toBe('某县教育局2024年预算重点领域财政项目文本公开');
    expect(checkWorkbook({ snapshot: snap, lang: 'zh' }).findings.map((f) => f.rule)).toEqual([]);
  });

  it('a contents list on the same sheet as the projects (titles in consecutive rows, nothing under them)', () => {
    const r = readDisclosure(
      book(
        column('S', ['项目一 学生资助', '项目二 校舍维修', '项目一 学生资助', ...body('甲', dun), '项目二 校舍维修', ...body('乙', dun)]),
      ),
    );
    expect(r.projects.map((p) => [p.label, p.ref.row, p.sections.length])).toEqual([
      ['项目一', 2, 8],
      ['项目二', 19, 8],
    ]);
  });

  it('one 目录 entry under a 目录 line is skipped too', () => {
    const r = readDisclosure(book(column('S', ['目录', '项目一 学生资助', '', '项目一 学生资助', ...body('甲', dun)])));
    expect(r.projects.map((p) => [p.label, p.ref.row])).toEqual([['项目一', 3]]);
  });

  it('an empty project standing alone is still a project (section-missing reports it)', () => {
    const r = readDisclosure(book(column('S', ['项目一', ...body('甲', dun), '项目二'])));
    expect(r.projects.map((p) => [p.label, p.sections.length])).toEqual([
      ['项目一', 8],
      ['项目二', 0],
    ]);
  });
});

describe('an instructions sheet listing the eight sections is not a project', () => {
  const notes = [
    '填报说明',
    '每个项目按以下八个部分填写：',
    '1.项目名称：填写项目全称。',
    '2.立项依据：填写政策文件名称及文号。',
    '3.项目实施单位：填写具体实施单位。',
    '4.项目基本概况：简述项目背景。',
    '5.项目实施内容：填写主要建设或实施内容。',
    '6.资金安排情况：填写资金总额及来源，金额单位为万元。',
    '7.项目实施计划：按时间节点填写。',
    '8.项目实施成效：填写预期成效及绩效指标。',
  ];

  it('a 填报说明 sheet', () => {
    const snap = book(column('填报说明', notes), column('项目一', ['项目一', ...body('甲', dun)]));
    expect(readDisclosure(snap).projects.map((p) => [p.label, p.ref.sheet])).toEqual([['项目一', '项目一']]);
    expect(checkWorkbook({ snapshot: snap, lang: 'zh' }).findings.map((f) => f.rule)).toEqual([]);
  });

  it('the same lines on a sheet with a neutral name: the instruction wording gives it away', () => {
    const r = readDisclosure(book(column('Sheet1', notes.slice(2)), column('项目一', ['项目一', ...body('甲', dun)])));
    expect(r.projects.map((p) => p.ref.sheet)).toEqual(['项目一']);
  });

  it('an untitled project with real content on a neutral sheet is still read, titled by its 项目名称', () => {
    const r = readDisclosure(book(column('Sheet1', body('甲', dun))));
    expect(r.projects.map((p) => [p.label, p.title, p.sections.length])).toEqual([['甲内容0。', '甲内容0。', 8]]);
  });
});

describe('an untitled project is not mistaken for instructions', () => {
  it('a first heading line that mentions 说明 in its content', () => {
    const lines = body('甲', dun);
    lines[1] = '学生资助政策宣传及相关情况说明专项经费';
    const r = readDisclosure(book(column('Sheet1', lines)));
    expect(r.projects.map((p) => [p.label, p.sections.length])).toEqual([['学生资助政策宣传及相关情况说明专项经费', 8]]);
  });
});
