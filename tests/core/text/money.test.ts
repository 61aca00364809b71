import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  amountRange,
  fastNormalizeWithMap,
  findAmounts,
  findQuantities,
  formatFen,
  parseMoney,
  scanText,
  type MoneyUnit,
} from '../../../src/core/text/money';
import { normalizeWithMap } from '../../../src/core/text/normalize';

const SEED = readFileSync(join(resolve(__dirname, '../../..'), 'seeds/jiangchuan-edu-2023-key-projects.txt'), 'utf8');
const SEED_LINES = SEED.split('\n').map((l) => l.trim());

type Expect = [text: string, fen: number, extra?: { per?: string; approx?: true }];

/**
 * Every line of the seed that holds an amount (a figure with 万/元, or 大写), found by a unique
 * piece of the line, with every amount it must yield, in order.
 */
const SEED_AMOUNTS: [string, Expect[]][] = [
  ['（一）宣传、资料费15万元；', [['15万元', 15_000_000]]],
  ['（二）制作专题片10万元；', [['10万元', 10_000_000]]],
  ['会务等费用5万元。', [['5万元', 5_000_000]]],
  ['所需经费（每年15万元）', [['15万元', 15_000_000, { per: '年' }]]],
  ['根据相关文件精神，教育部基础教育质量监测中心', [['15万元', 15_000_000, { per: '县·年' }]]],
  ['教育部基础教育质量监测中心地方购买服务，参加', [['15万元', 15_000_000, { per: '县·年' }]]],
  [
    '壹拾伍万元整（￥150，000.00）',
    [
      ['壹拾伍万元整', 15_000_000],
      ['￥150，000.00', 15_000_000],
    ],
  ],
  [
    '活动开展25万、资源开发7万、条件改善18万',
    [
      ['25万', 25_000_000],
      ['7万', 7_000_000],
      ['18万', 18_000_000],
    ],
  ],
  [
    '2023年4月联合举办江川区第七届“彩云杯”中小学师生国学经典诵读比赛4000元',
    [
      ['4000元', 400_000],
      ['1000元', 100_000],
      ['4000元', 400_000],
      ['1000元', 100_000],
    ],
  ],
  ['开展第37届科技创新活动5000元', [['5000元', 500_000]]],
  ['参加玉溪市科技创新大赛5000元', [['5000元', 500_000]]],
  [
    '2023年3月购买开班培训用品5000元',
    [
      ['5000元', 500_000],
      ['12.7万元', 12_700_000],
      ['15.2万元', 15_200_000],
      ['10万余元', 10_000_000, { approx: true }],
      ['5000元', 500_000],
      ['1万元', 1_000_000],
    ],
  ],
  [
    '本项目计划安排资金10万元。其中：区级财政安排资金10万元。',
    [
      ['10万元', 10_000_000],
      ['10万元', 10_000_000],
    ],
  ],
  ['年度预算资金为723.84万元/年', [['723.84万元/年', 723_840_000, { per: '年' }]]],
  [
    '每年每月按723.84万元/年÷12=60.32万元/月',
    [
      ['723.84万元/年', 723_840_000, { per: '年' }],
      ['60.32万元/月', 60_320_000, { per: '月' }],
    ],
  ],
  [
    '涉及监考教师和考务人员约1050人次',
    [
      ['约40万元', 40_000_000, { approx: true }],
      ['4万元', 4_000_000],
      ['约7万元', 7_000_000, { approx: true }],
      ['1万元', 1_000_000],
    ],
  ],
  ['（一）2023年度组考防疫物资约1万元；', [['约1万元', 1_000_000, { approx: true }]]],
  ['（二）2023年度招生考试考务培训费约4万元；', [['约4万元', 4_000_000, { approx: true }]]],
  ['（三）1月高中学考考务费约4.2万元；', [['约4.2万元', 4_200_000, { approx: true }]]],
  ['（四）3月高考英语听力考试考务费约2万元；', [['约2万元', 2_000_000, { approx: true }]]],
  [
    '（五）6月高考考务费约6.2万元，初中学考考务费约11万元；',
    [
      ['约6.2万元', 6_200_000, { approx: true }],
      ['约11万元', 11_000_000, { approx: true }],
    ],
  ],
  ['（六）7月高中学考考务费约4.2万元；', [['约4.2万元', 4_200_000, { approx: true }]]],
  ['（七）9月高考英语听力考试考务费约2.1万元；', [['约2.1万元', 2_100_000, { approx: true }]]],
  [
    '装修预计投入资金10万元',
    [
      ['10万元', 10_000_000, { approx: true }],
      ['9万元', 9_000_000, { approx: true }],
    ],
  ],
  ['2023年度预算资金为18.41万元', [['18.41万元', 18_410_000]]],
  ['2023年度我区预计上缴资金为18.41万元', [['18.41万元', 18_410_000, { approx: true }]]],
  [
    '打印碳粉耗材预计支出20000元',
    [
      ['20000元', 2_000_000, { approx: true }],
      ['2000元', 200_000, { approx: true }],
      ['10000元', 1_000_000, { approx: true }],
      ['25000元', 2_500_000, { approx: true }],
      ['5000元', 500_000, { approx: true }],
      ['10000元', 1_000_000, { approx: true }],
      ['30000元', 3_000_000, { approx: true }],
    ],
  ],
];

function seedLine(piece: string): string {
  const found = SEED_LINES.filter((l) => l.includes(piece));
  expect(found.length, `seed line with “${piece}”`).toBeGreaterThan(0);
  return found[0]!;
}

describe('findAmounts on every amount sentence of the seed', () => {
  it.each(SEED_AMOUNTS)('%s', (piece, expected) => {
    const line = seedLine(piece);
    const got = findAmounts(line);
    expect(got.map((a) => a.text)).toEqual(expected.map((e) => e[0]));
    expected.forEach(([text, fen, extra], i) => {
      const a = got[i]!;
      expect(a.fen, text).toBe(fen);
      expect(a.per, text).toBe(extra?.per);
      expect(a.approximate, text).toBe(extra?.approx === true);
      expect(line.slice(a.offset, a.offset + a.length)).toBe(a.text);
    });
  });

  it('the table covers every seed line that holds an amount', () => {
    const withAmounts = SEED_LINES.filter((l) => findAmounts(l).length > 0);
    const covered = withAmounts.filter((l) => SEED_AMOUNTS.some(([piece]) => l.includes(piece)));
    expect(covered).toEqual(withAmounts);
    expect(withAmounts.length).toBeGreaterThanOrEqual(27);
  });

  it('reads nothing as money in the seed lines without 元/万', () => {
    for (const l of SEED_LINES) {
      if (!/[元万圆]/u.test(l)) expect(findAmounts(l), l).toEqual([]);
    }
  });
});

describe('findAmounts forms', () => {
  it.each<[string, number, MoneyUnit, number, string?]>([
    ['10万元', 10_000_000, '万元', 1_000_000],
    ['25万', 25_000_000, '万元', 1_000_000],
    ['12000元', 1_200_000, '元', 100],
    ['10.5万元', 10_500_000, '万元', 100_000],
    ['1.2亿元', 12_000_000_000, '亿元', 1_000_000_000],
    ['￥150，000.00', 15_000_000, '元', 1],
    ['¥1,234.5', 123_450, '元', 10],
    ['壹拾伍万元整', 15_000_000, '元', 1],
    ['5千元', 500_000, '元', 100_000],
    ['３００元', 30_000, '元', 100],
    // digits grouped by a space (GB/T 15835), 马关, http://jizihe.com/page/2022/1122/21782435.shtml; a thin space too
    ['3 017万元', 3_017_000_000, '万元', 1_000_000],
    ['1\u2009250.5万元', 1_250_500_000, '万元', 100_000],
  ])('%s', (text, fen, unit, precision) => {
    const [a] = findAmounts(text);
    expect(a).toMatchObject({ fen, unit, precisionFen: precision, offset: 0, length: text.length });
  });

  it.each([
    ['约40万元', '约'],
    ['预计支出20000元', '预计'],
    ['不超过5万元', '不超过'],
    ['5万元左右', '左右'],
    ['10万余元', '余'],
    ['20多万元', '多'],
    ['近30万元', '近'],
  ])('%s is approximate (%s)', (text, q) => {
    const [a] = findAmounts(text);
    expect(a?.approximate).toBe(true);
    expect(a?.qualifier).toBe(q);
  });

  it.each([
    ['每县每年15万元', '县·年'],
    ['3.12万元/人', '人'],
    ['723.84万元/年', '年'],
    ['60.32万元/月', '月'],
    ['每生每年850元', '生·年'],
    ['生均补助850元', '生'],
    ['15万元/人/年', '人·年'],
  ])('%s is a rate per %s', (text, per) => {
    expect(findAmounts(text)[0]?.per).toBe(per);
  });

  it.each([
    '1.2万人',
    '232人',
    '87个',
    '90%',
    '70%',
    '4：2：2：2',
    '2023年4月',
    '1-12月',
    '〔2023〕4号',
    '[2022]49号',
    '云政办发[2022]49号',
    '第37届',
    '3D打印',
    '（1）组织党员培训',
    '1.制定区级实施工作方案',
    '2023年2月1日至2026年1月31日',
    '45个工作日',
    '5万人次',
    '2023年元旦',
    '起壹年',
    '收拾',
    '队伍',
    '10万余人',
    '3万亩',
  ])('%s is not money', (text) => {
    expect(findAmounts(text)).toEqual([]);
  });

  it.each<[string, number, MoneyUnit, number, string?]>([
    ['安排资金五十万元', 50_000_000, '万元', 10_000_000],
    ['一万二千元', 1_200_000, '元', 100_000],
    ['约三十万元', 30_000_000, '万元', 10_000_000, '约'],
    ['十余万元', 10_000_000, '万元', 10_000_000, '余'],
    ['两千元左右', 200_000, '元', 100_000, '左右'],
  ])('reads Chinese counting numerals as money: %s', (text, fen, unit, precision, qualifier) => {
    const got = findAmounts(text);
    expect(got).toHaveLength(1);
    expect(got[0]).toMatchObject({ fen, unit, precisionFen: precision });
    expect(got[0]!.qualifier).toBe(qualifier);
  });

  it.each(['三元里', '一元化', '多元化', '一次性支付', '第一元'])('%s is not money', (text) => expect(findAmounts(text)).toEqual([]));

  it.each([['10-15万元'], ['10至15万元'], ['10万元至15万元'], ['10～15万元']])('reads the range %s as one amount', (text) => {
    const got = findAmounts(text);
    expect(got.map((a) => [a.text, a.low, a.fen])).toEqual([[text, 10_000_000, 15_000_000]]);
    expect(amountRange(got[0]!)).toEqual({ lo: 10_000_000, hi: 15_000_000 });
  });

  it('does not read a subtraction as a range', () => {
    expect(findAmounts('100万元-30万元=70万元').map((a) => a.fen)).toEqual([100_000_000, 30_000_000, 70_000_000]);
  });

  it('keeps spans in the original text with full-width characters and spaces', () => {
    const t = '共计　约４０万元，另有￥１，０００．５０';
    const got = findAmounts(t);
    expect(got.map((a) => a.text)).toEqual(['约４０万元', '￥１，０００．５０']);
    expect(got.map((a) => a.fen)).toEqual([40_000_000, 100_050]);
  });

  it('reads a 大写 amount and its figure as two amounts, not the figure digits inside', () => {
    const got = findAmounts('大写人民币壹拾伍万元整（￥150，000.00）');
    expect(got.map((a) => a.form)).toEqual(['uppercase', 'symbol']);
  });
});

describe('parseMoney', () => {
  it.each([
    ['10万元', 10_000_000],
    ['25万', 25_000_000],
    ['  12000元 ', 1_200_000],
    ['723.84万元/年', 723_840_000],
    ['约40万元', 40_000_000],
    ['10万余元', 10_000_000],
    ['￥150，000.00', 15_000_000],
    ['1.2亿元', 12_000_000_000],
    ['壹拾伍万元整', 15_000_000],
    ['人民币壹拾伍万元整', 15_000_000],
  ])('%s = %i fen', (text, fen) => {
    const r = parseMoney(text);
    expect(r.ok && r.value.fen).toBe(fen);
  });

  it.each([
    ['', '空白'],
    ['   ', '空白'],
    ['1.2万人', '不是金额'],
    ['abc', '不是金额'],
    ['1e30', '科学计数法'],
    ['1000000000000000000000000000000元', '过大'],
    ['-5万元', '负数'],
    ['负5万元', '负数'],
    ['10万元和5万元', '多个金额'],
    ['壹拾5万元', '阿拉伯数字'],
    ['10万元整数', '文字'],
  ])('%j fails: %s', (text, reason) => {
    const r = parseMoney(text);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.reason).toContain(reason);
      expect(r.reasonEn).toMatch(/[a-z]/);
    }
  });

  it('never throws, whatever the input', () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        const r = parseMoney(s);
        return typeof r.ok === 'boolean';
      }),
      { numRuns: 1000 },
    );
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(...'0123456789.,万元亿￥约余壹拾伍佰仟零整角分人'.split('')) }), (s) => {
        findAmounts(s);
        return typeof parseMoney(s).ok === 'boolean';
      }),
      { numRuns: 2000 },
    );
  });
});

describe('formatFen', () => {
  it.each<[number, MoneyUnit, string]>([
    [723_840_000, '万元', '723.84'],
    [7_238_400, '万元', '7.2384'],
    [52_000_000, '万元', '52'],
    [34_700_000, '万元', '34.7'],
    [1, '万元', '0.000001'],
    [1_200_000, '元', '12000'],
    [1_200_050, '元', '12000.50'],
    [5, '元', '0.05'],
    [0, '元', '0'],
    [12_000_000_000, '亿元', '1.2'],
    [-1_000_000, '万元', '-1'],
  ])('%i fen in %s = %s', (fen, unit, s) => expect(formatFen(fen, unit)).toBe(s));

  it('gives "" for non-integers', () => {
    expect(formatFen(1.5)).toBe('');
    expect(formatFen(Number.NaN)).toBe('');
  });

  it.each<MoneyUnit>(['元', '万元', '亿元'])('round-trips random fen through parseMoney in %s', (unit) => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1_000_000_000_000 }), (fen) => {
        const r = parseMoney(`${formatFen(fen, unit)}${unit}`);
        return r.ok && r.value.fen === fen && r.value.unit === unit;
      }),
      { numRuns: 2000 },
    );
  });
});

describe('amountRange', () => {
  it('widens approximate amounts by their precision', () => {
    const [a] = findAmounts('约40万元');
    expect(amountRange(a!)).toEqual({ lo: 39_500_000, hi: 40_500_000 });
    const [b] = findAmounts('10万余元');
    expect(amountRange(b!)).toEqual({ lo: 10_000_000, hi: 11_000_000 });
    const [c] = findAmounts('不超过5万元');
    expect(amountRange(c!)).toEqual({ lo: 0, hi: 5_000_000 });
    const [d] = findAmounts('12.7万元');
    expect(amountRange(d!)).toEqual({ lo: 12_700_000, hi: 12_700_000 });
  });
});

describe('findQuantities', () => {
  it('reads counts, never money', () => {
    const got = findQuantities('涉及约1050人次，232人配置到87个校点，1.2万人，3100人，共20余个专业，需10万元');
    expect(got.map((q) => [q.value, q.unit, q.approximate])).toEqual([
      [1050, '人次', true],
      [232, '人', false],
      [87, '个', false],
      [12000, '人', false],
      [3100, '人', false],
      [20, '个', true],
    ]);
    expect(got[0]!.text).toBe('约1050人次');
  });
  it('skips ordinals', () => {
    expect(findQuantities('第37届、第53期')).toEqual([]);
  });
});

describe('fastNormalizeWithMap', () => {
  it('gives exactly what normalizeWithMap gives', () => {
    const chars = fc.constantFrom(...'a1 ,.，。１２３　\t\n\u00a0万元￥¥（）：；〔〕㎡ﬁ①⑴²½ｶﾞ가각\u0301é\ud83d\ude00\ud800壹'.split(''));
    fc.assert(
      fc.property(fc.string({ unit: chars }), (s) => {
        expect(fastNormalizeWithMap(s)).toEqual(normalizeWithMap(s));
      }),
      { numRuns: 2000 },
    );
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (s) => {
        expect(fastNormalizeWithMap(s)).toEqual(normalizeWithMap(s));
      }),
      { numRuns: 1000 },
    );
  });
});

describe('scanText normalisation', () => {
  it('gives the text and the offsets normalizeWithMap gives (its map may be a shared identity array)', () => {
    const chars = fc.constantFrom(...'a1 ,.，。１２３　\t\n\u00a0万元￥¥（）：；〔〕㎡ﬁ①⑴²½ｶﾞ가각\u0301é\ud83d\ude00\ud800壹'.split(''));
    fc.assert(
      fc.property(fc.string({ unit: chars }), (tail) => {
        const s = `1元${tail}`; // a text that can hold a figure is normalised
        const scan = scanText(s);
        const full = normalizeWithMap(s);
        expect(scan.norm).toBe(full.text);
        for (let i = 0; i <= full.text.length; i++) expect(scan.map[i]).toBe(full.map[i]);
      }),
      { numRuns: 2000 },
    );
  });
});
