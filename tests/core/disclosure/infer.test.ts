/**
 * Headings of a bureau's own read as the missing sections they stand for (disclosure/infer.ts): by their
 * place in the standard order and their words, never by place alone; the text after them is theirs.
 */
import { describe, expect, it } from 'vitest';
import { readDisclosure } from '../../../src/core/disclosure/index';
import { checkWorkbook } from '../../../src/core/check';
import { book, column, sheet } from './helpers';

const BODY = {
  name: '农村校舍维修项目',
  basis: '《县教育事业发展规划》。',
  unit: '县教育局',
  overview: '全县农村学校校舍老化，3所学校需维修。',
  content: '维修校舍3所，购置课桌椅500套。',
  funding: '项目资金共计100万元，其中：中央补助60万元，县级配套40万元。',
  plan: '2024年3月启动，8月完工。',
  results: '改善3所学校办学条件。',
};
const KEYS = Object.keys(BODY) as (keyof typeof BODY)[];
const STANDARD = ['项目名称', '立项依据', '项目实施单位', '项目基本概况', '项目实施内容', '资金安排情况', '项目实施计划', '项目实施成效'];
const CN = ['一', '二', '三', '四', '五', '六', '七', '八'];

/** The project's lines, with the headings named as given (standard names elsewhere). */
function lines(names: Partial<Record<number, string>> = {}, extra: Partial<Record<number, string[]>> = {}): string[] {
  return KEYS.flatMap((k, i) => [`${CN[i]}、${names[i] ?? STANDARD[i]}`, BODY[k], ...(extra[i] ?? [])]);
}
const sectionsOf = (l: string[]) =>
  readDisclosure(book(column('项目一', ['项目一', ...l]))).projects[0]!.sections.map((s) => ({
    key: s.key,
    heading: s.headingText,
    text: s.paragraphs.map((p) => p.text),
    inferredFrom: s.inferredFrom,
  }));
const findingsOf = (l: string[]) => checkWorkbook({ snapshot: book(column('项目一', ['项目一', ...l])), lang: 'zh' }).findings;

describe('a heading of the bureau’s own', () => {
  it('is read as the missing section its words and place name, with the text under it', () => {
    const got = sectionsOf(lines({ 3: '项目背景', 4: '主要工作任务', 5: '资金来源及预算' }));
    expect(got.map((s) => s.key)).toEqual(KEYS);
    expect(got[3]).toEqual({ key: 'overview', heading: '四、项目背景', text: [BODY.overview], inferredFrom: '四、项目背景' });
    expect(got[4]!.text).toEqual([BODY.content]);
    expect(got[5]).toMatchObject({ key: 'funding', text: [BODY.funding], inferredFrom: '六、资金来源及预算' });
    // the section above no longer holds the heading nor its text
    expect(got[2]!.text).toEqual([BODY.unit]);
  });

  it('says so as a 提示 at the heading, and the text is checked as that section', () => {
    const wrong = lines({ 5: '资金来源及预算' }).map((l) => l.replace('县级配套40万元', '县级配套30万元'));
    const f = findingsOf(wrong);
    const info = f.filter((x) => x.rule === 'section-missing');
    expect(info.map((x) => [x.severity, x.cell, x.message])).toEqual([
      [
        'info',
        'A12',
        '标题“六、资金来源及预算”不是标准名称，已按其位置和用词作为“资金安排情况”检查；如不对，请用“对应标题”（命令行：--config 的 sectionAliases）把它对应到正确的部分',
      ],
    ]);
    expect(f.filter((x) => x.severity !== 'info').map((x) => x.rule)).toEqual(['total-mismatch']);
    // 对应标题 offered on it: this section (storing the mapping) or the sections still missing (none here)
    expect(info[0]!.mapHeading).toEqual({
      headings: [{ text: '六、资金来源及预算', label: '资金来源及预算', sheet: '项目一', cell: 'A12' }],
      sections: ['funding'],
    });
  });

  it('is not read by its place alone: 六、保障措施 leaves 资金安排情况 missing, and names the heading', () => {
    const got = sectionsOf(lines({ 5: '保障措施' }));
    expect(got.map((s) => s.key)).not.toContain('funding');
    const missing = findingsOf(lines({ 5: '保障措施' })).filter((x) => x.rule === 'section-missing');
    expect(missing.map((x) => [x.severity, x.message])).toEqual([
      ['error', '缺少“六、资金安排情况”部分；本项目有未识别的标题：“六、保障措施”'],
    ]);
  });

  it('is not read as a section its place cannot hold (资金 words after 项目实施计划)', () => {
    // 六、 is missing; the heading stands between 实施计划 and 实施成效, where no funding section can stand
    const l = lines({}, { 6: ['六、资金说明', '资金已全部到位。'] }).filter((x) => x !== '六、资金安排情况' && x !== BODY.funding);
    const got = sectionsOf(l);
    expect(got.map((s) => s.key)).not.toContain('funding');
    expect(got.find((s) => s.key === 'plan')!.text).toEqual([BODY.plan, '六、资金说明', '资金已全部到位。']);
  });

  it('is not read as a section that is present, nor when two missing sections share its words', () => {
    // 资金 names funding, present already: stays text of 项目实施内容
    expect(sectionsOf(lines({}, { 4: ['二、资金保障'] })).filter((s) => s.key === 'funding')).toHaveLength(1);
    // 资金使用计划: funding and plan both missing at that place, both named: left as it was
    const l = lines({ 5: '资金使用计划' }).filter((x) => x !== '七、项目实施计划' && x !== BODY.plan);
    expect(sectionsOf(l).map((s) => s.key)).toEqual(['name', 'basis', 'unit', 'overview', 'content', 'results']);
  });

  it('items numbered under a section are not sections (a sub-heading level)', () => {
    const l = lines({}, { 4: ['（一）资金保障', '县财政足额安排。'] }).filter((x) => x !== '六、资金安排情况' && x !== BODY.funding);
    expect(sectionsOf(l).map((s) => s.key)).not.toContain('funding');
  });

  it('in the label │ content form: the cell beside the heading is its text', () => {
    const rows = KEYS.map((k, i) => [`${CN[i]}、${i === 4 ? '主要内容' : STANDARD[i]}`, BODY[k]]);
    const [p] = readDisclosure(book(sheet('项目一', [['项目一'], ...rows]))).projects;
    const content = p!.sections.find((s) => s.key === 'content');
    expect(content).toMatchObject({ headingText: '五、主要内容', inferredFrom: '五、主要内容' });
    expect(content!.paragraphs.map((x) => [x.text, x.ref.col])).toEqual([[BODY.content, 1]]);
  });

  it('texts of another genre (three of the eight or fewer) keep their own headings', () => {
    const form = ['一、项目名称', BODY.name, '二、实施单位', BODY.unit, '三、项目资金', BODY.funding, '四、项目起止时间', '2024年'];
    expect(sectionsOf(form).map((s) => s.key)).toEqual(['name', 'unit', 'funding']);
  });
});
