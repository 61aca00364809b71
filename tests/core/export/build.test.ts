import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { oneSheet, perSheet, twoColumn, TABLE_REFERENCE } from '../../../seeds/build/layouts';
import { parseSeed } from '../../../seeds/build/parse';
import { SEED_TEXT } from '../../../seeds/build/build';
import { buildDocument } from '../../../src/core/document';
import { buildExportModel, DEFAULT_TITLE } from '../../../src/core/export';
import type { ExportDocument, ExportTable } from '../../../src/core/export';
import { makeDocument } from '../../helpers/document';

const seed = parseSeed(readFileSync(SEED_TEXT, 'utf8'));
const HEADINGS = [
  '一、项目名称',
  '二、立项依据',
  '三、项目实施单位',
  '四、项目基本概况',
  '五、项目实施内容',
  '六、资金安排情况',
  '七、项目实施计划',
  '八、项目实施成效',
];
const LABELS = [
  '项目一',
  '项目二',
  '项目三',
  '项目四',
  '项目五',
  '项目六',
  '项目七',
  '项目八',
  '项目九',
  '项目十',
  '项目十一',
  '项目十二',
  '项目十三',
  '项目十四',
  '项目十五',
  '项目十六',
];

const paragraphs = (m: ExportDocument): string[] =>
  m.projects.flatMap((p) => p.sections.flatMap((s) => s.blocks.flatMap((b) => (b.kind === 'paragraph' ? [b.text] : []))));
const tables = (m: ExportDocument): ExportTable[] =>
  m.projects.flatMap((p) => p.sections.flatMap((s) => s.blocks.flatMap((b) => (b.kind === 'table' ? [b.table] : []))));

describe('export model from the seed (per-sheet layout)', () => {
  const model = buildExportModel(buildDocument(perSheet(seed)));

  it('has the title, 16 projects × 8 sections in standard order with standard numbering', () => {
    expect(model.title).toBe('江川区教育体育局2023年预算重点领域财政项目文本公开');
    expect(model.projects.map((p) => p.label)).toEqual(LABELS);
    for (const p of model.projects) {
      expect(p.sections.map((s) => s.heading)).toEqual(HEADINGS);
      expect(p.sections.every((s) => !s.missing)).toBe(true);
    }
    expect(model.projects[0]!.name).toBe('国家义务教育优质均衡评估专项经费');
    expect(model.projects[10]!.name).toBe('玉溪市江川区中小学幼儿园（2023-2025年）保安服务项目');
  });

  it('keeps the sections as the workbook wrote them in sourceHeading and lists each heading it standardised', () => {
    const p1 = model.projects[0]!;
    expect(p1.sections[2]!.sourceHeading).toBe('项目实施单位');
    const headingChanges = model.normalisations.filter((n) => n.kind === 'heading');
    expect(headingChanges).toContainEqual(
      expect.objectContaining({
        project: '项目一',
        section: 'unit',
        before: '项目实施单位',
        after: '三、项目实施单位',
        ref: { sheet: '项目一', row: 5, col: 0 },
      }),
    );
    expect(headingChanges).toContainEqual(expect.objectContaining({ project: '项目七', before: '一、  项目名称', after: '一、项目名称' }));
    // one entry per heading not already standard
    const nonStandard = seed.projects.flatMap((p) => p.sections.filter((s, i) => s.heading !== HEADINGS[i]));
    expect(headingChanges).toHaveLength(nonStandard.length);
  });

  it('keeps every paragraph of the seed, normalised only as listed', () => {
    const expected = seed.projects.flatMap((p) => p.sections.flatMap((s) => s.paragraphs));
    const listed = new Map(
      model.normalisations.filter((n) => n.kind === 'spacing' || n.kind === 'punctuation').map((n) => [n.before, n.after]),
    );
    expect(paragraphs(model)).toEqual(expected.map((t) => listed.get(t) ?? t));
    expect(listed.get('2023 年春季学期')).toBe('2023年春季学期');
    expect(paragraphs(model)).toContain('按照组织部门要求，江川区委教育体育工委2023年上半年按70%上缴党费，剩余30%作为工委党费返还款使用。');
    expect(model.normalisations.filter((n) => n.kind === 'punctuation').map((n) => n.project)).toEqual(['项目八', '项目八', '项目十四']);
  });

  it('puts the school table in 项目十一 六、资金安排情况: merged header, column numbers, 合计 first, 27 schools', () => {
    const section = model.projects[10]!.sections[5]!;
    expect(section.blocks.map((b) => b.kind)).toEqual(['table']);
    const [t] = tables(model);
    expect(tables(model)).toHaveLength(1);
    expect(t!.schoolCount).toBe(27);
    expect(t!.headerRows.map((r) => r.map((c) => [c.text, c.rowSpan ?? 1, c.colSpan ?? 1]))).toEqual([
      [
        ['学校代码（10位代码）', 3, 1],
        ['学校名称（市+县+乡+校名）', 3, 1],
        ['项目建设计划', 1, 8],
        ['备注', 3, 1],
      ],
      [
        ['项目名称', 2, 1],
        ['保安数量（人）', 2, 1],
        ['资金需求（万元）', 1, 6],
      ],
      [
        ['小计', 1, 1],
        ['中央', 1, 1],
        ['省级', 1, 1],
        ['州市', 1, 1],
        ['县（市、区）', 1, 1],
        ['其它', 1, 1],
      ],
      ['1', '2', '3', '4', '7', '8', '9', '10', '11', '12', '14'].map((n) => [n, 1, 1]),
    ]);
    expect(t!.bodyRows).toHaveLength(28);
    expect(t!.bodyRows[0]!.map((c) => c.text)).toEqual(['合计', '', '', '232', '723.84', '', '', '', '723.84', '', '']);
    expect(t!.bodyRows[1]!.map((c) => c.text)).toEqual([
      '',
      '玉溪市江川区第一中学',
      '保安配置',
      '19',
      '59.28',
      '',
      '',
      '',
      '59.28',
      '',
      '',
    ]);
    // codes trimmed (listed once), amounts with the decimals shown
    expect(t!.bodyRows[4]![0]!.text).toBe('2153030929');
    expect(t!.bodyRows.find((r) => r[1]!.text.endsWith('前卫中学'))!.map((c) => c.text)[4]).toBe('15.60');
    expect(model.normalisations).toContainEqual(
      expect.objectContaining({ kind: 'code-spacing', project: '项目十一', zh: '学校代码首尾空格已删除（20处）' }),
    );
  });

  it('uses a title given in the options', () => {
    expect(buildExportModel(buildDocument(perSheet(seed)), { title: '  另一个标题 ' }).title).toBe('另一个标题');
    const named = buildExportModel(buildDocument(perSheet(seed)), { projectHeading: 'label-name' });
    expect(named.projects[1]!.heading).toBe('项目二\u3000党费返还款专项经费。');
  });
});

describe('export model: the three layouts give the same document', () => {
  const a = buildExportModel(buildDocument(perSheet(seed)));
  const b = buildExportModel(buildDocument(twoColumn(seed)));
  const c = buildExportModel(buildDocument(oneSheet(seed)));
  it('same projects, sections, paragraphs (two-column adds only its table reference) and the same table', () => {
    for (const m of [b, c]) {
      expect(m.title).toBe(a.title);
      expect(m.projects.map((p) => p.sections.map((s) => s.heading))).toEqual(a.projects.map((p) => p.sections.map((s) => s.heading)));
      expect(tables(m).map((t) => [t.headerRows, t.bodyRows.map((r) => r.map((x) => x.text))])).toEqual(
        tables(a).map((t) => [t.headerRows, t.bodyRows.map((r) => r.map((x) => x.text))]),
      );
    }
    expect(paragraphs(c)).toEqual(paragraphs(a));
    expect(paragraphs(b).filter((p) => p !== TABLE_REFERENCE)).toEqual(paragraphs(a));
    // the reference stays as written, followed by the table from 学校明细表
    expect(b.projects[10]!.sections[5]!.blocks.map((x) => x.kind)).toEqual(['paragraph', 'table']);
  });
});

describe('export model: standard form whatever the workbook wrote', () => {
  it('renumbers projects, orders sections, keeps missing ones as empty headings, merges duplicates, lists it all', () => {
    const { document } = makeDocument([
      {
        title: '项目一',
        sections: [
          { key: 'name', numbering: '（一）', paragraphs: ['甲项目'] },
          { key: 'unit', label: '实施单位', numbering: '1.', paragraphs: ['某单位'] },
          { key: 'basis', numbering: '', paragraphs: ['依据,见文件'] },
          { key: 'funding', paragraphs: ['资金10万元。'] },
          { key: 'funding', paragraphs: ['另有5万元。'] },
        ],
      },
      { title: '项目一', sections: { name: ['乙项目'] } },
    ]);
    const m = buildExportModel(document);
    expect(m.projects.map((p) => p.label)).toEqual(['项目一', '项目二']);
    const p = m.projects[0]!;
    expect(p.sections.map((s) => s.heading)).toEqual(HEADINGS);
    expect(p.sections.map((s) => s.missing)).toEqual([false, false, false, true, true, false, true, true]);
    expect(p.sections[1]!.blocks).toEqual([expect.objectContaining({ kind: 'paragraph', text: '依据，见文件' })]);
    expect(p.sections[5]!.blocks.map((b) => (b.kind === 'paragraph' ? b.text : ''))).toEqual(['资金10万元。', '另有5万元。']);
    const kinds = m.normalisations.map((n) => `${n.project}:${n.kind}`);
    expect(kinds).toEqual(
      expect.arrayContaining([
        '项目一:section-order',
        '项目一:section-missing',
        '项目一:section-merged',
        '项目一:heading',
        '项目一:punctuation',
        '项目二:project-label',
      ]),
    );
    expect(m.normalisations.filter((n) => n.kind === 'section-missing' && n.project === '项目一').map((n) => n.section)).toEqual([
      'overview',
      'content',
      'plan',
      'results',
    ]);
    expect(m.normalisations.find((n) => n.kind === 'project-label')).toMatchObject({ before: '项目一', after: '项目二' });
    expect(m.title).toBe(DEFAULT_TITLE);
    expect(m.normalisations[0]).toMatchObject({ kind: 'title-default' });
  });
});

describe('export model: other tables under a heading', () => {
  it('become plain tables, cells as written, where they stand among the paragraphs', async () => {
    const { document } = makeDocument([{ title: '项目一', sections: { name: ['甲'], funding: ['资金如下：', '以上合计20万元。'] } }]);
    const funding = document.projects[0]!.sections[1]!;
    const at = (row: number, col: number, text: string) => ({ text, ref: { sheet: '项目一', row, col }, offset: 0 });
    const withTable = {
      ...document,
      projects: [
        {
          ...document.projects[0]!,
          sections: [
            document.projects[0]!.sections[0]!,
            {
              ...funding,
              otherTables: [
                {
                  ref: { sheet: '项目一', row: 4, col: 0 },
                  rows: [[at(4, 0, '用途'), at(4, 1, '金额')], [at(5, 0, '宣传费'), at(5, 1, '15万元')], [at(6, 0, '会务费 ')]],
                },
              ],
            },
          ],
        },
      ],
    };
    const m = buildExportModel(withTable);
    const blocks = m.projects[0]!.sections[5]!.blocks;
    expect(blocks.map((b) => b.kind)).toEqual(['paragraph', 'table', 'paragraph']);
    const t = blocks[1]!.kind === 'table' ? blocks[1]!.table : undefined;
    expect(t).toMatchObject({ kind: 'other', schoolCount: 0 });
    expect(t!.headerRows.map((r) => r.map((c) => c.text))).toEqual([['用途', '金额']]);
    expect(t!.bodyRows.map((r) => r.map((c) => c.text))).toEqual([
      ['宣传费', '15万元'],
      ['会务费', ''],
    ]);
    const { writeDocx } = await import('../../../src/hosts/docx/write');
    const bytes = await writeDocx(m);
    expect(bytes.length).toBeGreaterThan(1000);
  });
});

describe('export model: an empty document', () => {
  it('has the default title and no projects, and still writes a .docx', async () => {
    const { document } = makeDocument([]);
    const m = buildExportModel(document);
    expect(m).toMatchObject({ title: DEFAULT_TITLE, projects: [] });
    const { writeDocx } = await import('../../../src/hosts/docx/write');
    expect((await writeDocx(m)).length).toBeGreaterThan(1000);
  });
});
