import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readDisclosure } from '../../../src/core/disclosure/index';
import { SECTION_KEYS, type Project } from '../../../src/core/model';
import { book, column, schoolTable, schoolTableCells, sheet } from './helpers';
import { parseSeed } from '../../../seeds/build/parse';
import { oneSheet, perSheet, twoColumn } from '../../../seeds/build/layouts';

const shape = (p: Project) => ({
  label: p.label,
  keys: p.sections.map((s) => s.key),
  paragraphs: p.sections.map((s) => s.paragraphs.map((x) => x.text)),
});

const STANDARD = [
  '一、项目名称',
  '甲项目',
  '二、立项依据',
  '依据',
  '三、项目实施单位',
  '单位',
  '四、项目基本概况',
  '概况',
  '五、项目实施内容',
  '内容',
  '六、资金安排情况',
  '10万元',
  '七、项目实施计划',
  '计划',
  '八、项目实施成效',
  '成效',
];

describe('layout (a): a sheet per project, down one column', () => {
  const snap = book(column('Sheet1', ['项目一', ...STANDARD]), column('Sheet2', ['项目二', ...STANDARD]));
  const r = readDisclosure(snap);

  it('finds both projects by their titles, with the eight sections in order', () => {
    expect(r.projects.map((p) => [p.label, p.number, p.ref])).toEqual([
      ['项目一', 1, { sheet: 'Sheet1', row: 0, col: 0 }],
      ['项目二', 2, { sheet: 'Sheet2', row: 0, col: 0 }],
    ]);
    expect(r.projects[0]!.sections.map((s) => s.key)).toEqual([...SECTION_KEYS]);
    expect(r.projects[0]!.name).toBe('甲项目');
  });

  it('keeps the cell of every heading and paragraph, and the numbering as written', () => {
    const funding = r.projects[1]!.sections[5]!;
    expect(funding).toMatchObject({
      key: 'funding',
      label: '资金安排情况',
      headingText: '六、资金安排情况',
      headingRef: { sheet: 'Sheet2', row: 11, col: 0 },
      numbering: { style: 'cn-dun', value: 6, raw: '六、' },
      paragraphs: [{ text: '10万元', ref: { sheet: 'Sheet2', row: 12, col: 0 }, offset: 0 }],
    });
  });

  it('treats numbered items inside a section as content, not headings', () => {
    const s = readDisclosure(
      book(
        column('S', [
          '项目三',
          '五、项目实施内容',
          '（一）领导小组工作职责',
          '1.制定区级实施工作方案。',
          '（1）组织党员培训',
          '2、项目名称变更的说明',
          '六、资金安排情况',
          '5万元',
        ]),
      ),
    );
    const sections = s.projects[0]!.sections;
    expect(sections.map((x) => x.key)).toEqual(['content', 'funding']);
    expect(sections[0]!.paragraphs.map((x) => x.text)).toEqual([
      '（一）领导小组工作职责',
      '1.制定区级实施工作方案。',
      '（1）组织党员培训',
      '2、项目名称变更的说明',
    ]);
  });
});

describe('layout (b): the two-column form', () => {
  const rows = [
    ['项目一'],
    ['项目名称', '党费返还款专项经费'],
    ['立项依据', '按照《中国共产党党费收缴、使用和管理的规定》实施。'],
    ['实施单位', '局党建办'],
    ['基本概况', '每年度返还部分党费。'],
    ['实施内容', '1.组织党员培训；\n2.订阅报刊；\r\n\n3.慰问困难党员。'],
    ['资金来源及安排', '共计2万元。'],
    ['进度安排', '全年。'],
    ['绩效目标', '党建工作正常开展。'],
  ];
  const r = readDisclosure(book(sheet('表一', rows)));
  const p = r.projects[0]!;

  it('maps the short labels to the eight sections', () => {
    expect(p.sections.map((s) => [s.key, s.label, s.numbering.style])).toEqual([
      ['name', '项目名称', 'none'],
      ['basis', '立项依据', 'none'],
      ['unit', '实施单位', 'none'],
      ['overview', '基本概况', 'none'],
      ['content', '实施内容', 'none'],
      ['funding', '资金来源及安排', 'none'],
      ['plan', '进度安排', 'none'],
      ['results', '绩效目标', 'none'],
    ]);
    expect(p.name).toBe('党费返还款专项经费');
  });

  it('splits a multi-line cell into one paragraph a line, with offsets into the cell', () => {
    const content = p.sections[4]!;
    expect(content.headingRef).toEqual({ sheet: '表一', row: 5, col: 0 });
    expect(content.paragraphs).toEqual([
      { text: '1.组织党员培训；', ref: { sheet: '表一', row: 5, col: 1 }, offset: 0 },
      { text: '2.订阅报刊；', ref: { sheet: '表一', row: 5, col: 1 }, offset: 10 },
      { text: '3.慰问困难党员。', ref: { sheet: '表一', row: 5, col: 1 }, offset: 20 },
    ]);
  });

  it('reads a form whose numbering has its own column (一 | 项目名称 | 内容)', () => {
    const s = readDisclosure(
      book(sheet('F', [['项目九'], ['一', '项目名称', '师训专项经费'], ['六、', '资金安排情况', '10万元'], ['七', '项目实施计划：全年']])),
    );
    const sections = s.projects[0]!.sections;
    expect(
      sections.map((x) => [x.key, x.numbering, x.headingText, x.headingRef.col, x.paragraphs.map((p) => [p.text, p.ref.col, p.offset])]),
    ).toEqual([
      ['name', { style: 'cn-dun', value: 1, raw: '一' }, '一项目名称', 1, [['师训专项经费', 2, 0]]],
      ['funding', { style: 'cn-dun', value: 6, raw: '六、' }, '六、资金安排情况', 1, [['10万元', 2, 0]]],
      ['plan', { style: 'cn-dun', value: 7, raw: '七' }, '七项目实施计划：全年', 1, [['全年', 1, 7]]],
    ]);
  });

  it('reads the form the same when the label column is not A and the content runs on below', () => {
    const s = readDisclosure(
      book(
        sheet('F', [
          [undefined, '项目二'],
          [undefined, '资金安排', '第一段'],
          [undefined, undefined, '第二段'],
        ]),
      ),
    );
    expect(s.projects[0]!.sections[0]!.paragraphs.map((x) => [x.text, x.ref.row, x.ref.col])).toEqual([
      ['第一段', 1, 2],
      ['第二段', 2, 2],
    ]);
  });

  it('reads a section label with its table header beside it (资金安排情况 │ 金额（万元）) as the section, in a form', () => {
    // under 六、资金安排情况 the same row would be a table's header; after 实施内容 it is the funding label
    const s = readDisclosure(
      book(
        sheet('F', [
          ['项目四'],
          ['项目名称', '甲项目'],
          ['实施内容', '新建教学楼。'],
          ['资金安排情况', '金额（万元）'],
          ['中央补助', '60'],
          ['合计', '60'],
          ['实施计划', '全年'],
        ]),
      ),
    );
    expect(s.projects[0]!.sections.map((x) => [x.key, x.headingText, x.inferredFrom])).toEqual([
      ['name', '项目名称', undefined],
      ['content', '实施内容', undefined],
      ['funding', '资金安排情况', undefined],
      ['plan', '实施计划', undefined],
    ]);
  });

  it('keeps a label whose content is a figure with its unit in brackets (项目资金 │ 100（万元）) a heading', () => {
    // a column header has a name before its unit (金额（万元）); `100（万元）` is content
    const s = readDisclosure(book(sheet('F', [['项目三'], ['项目名称', '甲项目'], ['项目资金', '100（万元）'], ['实施计划', '全年']])));
    expect(s.projects[0]!.sections.map((x) => [x.key, x.headingText, x.paragraphs.map((p) => p.text)])).toEqual([
      ['name', '项目名称', ['甲项目']],
      ['funding', '项目资金', ['100（万元）']],
      ['plan', '实施计划', ['全年']],
    ]);
  });
});

describe('layout (c): all projects on one sheet', () => {
  const lines = [
    '江川区教育体育局2023年预算重点领域',
    '财政项目文本公开',
    '项目一',
    ...STANDARD,
    '项目二',
    ...STANDARD.slice(0, 4),
    '项目十一：保安服务项目',
    ...STANDARD.slice(10),
  ];
  const r = readDisclosure(book(column('项目文本', lines)));

  it('finds each project where its title stands, and the two-line title', () => {
    expect(r.title).toEqual({ text: '江川区教育体育局2023年预算重点领域财政项目文本公开', ref: { sheet: '项目文本', row: 0, col: 0 } });
    expect(r.projects.map((p) => [p.label, p.title, p.number, p.ref.row, p.sections.length])).toEqual([
      ['项目一', '项目一', 1, 2, 8],
      ['项目二', '项目二', 2, 19, 2],
      ['项目十一', '项目十一：保安服务项目', 11, 24, 3],
    ]);
  });
});

describe('school tables', () => {
  it('cuts a table under a heading out of the text and links it to that section', () => {
    const rows = [
      ['项目十一'],
      ['五、项目实施内容'],
      ['配置保安232人。'],
      ['六、资金安排情况'],
      ...schoolTableCells(4, 3),
      ['七、项目实施计划'],
      ['按月划拨。'],
    ];
    const snap = book(sheet('项目十一', rows));
    const table = schoolTable('项目十一', 4, 3);
    const r = readDisclosure(snap, { tables: [table] });
    expect(r.tableLinks).toEqual([{ project: 0, section: 'funding' }]);
    const funding = r.projects[0]!.sections[1]!;
    expect(funding.tables).toEqual([0]);
    expect(funding.paragraphs).toEqual([]);
    expect(funding.otherTables).toBeUndefined();
    expect(r.projects[0]!.sections.map((s) => s.key)).toEqual(['content', 'funding', 'plan']);
  });

  it('links a table on its own sheet to the section that names the sheet', () => {
    const snap = book(
      column('项目十一', ['项目十一', '六、资金安排情况', '年度预算723.84万元，详见“学校明细表”。', '七、项目实施计划', '按月划拨。']),
      sheet('学校明细表', [['江川区中小学保安配置明细表'], ...schoolTableCells(1, 2)]),
    );
    const r = readDisclosure(snap, { tables: [schoolTable('学校明细表', 1, 2)] });
    expect(r.tableLinks).toEqual([{ project: 0, section: 'funding' }]);
    expect(r.projects).toHaveLength(1);
    expect(r.projects[0]!.sections[0]!.tables).toEqual([0]);
  });

  it('links a table on an unnamed sheet to a `见附表` reference', () => {
    const snap = book(
      column('P', ['项目三', '六、资金安排情况', '各校金额见附表。', '七、项目实施计划', '全年。']),
      sheet('Sheet9', schoolTableCells(0, 2)),
    );
    const r = readDisclosure(snap, { tables: [schoolTable('Sheet9', 0, 2)] });
    expect(r.tableLinks).toEqual([{ project: 0, section: 'funding' }]);
  });

  it('leaves a table nobody refers to unlinked', () => {
    const snap = book(column('P', ['项目三', '六、资金安排情况', '5万元。']), sheet('Sheet9', schoolTableCells(0, 2)));
    expect(readDisclosure(snap, { tables: [schoolTable('Sheet9', 0, 2)] }).tableLinks).toEqual([null]);
  });

  it('keeps other tables under a heading as otherTables, not paragraphs', () => {
    const r = readDisclosure(
      book(
        sheet('P', [
          ['项目五'],
          ['六、资金安排情况'],
          ['总额5万元，明细如下：'],
          ['用途', '金额（万元）'],
          ['活动', '3'],
          ['设备', '2'],
          ['七、项目实施计划'],
          ['全年'],
        ]),
      ),
    );
    const funding = r.projects[0]!.sections[0]!;
    expect(funding.paragraphs.map((x) => x.text)).toEqual(['总额5万元，明细如下：']);
    expect(funding.otherTables).toHaveLength(1);
    expect(funding.otherTables![0]!.ref).toEqual({ sheet: 'P', row: 3, col: 0 });
    expect(funding.otherTables![0]!.rows.map((row) => row.map((c) => c.text))).toEqual([
      ['用途', '金额（万元）'],
      ['活动', '3'],
      ['设备', '2'],
    ]);
  });

  it('does not take a table header 项目名称 for a heading when the school table was not found', () => {
    const r = readDisclosure(
      book(
        sheet('P', [
          ['项目十一'],
          ['六、资金安排情况'],
          ['学校代码', '学校名称', '项目名称', '保安数量（人）'],
          ['', '第一中学', '保安配置', '19'],
        ]),
      ),
    );
    expect(r.projects[0]!.sections.map((s) => s.key)).toEqual(['funding']);
  });
});

describe('the seed in its three layouts (seeds/build)', () => {
  const doc = parseSeed(readFileSync(join(__dirname, '../../../seeds/jiangchuan-edu-2023-key-projects.txt'), 'utf8'));
  const skip = { skipSheets: new Set(['学校名册']) };
  const reads = [perSheet(doc), twoColumn(doc), oneSheet(doc)].map((s) => readDisclosure(s, skip));

  it('finds the 16 projects and the title in every layout', () => {
    for (const r of reads) {
      expect(r.title?.text).toBe('江川区教育体育局2023年预算重点领域财政项目文本公开');
      expect(r.projects.filter((p) => p.number !== null).map((p) => p.number)).toEqual(Array.from({ length: 16 }, (_, i) => i + 1));
    }
  });

  it('finds the same sections in the same order in every layout', () => {
    const keys = reads.map((r) =>
      r.projects.filter((p) => p.number !== null).map((p) => p.sections.map((s) => `${s.key}:${s.numbering.raw}`)),
    );
    expect(keys[1]).toEqual(keys[0]);
    expect(keys[2]).toEqual(keys[0]);
    // 项目一: 项目实施单位 and 项目基本概况 unnumbered, the rest 一、…八、
    expect(keys[0]![0]).toEqual([
      'name:一、',
      'basis:二、',
      'unit:',
      'overview:',
      'content:五、',
      'funding:六、',
      'plan:七、',
      'results:八、',
    ]);
  });

  it('keeps the paragraphs of the per-sheet and one-sheet layouts identical', () => {
    const a = reads[0]!.projects.map(shape);
    const c = reads[2]!.projects.map(shape);
    expect(c).toEqual(a);
  });
});
