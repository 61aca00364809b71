import { describe, expect, it } from 'vitest';
import rule, { findPlaceholders } from '../../../src/core/rules/placeholder-text';
import { runRules } from '../../../src/core/rules/engine';
import { makeDocument } from '../../helpers/document';
import { readDisclosure } from '../../../src/core/disclosure/index';

const run = (doc: ReturnType<typeof makeDocument>['document']) => runRules(doc, [rule]).findings;

describe('placeholder-text', () => {
  it.each([
    '20XX年完成',
    'XX学校',
    '××中学',
    '资金待定',
    '内容待补充',
    '（略）',
    '详见【】',
    '（    ）万元',
    '某某小学',
    '金额**元',
    '____万元',
    '○○学校',
    '二○二三年○○月',
  ])('finds a placeholder in %s', (text) => {
    expect(findPlaceholders(text).length).toBeGreaterThan(0);
  });

  it.each([
    'XXL码校服',
    '3×4=12',
    '有待补充',
    '等待定期检查',
    '尚待确定',
    '成绩有待提升',
    '《刑法》修正案',
    '（一）强化工作保障',
    '【重要】',
    '玉溪市江川区教育体育局',
    // a date in Chinese numerals (安康's 批复, tests/fixtures/real/hanbin-shaba-school-approval.txt)
    '二○○七年七月十日',
    '一九九○年',
  ])('does not take %s for a placeholder', (text) => {
    expect(findPlaceholders(text)).toEqual([]);
  });

  it('fires at the paragraph cell, naming the placeholder', () => {
    const doc = makeDocument([{ title: '项目一', sections: { name: ['x'], funding: ['共计XX万元。', '其中区级待定。'] } }]).document;
    const f = run(doc);
    expect(f.map((x) => [x.rule, x.project, x.cell, x.message])).toEqual([
      ['placeholder-text', '项目一', 'A5', '“资金安排情况”中留有占位符“XX”，请填写实际内容'],
      ['placeholder-text', '项目一', 'A6', '“资金安排情况”中留有占位符“待定”，请填写实际内容'],
    ]);
  });

  it('fires on a 元 left without its amount (seed 项目八), not on amounts or words ending in 元', () => {
    const doc = makeDocument([
      {
        title: '项目八',
        sections: {
          plan: ['2023年3月购买开班培训用品；6月发放第53期教师课酬、8月发放54、55期教师课酬元、10月发放56期教师课酬。'],
          funding: ['10万余元；1000多元；每生每年850元；美元、单元、公元；（单位：元）；壹拾伍万元整。'],
        },
      },
    ]).document;
    const f = run(doc);
    expect(f.map((x) => [x.rule, x.project, x.cell, x.messageId, x.message])).toEqual([
      ['placeholder-text', '项目八', 'A5', 'amountMissing', '“项目实施计划”中“期教师课酬元”的“元”前缺少金额'],
    ]);
  });

  it('does not fire on clean text', () => {
    expect(run(makeDocument([{ title: '项目一', sections: { funding: ['本项目计划安排资金10万元。'] } }]).document)).toEqual([]);
  });

  it('fires through the reader on a multi-line form cell, once per cell', () => {
    const t = (row: number, col: number, text: string) => ({ row, col, kind: 'text' as const, value: text, text });
    const snapshot = {
      sheets: [
        {
          name: '项目表',
          index: 0,
          visibility: 'visible' as const,
          merges: [],
          cells: [t(0, 0, '项目二'), t(1, 0, '项目实施计划'), t(1, 1, '1.三月××\n2.四月待补充')],
        },
      ],
    };
    const read = readDisclosure(snapshot);
    const f = run({ projects: read.projects, tables: [], registry: [], snapshot });
    expect(f.map((x) => [x.project, x.sheet, x.cell])).toEqual([['项目二', '项目表', 'B2']]);
  });
});
