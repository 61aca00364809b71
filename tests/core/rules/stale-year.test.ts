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

  // review2: ordinary texts of other bureaus that name past years on purpose (variations of the seed's plans)
  const T24 = '县教育体育局2024年预算重点领域财政项目文本公开';

  it('reads a school year at both ends (`2023—2024学年`, `2023-2024学年度`): a 2024 plan naming it is not stale', () => {
    expect(run(doc([p('项目一', ['2023—2024学年第二学期及2024—2025学年第一学期按学期发放。', '2023年9月已完成摸底。'])], T24))).toEqual([]);
    expect(run(doc([p('项目一', ['2023-2024学年度按学期发放，2023年12月前完成第一批。'])], T24))).toEqual([]);
    // a school year wholly before the budget year still is
    expect(run(doc([p('项目一', ['2022-2023学年度按学期发放。'])], T24))).toHaveLength(1);
  });

  it('a plan that speaks of the budget year in words (本年度, 今年) names it: a past start year is history', () => {
    expect(run(doc([p('项目一', ['项目于2022年启动，分三年实施，本年度完成三期工程。'])], T24))).toEqual([]);
    expect(run(doc([p('项目一', ['2023年秋季学期至今年春季学期发放。'])], T24))).toEqual([]);
    // 成本年度 is no 本年度
    expect(run(doc([p('项目一', ['2023年完成，按成本年度核算。'])], T24))).toHaveLength(1);
    expect(run(doc([p('项目一', ['2023年9月完成，本年级学生全部覆盖。'])], T24))).toHaveLength(1);
  });

  it('funding already given in an earlier year (`2023年已安排`, `累计安排`) is not the budget year the section states', () => {
    const plan = ['按学期发放。'];
    expect(run(doc([p('项目一', plan, ['2023年已安排资金50万元，本次安排资金100万元，全部为中央资金。'])], T24))).toEqual([]);
    expect(run(doc([p('项目一', plan, ['2021年至2023年累计安排资金300万元，本次安排资金100万元。'])], T24))).toEqual([]);
    // last year's budget kept as it was still is
    expect(run(doc([p('项目一', plan, ['2023年度预算安排资金100万元。'])], T24))).toHaveLength(1);
    // 已 after the budget's own year (`预算已批复`) tells nothing done before it
    expect(run(doc([p('项目一', plan, ['2023年度预算已批复资金100万元。'])], T24))).toHaveLength(1);
  });

  it('a title naming a final account and a budget states the budget’s year (`2023年度决算及2024年部门预算`)', () => {
    const d = doc([p('项目一', ['2023年12月完成。'])], '县教育局2023年度决算及2024年部门预算公开');
    expect(run(d)).toEqual([['项目一', 'A7', '项目一的“项目实施计划”写的是2023年，早于预算年度2024年，是否沿用了上年的文本？']]);
    expect(run(doc([p('项目一', ['2023年12月完成。'])], '关于2023年预算执行情况和2024年预算草案的报告'))).toHaveLength(1);
  });

  it('without a stated year, a multi-year project reaching past the budget year does not set it (the year most projects name does)', () => {
    const projects = [
      p('项目一', ['2024年3月开工，2025年8月竣工。']),
      p('项目二', ['2024年5月开工，2025年12月竣工。']),
      p('项目三', ['2024年9月完成培训。']),
    ];
    expect(run(doc(projects, null))).toEqual([]);
    // one left at 2023 among them is still found
    expect(run(doc([...projects, p('项目四', ['2023年9月完成。'])], null))).toEqual([
      ['项目四', 'A7', '项目四的“项目实施计划”写的是2023年，其他项目写的是2024年，是否沿用了上年的文本？'],
    ]);
  });

  it('a year told as done (`截至2023年底已完成一期`) is history, not a date of the plan', () => {
    expect(run(doc([p('项目一', ['截至2023年底，已完成一期工程；3月启动二期工程，12月底前完工。'])], T24))).toEqual([]);
    expect(run(doc([p('项目一', ['2023年12月已完成招标。', '3月进场施工，10月竣工验收。'])], T24))).toEqual([]);
    // 截止 as a deadline is a date of the plan: 2024 named, not stale
    expect(run(doc([p('项目一', ['2023年9月启动摸底，截止2024年6月完成发放。'])], T24))).toEqual([]);
    // a kept-over plan that also recalls what was done is still found by its other dates
    expect(run(doc([p('项目一', ['2023年3月已完成调研；2023年6月完成培训。'])], T24))).toEqual([
      ['项目一', 'A7', '项目一的“项目实施计划”写的是2023年，早于预算年度2024年，是否沿用了上年的文本？'],
    ]);
  });

  it('reads years written in Chinese numerals (`二〇二三年`, `二〇二四年度部门预算`) as the others', () => {
    expect(run(doc([p('项目一', ['二〇二三年九月完成。'])], T24))).toEqual([
      ['项目一', 'A7', '项目一的“项目实施计划”写的是2023年，早于预算年度2024年，是否沿用了上年的文本？'],
    ]);
    expect(run(doc([p('项目一', ['二〇二三年九月完成。'])], '县教育局二〇二四年度部门预算公开'))).toHaveLength(1);
    expect(run(doc([p('项目一', ['二〇二四年九月完成。'])], T24))).toEqual([]);
    // not a figure in words that is no year (`三千二百年`, `一二三四年级` are none)
    expect(run(doc([p('项目一', ['按一二三年级分批完成。'])], T24))).toEqual([]);
  });

  it('says it in English', () => {
    const d = doc([p('项目一', ['2022年9月完成。'])]);
    expect(run(d, undefined, 'en')).toEqual([
      ['项目一', 'A7', '项目一: “项目实施计划” names 2022, before the budget year 2023; was last year’s text kept?'],
    ]);
  });
});
