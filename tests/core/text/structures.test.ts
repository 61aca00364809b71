/**
 * The structure finder's work per marker is bounded by the figures near it (a 50 000-character paragraph
 * with 4 000 `（含…）` once compared every lead word with every figure): every call the analysis makes is
 * checked against the finder as it was (structures-reference.ts), on generated texts and long paragraphs.
 */
import { describe, expect, it, vi } from 'vitest';
import fc from 'fast-check';
import type { FinderInput } from '../../../src/core/text/enumerations';
import { findStructuresReference } from './structures-reference';

const calls = { count: 0, withStructures: 0, mismatches: [] as string[] };

vi.mock('../../../src/core/text/enumerations', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../../src/core/text/enumerations')>();
  return {
    ...real,
    findStructures: (input: FinderInput) => {
      const got = real.findStructures(input);
      const want = findStructuresReference(input);
      calls.count++;
      if (want.structures.length + want.itemCounts.length > 0) calls.withStructures++;
      if (JSON.stringify(got) !== JSON.stringify(want)) {
        calls.mismatches.push(input.shapes.map((s) => s.norm).join('\n'));
      }
      return got;
    },
  };
});

const { analyseAmounts } = await import('../../../src/core/text/amount-statements');
const ref = { sheet: 'S', row: 0, col: 0 };

const analyse = (paragraphs: readonly string[]): void => {
  analyseAmounts(paragraphs.map((text, i) => ({ text, ref: { ...ref, row: i } })));
};

/** Pieces that steer the finder: figures of several families, markers, sums, parentheses, separators, blanks. */
const PIECES = [
  '总投资100万元',
  '资金50万元',
  '中央资金60万元',
  '省级资金40万元',
  '培训费10万元',
  '设备购置25.5万元',
  '自筹5万元',
  '3人',
  '2万元/人',
  '每生500元',
  '500元/平方米',
  '12所',
  '建筑面积5000平方米',
  '总建筑面积8000平方米',
  '占地面积约1340平方米',
  '合计',
  '共计',
  '总计',
  '其中',
  '其中：',
  '含',
  '包括',
  '分别为',
  '这批资金分别是：',
  '主要用于',
  '用于',
  '资金来源为',
  '主要是',
  '等',
  '目前已下达',
  '（',
  '）',
  '(',
  ')',
  '，',
  '、',
  '；',
  '。',
  '：',
  ' ',
  '\u3000',
  '1.',
  '（一）',
  '学校',
  '项目',
  '龙场中学',
  '按照办学层次划分',
  '学校中2021年',
];

const paragraph = (max: number): fc.Arbitrary<string> =>
  fc.array(fc.constantFrom(...PIECES), { minLength: 1, maxLength: max, size: 'max' }).map((xs) => xs.join(''));

describe('findStructures, bounded per marker, agrees with the finder it replaces', () => {
  it('on generated texts of one to four paragraphs', () => {
    calls.mismatches.length = 0;
    const before = { ...calls };
    fc.assert(
      fc.property(fc.array(paragraph(40), { minLength: 1, maxLength: 4 }), (paras) => {
        analyse(paras);
        expect(calls.mismatches).toEqual([]);
      }),
      { numRuns: 600 },
    );
    // the property saw structures, not only empty texts
    expect(calls.count - before.count).toBeGreaterThan(600);
    expect(calls.withStructures - before.withStructures).toBeGreaterThan(100);
  });

  it('on long paragraphs: many （含…）, numbered lists, sums and sentences', () => {
    calls.mismatches.length = 0;
    const before = calls.withStructures;
    analyse([Array.from({ length: 400 }, (_, i) => `经费${i + 10}万元（含${i + 1}万元）`).join('')]);
    analyse([Array.from({ length: 400 }, (_, i) => `费 （含${i}）${i + 1}人`).join('')]);
    analyse([Array.from({ length: 300 }, (_, i) => `项目${i}总投资${i + 30}万元，其中中央资金${i + 20}万元，自筹10万元。`).join('')]);
    // one sentence of many 其中 (each with every figure before it as a candidate total)
    analyse([Array.from({ length: 60 }, (_, i) => `项目${i}总投资${i + 30}万元，其中中央资金${i + 20}万元，自筹10万元，`).join('')]);
    analyse([Array.from({ length: 300 }, (_, i) => `A${i}资金${i + 1}万元，B资金2万元，合计${i + 3}万元；`).join('')]);
    analyse(['总投资100万元，分别为：', ...Array.from({ length: 50 }, (_, i) => `${i + 1}.培训费${i + 2}万元`)]);
    expect(calls.mismatches).toEqual([]);
    expect(calls.withStructures - before).toBeGreaterThanOrEqual(4);
  });
});
