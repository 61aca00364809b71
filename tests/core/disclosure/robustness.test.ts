import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readDisclosure } from '../../../src/core/disclosure/index';
import type { Cell, WorkbookSnapshot } from '../../../src/core/snapshot/types';
import { book, column, sheet, t } from './helpers';

describe('sheets without projects produce nothing', () => {
  it('skips registry, notes, cover and options.skipSheets', () => {
    const r = readDisclosure(
      book(
        sheet('封面', [['江川区教育体育局2023年预算重点领域财政项目文本公开']]),
        sheet('学校名册', [
          ['学校标识码', '学校名称'],
          ['2153005307', '大街小学'],
        ]),
        column('说明', ['填表说明', '1.金额单位为万元。']),
        column('项目一', ['项目一', '一、项目名称', '甲']),
        column('隐藏', ['项目九', '一、项目名称', '乙']),
      ),
      { skipSheets: new Set(['隐藏']) },
    );
    expect(r.projects.map((p) => p.label)).toEqual(['项目一']);
    expect(r.title).toEqual({ text: '江川区教育体育局2023年预算重点领域财政项目文本公开', ref: { sheet: '封面', row: 0, col: 0 } });
  });

  it('a notes sheet that mentions a label or two is not a project', () => {
    const r = readDisclosure(
      book(
        column('填报说明', ['填报说明', '1.项目名称：按批复填写。', '2.资金安排：写明金额。']),
        column('P', ['项目一', '一、项目名称', '甲']),
      ),
    );
    expect(r.projects.map((p) => p.label)).toEqual(['项目一']);
  });

  it('a section naming itself inside its text is content, not a second heading', () => {
    const r = readDisclosure(
      book(
        column('P', ['项目一', '五、项目实施内容', '为全区中小学配置保安。', '实施内容：招标采购保安服务。', '六、资金安排情况', '10万元']),
      ),
    );
    expect(r.projects[0]!.sections.map((s) => [s.key, s.paragraphs.length])).toEqual([
      ['content', 2],
      ['funding', 1],
    ]);
  });

  it('has no title when the text before the first project is not one', () => {
    expect(readDisclosure(book(column('S', ['备注：以下为草稿。', '项目一']))).title).toBeUndefined();
  });

  it('reads a sheet of section headings without a project title as one project named after the sheet', () => {
    const r = readDisclosure(book(column('项目四', ['一、项目名称', '教育宣传工作经费', '二、立项依据', '规划'])));
    expect(r.projects.map((p) => [p.label, p.number, p.title, p.ref])).toEqual([
      ['项目四', 4, '项目四', { sheet: '项目四', row: 0, col: 0 }],
    ]);
  });
});

describe('malformed input never throws', () => {
  it('a sheet with only numbers', () => {
    const cells: Cell[] = Array.from({ length: 50 }, (_, i) => ({
      row: i,
      col: i % 3,
      kind: 'number',
      value: i * 1.5,
      text: String(i * 1.5),
    }));
    expect(readDisclosure({ sheets: [{ name: 'N', index: 0, visibility: 'visible', cells, merges: [] }] }).projects).toEqual([]);
  });

  it('#REF! cells under a heading are kept as text (the section is not empty)', () => {
    const err: Cell = { row: 2, col: 0, kind: 'error', value: '#REF!', text: '#REF!' };
    const r = readDisclosure(book(sheet('S', [['项目一'], ['六、资金安排情况']], { cells: [err] })));
    expect(r.projects[0]!.sections[0]!.paragraphs.map((p) => p.text)).toEqual(['#REF!']);
  });

  it('merged areas across headings', () => {
    const r = readDisclosure(
      book(
        sheet(
          'S',
          [
            ['项目一', ''],
            ['一、项目名称', '甲'],
            ['二、立项依据', '乙'],
          ],
          {
            merges: [
              { top: 0, left: 0, bottom: 2, right: 1 },
              { top: 0, left: 0, bottom: 1_000_000, right: 16_383 },
            ],
          },
        ),
      ),
    );
    expect(r.projects[0]!.sections.map((s) => s.key)).toEqual(['name', 'basis']);
  });

  it('100,000 formatted empty rows after the text', () => {
    const cells: Cell[] = [t(0, 0, '项目一'), t(1, 0, '一、项目名称'), t(2, 0, '甲')];
    for (let r = 3; r < 100_003; r++) cells.push({ row: r, col: 0, kind: 'empty', value: null, text: '', numFmt: '@' });
    const r = readDisclosure({ sheets: [{ name: 'S', index: 0, visibility: 'visible', cells, merges: [] }] });
    expect(r.projects[0]!.sections[0]!.paragraphs).toHaveLength(1);
  });

  it('a project with no sections, and one whose title ends the sheet', () => {
    const r = readDisclosure(book(column('S', ['项目一', '只有一句话', '项目二'])));
    expect(r.projects.map((p) => [p.label, p.sections.length])).toEqual([
      ['项目一', 0],
      ['项目二', 0],
    ]);
  });

  it('unsorted cells, duplicate sheets, nonsense values', () => {
    const snap = {
      sheets: [
        {
          name: 'S',
          index: 0,
          visibility: 'visible',
          merges: [],
          cells: [
            t(3, 0, '甲'),
            t(2, 0, '一、项目名称'),
            t(0, 0, '项目一'),
            { row: -1, col: 0, kind: 'text', value: 'x', text: 'x' },
            { row: 1, col: 0, kind: 'text', value: null, text: undefined },
          ],
        },
        { name: 'S', index: 1, visibility: 'visible', merges: [], cells: [] },
        null,
      ],
    } as unknown as WorkbookSnapshot;
    const r = readDisclosure(snap);
    expect(r.projects.map((p) => [p.label, p.sections.map((s) => s.paragraphs.map((x) => x.text))])).toEqual([['项目一', [['甲']]]]);
  });

  it('arbitrary cell texts (property)', () => {
    const pieces = [
      '项目一',
      '项目十一：x',
      '一、',
      '（二）',
      '项目名称',
      '资金安排',
      '：',
      '\n',
      ' ',
      '1.',
      '#REF!',
      '万元',
      '附表',
      '学校明细表',
      'x',
    ];
    const textArb = fc.array(fc.constantFrom(...pieces), { maxLength: 6 }).map((a) => a.join(''));
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(30), fc.nat(4), textArb), { maxLength: 60 }), (entries) => {
        const cells: Cell[] = entries.map(([row, col, text]) => ({ row, col, kind: 'text', value: text, text }));
        const r = readDisclosure({ sheets: [{ name: 'P', index: 0, visibility: 'visible', cells, merges: [] }] });
        for (const p of r.projects) for (const s of p.sections) for (const para of s.paragraphs) expect(para.text.trim()).not.toBe('');
      }),
      { numRuns: 300 },
    );
  });
});

describe('scale', () => {
  it('reads 1,000 projects on 1,000 sheets and 1,000 projects on one sheet', () => {
    const lines = (n: number) => [
      `项目${n}`,
      '一、项目名称',
      `名称${n}`,
      '二、立项依据',
      '依据',
      '六、资金安排情况',
      '共计10万元。其中：区级10万元。',
      '七、项目实施计划',
      '全年',
    ];
    const many = { sheets: Array.from({ length: 1000 }, (_, i) => ({ ...column(`P${i}`, lines(i + 1)), index: i })) };
    expect(readDisclosure(many).projects).toHaveLength(1000);
    const one = book(column('All', Array.from({ length: 1000 }, (_, i) => lines(i + 1)).flat()));
    const r = readDisclosure(one);
    expect(r.projects).toHaveLength(1000);
    expect(r.projects[999]!.sections.map((s) => s.key)).toEqual(['name', 'basis', 'funding', 'plan']);
  });
});
