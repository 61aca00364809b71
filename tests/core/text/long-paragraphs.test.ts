/**
 * The item names and sentence starts of long paragraphs, read in work bounded per figure (a 40 000-character
 * paragraph of figures once took seconds): the same results as the walks they replace, on generated
 * paragraphs (the old item-name reader is kept in item-name-reference.ts).
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  breaksWords,
  endsSentence,
  isClauseBreak,
  isHard,
  isSpace,
  itemName,
  NameIndex,
  sentenceStartByScan,
  sentenceStartIndexed,
  shapeOf,
} from '../../../src/core/text/enumerations';
import { analyseAmounts, endsStretch } from '../../../src/core/text/amount-statements';
import { breaksClause } from '../../../src/core/text/quantities';
import { scanText } from '../../../src/core/text/money';
import { itemNameReference } from './item-name-reference';

/** Pieces that steer the name reader: generic words, lead words, years, numbering, times, verbs, separators, figures. */
const PIECES = [
  '资金',
  '投资',
  '经费',
  '面积',
  '建筑面积',
  '规模',
  '培训费',
  '龙场中学',
  '教学楼',
  '其中',
  '用于',
  '主要用于',
  '包括',
  '分别为',
  '2023年',
  '2024年度',
  '1.',
  '一是',
  '三.',
  '3月',
  '上半年',
  '第二季度',
  '支付',
  '预计',
  '安排',
  '拨付资金',
  '为',
  '和',
  '、',
  '，',
  ',',
  '：',
  ':',
  '（',
  '）',
  '(',
  ')',
  '。',
  '；',
  ' ',
  '\u3000',
  '\n',
  '\r',
  '12',
  '3.5',
  '1,200',
  '万元',
  '元',
  '人',
  '平方米',
  '五十',
  '约',
  '合计',
  '共计',
  '5  ',
  '5  元',
  ' \u3000 ',
];
/** The same without clause breaks: long clauses, where the index reads the words before a generic name. */
const CLAUSE_PIECES = PIECES.filter((p) => !/[,，。;；:：\n()（）、]/u.test(p));

const paragraph = (pieces: readonly string[], max: number, min = 1) =>
  fc.array(fc.constantFrom(...pieces), { minLength: min, maxLength: max, size: 'max' }).map((xs) => xs.join(''));

/** Every figure's name, read by both readers, with the figure ends the analysis gives them. */
function namesBoth(norm: string, nStart: number, ends: readonly number[]): [unknown, unknown] {
  const sorted = [...ends].sort((a, b) => a - b);
  const prev = sorted.filter((e) => e <= nStart).reduce((a, b) => Math.max(a, b), 0);
  return [itemName(norm, nStart, prev, new NameIndex(norm)), itemNameReference(norm, nStart, ends)];
}

describe('item names in bounded work', () => {
  it('\\s is the set isSpace tests (every UTF-16 unit)', () => {
    const wrong: number[] = [];
    for (let c = 0; c <= 0xffff; c++) if (isSpace(c) !== /\s/u.test(String.fromCharCode(c))) wrong.push(c);
    expect(wrong).toEqual([]);
  });

  it('same name as the old reader, at any position with any figure ends', () => {
    fc.assert(
      fc.property(paragraph(PIECES, 60), fc.nat(), fc.array(fc.nat(), { maxLength: 6 }), (norm, at, rawEnds) => {
        const nStart = at % (norm.length + 1);
        const ends = rawEnds.map((e) => e % (norm.length + 1));
        const [mine, old] = namesBoth(norm, nStart, ends);
        expect(mine).toEqual(old);
        // without the index too
        const prev = ends.filter((e) => e <= nStart).reduce((a, b) => Math.max(a, b), 0);
        expect(itemName(norm, nStart, prev)).toEqual(old);
      }),
      { numRuns: 4000 },
    );
  });

  it.each([
    ['with figures', CLAUSE_PIECES],
    ['of words only (the clause heads the name)', CLAUSE_PIECES.filter((p) => !/[\d\r]/u.test(p) || p === '2023年')],
  ])('same name as the old reader after a long clause %s (the index path)', (_what, pieces) => {
    fc.assert(
      fc.property(
        paragraph(pieces, 80, 20),
        fc.constantFrom('资金', '投资', '建筑面积', '规模', '经费'),
        fc.nat(),
        (clause, generic, cut) => {
          // …clause、资金12万元 and …clause，投资 12万元: a generic name after the clause, a figure before it or not
          const norm = `${clause}${cut % 2 === 0 ? '、' : ''}${generic}12万元`;
          const nStart = norm.length - 4;
          const before = clause.length > 0 ? [cut % clause.length] : [];
          const [mine, old] = namesBoth(norm, nStart, before);
          expect(mine).toEqual(old);
        },
      ),
      { numRuns: 4000 },
    );
  });

  it('a long paragraph of figures: every name as the old reader gives it', () => {
    // 资金1万元资金2万元… (each name says nothing alone: the clause before is read), and the same with
    // Chinese numerals (no digit in the clause: the words before are taken into the name)
    const cn = ['一', '二', '三', '四', '五', '六', '七', '八', '九'];
    const texts = [
      Array.from({ length: 1200 }, (_, i) => `资金${i + 1}万元`).join(''),
      Array.from({ length: 600 }, (_, i) => `2023年预计投资${cn[i % 9]}十万元`).join(''),
      `其中：${Array.from({ length: 800 }, (_, i) => `${i % 3 === 0 ? '（含中央）' : ''}培训费${i + 1}万元`).join('、')}。`,
    ];
    for (const text of texts) {
      const scan = scanText(text);
      const ends = [
        ...scan.amounts.map((a) => a.nEnd),
        ...scan.quantities.filter((q) => !q.family.startsWith('count:')).map((q) => q.nEnd),
      ];
      expect(scan.amounts.length).toBeGreaterThan(500);
      const index = new NameIndex(scan.norm);
      const sorted = [...ends].sort((a, b) => a - b);
      let differ = 0;
      for (const a of scan.amounts) {
        const prev = sorted.filter((e) => e <= a.nStart).reduce((x, y) => Math.max(x, y), 0);
        if (JSON.stringify(itemName(scan.norm, a.nStart, prev, index)) !== JSON.stringify(itemNameReference(scan.norm, a.nStart, ends)))
          differ++;
      }
      expect(differ).toBe(0);
    }
  });
});

describe('sentence starts from the index', () => {
  const SHAPE_PIECES = ['（', '）', '(', ')', '。', '！', '?', '；', '其中', '资金', '10万元', '，', '包括', 'A'];
  it('same start as the walk back, at every position and depth', () => {
    fc.assert(
      fc.property(paragraph(SHAPE_PIECES, 120), (norm) => {
        const shape = shapeOf(norm);
        for (let d = 0; d <= 3; d++)
          for (let i = 0; i <= norm.length; i++) expect(sentenceStartIndexed(shape, i, d)).toBe(sentenceStartByScan(shape, i, d));
      }),
      { numRuns: 1500 },
    );
  });

  it('a long paragraph is analysed as its sentences are, one by one', () => {
    // the same sentence 2,000 times: each sentence's lists and structures are those of the sentence alone
    const sentence = '安排资金30万元，其中：培训费10万元，资料费20万元。';
    const one = analyseAmounts([{ text: sentence, ref: { sheet: 'S', row: 0, col: 0 } }]);
    const many = analyseAmounts([{ text: sentence.repeat(2000), ref: { sheet: 'S', row: 0, col: 0 } }]);
    expect(many.amounts).toHaveLength(2000 * one.amounts.length);
    expect(many.structures).toHaveLength(2000 * one.structures.length);
    const n = one.amounts.length;
    many.structures.forEach((s, k) => {
      expect({ ...s, total: s.total - k * n, parts: s.parts.map((p) => p - k * n) }).toEqual(one.structures[0]);
    });
    // names: every sentence after the first as the second (a generic name reads the sentence before it)
    const names = many.amounts.map((a) => a.name);
    const second = names.slice(n, 2 * n);
    expect(names.slice(n)).toEqual(Array.from({ length: 1999 }, () => second).flat());
  });
});

describe('character tests by code', () => {
  // each replaces a regex test of a one-character string: the same answer for every UTF-16 unit
  it.each([
    ['breaksClause', breaksClause, /[,，。;；、:：\n\r()（）!?！？]/u],
    ['isHard', isHard, /[,，。;；\n()（）]/u],
    ['isClauseBreak', isClauseBreak, /[,，。;；:：\n()（）、]/u],
    ['breaksWords', breaksWords, /[,，。;；、\n]/u],
    ['endsSentence', endsSentence, /[。!?！？]/u],
    ['endsStretch', endsStretch, /[;；。!?！？]/u],
  ] as const)('%s', (_name, test, re) => {
    const wrong: number[] = [];
    for (let c = 0; c <= 0xffff; c++) if (test(c) !== re.test(String.fromCharCode(c))) wrong.push(c);
    expect(wrong).toEqual([]);
  });
});
