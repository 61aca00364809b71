import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { PATTERNS, findPlaceholders } from '../../../src/core/rules/placeholder-text';

/** The patterns run one by one, without the one-scan pre-test. */
const unfiltered = (text: string): string[] => PATTERNS.flatMap((re) => re.exec(text)?.[0] ?? []);

// characters that make or break the patterns, and ordinary text around them
const PIECES = [
  'X',
  'x',
  'XL',
  '×',
  '✕',
  '＊',
  '*',
  '待',
  '定',
  '补充',
  '有',
  '期',
  '（',
  '(',
  '）',
  ')',
  '略',
  ' ',
  '\u3000',
  '_',
  '＿',
  '【',
  '】',
  '某',
  '□',
  '○',
  'TODO',
  'TBD',
  'TBC',
  '此处填写',
  '请填写',
  '请输入',
  '项目',
  '资金',
  '万元',
  '20',
  '学校',
  '。',
];

describe('placeholder-text: the one-scan pre-test', () => {
  it('finds what the twelve patterns find, on any text made of their characters', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...PIECES), { maxLength: 14 }), (pieces) => {
        const text = pieces.join('');
        expect(findPlaceholders(text)).toEqual(unfiltered(text));
      }),
      { numRuns: 20_000 },
    );
  });

  it('still finds each kind of placeholder', () => {
    for (const t of ['20XX年', '××学校', '＊＊', '资金待定', '（略）', '【】', '（ ）', '某某小学', '□□', '____', 'TODO', '请填写金额']) {
      expect(findPlaceholders(`项目${t}。`)).not.toEqual([]);
    }
  });
});
