import { describe, expect, it } from 'vitest';
import rule from '../../../src/core/rules/stale-year';
import { runRules } from '../../../src/core/rules/engine';
import { makeDocument, type ProjectSpec } from '../../helpers/document';
import type { DisclosureDocument } from '../../../src/core/model';

const TITLE = '江川区教育体育局2023年预算重点领域财政项目文本公开';

function doc(projects: ProjectSpec[], title: string | null = TITLE): DisclosureDocument {
  const { document } = makeDocument(projects);
  return title === null ? document : { ...document, title: { text: title, ref: { sheet: '封面', row: 0, col: 0 } } };
}

const run = (d: DisclosureDocument, options?: Record<string, unknown>, lang: 'zh' | 'en' = 'zh') =>
  runRules(d, [rule], options ? { rules: { 'stale-year': { options } } } : {}, lang).findings.map((f) => [f.project, f.cell, f.message]);

/** A project whose plan is `plan` (and funding `funding`). */
const p = (title: string, plan: string[], funding: string[] = ['安排资金10万元。']): ProjectSpec => ({
  title,
  sections: { name: ['x'], funding, plan },
});

describe('stale-year', () => {
  it('fires where a plan names only years before the title’s budget year (seed 项目十二’s plan left at 2022)', () => {
    const d = doc([p('项目一', ['2022年3月购买开班培训用品；6月发放教师课酬。', '2022年12月完成。'])]);
    expect(run(d)).toEqual([['项目一', 'A7', '项目一的“项目实施计划”写的是2022年，早于预算年度2023年，是否沿用了上年的文本？']]);
  });

  it('points at the first cell naming the latest of the old years, and lists them all', () => {
    const d = doc([p('项目一', ['2021年秋季学期：调研。', '2022年春季学期：培训。'])]);
    expect(run(d)).toEqual([['项目一', 'A8', '项目一的“项目实施计划”写的是2021年、2022年，早于预算年度2023年，是否沿用了上年的文本？']]);
  });

  it('does not fire when the plan names the budget year or a later one (ranges read at both ends)', () => {
    expect(run(doc([p('项目一', ['2022年完成招标，2023年2月1日起服务。'])]))).toEqual([]);
    expect(run(doc([p('项目一', ['服务期限为三年（2021-2023年）。'])]))).toEqual([]);
    expect(run(doc([p('项目一', ['计划于2022年10月开工，预计于2024年3月完工。'])]))).toEqual([]);
  });

  it('ignores years of quoted documents and document numbers (not this plan’s dates)', () => {
    const plan = ['按《2021年义务教育质量监测方案》（云教〔2022〕4号）执行，4月中旬组织监测。'];
    expect(run(doc([p('项目一', plan)]))).toEqual([]);
  });

  it('without dates in the plan, reads the year the funding is budgeted for (`2022年度预算资金`)', () => {
    const d = doc([p('项目一', ['每年12月下旬前上缴。'], ['2022年度预算资金为18.41万元，均为区级财政资金。'])]);
    expect(run(d)).toEqual([['项目一', 'A5', '项目一的“资金安排情况”写的是2022年，早于预算年度2023年，是否沿用了上年的文本？']]);
    // last year's figure beside this year's budget: the section is this year's
    const both = doc([p('项目一', ['每年12月下旬前上缴。'], ['2022年下达资金15万元，2023年度预算资金为18.41万元。'])]);
    expect(run(both)).toEqual([]);
    // a past year that is not a budget (`2022年贷款受理人数`) does not make the funding stale
    const past = doc([p('项目一', ['每年12月下旬前上缴。'], ['2022年贷款受理人数为3666人，安排资金18.41万元。'])]);
    expect(run(past)).toEqual([]);
  });

  it('infers the year from the other projects when the workbook states none (two thirds of at least three)', () => {
    const projects = [p('项目一', ['2023年3月启动。']), p('项目二', ['2023年春季学期实施。']), p('项目三', ['2022年9月完成。'])];
    expect(run(doc(projects, null))).toEqual([
      ['项目三', 'A7', '项目三的“项目实施计划”写的是2022年，其他项目写的是2023年，是否沿用了上年的文本？'],
    ]);
    // two projects are not enough to tell which year is the budget's
    expect(run(doc(projects.slice(1), null))).toEqual([]);
    // no majority: 2023, 2022, 2021 — nothing to go by
    expect(run(doc([projects[0]!, projects[2]!, p('项目四', ['2021年完成。'])], null))).toEqual([]);
  });

  it('a title without 预算 states no budget year; the option budgetYear does', () => {
    const d = doc([p('项目一', ['2022年9月完成。'])], '2022年教育工作总结');
    expect(run(d)).toEqual([]);
    expect(run(d, { budgetYear: 2023 })).toEqual([
      ['项目一', 'A7', '项目一的“项目实施计划”写的是2022年，早于预算年度2023年，是否沿用了上年的文本？'],
    ]);
    // the option wins over the title's year
    expect(run(doc([p('项目一', ['2023年9月完成。'])]), { budgetYear: 2024 })).toHaveLength(1);
  });

  it('says it in English', () => {
    const d = doc([p('项目一', ['2022年9月完成。'])]);
    expect(run(d, undefined, 'en')).toEqual([
      ['项目一', 'A7', '项目一: “项目实施计划” names 2022, before the budget year 2023; was last year’s text kept?'],
    ]);
  });
});
