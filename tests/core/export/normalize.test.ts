import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normaliseParagraph } from '../../../src/core/export/normalize';

const n = (s: string): string => normaliseParagraph(s).text;

describe('normaliseParagraph', () => {
  it('trims leading and trailing spaces (ASCII and full-width) and says so', () => {
    const r = normaliseParagraph('   国家义务教育优质均衡评估专项经费\u3000');
    expect(r.text).toBe('国家义务教育优质均衡评估专项经费');
    expect(r.changes.map((c) => c.zh)).toEqual(['删除首尾空格']);
  });

  it('removes spaces between Chinese and digits or Chinese punctuation', () => {
    expect(n('2023 年春季学期')).toBe('2023年春季学期');
    expect(n('从 2020 年起，全省 129 个县')).toBe('从2020年起，全省129个县');
    expect(n('打造精英团队”； 实施“雏鹰放飞计划”')).toBe('打造精英团队”；实施“雏鹰放飞计划”');
    expect(n('〔2019〕42 号')).toBe('〔2019〕42号');
  });

  it('keeps a single space between two Chinese words (joint issuers) and between Latin words', () => {
    expect(n('《财政部 教育部关于印发》')).toBe('《财政部 教育部关于印发》');
    expect(n('Microsoft Excel')).toBe('Microsoft Excel');
    expect(n('财政部   教育部')).toBe('财政部 教育部');
  });

  it('makes half-width punctuation next to Chinese full-width', () => {
    const r = normaliseParagraph('1个3D打印班,1个播音与主持班');
    expect(r.text).toBe('1个3D打印班，1个播音与主持班');
    expect(r.changes.map((c) => c.kind)).toEqual(['punctuation']);
    expect(n('时间:2023年;地点:江川')).toBe('时间：2023年；地点：江川');
    expect(n('是否完成?')).toBe('是否完成？');
  });

  it('leaves punctuation between digits and Latin text alone', () => {
    expect(n('共1,000元')).toBe('共1,000元');
    expect(n('10:30')).toBe('10:30');
    expect(n('see a, b')).toBe('see a, b');
    expect(n('3.12万元/人')).toBe('3.12万元/人');
    expect(n('1.加强组织领导')).toBe('1.加强组织领导');
    expect(n('云政办发[2022]49号')).toBe('云政办发[2022]49号');
  });

  it('makes brackets around or beside Chinese full-width, in pairs', () => {
    expect(n('(1)组织党员培训')).toBe('（1）组织党员培训');
    expect(n('管理规定(试行)')).toBe('管理规定（试行）');
    expect(n('f(x)')).toBe('f(x)');
  });

  it('makes a sentence-final "." after Chinese a "。"', () => {
    expect(n('确保师生安全.')).toBe('确保师生安全。');
    expect(n('Version 2.')).toBe('Version 2.');
  });

  it('reports no change for clean text', () => {
    const clean = '通过项目实施，能有效提高全区中小学、幼儿园安全防范能力，确保师生生命财产安全。';
    expect(normaliseParagraph(clean)).toEqual({ text: clean, changes: [] });
  });
});

describe('normaliseParagraph properties', () => {
  const alphabet = fc.constantFrom(...'江川区教育经费元万年月，。；：、（）“”《》〔〕[]()0123456789.,;:?! \u3000abAB%-/'.split(''));
  const text = fc.array(alphabet, { maxLength: 40 }).map((a) => a.join(''));
  it('is idempotent, never adds characters other than their full-width forms, and reports a change iff it made one', () => {
    fc.assert(
      fc.property(text, (s) => {
        const once = normaliseParagraph(s);
        expect(normaliseParagraph(once.text)).toEqual({ text: once.text, changes: [] });
        expect(once.changes.length > 0).toBe(once.text !== s);
        const strip = (x: string): string => x.replace(/[\s\u3000]/g, '');
        const half = (x: string): string =>
          x.replace(
            /[，；：？！（）。]/g,
            (c) => ({ '，': ',', '；': ';', '：': ':', '？': '?', '！': '!', '（': '(', '）': ')', '。': '.' })[c]!,
          );
        expect(half(strip(once.text))).toBe(half(strip(s)));
      }),
      { numRuns: 500 },
    );
  });
});
