/**
 * Issue 17, 3 and 6: a worker that dies is its file's exit 2 and the others are reported; the checks
 * have the read's time budget. In-process (runPool, runJob) with generated files; the clocks move by
 * work done, never by the wall.
 */
import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { runPool, workersForMemory, WORKER_HEAP_MB } from '../../src/cli/pool';
import { runJob, type JobResult, type JobSettings, type JobTask } from '../../src/cli/job';
import { ROOT } from './run-cli';
import { tempDir, write, workbookEntries } from './fixtures';
import { zip } from '../hosts/xlsx/hostile';

const settings: JobSettings = { config: {}, lang: 'zh', fix: false };

/**
 * A stand-in worker (plain JavaScript, a small heap): a file named `boom…` runs it out of memory,
 * `hang…` never answers, `exit…` ends the thread; any other file is "checked" with no findings.
 */
function fakeWorker(): Worker {
  const code = `
    const { parentPort } = require('node:worker_threads');
    parentPort.on('message', (t) => {
      if (t.file.startsWith('boom')) { const keep = []; for (;;) keep.push(new Array(1e5).fill(Math.random())); }
      if (t.file.startsWith('hang')) { for (;;) {} }
      if (t.file.startsWith('exit')) process.exit(3);
      parentPort.postMessage({ index: t.index, file: t.file, status: 'checked', summary: { errors: 0, warnings: 0, infos: 0, explained: 0 }, findings: [], ms: { read: 0, check: 0 } });
    });`;
  return new Worker(code, { eval: true, resourceLimits: { maxOldGenerationSizeMb: 16, maxYoungGenerationSizeMb: 4 } });
}

async function pool(files: string[], extra: { watchdogMs?: number; jobs?: number } = {}): Promise<JobResult[]> {
  const tasks: JobTask[] = files.map((file, index) => ({ index, file }));
  const out: JobResult[] = [];
  await runPool(tasks, {
    jobs: extra.jobs ?? 2,
    forceWorkers: true,
    settings,
    spawn: fakeWorker,
    totalMemory: 64 * 2 ** 30,
    onResult: (r) => void out.push(r),
    ...(extra.watchdogMs !== undefined && { watchdogMs: extra.watchdogMs }),
  });
  return out;
}

describe('a worker that dies (issue 17, 3)', () => {
  it('out of memory: that file is exit 2 with one sentence, every other file is reported, in order', async () => {
    const out = await pool(['a.xlsx', 'boom.xlsx', 'b.xlsx', 'c.xlsx', 'd.xlsx']);
    expect(out.map((r) => [r.file, r.status])).toEqual([
      ['a.xlsx', 'checked'],
      ['boom.xlsx', 'unreadable'],
      ['b.xlsx', 'checked'],
      ['c.xlsx', 'checked'],
      ['d.xlsx', 'checked'],
    ]);
    expect(out[1]!.error).toBe('boom.xlsx：无法读取：内存不足或文件异常');
    expect(out[1]!.detail).toContain('ERR_WORKER_OUT_OF_MEMORY');
  }, 60_000);

  it('the crashed file is never checked again in the main thread (a real file would be readable there)', async () => {
    // `boom.xlsx` does not exist: checked in the main thread, it would say "no such file" instead
    const out = await pool(['boom.xlsx', 'exit.xlsx', 'a.xlsx']);
    expect(out.map((r) => r.error ?? r.status)).toEqual([
      'boom.xlsx：无法读取：内存不足或文件异常',
      'exit.xlsx：无法读取：内存不足或文件异常',
      'checked',
    ]);
  }, 60_000);

  it('a worker that never answers is stopped by the watchdog: that file is exit 2, the others go on', async () => {
    const out = await pool(['a.xlsx', 'hang.xlsx', 'b.xlsx'], { watchdogMs: 5000 });
    expect(out.map((r) => r.status)).toEqual(['checked', 'unreadable', 'checked']);
    expect(out[1]!.error).toMatch(/^hang\.xlsx：读取和检查时间超过上限 \d+ 秒，已停止$/);
  }, 60_000);

  it('no more workers than the memory holds at the heap bound', () => {
    expect(workersForMemory(8 * 2 ** 30, 1536)).toBe(4);
    expect(workersForMemory(2 * 2 ** 30, 1536)).toBe(1);
    expect(workersForMemory(64 * 2 ** 30, 1536)).toBe(32);
    expect(WORKER_HEAP_MB * workersForMemory(16 * 2 ** 30)).toBeLessThanOrEqual(0.75 * 16 * 1024);
  });
});

describe("the checks have the read's time budget (issue 17, 6)", () => {
  it('many cells pointing at one long shared string stop at the read, by the text they add up to', () => {
    const rows: string[] = [];
    for (let r = 1; r <= 2000; r++) rows.push(`<row r="${r}"><c r="A${r}" t="s"><v>0</v></c></row>`);
    const long = '玉溪市江川区第一中学'.repeat(6000); // 60,000 characters, 2,000 times: 120 M
    const dir = tempDir();
    write(dir, {
      'shared.xlsx': zip(
        workbookEntries([{ name: '项目一', data: rows.join('') }], {
          'xl/sharedStrings.xml': `<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>${long}</t></si></sst>`,
        }),
      ),
    });
    const file = join(dir, 'shared.xlsx');
    const r = runJob({ index: 0, file }, settings);
    expect(r.status).toBe('unreadable');
    expect(r.error).toBe(
      `${file}：单元格文字总长度（共享字符串按每个引用它的单元格计）超过上限 100,000,000 个字符（工作表“项目一”（xl/worksheets/sheet1.xml）），已停止读取`,
    );
  });

  /** A clock that moves one second each time it is read: time by work done. */
  const stepClock = (): (() => number) => {
    let t = 0;
    return () => (t += 1000);
  };

  it('checks that take longer than 60 s stop with one sentence, exit 2', () => {
    const dir = tempDir();
    const file = join(dir, '江川区2023.xlsx');
    copyFileSync(join(ROOT, 'seeds/jiangchuan-2023.xlsx'), file);
    // the read reads this clock about 45 times (45 s, within its 60 s); the checks ask it about 150 times
    const r = runJob({ index: 0, file }, settings, { now: stepClock() });
    expect(r.status).toBe('unreadable');
    expect(r.error).toBe(`${file}：检查时间超过上限 60 秒，已停止检查`);
    const en = runJob({ index: 0, file }, { ...settings, lang: 'en' }, { now: stepClock() });
    expect(en.error).toBe(`${file}: checking took longer than the limit of 60 s; checking stopped`);
    // with time to spare the same file is checked
    expect(runJob({ index: 0, file }, settings).status).toBe('checked');
  });

  it('one long text repeated in many cells asks the budget at every figure, not once per rule', () => {
    const heads = [
      '项目一',
      '一、项目名称',
      '二、立项依据',
      '三、项目实施单位',
      '四、项目基本概况',
      '五、项目实施内容',
      '六、资金安排情况',
      '七、项目实施计划',
      '八、项目实施成效',
    ];
    const rows = heads.map((h, i) => `<row r="${i + 1}"><c r="A${i + 1}" t="inlineStr"><is><t>${h}</t></is></c></row>`);
    for (let r = heads.length + 1; r <= heads.length + 20; r++) rows.push(`<row r="${r}"><c r="A${r}" t="s"><v>0</v></c></row>`);
    const long = '本项目安排资金100万元，用于学校建设。'.repeat(150);
    const dir = tempDir();
    write(dir, {
      'long.xlsx': zip(
        workbookEntries([{ name: '项目一', data: rows.join('') }], {
          'xl/sharedStrings.xml': `<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>${long}</t></si></sst>`,
        }),
      ),
    });
    let asks = 0;
    let t = 0;
    const r = runJob({ index: 0, file: join(dir, 'long.xlsx') }, settings, { now: () => (asks++, (t += 1000)) });
    expect(r.error).toBe(`${join(dir, 'long.xlsx')}：检查时间超过上限 60 秒，已停止检查`);
    expect(asks).toBeLessThan(200);
  });
});
