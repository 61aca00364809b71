import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatUppercase, parseUppercase } from '../../../src/core/text/uppercase';

describe('formatUppercase', () => {
  it.each([
    [0, '零元整'],
    [5, '伍分'],
    [50, '伍角'],
    [100, '壹元整'],
    [1000, '壹拾元整'],
    [10_550, '壹佰零伍元伍角'],
    [10_005, '壹佰元零伍分'],
    [15_000_000, '壹拾伍万元整'],
    [1_050_000, '壹万零伍佰元整'],
    [10_050_000, '壹拾万零伍佰元整'],
    [10_700_053, '壹拾万柒仟元伍角叁分'],
    [168_032, '壹仟陆佰捌拾元叁角贰分'],
    [1_640_902, '壹万陆仟肆佰零玖元零贰分'],
    [10_000_000_500, '壹亿零伍元整'],
    [1_000_000_000_000, '壹佰亿元整'],
    [72_384_000_000, '柒亿贰仟叁佰捌拾肆万元整'],
  ])('%i fen → %s', (fen, s) => expect(formatUppercase(fen)).toBe(s));

  it.each([-1, 1.5, Number.NaN, 1e20])('gives "" for %s', (fen) => expect(formatUppercase(fen)).toBe(''));
});

describe('parseUppercase', () => {
  it.each([
    ['壹拾伍万元整', 15_000_000],
    ['人民币壹拾伍万元整', 15_000_000],
    ['大写：人民币壹拾伍万元整', 15_000_000],
    ['壹拾伍万圆正', 15_000_000],
    ['壹拾伍万元', 15_000_000],
    ['壹佰零伍元伍角', 10_550],
    ['壹佰零伍元伍角整', 10_550],
    ['壹佰元零伍分', 10_005],
    ['壹仟陆佰捌拾元零叁角贰分', 168_032],
    ['壹仟陆佰捌拾元叁角贰分', 168_032],
    ['壹拾万柒仟元零伍角叁分', 10_700_053],
    ['壹拾万零柒仟元伍角叁分', 10_700_053],
    ['伍角', 50],
    ['伍角整', 50],
    ['叁分', 3],
    ['零元整', 0],
    ['壹万零伍佰元整', 1_050_000],
    ['壹亿零伍元整', 10_000_000_500],
    ['人民币 壹拾伍万元整', 15_000_000],
  ])('%s = %i fen', (s, fen) => {
    const r = parseUppercase(s);
    expect(r).toEqual({ ok: true, value: { fen } });
  });

  it.each([
    ['', '空白'],
    ['壹拾5万元', '阿拉伯数字'],
    ['一十五万元整', '小写'],
    ['壹拾伍万元整伍角', '“整”后'],
    ['壹佰元伍角叁分整', '“分”后不应写“整”'],
    ['拾伍万元整', '壹拾'],
    ['壹仟零零伍元', '两个“零”'],
    ['壹佰零拾元', '“零”后不应紧跟单位'],
    ['壹万伍佰元整', '应写作“壹万零伍佰元整”'],
    ['壹佰元伍分', '应写作“壹佰元零伍分”'],
    ['壹佰拾伍元', '壹拾'],
    ['壹拾佰元', '“佰”前缺少数字'],
    ['壹佰壹仟元', '单位顺序'],
    ['壹万壹亿元', '单位顺序'],
    ['壹贰元', '缺少单位'],
    ['壹拾伍万整', '缺少“元”'],
    ['壹元伍', '缺少单位'],
    ['壹元元', '两次'],
    ['伍角壹元', '单位顺序'],
    ['壹拾伍万元年', '非金额字符'],
    ['壹佰零元', '“零”后不应紧跟“元”'],
  ])('rejects %j: %s', (s, reason) => {
    const r = parseUppercase(s);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.reason).toContain(reason);
      expect(r.reasonEn).toMatch(/[a-z]/i);
    }
  });

  it('round-trips random fen 0…10^12 through formatUppercase', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1_000_000_000_000 }), (fen) => {
        const r = parseUppercase(formatUppercase(fen));
        return r.ok && r.value.fen === fen;
      }),
      { numRuns: 3000 },
    );
  });

  it('round-trips amounts with zeros in every position', () => {
    const digits = fc.array(fc.constantFrom(0, 0, 0, 1, 5, 9), { minLength: 1, maxLength: 12 });
    fc.assert(
      fc.property(digits, (ds) => {
        const fen = Number(ds.join(''));
        const r = parseUppercase(formatUppercase(fen));
        return r.ok && r.value.fen === fen;
      }),
      { numRuns: 3000 },
    );
  });

  it('never throws', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(...'零壹贰叁肆伍陆柒捌玖拾佰仟万亿元圆角分整正人民币1一'.split('')) }), (s) => {
        const r = parseUppercase(s);
        return typeof r.ok === 'boolean';
      }),
      { numRuns: 3000 },
    );
  });
});
