import { describe, expect, it } from 'vitest';
import { scanText } from '../../../src/core/text/money';
import { declaredUnit } from '../../../src/core/text/amount-statements';

const amounts = (text: string, unit?: '元' | '万元' | '亿元'): string[] => scanText(text, unit).amounts.map((a) => `${a.text}=${a.fen}`);

describe('figures under a declared unit (（单位：万元） over bare figures)', () => {
  it('reads bare figures after an item name as amounts in the declared unit', () => {
    expect(amounts('合计 1800，其中中央 1000、县级 800', '万元')).toEqual(['1800=1800000000', '1000=1000000000', '800=800000000']);
    expect(amounts('合计：25.5；其中省级 5.5。', '万元')).toEqual(['25.5=25500000', '5.5=5500000']);
    expect(amounts('中央资金2000（占63%）', '元')).toEqual(['2000=200000']);
  });

  it('without a declared unit, bare figures stay figures', () => {
    expect(amounts('合计 1800，其中中央 1000、县级 800')).toEqual([]);
  });

  it('keeps a written unit over the declared one', () => {
    expect(amounts('合计 1800万元，其中中央 1000元', '亿元')).toEqual(['1800万元=1800000000', '1000元=100000']);
  });

  it.each([
    ['2023年计划开工', 'a year'],
    ['完成第1批', 'a batch'],
    ['项目1、项目2', 'a numbered project'],
    ['占比35%', 'a percentage'],
    ['涉及学校10所、教师200人', 'counts with their own unit'],
    ['依据〔2023〕12号', 'a document number'],
    ['2023-2025年度实施', 'a range of years'],
    ['1.教师培训', 'a list number'],
    ['1', 'a lone figure (a table 序号)'],
    ['预算年度 2023', 'a year after 年度'],
    ['功能科目代码 2050201', 'a code'],
    ['3月15日', 'a date'],
    ['截至2023，', 'a year after 截至'],
  ])('%s is not an amount (%s)', (text) => {
    expect(amounts(text, '万元')).toEqual([]);
  });
});

describe('declaredUnit', () => {
  it.each([
    ['六、资金安排情况（单位：万元）', '万元'],
    ['资金安排情况(万元)', '万元'],
    ['资金安排 单位：元', '元'],
    ['资金安排（单位：亿元）：', '亿元'],
    ['六、资金安排情况', undefined],
    ['资金安排情况：本项目总投资1800万元，其中中央资金1000万元（单位：元）…………', undefined],
  ])('%s', (heading, unit) => {
    expect(declaredUnit(heading)).toBe(unit);
  });
});
