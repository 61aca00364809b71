/**
 * Every bad input of the issue, through the real CLI: one clear sentence naming the file,
 * exit 2 (also for a workbook with nothing to check), no stack trace unless --debug, the input never modified,
 * and the other files of a batch still checked.
 */
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it, vi } from 'vitest';

import { ROOT, STACK, hashTree, runCli } from './run-cli';
import { cleanWorkbook, hostileFiles, nothingToCheck, prototypeNames, tempDir, wholeSheetMerge, write } from './fixtures';

// Each test spawns the command (a process of its own); on a loaded machine
// several at once can be slow: a generous timeout, never a timed assertion.
vi.setConfig({ testTimeout: 240_000, hookTimeout: 120_000 });

let dir: string;

beforeAll(async () => {
  dir = tempDir();
  write(dir, hostileFiles());
  write(dir, {
    'merge.xlsx': wholeSheetMerge(),
    'proto.xlsx': prototypeNames(),
    'nothing.xlsx': nothingToCheck(),
    'clean.xlsx': await cleanWorkbook(),
  });
  mkdirSync(join(dir, 'no-xlsx'));
  writeFileSync(join(dir, 'no-xlsx', 'notes.txt'), 'not a workbook');
});

/** Runs the CLI on inputs under `dir`, asserting the inputs are unchanged. */
async function check(args: string[]): Promise<{ code: number | null; out: string; stdout: string; stderr: string }> {
  const before = hashTree(dir);
  const r = await runCli(args, dir);
  expect(hashTree(dir)).toEqual(before);
  return { ...r, out: r.stdout + r.stderr };
}

const CASES: [string, string, RegExp][] = [
  ['missing path', 'does-not-exist.xlsx', /does-not-exist\.xlsx：文件或目录不存在/],
  ['directory without .xlsx', 'no-xlsx', /no-xlsx：目录中没有 \.xlsx\/\.xlsm\/\.xls 文件/],
  ['empty file', 'empty.xlsx', /文件是空的（0 字节）/],
  ['text renamed .xlsx', 'text.xlsx', /不是 Excel 工作簿（\.xlsx）文件/],
  ['damaged .xls', 'damaged.xls', /\.xls 文件已损坏或不完整（复合文档结构无法读取），请在 Excel 或 WPS 中打开并另存为 \.xlsx/],
  ['damaged .xls renamed .xlsx', 'damaged-renamed.xlsx', /\.xls 文件已损坏或不完整/],
  ['Excel 5.0/95 .xls', 'biff5.xls', /这是 Excel 5\.0\/95 或更早版本的 \.xls 文件，无法读取，请在 Excel 或 WPS 中另存为 \.xlsx/],
  ['encrypted', 'encrypted.xlsx', /工作簿设置了打开密码，请先取消密码保护/],
  ['zip without xl/workbook.xml', 'no-workbook.xlsx', /缺少 xl\/workbook\.xml/],
  ['truncated zip', 'truncated.xlsx', /文件已损坏或不完整/],
  ['malformed sheet XML', 'malformed.xlsx', /工作表“项目一”（xl\/worksheets\/sheet1\.xml）.*不是有效的 XML/],
  ['zip bomb', 'bomb.xlsx', /解压后的内容超过上限 200 MB/],
  ['zip bomb that lies about its size', 'bomb-lying.xlsx', /超过上限 1,000,000 个字符/],
  ['DOCTYPE with an external entity', 'doctype.xlsx', /DOCTYPE\/实体声明，出于安全原因拒绝读取/],
  ['no sheets', 'no-sheets.xlsx', /工作簿中没有工作表/],
];

describe.concurrent('bad input: one sentence naming the file, exit 2', () => {
  it.each(CASES)('%s', async (_, file, sentence) => {
    const r = await check([file]);
    expect(r.code).toBe(2);
    expect(r.stdout).toMatch(sentence);
    expect(r.stdout).toContain(file);
    expect(r.out).not.toMatch(STACK);
  });

  it("in JSON the sentence is the report's error and goes to stderr too", async () => {
    const r = await check(['encrypted.xlsx', '--format', 'json']);
    expect(r.code).toBe(2);
    const json = JSON.parse(r.stdout) as { reports: { file: string; error?: string }[] };
    expect(json.reports[0]).toMatchObject({ file: 'encrypted.xlsx', error: 'encrypted.xlsx：工作簿设置了打开密码，请先取消密码保护' });
    expect(r.stderr).toContain('encrypted.xlsx：工作簿设置了打开密码');
  });

  it('in English with --lang en', async () => {
    const r = await check(['damaged.xls', '--lang', 'en']);
    expect(r.code).toBe(2);
    expect(r.stdout).toContain('the .xls file is damaged or incomplete (its compound file structure cannot be read)');
  });

  it('--debug adds the technical detail', async () => {
    const r = await check(['malformed.xlsx', '--debug']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/malformed-xml: /);
  });

  it('a tiny file with a whole-sheet merge (A1:XFD1048576) is checked, not expanded', async () => {
    const r = await check(['merge.xlsx', '--format', 'json']);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout) as { reports: { file: string; error?: string; summary: { errors: number } }[] };
    expect(json.reports[0]).toMatchObject({ file: 'merge.xlsx', summary: { errors: 0 } });
    expect(json.reports[0]!.error).toBeUndefined();
  });

  it('sheets named __proto__ and constructor are read and checked', async () => {
    const r = await check(['proto.xlsx', '--format', 'json']);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout) as { reports: { error?: string; findings: unknown[] }[] };
    expect(json.reports[0]!.error).toBeUndefined();
    // two clean projects named 项目一 and 项目二: nothing to report, nothing polluted
    expect(json.reports[0]!.findings).toEqual([]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('nothing to check is not a pass: says what was looked for and which sheets were skipped, exit 2', async () => {
    const r = await check(['nothing.xlsx']);
    expect(r.code).toBe(2);
    expect(r.stdout).toContain(
      'nothing.xlsx\n  没有可检查的内容：未找到项目文本（“项目一”“项目二”……标题，或至少3个标准部分标题：项目名称、立项依据',
    );
    expect(r.stdout).toContain('  已查看的工作表：\n    Sheet1：没有项目标题，也没有标准部分标题\n');
    expect(r.stdout).toContain('sectionAliases');
    const j = await check(['nothing.xlsx', '--format', 'json']);
    expect(j.code).toBe(2);
    expect((JSON.parse(j.stdout) as { reports: unknown[] }).reports[0]).toMatchObject({
      file: 'nothing.xlsx',
      nothingToCheck: true,
      findings: [],
      skipped: [{ sheet: 'Sheet1', reason: 'no-sections', message: '没有项目标题，也没有标准部分标题' }],
    });
    expect(j.stderr).toContain('nothing.xlsx：没有可检查的内容');
    const c = await check(['nothing.xlsx', '--format', 'csv']);
    expect(c.code).toBe(2);
    expect(c.stdout.split('\r\n')[1]).toMatch(/^nothing\.xlsx,无可检查内容,错误,Sheet1,.*没有项目标题，也没有标准部分标题/);
  });

  it('--out pointing at the input is refused before anything is done', async () => {
    const r = await check(['clean.xlsx', '--out', 'clean.xlsx']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('clean.xlsx：--out 指向了输入文件本身，拒绝覆盖输入（请指定另一个文件名）\n');
    expect(r.stdout).toBe('');
    const viaOtherPath = await check(['clean.xlsx', '--out', `./sub/../clean.xlsx`]);
    expect(viaOtherPath.code).toBe(2);
  });

  it('an unwritable --out: one sentence, exit 2', async () => {
    const r = await check(['clean.xlsx', '--out', 'no-such-dir/deeper/copy.xlsx']);
    expect(r.code).toBe(2);
    expect(r.stdout).toContain('no-such-dir/deeper/copy.xlsx：无法写入（路径不存在）');
    expect(r.out).not.toMatch(STACK);
    const intoFile = await check(['clean.xlsx', '--out', 'clean.xlsx/copy.xlsx']);
    expect(intoFile.code).toBe(2);
    expect(intoFile.stdout).toMatch(/clean\.xlsx\/copy\.xlsx：无法写入/);
  });
});

describe('a batch with bad files', () => {
  it('checks every other file, reports each bad one in order, exits 2', async () => {
    const batch = join(dir, 'batch');
    mkdirSync(batch);
    copyFileSync(join(ROOT, 'seeds/jiangchuan-2023.xlsx'), join(batch, 'b-seed.xlsx'));
    write(batch, {
      'a-empty.xlsx': new Uint8Array(0),
      'c-encrypted.xlsx': hostileFiles()['encrypted.xlsx']!,
      'd-clean.xlsx': await cleanWorkbook(),
    });
    const r = await check(['batch', 'missing.xlsx', '--format', 'json']);
    expect(r.code).toBe(2);
    const json = JSON.parse(r.stdout) as { reports: { file: string; error?: string; summary: { errors: number } }[] };
    expect(json.reports.map((x) => [x.file, x.error !== undefined])).toEqual([
      [join('batch', 'a-empty.xlsx'), true],
      [join('batch', 'b-seed.xlsx'), false],
      [join('batch', 'c-encrypted.xlsx'), true],
      [join('batch', 'd-clean.xlsx'), false],
      ['missing.xlsx', true],
    ]);
    expect(json.reports[1]!.summary.errors).toBeGreaterThan(0);
    expect(r.stderr.split('\n').filter(Boolean)).toEqual([
      'batch/a-empty.xlsx：文件是空的（0 字节）',
      'batch/c-encrypted.xlsx：工作簿设置了打开密码，请先取消密码保护',
      'missing.xlsx：文件或目录不存在',
    ]);
  });
});
