/**
 * The read's fast paths give what the slow ones gave: cell references read by character codes
 * (instead of a regular expression), and number formats parsed once per format (instead of per cell).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseCellRef } from '../../../src/hosts/xlsx/read';
import { formatNumber } from '../../../src/hosts/xlsx/numfmt';

/** The reference the reader used before: a regular expression, then the letters counted. */
function byRegex(ref: string): number {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/.exec(ref);
  if (!m) return -1;
  let c = 0;
  for (const ch of m[1]!.toUpperCase()) c = c * 26 + (ch.charCodeAt(0) - 64);
  const r = Number(m[2]);
  if (c >= 1 && c <= 16384 && r >= 1 && r <= 1048576) return (r - 1) * 16384 + (c - 1);
  return -1;
}

describe('parseCellRef', () => {
  it.each([
    ['A1', 0],
    ['B3', 2 * 16384 + 1],
    ['$AA$10', 9 * 16384 + 26],
    ['xfd1048576', 1048575 * 16384 + 16383],
    ['XFE1', -1],
    ['A0', -1],
    ['A1048577', -1],
    ['AAAA1', -1],
    ['A', -1],
    ['1', -1],
    ['$$A1', -1],
    ['A$$1', -1],
    ['A1 ', -1],
    ['', -1],
  ])('%s → %s', (ref, packed) => {
    expect(parseCellRef(ref)).toBe(packed);
  });

  it('agrees with the regular expression on any string of reference-like characters', () => {
    const ref = fc.string({
      unit: fc.constantFrom('A', 'z', 'X', 'F', 'D', '$', '0', '1', '9', '@', '[', '`', '{', ' ', 'é', '１'),
      maxLength: 10,
    });
    fc.assert(
      fc.property(ref, (r) => parseCellRef(r) === byRegex(r)),
      { numRuns: 20_000 },
    );
  });
});

describe('formatNumber: a format parsed once serves every value', () => {
  it('picks the section by each value, in any order of use', () => {
    const fmt = '#,##0.00"万元";[Red]-#,##0.0;"零"';
    const values = [1234.5, -1234.56, 0, 7, -0.04, 0, 1e6];
    const expected = ['1,234.50万元', '-1,234.6', '零', '7.00万元', '-0.0', '零', '1,000,000.00万元'];
    expect(values.map((v) => formatNumber(v, fmt))).toEqual(expected);
    expect(values.map((v) => formatNumber(v, fmt)).reverse()).toEqual([...expected].reverse());
  });

  it('keeps formats that differ by one character apart', () => {
    expect(formatNumber(0.5, '0%')).toBe('50%');
    expect(formatNumber(0.5, '0.0%')).toBe('50.0%');
    expect(formatNumber(1500, '0,')).toBe('2');
    expect(formatNumber(1500, '0.0,')).toBe('1.5');
    expect(formatNumber(45000, 'yyyy-mm-dd')).toBe('2023-03-15');
    expect(formatNumber(45000, '0"元"')).toBe('45000元');
  });
});
