/**
 * The CLI on an .xls (Excel 97–2003): recognised by its bytes, checked and reported exactly as
 * the same workbook saved as .xlsx; an annotated copy is not possible, which one sentence says
 * after the report; the input is never written (cliOver compares its hash before and after).
 */
import { copyFileSync, existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { cliOver } from './in-process';
import { tempDir } from './fixtures';
import { ROOT } from './run-cli';
import { HELP } from '../../src/cli/help';

vi.setConfig({ testTimeout: 120_000 });

let dir: string;
/** Where outputs go: the inputs' folder must stay as it was. */
let outs: string;
const XLS_ZH = '.xls 文件只能检查，不能生成标注副本或写入内容（需要时请在 Excel 或 WPS 中另存为 .xlsx 后再操作）';

beforeAll(() => {
  dir = tempDir();
  outs = tempDir();
  copyFileSync(join(ROOT, 'tests/fixtures/xls/jiangchuan-2023.xls'), join(dir, '江川.xls'));
  // the same bytes under an .xlsx name: the reader is chosen by the bytes
  copyFileSync(join(ROOT, 'tests/fixtures/xls/jiangchuan-2023.xls'), join(dir, '改名.xlsx'));
  copyFileSync(join(ROOT, 'seeds/jiangchuan-2023.xlsx'), join(dir, '江川.xlsx'));
});

const cli = cliOver(() => dir);

interface Json {
  reports: { file: string; error?: string; summary: unknown; findings: unknown[] }[];
}

describe('--help', () => {
  it('names .xls among the workbooks read, and says it is only checked', () => {
    expect(HELP).toContain('检查一个或多个 .xlsx/.xlsm/.xls 工作簿；目录会递归查找其中的 .xlsx/.xlsm/.xls 文件');
    expect(HELP).toContain('旧版 .xls 只检查，不生成标注副本');
    expect(HELP).toContain('An old .xls is checked only: no annotated copy is written from it.');
  });
});

describe('an .xls on the command line', () => {
  it('gives the report of the same workbook saved as .xlsx, whatever its name', async () => {
    const xlsx = await cli([join(dir, '江川.xlsx'), '--format', 'json']);
    const xls = await cli([join(dir, '江川.xls'), '--format', 'json']);
    const renamed = await cli([join(dir, '改名.xlsx'), '--format', 'json']);
    const a = (JSON.parse(xlsx.stdout) as Json).reports[0]!;
    const b = (JSON.parse(xls.stdout) as Json).reports[0]!;
    const c = (JSON.parse(renamed.stdout) as Json).reports[0]!;
    expect(a.findings.length).toBeGreaterThan(0);
    expect(b.error).toBeUndefined();
    expect(b.findings).toEqual(a.findings);
    expect(b.summary).toEqual(a.summary);
    expect(c.findings).toEqual(a.findings);
    expect(xls.code).toBe(xlsx.code);
  });

  it('--out --fix: the report as usual, then one sentence that no copy can be made; nothing written, exit 2', async () => {
    const out = join(outs, 'copy.xlsx');
    const r = await cli([join(dir, '江川.xls'), '--out', out, '--fix']);
    expect(r.code).toBe(2);
    expect(r.stdout).toContain('项目一!A6');
    expect(r.stderr).toContain(`江川.xls：${XLS_ZH}；检查结果照常列出`);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(existsSync(out)).toBe(false);
    const en = await cli([join(dir, '江川.xls'), '--out', out, '--lang', 'en']);
    expect(en.stderr).toContain('an .xls file can be checked but not annotated or written to');
  });

  it('--out-dir and --new-project-sheet say the same; a directory lists its .xls', async () => {
    const r = await cli([join(dir, '江川.xls'), '--out-dir', join(outs, 'out')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(XLS_ZH);
    const sheet = await cli([join(dir, '江川.xls'), '--new-project-sheet', '--out', join(outs, 'new.xlsx')]);
    expect(sheet.stderr).toContain(XLS_ZH);
    expect(existsSync(join(outs, 'new.xlsx'))).toBe(false);
    const all = await cli([dir, '--format', 'json']);
    expect((JSON.parse(all.stdout) as Json).reports.map((x) => x.file.slice(dir.length + 1))).toContain('江川.xls');
  });

  it('--export-docx writes the same Word document as from the .xlsx', async () => {
    const fromXls = join(outs, 'a.docx');
    const fromXlsx = join(outs, 'b.docx');
    await cli([join(dir, '江川.xls'), '--export-docx', fromXls, '--force']);
    await cli([join(dir, '江川.xlsx'), '--export-docx', fromXlsx, '--force']);
    const { unzipSync, strFromU8 } = await import('fflate');
    const doc = (p: string) => strFromU8(unzipSync(new Uint8Array(readFileSync(p)))['word/document.xml']!);
    expect(doc(fromXls).length).toBeGreaterThan(1000);
    expect(doc(fromXls)).toBe(doc(fromXlsx));
  });
});
