import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { nfkc, normalizeWithMapFast, similarityTextFast } from '../../../src/core/disclosure/fast-text';
import { normalizeWithMap, stripIgnorable } from '../../../src/core/text/normalize';

// the compared form drops default-ignorable characters first (issue 17 item 12)
const slowNfkc = (s: string): string => stripIgnorable(s).normalize('NFKC');
const slowSimilarity = (s: string): string =>
  slowNfkc(s)
    .toLowerCase()
    .replace(/[\s\p{P}\p{S}]+/gu, '');

/** Characters that matter: the fast set, its edges, spaces, combining marks, surrogates. */
const ALPHABET = [
  // eslint-disable-next-line @typescript-eslint/no-misused-spread -- split into code points on purpose: combining marks and jamo are tested alone
  ...'aZ09 !~,.项目名称资金安排、。《》「」【】“”‘’—·…（）：；，．％　Ａｚ０９！～\t\n\r\u00a0\u200b\u200d\u2060\u00ad\ufeff\u0301\u3099かﾊﾟ㈠①㎡Ⅻ\u2f00\uf900',
  '\ud840\udc00', // 𠀀, a supplementary ideograph
  '\u1100\u1161', // Hangul jamo that compose
];

describe('fast-text: identical to the ICU expressions it replaces', () => {
  it('every BMP character alone, and after a letter', () => {
    const wrong: string[] = [];
    for (let c = 0; c <= 0xffff; c++) {
      if (c >= 0xd800 && c <= 0xdfff) continue;
      const ch = String.fromCharCode(c);
      for (const s of [ch, `a${ch}`, `${ch}\u0301`, `项${ch}名`]) {
        if (nfkc(s) !== slowNfkc(s)) wrong.push(`nfkc ${c.toString(16)}`);
        if (similarityTextFast(s) !== slowSimilarity(s)) wrong.push(`similarity ${c.toString(16)}`);
        if (JSON.stringify(normalizeWithMapFast(s)) !== JSON.stringify(normalizeWithMap(s))) wrong.push(`map ${c.toString(16)}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('random strings over the tricky alphabet', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...ALPHABET), { maxLength: 40 }), (parts) => {
        const s = parts.join('');
        expect(nfkc(s)).toBe(slowNfkc(s));
        expect(similarityTextFast(s)).toBe(slowSimilarity(s));
        expect(normalizeWithMapFast(s)).toEqual(normalizeWithMap(s));
      }),
      { numRuns: 3000 },
    );
  });

  it('a real disclosure line takes the fast path and keeps its meaning', () => {
    expect(nfkc('（六）资金安排情况：２０２３年安排资金１２万元。')).toBe('(六)资金安排情况:2023年安排资金12万元。');
    expect(similarityTextFast('一、项目名称：ＡＢＣ 学校 “营养餐”…')).toBe('一项目名称abc学校营养餐');
  });
});
