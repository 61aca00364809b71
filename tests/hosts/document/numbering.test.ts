/**
 * Word's automatic numbering rendered as Word shows it (src/hosts/document/numbering.ts, ISO/IEC
 * 29500-1 §17.9): the number formats a Chinese disclosure uses, and the counters' restarts.
 */
import { describe, expect, it } from 'vitest';
import { formatNumber, NumberingCounters, type NumberingDefinitions, type NumberingLevel } from '../../../src/hosts/document/numbering';

describe('formatNumber', () => {
  it('counts in Chinese as headings are numbered (十 for ten, 零 inside)', () => {
    const zh = [1, 2, 9, 10, 11, 19, 20, 21, 99, 100, 101, 110, 1000, 1001, 10000].map((n) => formatNumber(n, 'chineseCounting'));
    expect(zh).toEqual([
      '一',
      '二',
      '九',
      '十',
      '十一',
      '十九',
      '二十',
      '二十一',
      '九十九',
      '一百',
      '一百零一',
      '一百一十',
      '一千',
      '一千零一',
      '一万',
    ]);
    expect(formatNumber(12, 'chineseCountingThousand')).toBe('十二');
  });

  it('writes each digit in ideographDigital, and 壹拾 in the legal form', () => {
    expect(formatNumber(10, 'ideographDigital')).toBe('一〇');
    expect(formatNumber(102, 'ideographDigital')).toBe('一〇二');
    expect(formatNumber(10, 'chineseLegalSimplified')).toBe('壹拾');
    expect(formatNumber(3, 'chineseLegalSimplified')).toBe('叁');
  });

  it('knows the western forms and falls back to decimal', () => {
    expect(formatNumber(14, 'upperRoman')).toBe('XIV');
    expect(formatNumber(4, 'lowerRoman')).toBe('iv');
    expect(formatNumber(28, 'upperLetter')).toBe('BB');
    expect(formatNumber(3, 'decimalZero')).toBe('03');
    expect(formatNumber(3, 'decimalEnclosedCircle')).toBe('③');
    expect(formatNumber(12, 'decimalFullWidth')).toBe('１２');
    expect(formatNumber(2, 'ideographTraditional')).toBe('乙');
    expect(formatNumber(7, 'somethingNew')).toBe('7');
    expect(formatNumber(7, 'bullet')).toBe('');
  });
});

const level = (numFmt: string, lvlText: string, extra: Partial<NumberingLevel> = {}): NumberingLevel => ({
  start: 1,
  numFmt,
  lvlText,
  isLgl: false,
  ...extra,
});

function defs(levels: NumberingLevel[], overrides = new Map<number, { start?: number }>()): NumberingDefinitions {
  return {
    abstracts: new Map([['0', new Map(levels.map((l, i) => [i, l]))]]),
    nums: new Map([
      ['1', { abstractId: '0', overrides: new Map() }],
      ['2', { abstractId: '0', overrides }],
    ]),
  };
}

describe('NumberingCounters', () => {
  it('numbers the levels of a disclosure: 一、 then （一） then 1. under it, restarting below a higher level', () => {
    const c = new NumberingCounters(defs([level('chineseCounting', '%1、'), level('chineseCounting', '（%2）'), level('decimal', '%3.')]));
    const got = [
      c.next('1', 0),
      c.next('1', 1),
      c.next('1', 2),
      c.next('1', 2),
      c.next('1', 1),
      c.next('1', 2),
      c.next('1', 0),
      c.next('1', 1),
    ];
    expect(got).toEqual(['一、', '（一）', '1.', '2.', '（二）', '1.', '二、', '（一）']);
  });

  it('keeps counting a level whose lvlRestart is 0, and restarts one with lvlRestart 1 only under level 1', () => {
    const c = new NumberingCounters(
      defs([level('decimal', '%1.'), level('decimal', '%1.%2', { restart: 0 }), level('decimal', '(%3)', { restart: 1 })]),
    );
    expect([
      c.next('1', 0),
      c.next('1', 1),
      c.next('1', 2),
      c.next('1', 1),
      c.next('1', 2),
      c.next('1', 0),
      c.next('1', 1),
      c.next('1', 2),
    ]).toEqual(['1.', '1.1', '(1)', '1.2', '(2)', '2.', '2.3', '(1)']);
  });

  it('keeps counters per numId, honours a startOverride, and numbers nothing for numId 0 or an unknown list', () => {
    const c = new NumberingCounters(defs([level('chineseCounting', '%1、')], new Map([[0, { start: 5 }]])));
    expect([c.next('1', 0), c.next('2', 0), c.next('1', 0), c.next('2', 0)]).toEqual(['一、', '五、', '二、', '六、']);
    expect(c.next('0', 0)).toBe('');
    expect(c.next('9', 0)).toBe('');
  });

  it('writes every level in decimal under isLgl', () => {
    const c = new NumberingCounters(defs([level('chineseCounting', '%1、'), level('decimal', '%1.%2', { isLgl: true })]));
    c.next('1', 0);
    c.next('1', 0);
    expect(c.next('1', 1)).toBe('2.1');
  });
});
