import { describe, expect, it } from 'vitest';
import { formatGeneral, formatNumber, isDateFormat, isTextFormat } from '../../../src/hosts/xlsx/numfmt';
import { shiftFormula } from '../../../src/hosts/xlsx/formula';

describe('formatNumber: the text Excel shows', () => {
  it.each([
    [1234.5, '0.00', '1234.50'],
    [12, '0.00"万元"', '12.00万元'],
    [1234567.891, '#,##0.00', '1,234,567.89'],
    [-1234.5, '#,##0.00;[Red]-#,##0.00', '-1,234.50'],
    [-12.5, '#,##0.00_);(#,##0.00)', '(12.50)'],
    [12.5, '#,##0.00_);(#,##0.00)', '12.50'],
    [0, '#,##0.00;-#,##0.00;"-"', '-'],
    [0.256, '0%', '26%'],
    [0.256, '0.0%', '25.6%'],
    [2150000000, '0.00E+00', '2.15E+09'],
    [45000, 'yyyy-mm-dd', '2023-03-15'],
    [45000, 'yyyy"年"m"月"d"日"', '2023-03-15'],
    [44927, 'm/d/yy', '2023-01-01'],
    [45000.5, 'yyyy/m/d h:mm', '2023-03-15 12:00:00'],
    [0.5, 'h:mm:ss', '12:00:00'],
    [12.3, '0.0#', '12.3'],
    [12, '0.0#', '12.0'],
    [1234, '[$¥-804]#,##0.00', '¥1,234.00'],
    [100, '@', '100'],
    [5304210001, '0', '5304210001'],
    [7, '000', '007'],
  ])('%s in %s → %s', (v, fmt, shown) => {
    expect(formatNumber(v, fmt)).toBe(shown);
  });

  it('General: shortest form, no float noise, scientific only when long', () => {
    expect(formatGeneral(0.1 + 0.2)).toBe('0.3');
    expect(formatGeneral(723.84)).toBe('723.84');
    expect(formatGeneral(5304210001)).toBe('5304210001');
    expect(formatGeneral(1 / 3)).toBe('0.3333333333');
    expect(formatGeneral(123456789012)).toBe('1.23457E+11');
    expect(formatGeneral(-0.5)).toBe('-0.5');
    expect(formatNumber(12, undefined)).toBe('12');
  });

  it('tells date and text formats apart from numbers', () => {
    expect(isDateFormat('yyyy-mm-dd')).toBe(true);
    expect(isDateFormat('yyyy"年"m"月"')).toBe(true);
    expect(isDateFormat('[h]:mm:ss')).toBe(true);
    expect(isDateFormat('0.00"万元"')).toBe(false);
    expect(isDateFormat('#,##0.00;[Red]-#,##0.00')).toBe(false);
    expect(isTextFormat('@')).toBe(true);
    expect(isTextFormat('0.00')).toBe(false);
  });
});

describe('shiftFormula', () => {
  it('moves relative references, keeps absolute ones, strings and sheet names', () => {
    expect(shiftFormula('SUM(E5:I5)', 1, 0)).toBe('SUM(E6:I6)');
    expect(shiftFormula('$A$1+A1+$B2+C$3', 2, 1)).toBe('$A$1+B3+$B4+D$3');
    expect(shiftFormula('"A1"&A1', 1, 0)).toBe('"A1"&A2');
    expect(shiftFormula("'项目一'!B2*2", 1, 0)).toBe("'项目一'!B3*2");
    expect(shiftFormula('LOG10(A1)', 1, 0)).toBe('LOG10(A2)');
    expect(shiftFormula('A1', -1, 0)).toBe('#REF!');
  });
});
