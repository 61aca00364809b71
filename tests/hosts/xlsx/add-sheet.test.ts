/**
 * The generated school table written into an .xlsx as a patch of the original package (issue 15):
 * every other entry keeps its bytes, the new sheet reads back as a standard table with text codes,
 * merged headers and SUM formulas whose cached values are right, and a re-check finds on it only the
 * schools the registry could not resolve. LibreOffice opens the copy (CSV of every sheet, and a
 * re-save that our reader and checker read again).
 */
import { execFile, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addMergeCells, addTemplateSheet, sheetNames, TargetNotEmpty, writeTemplateInto } from '../../../src/hosts/xlsx/add-sheet';
import { newProjectSheet } from '../../../src/core/schools/project-style';
import { buildDocument } from '../../../src/core/document';
import { readXlsx } from '../../../src/hosts/xlsx/read';
import { planSchoolTable, type SchoolTablePlan } from '../../../src/core/schools/from-list';
import { checkWorkbook } from '../../../src/core/check';
import type { WorkbookSnapshot } from '../../../src/core/snapshot/types';
import { rawEntries, sheetParts, text } from './annotate-helpers';
import { county300, sampleListRows, valuesBlock } from '../../core/schools/list-fixtures';

function read(bytes: Uint8Array): WorkbookSnapshot {
  const r = readXlsx(bytes);
  if (!r.ok) throw new Error(r.error.messageFor('en'));
  return r.snapshot;
}

function plan(snapshot: WorkbookSnapshot, sheet: string): SchoolTablePlan {
  const r = planSchoolTable(snapshot, { sheet });
  if (!r.ok) throw new Error(r.message.en);
  return r.plan;
}

const sample = new Uint8Array(readFileSync('seeds/jiangchuan-2023.xlsx'));
const withList = addTemplateSheet(sample, valuesBlock('保安名单', sampleListRows()));
const listSnap = read(withList);
const samplePlan = plan(listSnap, '保安名单');
const copy = addTemplateSheet(withList, { name: samplePlan.sheetName, ...samplePlan.template });
// the table below 项目十六's text, and 新建项目表's sheet (no frame), as the CLI and the page write them
const intoPlan = (() => {
  const r = planSchoolTable(listSnap, { sheet: '保安名单' }, { into: '项目十六' });
  if (!r.ok) throw new Error(r.message.en);
  return r.plan;
})();
const into = writeTemplateInto(withList, '项目十六', intoPlan.template);
const project = newProjectSheet(buildDocument(listSnap));
const withProject = addTemplateSheet(withList, { ...project.template, frame: false });

describe('addTemplateSheet', () => {
  it('patches the package: only the sheet list, its rels, the content types and styles.xml change; one part is added', () => {
    const before = rawEntries(withList);
    const after = rawEntries(copy);
    const changed = [...before.keys()].filter((k) => {
      const a = before.get(k)!;
      const b = after.get(k)!;
      return a.raw.length !== b.raw.length || a.raw.some((x, i) => x !== b.raw[i]);
    });
    expect(changed.sort()).toEqual(['[Content_Types].xml', 'xl/_rels/workbook.xml.rels', 'xl/styles.xml', 'xl/workbook.xml']);
    expect([...after.keys()].filter((k) => !before.has(k))).toEqual(['xl/worksheets/sheet20.xml']);
    expect(sheetNames(copy).slice(-2)).toEqual(['保安名单', '学校明细表']);
  });

  it('reads back: text codes (@), merged headers, SUM formulas with their cached values', () => {
    const sheet = read(copy).sheets.find((s) => s.name === '学校明细表')!;
    const at = (a1r: number, c: number) => sheet.cells.find((x) => x.row === a1r && x.col === c);
    expect(at(9, 0)).toMatchObject({ kind: 'text', value: '2153005307', numFmt: '@' });
    expect(at(9, 1)).toMatchObject({ value: '玉溪市江川区大街街道大街小学' });
    expect(at(4, 4)).toMatchObject({ kind: 'number', value: 730.08, formula: 'SUM(E6:E34)', text: '730.08' });
    expect(at(5, 4)).toMatchObject({ value: 59.28, formula: 'SUM(F6:J6)' });
    expect(sheet.merges).toContainEqual({ top: 0, left: 2, bottom: 0, right: 9 });
    expect(sheet.merges).toContainEqual({ top: 1, left: 4, bottom: 1, right: 9 });
  });

  it('a re-check of the copy finds on the new sheet only the two schools the registry cannot resolve', () => {
    const found = checkWorkbook({ snapshot: read(copy) }).findings.filter((f) => f.sheet === '学校明细表');
    expect(found.filter((f) => f.rule === 'school-code-missing').map((f) => f.cell)).toEqual(['A33', 'A34']);
    expect(found.every((f) => /^[AB]3[34]$/.test(f.cell))).toBe(true);
  });

  it('a second table is 学校明细表2, and the first is kept', () => {
    const p2 = plan(read(copy), '保安名单');
    expect(p2.sheetName).toBe('学校明细表2');
    const twice = addTemplateSheet(copy, { name: p2.sheetName, ...p2.template });
    expect(sheetNames(twice).slice(-2)).toEqual(['学校明细表', '学校明细表2']);
    expect(() => addTemplateSheet(copy, { name: '学校明细表', ...p2.template })).toThrow();
  });
});

describe('writeTemplateInto (the table below a project’s text)', () => {
  it('patches the package: only that sheet’s part and styles.xml change; nothing is added', () => {
    const before = rawEntries(withList);
    const after = rawEntries(into);
    const changed = [...before.keys()].filter((k) => {
      const a = before.get(k)!;
      const b = after.get(k)!;
      return a.raw.length !== b.raw.length || a.raw.some((x, i) => x !== b.raw[i]);
    });
    expect(changed.sort()).toEqual(['xl/styles.xml', 'xl/worksheets/sheet17.xml']);
    expect([...after.keys()].filter((k) => !before.has(k))).toEqual([]);
  });

  it('reads back: the sheet’s own cells kept, the table from A19 with its merges, text codes and SUM formulas', () => {
    const old = listSnap.sheets.find((s) => s.name === '项目十六')!;
    const sheet = read(into).sheets.find((s) => s.name === '项目十六')!;
    for (const c of old.cells) expect(sheet.cells.find((x) => x.row === c.row && x.col === c.col)).toEqual(c);
    const at = (r: number, c: number) => sheet.cells.find((x) => x.row === r && x.col === c);
    expect(at(18, 0)).toMatchObject({ value: '学校代码（10位代码）' });
    expect(at(27, 0)).toMatchObject({ kind: 'text', value: '2153005307', numFmt: '@' });
    expect(at(22, 4)).toMatchObject({ value: 730.08, formula: 'SUM(E24:E52)' });
    expect(sheet.merges).toContainEqual({ top: 18, left: 2, bottom: 18, right: 9 });
  });

  it('a re-check reads it as 项目十六’s table and finds on it only the two unmatched schools, once each', () => {
    const result = checkWorkbook({ snapshot: read(into) });
    const t = result.document.tables.filter((x) => x.sheet === '项目十六');
    expect(t.map((x) => x.project)).toEqual([result.document.projects.findIndex((p) => p.ref.sheet === '项目十六')]);
    expect(result.findings.filter((f) => f.sheet === '项目十六' && f.row >= 18).map((f) => `${f.rule} ${f.cell}`)).toEqual([
      'school-code-missing A51',
      'school-code-missing A52',
    ]);
  });

  it('refuses (TargetNotEmpty, one sentence) a table over a cell with content, and writes nothing', () => {
    const over = { ...intoPlan.template, cells: intoPlan.template.cells.map((c) => ({ ...c, row: c.row - 10 })), merges: [] };
    expect(() => writeTemplateInto(withList, '项目十六', over)).toThrow(TargetNotEmpty);
    try {
      writeTemplateInto(withList, '项目十六', over);
    } catch (e) {
      expect((e as TargetNotEmpty).messageIn('zh')).toMatch(/^“项目十六”的 [A-Z]+\d+ 不是空的，学校表不能写在那里（不覆盖已有内容）$/);
    }
  });

  it('addMergeCells extends an existing <mergeCells> and places a new one before <pageMargins>', () => {
    const a = '<worksheet xmlns="m"><sheetData/><mergeCells count="1"><mergeCell ref="A1:B1"/></mergeCells><pageMargins/></worksheet>';
    expect(addMergeCells(a, ['C3:D4'])).toBe(
      '<worksheet xmlns="m"><sheetData/><mergeCells count="2"><mergeCell ref="A1:B1"/><mergeCell ref="C3:D4"/></mergeCells><pageMargins/></worksheet>',
    );
    const b = '<x:worksheet xmlns:x="m"><x:sheetData/><x:phoneticPr/><x:pageMargins/></x:worksheet>';
    expect(addMergeCells(b, ['A1:A3'])).toBe(
      '<x:worksheet xmlns:x="m"><x:sheetData/><x:mergeCells count="1"><x:mergeCell ref="A1:A3"/></x:mergeCells><x:phoneticPr/><x:pageMargins/></x:worksheet>',
    );
  });
});

describe('新建项目表 in a copy', () => {
  it('the sheet has the title and headings, bold, without borders', () => {
    const sheet = read(withProject).sheets.find((s) => s.name === '项目十七')!;
    expect(sheet.cells.map((c) => c.text)).toEqual(project.template.cells.filter((c) => c.value !== null).map((c) => String(c.value)));
    const entries = rawEntries(withProject);
    const xml = text(entries.get(sheetParts(entries).get('项目十七')!));
    // cells only where the template has text (no bordered blank cells), each bold
    expect((xml.match(/<c /g) ?? []).length).toBe(9);
    const styles = text(entries.get('xl/styles.xml'));
    const xfs = [...styles.slice(styles.indexOf('<cellXfs')).matchAll(/<xf\b[^>]*>/g)].map((m) => m[0]);
    for (const m of xml.matchAll(/<c [^>]*s="(\d+)"/g)) {
      const xf = xfs[Number(m[1])]!;
      expect(xf).toMatch(/borderId="0"/);
      expect(xf).toMatch(/applyFont="1"/);
    }
  });
});

function soffice(args: string[]): Promise<void> {
  const profile = mkdtempSync(join(tmpdir(), 'dc-lo-profile-'));
  return new Promise((resolve, reject) => {
    execFile(
      'soffice',
      [`-env:UserInstallation=file://${profile}`, '--headless', '--norestore', ...args],
      { timeout: 150_000 },
      (err, _o, stderr) => {
        rmSync(profile, { recursive: true, force: true });
        if (err) reject(new Error(`soffice ${args.join(' ')} failed: ${err.message}\n${stderr}`));
        else resolve();
      },
    );
  });
}

/** CSV of every sheet, values as shown, UTF-8 (LibreOffice ≥ 7.2: sheet -1 writes one file a sheet). */
const CSV_ALL = 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true,false,false,-1';

describe('the generated copy in LibreOffice', () => {
  let dir = '';
  const c = county300();
  // the 300-school county as a real package: the sample's package with the county's registry and list
  let county: Uint8Array = sample;
  beforeAll(async () => {
    const r = spawnSync('soffice', ['--version'], { stdio: 'pipe', timeout: 60_000 });
    if (r.error) throw new Error(`soffice is required for this test (${r.error.message}); install libreoffice-calc (.ci/run does).`);
    dir = mkdtempSync(join(tmpdir(), 'dc-school-table-'));
    let book = addTemplateSheet(
      sample,
      valuesBlock('县名册', [['学校标识码', '学校名称', '所在乡镇', '办学类型'], ...c.registry.map((x) => [...x])]),
    );
    book = addTemplateSheet(
      book,
      valuesBlock('名单', [['学校', '学生数', '中央（元）', '省级（元）', '县级（元）'], ...c.list.map((x) => [...x])]),
    );
    const p = plan(read(book), '名单');
    county = addTemplateSheet(book, { name: p.sheetName, ...p.template });
    writeFileSync(join(dir, 'sample.xlsx'), copy);
    writeFileSync(join(dir, 'county.xlsx'), county);
    writeFileSync(join(dir, 'into.xlsx'), into);
    writeFileSync(join(dir, 'project.xlsx'), withProject);
    const books = ['sample', 'county', 'into', 'project'].map((b) => join(dir, `${b}.xlsx`));
    await soffice(['--convert-to', CSV_ALL, '--outdir', join(dir, 'csv'), ...books]);
    await soffice(['--convert-to', 'xlsx', '--outdir', join(dir, 'resaved'), ...books]);
  }, 300_000);
  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  const csv = (book: string, sheet = '学校明细表'): string[][] => {
    const file = readdirSync(join(dir, 'csv')).find((f) => f.startsWith(`${book}-`) && f.includes(sheet));
    expect(file, readdirSync(join(dir, 'csv')).join(', ')).toBeDefined();
    return readFileSync(join(dir, 'csv', file!), 'utf8')
      .replace(/^\ufeff/, '')
      .trimEnd()
      .split(/\r?\n/)
      .map((line) => line.split(','));
  };

  it('shows the sample table as written: codes whole, the 合计 and 小计 values', () => {
    const rows = csv('sample');
    expect(rows[0]![0]).toBe('学校代码（10位代码）');
    expect(rows[3]!.slice(0, 5)).toEqual(['1', '2', '3', '4', '7']);
    expect(rows[4]!.slice(0, 5)).toEqual(['合计', '', '', '234', '730.08']);
    expect(rows[9]!.slice(0, 2)).toEqual(['2153005307', '玉溪市江川区大街街道大街小学']);
    expect(rows[5]![4]).toBe('59.28');
  });

  it('shows the 300-school table in 万元 with six decimals, 20 rows without a code', () => {
    const rows = csv('county');
    const schools = rows.slice(5);
    expect(schools).toHaveLength(300);
    expect(schools.filter((r) => r[0] === '')).toHaveLength(20);
    expect(schools[0]![5]).toBe('100.000025');
    const central = c.list.reduce((s, x) => s + Math.round(x[2] * 100), 0);
    expect(rows[4]![5]).toBe((central / 1e6).toFixed(6));
  });

  it('re-saved by LibreOffice, both copies read back and re-check to the unmatched schools only', () => {
    for (const [book, unmatched] of [
      ['sample', 2],
      ['county', 20],
    ] as const) {
      const snap = read(new Uint8Array(readFileSync(join(dir, 'resaved', `${book}.xlsx`))));
      const found = checkWorkbook({ snapshot: snap }).findings.filter((f) => f.sheet === '学校明细表');
      expect(
        found.filter((f) => f.rule === 'school-code-missing'),
        book,
      ).toHaveLength(unmatched);
      expect(
        found.filter((f) => f.rule !== 'school-code-missing'),
        book,
      ).toEqual([]);
      const missingRows = new Set(found.filter((f) => f.rule === 'school-code-missing').map((f) => f.row));
      expect(
        found.every((f) => missingRows.has(f.row)),
        book,
      ).toBe(true);
    }
  });

  it('shows the table below 项目十六’s text, and 项目十七’s headings', () => {
    const rows = csv('into', '项目十六');
    expect(rows[18]![0]).toBe('学校代码（10位代码）');
    expect(rows[27]!.slice(0, 2)).toEqual(['2153005307', '玉溪市江川区大街街道大街小学']);
    expect(rows[22]![4]).toBe('730.08');
    // each heading with the line left to fill in under it (the last one trimmed from the CSV's end)
    const lines = Array.from({ length: 17 }, (_, r) => String(project.template.cells.find((c) => c.row === r && c.col === 0)?.value ?? ''));
    expect(csv('project', '项目十七').map((r) => r[0])).toEqual(lines.slice(0, 16));
  });

  it('re-saved by LibreOffice: 项目十六’s table is still its own, 项目十七 reads with its eight sections each empty', () => {
    const a = checkWorkbook({ snapshot: read(new Uint8Array(readFileSync(join(dir, 'resaved', 'into.xlsx')))) });
    const t = a.document.tables.filter((x) => x.sheet === '项目十六');
    expect(t.map((x) => x.project)).toEqual([a.document.projects.findIndex((p) => p.ref.sheet === '项目十六')]);
    expect(t[0]!.rows).toHaveLength(29);
    const b = checkWorkbook({ snapshot: read(new Uint8Array(readFileSync(join(dir, 'resaved', 'project.xlsx')))) });
    const p17 = b.document.projects.find((p) => p.ref.sheet === '项目十七')!;
    expect(p17.sections.map((s) => s.key)).toHaveLength(8);
    expect(b.findings.filter((f) => f.sheet === '项目十七' && f.rule === 'section-empty')).toHaveLength(8);
  });
});
