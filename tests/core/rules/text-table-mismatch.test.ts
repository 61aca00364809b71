import { describe, expect, it } from 'vitest';
import rule from '../../../src/core/rules/text-table-mismatch';
import type { SectionKey } from '../../../src/core/model';
import { run, schoolDoc, seedProject } from '../schools/fixtures';

// makeDocument layout: 项目十一 sheet, A9 the 项目基本概况 paragraph, A11 the 项目实施内容 paragraph
const OVERVIEW = 'A9';

describe('text-table-mismatch', () => {
  it('is silent on the seed: 232人 and 723.84万元/年 agree; 3.12万元 a guard and 60.32万元/月 are rates', () => {
    expect(run(rule, schoolDoc())).toEqual([]);
  });

  it('fires on a guard count in the text that differs from the 合计', () => {
    const project = seedProject('实施项目保安人员数量233人，配置到全区87个独立校点，年度预算资金为723.84万元/年。');
    const f = run(rule, schoolDoc({ project }));
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({
      rule: 'text-table-mismatch',
      messageId: 'count',
      project: '项目十一',
      sheet: '项目十一',
      cell: OVERVIEW,
      column: '保安数量（人）',
      expected: '232',
      actual: '233人',
      related: [{ sheet: '学校明细表', cell: 'D5' }],
    });
  });

  it('fires on the stated annual budget that differs from the table total', () => {
    const project = seedProject('实施项目保安人员数量232人，配置到全区87个独立校点，年度预算资金为732.84万元/年。');
    const f = run(rule, schoolDoc({ project }));
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ messageId: 'amount', cell: OVERVIEW, expected: '723.84万元', actual: '732.84万元/年' });
    expect(f[0]!.message).toBe('正文中的金额“732.84万元/年”与表格合计 723.84万元 不符');
  });

  it('does not read per-unit rates, other counts or a three-year total as the table total', () => {
    const project = seedProject(
      '实施项目保安人员数量232人，配置到全区87个独立校点，每名保安每年3.12万元，服务期三年共计2171.52万元，年度预算资金为723.84万元/年，服务学生3100人。',
    );
    expect(run(rule, schoolDoc({ project }))).toEqual([]);
  });

  it('compares the total with the 合计 row even when 合计 is last, and with the sum when there is none', () => {
    const project = seedProject('实施项目保安人员数量232人，年度预算资金为700万元。');
    expect(run(rule, schoolDoc({ project, total: 'last' })).map((x) => [x.cell, x.expected])).toEqual([[OVERVIEW, '723.84万元']]);
    expect(run(rule, schoolDoc({ project, total: 'none' })).map((x) => [x.cell, x.expected])).toEqual([[OVERVIEW, '723.84万元']]);
  });

  it('checks nothing for a table that belongs to no project', () => {
    const project = seedProject('实施项目保安人员数量233人。');
    const doc = schoolDoc({ project });
    expect(run(rule, { ...doc, tables: doc.tables.map(({ project: _p, ...t }) => t) })).toEqual([]);
  });
});

describe('text-table-mismatch: which amounts state the total', () => {
  it('does not compare items that add up to the total', () => {
    const project = seedProject('实施项目保安人员数量232人，其中保安服务费600万元，安保设施费123.84万元。');
    expect(run(rule, schoolDoc({ project }))).toEqual([]);
  });

  it('compares a single amount the overview states without a total word', () => {
    const project = seedProject('实施项目保安人员数量232人，需723万元。');
    const f = run(rule, schoolDoc({ project }));
    expect(f.map((x) => [x.cell, x.actual])).toEqual([['A9', '723万元']]);
  });

  it('accepts the total of a funding-source column', () => {
    const project = seedProject('实施项目保安人员数量232人，县级财政安排资金723.84万元。');
    expect(run(rule, schoolDoc({ project }))).toEqual([]);
  });
});

// the seed project with its sections replaced (A9 overview, A11 content, A13 funding)
function project(overview: string, funding: string, content = '为全区中小学、幼儿园提供安保服务，服务期限为三年。') {
  const p = seedProject(overview);
  return { ...p, sections: { ...(p.sections as Partial<Record<SectionKey, string[]>>), content: [content], funding: [funding] } };
}
const FUNDING = 'A13';

describe('text-table-mismatch: which counts are about the table', () => {
  it("does not compare counts of other subjects when the linked section states the table's own count", () => {
    const p = project('全区有在校学生2.1万人，其中寄宿制学生8600人，专任教师1500人。', '受益学生232人，详见下表。');
    expect(run(rule, schoolDoc({ project: p, countLabel: '学生人数（人）' }))).toEqual([]);
  });

  it('still compares a statement of the same subject outside the linked section', () => {
    const p = project('全区有在校学生2.1万人，受益学生240人。', '受益学生232人，详见下表。');
    const f = run(rule, schoolDoc({ project: p, countLabel: '学生人数（人）' }));
    expect(f.map((x) => [x.rule, x.project, x.cell, x.actual, x.expected])).toEqual([
      ['text-table-mismatch', '项目十一', OVERVIEW, '240人', '232'],
    ]);
  });

  it("compares a count whose subject is the column's when the linked section states none", () => {
    const p = project('全区有在校学生2.1万人。', '详见下表。');
    const f = run(rule, schoolDoc({ project: p, countLabel: '学生人数（人）' }));
    expect(f.map((x) => [x.rule, x.project, x.cell, x.actual])).toEqual([['text-table-mismatch', '项目十一', OVERVIEW, '2.1万人']]);
  });

  it('compares a bare total in the linked section, not a count of another subject there', () => {
    const fires = run(rule, schoolDoc({ project: project('支持安全防范建设。', '共计230人，详见下表。') }));
    expect(fires.map((x) => [x.rule, x.project, x.cell, x.actual])).toEqual([['text-table-mismatch', '项目十一', FUNDING, '230人']]);
    expect(run(rule, schoolDoc({ project: project('支持安全防范建设。', '受益学生3100人，详见下表。') }))).toEqual([]);
  });
});

describe('text-table-mismatch: a total stated where the table is linked', () => {
  it('fires on 安排…资金 followed by 其中 in the section that points at the table', () => {
    const p = project(
      '实施项目保安人员数量232人。',
      '2023年安排保安服务资金732.84万元，其中：保安薪资600万元，安保设施费132.84万元，详见下表。',
    );
    const f = run(rule, schoolDoc({ project: p }));
    expect(f.map((x) => [x.rule, x.messageId, x.project, x.cell, x.actual, x.expected])).toEqual([
      ['text-table-mismatch', 'amount', '项目十一', FUNDING, '732.84万元', '723.84万元'],
    ]);
  });

  it('is silent when that total agrees, and on items after 其中', () => {
    const p = project(
      '实施项目保安人员数量232人。',
      '2023年安排保安服务资金723.84万元，其中：保安薪资600万元，安保设施费123.84万元，详见下表。',
    );
    expect(run(rule, schoolDoc({ project: p }))).toEqual([]);
  });

  it('reads 计划安排 as a total only in the linked section', () => {
    const p = project('实施项目保安人员数量232人。', '计划安排700万元，详见下表。');
    expect(run(rule, schoolDoc({ project: p })).map((x) => [x.cell, x.actual])).toEqual([[FUNDING, '700万元']]);
  });
});
