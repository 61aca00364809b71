import { describe, expect, it } from 'vitest';
import rule from '../../../src/core/rules/text-table-mismatch';
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
