import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { expandExponent, formatFenIn, parseDecimalText, readCode, readNumberCell, scaleDecimal } from '../../../src/core/schools/values';
import { matchRegistry } from '../../../src/core/schools/match';

const ref = { sheet: 'S', row: 0, col: 0 };

describe('exact decimals', () => {
  it('scales decimal strings into integers without float multiplication', () => {
    expect(scaleDecimal('723.84', 6)).toBe(723_840_000);
    expect(scaleDecimal('0.1', 6)).toBe(100_000);
    expect(scaleDecimal('15.6', 6)).toBe(15_600_000);
    expect(scaleDecimal('1.0000005', 6)).toBe(1_000_001); // half away from zero
    expect(scaleDecimal('-3.12', 6)).toBe(-3_120_000);
    expect(scaleDecimal('99999999999999999', 6)).toBeNull();
  });

  it('agrees with BigInt arithmetic for any decimal with up to six places', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 9n * 10n ** 8n }), fc.integer({ min: 0, max: 6 }), (n, places) => {
        const s = n.toString().padStart(places + 1, '0');
        const dec = places === 0 ? s : `${s.slice(0, s.length - places)}.${s.slice(s.length - places)}`;
        expect(scaleDecimal(dec, 6)).toBe(Number(n * 10n ** BigInt(6 - places)));
      }),
    );
  });

  it('scales the edge cases of a one-pass reading as the string arithmetic did', () => {
    expect(scaleDecimal('12.', 6)).toBe(12_000_000);
    expect(scaleDecimal('.5', 2)).toBe(50);
    expect(scaleDecimal('+0.005', 2)).toBe(1); // rounds half away from zero
    expect(scaleDecimal('-0.004', 2)).toBe(0); // never -0
    expect(scaleDecimal('', 6)).toBe(0);
    expect(scaleDecimal('1.2.3', 6)).toBeNull();
    expect(scaleDecimal('1e5', 6)).toBeNull();
    expect(scaleDecimal('-+1', 6)).toBeNull();
    expect(scaleDecimal(' 1', 6)).toBeNull();
    expect(scaleDecimal('0000000000000000000012.5', 6)).toBe(12_500_000); // leading zeros are not digits that count
    expect(scaleDecimal('9007199254.740991', 6)).toBe(9_007_199_254_740_991);
    expect(scaleDecimal('9007199254.7409915', 6)).toBeNull(); // rounds past 2^53 - 1
    expect(scaleDecimal('12345678901.23456', 6)).toBeNull(); // 17 digits
  });

  it('expands exponents and parses shown text', () => {
    expect(expandExponent('2.153005307e+9')).toBe('2153005307');
    expect(expandExponent('1e-7')).toBe('0.0000001');
    expect(parseDecimalText('￥1，234.50')).toBe('1234.50');
    expect(parseDecimalText('５９.２８万元')).toBe('59.28');
    expect(parseDecimalText('232人')).toBe('232');
    expect(parseDecimalText('约232人')).toBeNull();
    expect(formatFenIn(723_840_000, '万元', 2)).toBe('723.84');
    expect(formatFenIn(15_600_000, '万元', 2)).toBe('15.60');
    expect(formatFenIn(1_000_001, '万元')).toBe('1.000001');
  });

  it('reads a number cell from its stored value and keeps the decimals shown', () => {
    const c = readNumberCell({ row: 0, col: 0, kind: 'number', value: 723.8400000000001, text: '723.84', numFmt: '0.00' }, ref, '万元');
    expect(c).toMatchObject({ fen: 723_840_000, decimals: 2, value: 723.8400000000001 });
    expect(readNumberCell({ row: 0, col: 0, kind: 'text', value: '—', text: '—' }, ref, '万元')).toMatchObject({ empty: true, fen: null });
  });
});

describe('readCode', () => {
  it('reads codes as text, numbers, full-width, with spaces; errors and placeholders are no code', () => {
    expect(readCode({ row: 0, col: 0, kind: 'number', value: 2153005307, text: '2.15E+09' }, ref).digits).toBe('2153005307');
    expect(readCode({ row: 0, col: 0, kind: 'text', value: ' 2153 005307 ', text: ' 2153 005307 ' }, ref).digits).toBe('2153005307');
    expect(readCode({ row: 0, col: 0, kind: 'text', value: '２１５３００５３０７', text: '２１５３００５３０７' }, ref).digits).toBe(
      '2153005307',
    );
    expect(readCode({ row: 0, col: 0, kind: 'error', value: '#N/A', text: '#N/A' }, ref)).toMatchObject({ digits: '', error: '#N/A' });
    expect(readCode({ row: 0, col: 0, kind: 'text', value: '#N/A', text: '#N/A' }, ref)).toMatchObject({ digits: '', error: '#N/A' });
    expect(readCode({ row: 0, col: 0, kind: 'text', value: '无', text: '无' }, ref).digits).toBe('');
    expect(readCode(undefined, ref).digits).toBe('');
  });
});

describe('registry towns written as 办事处', () => {
  it('matches 大街街道 in the table with 大街街道办事处 in the registry', () => {
    const e = { code: '2153005307', name: '大街小学', town: '大街街道办事处', ref, source: 'workbook' };
    expect(matchRegistry('玉溪市江川区大街街道大街小学', [e], { prefix: '玉溪市江川区' }).kind).toBe('match');
  });
});
