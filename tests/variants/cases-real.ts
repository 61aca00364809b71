/**
 * Variant cases built from real published texts of other bureaus (tests/fixtures/real/*.txt, each
 * citing its source and what it teaches), in the three layouts of real.ts. What an auditor finds
 * in them must be found; where they are clean, nothing may be raised. A text that is not a
 * project on its own sheet must be reported as skipped with its reason, never as a pass.
 */
import type { Expected, VariantCase } from './cases';
import { sheet, workbook } from './build';
import { LAYOUTS, realText, type LayoutName } from './real';
import { EXPLANATION_HEADER, EXPLANATION_SHEET } from '../../src/core/report/explanations';
import { headingMapEntry } from '../../src/core/disclosure/heading-map';
import type { WorkbookSnapshot } from '../../src/core/snapshot/types';

/** id → the sheet the text goes on in the sheet-per-text layouts (named as a bureau would). */
export const REAL_TEXTS: readonly (readonly [id: string, sheetName: string])[] = [
  ['leiyang-4zhong-selfeval', '生均公用经费'],
  ['changning-1xiao-selfeval', '教育专项工作经费'],
  ['honghe-data-selfeval', 'Sheet3'],
  ['ningxiang-batang-target-form', '镇域内基础设施建设'],
  ['qingshan-edu-target-form', '基础设施建设'],
  ['jianchuan-canteens-news', '食堂建设'],
];

const text = (id: string) => realText(id, REAL_TEXTS.find(([x]) => x === id)![1]);

/** The label a project found by its content carries: its 项目名称, else the line above its text. */
const LABEL: Readonly<Record<string, string>> = {
  'leiyang-4zhong-selfeval': '耒阳市第四中学专项资金绩效自评价报告',
  'ningxiang-batang-target-form': '镇域内基础设施建设',
  'qingshan-edu-target-form': '教育系统基础设施建设和设备购置',
};

/** What a text gives in one layout. `project`: the label findings carry (the layout decides it). */
interface Outcome {
  readonly expected: (project: string, sheet: string) => Expected[];
  /** In the sheet-per-text layouts: not a project, skipped for this reason. */
  readonly skipped?: string;
}

const LEIYANG: Outcome = {
  // the self-evaluation form is not the eight-section form: one finding, at the project
  expected: (project, sheet) => [{ rule: 'section-missing', sheet, cell: sheet === 'Sheet1' ? 'A1' : 'A2', project }],
};
/** Not a project on its own; under a 项目N title, a project not in the eight-section form. */
const NOT_A_PROJECT = (reason: string): Outcome => ({
  skipped: reason,
  expected: (project) => [{ rule: 'section-missing', sheet: 'Sheet1', cell: 'A1', project }],
});

const OUTCOMES: Readonly<Record<string, Outcome>> = {
  'leiyang-4zhong-selfeval': LEIYANG,
  'changning-1xiao-selfeval': NOT_A_PROJECT('few-sections'),
  'honghe-data-selfeval': NOT_A_PROJECT('few-sections'),
  // 项目名称, 实施单位 and (the form's funding row) 项目资金: a project, not in the eight-section form
  'qingshan-edu-target-form': {
    expected: (project, sheet) => [{ rule: 'section-missing', sheet, cell: sheet === 'Sheet1' ? 'A1' : 'A3', project }],
  },
  'jianchuan-canteens-news': NOT_A_PROJECT('no-sections'),
  // the form lacks 项目实施内容 and (under its own label 资金总额及构成) 资金安排情况, and puts 立项依据 after 项目概况
  'ningxiang-batang-target-form': {
    expected: (project, sheet) => [
      { rule: 'section-missing', sheet, cell: '*', project },
      { rule: 'section-order', sheet, cell: '*', project },
    ],
  },
};

/** Layouts whose case is pending (pending.ts says why). */
export const REAL_PENDING: ReadonlySet<string> = new Set<string>([]);

function caseFor(id: string, layout: LayoutName): VariantCase {
  const t = text(id);
  const outcome = OUTCOMES[id]!;
  const snapshot = LAYOUTS[layout]([t]);
  const onOwnSheet = layout !== 'oneSheet';
  const base = { id: `real-${id}-${layout}`, about: `${id} (${layout})`, snapshot };
  if (onOwnSheet && outcome.skipped) {
    return { ...base, expected: [], projects: 0, tables: 0, skipped: [{ sheet: t.sheetName, reason: outcome.skipped }] };
  }
  const sheet = onOwnSheet ? t.sheetName : 'Sheet1';
  const project = onOwnSheet ? LABEL[id]! : '项目一';
  return { ...base, expected: outcome.expected(project, sheet), projects: 1 };
}

/** The mapping 资金总额及构成 → 资金安排情况 stored in the workbook, as the pane stores it. */
function withStoredMapping(
  snapshot: WorkbookSnapshot,
  label: string,
  section: 'funding',
  place: { sheet: string; cell: string },
): WorkbookSnapshot {
  const e = headingMapEntry(label, section, place);
  const rows = [[...EXPLANATION_HEADER], [e.key, e.rule, e.sheet, e.cell, e.text, '']];
  const hidden = { ...sheet(EXPLANATION_SHEET, rows), visibility: 'veryHidden' as const };
  return workbook(...snapshot.sheets.map(({ index: _i, ...s }) => s), hidden);
}

function build(): VariantCase[] {
  const out: VariantCase[] = [];
  for (const [id] of REAL_TEXTS) {
    for (const layout of Object.keys(LAYOUTS) as LayoutName[]) out.push(caseFor(id, layout));
  }

  // every text in one workbook, a sheet each: the three projects are checked, the three others are listed as skipped
  const all = REAL_TEXTS.map(([id]) => text(id));
  out.push({
    id: 'real-all-perSheet',
    about: 'the six real texts, a sheet each',
    snapshot: LAYOUTS.perSheet(all),
    expected: [
      ...LEIYANG.expected('耒阳市第四中学专项资金绩效自评价报告', '生均公用经费'),
      { rule: 'section-missing', sheet: '镇域内基础设施建设', cell: '*', project: '镇域内基础设施建设' },
      { rule: 'section-order', sheet: '镇域内基础设施建设', cell: '*', project: '镇域内基础设施建设' },
      { rule: 'section-missing', sheet: '基础设施建设', cell: 'A3', project: '教育系统基础设施建设和设备购置' },
    ],
    projects: 3,
    skipped: [
      { sheet: '教育专项工作经费', reason: 'few-sections' },
      { sheet: 'Sheet3', reason: 'few-sections' },
      { sheet: '食堂建设', reason: 'no-sections' },
    ],
  });

  // the form's own funding label mapped to 资金安排情况 (stored in the workbook): funding found, its
  // amounts add up (10606.7522 = 6923.3552 + 0 + 3683.3970); 项目实施内容 is still missing
  for (const layout of Object.keys(LAYOUTS) as LayoutName[]) {
    const t = text('ningxiang-batang-target-form');
    const sheetName = layout === 'oneSheet' ? 'Sheet1' : t.sheetName;
    const project = layout === 'oneSheet' ? '项目一' : LABEL['ningxiang-batang-target-form']!;
    out.push({
      id: `real-ningxiang-mapped-${layout}`,
      about: `宁乡 form with 资金总额及构成 mapped to 资金安排情况 (${layout})`,
      snapshot: withStoredMapping(LAYOUTS[layout]([t]), '资金总额及构成', 'funding', { sheet: sheetName, cell: 'A8' }),
      expected: [
        { rule: 'section-missing', sheet: sheetName, cell: '*', project },
        // 项目概况 and 项目立项的依据 both stand after 资金总额及构成 now
        { rule: 'section-order', sheet: sheetName, cell: '*', project },
        { rule: 'section-order', sheet: sheetName, cell: '*', project },
      ],
      projects: 1,
    });
  }
  return out;
}

const BUILT = build();
export const REAL_CASES: VariantCase[] = BUILT.filter((c) => !REAL_PENDING.has(c.id));
export const REAL_PENDING_CASES: VariantCase[] = BUILT.filter((c) => REAL_PENDING.has(c.id));
