import { describe, expect, it } from 'vitest';
import type { DisclosureDocument, Paragraph } from '../../../src/core/model';
import { runRules } from '../../../src/core/rules/engine';
import rule from '../../../src/core/rules/total-mismatch';
import { makeDocument } from '../../helpers/document';

/** One project, the paragraphs in its funding section (A1 title, A2 heading, paragraphs from A3). */
function run(paragraphs: string[], lang: 'zh' | 'en' = 'zh') {
  return runRules(makeDocument([{ title: '项目九', sections: { funding: paragraphs } }]).document, [rule], {}, lang).findings;
}

describe('total-mismatch', () => {
  it('fires when the parts after 其中 do not add up to the total', () => {
    const [f, ...rest] = run(['本项目计划安排资金10万元。其中：区级财政安排资金8万元，省级补助资金1万元。']);
    expect(rest).toEqual([]);
    expect([f!.rule, f!.severity, f!.project, f!.sheet, f!.cell]).toEqual(['total-mismatch', 'error', '项目九', '项目九', 'A3']);
    expect([f!.expected, f!.actual]).toEqual(['9万元', '10万元']);
    // a 其中： list of funding sources accounts for the whole total: the message says what has no source
    expect(f!.message).toBe('“本项目计划安排资金10万元”中列明来源的只有9万元（区级财政8万元+省级补助资金1万元），还有1万元未说明来源');
  });

  // 内蒙古 (tests/fixtures/real/neimenggu-student-aid-news.txt): a total with decimals of 亿元 rounds its 万元 parts
  it('compares a total written with decimals of a larger unit at its last digit; a whole 亿元 stays exact', () => {
    expect(
      run(['研究生教育共落实资助资金2.3亿元。其中：国家奖学金886万元，自治区奖学金550万元，自治区学业奖学金0.6亿元，国家助学金1.6亿元。']),
    ).toEqual([]);
    // more than half a step off (2.4436亿元): fires
    expect(
      run(['研究生教育共落实资助资金2.3亿元。其中：国家奖学金886万元，自治区奖学金550万元，自治区学业奖学金0.6亿元，国家助学金1.7亿元。']),
    ).toHaveLength(1);
    // 2亿元 is a whole number of its unit: exact, 1.9亿元 of parts is 1000万元 short
    const [f] = run(['总投资2亿元。其中：中央资金12000万元，县级配套资金7000万元。']);
    expect([f?.rule, f?.expected, f?.actual]).toEqual(['total-mismatch', '1.9亿元', '2亿元']);
  });

  // 内蒙古, 宁夏, 新疆, 西藏, 广西 name their own level 自治区 (and 盟, 旗): a source as much as 省级 (tests/fixtures/real/
  // neimenggu-student-aid-news.txt, yinchuan-21xiao-target-form.txt; 西藏 边坝: 自治区专项补助1790万元)
  it('reads 自治区/盟/旗 funds as sources: one of them short of the total is a finding', () => {
    const [f, ...rest] = run(['计划安排资金12万元。其中：自治区补助资金10万元。']);
    expect(rest).toEqual([]);
    expect(f?.message).toBe('“计划安排资金12万元”中列明来源的只有10万元（自治区补助资金10万元），还有2万元未说明来源');
    expect(run(['计划安排资金12万元。其中：盟级资金10万元，旗级财政2万元。'])).toEqual([]);
    expect(run(['计划安排资金12万元。其中：盟级资金10万元，旗级财政1万元。'])[0]?.messageId).toBe('noSource');
  });

  it('fires when listed parts then a 合计 disagree', () => {
    const [f] = run(['资料费15万元，制作专题片10万元，会务费5万元，合计35万元。']);
    expect([f?.cell, f?.expected, f?.actual]).toEqual(['A3', '30万元', '35万元']);
  });

  it('follows a list over several paragraphs and points at the total, with the parts as related cells', () => {
    const [f] = run(['本项目总投资50万元，具体如下：', '（一）设备购置30万元；', '（二）培训费15万元。']);
    expect([f?.cell, f?.expected, f?.actual]).toEqual(['A3', '45万元', '50万元']);
    expect(f?.related).toEqual([
      { sheet: '项目九', cell: 'A4' },
      { sheet: '项目九', cell: 'A5' },
    ]);
  });

  it('checks a 合计 line under a list', () => {
    const [f] = run(['（一）资料费10万元；', '（二）会务费5万元；', '合计：16万元']);
    expect([f?.cell, f?.expected, f?.actual]).toEqual(['A5', '15万元', '16万元']);
  });

  it('reads a total line followed by a numbered list of items', () => {
    const [f] = run(['资金总额：15万元。', '1.培训费：8万元；', '2.资料费：4万元；', '3.差旅费：4万元。']);
    expect([f?.cell, f?.expected, f?.actual]).toEqual(['A3', '16万元', '15万元']);
    expect(f?.message).toBe('“资金总额：15万元”与所列分项之和16万元不符（培训费8万元+资料费4万元+差旅费4万元），相差1万元');
    expect(run(['资金总额：15万元。', '1.培训费：8万元；', '2.资料费：4万元；', '3.差旅费：3万元。'])).toEqual([]);
  });

  it('reads 分别为 lists', () => {
    const [f] = run(['项目资金30万元，分别为：设备购置20万元、培训费5万元、资料费4万元。']);
    expect([f?.expected, f?.actual]).toEqual(['29万元', '30万元']);
  });

  it('reads 经费预算 as a total', () => {
    const [f] = run(['经费预算12万元，其中：印刷费2.5万元，专家费5万元，场地租赁费3万元，其他2万元。']);
    expect([f?.expected, f?.actual]).toEqual(['12.5万元', '12万元']);
  });

  it('compares in exact fen across units', () => {
    const [f] = run(['合计12000元，其中：资料费0.6万元，会务费5999.99元。']);
    expect([f?.expected, f?.actual]).toEqual(['11999.99元', '12000元']);
  });

  it('fires when a single listed part is larger than the total', () => {
    const [f] = run(['项目总投资10万元，其中中央资金12万元。']);
    expect(f?.messageId).toBe('partExceeds');
    expect(f?.cell).toBe('A3');
  });

  it('compares approximate amounts at the precision written', () => {
    expect(run(['共计约40万元，其中：考务费12.3万元，培训费27.9万元。'])).toEqual([]);
    expect(run(['合计10万余元，其中资料费6万元，会务费4.5万元。'])).toEqual([]);
    const [f] = run(['共计约40万元，其中：考务费12万元，培训费29万元。']);
    expect([f?.expected, f?.actual]).toEqual(['41万元', '40万元']);
  });

  it('writes English when asked', () => {
    const [f] = run(['资料费15万元，会务费5万元，合计25万元。'], 'en');
    expect(f?.message).toBe('“合计25万元” differs from the sum of its listed parts, 20万元 (资料费15万元+会务费5万元): off by 5万元');
  });

  it.each([
    ['seed 项目九', ['本项目计划安排资金10万元。其中：区级财政安排资金10万元。']],
    ['one part of several sources', ['总投资100万元，其中中央资金60万元。']],
    [
      'seed 项目十二 (no total)',
      ['涉及监考教师和考务人员约1050人次，共需支出考务费约40万元，培训费4万元，考试用品设施约7万元和办公经费1万元。'],
    ],
    [
      'seed 项目一 plan (no total)',
      ['（一）宣传、资料费15万元；', '（二）制作专题片10万元；', '（三）专家实地评估费用、会务等费用5万元。'],
    ],
    ['a 大写 total with its figure', ['合计人民币壹拾伍万元整（￥150，000.00），其中：考务费10万元，培训费5万元。']],
    ['a nested 其中', ['总投资100万元，其中：中央资金60万元，其中用于设备30万元；省级资金40万元。']],
    ['a right sum', ['资料费15万元，会务费5万元，合计20万元。']],
    ['a second breakdown after the parts', ['总预算50万元，其中省级资金30万元，区级资金20万元，用于设备25万元、培训25万元。']],
    ['another sentence after the list', ['本项目计划安排资金10万元。其中：区级财政安排资金10万元。2022年已拨付3万元。']],
    ['other amounts before a right 合计', ['上年结转2万元。资料费15万元，会务费5万元，合计20万元。']],
    ['rates', ['补助标准合计每生每年850元，其中：中央每生每年500元，地方每生每年350元。']],
    [
      'seed 项目十四',
      [
        '风险补偿金由中央与地方各负担50%。地方负担部分，省财政、州（市）财政、县（市、区）财政、高校按4：2：2：2比例分担。2023年我区地方高校学生预计有3100人贷款，2023年度预算资金为18.41万元，均为区级财政资金。',
      ],
    ],
  ])('does not fire on %s', (_name, paragraphs) => {
    expect(run(paragraphs)).toEqual([]);
  });

  it('checks every section, not only the funding one', () => {
    const doc = makeDocument([
      { title: '项目二', sections: { overview: ['项目总投资20万元，其中：设备12万元，培训7万元。'], funding: ['20万元'] } },
    ]).document;
    const [f] = runRules(doc, [rule]).findings;
    expect([f?.project, f?.cell, f?.expected]).toEqual(['项目二', 'A3', '19万元']);
  });
});

describe('total-mismatch in a money table under a heading', () => {
  /** Funding section with a table at rows 3… (0-based), columns A and B. */
  function withTable(rows: string[][]): DisclosureDocument {
    const built = makeDocument([{ title: '项目五', sections: { funding: ['资金安排如下表：'] } }]).document;
    const cells: Paragraph[][] = rows.map((r, i) =>
      r.map((text, col) => ({ text, ref: { sheet: '项目五', row: 3 + i, col }, offset: 0 })).filter((c) => c.text !== ''),
    );
    return {
      ...built,
      projects: built.projects.map((p) => ({
        ...p,
        sections: p.sections.map((s) => ({ ...s, otherTables: [{ ref: cells[0]![0]!.ref, rows: cells }] })),
      })),
    };
  }

  it('fires when the 合计 row differs from the sum of the rows, at the 合计 cell', () => {
    const doc = withTable([
      ['项目', '金额（万元）'],
      ['活动开展', '25'],
      ['资源开发', '7'],
      ['条件改善', '18'],
      ['合计', '51'],
    ]);
    const [f, ...rest] = runRules(doc, [rule]).findings;
    expect(rest).toEqual([]);
    expect([f!.rule, f!.project, f!.cell, f!.column, f!.expected, f!.actual]).toEqual([
      'total-mismatch',
      '项目五',
      'B8',
      '金额（万元）',
      '50万元',
      '51万元',
    ]);
    expect(f!.message).toBe('表格“金额（万元）”列的合计51万元与各行之和50万元不符，相差1万元');
  });

  it('reads a 合计 row placed first, and amounts in 元 with separators', () => {
    const doc = withTable([
      ['支出项目', '金额（元）'],
      ['合计', '12,000.00'],
      ['印刷费', '5,000.00'],
      ['专家费', '6,999.50'],
    ]);
    const [f] = runRules(doc, [rule]).findings;
    expect([f?.cell, f?.expected, f?.actual]).toEqual(['B5', '11999.50元', '12000元']);
  });

  it.each([
    [
      'a right table',
      [
        ['项目', '金额（万元）'],
        ['活动开展', '25'],
        ['资源开发', '7'],
        ['合计', '32'],
      ],
    ],
    [
      'a table with 小计 rows',
      [
        ['项目', '金额（万元）'],
        ['A', '5'],
        ['小计', '5'],
        ['B', '3'],
        ['合计', '9'],
      ],
    ],
    [
      'a table without a money column',
      [
        ['项目', '人数'],
        ['A', '5'],
        ['B', '3'],
        ['合计', '9'],
      ],
    ],
    [
      'a column with text in it',
      [
        ['项目', '金额（万元）'],
        ['A', '5'],
        ['B', '待定'],
        ['合计', '9'],
      ],
    ],
  ])('does not fire on %s', (_n, rows) => {
    expect(runRules(withTable(rows), [rule]).findings).toEqual([]);
  });
});

describe('bounds and item numbers', () => {
  it('reads a total stated as a lower bound as one: any larger sum agrees (5亿元以上, 不低于500万元)', () => {
    expect(run(['项目总投资5亿元以上，其中中央资金3亿元，省级资金2.5亿元。'])).toEqual([]);
    expect(run(['项目总投资不低于500万元，其中中央资金300万元，省级资金250万元。'])).toEqual([]);
    // a list of sources that falls short of the bound is still found
    const [f] = run(['项目总投资不低于500万元，其中中央资金200万元，省级资金250万元。']);
    expect(f?.rule).toBe('total-mismatch');
    expect(f?.message).toContain('“项目总投资不低于500万元”中列明来源的只有450万元');
  });

  it('reads a part stated as a lower bound (50万元以上) as one, not as 50万元 exactly', () => {
    expect(run(['项目资金合计300万元，其中中央资金200万元，省级资金50万元以上。'])).toEqual([]);
    // parts that exceed the total even at their lower bound are found
    expect(run(['项目资金合计300万元，其中中央资金200万元，省级资金150万元以上。'])).toHaveLength(1);
  });

  it("does not read an item's number before its amount as a first digit group (项目1 100万元 is 100万元)", () => {
    expect(run(['项目资金合计300万元，其中：项目1 100万元，项目2 200万元。'])).toEqual([]);
    const [f, ...rest] = run(['项目资金合计300万元，其中：项目1 150万元，项目2 200万元。']);
    expect(rest).toEqual([]);
    expect(f!.message).toBe('“项目资金合计300万元”与所列分项之和350万元不符（项目1 150万元+项目2 200万元），相差50万元');
    // digits grouped by a space (GB/T 15835) are still one figure
    expect(run(['项目总投资3 017万元，其中中央资金3 000万元，县级资金17万元。'])).toEqual([]);
  });
});
