/**
 * repeated-item: the same item with the same amount listed twice in one enumeration (warning), the
 * same name with different amounts (info). The must-not-fire cases are real published texts whose
 * items repeat a word but are different items (addresses beside them).
 */
import { describe, expect, it } from 'vitest';
import { runRules } from '../../../src/core/rules/engine';
import rule from '../../../src/core/rules/repeated-item';
import { makeDocument } from '../../helpers/document';

/** One project, the paragraphs in its funding section (A1 title, A2 heading, paragraphs from A3). */
function run(paragraphs: string[], lang: 'zh' | 'en' = 'zh') {
  return runRules(makeDocument([{ title: '项目四', sections: { funding: paragraphs } }]).document, [rule], {}, lang).findings;
}

describe('repeated-item', () => {
  it('warns when an item is listed twice with the same amount in one sentence, at its second mention', () => {
    const [f, ...rest] = run(['学校体育设施改造资金共计75万元，其中：足球场改造30万元，篮球场维修15万元，足球场改造30万元。']);
    expect(rest).toEqual([]);
    expect([f!.rule, f!.severity, f!.project, f!.cell, f!.actual]).toEqual([
      'repeated-item',
      'warning',
      '项目四',
      'A3',
      '足球场改造30万元',
    ]);
    expect(f!.message).toBe('“足球场改造30万元”在同一列举中出现了两次（同一单元格中），可能重复列支');
  });

  it('warns across the paragraphs of a numbered list, pointing at the other mention too', () => {
    const [f] = run(['（一）足球场改造30万元；', '（二）篮球场维修15万元；', '（三）足球场改造30万元。']);
    expect([f?.cell, f?.severity]).toEqual(['A5', 'warning']);
    expect(f?.related).toEqual([{ sheet: '项目四', cell: 'A3' }]);
    expect(f?.message).toBe('“足球场改造30万元”在同一列举中出现了两次（另见项目四!A3），可能重复列支');
    const [en] = run(['（一）足球场改造30万元；', '（二）篮球场维修15万元；', '（三）足球场改造30万元。'], 'en');
    expect(en?.message).toBe('“足球场改造30万元” is listed twice in one enumeration (also at 项目四!A3): it may be counted twice');
  });

  // 西安 (tests/fixtures/real/xian-school-projects-news.txt, http://m.gqcc.net.cn/project/show.php?itemid=489): the items
  // differ by their year only, which the item name leaves out (it starts after the figure 2021)
  it('says nothing of items that differ by their year (2021年秋季投入使用20所，2022年秋季投入使用2所)', () => {
    expect(run(['按照建设进度安排，53所学校中2020年秋季投入使用31所，2021年秋季投入使用20所，2022年秋季投入使用2所。'])).toEqual([]);
    // the same year twice is still the same item
    const [f] = run(['按照建设进度安排，53所学校中2020年秋季投入使用31所，2021年秋季投入使用20所，2021年秋季投入使用2所。']);
    expect([f?.rule, f?.severity]).toEqual(['repeated-item', 'info']);
  });

  // 内蒙古 (tests/fixtures/real/neimenggu-meng-lottery-aid-news.txt, https://wxredian.com/art?id=13ebc5d2815930488f67122399a81ff1):
  // a phrase a line, each item's amount under a label line of its own
  it('says nothing of the same words under two label lines (“励耕计划” … 资助资金39万元 / “滋蕙计划” … 资助资金7.6万元)', () => {
    const lines = ['为我盟拨付2024年资助资金46.6万元', '其中', '“励耕计划”', '资助资金39万元', '“滋蕙计划”', '资助资金7.6万元'];
    expect(run(lines)).toEqual([]);
    // with no label line between, the same words are still one item named twice
    const [f] = run(['为我盟拨付2024年资助资金46.6万元', '其中', '资助资金39万元', '资助资金7.6万元']);
    expect([f?.rule, f?.severity]).toEqual(['repeated-item', 'info']);
  });

  it('gives advice (info) when one name has two amounts in one list', () => {
    const [f] = run(['本项目资金用于购置图书10万元，购置图书5万元。']);
    expect([f?.severity, f?.messageId]).toEqual(['info', 'differentAmounts']);
    expect(f?.message).toBe('同一列举中“购置图书”出现了两次，数额不同（10万元、5万元），请核实是否为同一事项');
  });

  it('reads counts too (the issue’s shape: 新建5个 … 新建17个)', () => {
    const [f] = run(['计划新建或改建食堂22个，其中新建5个，改建1个，新建17个。']);
    expect([f?.severity, f?.data?.item, f?.data?.first, f?.data?.second]).toEqual(['info', '新建', '5个', '17个']);
  });

  it('follows the rule’s severity setting, and is off with it', () => {
    const doc = makeDocument([
      { title: '项目四', sections: { funding: ['足球场改造30万元，篮球场维修15万元，足球场改造30万元。'] } },
    ]).document;
    expect(runRules(doc, [rule], { rules: { 'repeated-item': 'error' } }).findings.map((f) => f.severity)).toEqual(['error']);
    expect(runRules(doc, [rule], { rules: { 'repeated-item': 'off' } }).findings).toEqual([]);
  });

  it.each([
    // the seed's 项目十二: two sittings of one exam in different months
    [['（三）1月高中学考考务费约4.2万元；', '（六）7月高中学考考务费约4.2万元。']],
    // seed 项目七: two competitions, each with a 二等奖 and a 三等奖
    [['荣获省级青少年科技创新成果竞赛项目二等奖1名、三等奖1名；荣获省级科技辅导员创新成果竞赛项目二等奖1名，三等奖1名。']],
    // the pupils each item reaches, 受益学生 four times (攀枝花, http://coffeezulin.com/zwgk/zdly/qmtjwgk/zxgk/czxx/zxzj_1/731363.shtml)
    [
      [
        '在这笔资金中，寄宿生生活补助资金115.26万元，受益学生18862人；肉食补助资金237.27万元，受益学生16855人；免教科书补助资金174.12万元，受益学生60697人。',
      ],
    ],
    // planned and received per source (隆回县, https://longhui.gov.cn/lhxnyzhkfb/zjsyqk/201205/fdaa067601f24158bec4fb889d0cc1d7.shtml)
    [
      [
        '(1)中央财政资金计划投入850万元，资金实际到位850万元，资金到位率100%；',
        '(2)省级财政资金计划投入333万元，资金实际到位333万元，资金到位率达100%。',
      ],
    ],
    // two batches of three projects each (凯里, http://3g.qdn.cn/news/kl/201001/25069.shtml)
    [
      [
        '第一批新增中央投资1000亿元农村初中校舍改造项目3个：龙场中学投资133万元；第二批新增中央投资1300亿元农村初中校舍改造项目3个：万潮中学投资206万元。',
      ],
    ],
    // two districts with the same sources (吉林市, https://e-chinaedu.cn/html/jydt/2014/09-05/c_24836.shtml)
    [
      [
        '为经开区拟投入资金30万元，其中省级补助资金20万元，地方配套资金10万元，全部用于购置设备；为高新区拟投入资金30万元，其中省级补助资金20万元，地方配套资金10万元，全部用于购置设备。',
      ],
    ],
    // the same amount at different times
    [['春季学期拨付50万元，秋季学期拨付50万元。']],
    [['上半年开展全员培训，支出约20万元；下半年开展骨干教师培训，支出约20万元。']],
    [['A校：设备购置10万元；B校：设备购置10万元。']],
    // a total restated
    [['项目总投资5860万元，其中：建安工程费4680万元，工程建设其他费用760万元，预备费420万元。项目总投资5860万元。']],
    // names that say nothing alone
    [['完成投资3000万元，完成投资2800万元。']],
  ])('does not fire on %j', (paragraphs) => {
    expect(run(paragraphs)).toEqual([]);
  });

  it("does not take a part of a numbered paragraph's own breakdown for an item of the run (怀化, as published)", () => {
    // tests/fixtures/real/huaihua-student-aid-disclosure.txt: 本级资金 of 学前 (1、) and of 中职 (4、) are different items
    expect(
      run([
        '1、学前教育。困难幼儿入园资助1000元/生投入434.4万元，惠及学生4819人，其中上级资金370.1万元，本级资金64.3万元，全部分配鹤城区。',
        '4、中职教育。中职免学费按其所学专业的实际收费投入4063.26万元，惠及学生27028次，其中上级资金1853.49万元（分配市本级1455.16万元，鹤城区398.33万元），本级资金2209.77万元（全部分配市本级）。',
      ]),
    ).toEqual([]);
  });
});
