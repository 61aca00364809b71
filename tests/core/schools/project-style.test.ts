/**
 * 新建项目表: the bureau's style detected from the existing projects (numbering, names, layout,
 * title digits) and the new sheet built in it; read back, the new project has its eight sections,
 * each empty (section-empty), none missing.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readXlsx } from '../../../src/hosts/xlsx/read';
import { buildDocument } from '../../../src/core/document';
import { checkWorkbook } from '../../../src/core/check';
import { detectProjectStyle, headingInStyle, newProjectSheet } from '../../../src/core/schools/project-style';
import { templateToSheet } from '../../../src/core/schools/template';
import type { SheetSnapshot, WorkbookSnapshot } from '../../../src/core/snapshot/types';

const seed = (f: string): WorkbookSnapshot => {
  const r = readXlsx(readFileSync(join(__dirname, '../../../seeds', f)));
  if (!r.ok) throw new Error('seed');
  return r.snapshot;
};

function sheetOf(name: string, lines: readonly (string | [string, string])[], index: number): SheetSnapshot {
  const cells = lines.flatMap((l, row) =>
    (typeof l === 'string' ? [l] : l).map((text, col) => ({ row, col, kind: 'text' as const, value: text, text })),
  );
  return { name, index, visibility: 'visible', cells, merges: [] };
}

const BUREAU_B = ['项目名称', '立项依据', '实施单位', '项目基本概况', '项目实施内容', '资金安排情况', '进度安排', '项目实施成效'];
function bureauB(n: number, index: number): SheetSnapshot {
  const lines = [`项目${n}`];
  BUREAU_B.forEach((l, i) => lines.push(`（${'一二三四五六七八'[i]}）${l}`, `第${n}个项目的${l}内容。`));
  return sheetOf(`项目${n}`, lines, index);
}

/** The workbook with the new sheet appended, read again. */
function withNewSheet(snapshot: WorkbookSnapshot) {
  const made = newProjectSheet(buildDocument(snapshot));
  const next: WorkbookSnapshot = { ...snapshot, sheets: [...snapshot.sheets, templateToSheet(made.template, snapshot.sheets.length)] };
  return { made, next, result: checkWorkbook({ snapshot: next }) };
}

describe('detectProjectStyle', () => {
  it('the sample: unnumbered standard headings, text under each, 项目十六 → 项目十七 on a sheet of its own', () => {
    const style = detectProjectStyle(buildDocument(seed('jiangchuan-2023.xlsx')));
    expect(style).toMatchObject({ numbering: 'none', layout: 'below', titleDigits: 'cn', sheetPerProject: true });
    expect(style.labels.unit).toBe('项目实施单位');
  });

  it('the two-column layout: the text beside its heading', () => {
    expect(detectProjectStyle(buildDocument(seed('jiangchuan-2023-two-column.xlsx'))).layout).toBe('beside');
  });

  it('a bureau writing （一）实施单位 … 进度安排 and 项目1, 项目2', () => {
    const style = detectProjectStyle(buildDocument({ sheets: [bureauB(1, 0), bureauB(2, 1)] }));
    expect(style).toMatchObject({ numbering: 'cn-paren', fullWidthParens: true, titleDigits: 'arabic', layout: 'below' });
    expect(style.labels.unit).toBe('实施单位');
    expect(style.labels.plan).toBe('进度安排');
    expect(headingInStyle(style, 3, style.labels.unit)).toBe('（三）实施单位');
  });

  it('headings numbered ① or Ⅰ、 are written in that style (新建项目表, 插入缺少的部分)', () => {
    expect(headingInStyle({ numbering: 'circled', fullWidthParens: true }, 3, '实施单位')).toBe('③实施单位');
    expect(headingInStyle({ numbering: 'roman', fullWidthParens: true }, 8, '实施成效')).toBe('Ⅷ、实施成效');
  });

  it('no projects: the standard form', () => {
    const style = detectProjectStyle(buildDocument({ sheets: [sheetOf('封面', ['江川区教育体育局2023年预算公开'], 0)] }));
    expect(style).toMatchObject({ numbering: 'cn-dun', layout: 'below', titleDigits: 'cn' });
    expect(style.labels.unit).toBe('项目实施单位');
  });
});

describe('newProjectSheet', () => {
  it('the sample: 项目十七 with the eight headings as the bureau writes them; read back: 17 projects, the new one all empty', () => {
    const { made, result } = withNewSheet(seed('jiangchuan-2023.xlsx'));
    expect(made.title).toBe('项目十七');
    expect(made.template.name).toBe('项目十七');
    const texts = made.template.cells.map((c) => c.value);
    expect(texts).toEqual([
      '项目十七',
      '项目名称',
      '立项依据',
      '项目实施单位',
      '项目基本概况',
      '项目实施内容',
      '资金安排情况',
      '项目实施计划',
      '项目实施成效',
    ]);
    const doc = result.document;
    expect(doc.projects).toHaveLength(17);
    const p = doc.projects[16]!;
    expect(p.title).toBe('项目十七');
    expect(p.sections.map((s) => s.key)).toEqual(['name', 'basis', 'unit', 'overview', 'content', 'funding', 'plan', 'results']);
    const mine = result.findings.filter((f) => f.sheet === '项目十七');
    expect(mine.filter((f) => f.rule === 'section-missing')).toEqual([]);
    // ready to fill: each of the eight sections empty, and (being empty) 资金安排情况 names no amount
    expect(mine.filter((f) => f.rule === 'section-empty')).toHaveLength(8);
    expect(new Set(mine.map((f) => f.rule))).toEqual(new Set(['section-empty', 'funding-amount-missing']));
  });

  it('bureau B: （一）项目名称 … （七）进度安排 on 项目3; read back as three projects', () => {
    const { made, result } = withNewSheet({ sheets: [bureauB(1, 0), bureauB(2, 1)] });
    expect(made.title).toBe('项目3');
    expect(made.template.cells.filter((c) => c.bold).map((c) => c.value)).toEqual([
      '项目3',
      '（一）项目名称',
      '（二）立项依据',
      '（三）实施单位',
      '（四）项目基本概况',
      '（五）项目实施内容',
      '（六）资金安排情况',
      '（七）进度安排',
      '（八）项目实施成效',
    ]);
    expect(result.document.projects).toHaveLength(3);
    expect(result.document.projects[2]!.sections).toHaveLength(8);
    expect(result.findings.filter((f) => f.sheet === '项目3' && f.rule === 'section-missing')).toEqual([]);
  });

  it('the two-column sample: headings in A, the text to fill in B', () => {
    const { made, result } = withNewSheet(seed('jiangchuan-2023-two-column.xlsx'));
    expect(made.template.cells.every((c) => c.col === 0)).toBe(true); // nothing written in B yet
    expect(made.template.cells.map((c) => c.row)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8]);
    expect(result.document.projects[16]!.sections).toHaveLength(8);
  });

  it('a taken sheet name gets a suffix', () => {
    const snap = seed('jiangchuan-2023.xlsx');
    const taken = { ...snap, sheets: [...snap.sheets, sheetOf('项目十七', [], snap.sheets.length)] };
    expect(newProjectSheet(buildDocument(taken)).template.name).toBe('项目十七 (2)');
  });
});
