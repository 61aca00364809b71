/**
 * The CLI on a Word document (.docx) or a text file (.txt): detected by content, checked as written,
 * reported with 第N段 / 第N行 (JSON keeps `sheet` and `cell` and adds `paragraph`/`line`/`table`);
 * anything that would write (--out, --out-dir, --fix, --school-table-from, --new-project-sheet) gives
 * one sentence after the report and writes nothing, never the input; --export-docx is refused; a
 * directory still gives only its workbooks.
 */
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { strToU8, zipSync } from 'fflate';
import { run } from '../../src/cli/run';
import { ROOT } from './run-cli';
import { cliOver } from './in-process';
import { tempDir } from './fixtures';

let dir: string;
const path = (name: string): string => join(dir, name);

beforeAll(() => {
  dir = tempDir('dc-doc-');
  copyFileSync(join(ROOT, 'seeds/jiangchuan-2023.docx'), path('seed.docx'));
  copyFileSync(join(ROOT, 'seeds/jiangchuan-edu-2023-key-projects.txt'), path('seed.txt'));
  // the same Word file under a workbook's name: the bytes decide
  copyFileSync(join(ROOT, 'seeds/jiangchuan-2023.docx'), path('renamed.xlsx'));
});

describe('a Word document', () => {
  const cli = cliOver(() => path('seed.docx'));

  it('is checked as written and reported by paragraph and table cell', async () => {
    const r = await cli([path('seed.docx')]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('    第38段  错误  项目一的“资金安排情况”没有写明资金金额');
    expect(r.stdout).toMatch(/ {4}表1第6行第1列 {2}错误 {2}玉溪市江川区第一中学 缺少学校代码/);
    expect(r.stdout).not.toContain('正文!');
    expect(r.stderr).toBe('');
  });

  it('says paragraph N in English', async () => {
    const r = await cli([path('seed.docx'), '--lang', 'en']);
    expect(r.stdout).toMatch(/ {4}paragraph 38 {2}error {2}/);
    expect(r.stdout).toMatch(/ {4}table 1, row 6, column 1 {2}error {2}/);
  });

  it('keeps sheet and cell in JSON and adds the paragraph or the table cell', async () => {
    const r = await cli([path('seed.docx'), '--format', 'json']);
    const json = JSON.parse(r.stdout) as { reports: { findings: Record<string, unknown>[] }[] };
    const findings = json.reports[0]!.findings;
    expect(findings.find((f) => f.rule === 'funding-amount-missing')).toMatchObject({ sheet: '正文', cell: 'A38', paragraph: 38 });
    expect(findings.find((f) => f.rule === 'school-code-missing')).toMatchObject({ sheet: '正文', table: { index: 1, row: 6, column: 1 } });
    expect(findings.every((f) => typeof f.cell === 'string' && typeof f.sheet === 'string')).toBe(true);
  });

  it('is known by its bytes whatever its name', async () => {
    const r = await cliOver(() => path('renamed.xlsx'))([path('renamed.xlsx')]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('第38段');
  });

  it('gets no annotated copy: the report, then one sentence, exit 2, nothing written', async () => {
    const out = path('copy.xlsx');
    const r = await cli([path('seed.docx'), '--out', out, '--fix']);
    expect(r.code).toBe(2);
    const sentence = `${path('seed.docx')}：这是 Word 文档，已按原文检查；--out/--out-dir、--fix 只适用于 Excel 工作簿，未写入任何文件`;
    expect(r.stderr).toContain(sentence);
    // after the report's findings, before the summary table
    const at = r.stdout.indexOf(sentence.slice(path('seed.docx').length + 1));
    expect(at).toBeGreaterThan(r.stdout.indexOf('第38段'));
    expect(existsSync(out)).toBe(false);
  });

  it('gets no copy in --out-dir either, and no school table or project sheet', async () => {
    const outDir = path('copies');
    const r = await cli([path('seed.docx'), '--out-dir', outDir, '--new-project-sheet', '--lang', 'en']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(
      'this is a Word document, checked as written; --out/--out-dir, --new-project-sheet apply only to an Excel workbook, so nothing was written',
    );
    expect(existsSync(outDir) ? readdirSync(outDir) : []).toEqual([]);
    const t = await cli([path('seed.docx'), '--school-table-from', '学校名单', '--out', path('table.xlsx')]);
    expect(t.code).toBe(2);
    expect(t.stderr).toContain('--out/--out-dir、--school-table-from 只适用于 Excel 工作簿');
    expect(existsSync(path('table.xlsx'))).toBe(false);
  });

  it('refuses --export-docx in one sentence and writes nothing', async () => {
    const target = path('export.docx');
    const r = await cli([path('seed.docx'), '--export-docx', target, '--force']);
    expect(r.code).toBe(2);
    expect(r.stderr.trim()).toBe(`${path('seed.docx')}：这是 Word 文档，--export-docx 只能从 Excel 工作簿导出 Word 文件，未导出`);
    expect(existsSync(target)).toBe(false);
  });

  it('says a damaged Word file in one sentence', async () => {
    const bytes = readFileSync(path('seed.docx'));
    writeFileSync(path('broken.docx'), bytes.subarray(0, bytes.length - 100));
    const r = await cliOver(() => path('broken.docx'))([path('broken.docx')]);
    expect(r.code).toBe(2);
    expect(r.stderr.trim()).toBe(`${path('broken.docx')}：Word 文档已损坏或不完整，请在 Word 中打开并重新保存`);
  });
});

describe('a text file', () => {
  const cli = cliOver(() => path('seed.txt'));

  it('is checked as written and reported by line', async () => {
    const r = await cli([path('seed.txt')]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('    第14行  警告  本项目标题编号方式不一致');
    // a cell of the flattened school table: its own line (the empty code of 第一中学)
    expect(r.stdout).toMatch(/ {4}第533行 {2}错误 {2}玉溪市江川区第一中学 缺少学校代码/);
    const lines = readFileSync(path('seed.txt'), 'utf8').split('\n');
    expect(lines[13]).toBe('项目实施单位');
    expect(lines[533]).toBe('\t玉溪市江川区第一中学');
  });

  it('gives `line` in JSON', async () => {
    const r = await cli([path('seed.txt'), '--format', 'json']);
    const findings = (JSON.parse(r.stdout) as { reports: { findings: Record<string, unknown>[] }[] }).reports[0]!.findings;
    expect(findings[0]).toMatchObject({ rule: 'heading-numbering', sheet: '正文', line: 14 });
  });

  it('is read in GBK too', async () => {
    // 项目一 / 一、项目名称 in GB18030 bytes: a text saved as "ANSI" by Notepad on a Chinese Windows
    const gb = new Uint8Array([
      0xcf, 0xee, 0xc4, 0xbf, 0xd2, 0xbb, 0x0a, 0xd2, 0xbb, 0xa1, 0xa2, 0xcf, 0xee, 0xc4, 0xbf, 0xc3, 0xfb, 0xb3, 0xc6, 0x0a,
    ]);
    writeFileSync(path('gbk.txt'), gb);
    const r = await cliOver(() => path('gbk.txt'))([path('gbk.txt'), '--format', 'json']);
    const report = (JSON.parse(r.stdout) as { reports: { findings: { rule: string; line?: number }[] }[] }).reports[0]!;
    // 一、项目名称 was read as the first section of 项目一: the seven others are missing
    expect(report.findings.map((f) => f.rule)).toContain('section-missing');
    expect(r.code).toBe(1);
  });
});

describe('a document with nothing to check', () => {
  it('says so, and the sentence about --out on a line of its own after it; exit 2', async () => {
    writeFileSync(path('notice.txt'), '会议通知\n请各校于周五前报送材料。\n');
    const r = await cliOver(() => path('notice.txt'))([path('notice.txt'), '--out', path('notice.xlsx')]);
    expect(r.code).toBe(2);
    const lines = r.stdout.split('\n');
    const at = lines.findIndex((l) => l.includes('这是文本文件'));
    expect(lines[at]).toBe('  这是文本文件，已按原文检查；--out/--out-dir 只适用于 Excel 工作簿，未写入任何文件');
    expect(lines[at - 1]).toMatch(/^ {2}如果本单位的部分标题与标准名称不同/);
    expect(r.stdout).toContain('正文：没有项目标题，也没有标准部分标题');
    expect(existsSync(path('notice.xlsx'))).toBe(false);
  });
});

describe('a directory', () => {
  it('still gives only its workbooks: a .docx or .txt in it is not checked', async () => {
    const d = path('batch');
    mkdirSync(d);
    copyFileSync(join(ROOT, 'seeds/jiangchuan-2023.docx'), join(d, 'a.docx'));
    writeFileSync(join(d, 'notes.txt'), '说明');
    let stderr = '';
    const code = await run([d], { out: () => undefined, err: (s) => void (stderr += s), progress: false });
    expect(code).toBe(2);
    expect(stderr).toContain('目录中没有 .xlsx/.xlsm/.xls 文件');
  });
});

describe('standard input (`-`) is known by its content: a Word document, a text file, or the one sentence', () => {
  /** The CLI run in-process with these bytes as its standard input. */
  async function fromStdin(bytes: Uint8Array, args: string[] = []): Promise<{ code: number; stdout: string; stderr: string }> {
    let stdout = '';
    let stderr = '';
    const code = await run(['-', ...args], {
      out: (s) => void (stdout += s),
      err: (s) => void (stderr += s),
      progress: false,
      stdin: {
        isTTY: false,
        read: async function* () {
          yield bytes;
        },
      },
    });
    return { code, stdout, stderr };
  }

  it('a .docx piped in is checked as the file is, by paragraph', async () => {
    const bytes = new Uint8Array(readFileSync(path('seed.docx')));
    const [byPath, piped] = await Promise.all([
      cliOver(() => path('seed.docx'))([path('seed.docx'), '--format', 'json']),
      fromStdin(bytes, ['--format', 'json']),
    ]);
    expect(piped.code).toBe(1);
    expect(piped.stderr).toBe('');
    const a = (JSON.parse(byPath.stdout) as { reports: Record<string, unknown>[] }).reports[0]!;
    const b = (JSON.parse(piped.stdout) as { reports: Record<string, unknown>[] }).reports[0]!;
    expect(b.file).toBe('-');
    expect({ ...b, file: 'x', ms: 0 }).toEqual({ ...a, file: 'x', ms: 0 });
    expect((await fromStdin(bytes)).stdout).toContain('    第38段  错误  项目一的“资金安排情况”没有写明资金金额');
  });

  it('a .txt piped in (UTF-8, or GB18030 as Notepad saves "ANSI") is checked by line', async () => {
    const text = readFileSync(path('seed.txt'), 'utf8');
    const utf8 = await fromStdin(new TextEncoder().encode(text));
    expect(utf8.code).toBe(1);
    expect(utf8.stderr).toBe('');
    expect(utf8.stdout).toContain('    第14行  警告  本项目标题编号方式不一致');
    expect(utf8.stdout).toMatch(/ {4}第533行 {2}错误 {2}玉溪市江川区第一中学 缺少学校代码/);
    // 项目一 / 一、项目名称 in GB18030 bytes
    const gb = new Uint8Array([
      0xcf, 0xee, 0xc4, 0xbf, 0xd2, 0xbb, 0x0a, 0xd2, 0xbb, 0xa1, 0xa2, 0xcf, 0xee, 0xc4, 0xbf, 0xc3, 0xfb, 0xb3, 0xc6, 0x0a,
    ]);
    const r = await fromStdin(gb, ['--format', 'json']);
    const report = (JSON.parse(r.stdout) as { reports: { findings: { rule: string; line?: number }[] }[] }).reports[0]!;
    // 一、项目名称 was read as the first section of 项目一 (line 2): the seven others are missing
    expect(report.findings.map((f) => f.rule)).toContain('section-missing');
    expect(report.findings.every((f) => typeof f.line === 'number')).toBe(true);
  });

  it('a text piped in gets no annotated copy: the report, then the sentence, exit 2', async () => {
    const own = tempDir();
    const r = await fromStdin(readFileSync(path('seed.txt')), ['--out', join(own, 'copy.xlsx')]);
    expect(r.code).toBe(2);
    expect(r.stdout).toContain('第14行');
    expect(r.stderr).toContain('-：这是文本文件，已按原文检查；--out/--out-dir 只适用于 Excel 工作簿，未写入任何文件');
    expect(readdirSync(own)).toEqual([]);
  });

  it('bytes that are neither a workbook, a Word document nor Chinese text: the one sentence, exit 2', async () => {
    // binary bytes (control characters), English text, a zip of something else (Chinese text inside it)
    const binary = new Uint8Array(256).map((_, i) => (i * 37 + 11) & 0xff);
    const zip = zipSync({ '说明.txt': strToU8('项目一 一、项目名称') });
    for (const bytes of [binary, new TextEncoder().encode('hello, world\nno Chinese here\n')]) {
      const r = await fromStdin(bytes);
      expect(r.code).toBe(2);
      expect(r.stderr).toBe('-：不是 Excel 工作簿（.xlsx）文件\n');
      expect(r.stdout).not.toContain('第1行');
    }
    // a zip that is no Word document: the .xlsx reader's own sentence for it
    const r = await fromStdin(zip);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^-：压缩包中没有 Excel 工作簿（缺少 xl\/workbook\.xml[^\n]*\n$/);
  });
});
