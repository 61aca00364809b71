/**
 * Structure variants (issue 12 §1–3), each in the three layouts of real.ts: nested headings,
 * section names as bureaus write them, the ambiguous ones, projects found by their content,
 * unrecognised headings and the one-cause finding. Must-fire and must-not-fire side by side.
 * Bodies are the 苍溪 texts of cases.ts; the headings are the forms real texts use
 * (tests/fixtures/real).
 */
import { CN, NUTRITION, PRESCHOOL, REPAIR, type Expected, type ProjectText, type VariantCase } from './cases';
import { a1, sheet, workbook } from './build';
import { LAYOUTS, type LayoutName } from './real';

type Heading = string | null;

/** Lines of a project under the given headings (null: the section is left out), without a title. */
function linesOf(p: ProjectText, headings: readonly Heading[]): string[] {
  const out: string[] = [];
  p.bodies.forEach((b, i) => {
    const h = headings[i];
    if (h === null || h === undefined || b === null) return;
    out.push(h, ...b);
  });
  return out;
}

/**
 * The case in each layout. `expected` gets the sheet and the project label of that layout and
 * the lines as written in column A (for cells); a layout's cells differ, so most cases use '*'.
 */
function inLayouts(
  id: string,
  about: string,
  lines: readonly string[],
  expected: (sheet: string, project: string) => Expected[],
): VariantCase[] {
  return (Object.keys(LAYOUTS) as LayoutName[]).map((layout) => {
    const titled = layout === 'oneSheet' ? [...lines] : ['项目一', ...lines];
    const snapshot = LAYOUTS[layout]([{ id, sheetName: '项目一', lines: titled }]);
    const sheetName = layout === 'oneSheet' ? 'Sheet1' : '项目一';
    return {
      id: `structure-${id}-${layout}`,
      about: `${about} (${layout})`,
      snapshot,
      expected: expected(sheetName, '项目一'),
      projects: 1,
    };
  });
}

const dun = (i: number, label: string): string => `${CN[i]}、${label}`;

/** 四、项目基本情况 holding （一）项目概况 and （二）资金及项目绩效目标, the rest renumbered (七 sections at the top). */
function nested(
  p: ProjectText,
  sub: [string, string] = ['项目概况', '资金及项目绩效目标'],
  subNumbers: [string, string] = ['（一）', '（二）'],
): string[] {
  const [overview, funding] = [p.bodies[3]!, p.bodies[5]!];
  return [
    dun(0, '项目名称'),
    ...p.bodies[0]!,
    dun(1, '立项依据'),
    ...p.bodies[1]!,
    dun(2, '项目实施单位'),
    ...p.bodies[2]!,
    dun(3, '项目基本情况'),
    `${subNumbers[0]}${sub[0]}`,
    ...overview,
    `${subNumbers[1]}${sub[1]}`,
    ...funding,
    dun(4, '项目实施内容'),
    ...p.bodies[4]!,
    dun(5, '项目实施计划'),
    ...p.bodies[6]!,
    dun(6, '项目实施成效'),
    ...p.bodies[7]!,
  ];
}

export const STRUCTURE_CASES: VariantCase[] = [];

// ── must not fire ────────────────────────────────────────────────────────────────────────────

// Texts nest: a sub-heading naming the parent's section continues it, one naming another section is
// that section at its own level; numbering compared level by level.
STRUCTURE_CASES.push(
  ...inLayouts('nested-clean', '四、项目基本情况 over （一）项目概况 and （二）资金及项目绩效目标', nested(NUTRITION), () => []),
);
STRUCTURE_CASES.push(
  ...inLayouts(
    'nested-basic-info',
    '四、基本情况 over （一）项目基本概况 and （二）资金来源',
    nested(PRESCHOOL, ['项目基本概况', '资金来源']),
    () => [],
  ),
);
STRUCTURE_CASES.push(
  ...inLayouts(
    'nested-arabic',
    '四、项目基本情况 over 1.项目概况 and 2.预算安排',
    nested(REPAIR, ['项目概况', '预算安排'], ['1.', '2.']),
    () => [],
  ),
);

// Section names as bureaus write them (SPEC §2), numbered, each set a clean project.
const NAMES: readonly (readonly string[])[] = [
  ['项目名称', '政策依据', '实施主体', '项目概述', '主要实施内容', '预算安排', '时间安排', '预期效益'],
  ['项目名称', '项目依据', '项目单位', '项目情况', '项目内容', '资金来源', '实施进度', '实施效果'],
  ['项目名称', '立项依据', '实施单位', '基本情况', '实施内容', '资金使用', '进度安排', '预算支出绩效情况'],
  ['项目名称', '立项依据', '实施单位', '项目简介', '项目主要内容', '资金来源及安排', '实施进度计划', '预期成效'],
];
NAMES.forEach((names, k) => {
  STRUCTURE_CASES.push(
    ...inLayouts(
      `names-${k + 1}`,
      names.join('/'),
      linesOf(
        NUTRITION,
        names.map((n, i) => dun(i, n)),
      ),
      () => [],
    ),
  );
});

// 绩效目标 inside 资金及项目绩效目标 is not the results section; a sentence starting with a label is not a heading.
{
  const lines = nested(NUTRITION);
  lines.splice(lines.indexOf(NUTRITION.bodies[5]![0]!) + 1, 0, '项目绩效目标是保障农村义务教育学生营养膳食供给');
  STRUCTURE_CASES.push(
    ...inLayouts('ambiguous-performance-goal', '资金及项目绩效目标 (funding) and a sentence 项目绩效目标是…', lines, () => []),
  );
}

// Numbered items inside a section are content, 无 is content.
{
  const p: ProjectText = {
    ...NUTRITION,
    bodies: NUTRITION.bodies.map((b, i) =>
      i === 4
        ? ['（一）领导小组工作职责', '负责营养改善计划的统筹协调。', '（二）办公室工作职责', '1.制定工作方案', '2.组织检查验收']
        : i === 2
          ? ['无']
          : b,
    ),
  };
  STRUCTURE_CASES.push(
    ...inLayouts(
      'items-and-none',
      '（一）领导小组工作职责 / 1.制定工作方案 inside 项目实施内容; 无 as content',
      linesOf(
        p,
        NUTRITION.bodies.map((_, i) =>
          dun(
            i,
            ['项目名称', '立项依据', '项目实施单位', '项目基本概况', '项目实施内容', '资金安排情况', '项目实施计划', '项目实施成效'][i]!,
          ),
        ),
      ),
      () => [],
    ),
  );
}

// Projects found by their content: sheets named 生均公用经费 / 保安服务 / Sheet1, no 项目一 line; and the
// three one after another on one sheet (split where 项目名称 starts again).
{
  const std = ['项目名称', '立项依据', '项目实施单位', '项目基本概况', '项目实施内容', '资金安排情况', '项目实施计划', '项目实施成效'];
  const texts = [NUTRITION, REPAIR, PRESCHOOL].map((p) =>
    linesOf(
      p,
      std.map((n, i) => dun(i, n)),
    ),
  );
  const names = ['生均公用经费', '保安服务', 'Sheet1'];
  STRUCTURE_CASES.push({
    id: 'structure-by-content-perSheet',
    about: 'three projects without 项目N lines on sheets 生均公用经费 / 保安服务 / Sheet1',
    snapshot: LAYOUTS.perSheet(texts.map((lines, i) => ({ id: names[i]!, sheetName: names[i]!, lines }))),
    expected: [],
    projects: 3,
  });
  STRUCTURE_CASES.push({
    id: 'structure-by-content-twoColumn',
    about: 'the same as forms',
    snapshot: LAYOUTS.twoColumn(texts.map((lines, i) => ({ id: names[i]!, sheetName: names[i]!, lines }))),
    expected: [],
    projects: 3,
  });
  STRUCTURE_CASES.push({
    id: 'structure-by-content-oneSheet',
    about: 'the three one after another on one sheet, no title line at all',
    snapshot: workbook(
      sheet(
        'Sheet1',
        texts.flat().map((l) => [l]),
      ),
    ),
    expected: [],
    projects: 3,
  });
}

// ── must fire ────────────────────────────────────────────────────────────────────────────────

// A sub-heading numbered wrong is measured against its siblings, not against the standard position.
STRUCTURE_CASES.push(
  ...inLayouts(
    'nested-number-wrong',
    '（三）资金及项目绩效目标 as the second sub-heading',
    nested(NUTRITION, undefined, ['（一）', '（三）']),
    (sheet, project) => [{ rule: 'heading-numbering', sheet, cell: '*', project }],
  ),
);

// The same section twice at the top level is still a duplicate.
STRUCTURE_CASES.push(
  ...inLayouts(
    'nested-duplicate',
    'a second 项目名称 at the top level',
    [...nested(NUTRITION), '八、项目名称', '农村义务教育学生营养改善计划（续）'],
    (sheet, project) => [
      // one finding: section-order leaves a repeated section to section-duplicate
      { rule: 'section-duplicate', sheet, cell: '*', project },
    ],
  ),
);

// A heading that names no standard section, and whose words do not name the missing one: the finding names it
// (and offers the mapping); the section stays missing.
{
  const names = ['项目名称', '立项依据', '项目实施单位', '项目基本概况', '项目实施内容', '保障措施', '项目实施计划', '项目实施成效'];
  STRUCTURE_CASES.push(
    ...inLayouts(
      'unrecognised-funding',
      '六、保障措施: 资金安排情况 missing, the heading named',
      linesOf(
        NUTRITION,
        names.map((n, i) => dun(i, n)),
      ),
      (sheet, project) => [{ rule: 'section-missing', sheet, cell: '*', project }],
    ),
  );
}

// Headings of the bureau's own whose words name the missing sections at their place (六、资金保障 between 实施内容
// and 实施计划; 四、项目背景, 五、主要工作任务): read as those sections (a 提示 says so), nothing to flag.
{
  const names = ['项目名称', '立项依据', '项目实施单位', '项目背景', '主要工作任务', '资金保障', '项目实施计划', '项目实施成效'];
  STRUCTURE_CASES.push(
    ...inLayouts(
      'inferred-own-names',
      '四、项目背景, 五、主要工作任务, 六、资金保障: read as the sections they stand for',
      linesOf(
        NUTRITION,
        names.map((n, i) => dun(i, n)),
      ),
      () => [],
    ),
  );
}

// One cause, one finding: a text in another form (three of the eight recognised).
{
  const lines = [
    dun(0, '项目名称'),
    ...NUTRITION.bodies[0]!,
    dun(1, '自评结论'),
    '自评得分95分，自评结果为“优秀”。',
    dun(2, '资金安排情况'),
    ...NUTRITION.bodies[5]!,
    dun(3, '存在的问题及原因分析'),
    '无。',
    dun(4, '项目实施成效'),
    ...NUTRITION.bodies[7]!,
  ];
  STRUCTURE_CASES.push(
    ...inLayouts('not-standard-form', 'three of the eight, other headings: one finding', lines, (sheet, project) => [
      { rule: 'section-missing', sheet, cell: sheet === 'Sheet1' ? 'A1' : a1(0), project },
    ]),
  );
}
