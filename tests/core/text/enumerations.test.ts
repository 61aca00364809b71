/**
 * How texts list their figures: totals and parts (money and every other quantity), the items' names,
 * and enumerations. Sentences from real published texts, their addresses beside them.
 */
import { describe, expect, it } from 'vitest';
import { analyseAmounts, type AmountAnalysis } from '../../../src/core/text/amount-statements';
import { formatQuantity } from '../../../src/core/text/quantities';

const analyse = (...texts: string[]): AmountAnalysis =>
  analyseAmounts(texts.map((text, i) => ({ text, ref: { sheet: 'S', row: i, col: 0 } })));

/** Every total and its parts as `total ⊃ part+part (scope)`, money then the other quantities. */
function structures(an: AmountAnalysis): string[] {
  const m = an.structures.map(
    (s) => `${an.amounts[s.total]!.amount.text} ⊃ ${s.parts.map((i) => an.amounts[i]!.amount.text).join('+')} (${s.scope})`,
  );
  const q = an.quantityStructures.map(
    (s) => `${an.quantities[s.total]!.amount.text} ⊃ ${s.parts.map((i) => an.quantities[i]!.amount.text).join('+')} (${s.scope})`,
  );
  return [...m, ...q];
}

describe('totals and their parts', () => {
  it.each([
    // a total needs no keyword: the figure the 其中 list follows
    // 大关县, https://ztnews.net/article/show-37673.html
    [
      ['下达大关县2015年第二批专项资金1500万元，其中：中央资金665万元，省级资金575万元，市级配套资金52万元，县级配套资金208万元。'],
      ['1500万元 ⊃ 665万元+575万元+52万元+208万元 (sources)'],
    ],
    // a count total with an area between it and the list: the parts decide which figure is their total
    // 剑川, http://dali8.net/archiver/tid-45424.html
    [
      ['计划新建或改建食堂(伙房)22个，建筑面积5000多平方米，其中新建寄宿制学校食堂5个，改建食堂1个，新建伙房17个。'],
      ['22个 ⊃ 5个+1个+17个 (all)'],
    ],
    // an area total whose parts carry counts and lengths in their names; 资金来源为 lists the sources
    // 龙陵县, https://longling.gov.cn/info/8506/1450899.htm
    [
      [
        '新建运动场7332平方米。其中：新建200米环形跑道(含100米直跑道)运动场1个，建筑面积5394平方米；新建篮球场2个，建筑面积1216平方米；新建排球场2个，建筑面积572平方米；新建器械场地1个，建筑面积150平方米。厕所两幢140平方米。',
      ],
      ['7332平方米 ⊃ 5394平方米+1216平方米+572平方米+150平方米 (all)'],
    ],
    [
      ['项目估算总投资680万元。资金来源为中央专项资金214万元，省级专项资金178万元，自筹288万元。'],
      ['680万元 ⊃ 214万元+178万元+288万元 (sources)'],
    ],
    // a list that starts the next sentence takes its total from the sentence before, not the nearest figure
    // 福州市直达资金, https://hzrunxin.com/zgfzzt/czzj/czzjzdjc/202111/t20211125_4252779.htm
    [
      [
        '市本级直达资金45.66亿元，未分配0.32亿元，分配率99.3%。其中：中央安排直达资金39.64亿元，分配率99.2%；地方安排资金6.02亿元，分配率99.7%。',
      ],
      ['45.66亿元 ⊃ 39.64亿元+6.02亿元 (sources)'],
    ],
    // two breakdowns of one total; items separated by semicolons, each with its own percentage
    // 泸西县, https://www.hhlx.gov.cn/info/2861/221921.htm
    [
      [
        '共支出资金21621.62万元，支出进度87.34%，其中：部门支出10282.59万元，支出进度89.45%；乡镇支出11339.03万元，支出进度85.51%。其中：财政专项扶贫资金支出8304.36万元；财政涉农整合资金支出13317.26万元。',
      ],
      ['21621.62万元 ⊃ 10282.59万元+11339.03万元 (all)', '21621.62万元 ⊃ 8304.36万元+13317.26万元 (sources)'],
    ],
    // a 其中 in parentheses ends with them; a 合计 sums the figures outside them
    // 临城县, https://or2.xixipi.tk/baogao/6505890.html
    [
      ['一批总投资3374.3万元(其中建筑工程3292万元)，二批总投资2069.51万元(其中建筑工程1975.775万元)，合计批复总投资5443.81万元。'],
      ['3374.3万元 ⊃ 3292万元 (some)', '2069.51万元 ⊃ 1975.775万元 (some)', '5443.81万元 ⊃ 3374.3万元+2069.51万元 (all)'],
    ],
    // a 其中 naming one part, then progress: 目前已下达… is not a part
    // 福建, http://m.folksfolks.com/fjnews/2023-08/02/content_31377715.htm
    [
      ['今年为民办实事项目总投资435.05亿元，其中省级资金109.98亿元，目前已下达123.01亿元，完成年初计划的111.8%。'],
      ['435.05亿元 ⊃ 109.98亿元 (some)'],
    ],
    // comma-separated items end at a semicolon: the next district's figures are its own list
    // 吉林市, https://e-chinaedu.cn/html/jydt/2014/09-05/c_24836.shtml
    [
      [
        '为昌邑区拟投入资金46万元，其中省级补助资金44万，地方配套资金2万元，全部用于购买设备；为船营区拟投入资金325万元，全部为省级补助资金，其中校舍类资金104万元，设备类资金221万元。',
      ],
      ['46万元 ⊃ 44万+2万元 (sources)', '325万元 ⊃ 104万元+221万元 (all)'],
    ],
    // 用于… describing a part does not end the list; a 用于 list of its own after the parts is another breakdown
    // 昭通市, https://ztnews.net/article/show-26606.html
    [
      [
        '下达投资预算13121万元，其中：周转宿舍建设投资4290万元，用于63所学校教师周转宿舍建设；校舍改造工程投资8831万元，用于12所农村初中校舍改造。',
      ],
      ['13121万元 ⊃ 4290万元+8831万元 (all)'],
    ],
    [
      ['总预算50万元，其中省级资金30万元，区级资金20万元，用于设备25万元、培训25万元。'],
      ['50万元 ⊃ 30万元+20万元 (sources)', '50万元 ⊃ 25万元+25万元 (all)'],
    ],
    // the list in the next paragraph (在这笔资金中), the pupils of each item not parts of the money
    // 攀枝花, http://coffeezulin.com/zwgk/zdly/qmtjwgk/zxgk/czxx/zxzj_1/731363.shtml
    [
      [
        '落实城乡义务教育“三免一补”市级补助资金646.3万元。',
        '在这笔资金中，寄宿生生活补助资金115.26万元，受益学生18862人；肉食补助资金237.27万元，受益学生16855人。',
      ],
      ['646.3万元 ⊃ 115.26万元+237.27万元 (all)'],
    ],
    // 包括…等 lists some of a total
    [['项目总投资100万元，包括设备购置60万元、培训20万元等。'], ['100万元 ⊃ 60万元+20万元 (some)']],
    // （含…） right after a figure: a part of it
    [['专项资金1710万元（含一生一师12万）'], ['1710万元 ⊃ 12万 (some)']],
    // the seed's 项目九: one source after 其中： accounts for the whole total
    [['本项目计划安排资金10万元。其中：区级财政安排资金10万元。'], ['10万元 ⊃ 10万元 (sources)']],
    // one source after 其中 without a colon names a notable part
    [['总投资100万元，其中中央资金60万元。'], ['100万元 ⊃ 60万元 (some)']],
  ])('%j', (texts, expected) => {
    expect(structures(analyse(...texts))).toEqual(expected);
  });

  it.each([
    // counts of progress, not parts (芷江, http://czt.hunan.gov.cn/czt/xxgk/dfcz/hh/201301/t20130115_2782951.html)
    ['将改造晓坪中心幼儿园等21所中心幼儿园和14个教学点。目前，已完成4所中心幼儿园和4个教学点建设。'],
    // a running total made of a sum in words (大关县)
    ['已下达专项资金9289万元，加上本次下达资金1500万元，已获专项资金10789万元。'],
    // amounts inside programme names (凯里)
    ['第一批新增中央投资1000亿元农村初中校舍改造项目3个：龙场中学建筑面积1120平方米、投资133万元。'],
    // 总投资 with figures that are not its breakdown (大关县)
    ['项目总规划33000万元。项目将建校舍113626平方米；建设运动场投入资金3292.1万元。'],
  ])('finds no total in %s', (text) => {
    expect(structures(analyse(text))).toEqual([]);
  });
});

describe('counts against the names listed', () => {
  // 舒城县, https://www.shucheng.gov.cn/public/6618011/37063815.html
  const SHUCHENG =
    '改扩建幼儿园7所，分别为干汊河镇七门堰幼儿园、棠树乡八里幼儿园、百神庙镇周公渡中学附属幼儿园、城关第二幼儿园、高峰初中附属幼儿园、城关镇第八幼儿园、城关镇北隅幼儿园，总建筑面积4760平方米。';

  it('reads the names after 分别为 up to the clause holding a figure', () => {
    const an = analyse(SHUCHENG);
    expect(an.itemCounts.map((c) => [an.quantities[c.total]!.amount.text, c.items.length])).toEqual([['7所', 7]]);
    expect(an.itemCounts[0]!.items[6]).toBe('城关镇北隅幼儿园');
  });

  it.each([
    ['names ending with 等', '涉及学校3所，分别为陵江小学、歧坪小学等。'],
    ['names joined by 和', '涉及学校3所，分别为陵江小学、歧坪小学和苍溪中学。'],
    ['figures in the list', '涉及学校3所，其中小学2所、中学1所。'],
    ['a list of some (包括)', '涉及学校3所，包括陵江小学、歧坪小学。'],
  ])('leaves %s alone', (_n, text) => {
    expect(analyse(text).itemCounts).toEqual([]);
  });
});

describe('item names', () => {
  /** The name of each money amount and each quantity of a text. */
  const names = (text: string): string[] => {
    const an = analyse(text);
    return [
      ...an.amounts.map((a) => `${a.label}${a.amount.text}`),
      ...an.quantities.map((q) => `${q.label}${formatQuantity(q.amount.value, q.amount.unit, q.amount.factor)}`),
    ];
  };

  it.each([
    [
      'seed 项目十二',
      '共需支出考务费约40万元，培训费4万元，考试用品设施约7万元和办公经费1万元。',
      ['考务费约40万元', '培训费4万元', '考试用品设施约7万元', '办公经费1万元'],
    ],
    ['a 、 inside a name (seed 项目一)', '（一）宣传、资料费15万元；', ['宣传、资料费15万元']],
    ['a month tells items apart', '（三）1月高中学考考务费约4.2万元；', ['1月高中学考考务费约4.2万元']],
    ['a verb after a month goes', '3月支付培训费6万元，5月支付资料费5万元。', ['3月培训费6万元', '5月资料费5万元']],
    ['a count inside a name stays', '8月发放54、55期教师课酬15.2万元', ['8月54、55期教师课酬15.2万元']],
    ['a parenthesis inside a name is left out', '其中省级财政(含中央)承担146.93亿元', ['省级财政承担146.93亿元']],
    [
      'a name that says nothing alone takes its subject (凯里)',
      '龙场中学建筑面积1120平方米、投资133万元',
      ['龙场中学投资133万元', '龙场中学建筑面积1120平方米'],
    ],
    ['the words after a colon', '资金总额：15万元。1.培训费：8万元；', ['资金总额15万元', '培训费8万元']],
    ['the words after the list word', '本项目资金用于购置图书10万元', ['购置图书10万元']],
  ])('%s', (_n, text, expected) => {
    expect(names(text)).toEqual(expected);
  });
});

describe('enumerations', () => {
  /** Money enumerations as lists of names. */
  const lists = (...texts: string[]): string[][] => {
    const an = analyse(...texts);
    return an.lists.map((l) => l.map((i) => an.amounts[i]!.name));
  };

  it('takes a run of numbered paragraphs as one enumeration (seed 项目十二)', () => {
    expect(
      lists('（一）2023年度组考防疫物资约1万元；', '（二）1月高中学考考务费约4.2万元；', '', '（三）7月高中学考考务费约4.2万元。'),
    ).toEqual([['组考防疫物资', '1月高中学考考务费', '7月高中学考考务费']]);
  });

  it('splits a sentence at its semicolons when the items inside are comma-separated', () => {
    const an = analyse('省级竞赛二等奖1名、三等奖1名；市级竞赛二等奖1名，三等奖1名。');
    expect(an.quantityLists.map((l) => l.map((i) => an.quantities[i]!.name))).toEqual([
      ['省级竞赛二等奖', '三等奖'],
      ['市级竞赛二等奖', '三等奖'],
    ]);
  });

  it('gives a figure that describes the item before it that item’s context (攀枝花)', () => {
    const an = analyse('在这笔资金中，寄宿生生活补助资金115.26万元，受益学生18862人；肉食补助资金237.27万元，受益学生16855人。');
    const [a, b] = an.quantities;
    expect(a!.name).toBe(b!.name);
    expect(a!.context).not.toBe(b!.context);
  });

  it('leaves totals, rates and running totals out', () => {
    expect(lists('合计20万元，每生每年850元，截至6月底累计拨付60万元，资料费15万元，会务费5万元。')).toEqual([['资料费', '会务费']]);
  });
});
