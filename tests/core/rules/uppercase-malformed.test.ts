import { describe, expect, it } from 'vitest';
import { runRules } from '../../../src/core/rules/engine';
import rule from '../../../src/core/rules/uppercase-malformed';
import { makeDocument } from '../../helpers/document';

function run(paragraphs: string[], lang: 'zh' | 'en' = 'zh') {
  return runRules(makeDocument([{ title: '项目三', sections: { plan: paragraphs } }]).document, [rule], {}, lang).findings;
}

describe('uppercase-malformed', () => {
  it("fires on a 大写金额 with a wrong 零, at its cell, suggesting the figure's spelling", () => {
    const [f, ...rest] = run(['其他说明。', '支付人民币壹万伍佰元整（￥10,500.00）。']);
    expect(rest).toEqual([]);
    expect([f!.rule, f!.severity, f!.project, f!.sheet, f!.cell]).toEqual(['uppercase-malformed', 'error', '项目三', '项目三', 'A4']);
    expect([f!.expected, f!.actual]).toEqual(['壹万零伍佰元整', '壹万伍佰元整']);
    expect(f!.message).toBe('大写金额“壹万伍佰元整”书写不规范：“零”的写法不规范，应写作“壹万零伍佰元整”');
  });

  it.each([
    ['拾 without 壹', '大写人民币拾伍万元整', '壹拾'],
    ['整 after 分', '人民币壹佰元伍角叁分整', '“分”后不应写“整”'],
    ['digits mixed in', '人民币壹拾5万元整', '阿拉伯数字'],
    ['lowercase numerals mixed in', '人民币壹拾五万元整', '小写数字'],
    ['two 零', '人民币壹仟零零伍元整', '两个“零”'],
    ['units in the wrong order', '人民币壹佰壹仟元整', '单位顺序'],
    ['元 missing', '大写：人民币壹拾伍万整', '缺少“元”'],
  ])('fires on %s', (_n, text, reason) => {
    const [f] = run([text]);
    expect(f?.rule).toBe('uppercase-malformed');
    expect(f?.message).toContain(reason);
  });

  it('writes English when asked', () => {
    const [f] = run(['人民币壹佰元伍角叁分整'], 'en');
    expect(f?.message).toBe('The capital-letter amount “壹佰元伍角叁分整” is not well formed: 整 must not follow 分');
  });

  it.each([
    ['seed 项目三', '一次性支付监测经费（含税价格）大写人民币壹拾伍万元整（￥150，000.00）。'],
    ['壹年 (not money)', '本项目服务期限为自协议生效之日起壹年，本协议自双方签字后生效。'],
    ['队伍 before a figure', '加强保安队伍12万元'],
    ['拾 in 收拾', '收拾整理'],
    ['a 大写 amount followed by 分别', '人民币壹佰元整分别支付'],
    ['a well-formed amount with 角', '人民币壹仟陆佰捌拾元零叁角贰分'],
    ['圆 and 正', '人民币壹拾伍万圆正'],
    ['零 in 零星', '1-12月支付水电等零星维修费1万元'],
  ])('does not fire on %s', (_n, text) => {
    expect(run([text])).toEqual([]);
  });
});
