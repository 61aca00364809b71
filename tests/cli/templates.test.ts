/**
 * `--new-project-sheet` and `--school-table-to SHEET` (issue 15): the copy gets the next project's sheet
 * in the workbook's style, or the school table written below a project's text; the check runs on the
 * copy (the new project's eight sections each `section-empty`; the table read as that project's); a
 * table that would cover a cell with content is refused in one sentence and nothing is written; the
 * input is never written. In-process through `run`.
 */
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseArgs } from '../../src/cli/args';
import { HELP } from '../../src/cli/help';
import { checkWorkbook } from '../../src/core/check';
import { cliOver, snapshotOf } from './in-process';
import { tempDir } from './fixtures';
import { sampleWithListBytes } from '../core/schools/list-fixtures';

let dir: string;
let input: string;

beforeAll(() => {
  dir = tempDir();
  input = join(dir, '江川区2023.xlsx');
  writeFileSync(input, sampleWithListBytes());
});

const cli = cliOver(() => input);

describe('--new-project-sheet', () => {
  it('adds 项目十七 with the eight headings to the copy; the check reads it with eight empty sections', async () => {
    const out = join(dir, 'new-project.xlsx');
    const r = await cli([input, '--new-project-sheet', '--out', out]);
    expect(r.code).toBe(1); // the sample's own errors remain
    expect(r.stdout).toContain('已新建工作表“项目十七”：标题和 8 个部分的标题，各部分待填写');
    const lines = r.stdout.split('\n').filter((l) => l.includes('项目十七!'));
    expect(lines.filter((l) => l.includes('[部分无内容]'))).toHaveLength(8);
    expect(lines.some((l) => l.includes('缺少部分'))).toBe(false);
    const snap = snapshotOf(out);
    const sheet = snap.sheets.find((s) => s.name === '项目十七')!;
    expect(sheet.cells.map((c) => c.text)).toEqual([
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
    const result = checkWorkbook({ snapshot: snap });
    const p = result.document.projects.find((x) => x.ref.sheet === '项目十七')!;
    expect(p.title).toBe('项目十七');
    expect(p.sections).toHaveLength(8);
  });

  it('in JSON the report says which sheet was added; in English too', async () => {
    const out = join(dir, 'new-project-en.xlsx');
    const r = await cli([input, '--new-project-sheet', '--out', out, '--format', 'json', '--lang', 'en']);
    const rep = JSON.parse(r.stdout) as { reports: { projectSheet?: unknown }[] };
    expect(rep.reports[0]!.projectSheet).toEqual({ sheet: '项目十七', headings: 8 });
    const t = await cli([input, '--new-project-sheet', '--out', out, '--lang', 'en']);
    expect(t.stdout).toContain('sheet "项目十七" added: the title and 8 section headings, each left to fill in');
  });

  it('needs --out (one sentence, nothing written)', () => {
    const p = parseArgs([input, '--new-project-sheet']);
    expect(p.ok).toBe(false);
    if (!p.ok) expect(p.error.zh).toMatch(/^--new-project-sheet .*需要同时指定 --out/);
  });
});

describe('--school-table-to', () => {
  it('writes the table two rows below 项目十六’s text; the re-check reads it as 项目十六’s table', async () => {
    const out = join(dir, 'into.xlsx');
    const r = await cli([input, '--school-table-from', '保安名单', '--school-table-to', '项目十六', '--out', out]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('已在工作表“项目十六”第 19 行起生成学校明细表：29 所学校，27 所已从学校名册填入代码，2 所未能匹配');
    const before = snapshotOf(input).sheets.find((s) => s.name === '项目十六')!;
    const snap = snapshotOf(out);
    expect(snap.sheets.map((s) => s.name)).not.toContain('学校明细表');
    const sheet = snap.sheets.find((s) => s.name === '项目十六')!;
    // every cell the sheet had is kept as it was; the table starts at A19 (row 17 is the last used)
    for (const c of before.cells) expect(sheet.cells.find((x) => x.row === c.row && x.col === c.col)?.text).toBe(c.text);
    expect(Math.max(...before.cells.filter((c) => c.text !== '').map((c) => c.row))).toBe(16);
    expect(sheet.cells.find((c) => c.row === 18 && c.col === 0)?.text).toBe('学校代码（10位代码）');
    const result = checkWorkbook({ snapshot: snap });
    const p16 = result.document.projects.findIndex((x) => x.ref.sheet === '项目十六');
    const tables = result.document.tables.filter((t) => t.sheet === '项目十六');
    expect(tables).toHaveLength(1);
    expect(tables[0]!.project).toBe(p16);
    expect(tables[0]!.rows).toHaveLength(29);
    const onTable = result.findings.filter((f) => f.sheet === '项目十六' && f.row >= 18);
    expect(new Set(onTable.map((f) => f.rule))).toEqual(new Set(['school-code-missing']));
  });

  it('a sheet that does not exist: one sentence, no copy', async () => {
    const out = join(dir, 'no-sheet.xlsx');
    const r = await cli([input, '--school-table-from', '保安名单', '--school-table-to', '项目九十', '--out', out]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('无法生成学校明细表：没有工作表“项目九十”');
    expect(existsSync(out)).toBe(false);
  });

  it('needs --school-table-from', () => {
    const p = parseArgs([input, '--school-table-to', '项目十六', '--out', 'x.xlsx']);
    expect(p.ok).toBe(false);
    if (!p.ok) expect(p.error.en).toBe('--school-table-to says which sheet the school table goes into: give --school-table-from too');
  });
});

it('--help documents both options, in Chinese and English', () => {
  expect(HELP).toMatch(/--school-table-to SHEET {2}与 --school-table-from 一起使用/);
  expect(HELP).toContain('With --school-table-from: write the table into SHEET');
  expect(HELP).toMatch(/--new-project-sheet {6}在副本中新建下一个项目的工作表/);
  expect(HELP).toContain("Add the next project's sheet to the copy");
});
