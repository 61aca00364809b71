/**
 * Usage errors, --help and configuration errors, in-process through `run` (the same function
 * main.ts binds to the process; the spawned-command tests are in cli.test.ts and bad-input.test.ts).
 */
import { copyFileSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { run } from '../../src/cli/run';
import { parseArgs } from '../../src/cli/args';
import { ROOT, hashTree } from './run-cli';
import { cleanWorkbook, tempDir, write } from './fixtures';

let dir: string;
let seed: string;
let clean: string;

beforeAll(async () => {
  dir = tempDir();
  seed = join(dir, 'seed.xlsx');
  clean = join(dir, 'clean.xlsx');
  copyFileSync(join(ROOT, 'seeds/jiangchuan-2023.xlsx'), seed);
  write(dir, { 'clean.xlsx': await cleanWorkbook() });
});

async function cli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const before = hashTree(dir);
  const code = await run(args, { out: (s) => void (stdout += s), err: (s) => void (stderr += s), progress: false });
  expect(hashTree(dir)).toEqual(before);
  return { code, stdout, stderr };
}

describe('--help', () => {
  it('is Chinese with an English line under each flag; exit 0', async () => {
    const r = await cli(['--help']);
    expect(r.code).toBe(0);
    const lines = r.stdout.split('\n');
    for (const flag of [
      '--format',
      '--out',
      '--out-dir',
      '--fix',
      '--registry',
      '--config',
      '--lang',
      '--jobs',
      '--export-docx',
      '--school-table-from',
      '--force',
      '--debug',
      '--help',
    ]) {
      const at = lines.findIndex((l) => l.trimStart().startsWith(flag));
      expect(at, flag).toBeGreaterThan(0);
      expect(lines[at], flag).toMatch(/[\u4e00-\u9fff]/);
      expect(lines[at + 1], flag).toMatch(/^\s+[A-Z][^，。：]+$/);
    }
    expect(r.stdout).toContain('退出码 Exit codes');
    expect(r.stderr).toBe('');
  });
});

describe('usage errors: one sentence on stderr, nothing on stdout, exit 2', () => {
  it.each([
    [['S', '--bogus'], '未知的选项 --bogus（用 --help 查看用法）'],
    [['S', '--format', 'xml'], '--format 的值“xml”无效，应为 text、json 或 csv'],
    [['S', '--format'], '选项 --format 需要一个值'],
    [['S', '--out', '--fix'], '选项 --out 需要一个值'],
    [[], '请指定要检查的 .xlsx 文件或目录（用 --help 查看用法）'],
    [['S', 'C', '--out', 'x.xlsx'], '--out 只能用于一个输入文件（现有 2 个），多个文件请用 --out-dir'],
    [['S', 'C', '--export-docx', 'x.docx'], '--export-docx 只能用于一个输入文件（现有 2 个）'],
    [['S', '--force'], '--force 只能与 --export-docx 一起使用'],
    [['S', '--jobs', '0'], '--jobs 的值“0”无效，应为 1 到 64 之间的整数'],
    [['S', '--jobs', 'many'], '--jobs 的值“many”无效，应为 1 到 64 之间的整数'],
    [['S', '--lang', 'fr'], '--lang 的值“fr”无效，应为 zh 或 en'],
    [['S', '--out', 'a.xlsx', '--out-dir', 'b'], '--out 与 --out-dir 不能同时使用'],
    [['S', '--bogus', '--lang', 'en'], 'unknown option --bogus (see --help)'],
  ])('%j', async (args, sentence) => {
    const r = await cli(args.map((a) => (a === 'S' ? seed : a === 'C' ? clean : a)));
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`${sentence}\n`);
    expect(r.stdout).toBe('');
  });

  it('accepts --flag=value and -- before inputs', () => {
    const p = parseArgs(['--format=json', '--jobs=3', '--', '--odd-name.xlsx']);
    expect(p).toMatchObject({ ok: true, options: { format: 'json', jobs: 3, inputs: ['--odd-name.xlsx'] } });
  });
});

describe('--config errors: one sentence, exit 2', () => {
  it.each([
    ['bad-json.json', '{ rules: ', /^配置文件 .*bad-json\.json 不是有效的 JSON（.+）\n$/],
    [
      'bad-rule.json',
      '{"rules": {"no-such-rule": "off"}}',
      /^配置文件 .*bad-rule\.json 有误：rules\.no-such-rule: 未知的规则“no-such-rule”\n$/,
    ],
    [
      'bad-province.json',
      '{"province": "yunnan"}',
      /^配置文件 .*bad-province\.json 有误：province: 省份代码必须是两位数字，如“53”（云南）\n$/,
    ],
    ['bad-shape.json', '[1, 2]', /^配置文件 .*bad-shape\.json 有误：配置必须是一个 JSON 对象\n$/],
  ])('%s', async (name, text, sentence) => {
    const path = join(dir, name);
    writeFileSync(path, text);
    const r = await cli([seed, '--config', path]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(sentence);
    expect(r.stdout).toBe('');
  });

  it('a missing config file', async () => {
    const r = await cli([seed, '--config', join(dir, 'nope.json')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`配置文件 ${join(dir, 'nope.json')} 无法读取（路径不存在）\n`);
  });

  it('in English', async () => {
    const path = join(dir, 'bad-lang.json');
    writeFileSync(path, '{"lang": "fr"}');
    const r = await cli([seed, '--config', path, '--lang', 'en']);
    expect(r.stderr).toBe(`the configuration file ${path} is invalid: lang: lang must be zh or en\n`);
  });
});

describe('--registry errors', () => {
  it('an unreadable registry: one sentence, exit 2', async () => {
    const path = join(dir, 'reg-empty.xlsx');
    writeFileSync(path, new Uint8Array(0));
    const r = await cli([seed, '--registry', path]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`学校名册 ${path} 无法读取：文件是空的（0 字节）\n`);
    const missing = await cli([seed, '--registry', join(dir, 'none.xlsx')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toBe(`学校名册 ${join(dir, 'none.xlsx')} 无法读取：路径不存在\n`);
  });
});

describe('progress on stderr (only when stderr is a terminal)', () => {
  it('one line per file, in order; none without a terminal', async () => {
    let out = '';
    let err = '';
    const io = { out: (s: string) => void (out += s), err: (s: string) => void (err += s) };
    const code = await run([seed, clean, join(dir, 'missing.xlsx')], { ...io, progress: true });
    expect(code).toBe(2);
    expect(err.split('\n').filter(Boolean)).toEqual([
      `[1/3] ${seed}  有错误 9/${/有错误 9\/(\d+)/.exec(err)![1]}/0`,
      `[2/3] ${clean}  通过 0/0/0`,
      `[3/3] ${join(dir, 'missing.xlsx')}  无法读取`,
      // the unreadable file's sentence is on stderr in every format
      `${join(dir, 'missing.xlsx')}：文件或目录不存在`,
    ]);
    expect(out).not.toContain('[1/3]');
    const quiet = await cli([clean]);
    expect(quiet.stderr).toBe('');
  });
});

describe('a file larger than the reading limit', () => {
  it('is refused from its size, before it is loaded', async () => {
    const own = tempDir();
    const huge = join(own, 'huge.xlsx');
    writeFileSync(huge, '');
    truncateSync(huge, 210 * 1024 * 1024); // sparse: no disk space used
    let out = '';
    const code = await run([huge], { out: (s) => void (out += s), err: () => undefined, progress: false });
    expect(code).toBe(2);
    expect(out).toContain(`${huge}：文件过大（210 MB），超过读取上限 200 MB`);
    expect(statSync(huge).size).toBe(210 * 1024 * 1024);
  });
});
