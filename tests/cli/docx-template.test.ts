/**
 * `--docx-template FILE`: the export in the bureau's own Word template (made by LibreOffice from
 * tests/fixtures/docx-template/bureau.fodt); a bad template, or one named as an output, is a usage
 * error (exit 2, one sentence, nothing written); the template itself is never written.
 */
import { copyFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { run } from '../../src/cli/run';
import { ROOT, hashTree } from './run-cli';
import { tempDir } from './fixtures';
import { bureauTemplate } from '../helpers/docx-template';

vi.setConfig({ testTimeout: 120_000, hookTimeout: 200_000 });

let dir: string;

beforeAll(async () => {
  dir = tempDir();
  copyFileSync(join(ROOT, 'seeds/jiangchuan-2023.xlsx'), join(dir, 'seed.xlsx'));
  copyFileSync((await bureauTemplate()).path, join(dir, 'bureau.docx'));
  writeFileSync(join(dir, 'notes.txt'), '不是 Word 文件');
});

async function cli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await run(
    args.map((a) => (/\.(xlsx|docx|txt)$/.test(a) ? join(dir, a) : a)),
    {
      out: (s) => void (stdout += s),
      err: (s) => void (stderr += s.split(`${dir}/`).join('')),
      progress: false,
    },
  );
  return { code, stdout, stderr };
}

describe('--docx-template', () => {
  it("exports in the template: its margins and header, our text; the template's bytes unchanged", async () => {
    const before = readFileSync(join(dir, 'bureau.docx'));
    const r = await cli(['seed.xlsx', '--export-docx', 'out.docx', '--docx-template', 'bureau.docx', '--force', '--format', 'json']);
    expect(r.code).toBe(1); // the seed has errors; --force exports anyway
    expect(r.stderr).toContain('已导出 Word 文件：out.docx');
    expect(readFileSync(join(dir, 'bureau.docx')).equals(before)).toBe(true);
    const files = unzipSync(readFileSync(join(dir, 'out.docx')));
    const doc = strFromU8(files['word/document.xml']!);
    expect(/<w:pgMar [^>]*w:left="2268"/.test(doc)).toBe(true);
    expect(doc).toContain('江川区教育体育局2023年预算重点领域财政项目文本公开');
    expect(strFromU8(files['word/header1.xml']!)).toContain('某县财政局 预算公开文本');
  });

  it.each([
    [['seed.xlsx', '--docx-template', 'bureau.docx'], '--docx-template 只能与 --export-docx 一起使用'],
    [
      ['seed.xlsx', '--export-docx', 'o.docx', '--docx-template', 'notes.txt', '--force'],
      'notes.txt：Word 模板不是 .docx 或 .dotx 文件（旧版 .doc、.wps 或 .odt 请先在 Word 或 WPS 中另存为 .docx）',
    ],
    [
      ['seed.xlsx', '--export-docx', 'o.docx', '--docx-template', 'seed.xlsx', '--force'],
      'seed.xlsx：Word 模板不是 .docx 或 .dotx 文件（旧版 .doc、.wps 或 .odt 请先在 Word 或 WPS 中另存为 .docx）',
    ],
    [
      ['seed.xlsx', '--export-docx', 'bureau.docx', '--docx-template', 'bureau.docx', '--force'],
      'bureau.docx：--export-docx 指向了 Word 模板本身，拒绝覆盖模板（请指定另一个文件名）',
    ],
    [
      ['seed.xlsx', '--out', 'bureau.docx', '--export-docx', 'o.docx', '--docx-template', 'bureau.docx', '--force'],
      'bureau.docx：--out 指向了 Word 模板本身，拒绝覆盖模板（请指定另一个文件名）',
    ],
    [['seed.xlsx', '--export-docx', 'o.docx', '--docx-template', 'missing.docx', '--force'], /^missing\.docx：无法读取/],
    [
      ['seed.xlsx', '--export-docx', 'o.docx', '--docx-template', 'notes.txt', '--force', '--lang', 'en'],
      'notes.txt: The Word template is not a .docx or .dotx file (save an old .doc, .wps or .odt as .docx in Word or WPS first)',
    ],
  ] as const)('%j: exit 2, one sentence, nothing written', async (args, sentence) => {
    const before = hashTree(dir);
    const r = await cli([...args]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    if (typeof sentence === 'string') expect(r.stderr).toBe(`${sentence}\n`);
    else {
      expect(r.stderr).toMatch(sentence);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
    }
    expect(hashTree(dir)).toEqual(before);
    expect(existsSync(join(dir, 'o.docx'))).toBe(false);
  });
});
