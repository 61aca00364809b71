import { describe, expect, it } from 'vitest';
import rule from '../../../src/core/rules/heading-numbering';
import { runRules } from '../../../src/core/rules/engine';
import { makeDocument, type SectionSpec } from '../../helpers/document';
import { readDisclosure } from '../../../src/core/disclosure/index';
import { SECTION_KEYS } from '../../../src/core/model';
import type { Cell } from '../../../src/core/snapshot/types';

const run = (doc: ReturnType<typeof makeDocument>['document'], lang: 'zh' | 'en' = 'zh') => runRules(doc, [rule], {}, lang).findings;
/** Eight sections, with the numbering given per position (undefined = standard `N、`). */
const numbered = (nums: (string | undefined)[]): SectionSpec[] =>
  SECTION_KEYS.map((key, i) => ({ key, paragraphs: ['x'], ...(nums[i] !== undefined && { numbering: nums[i] }) }));

describe('heading-numbering', () => {
  it('does not fire on consistent numbering of any style, nor on no numbering at all', () => {
    expect(run(makeDocument([{ title: '项目一', sections: numbered([]) }]).document)).toEqual([]);
    expect(run(makeDocument([{ title: '项目一', sections: numbered(['', '', '', '', '', '', '', '']) }]).document)).toEqual([]);
    expect(run(makeDocument([{ title: '项目一', sections: numbered(['1.', '2.', '3.', '4.', '5.', '6.', '7.', '8.']) }]).document)).toEqual(
      [],
    );
    expect(
      run(
        makeDocument([
          { title: '项目一', sections: numbered(['（一）', '（二）', '（三）', '（四）', '（五）', '（六）', '（七）', '（八）']) },
        ]).document,
      ),
    ).toEqual([]);
  });

  it('does not fire when a project renumbers its headings after a missing section', () => {
    const secs: SectionSpec[] = [
      { key: 'name', numbering: '一、', paragraphs: ['x'] },
      { key: 'basis', numbering: '二、', paragraphs: ['x'] },
      { key: 'overview', numbering: '三、', paragraphs: ['x'] },
    ];
    expect(run(makeDocument([{ title: '项目一', sections: secs }]).document)).toEqual([]);
  });

  it('fires once per project at the first heading that breaks the mix, listing all (seed 项目一)', () => {
    const f = run(makeDocument([{ title: '项目一', sections: numbered([undefined, undefined, '', '']) }]).document);
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ rule: 'heading-numbering', project: '项目一', cell: 'A6', messageId: 'mixed' });
    expect(f[0]!.message).toBe('本项目标题编号方式不一致：6个标题用“一、”式编号，2个标题不编号：“项目实施单位”、“项目基本概况”');
    expect(f[0]!.related).toEqual([{ sheet: '项目一', cell: 'A8' }]);
  });

  it('fires when only the last heading is numbered (seed 项目二), in English too', () => {
    const f = run(makeDocument([{ title: '项目二', sections: numbered(['', '', '', '', '', '', '', undefined]) }]).document, 'en');
    expect(f.map((x) => [x.project, x.cell])).toEqual([['项目二', 'A16']]);
    expect(f[0]!.message).toBe('Mixed heading numbering in this project: 7 × not numbered, 1 × numbered "一、": “八、项目实施成效”');
  });

  it('fires on mixed numbered styles (一、 with 1.)', () => {
    const f = run(makeDocument([{ title: '项目三', sections: numbered([undefined, undefined, '3.', undefined]) }]).document);
    expect(f.map((x) => [x.project, x.cell, x.messageId])).toEqual([['项目三', 'A6', 'mixed']]);
  });

  it('fires when a number contradicts the position (五、 on the fourth section)', () => {
    const f = run(makeDocument([{ title: '项目四', sections: numbered([undefined, undefined, undefined, '五、']) }]).document);
    expect(f.map((x) => [x.project, x.cell, x.messageId, x.expected, x.actual])).toEqual([['项目四', 'A8', 'position', '四、', '五、']]);
    expect(f[0]!.message).toBe('“五、项目基本概况”的编号“五、”与位置不符，应为“四、”');
  });

  it('fires through the reader on the seed 项目十四 pattern, with stray spaces and full-width dots', () => {
    const labels = [
      '项目名称',
      '立项依据',
      '项目实施单位',
      '项目基本概况',
      '项目实施内容',
      '资金安排情况',
      '七．  项目实施计划',
      '八、项目实施成效',
    ];
    const cells: Cell[] = [{ row: 0, col: 0, kind: 'text', value: '项目十四', text: '项目十四' }];
    labels.forEach((l, i) => {
      cells.push({ row: 1 + 2 * i, col: 0, kind: 'text', value: l, text: l });
      cells.push({ row: 2 + 2 * i, col: 0, kind: 'text', value: '内容', text: '内容' });
    });
    const snapshot = { sheets: [{ name: 'Sheet1', index: 0, visibility: 'visible' as const, merges: [], cells }] };
    const read = readDisclosure(snapshot);
    const f = run({ projects: read.projects, tables: [], registry: [], snapshot });
    expect(f.map((x) => [x.project, x.sheet, x.cell, x.messageId])).toEqual([['项目十四', 'Sheet1', 'A14', 'mixed']]);
    expect(f[0]!.message).toContain('“七．  项目实施计划”、“八、项目实施成效”');
  });
});
