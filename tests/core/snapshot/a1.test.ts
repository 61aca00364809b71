import { describe, expect, it } from 'vitest';
import { columnIndex, columnName, fromA1, rangeFromA1, rangeToA1, toA1, qualifiedRef } from '../../../src/core/snapshot/a1';

describe('A1 helpers', () => {
  it.each([
    [0, 'A'],
    [25, 'Z'],
    [26, 'AA'],
    [51, 'AZ'],
    [52, 'BA'],
    [701, 'ZZ'],
    [702, 'AAA'],
    [16383, 'XFD'],
  ])('column %i is %s and back', (i, name) => {
    expect(columnName(i)).toBe(name);
    expect(columnIndex(name)).toBe(i);
  });
  it('cells', () => {
    expect(toA1(0, 0)).toBe('A1');
    expect(toA1(11, 1)).toBe('B12');
    expect(fromA1('$B$12')).toEqual({ row: 11, col: 1 });
    expect(fromA1('XFE1')).toBeNull();
    expect(fromA1('A0')).toBeNull();
    expect(fromA1('项目一')).toBeNull();
  });
  it('ranges', () => {
    expect(rangeFromA1('C3:A1')).toEqual({ top: 0, left: 0, bottom: 2, right: 2 });
    expect(rangeToA1({ top: 0, left: 0, bottom: 0, right: 0 })).toBe('A1');
    expect(rangeToA1({ top: 0, left: 0, bottom: 2, right: 3 })).toBe('A1:D3');
    expect(qualifiedRef("O'Brien", 'A1')).toBe("'O''Brien'!A1");
  });
});
