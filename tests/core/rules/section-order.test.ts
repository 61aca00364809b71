import { describe, expect, it } from 'vitest';
import rule from '../../../src/core/rules/section-order';
import { runRules } from '../../../src/core/rules/engine';
import { makeDocument, type SectionSpec } from '../../helpers/document';
import type { SectionKey } from '../../../src/core/model';

const run = (doc: ReturnType<typeof makeDocument>['document'], lang: 'zh' | 'en' = 'zh') => runRules(doc, [rule], {}, lang).findings;
const secs = (...keys: SectionKey[]): SectionSpec[] => keys.map((key) => ({ key, paragraphs: ['x'] }));

describe('section-order', () => {
  it('does not fire in standard order, nor when sections are only missing', () => {
    expect(
      run(
        makeDocument([{ title: '项目一', sections: secs('name', 'basis', 'unit', 'overview', 'content', 'funding', 'plan', 'results') }])
          .document,
      ),
    ).toEqual([]);
    expect(run(makeDocument([{ title: '项目一', sections: secs('name', 'unit', 'funding', 'results') }]).document)).toEqual([]);
  });

  it('fires at a section placed after the ones that follow it', () => {
    // 资金安排情况 written after 项目实施计划
    const f = run(
      makeDocument([{ title: '项目七', sections: secs('name', 'basis', 'unit', 'overview', 'content', 'plan', 'funding', 'results') }])
        .document,
    );
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ rule: 'section-order', project: '项目七', cell: 'A14', severity: 'warning' });
    expect(f[0]!.message).toBe('“资金安排情况”位置不对：按标准顺序它是第六部分，应排在“项目实施内容”之后');
  });

  it('names the section to stand before when the misplaced one belongs first', () => {
    const f = run(makeDocument([{ title: '项目二', sections: secs('basis', 'unit', 'name', 'overview') }]).document, 'en');
    expect(f.map((x) => [x.project, x.cell])).toEqual([['项目二', 'A6']]);
    expect(f[0]!.message).toBe('"项目名称" is out of place: it is section 1 of the standard order and belongs before "立项依据"');
  });

  it('ignores a repeated section (section-duplicate reports it)', () => {
    const f = run(makeDocument([{ title: '项目三', sections: secs('name', 'basis', 'funding', 'plan', 'funding') }]).document);
    expect(f).toEqual([]);
  });
});
