import { describe, expect, it } from 'vitest';
import { aliasTable, matchHeading, matchTitle, readDisclosure } from '../../../src/core/disclosure/index';
import { book, column, sheet } from './helpers';

const table = aliasTable();

describe('matchHeading: circled and Roman numbers that are not headings', () => {
  it.each([
    '①教师培训；②设备购置',
    '1项目名称',
    'IIII、项目名称',
    'VV、项目名称',
    'Ⅰ级资金安排情况说明文字很长的一句话，不是标题。',
    '②购置设备200台',
  ])('%s', (line) => {
    const m = matchHeading(line, table);
    expect(m === null || m.numbering.style === 'none').toBe(true);
  });
});

describe('matchHeading: numbering styles, punctuation, spaces', () => {
  it.each([
    ['一、项目名称', 'name', 'cn-dun', 1, '一、'],
    ['一、  项目名称', 'name', 'cn-dun', 1, '一、'],
    ['二.立项依据', 'basis', 'cn-dun', 2, '二.'],
    ['（三）项目实施单位', 'unit', 'cn-paren', 3, '（三）'],
    ['(四) 项目基本概况', 'overview', 'cn-paren', 4, '(四)'],
    ['5.项目实施内容', 'content', 'arabic-dot', 5, '5.'],
    ['６．资金安排情况', 'funding', 'arabic-dot', 6, '６．'],
    ['7、项目实施计划', 'plan', 'arabic-dun', 7, '7、'],
    ['（8）项目实施成效', 'results', 'arabic-paren', 8, '（8）'],
    ['①项目名称', 'name', 'circled', 1, '①'],
    ['  ⑧、项目实施成效', 'results', 'circled', 8, '⑧、'],
    ['Ⅱ、立项依据', 'basis', 'roman', 2, 'Ⅱ、'],
    ['Ⅳ.项目基本概况', 'overview', 'roman', 4, 'Ⅳ.'],
    ['VIII. 项目实施成效', 'results', 'roman', 8, 'VIII.'],
    ['ＩＸ、项目实施成效', 'results', 'roman', 9, 'ＩＸ、'],
    ['项目实施成效', 'results', 'none', null, ''],
    ['  资金安排情况：', 'funding', 'none', null, ''],
    ['项 目 名 称', 'name', 'none', null, ''],
  ])('%s', (line, key, style, value, raw) => {
    const m = matchHeading(line, table);
    expect(m).not.toBeNull();
    expect(m!.key).toBe(key);
    expect(m!.numbering).toEqual({ style, value, raw });
    expect(m!.rest).toBeUndefined();
  });

  it.each([
    ['实施单位', 'unit'],
    ['项目概况', 'overview'],
    ['基本概况', 'overview'],
    ['实施内容', 'content'],
    ['资金安排', 'funding'],
    ['资金来源及安排', 'funding'],
    ['实施计划', 'plan'],
    ['进度安排', 'plan'],
    ['实施成效', 'results'],
    ['预期成效', 'results'],
    ['绩效目标', 'results'],
  ])('alias %s → %s', (label, key) => {
    expect(matchHeading(label, table)?.key).toBe(key);
  });

  // the part names of real 批复 and forms (tests/fixtures/real: linyi-fuxiao-target-form, hanbin-shaba-school-approval,
  // yangling-schools-proposal-approval, longling-longshan-field-approval), as published
  it.each([
    ['项目总体情况', 'overview'],
    ['项目资金申请（万元）', 'funding'],
    ['一、项目建设内容及规模', 'content'],
    ['三、建设年限：2008年-2009年', 'plan'],
    ['二、项目建设单位：杨陵区教育局。', 'unit'],
    ['四、项目匡算投资及资金来源：项目匡算总投资约603万元，资金来源全部为省厅补助资金予以解决。', 'funding'],
    ['五、建设期限： 2021年4月—2021年12月。', 'plan'],
    ['五、项目建设时间：2018年6月开工，2019年3月完工。', 'plan'],
  ])('real part name %s → %s', (line, key) => {
    expect(matchHeading(line, table)?.key).toBe(key);
  });

  it('takes the content after a colon, with its offset in the line', () => {
    const m = matchHeading('三、项目实施单位：  玉溪市江川区教育体育局', table);
    expect(m).toMatchObject({ key: 'unit', label: '项目实施单位', rest: { text: '玉溪市江川区教育体育局', offset: 11 } });
    expect(matchHeading('实施单位:局党建办', table)?.rest).toEqual({ text: '局党建办', offset: 5 });
  });

  it.each([
    '（一）领导小组工作职责',
    '1.制定区级实施工作方案和实施细则。',
    '（1）组织党员培训',
    '项目名称变更情况说明',
    '资金安排情况如下，共计10万元',
    '本项目资金安排情况良好',
    '2、利用寒暑假开展培训',
    '',
  ])('is not a heading: %s', (line) => {
    expect(matchHeading(line, table)).toBeNull();
  });

  it('takes the content after a gap of spaces or a tab', () => {
    expect(matchHeading('项目名称   党费返还款专项经费', table)).toMatchObject({
      key: 'name',
      label: '项目名称',
      rest: { text: '党费返还款专项经费', offset: 7 },
    });
    expect(matchHeading('一、项目名称\t国家义务', table)).toMatchObject({
      key: 'name',
      numbering: { raw: '一、' },
      rest: { text: '国家义务', offset: 7 },
    });
    expect(matchHeading('   开展第37届科技创新活动5000元', table)).toBeNull();
  });

  it('reads a heading with a remark in brackets, and a colon inside the brackets', () => {
    expect(matchHeading('六、资金安排情况（单位：万元）', table)).toMatchObject({ key: 'funding', label: '资金安排情况（单位：万元）' });
    expect(matchHeading('六、资金安排情况（单位：万元）：共10万元', table)?.rest).toEqual({ text: '共10万元', offset: 16 });
    expect(matchHeading('项目名称：甲（乙：丙）', table)?.rest?.text).toBe('甲（乙：丙）');
  });

  it('reads configured aliases, and they win over the defaults', () => {
    const t = aliasTable({ 项目绩效: 'results', 实施内容: 'plan' });
    expect(matchHeading('八、项目绩效', t)?.key).toBe('results');
    expect(matchHeading('实施内容', t)?.key).toBe('plan');
    expect(matchHeading('八、项目绩效', table)).toBeNull();
  });
});

describe('matchTitle', () => {
  it.each([
    ['项目一', 1, '项目一'],
    ['项目十一', 11, '项目十一'],
    ['项目 3', 3, '项目3'],
    ['项目３', 3, '项目3'],
    ['项目一：国家义务教育优质均衡评估专项经费', 1, '项目一'],
    ['项目二十 党费', 20, '项目二十'],
    ['  项目十六  ', 16, '项目十六'],
    ['项目（三）', 3, '项目三'],
    ['项目(12)：x', 12, '项目12'],
  ])('%s', (line, number, label) => {
    expect(matchTitle(line)).toMatchObject({ number, label });
  });

  it.each(['项目名称', '项目实施单位', '项目一期工程已完工', '项目', '项目一：本项目于2023年完成。资金10万元。', '一、项目名称'])(
    'is not a title: %s',
    (line) => {
      expect(matchTitle(line)).toBeNull();
    },
  );
});

describe('readDisclosure: headings in context', () => {
  it('reads a heading with its content in the next column or after a colon', () => {
    const r = readDisclosure(
      book(sheet('S', [['项目七'], ['一、项目名称：科技创新奖励专项资金'], ['三、项目实施单位', '玉溪市江川区青少年学生校外活动中心']])),
    );
    const [name, unit] = r.projects[0]!.sections;
    expect(name!.paragraphs).toEqual([{ text: '科技创新奖励专项资金', ref: { sheet: 'S', row: 1, col: 0 }, offset: 7 }]);
    expect(r.projects[0]!.name).toBe('科技创新奖励专项资金');
    expect(unit!.paragraphs).toEqual([{ text: '玉溪市江川区青少年学生校外活动中心', ref: { sheet: 'S', row: 2, col: 1 }, offset: 0 }]);
  });

  it('reads a whole project pasted into one multi-line cell', () => {
    const r = readDisclosure(book(sheet('S', [['项目八\n一、项目名称\n培训经费\n六、资金安排情况\n1万元']])));
    expect(r.projects[0]!.sections.map((s) => [s.key, s.paragraphs.map((p) => [p.text, p.offset])])).toEqual([
      ['name', [['培训经费', 11]]],
      ['funding', [['1万元', 25]]],
    ]);
  });

  it('uses configured aliases through the options', () => {
    const r = readDisclosure(book(column('S', ['项目一', '项目绩效', '完成'])), { sectionAliases: { 项目绩效: 'results' } });
    expect(r.projects[0]!.sections.map((s) => [s.key, s.label])).toEqual([['results', '项目绩效']]);
  });
});

// A bare number and a space (`3 建设规模及内容`): a copy of a 批复 or a form that lost its 、 (a PDF's text, a form's label
// cell). Built from 龙陵's 立项批复 (tests/fixtures/real/longling-longshan-field-approval.txt,
// https://longling.gov.cn/info/8506/1450899.htm), its parts numbered `1 `…`6 ` instead of `一、`…`六、`.
describe('headings numbered by a bare number and a space', () => {
  const LONGLING = [
    '龙山镇中心学校：',
    '1 为切实改善办学条件，提高教育教学质量，同意立项建设龙山镇中心学校运动场厕所及附属工程建设项目。',
    '2 建设地点：龙山镇中心学校校园内。',
    '3 建设规模及内容：新建运动场7332平方米。',
    '4 总投资及资金来源：项目估算总投资680万元。',
    '5 项目建设时间：2018年6月开工，2019年3月完工。',
  ];

  it('reads them where the sheet numbers two or more of its headings so, counting the numbered sentences before', () => {
    const doc = readDisclosure(book(column('运动场', LONGLING)));
    const p = doc.projects[0]!;
    expect(p.sections.map((s) => [s.key, s.numbering.style, s.numbering.value, s.numbering.raw])).toEqual([
      ['content', 'arabic-space', 3, '3'],
      ['funding', 'arabic-space', 4, '4'],
      ['plan', 'arabic-space', 5, '5'],
    ]);
    // the section's text is what follows the label
    expect(p.sections[1]!.paragraphs[0]!.text).toBe('项目估算总投资680万元。');
    expect(p.outline?.filter((h) => h.item === true).map((h) => h.numbering.raw)).toEqual(['1', '2']);
  });

  it('never reads a figure (`1 100万元`, `3 017人`) nor a line whose words are no label', () => {
    for (const line of ['1 100万元', '3 017人', '2 建设地点：龙山镇中心学校校园内。', '1 项目名称国家义务教育']) {
      expect(matchHeading(line, table)).toBeNull();
    }
  });

  it('does not read one such line alone among headings numbered otherwise (a line of a list)', () => {
    const doc = readDisclosure(
      book(
        column('Sheet1', [
          '项目一',
          '一、项目名称',
          '学生资助',
          '二、立项依据',
          '1 项目实施单位 由各校负责',
          '三、项目实施单位',
          '县教育局',
        ]),
      ),
    );
    const p = doc.projects[0]!;
    expect(p.sections.map((s) => s.key)).toEqual(['name', 'basis', 'unit']);
    expect(p.sections[1]!.paragraphs.map((x) => x.text)).toContain('1 项目实施单位 由各校负责');
  });

  // 青山's 绩效目标表 2021 (tests/fixtures/real/qingshan-bogai-target-form-2021.txt), its first label numbered `1 `
  it("reads one alone in a form's label cell, its content beside it", () => {
    const doc = readDisclosure(
      book(
        sheet('绩效目标表', [
          ['1 项目名称', '农村义务教育薄弱学校改造补助资金'],
          ['项目执行单位', '化工区学校'],
          ['资金情况', '年度资金总额：16'],
          ['总体目标', '年度目标：全面改善农村义务教育薄弱学校办学条件，扩大基础教育资源，进一步提高义务教育均衡发展水平。'],
        ]),
      ),
    );
    const p = doc.projects[0]!;
    expect(p.sections.map((s) => [s.key, s.numbering.style])).toEqual([
      ['name', 'arabic-space'],
      ['unit', 'none'],
      ['funding', 'none'],
      ['results', 'none'],
    ]);
  });
});
