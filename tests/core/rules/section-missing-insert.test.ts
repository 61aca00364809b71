import { describe, expect, it } from 'vitest';
import { checkWorkbook } from '../../../src/core/check';
import { applyFixes } from '../../../src/core/snapshot/fixes';
import { makeDocument, type SectionSpec } from '../../helpers/document';
import type { Finding } from '../../../src/core/rules/types';

const ALL = {
  name: ['名称'],
  basis: ['依据'],
  unit: ['单位'],
  overview: ['概况'],
  content: ['内容'],
  funding: ['10万元'],
  plan: ['计划'],
  results: ['成效'],
};
const missing = (findings: readonly Finding[]) => findings.filter((f) => f.rule === 'section-missing');

describe('section-missing: 插入缺少的部分', () => {
  it('offers an insert fix at the following heading when both neighbours are present and adjacent', () => {
    const { unit: _u, ...rest } = ALL;
    const { snapshot } = makeDocument([{ title: '项目一', sections: rest }]);
    const [f] = missing(checkWorkbook({ snapshot }).findings);
    // headings: A2 名称, A4 依据, A6 概况 …
    expect(f!.cell).toBe('A6');
    expect(f!.fix).toEqual({ sheet: '项目一', cell: 'A6', value: '三、项目实施单位', kind: 'text', insert: 'row' });
    expect(f!.data?.noInsert).toBeUndefined();
  });

  it('offers none, and says why, where the place is not certain', () => {
    const { unit: _u, overview: _o, results: _r, ...rest } = ALL;
    const { snapshot } = makeDocument([{ title: '项目一', sections: rest }]);
    const f = missing(checkWorkbook({ snapshot }).findings);
    expect(f.map((x) => [x.expected, x.fix, x.data?.noInsert])).toEqual([
      ['三、项目实施单位；四、项目基本概况', undefined, 'several'],
      ['八、项目实施成效', undefined, 'at-end'],
    ]);
  });

  it('offers none when the neighbours are out of order', () => {
    const specs: SectionSpec[] = [
      { key: 'name', paragraphs: ['名称'] },
      { key: 'overview', paragraphs: ['概况'] },
      { key: 'basis', paragraphs: ['依据'] },
      { key: 'content', paragraphs: ['内容'] },
      { key: 'funding', paragraphs: ['10万元'] },
      { key: 'plan', paragraphs: ['计划'] },
      { key: 'results', paragraphs: ['成效'] },
    ];
    const { snapshot } = makeDocument([{ title: '项目一', sections: specs }]);
    const [f] = missing(checkWorkbook({ snapshot }).findings);
    expect(f!.fix).toBeUndefined();
    expect(f!.data?.noInsert).toBe('not-adjacent');
  });

  it('writes the heading in the bureau style: its numbering and its name for the section', () => {
    const arabic = (keys: (keyof typeof ALL)[], unitLabel?: string): SectionSpec[] =>
      keys.map((k, i) => ({
        key: k,
        numbering: `${i + 1}.`,
        ...(k === 'unit' && unitLabel !== undefined && { label: unitLabel }),
        paragraphs: ALL[k],
      }));
    const every = Object.keys(ALL) as (keyof typeof ALL)[];
    const { snapshot } = makeDocument([
      { title: '项目一', sections: arabic(every, '实施单位') },
      { title: '项目二', sections: arabic(every, '实施单位') },
      { title: '项目三', sections: arabic(every.filter((k) => k !== 'unit')) },
    ]);
    const [f] = missing(checkWorkbook({ snapshot }).findings);
    expect(f!.project).toBe('项目三');
    expect(f!.fix?.value).toBe('3.实施单位');
  });

  it('applied to the snapshot, the re-check finds the section present and empty; the rows below moved', () => {
    const { unit: _u, ...rest } = ALL;
    const { snapshot } = makeDocument([{ title: '项目一', sections: rest }]);
    const before = checkWorkbook({ snapshot }).findings;
    const fixes = missing(before).flatMap((f) => (f.fix ? [f.fix] : []));
    const fixed = applyFixes(snapshot, fixes);
    expect(fixed.written).toHaveLength(1);
    const after = checkWorkbook({ snapshot: fixed.snapshot }).findings;
    expect(missing(after)).toEqual([]);
    expect(after.filter((f) => f.rule === 'section-empty').map((f) => [f.cell, f.message])).toEqual([['A6', '“项目实施单位”下没有内容']]);
    const sheet = fixed.snapshot.sheets[0]!;
    const text = (row: number) => sheet.cells.find((c) => c.row === row && c.col === 0)?.text;
    expect([text(4), text(5), text(6), text(7)]).toEqual(['依据', '三、项目实施单位', '四、项目基本概况', '概况']);
  });

  it('applies several inserts in one sheet bottom-up, whatever order they come in', () => {
    const { unit: _u, plan: _p, ...rest } = ALL;
    const { snapshot } = makeDocument([{ title: '项目一', sections: rest }]);
    const fixes = missing(checkWorkbook({ snapshot }).findings).flatMap((f) => (f.fix ? [f.fix] : []));
    expect(fixes.map((f) => f.cell)).toEqual(['A6', 'A12']);
    const after = checkWorkbook({ snapshot: applyFixes(snapshot, fixes).snapshot }).findings;
    expect(missing(after)).toEqual([]);
    expect(after.filter((f) => f.rule === 'section-empty').map((f) => [f.cell, f.data?.label])).toEqual([
      ['A6', '项目实施单位'],
      ['A13', '项目实施计划'],
    ]);
    expect(after.filter((f) => f.rule === 'heading-numbering')).toEqual([]);
  });
});
