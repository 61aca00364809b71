import { describe, expect, it } from 'vitest';
import { scaled } from '../../../src/core/schools/support';
import { numberToDecimal, scaleDecimal } from '../../../src/core/schools/values';
import type { NumberCell } from '../../../src/core/model';

const cell = (value: number | null, fen: number | null = null): NumberCell => ({
  ref: { sheet: '表', row: 4, col: 3 },
  raw: value === null ? '' : String(value),
  empty: value === null,
  value,
  fen,
  decimals: 0,
});

describe('scaled: a count in millionths, a money cell in fen', () => {
  it('scales whole counts exactly, as the decimal string does', () => {
    for (const v of [0, 1, 7, 17, 120, 9_999, 123_456_789, -3, 2 ** 33]) {
      expect(scaled(cell(v), false)).toBe(scaleDecimal(numberToDecimal(v), 6));
    }
  });

  it('reads -0 as 0 (Object.is), as the decimal string "0" did', () => {
    expect(Object.is(scaled(cell(-0), false), 0)).toBe(true);
  });

  it('refuses a whole count too large for exact millionths, as before', () => {
    const big = 2 ** 50; // × 10^6 is past 2^53
    expect(scaled(cell(big), false)).toBe(scaleDecimal(numberToDecimal(big), 6));
    expect(scaled(cell(big), false)).toBeNull();
  });

  it('scales fractional counts through their decimal digits', () => {
    expect(scaled(cell(12.5), false)).toBe(12_500_000);
    expect(scaled(cell(0.1 + 0.2), false)).toBe(scaleDecimal(numberToDecimal(0.1 + 0.2), 6));
  });

  it('gives the fen of a money cell, and null for an empty cell', () => {
    expect(scaled(cell(3.12, 31_200), true)).toBe(31_200);
    expect(scaled(cell(null), false)).toBeNull();
  });
});
