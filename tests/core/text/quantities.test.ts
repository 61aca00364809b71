import { describe, expect, it } from 'vitest';
import { findQuantities, scanText } from '../../../src/core/text/money';
import { formatQuantity, measureRange, QUANTITY_SCALE } from '../../../src/core/text/quantities';

/** The quantities of a text as `value unit family`, the value shown in the unit written. */
const read = (text: string): string[] => scanText(text).quantities.map((q) => `${formatQuantity(q.value, q.unit, q.factor)} ${q.family}`);

describe('readQuantities (through scanText)', () => {
  it.each([
    // 陕发改社会〔2009〕1775号, http://www.fsou.com.cn/html/text/lar/171340/17134026.html
    ['总建筑面积70751平方米，其中：教学楼19136平方米', ['70751平方米 area', '19136平方米 area']],
    // 凯里, http://3g.qdn.cn/news/kl/201001/25069.shtml — decimals of a 平方米 are exact
    ['翁项九年制义务教育学校建筑面积1529.58平方米', ['1529.58平方米 area']],
    // 隆回县农业综合开发, https://longhui.gov.cn/lhxnyzhkfb/zjsyqk/201205/fdaa067601f24158bec4fb889d0cc1d7.shtml
    ['完成中低产田改造0.96万亩，衬砌渠道25.6公里，技术培训3450人次', ['0.96万亩 mu', '25.6公里 length', '3450人次 count:人次']],
    // 剑川, http://dali8.net/archiver/tid-45424.html
    ['食堂(伙房)22个，建筑面积5000多平方米', ['22个 count:个', '5000平方米 area']],
    // 红河州数据发展中心, https://www.hh.gov.cn/info/11481/1179592.htm — ㎡ is 平方米
    ['总建筑面积约1000㎡，建筑层高约4.3m', ['1000平方米 area', '4.3米 length']],
    ['在校学生2.3万人，其中寄宿制学生8600人', ['2.3万人 count:人', '8600人 count:人']],
    ['新校区建设总建筑面积11.43万平方米、2286套', ['11.43万平方米 area', '2286套 count:套']],
    ['保安232名，学校27所', ['232名 count:人', '27所 count:所']],
    ['教学楼1栋，厕所两幢，三所普通高中，十二个学校', ['1栋 count:栋', '2幢 count:栋', '3所 count:所', '12个 count:个']],
    ['挖除原有种植草坪1478.40立方米', ['1478.4立方米 volume']],
    // 镇沅, http://m.kgxr.com.cn/news/show-4003.html — projects counted in 个 count what 项 counts
    ['专项22项，农村学前教育推进工程5个，校舍建设133个，11个项目', ['22项 count:项', '5个 count:项', '133个 count:项', '11个 count:项']],
    // 焦作, http://fgw.jiaozuo.gov.cn/jzfgw/detail/20181109090740000001 — a project name after 个; progress is not one
    ['共有9个全民健康保障工程获中央支持，2个竣工', ['9个 count:项', '2个 count:个']],
    // 马关, http://jizihe.com/page/2022/1122/21782435.shtml — digits grouped by a space; lone digits stay apart
    ['建筑面积共8 572平方米，学生1 2 3人', ['8572平方米 area', '3人 count:人']],
    // … other things counted in 个 stay their own count
    ['新建寄宿制学校食堂5个，学校3个，实施项目2项', ['5个 count:个', '3个 count:个', '2项 count:项']],
  ])('%s', (text, expected) => {
    expect(read(text)).toEqual(expected);
  });

  it.each([
    ['dates', '2023年9月1日起执行，1-12月支付'],
    ['percentages and ratios', '覆盖率100%，按4：2：2：2比例分担'],
    ['document numbers', '（川教〔2021〕98号）、[2022]49号'],
    ['ordinals', '第3期、第37届、第一批'],
    ['issue numbers of a series', '8月发放54、55期教师课酬'],
    ['time spans and compounds', '3个月内完成，一次性支付，人民币，名单，项目'],
    ['codes', 'P1.5LED显示屏，A3纸'],
    ['money', '安排资金120万元，其中25万'],
  ])('never reads %s', (_n, text) => {
    expect(read(text)).toEqual([]);
  });

  it('converts units exactly, in integers', () => {
    const [km, m] = scanText('衬砌渠道0.3公里，围墙300米').quantities;
    expect(km!.value).toBe(m!.value);
    expect(km!.value).toBe(300 * QUANTITY_SCALE);
    const [wan, ren] = scanText('1.2万人，12000人').quantities;
    expect(wan!.value).toBe(ren!.value);
    const [a, b] = scanText('0.1平方米，0.2平方米').quantities;
    expect(a!.value + b!.value).toBe(0.3 * QUANTITY_SCALE); // no floating-point drift: 3000 exactly
  });

  it.each([
    // 余/多 right after the digits: the place of the last non-zero digit (5000多 = 5000 to 6000)
    ['5000多平方米', 5000, 6000],
    ['约1050人次', 1049.5, 1050.5],
    // a lower bound is open above: any larger sum agrees with it (not one step, as 多/余)
    ['学生2390人以上', 2390, 2390 + 2 ** 50 / QUANTITY_SCALE],
    ['不少于300人', 300, 300 + 2 ** 50 / QUANTITY_SCALE],
    ['控制在45人以内', 0, 45],
    ['10-15个', 10, 15],
    ['十余所', 10, 20],
  ])('reads %s as a range', (text, lo, hi) => {
    const [q] = scanText(text).quantities;
    expect(q!.approximate).toBe(true);
    expect(measureRange(q!)).toEqual({ lo: lo * QUANTITY_SCALE, hi: hi * QUANTITY_SCALE });
  });

  it.each([
    ['平均班额56人', '平均'],
    ['每校配备3名保安', '校'],
    ['45人/班', '班'],
  ])('reads %s as a rate', (text, per) => {
    expect(scanText(text).quantities[0]?.per).toBe(per);
  });

  it('keeps spans into the original text, full-width forms included', () => {
    const text = '面积１２０㎡，共计２２个';
    const qs = scanText(text).quantities;
    expect(qs.map((q) => q.text)).toEqual(['１２０㎡', '２２个']);
    expect(qs.map((q) => text.slice(q.offset, q.offset + q.length))).toEqual(['１２０㎡', '２２个']);
  });
});

describe('findQuantities', () => {
  it('returns counts in their plain value and unit, not areas', () => {
    expect(findQuantities('保安人员232人，在校学生1.2万人，面积120平方米').map((q) => [q.value, q.unit])).toEqual([
      [232, '人'],
      [12000, '人'],
    ]);
  });
});

describe('formatQuantity', () => {
  it.each([
    [4900 * QUANTITY_SCALE, '平方米', 1, '4900平方米'],
    [12_000 * QUANTITY_SCALE, '万人', 10_000, '1.2万人'],
    [1529.58 * QUANTITY_SCALE, '平方米', 1, '1529.58平方米'],
    [-1 * QUANTITY_SCALE, '个', 1, '-1个'],
  ])('%i in %s', (value, unit, factor, shown) => {
    expect(formatQuantity(Math.round(value), unit, factor)).toBe(shown);
  });
});

describe('an item number before a quantity', () => {
  it.each([
    ['项目1 100平方米', 100],
    ['标段2 350米', 350],
    ['建筑面积3 017平方米', 3017],
  ])('reads %s as %d', (text, value) => {
    const qs = scanText(text).quantities;
    expect(qs.map((q) => q.value / QUANTITY_SCALE)).toEqual([value]);
  });
});
