/** The CLI contract of SPEC §7, through the real command: formats, exit codes, outputs, options. */
import { copyFileSync, existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { strFromU8, unzipSync } from 'fflate';
import { beforeAll, describe, expect, it, vi } from 'vitest';

import { readXlsx } from '../../src/hosts/xlsx/read';
import { writeExplanations } from '../../src/hosts/xlsx/annotate';
import { checkWorkbook } from '../../src/core/check';
import type { WorkbookSnapshot } from '../../src/core/snapshot/types';
import { ROOT, STACK, hashTree, runCli, runCommand } from './run-cli';
import { cleanWorkbook, faultyWorkbook, tempDir, write } from './fixtures';

interface JsonOut {
  version: number;
  reports: {
    file: string;
    summary: { errors: number; warnings: number; infos: number; explained: number };
    findings: {
      rule: string;
      severity: string;
      message: string;
      sheet: string;
      cell: string;
      project?: string;
      school?: string;
      fix?: { sheet: string; cell: string; value: string };
    }[];
    error?: string;
  }[];
}

// Each test spawns the command (a process of its own); on a loaded machine
// several at once can be slow: a generous timeout, never a timed assertion.
vi.setConfig({ testTimeout: 240_000, hookTimeout: 120_000 });

let dir: string;
const SEED = join(ROOT, 'seeds/jiangchuan-2023.xlsx');

function snapshotOf(path: string): WorkbookSnapshot {
  const r = readXlsx(new Uint8Array(readFileSync(path)));
  if (!r.ok) throw new Error(r.error.zh);
  return r.snapshot;
}

/** The seed split in two with exceljs: the disclosure without its registry, and the registry alone. */
async function splitSeed(): Promise<void> {
  const a = new ExcelJS.Workbook();
  await a.xlsx.readFile(SEED);
  a.removeWorksheet(a.getWorksheet('学校名册')!.id);
  await a.xlsx.writeFile(join(dir, 'no-registry.xlsx'));
  const b = new ExcelJS.Workbook();
  await b.xlsx.readFile(SEED);
  for (const ws of [...b.worksheets]) if (ws.name !== '学校名册') b.removeWorksheet(ws.id);
  await b.xlsx.writeFile(join(dir, 'registry.xlsx'));
}

beforeAll(async () => {
  dir = tempDir();
  copyFileSync(SEED, join(dir, 'seed.xlsx'));
  write(dir, { 'clean.xlsx': await cleanWorkbook(), 'faulty.xlsx': await faultyWorkbook() });
  await splitSeed();
  // the faulty workbook with its one error explained (说明)
  const faulty = new Uint8Array(readFileSync(join(dir, 'faulty.xlsx')));
  const result = checkWorkbook({ snapshot: snapshotOf(join(dir, 'faulty.xlsx')) });
  const errors = result.findings.filter((f) => f.severity === 'error');
  expect(errors).toHaveLength(1);
  const f = errors[0]!;
  writeFileSync(
    join(dir, 'explained.xlsx'),
    writeExplanations(faulty, [{ key: f.key, rule: f.rule, sheet: f.sheet, cell: f.cell, text: '本项目资金在另一文件中列明' }]),
  );
});

async function run(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const inputs = ['seed.xlsx', 'clean.xlsx', 'faulty.xlsx', 'explained.xlsx', 'no-registry.xlsx', 'registry.xlsx'].map((f) => join(dir, f));
  const before = inputs.map((p) => hashTree(p));
  const r = await runCli(args, dir);
  expect(inputs.map((p) => hashTree(p))).toEqual(before);
  expect(r.stdout + r.stderr).not.toMatch(STACK);
  return r;
}

describe.concurrent('reports and exit codes', () => {
  it('text (default): grouped by file and project, summary table, exit 1 on errors', async () => {
    const r = await run(['seed.xlsx']);
    expect(r.code).toBe(1);
    expect(r.stdout.startsWith('seed.xlsx\n  项目一\n')).toBe(true);
    expect(r.stdout).toMatch(/\n {2}项目十一\n(?: {4}.*\n)*? {4}项目十一!A\d+ {2}错误 {2}.*缺少学校代码.*\[缺少学校代码\]/);
    expect(r.stdout).toMatch(/\n汇总\n文件 +错误 +警告 +提示 +已说明 +状态\n/);
    expect(r.stdout).toMatch(/seed\.xlsx +9 +\d+ +0 +0 +有错误/);
    expect(r.stderr).toBe('');
  });

  it('json: one object, version 1, findings with rule, place, project and fix', async () => {
    const r = await run(['seed.xlsx', '--format', 'json']);
    expect(r.code).toBe(1);
    const json = JSON.parse(r.stdout) as JsonOut;
    expect(json.version).toBe(1);
    expect(json.reports).toHaveLength(1);
    const rep = json.reports[0]!;
    expect(rep.file).toBe('seed.xlsx');
    expect(rep.summary.errors).toBe(rep.findings.filter((f) => f.severity === 'error').length);
    const missing = rep.findings.filter((f) => f.rule === 'school-code-missing');
    expect(missing).toHaveLength(5);
    expect(missing[0]).toMatchObject({
      severity: 'error',
      sheet: '项目十一',
      project: '项目十一',
      school: '玉溪市江川区第一中学',
      fix: { sheet: '项目十一', value: '3453009901' },
    });
    expect(missing[0]!.cell).toMatch(/^A\d+$/);
  });

  it('csv: UTF-8 with BOM, a header row, one finding a row', async () => {
    const [csv, json] = await Promise.all([run(['seed.xlsx', '--format', 'csv']), run(['seed.xlsx', '--format', 'json'])]);
    expect(csv.code).toBe(1);
    expect(csv.stdout.charCodeAt(0)).toBe(0xfeff);
    const lines = csv.stdout.slice(1).split('\r\n').filter(Boolean);
    expect(lines[0]).toBe('文件,规则,级别,工作表,单元格,项目,学校,栏目,问题描述,应为,实为,修正,说明,规则编号');
    expect(lines).toHaveLength((JSON.parse(json.stdout) as JsonOut).reports[0]!.findings.length + 1);
    expect(lines.some((l) => l.startsWith('seed.xlsx,缺少学校代码,错误,项目十一,A') && l.endsWith(',school-code-missing'))).toBe(true);
    expect(csv.stdout).not.toMatch(/,heading-numbering,警告/);
  });

  it('csv --lang en: the English header row and rule ids', async () => {
    const csv = await run(['seed.xlsx', '--format', 'csv', '--lang', 'en']);
    const lines = csv.stdout.slice(1).split('\r\n').filter(Boolean);
    expect(lines[0]).toBe('file,rule,severity,sheet,cell,project,school,column,message,expected,actual,fix,explanation');
    expect(lines.some((l) => l.startsWith('seed.xlsx,school-code-missing,error,项目十一,A'))).toBe(true);
  });

  it('text report names rules in Chinese by default, by id with --lang en', async () => {
    const [zh, en] = await Promise.all([run(['seed.xlsx']), run(['seed.xlsx', '--lang', 'en'])]);
    expect(zh.stdout).toContain('[缺少学校代码]');
    expect(zh.stdout).not.toMatch(/\[[a-z]+(-[a-z]+)+\]/);
    expect(en.stdout).toContain('[school-code-missing]');
  });

  it('exit 0 without errors; --lang en', async () => {
    const r = await run(['clean.xlsx', '--lang', 'en']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('clean.xlsx\n  No problems found.');
    expect(r.stdout).toMatch(/Summary\nFile +Errors +Warnings +Infos +Explained +Status/);
  });

  it('an explained finding does not count: exit 0, shown as explained', async () => {
    const [plain, explained] = await Promise.all([run(['faulty.xlsx', '--format', 'json']), run(['explained.xlsx', '--format', 'json'])]);
    expect(plain.code).toBe(1);
    expect(explained.code).toBe(0);
    const rep = (JSON.parse(explained.stdout) as JsonOut).reports[0]!;
    expect(rep.summary).toMatchObject({ errors: 0, explained: 1 });
    expect(rep.findings.find((f) => f.severity === 'error')).toMatchObject({
      rule: 'section-missing',
      explanation: '本项目资金在另一文件中列明',
    });
  });

  it('npm run --silent cli prints nothing but the report on stdout', async () => {
    const r = await runCommand('npm', ['run', '--silent', 'cli', '--', SEED, '--format', 'json'], ROOT);
    expect(r.code).toBe(1);
    const json = JSON.parse(r.stdout) as JsonOut;
    expect(json.reports[0]!.file).toBe(SEED);
  });
});

describe.concurrent('--config and --registry', () => {
  it('a config turns a rule off and sets the language', async () => {
    writeFileSync(join(dir, 'quiet.json'), JSON.stringify({ rules: { 'heading-numbering': 'off' }, lang: 'en' }));
    const r = await run(['seed.xlsx', '--config', 'quiet.json', '--format', 'json']);
    const rep = (JSON.parse(r.stdout) as JsonOut).reports[0]!;
    expect(rep.findings.some((f) => f.rule === 'heading-numbering')).toBe(false);
    expect(rep.findings.find((f) => f.rule === 'school-code-missing')!.message).toMatch(/[a-z]/);
    expect(r.code).toBe(1);
  });

  it('--registry: a second workbook fills what the disclosure lacks', async () => {
    const [without, withReg] = await Promise.all([
      run(['no-registry.xlsx', '--format', 'json']),
      run(['no-registry.xlsx', '--registry', 'registry.xlsx', '--format', 'json']),
    ]);
    const a = (JSON.parse(without.stdout) as JsonOut).reports[0]!.findings.filter((f) => f.rule === 'school-code-missing');
    const b = (JSON.parse(withReg.stdout) as JsonOut).reports[0]!.findings.filter((f) => f.rule === 'school-code-missing');
    expect(a).toHaveLength(5);
    expect(a.every((f) => f.fix === undefined)).toBe(true);
    expect(b).toHaveLength(5);
    expect(b.every((f) => f.fix !== undefined)).toBe(true);
    expect(b[0]!.fix).toMatchObject({ value: '3453009901' });
  });
});

describe.concurrent('outputs: the input is never written', () => {
  it('--out writes an annotated copy with a 检查结果 sheet', async () => {
    const r = await run(
      ['seed.xlsx', '--out', 'out/annotated.xlsx'].map((a) => (a === 'out/annotated.xlsx' ? join(dir, 'annotated.xlsx') : a)),
    );
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(`已写入标注副本：${join(dir, 'annotated.xlsx')}`);
    const snap = snapshotOf(join(dir, 'annotated.xlsx'));
    expect(snap.sheets.map((s) => s.name)).toContain('检查结果');
  });

  it('--out --fix writes the fixes into the copy: re-checked, the fixed findings are gone', async () => {
    const out = join(dir, 'fixed.xlsx');
    const r = await run(['seed.xlsx', '--out', out, '--fix', '--format', 'json']);
    expect(r.code).toBe(1);
    const again = checkWorkbook({ snapshot: snapshotOf(out) });
    expect(again.findings.filter((f) => f.rule === 'school-code-missing')).toEqual([]);
    const first = (JSON.parse(r.stdout) as JsonOut).reports[0]!.findings.find((f) => f.rule === 'school-code-missing')!;
    const sheet = snapshotOf(out).sheets.find((s) => s.name === first.fix!.sheet)!;
    expect(sheet.cells.find((c) => `${String.fromCharCode(65 + c.col)}${c.row + 1}` === first.fix!.cell)).toMatchObject({
      kind: 'text',
      value: '3453009901',
    });
  });

  it('--fix: a section-missing insert is in the JSON, the copy inserts the heading, and stderr says so', async () => {
    const out = join(dir, 'faulty-fixed.xlsx');
    const r = await run(['faulty.xlsx', '--out', out, '--fix', '--format', 'json']);
    expect(r.code).toBe(1);
    const f = (JSON.parse(r.stdout) as JsonOut).reports[0]!.findings.find((x) => x.rule === 'section-missing')!;
    expect(f.fix).toEqual({ sheet: '项目一', cell: 'A12', value: '六、资金安排情况', insert: 'row' });
    expect(r.stderr).toContain(`--fix：已在 ${out} 中插入缺少的部分 1 处`);
    const copy = snapshotOf(out);
    const sheet = copy.sheets.find((s) => s.name === '项目一')!;
    expect(sheet.cells.find((c) => c.row === 11 && c.col === 0)?.text).toBe('六、资金安排情况');
    expect(sheet.cells.find((c) => c.row === 12 && c.col === 0)?.text).toBe('七、项目实施计划');
    const again = checkWorkbook({ snapshot: copy }).findings;
    expect(again.filter((x) => x.rule === 'section-missing')).toEqual([]);
    expect(again.filter((x) => x.rule === 'section-empty').map((x) => x.cell)).toEqual(['A12']);
  });

  it('--out --fix says how many values (and school codes) it filled', async () => {
    const out = join(dir, 'fixed-count.xlsx');
    const r = await run(['seed.xlsx', '--out', out, '--fix']);
    expect(r.stderr).toContain(`--fix：已在 ${out} 中填入 5 处（其中学校代码 5 个）`);
    const en = await run(['seed.xlsx', '--out', out, '--fix', '--lang', 'en']);
    expect(en.stderr).toContain(`--fix: filled 5 cells in ${out} (5 school codes)`);
  });

  it('--fix --export-docx exports the fixed values', async () => {
    const docx = join(dir, 'seed-fixed.docx');
    const r = await run(['seed.xlsx', '--fix', '--export-docx', docx, '--force']);
    expect(r.stderr).toContain('Word 文件按 --fix 填入后的内容导出（填入 5 处）');
    const xml = strFromU8(unzipSync(new Uint8Array(readFileSync(docx)))['word/document.xml']!);
    expect(xml).toContain('3453009901');
    const plain = join(dir, 'seed-plain.docx');
    await run(['seed.xlsx', '--export-docx', plain, '--force']);
    expect(strFromU8(unzipSync(new Uint8Array(readFileSync(plain)))['word/document.xml']!)).not.toContain('3453009901');
  });

  it('--fix without --out writes nothing and says so', async () => {
    const own = join(dir, 'fix-only');
    mkdirSync(own);
    copyFileSync(SEED, join(own, 'seed.xlsx'));
    const before = hashTree(own);
    const r = await runCli(['seed.xlsx', '--fix'], own);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('--fix 只作用于标注副本');
    expect(hashTree(own)).toEqual(before);
  });

  it('--out-dir writes one copy per input; never over an input', async () => {
    const batch = join(dir, 'batch-out');
    mkdirSync(batch);
    copyFileSync(SEED, join(batch, 'a.xlsx'));
    write(batch, { 'b.xlsx': await cleanWorkbook() });
    const r = await run([batch, '--out-dir', batch]);
    expect(r.code).toBe(1);
    expect(readdirSync(batch).sort()).toEqual(['a.xlsx', 'a.标注.xlsx', 'b.xlsx', 'b.标注.xlsx']);
    expect(snapshotOf(join(batch, 'b.标注.xlsx')).sheets.map((s) => s.name)).toContain('检查结果');
  });

  it('--export-docx is refused while errors remain (how many, exit 1, nothing written); --force writes it', async () => {
    const docx = join(dir, 'seed.docx');
    const refused = await run(['seed.xlsx', '--export-docx', docx]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('仍有 9 个错误，未导出 Word 文件（修正后再导出，或加 --force 强制导出）');
    expect(existsSync(docx)).toBe(false);
    const forced = await run(['seed.xlsx', '--export-docx', docx, '--force']);
    expect(forced.code).toBe(1);
    expect(forced.stderr).toContain(`已导出 Word 文件：${docx}`);
    expect([...readFileSync(docx).subarray(0, 2)]).toEqual([0x50, 0x4b]);
  });

  it('--export-docx of a workbook without errors', async () => {
    const docx = join(dir, 'clean.docx');
    const r = await run(['clean.xlsx', '--export-docx', docx]);
    expect(r.code).toBe(0);
    expect(existsSync(docx)).toBe(true);
    const self = await run(['clean.xlsx', '--export-docx', 'clean.xlsx']);
    expect(self.code).toBe(2);
    expect(self.stderr).toBe('clean.xlsx：--export-docx 指向了输入文件本身，拒绝覆盖输入\n');
  });
});

describe('parallel batches', () => {
  it('--jobs 2 gives the same report, in input order, as --jobs 1', async () => {
    const batch = join(dir, 'batch-jobs');
    mkdirSync(batch);
    for (const n of ['c', 'a', 'e', 'b', 'd'])
      copyFileSync(n === 'c' || n === 'e' ? SEED : join(dir, 'clean.xlsx'), join(batch, `${n}.xlsx`));
    write(batch, { 'f.xlsx': new Uint8Array(0) });
    const [one, two] = await Promise.all([run([batch, '--jobs', '1']), run([batch, '--jobs', '2'])]);
    expect(two.code).toBe(2);
    expect(two.stdout).toBe(one.stdout);
    const order = [...two.stdout.matchAll(/^\S*batch-jobs\/(\w)\.xlsx(?:\n|：)/gm)].map((m) => m[1]);
    expect(order).toEqual(['a', 'b', 'c', 'd', 'e', 'f']);
  });
});
