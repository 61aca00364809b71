/**
 * Data safety: a target that reaches a file the run reads (by a hard link, a symbolic link, another
 * spelling of its path) is refused before any work, with exit 2 and one sentence; and a write that does
 * happen never changes the bytes of another name of the same file (writes replace the folder entry).
 */
import { copyFileSync, existsSync, linkSync, mkdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it, vi } from 'vitest';

import { FileSet, writeFileReplacing } from '../../src/cli/files';
import { hashTree, runCli } from './run-cli';
import { cleanWorkbook, tempDir, write } from './fixtures';

vi.setConfig({ testTimeout: 240_000, hookTimeout: 120_000 });

let dir: string;
let inputs: string;

beforeAll(async () => {
  dir = tempDir();
  inputs = join(dir, 'in');
  mkdirSync(inputs);
  write(inputs, { 'clean.xlsx': await cleanWorkbook() });
  writeFileSync(join(inputs, 'config.json'), '{}');
  linkSync(join(inputs, 'clean.xlsx'), join(dir, 'hard.xlsx'));
  linkSync(join(inputs, 'clean.xlsx'), join(dir, 'hard.docx'));
  linkSync(join(inputs, 'config.json'), join(dir, 'config-link.xlsx'));
  symlinkSync(join(inputs, 'clean.xlsx'), join(dir, 'soft.xlsx'));
  mkdirSync(join(dir, 'outdir'));
  linkSync(join(inputs, 'clean.xlsx'), join(dir, 'outdir', 'clean.标注.xlsx'));
});

/** Runs the CLI in `dir`; asserts that no file under in/ changed. */
async function run(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const before = hashTree(inputs);
  const r = await runCli(args, dir);
  expect(hashTree(inputs)).toEqual(before);
  return r;
}

describe('targets that reach a file the run reads', () => {
  it('--out onto a hard link of the input is refused, exit 2, nothing written', async () => {
    const r = await run(['in/clean.xlsx', '--out', 'hard.xlsx']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('hard.xlsx：--out 指向了输入文件本身，拒绝覆盖输入（请指定另一个文件名）\n');
    expect(r.stdout).toBe('');
  });

  it('--out onto a symbolic link of the input is refused', async () => {
    const r = await run(['in/clean.xlsx', '--out', 'soft.xlsx']);
    expect(r.code).toBe(2);
  });

  it('--export-docx onto a hard link of the input is refused', async () => {
    const r = await run(['in/clean.xlsx', '--export-docx', 'hard.docx']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('hard.docx：--export-docx 指向了输入文件本身，拒绝覆盖输入\n');
  });

  it('--out onto the configuration file (or a hard link of it) is refused', async () => {
    const direct = await run(['in/clean.xlsx', '--config', 'in/config.json', '--out', 'in/config.json']);
    expect(direct.code).toBe(2);
    expect(direct.stderr).toContain('--out 指向了本次要读取的学校名册或配置文件，拒绝覆盖');
    const linked = await run(['in/clean.xlsx', '--config', 'in/config.json', '--out', 'config-link.xlsx']);
    expect(linked.code).toBe(2);
  });

  it('--out onto the registry file is refused (in English too)', async () => {
    const r = await run(['in/clean.xlsx', '--registry', 'hard.xlsx', '--out', 'in/clean.xlsx', '--lang', 'en']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--out points at the input itself');
  });

  it('--out and --export-docx naming one file is refused before anything is written', async () => {
    const r = await run(['in/clean.xlsx', '--out', 'both.xlsx', '--export-docx', 'both.xlsx']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('both.xlsx：--export-docx 与 --out 指向同一个文件，请分别指定两个文件名\n');
    expect(existsSync(join(dir, 'both.xlsx'))).toBe(false);
  });

  it('--out-dir holding a hard link named like the copy: the copy takes another name, the input is kept', async () => {
    const r = await run(['in/clean.xlsx', '--out-dir', 'outdir', '--format', 'json']);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout) as { reports: { annotatedCopy?: string }[] };
    expect(json.reports[0]!.annotatedCopy).toBe(join('outdir', 'clean.标注-2.xlsx'));
    expect(readFileSync(join(dir, 'outdir', 'clean.标注.xlsx'))).toEqual(readFileSync(join(inputs, 'clean.xlsx')));
  });
});

describe('writeFileReplacing', () => {
  it('replaces the name, never the bytes of another name of the same file', () => {
    const d = tempDir();
    writeFileSync(join(d, 'a'), 'original');
    linkSync(join(d, 'a'), join(d, 'b'));
    writeFileReplacing(join(d, 'b'), new TextEncoder().encode('new'));
    expect(readFileSync(join(d, 'a'), 'utf8')).toBe('original');
    expect(readFileSync(join(d, 'b'), 'utf8')).toBe('new');
    expect(statSync(join(d, 'a')).ino).not.toBe(statSync(join(d, 'b')).ino);
  });

  it('a failed write leaves no temporary file and throws the file system error', () => {
    const d = tempDir();
    mkdirSync(join(d, 'target'));
    expect(() => writeFileReplacing(join(d, 'target'), new Uint8Array([1]))).toThrow();
    expect(hashTree(d)).toEqual({});
  });

  it('FileSet knows a file by any of its names', () => {
    const d = tempDir();
    writeFileSync(join(d, 'x'), '');
    linkSync(join(d, 'x'), join(d, 'y'));
    copyFileSync(join(d, 'x'), join(d, 'z'));
    const s = new FileSet();
    s.add(join(d, 'x'));
    expect(s.has(join(d, 'y'))).toBe(true);
    expect(s.has(join(d, 'sub', '..', 'x'))).toBe(true);
    expect(s.has(join(d, 'z'))).toBe(false);
    expect(s.has(join(d, 'not-yet'))).toBe(false);
  });
});
