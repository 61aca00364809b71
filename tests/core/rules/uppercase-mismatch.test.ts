import { describe, expect, it } from 'vitest';
import { runRules } from '../../../src/core/rules/engine';
import rule from '../../../src/core/rules/uppercase-mismatch';
import { makeDocument } from '../../helpers/document';

function run(paragraphs: string[], lang: 'zh' | 'en' = 'zh') {
  return runRules(makeDocument([{ title: '项目三', sections: { plan: paragraphs } }]).document, [rule], {}, lang).findings;
}

describe('uppercase-mismatch', () => {
  it('fires when the 大写 amount and the figure in parentheses disagree', () => {
    const [f, ...rest] = run(['一次性支付监测经费（含税价格）大写人民币壹拾肆万元整（￥150，000.00）。']);
    expect(rest).toEqual([]);
    expect([f!.rule, f!.severity, f!.project, f!.sheet, f!.cell]).toEqual(['uppercase-mismatch', 'error', '项目三', '项目三', 'A3']);
    expect([f!.expected, f!.actual]).toEqual(['壹拾伍万元整', '壹拾肆万元整']);
    expect(f!.message).toBe('大写金额“壹拾肆万元整”（140000元）与小写金额“￥150，000.00”（150000元）不一致');
  });

  it('fires when the figure comes first and the 大写 follows', () => {
    const [f] = run(['合同金额150000元（大写：人民币壹拾伍万零伍佰元整）。']);
    expect([f?.cell, f?.expected]).toEqual(['A3', '壹拾伍万元整']);
  });

  it('writes English when asked', () => {
    const [f] = run(['人民币壹万元整（￥10,001.00）'], 'en');
    expect(f?.message).toBe('The capital-letter amount “壹万元整” (10000元) differs from the figure “￥10,001.00” (10001元)');
  });

  it.each([
    ['seed 项目三', '需向监测中心（乙方）指定账户一次性支付监测经费（含税价格）大写人民币壹拾伍万元整（￥150，000.00）。'],
    ['a figure in 万元', '人民币壹拾伍万元整（15万元）'],
    ['a 大写 amount alone', '支付人民币壹拾伍万元整。'],
    ['a figure far from the 大写', '支付人民币壹拾伍万元整，另支付培训费5000元。'],
    ['壹年 is not money', '本项目服务期限为自协议生效之日起壹年（12个月）。'],
  ])('does not fire on %s', (_n, text) => {
    expect(run([text])).toEqual([]);
  });
});
