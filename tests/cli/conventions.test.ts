/**
 * CLI conventions (issue 16): an unreadable file is said on stderr in every format; `-` reads the workbook
 * from standard input; --out (and --export-docx) replace an existing file; the report is streamed, the
 * same bytes as when it was built whole, and the same for every --jobs; the built command and the
 * sources (`npm run cli`, tsx workers) give the same report.
 */
import { spawn } from 'node:child_process';
import { closeSync, copyFileSync, linkSync, mkdirSync, openSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it, vi } from 'vitest';

import { run, type CliIO, type StdinSource } from '../../src/cli/run';
import { HELP } from '../../src/cli/help';
import { readXlsx } from '../../src/hosts/xlsx/read';
import { renderCsv } from '../../src/core/report/report';
import { writeXlsx } from '../../bench/xlsx-writer';
import { syntheticWorkbook } from '../../bench/data';
import { BIN, ROOT, STACK, hashTree, runCli, runCommand, type CliRun } from './run-cli';
import { cleanWorkbook, faultyWorkbook, nothingToCheck, tempDir, write } from './fixtures';

vi.setConfig({ testTimeout: 240_000, hookTimeout: 120_000 });

const SEED = join(ROOT, 'seeds/jiangchuan-2023.xlsx');
let dir: string;
let seedBytes: Uint8Array;

beforeAll(async () => {
  dir = tempDir();
  seedBytes = new Uint8Array(readFileSync(SEED));
  copyFileSync(SEED, join(dir, 'seed.xlsx'));
  write(dir, {
    'clean.xlsx': await cleanWorkbook(),
    'faulty.xlsx': await faultyWorkbook(),
    'nothing.xlsx': nothingToCheck(),
    'empty.xlsx': new Uint8Array(0),
  });
  // one file with several hundred findings: its JSON is larger than one write of the report
  writeFileSync(join(dir, 'many.xlsx'), writeXlsx(syntheticWorkbook(120, 200)));
});

interface Captured {
  code: number;
  stdout: string;
  stderr: string;
  /** Each piece handed to `out`, in order. */
  writes: string[];
}

/** Runs the CLI in-process on paths under `dir`. */
async function cli(args: string[], extra: Partial<CliIO> = {}): Promise<Captured> {
  const writes: string[] = [];
  let stderr = '';
  const code = await run(
    args.map((a) => (/\.(xlsx|json|docx)$/.test(a) && !a.startsWith('/') ? join(dir, a) : a)),
    { out: (s) => void writes.push(s), err: (s) => void (stderr += s), progress: false, ...extra },
  );
  return { code, stdout: writes.join(''), stderr, writes };
}

/** A standard input made of these chunks. */
function stdinOf(...chunks: Uint8Array[]): StdinSource {
  return {
    isTTY: false,
    read: async function* () {
      for (const c of chunks) yield c;
    },
  };
}

describe('a file that cannot be read is said on stderr, in every format', () => {
  it('text (spawned, as `disclosure-check missing.xlsx > report.txt`): stderr has the sentence, the report keeps it', async () => {
    const r = await runCli(['missing.xlsx', 'empty.xlsx', 'clean.xlsx'], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('missing.xlsx：文件或目录不存在\nempty.xlsx：文件是空的（0 字节）\n');
    expect(r.stdout).toContain('missing.xlsx：文件或目录不存在\n');
    expect(r.stdout).toContain('clean.xlsx\n  未发现问题。');
  });

  it.each([['text'], ['json'], ['csv']])('%s', async (format) => {
    const r = await cli(['missing.xlsx', 'clean.xlsx', '--format', format, '--lang', 'en']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`${join(dir, 'missing.xlsx')}: no such file or directory\n`);
  });

  it('a readable file puts nothing on stderr', async () => {
    const r = await cli(['faulty.xlsx']);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('');
  });
});

describe('`-` reads the workbook from standard input', () => {
  it('the report names it `-`; the findings are those of the file', async () => {
    const [fromFile, fromStdin] = await Promise.all([
      cli(['seed.xlsx', '--format', 'json']),
      cli(['-', '--format', 'json'], { stdin: stdinOf(seedBytes.subarray(0, 1000), seedBytes.subarray(1000)) }),
    ]);
    expect(fromStdin.code).toBe(1);
    const a = JSON.parse(fromFile.stdout) as { reports: { file: string }[] };
    const b = JSON.parse(fromStdin.stdout) as { reports: { file: string }[] };
    expect(b.reports[0]!.file).toBe('-');
    expect({ ...b.reports[0], file: 'x' }).toEqual({ ...a.reports[0], file: 'x' });
  });

  it('beside files, in its place in the batch', async () => {
    const r = await cli(['clean.xlsx', '-', 'faulty.xlsx'], { stdin: stdinOf(seedBytes) });
    expect(r.code).toBe(1);
    expect([...r.stdout.matchAll(/^(\S+)\n {2}/gm)].map((m) => m[1]!.replace(`${dir}/`, ''))).toEqual(['clean.xlsx', '-', 'faulty.xlsx']);
    expect(r.stdout).toMatch(/^- +9 +\d+ +0 +0 +有错误$/m);
  });

  it('empty standard input is an empty file: one sentence naming `-`, exit 2', async () => {
    const r = await cli(['-'], { stdin: stdinOf() });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('-：文件是空的（0 字节）\n');
  });

  it('bounded by the reading limit for a file: reading stops past 200 MB', async () => {
    const mb = new Uint8Array(1024 * 1024);
    let given = 0;
    const stdin: StdinSource = {
      isTTY: false,
      read: async function* () {
        for (;;) {
          given++;
          yield mb;
        }
      },
    };
    const r = await cli(['-', '--format', 'json'], { stdin });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('-：标准输入的内容超过读取上限 200 MB，已停止读取\n');
    expect(given).toBe(201);
    expect(JSON.parse(r.stdout)).toMatchObject({ reports: [{ file: '-', error: '-：标准输入的内容超过读取上限 200 MB，已停止读取' }] });
  });

  it('a terminal is refused before any work; `-` twice is a usage error', async () => {
    const tty = await cli(['-'], { stdin: { isTTY: true, read: () => stdinOf().read() } });
    expect(tty.code).toBe(2);
    expect(tty.stderr).toMatch(/^-：标准输入是终端，没有可读取的工作簿/);
    expect(tty.stdout).toBe('');
    const twice = await cli(['-', '-'], { stdin: stdinOf(seedBytes) });
    expect(twice.code).toBe(2);
    expect(twice.stderr).toBe('“-”（标准输入）只能给一次\n');
  });

  it('spawned: piped in, with --out and --export-docx (nothing else written)', async () => {
    const own = tempDir();
    const r = await runCli(['-', '--out', 'copy.xlsx', '--export-docx', 'copy.docx', '--force', '--format', 'csv'], own, seedBytes);
    expect(r.code).toBe(1);
    expect(r.stdout.split('\r\n')[1]).toMatch(/^-,/);
    expect(Object.keys(hashTree(own)).sort()).toEqual(['copy.docx', 'copy.xlsx']);
    const copy = readXlsx(new Uint8Array(readFileSync(join(own, 'copy.xlsx'))));
    expect(copy.ok && copy.snapshot.sheets.map((s) => s.name)).toContain('检查结果');
    expect([...readFileSync(join(own, 'copy.docx')).subarray(0, 2)]).toEqual([0x50, 0x4b]);
  });

  it('spawned: standard input redirected from a file is that file: --out onto it is refused', async () => {
    const own = tempDir();
    copyFileSync(SEED, join(own, 'in.xlsx'));
    linkSync(join(own, 'in.xlsx'), join(own, 'link.xlsx'));
    const before = hashTree(own);
    const fd = openSync(join(own, 'in.xlsx'), 'r');
    let r: CliRun;
    try {
      r = await new Promise<CliRun>((res, rej) => {
        const child = spawn(process.execPath, [BIN, '-', '--out', 'link.xlsx'], { cwd: own, stdio: [fd, 'pipe', 'pipe'] });
        let stdout = '';
        let stderr = '';
        child.stdout!.on('data', (d: Buffer) => (stdout += d.toString()));
        child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
        child.on('error', rej);
        child.on('close', (code) => res({ code, stdout, stderr }));
      });
    } finally {
      closeSync(fd);
    }
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('link.xlsx：--out 指向了输入文件本身，拒绝覆盖输入（请指定另一个文件名）\n');
    expect(hashTree(own)).toEqual(before);
  });
});

describe('--out and --export-docx replace an existing file (as ESLint -o does)', () => {
  it('says so in --help', () => {
    const lines = HELP.split('\n');
    const out = lines.findIndex((l) => l.trimStart().startsWith('--out FILE'));
    expect(lines[out]).toContain('已有的同名文件会被替换');
    expect(lines[out + 1]).toContain('an existing file of that name is replaced');
  });

  it('the old file is replaced by the new copy; another name of the old file keeps its bytes', async () => {
    const own = tempDir();
    writeFileSync(join(own, 'copy.xlsx'), 'an older copy');
    linkSync(join(own, 'copy.xlsx'), join(own, 'older.xlsx'));
    writeFileSync(join(own, 'out.docx'), 'an older document');
    const r = await cli(['clean.xlsx', '--out', join(own, 'copy.xlsx'), '--export-docx', join(own, 'out.docx')]);
    expect(r.code).toBe(0);
    const copy = readXlsx(new Uint8Array(readFileSync(join(own, 'copy.xlsx'))));
    expect(copy.ok && copy.snapshot.sheets.map((s) => s.name)).toContain('检查结果');
    expect([...readFileSync(join(own, 'out.docx')).subarray(0, 2)]).toEqual([0x50, 0x4b]);
    expect(readFileSync(join(own, 'older.xlsx'), 'utf8')).toBe('an older copy');
  });
});

describe('the report is written as it is produced', () => {
  it('JSON: several writes, none much larger than the buffer, the bytes of JSON.stringify(report, null, 2)', async () => {
    const r = await cli(['many.xlsx', 'missing.xlsx', 'nothing.xlsx', 'seed.xlsx', '--format', 'json', '--out-dir', tempDir()]);
    const json = JSON.parse(r.stdout) as {
      reports: { file: string; findings: unknown[]; nothingToCheck?: boolean; annotatedCopy?: string; error?: string }[];
    };
    expect(json.reports[0]!.findings.length).toBeGreaterThan(300);
    expect(json.reports.map((x) => [x.error !== undefined, x.nothingToCheck === true, x.annotatedCopy !== undefined])).toEqual([
      [false, false, true],
      [true, false, false],
      [false, true, true],
      [false, false, true],
    ]);
    // today's output was JSON.stringify(report, null, 2) + '\n': parsed and written again, it must be the same bytes
    expect(r.stdout).toBe(`${JSON.stringify(json, null, 2)}\n`);
    // the first write went out while the first file's findings were being written, before the next file
    expect(r.writes.length).toBeGreaterThan(1);
    expect(r.writes[0]!.startsWith('{\n  "version": 1,\n  "reports": [\n    {\n      "file": ')).toBe(true);
    expect(r.writes[0]).not.toContain('missing.xlsx');
    expect(Math.max(...r.writes.map((w) => w.length))).toBeLessThan(64 * 1024 + 4096);
  });

  it('CSV: the bytes of renderCsv over all files', async () => {
    const r = await cli(['seed.xlsx', 'clean.xlsx', 'missing.xlsx', 'faulty.xlsx', '--format', 'csv']);
    const j = JSON.parse((await cli(['seed.xlsx', 'clean.xlsx', 'missing.xlsx', 'faulty.xlsx', '--format', 'json'])).stdout) as {
      reports: Parameters<typeof renderCsv>[0];
    };
    // the JSON findings carry every field a CSV row shows
    expect(r.stdout).toBe(renderCsv(j.reports, 'zh'));
    expect(r.stdout.startsWith('\ufeff')).toBe(true);
    expect(r.stdout.match(/\ufeff/g)).toHaveLength(1);
  });

  it('waits for a slow output: every piece in order, the run ends after the last is taken', async () => {
    const taken: string[] = [];
    const r = await cli(['seed.xlsx', 'faulty.xlsx', 'many.xlsx', '--format', 'json'], {
      out: (s) =>
        new Promise<void>((res) =>
          setTimeout(() => {
            taken.push(s);
            res();
          }, 5),
        ),
    });
    expect(r.code).toBe(1);
    const text = taken.join('');
    expect(text).toBe(`${JSON.stringify(JSON.parse(text), null, 2)}\n`);
    expect(taken.length).toBeGreaterThan(1);
  });
});

describe('the same report for every --jobs, from the built command and from the sources', () => {
  let batch: string;
  beforeAll(() => {
    batch = join(dir, 'batch');
    mkdirSync(batch);
    // nine files (more than eight: without --jobs the batch uses workers too), a bad one among them
    for (const [i, src] of ['seed', 'clean', 'faulty', 'seed', 'nothing', 'clean', 'seed', 'faulty', 'clean'].entries()) {
      copyFileSync(join(dir, `${src}.xlsx`), join(batch, `${String.fromCharCode(97 + i)}.xlsx`));
    }
    writeFileSync(join(batch, 'e2.xlsx'), new Uint8Array(0));
  });

  it.each([
    ['json', [['--jobs', '1'], ['--jobs', '2'], ['--jobs', '3'], []]],
    [
      'csv',
      [
        ['--jobs', '1'],
        ['--jobs', '3'],
      ],
    ],
    ['text', [['--jobs', '1'], []]],
  ])('%s: the same bytes for --jobs %j', async (format, jobs) => {
    const runs = await Promise.all(jobs.map((j) => runCli(['batch', '--format', format, ...j], dir)));
    for (const r of runs) {
      expect(r.code).toBe(2);
      expect(r.stdout + r.stderr).not.toMatch(STACK);
    }
    expect(runs[0]!.stdout.length).toBeGreaterThan(1000);
    for (const r of runs.slice(1)) {
      expect(r.stdout).toBe(runs[0]!.stdout);
      expect(r.stderr).toBe(runs[0]!.stderr);
    }
  });

  it("`npm run cli` (the TypeScript sources, tsx workers) gives the built command's report", async () => {
    const [built, sources] = await Promise.all([
      runCli(['batch', '--format', 'json', '--jobs', '2'], dir),
      runCommand('npm', ['run', '--silent', 'cli', '--', join(dir, 'batch'), '--format', 'json', '--jobs', '2'], ROOT),
    ]);
    expect(sources.code).toBe(2);
    expect(sources.stdout.replaceAll(`${dir}/`, '')).toBe(built.stdout);
  });
});
