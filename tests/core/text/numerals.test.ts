import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatChineseNumeral, parseChineseNumeral } from '../../../src/core/text/numerals';

describe('Chinese counting numerals', () => {
  it.each([
    ['一', 1],
    ['十', 10],
    ['十一', 11],
    ['十六', 16],
    ['二十', 20],
    ['二十三', 23],
    ['九十九', 99],
    ['一百', 100],
    ['一百零五', 105],
    ['一百一十', 110],
    ['三千', 3000],
    ['三千零一', 3001],
    ['一万二千', 12000],
    ['一万零一', 10001],
    ['两百', 200],
    ['〇', 0],
    ['１６', 16],
    ['16', 16],
  ])('%s = %i', (s, n) => expect(parseChineseNumeral(s)).toBe(n));

  it.each(['', '一二', '十百', '百', '零十', 'abc', '十一个', '一千千'])('rejects %j', (s) => {
    expect(parseChineseNumeral(s)).toBeNull();
  });

  it.each([
    [1, '一'],
    [10, '十'],
    [11, '十一'],
    [16, '十六'],
    [20, '二十'],
    [105, '一百零五'],
    [110, '一百一十'],
    [1000, '一千'],
    [1001, '一千零一'],
    [10001, '一万零一'],
    [12000, '一万二千'],
    [100000000, '一亿'],
  ])('%i formats as %s', (n, s) => expect(formatChineseNumeral(n)).toBe(s));

  it('round-trips every number up to 10^9', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1_000_000_000 }), (n) => parseChineseNumeral(formatChineseNumeral(n)) === n),
      { numRuns: 2000 },
    );
  });
});
