import { describe, expect, it } from 'vitest';
import type { DisclosureDocument, Paragraph, SchoolTable } from '../../../src/core/model';
import { runRules } from '../../../src/core/rules/engine';
import rule from '../../../src/core/rules/plan-funding-mismatch';
import { makeDocument, type ProjectSpec } from '../../helpers/document';

function run(projects: ProjectSpec[], lang: 'zh' | 'en' = 'zh') {
  return runRules(makeDocument(projects).document, [rule], {}, lang).findings;
}
function pf(title: string, funding: string[], plan: string[]): ProjectSpec {
  return { title, sections: { funding, plan } };
}

// Seed 项目十二
const P12 = pf(
  '项目十二',
  ['涉及监考教师和考务人员约1050人次，共需支出考务费约40万元，培训费4万元，考试用品设施约7万元和办公经费1万元。'],
  [
    '（一）2023年度组考防疫物资约1万元；',
    '      （二）2023年度招生考试考务培训费约4万元；',
    '（三）1月高中学考考务费约4.2万元；',
    '（四）3月高考英语听力考试考务费约2万元；',
    '（五）6月高考考务费约6.2万元，初中学考考务费约11万元；',
    '（六）7月高中学考考务费约4.2万元；',
    '（七）9月高考英语听力考试考务费约2.1万元；',
  ],
);

describe('plan-funding-mismatch', () => {
  it('fires on seed 项目十二 at the plan cell, naming both sums and their items', () => {
    const [f, ...rest] = run([P12]);
    expect(rest).toEqual([]);
    expect([f!.rule, f!.severity, f!.project, f!.sheet, f!.cell]).toEqual(['plan-funding-mismatch', 'error', '项目十二', '项目十二', 'A5']);
    expect(f!.related).toEqual([{ sheet: '项目十二', cell: 'A3' }]);
    expect([f!.expected, f!.actual]).toEqual(['52万元', '34.7万元']);
    expect(f!.message).toBe(
      '资金安排情况合计52万元（考务费40万元+培训费4万元+考试用品设施7万元+办公经费1万元），' +
        '项目实施计划合计34.7万元（组考防疫物资1万元+招生考试考务培训费4万元+1月高中学考考务费4.2万元+3月高考英语听力考试考务费2万元+' +
        '6月高考考务费6.2万元+初中学考考务费11万元+7月高中学考考务费4.2万元+9月高考英语听力考试考务费2.1万元），两者相差17.3万元',
    );
  });

  it('writes English when asked, and names the sections as the workbook wrote them', () => {
    const p: ProjectSpec = {
      title: '项目一',
      sections: [
        { key: 'funding', label: '资金来源及安排', paragraphs: ['本项目计划安排资金10万元。'] },
        { key: 'plan', label: '进度安排', paragraphs: ['3月支付培训费6万元，5月支付资料费5万元。'] },
      ],
    };
    const [zh] = run([p]);
    expect(zh!.message).toBe(
      '资金来源及安排为10万元（“本项目计划安排资金10万元”），进度安排合计11万元（3月培训费6万元+5月资料费5万元），两者相差1万元',
    );
    const [en] = run([p], 'en');
    expect(en!.message).toBe(
      '资金来源及安排 states 10万元 (“本项目计划安排资金10万元”); 进度安排 states a total of 11万元 (3月培训费6万元+5月资料费5万元): they differ by 1万元',
    );
  });

  it('fires on two stated totals that differ', () => {
    const [f] = run([pf('项目九', ['本项目计划安排资金10万元。'], ['2023年度预计支出12万元。'])]);
    expect([f?.cell, f?.expected, f?.actual]).toEqual(['A5', '10万元', '12万元']);
  });

  it('compares a total with its parts against the plan, quoting the total', () => {
    const [f] = run([
      pf(
        '项目六',
        ['资金总额：15万元。', '1.培训费：8万元；', '2.资料费：4万元；', '3.差旅费：3万元。'],
        ['分三个阶段实施，第一阶段5万元，第二阶段5万元，第三阶段6万元。'],
      ),
    ]);
    expect(f?.cell).toBe('A8');
    expect(f?.related).toEqual([{ sheet: '项目六', cell: 'A3' }]);
    expect(f?.message).toBe(
      '资金安排情况为15万元（“资金总额：15万元”，其中培训费8万元+资料费4万元+差旅费3万元），项目实施计划合计16万元（第一阶段5万元+第二阶段5万元+第三阶段6万元），两者相差1万元',
    );
  });

  it('compares the two stated totals when both sections list items and a 合计', () => {
    const [f, ...rest] = run([
      pf(
        '项目七',
        ['中央补助资金100万元，省级补助资金50万元，区级配套资金50万元，合计200万元。'],
        ['第一季度支付60万元，第二季度支付60万元，第三季度支付40万元，第四季度支付30万元，合计190万元。'],
      ),
    ]);
    expect(rest).toEqual([]);
    expect([f?.expected, f?.actual]).toEqual(['200万元', '190万元']);
    expect(
      run([
        pf(
          '项目七',
          ['中央补助资金100万元，省级补助资金50万元，区级配套资金50万元，合计200万元。'],
          ['第一季度支付60万元，第二季度支付60万元，第三季度支付40万元，第四季度支付40万元，合计200万元。'],
        ),
      ]),
    ).toEqual([]);
  });

  it('fires on two rates of the same kind that differ', () => {
    const [f] = run([pf('项目五', ['补助标准为每生每年850元。'], ['按每生每年800元发放。'])]);
    expect([f?.expected, f?.actual]).toEqual(['850元/生·年', '800元/生·年']);
  });

  it.each([
    [
      'seed 项目三: a rate and its 大写 amount with the figure',
      pf(
        '项目三',
        ['教育部基础教育质量监测中心地方购买服务，参加国家义务教育质量监测购买服务，费用为每县每年15万元。'],
        [
          '本项目服务期限为自协议生效之日起壹年，本协议自双方法定代表人或委托代理人签字并加盖单位公章后生效。根据协议要求，教体局（甲方）自本协议签订生效之日至正式施测后45个工作日内，需向监测中心（乙方）指定账户一次性支付监测经费（含税价格）大写人民币壹拾伍万元整（￥150，000.00）。',
        ],
      ),
    ],
    [
      'seed 项目三 with the rate read as an amount: 15万元 and 壹拾伍万元整（￥150，000.00） are one amount',
      pf('项目三', ['参加国家义务教育质量监测购买服务，费用为15万元。'], ['一次性支付监测经费大写人民币壹拾伍万元整（￥150，000.00）。']),
    ],
    [
      'seed 项目十四: 18.41 vs 18.41',
      pf(
        '项目十四',
        [
          '风险补偿金比例按当年贷款发生额的5%确定。地方负担部分，省财政、州（市）财政、县（市、区）财政、高校按4：2：2：2比例分担。2023年我区地方高校学生预计有3100人贷款，2023年度预算资金为18.41万元，均为区级财政资金。',
        ],
        [
          '按照云南省财政财政厅、云南省教育厅文件要求，生源地信用助学贷款风险补偿金每年12月下旬前，将区级财政承担资金按时上缴至国家开发银行云南省分行。2023年度我区预计上缴资金为18.41万元。',
        ],
      ),
    ],
    [
      'seed 项目十一: a yearly rate and its monthly share',
      pf(
        '项目十一',
        ['年度预算资金为723.84万元/年。'],
        ['根据项目开展情况，从2023年4月起，每年每月按723.84万元/年÷12=60.32万元/月划拨中标的保安服务公司。'],
      ),
    ],
    ['seed 项目十一: the funding section holds only the table', pf('项目十一', [], ['每年每月按723.84万元/年÷12=60.32万元/月划拨。'])],
    [
      'seed 项目九: a total and its one part vs the plan items',
      pf('项目九', ['本项目计划安排资金10万元。其中：区级财政安排资金10万元。'], ['（一）培训费6万元；', '（二）资料费4万元。']),
    ],
    [
      'seed 项目一: no amount in the funding section',
      pf('项目一', ['资金主要用于国家级督导专家在江川实地评估费用、资料费等支出。'], ['（一）宣传、资料费15万元；']),
    ],
    [
      'seed 项目五: no amount in the plan',
      pf('项目五', ['活动开展25万、资源开发7万、条件改善18万'], ['1-12月修缮维修/设备跟新；9-12月开展各类活动；10-12月资源开发。']),
    ],
    ['approximate amounts that agree at their precision', pf('项目二', ['共需资金约40万元。'], ['3月支付13.4万元，9月支付26.2万元。'])],
    [
      'a total restated in the plan with its items',
      pf('项目二', ['安排资金20万元。'], ['本项目合计20万元，其中：3月支付12万元，9月支付8万元。']),
    ],
    [
      'a schedule naming only the first payment',
      pf('项目二', ['安排资金50万元。'], ['3月签订合同后支付首付款30%，即15万元；验收合格后支付剩余款项。']),
    ],
    ['a rate against an amount (no count given)', pf('项目二', ['每生每年850元。'], ['全年支付50万元。'])],
    [
      'a plan total written without a keyword, then its instalments',
      pf('项目二', ['安排资金50万元。'], ['全年资金50万元，分两次拨付：6月拨付30万元，12月拨付20万元。']),
    ],
    [
      "last year's amount beside this year's",
      pf('项目二', ['2022年下达资金45万元，2023年安排资金50万元。'], ['6月拨付30万元；', '12月拨付20万元。']),
    ],
  ])('does not fire on %s', (_name, p) => {
    expect(run([p])).toEqual([]);
  });
});

describe('plan-funding-mismatch with a money table in the funding section', () => {
  function withTable(rows: string[][], plan: string[]): DisclosureDocument {
    const built = makeDocument([{ title: '项目五', sections: { funding: [], plan } }]).document;
    // the table sits at rows 10… so it does not collide with the plan's cells
    const cells: Paragraph[][] = rows.map((r, i) =>
      r.map((text, col) => ({ text, ref: { sheet: '项目五', row: 10 + i, col }, offset: 0 })),
    );
    return {
      ...built,
      projects: built.projects.map((p) => ({
        ...p,
        sections: p.sections.map((s) => (s.key === 'funding' ? { ...s, otherTables: [{ ref: cells[0]![0]!.ref, rows: cells }] } : s)),
      })),
    };
  }

  it("compares the table's 合计 with the plan", () => {
    const doc = withTable(
      [
        ['项目', '金额（万元）'],
        ['活动开展', '25'],
        ['资源开发', '7'],
        ['合计', '32'],
      ],
      ['9月开展活动，支出25万元；10月资源开发，支出8万元。'],
    );
    const [f, ...rest] = runRules(doc, [rule]).findings;
    expect(rest).toEqual([]);
    expect([f!.cell, f!.expected, f!.actual]).toEqual(['A4', '32万元', '33万元']);
    expect(f!.related).toEqual([{ sheet: '项目五', cell: 'B14' }]);
    expect(f!.message).toBe('资金安排情况合计32万元（表格），项目实施计划合计33万元（25万元+8万元），两者相差1万元');
  });

  it('does not fire when they agree', () => {
    const doc = withTable(
      [
        ['项目', '金额（万元）'],
        ['活动开展', '25'],
        ['资源开发', '7'],
        ['合计', '32'],
      ],
      ['9月开展活动，支出25万元；10月资源开发，支出7万元。'],
    );
    expect(runRules(doc, [rule]).findings).toEqual([]);
  });
});

describe('plan-funding-mismatch with running totals (累计)', () => {
  it('does not add cumulative amounts: the last one is the plan total', () => {
    expect(
      run([pf('项目二', ['项目总投资￥1,200,000.00。'], ['截至2024年6月底累计拨付资金60万元，12月底前累计拨付资金120万元。'])]),
    ).toEqual([]);
    expect(run([pf('项目二', ['安排资金120万元。'], ['上半年拨付60万元，下半年拨付60万元，截至12月底累计拨付120万元。'])])).toEqual([]);
    // a plain amount after a running total adds to it
    expect(run([pf('项目二', ['安排资金120万元。'], ['截至6月底累计拨付60万元，下半年拨付60万元。'])])).toEqual([]);
  });

  it('fires when the last cumulative amount differs, in the units the texts write', () => {
    const [f, ...rest] = run([
      pf('项目二', ['项目总投资￥1,200,000.00。'], ['截至2024年6月底累计拨付资金60万元，12月底前累计拨付资金100万元。']),
    ]);
    expect(rest).toEqual([]);
    expect([f!.rule, f!.project, f!.cell]).toEqual(['plan-funding-mismatch', '项目二', 'A5']);
    expect([f!.expected, f!.actual]).toEqual(['1200000元', '1000000元']);
    expect(f!.message).toBe(
      '资金安排情况为1,200,000元（“项目总投资￥1,200,000.00”），项目实施计划为100万元（“12月底前累计拨付资金100万元”），两者相差20万元',
    );
  });
});

describe('plan-funding-mismatch at the precision written', () => {
  it('does not fire on ¥1,234,567.89 against 123.46万元 (rounded to 0.01万元)', () => {
    expect(
      run([pf('项目二', ['项目总投资¥1,234,567.89，全部由县级财政安排。'], ['2024年9月完成竣工验收并支付工程款123.46万元。'])]),
    ).toEqual([]);
    expect(run([pf('项目二', ['安排资金123.4568万元。'], ['9月支付123.46万元。'])])).toEqual([]);
  });

  it('fires when the finer amount does not round to the coarser one', () => {
    const [f, ...rest] = run([
      pf('项目二', ['项目总投资¥1,234,567.89，全部由县级财政安排。'], ['2024年9月完成竣工验收并支付工程款123.47万元。']),
    ]);
    expect(rest).toEqual([]);
    expect([f!.rule, f!.project, f!.cell]).toEqual(['plan-funding-mismatch', '项目二', 'A5']);
    expect(f!.message).toBe(
      '资金安排情况为1,234,567.89元（“项目总投资¥1,234,567.89”），项目实施计划为123.47万元（“…年9月完成竣工验收并支付工程款123.47万元”），两者相差132.11元',
    );
  });

  it('takes a whole number of 万元 as exact (100万元 vs 100.4万元 fires)', () => {
    const [f] = run([pf('项目二', ['安排资金100万元。'], ['6月拨付50万元，12月拨付50.4万元。'])]);
    expect([f?.rule, f?.project, f?.cell, f?.actual]).toEqual(['plan-funding-mismatch', '项目二', 'A5', '100.4万元']);
  });
});

describe('plan-funding-mismatch with a school table linked to the funding section', () => {
  function withSchoolTable(fen: number, plan: string[], link: 'section' | 'document'): DisclosureDocument {
    const built = makeDocument([{ title: '项目一', sections: { funding: ['各校补助资金详见附表1。'], plan } }]).document;
    const ref = { sheet: '附表1', row: 9, col: 4 };
    const subtotal = { ref, raw: String(fen / 100), empty: false, value: fen / 100, fen, decimals: 0 };
    const table = {
      sheet: '附表1',
      unit: '元',
      rows: [],
      total: { row: 9, funding: { subtotal } },
      project: 0,
      section: 'funding',
    } as unknown as SchoolTable;
    return {
      ...built,
      tables: [table],
      projects:
        link === 'section'
          ? built.projects.map((p) => ({ ...p, sections: p.sections.map((s) => (s.key === 'funding' ? { ...s, tables: [0] } : s)) }))
          : built.projects,
    };
  }

  it.each(['section', 'document'] as const)('compares the table 合计 with the plan (linked via %s)', (link) => {
    const [f, ...rest] = runRules(withSchoolTable(100_000_000, ['春季学期拨付50万元，秋季学期拨付40万元。'], link), [rule]).findings;
    expect(rest).toEqual([]);
    expect([f!.rule, f!.project, f!.sheet, f!.cell]).toEqual(['plan-funding-mismatch', '项目一', '项目一', 'A5']);
    expect(f!.related).toEqual([{ sheet: '附表1', cell: 'E10' }]);
    expect(f!.message).toBe(
      '资金安排情况合计1,000,000元（附表1合计），项目实施计划合计90万元（春季学期50万元+秋季学期40万元），两者相差10万元',
    );
  });

  it('does not fire when the plan pays the table 合计', () => {
    expect(runRules(withSchoolTable(100_000_000, ['春季学期拨付50万元，秋季学期拨付50万元。'], 'section'), [rule]).findings).toEqual([]);
  });
});
