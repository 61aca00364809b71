/**
 * Heading levels (src/core/disclosure/outline.ts, issue 12 §2): texts nest (`一、项目基本情况` with
 * `（一）项目概况`, `（二）资金及项目绩效目标` under it). Each case states what the reader must
 * make of the outline, and the check's findings on it (none, unless the text is wrong).
 */
import { describe, expect, it } from 'vitest';
import { readDisclosure, splitNumbering } from '../../../src/core/disclosure/index';
import { checkWorkbook } from '../../../src/core/check';
import { book, column, sheet } from './helpers';

const keysAndLevels = (lines: string[], name = 'Sheet1') =>
  readDisclosure(book(column(name, lines))).projects.map((p) => p.sections.map((s) => [s.key, s.level ?? 0, s.parent ?? null]));
const findings = (lines: string[], name = 'Sheet1') =>
  checkWorkbook({ snapshot: book(column(name, lines)), lang: 'zh' }).findings.map((f) => `${f.rule} ${f.cell} ${f.message}`);

/** A standard project whose 四、 holds its overview and funding as sub-headings. */
const NESTED = [
  '项目一',
  '一、项目名称',
  '农村义务教育学生营养改善计划',
  '二、立项依据',
  '《国务院办公厅关于实施农村义务教育学生营养改善计划的意见》。',
  '三、项目实施单位',
  '县教育体育局',
  '四、项目基本情况',
  '（一）项目概况',
  '全县农村义务教育学校45所，学生2.3万人。',
  '（二）资金及项目绩效目标',
  '2024年安排资金2300万元，其中：中央资金2070万元，县级资金230万元。',
  '五、项目实施内容',
  '为学生提供营养膳食补助，每生每天5元。',
  '六、项目实施计划',
  '春季学期拨付1150万元，秋季学期拨付1150万元。',
  '七、项目实施成效',
  '学生营养状况明显改善。',
];

describe('a sub-heading that names a standard section', () => {
  it("is that section at its own level; one naming its parent's section continues the parent", () => {
    const [p] = readDisclosure(book(column('项目一', NESTED))).projects;
    expect(p!.sections.map((s) => [s.key, s.level ?? 0, s.parent ?? null, s.headingText])).toEqual([
      ['name', 0, null, '一、项目名称'],
      ['basis', 0, null, '二、立项依据'],
      ['unit', 0, null, '三、项目实施单位'],
      ['overview', 0, null, '四、项目基本情况'],
      ['funding', 1, 3, '（二）资金及项目绩效目标'],
      ['content', 0, null, '五、项目实施内容'],
      ['plan', 0, null, '六、项目实施计划'],
      ['results', 0, null, '七、项目实施成效'],
    ]);
    // （一）项目概况's text is the overview's
    expect(p!.sections[3]!.paragraphs.map((x) => x.text)).toEqual(['全县农村义务教育学校45所，学生2.3万人。']);
    expect(p!.outline!.map((h) => [h.text, h.level])).toContainEqual(['（一）项目概况', 1]);
  });

  it('raises nothing: not a duplicate of its parent, not an empty parent, numbered against its own level', () => {
    // 四、 is the fourth top-level heading; （二） the second under it; 五、六、七、 renumbered after it
    expect(findings(NESTED, '项目一')).toEqual([]);
  });

  it('names the sections as nested, also when the parent itself holds text (`一、基本情况` over `（一）项目基本概况`)', () => {
    const lines = [
      '一、基本情况',
      '本校概况如下。',
      '（一）项目基本概况',
      '生均公用经费项目。',
      '（二）资金及项目绩效目标',
      '共计239万元，其中上级资金179.25万元，本级59.75万元。',
      '二、实施进度',
      '按季度拨付。',
    ];
    expect(keysAndLevels(lines)).toEqual([
      [
        ['overview', 0, null],
        ['funding', 1, 0],
        ['plan', 0, null],
      ],
    ]);
  });

  it('a sub-heading numbered out of sequence is a heading of the same level in another style (四、 then 5.)', () => {
    const lines = [
      '项目一',
      '一、项目名称',
      'a',
      '二、立项依据',
      'b',
      '三、项目实施单位',
      'c',
      '四、项目基本概况',
      'd',
      '5.项目实施内容',
      'e',
      '6.资金安排情况',
      '10万元',
      '7.项目实施计划',
      'g',
      '8.项目实施成效',
      'h',
    ];
    expect(keysAndLevels(lines, '项目一')[0]!.every(([, level]) => level === 0)).toBe(true);
    expect(findings(lines, '项目一')).toEqual([
      'heading-numbering A10 本项目标题编号方式不一致：4个标题用“一、”式编号，4个标题用“1.”式编号：“5.项目实施内容”、“6.资金安排情况”、“7.项目实施计划”、“8.项目实施成效”',
    ]);
  });

  it('items numbered （一）（二） inside a section stay content and count as siblings of a sub-heading after them', () => {
    const lines = [
      '一、项目基本情况',
      '（一）项目背景',
      '学校建于1990年。',
      '（二）资金安排',
      '安排资金12万元。',
      '二、项目实施内容',
      '（一）领导小组工作职责',
      '负责统筹。',
      '三、实施计划',
      '年内完成。',
    ];
    const [p] = readDisclosure(book(column('Sheet1', lines))).projects;
    expect(p!.sections.map((s) => [s.key, s.level ?? 0])).toEqual([
      ['overview', 0],
      ['funding', 1],
      ['content', 0],
      ['plan', 0],
    ]);
    expect(p!.sections[2]!.paragraphs.map((x) => x.text)).toEqual(['（一）领导小组工作职责', '负责统筹。']);
    // （二） is second under 一、 counting （一）项目背景: no "should be （一）"
    expect(findings(lines).filter((f) => f.startsWith('heading-numbering'))).toEqual([]);
  });

  it('a wrong sub-heading number is checked against its siblings, never against the standard position', () => {
    const lines = [...NESTED];
    lines[lines.indexOf('（二）资金及项目绩效目标')] = '（三）资金及项目绩效目标';
    expect(findings(lines, '项目一')).toEqual(['heading-numbering A11 “（三）资金及项目绩效目标”的编号“（三）”与位置不符，应为“（二）”']);
  });

  it('the same section twice at one level is still a duplicate', () => {
    const lines = [...NESTED];
    lines.splice(lines.indexOf('五、项目实施内容'), 0, '（三）项目概况', '又一段概况。');
    // （三）项目概况 under 四、项目基本情况 continues it; a second top-level 项目名称 would not
    expect(findings(lines, '项目一')).toEqual([]);
    const twice = [...NESTED, '八、项目名称', '另一个名称'];
    expect(findings(twice, '项目一').map((f) => f.split(' ')[0])).toEqual(['section-duplicate']);
  });
});

describe('the sections of a nested text in standard order, level by level', () => {
  it('funding nested in the overview before 项目实施内容 is not out of order', () => {
    expect(findings(NESTED, '项目一').filter((f) => f.startsWith('section-order'))).toEqual([]);
  });

  it('two sub-sections swapped under one heading are', () => {
    const lines = [
      '项目一',
      '一、项目名称',
      'a',
      '二、立项依据',
      'b',
      '三、项目实施单位',
      'c',
      '四、项目基本情况',
      'd',
      '（一）实施计划',
      '年内完成。',
      '（二）资金安排',
      '10万元。',
      '五、项目实施内容',
      'e',
      '六、项目实施成效',
      'f',
    ];
    expect(findings(lines, '项目一').filter((f) => f.startsWith('section-order'))).toEqual([
      'section-order A12 “资金安排”位置不对：按标准顺序它是第六部分，应排在“实施计划”之前',
    ]);
  });
});

describe('a project found by its content, whatever its sheet is called', () => {
  const report = [
    '生均公用经费项目',
    '一、项目名称',
    '城乡义务教育生均公用经费',
    '二、项目概述',
    '保障学校正常运转。',
    '三、资金来源',
    '安排资金239万元。',
    '四、预期效益',
    '学校正常运转。',
  ];

  it.each(['生均公用经费', '保安服务', 'Sheet1'])('on a sheet called %s, titled by its 项目名称', (name) => {
    const r = readDisclosure(book(column(name, report)));
    expect(r.projects.map((p) => [p.title, p.label, p.sections.map((s) => s.key)])).toEqual([
      ['城乡义务教育生均公用经费', '城乡义务教育生均公用经费', ['name', 'overview', 'funding', 'results']],
    ]);
  });

  it('without a 项目名称, titled by the line above its text', () => {
    const r = readDisclosure(
      book(
        column('Sheet1', [
          '耒阳市第四中学专项资金绩效自评价报告',
          '一、基本情况',
          'a',
          '（一）项目基本概况',
          'b',
          '（二）资金及项目绩效目标',
          '239万元',
          '二、项目资金使用及管理情况',
          'c',
          '四、预算支出绩效情况',
          'd',
        ]),
      ),
    );
    expect(r.projects.map((p) => p.title)).toEqual(['耒阳市第四中学专项资金绩效自评价报告']);
  });

  it('a sentence above the text is not a title: then the sheet names it', () => {
    const r = readDisclosure(
      book(
        column('生均公用经费', [
          '根据县财政局要求，现将本单位项目情况报告如下。',
          '一、基本情况',
          'a',
          '（一）资金来源',
          '10万元',
          '二、实施进度',
          'b',
        ]),
      ),
    );
    expect(r.projects.map((p) => [p.title, p.label])).toEqual([['生均公用经费', '生均公用经费']]);
  });

  it('a sheet named 项目说明 holds a project, not instructions', () => {
    const r = readDisclosure(book(column('项目说明', report)));
    expect(r.projects).toHaveLength(1);
  });
});

describe('sheets that give no project say why', () => {
  it('lists every sheet looked at with its reason', () => {
    const snap = book(
      column('封面', ['某县教育局2024年预算重点领域财政项目文本公开']),
      column('填报说明', [
        '填报说明',
        '1.项目名称：填写项目全称。',
        '2.立项依据：填写政策文件名称及文号。',
        '3.项目实施单位：填写具体实施单位。',
      ]),
      column('自评', ['一、自评结论', '得分100分。', '二、佐证材料', '（一）项目基本情况', '教育专项工作经费。']),
      column('Sheet3', ['一、项目名称', '甲', '二、立项依据', '乙']),
      sheet('空表', []),
    );
    expect(checkWorkbook({ snapshot: snap, lang: 'zh' }).document.skipped).toEqual([
      { sheet: '封面', reason: 'no-sections' },
      { sheet: '填报说明', reason: 'instructions' },
      { sheet: '自评', reason: 'few-sections', sections: ['（一）项目基本情况'], headings: ['一、自评结论', '二、佐证材料'] },
      { sheet: 'Sheet3', reason: 'few-sections', sections: ['一、项目名称', '二、立项依据'] },
      { sheet: '空表', reason: 'empty' },
    ]);
  });

  it('the school registry is read as the registry', () => {
    const snap = book(
      sheet('学校名册', [
        ['学校代码', '学校名称'],
        ['2153000001', '大街小学'],
      ]),
    );
    const r = checkWorkbook({ snapshot: snap, lang: 'zh' });
    expect(r.nothingToCheck).toBe(true);
    expect(r.document.skipped).toEqual([{ sheet: '学校名册', reason: 'registry' }]);
  });

  it('sheets that hold a project are not listed', () => {
    const r = checkWorkbook({ snapshot: book(column('项目一', NESTED), column('Sheet2', ['备注'])), lang: 'zh' });
    expect(r.document.skipped).toEqual([{ sheet: 'Sheet2', reason: 'no-sections' }]);
  });
});

describe('sections numbered 1.1 and 第一节', () => {
  const SECTIONS: [string, string][] = [
    ['项目名称', '学生资助项目'],
    ['立项依据', '《学生资助资金管理办法》。'],
    ['项目实施单位', '县教育局'],
    ['项目基本概况', '资助家庭经济困难学生。'],
    ['项目实施内容', '发放国家助学金。'],
    ['资金安排情况', '项目资金100万元，全部为中央资金。'],
    ['项目实施计划', '2024年12月底前发放完毕。'],
    ['项目实施成效', '资助覆盖率100%。'],
  ];
  const CN = ['一', '二', '三', '四', '五', '六', '七', '八'];
  const ALL_KEYS = ['name', 'basis', 'unit', 'overview', 'content', 'funding', 'plan', 'results'];
  const lines = (num: (i: number) => string) => ['项目一', ...SECTIONS.flatMap(([h, c], i) => [`${num(i)}${h}`, c])];

  it('reads `1.1 项目名称` … `1.8 项目实施成效` and `第一节 项目名称` … as the eight sections, with nothing to report', () => {
    for (const num of [(i: number) => `1.${i + 1} `, (i: number) => `2.${i + 1}.`, (i: number) => `第${CN[i]}节 `]) {
      const l = lines(num);
      expect(keysAndLevels(l).map((p) => p.map(([k]) => k))).toEqual([ALL_KEYS]);
      expect(findings(l)).toEqual([]);
    }
  });

  it('counts `1.1`… again under each first number: `1.1`–`1.3` then `2.1`–`2.5` is right', () => {
    const l = lines((i) => (i < 3 ? `1.${i + 1} ` : `2.${i - 2} `));
    expect(keysAndLevels(l).map((p) => p.map(([k]) => k))).toEqual([ALL_KEYS]);
    expect(findings(l)).toEqual([]);
  });

  it('reports a number out of place within its part (1.1, 1.2, 1.4)', () => {
    const l = lines((i) => `1.${i < 2 ? i + 1 : i + 2} `);
    expect(findings(l)[0]).toBe('heading-numbering A6 “1.4 项目实施单位”的编号“1.4”与位置不符，应为“1.3”');
  });

  it('nests `1.1` under `1.` and `一、` headings (a level below them)', () => {
    const l = [
      '项目一',
      '一、项目基本信息',
      ...SECTIONS.slice(0, 3).flatMap(([h, c], i) => [`1.${i + 1} ${h}`, c]),
      '二、项目具体情况',
      ...SECTIONS.slice(3).flatMap(([h, c], i) => [`2.${i + 1} ${h}`, c]),
    ];
    const [p] = keysAndLevels(l);
    expect(p!.map(([k, level]) => [k, level])).toEqual(ALL_KEYS.map((k) => [k, 1]));
    expect(findings(l)).toEqual([]);
  });

  it('does not take a figure at the start of a line (1.5万元…) for a numbering', () => {
    const l = [...lines((i) => `${CN[i]}、`)];
    l[12] = '1.5万元用于购置设备，其余用于发放助学金。';
    expect(findings(l)).toEqual([]);
  });

  it('a figure at a line’s start is no `1.1` numbering (the case above passes on any reading: its line is a sentence)', () => {
    // review2: the decimal pattern took `1.5万元` for section 5 of part 1
    for (const line of ['1.5万元用于购置设备', '2.5亿元', '1.2%的学生', '3.5平方米']) {
      expect(splitNumbering(line.normalize('NFKC')).style).not.toBe('decimal');
    }
    expect(splitNumbering('1.5 项目实施内容')).toEqual({ style: 'decimal', value: 5, length: 4 });
    expect(splitNumbering('2.3资金安排情况').style).toBe('decimal');
  });
});

describe('the 项目文本 of a 中央部门 (项目概述, 立项依据, 实施主体, 实施方案, 实施周期, 年度预算安排, 绩效目标)', () => {
  it('reads its seven parts as sections; 实施方案 is what is done, 实施周期 the schedule', () => {
    const l = [
      '项目一',
      '一、项目概述',
      '中小学幼儿园教师国家级培训计划。',
      '二、立项依据',
      '《关于改革实施中小学幼儿园教师国家级培训计划的通知》。',
      '三、实施主体',
      '教育部教师工作司。',
      '四、实施方案',
      '集中培训与远程培训相结合，培训乡村教师10万人次。',
      '五、实施周期',
      '2024年1月至12月。',
      '六、年度预算安排',
      '2024年预算安排5000万元，全部为中央财政资金。',
      '七、绩效目标',
      '参训教师满意度不低于90%。',
    ];
    expect(keysAndLevels(l).map((p) => p.map(([k]) => k))).toEqual([
      ['overview', 'basis', 'unit', 'content', 'plan', 'funding', 'results'],
    ]);
    // against the standard eight: 项目名称 is missing, 项目概述 and 年度预算安排 stand out of the standard order
    expect(findings(l).map((f) => f.split(' ').slice(0, 2).join(' '))).toEqual([
      'section-missing A2',
      'section-order A2',
      'section-order A12',
    ]);
  });
});
