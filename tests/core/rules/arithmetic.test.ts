import { describe, expect, it } from 'vitest';
import { runRules } from '../../../src/core/rules/engine';
import rule from '../../../src/core/rules/arithmetic';
import { makeDocument } from '../../helpers/document';

function run(paragraphs: string[], lang: 'zh' | 'en' = 'zh') {
  return runRules(makeDocument([{ title: '项目十一', sections: { plan: paragraphs } }]).document, [rule], {}, lang).findings;
}

describe('arithmetic', () => {
  it('fires on a wrong division with rates, at its cell', () => {
    const [f, ...rest] = run(['根据项目开展情况，从2023年4月起，每年每月按723.84万元/年÷12=62.32万元/月划拨中标的保安服务公司。']);
    expect(rest).toEqual([]);
    expect([f!.rule, f!.severity, f!.project, f!.sheet, f!.cell]).toEqual(['arithmetic', 'error', '项目十一', '项目十一', 'A3']);
    expect([f!.expected, f!.actual]).toEqual(['60.32万元/月', '62.32万元/月']);
    expect(f!.message).toBe('算式“723.84万元/年÷12=62.32万元/月”计算有误：结果应为60.32万元/月，文中写作62.32万元/月');
  });

  it.each([
    ['×', '保安232人，每人3.12万元/人×232人=723.00万元', '723.84万元'],
    ['*', '850元*100=86000元', '85000元'],
    ['+', '考务费40万元+培训费4万元=45万元', '44万元'],
    ['-', '100万元-30万元=60万元', '70万元'],
    ['mixed units, exact for a sum', '1万元+5000元=2万元', '1.5万元'],
    ['labels between the terms', '资料费15万元+会务费5万元=21万元', '20万元'],
    ['plain numbers', '232+87=300', '319'],
    ['precedence', '2+3×4=20', '14'],
    ['÷ beyond rounding', '100万元÷3=33.4万元', '33.3万元'],
  ])('fires on a wrong %s', (_n, text, expected) => {
    const f = run([text]);
    expect(f.map((x) => x.expected)).toEqual([expected]);
  });

  it('writes English when asked', () => {
    const [f] = run(['5万元+5万元=11万元'], 'en');
    expect(f?.message).toBe('The calculation “5万元+5万元=11万元” is wrong: it gives 10万元, the text says 11万元');
  });

  it.each([
    ['seed 项目十一', '根据项目开展情况，从2023年4月起，每年每月按723.84万元/年÷12=60.32万元/月划拨中标的保安服务公司。'],
    ['a right product', '3.12万元/人×232人=723.84万元'],
    ['a division rounded at the precision written', '100万元÷3=33.33万元'],
    ['a coarser rounding', '100万元÷3=33.3万元'],
    ['a right sum with full-width signs', '４０万元＋４万元＝４４万元'],
    ['date ranges', '1-12月修缮维修；9-12月开展各类活动；2023-2025年'],
    ['ratios', '按4：2：2：2比例分担'],
    ['money divided by money', '60万元÷20万元=3'],
    ['mixed dimensions in a sum', '5万元+3人=8万元'],
  ])('does not fire on %s', (_n, text) => {
    expect(run([text])).toEqual([]);
  });
});

describe('arithmetic with counts as factors', () => {
  it('multiplies a count with a 万 multiplier (2.3万人) and fires on a wrong product, at its cell', () => {
    const [f, ...rest] = run(['按2.3万人×5元/天×200天=2400万元测算，2024年安排资金2400万元。']);
    expect(rest).toEqual([]);
    expect([f!.rule, f!.project, f!.cell]).toEqual(['arithmetic', '项目十一', 'A3']);
    expect([f!.expected, f!.actual]).toEqual(['2300万元', '2400万元']);
    expect(f!.message).toBe('算式“2.3万人×5元/天×200天=2400万元”计算有误：结果应为2300万元，文中写作2400万元');
  });

  it.each([
    ['a three-factor product with a 万人 count', '按2.3万人×5元/天×200天=2300万元测算，2024年安排资金2300万元。'],
    ['a count of 人次 and a per-day rate', '1050人次×20元/人次×2天=42000元'],
    ['units that do not cancel (per day × months)', '5元/天×12月=600元'],
    ['a factor that cannot be read', '（2.3万+0.1万）人×5元/天×200天=9999万元'],
  ])('does not fire on %s', (_n, text) => {
    expect(run([text])).toEqual([]);
  });
});
