import { describe, expect, it } from 'vitest';
import rule from '../../../src/core/rules/project-numbering';
import { runRules } from '../../../src/core/rules/engine';
import { makeDocument } from '../../helpers/document';
import { readDisclosure } from '../../../src/core/disclosure/index';
import type { Cell } from '../../../src/core/snapshot/types';

const run = (titles: string[]) =>
  runRules(makeDocument(titles.map((title) => ({ title, sections: { name: ['x'] } }))).document, [rule]).findings;

describe('project-numbering', () => {
  it('does not fire on 项目一 … 项目十六 in sequence', () => {
    const titles = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '十一', '十二', '十三', '十四', '十五', '十六'].map(
      (n) => `项目${n}`,
    );
    expect(run(titles)).toEqual([]);
  });

  it('fires on a duplicate number, at the second title', () => {
    const f = run(['项目一', '项目二', '项目二 ', '项目三']);
    expect(f.map((x) => [x.rule, x.project, x.sheet, x.cell, x.messageId])).toEqual([
      ['project-numbering', '项目二', '项目二 ', 'A1', 'duplicate'],
    ]);
  });

  it('fires on a gap, naming the missing projects', () => {
    const f = run(['项目一', '项目二', '项目五']);
    expect(f.map((x) => [x.project, x.messageId, x.message])).toEqual([
      ['项目五', 'gap', '项目编号不连续：“项目五”之前缺少项目三、项目四'],
    ]);
    expect(run(['项目二'])[0]).toMatchObject({ project: '项目二', messageId: 'gap', expected: '项目一' });
  });

  it('fires on a project out of order, not on a gap it explains', () => {
    const f = run(['项目一', '项目三', '项目二', '项目四']);
    expect(f.map((x) => [x.project, x.messageId, x.message])).toEqual([['项目二', 'order', '项目顺序错乱：“项目二”排在项目三之后']]);
  });

  it('fires through the reader on titles written 项目 1, 项目2：xxx, 项目 4', () => {
    const t = (row: number, text: string): Cell => ({ row, col: 0, kind: 'text', value: text, text });
    const snapshot = {
      sheets: [
        {
          name: '全部',
          index: 0,
          visibility: 'visible' as const,
          merges: [],
          cells: [t(0, '项目 1'), t(1, '项目名称：甲'), t(2, '项目2：乙项目'), t(3, '项目名称：乙'), t(4, '项目 4'), t(5, '项目名称：丁')],
        },
      ],
    };
    const read = readDisclosure(snapshot);
    const f = runRules({ projects: read.projects, tables: [], registry: [], snapshot }, [rule]).findings;
    expect(f.map((x) => [x.project, x.cell, x.messageId])).toEqual([['项目4', 'A5', 'gap']]);
  });
});
