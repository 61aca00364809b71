/**
 * `npm run bench` — the budgets of SPEC §8, measured on this machine, printed as ratios.
 * `npm run bench -- --json` prints one JSON object (keys listed in KEYS) for tracking.
 * Each timing is run several times; the median and the spread (min–max) are printed.
 * Never run by `npm test`.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { unzipSync } from 'fflate';
import type { WorkbookSnapshot } from '../src/core/snapshot/types';
import { loadShipped } from './shipped';
import { DATA_DIR, SIZES, syntheticWorkbook, workbookFile } from './data';
import { writeXlsx } from './xlsx-writer';
import { countSyncs } from './syncs';
import { buildCli } from '../scripts/build-cli.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const json = process.argv.includes('--json');
const quick = process.argv.includes('--quick');
const log = (s: string): void => {
  if (!json) console.log(s);
};

interface Stat {
  median: number;
  min: number;
  max: number;
  runs: number;
}

/**
 * Median and spread of `fn` over `runs` runs after one warm-up (JIT). `setup`, when given, runs before
 * each call, untimed, and its result is `fn`'s argument: a check is timed on a snapshot read afresh
 * each time, as every check of the CLI and of the add-in is, not on one whose per-sheet caches (grids,
 * section analyses) an earlier check filled.
 */
function measure<T = void>(fn: (x: T) => void, runs: number, setup?: () => T): Stat {
  const times: number[] = [];
  const arg = (): T => (setup ? setup() : (undefined as T));
  fn(arg()); // warm-up (JIT)
  for (let i = 0; i < runs; i++) {
    const x = arg();
    (globalThis as { gc?: () => void }).gc?.();
    const t = performance.now();
    fn(x);
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  return { median: times[Math.floor(times.length / 2)]!, min: times[0]!, max: times[times.length - 1]!, runs };
}

async function measureAsync(fn: () => Promise<void>, runs: number): Promise<Stat> {
  const times: number[] = [];
  await fn();
  for (let i = 0; i < runs; i++) {
    (globalThis as { gc?: () => void }).gc?.();
    const t = performance.now();
    await fn();
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  return { median: times[Math.floor(times.length / 2)]!, min: times[0]!, max: times[times.length - 1]!, runs };
}

const fmt = (s: Stat): string => `${s.median.toFixed(1)} ms (${s.min.toFixed(1)}–${s.max.toFixed(1)}, n=${s.runs})`;

const { checkWorkbook, readXlsx } = await loadShipped();

function read(bytes: Uint8Array): WorkbookSnapshot {
  const r = readXlsx(bytes);
  if (!r.ok) throw new Error(`bench: cannot read workbook: ${r.error.message}`);
  return r.snapshot;
}

function ensureData(): void {
  mkdirSync(DATA_DIR, { recursive: true });
  for (const [p, r] of SIZES) {
    const f = workbookFile(p, r);
    if (!existsSync(f)) writeFileSync(f, writeXlsx(syntheticWorkbook(p, r)));
  }
}

/**
 * Gzip sizes of the pane's initial JavaScript (taskpane.html's scripts plus the chunk group its boot
 * path loads at once inside Excel, as scripts/e2e.mjs measures it) and of the lazily loaded .xlsx
 * reader chunk group, from a production build with the chunk map (`--env e2e`).
 */
function bundleSizes(): { taskpaneInitialGzipKB: number; readerGzipKB: number } {
  const dist = join(ROOT, '.tmp', 'bench-dist');
  execFileSync(
    process.execPath,
    [join(ROOT, 'node_modules/webpack-cli/bin/cli.js'), '--mode', 'production', '--env', 'e2e', '--output-path', dist],
    {
      cwd: ROOT,
      stdio: 'ignore',
    },
  );
  const groups = JSON.parse(readFileSync(join(dist, 'e2e-chunks.json'), 'utf8')) as Record<string, string[]>;
  const html = readFileSync(join(dist, 'taskpane.html'), 'utf8');
  const scripts = [...html.matchAll(/<script[^>]*\ssrc=["']?([^"' >]+)/g)]
    .map((m) => m[1]!)
    .filter((s) => !/^https?:/.test(s) && s.endsWith('.js'));
  const gzKB = (files: readonly string[]): number =>
    [...new Set(files)].reduce((a, f) => a + gzipSync(readFileSync(join(dist, f)), { level: 9 }).length, 0) / 1024;
  return {
    taskpaneInitialGzipKB: round(gzKB([...scripts, ...(groups['pane-office'] ?? [])])),
    readerGzipKB: round(gzKB(groups.xlsx ?? [])),
  };
}

const round = (x: number, d = 2): number => Math.round(x * 10 ** d) / 10 ** d;

/** CPU seconds used by this process's finished children (Linux: /proc/self/stat cutime + cstime), or null. */
function childrenCpuSeconds(): number | null {
  try {
    const stat = readFileSync('/proc/self/stat', 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' '); // fields from the 3rd (state) on
    const ticks = Number(fields[16 - 3]) + Number(fields[17 - 3]); // cutime, cstime
    return Number.isFinite(ticks) ? ticks / 100 : null; // USER_HZ is 100 on Linux
  } catch {
    return null;
  }
}

/**
 * Start-up of the installed command: `disclosure-check --help` (the built lib/disclosure-check.js, built
 * here from the current sources) against `node -e 0`, whole processes, run in turn so that both see the
 * same machine; the ratio of the medians of their wall times, and (Linux) of their CPU times, steadier
 * on a busy machine.
 */
async function startup(runs: number): Promise<{ ratio: number; cpuRatio: number | null; helpMs: Stat; nodeMs: Stat }> {
  await buildCli();
  const bin = join(ROOT, 'lib/disclosure-check.js');
  const cpu = { help: [] as number[], bare: [] as number[] };
  const time = (args: string[], cpuTimes?: number[]): number => {
    const c0 = childrenCpuSeconds();
    const t = performance.now();
    const r = spawnSync(process.execPath, args, { stdio: 'ignore', env: { ...process.env, NODE_OPTIONS: '' } });
    const ms = performance.now() - t;
    if (r.status !== 0) throw new Error(`node ${args.join(' ')} exited ${r.status}`);
    const c1 = childrenCpuSeconds();
    if (cpuTimes && c0 !== null && c1 !== null) cpuTimes.push((c1 - c0) * 1000);
    return ms;
  };
  const help: number[] = [];
  const bare: number[] = [];
  time([bin, '--help']); // warm-up (file cache)
  time(['-e', '0']);
  for (let i = 0; i < runs; i++) {
    help.push(time([bin, '--help'], cpu.help));
    bare.push(time(['-e', '0'], cpu.bare));
  }
  const stat = (xs: number[]): Stat => {
    const s = [...xs].sort((a, b) => a - b);
    return { median: s[Math.floor(s.length / 2)]!, min: s[0]!, max: s[s.length - 1]!, runs: s.length };
  };
  const helpMs = stat(help);
  const nodeMs = stat(bare);
  const cpuRatio =
    cpu.help.length === runs && cpu.bare.length === runs && stat(cpu.bare).median > 0
      ? stat(cpu.help).median / stat(cpu.bare).median
      : null;
  return { ratio: helpMs.median / nodeMs.median, cpuRatio, helpMs, nodeMs };
}

async function main(): Promise<void> {
  ensureData();
  const runs = quick ? 3 : 7;
  const bytesOf = (p: number, r: number): Uint8Array => new Uint8Array(readFileSync(workbookFile(p, r)));

  // 1. the seed workbook
  const seedBytes = new Uint8Array(readFileSync(join(ROOT, 'seeds/jiangchuan-2023.xlsx')));
  const seedRead = measure(() => read(seedBytes), runs * 3);
  const seedCheck = measure(
    (snapshot) => checkWorkbook({ snapshot }),
    runs * 3,
    () => read(seedBytes),
  );
  log(`seed workbook: read ${fmt(seedRead)}; checks ${fmt(seedCheck)}  (budget < 50 ms)`);

  // 2. synthetic workbooks: read and check
  const checks = new Map<string, Stat>();
  const reads = new Map<string, Stat>();
  for (const [p, r] of SIZES) {
    const bytes = bytesOf(p, r);
    const snap = read(bytes);
    const k = `${p}p-${r}r`;
    reads.set(
      k,
      measure(() => read(bytes), runs),
    );
    checks.set(
      k,
      measure(
        (snapshot) => checkWorkbook({ snapshot }),
        runs,
        () => read(bytes),
      ),
    );
    const findings = checkWorkbook({ snapshot: snap }).findings.length;
    log(
      `${String(p).padStart(4)} projects, ${String(r).padStart(5)} rows (${(bytes.length / 1024).toFixed(0)} KB, ${findings} findings): read ${fmt(reads.get(k)!)}; checks ${fmt(checks.get(k)!)}`,
    );
  }
  const large = '1000p-10000r';
  const largeCheck = checks.get(large)!;
  const largeRead = reads.get(large)!;
  const checkToReadRatio = largeCheck.median / largeRead.median;
  const projectScaling = checks.get('1000p-100r')!.median / checks.get('100p-100r')!.median;
  const rowScaling = checks.get('10p-10000r')!.median / checks.get('10p-1000r')!.median;
  log(`checks / read (large): ${checkToReadRatio.toFixed(3)}  (budget ≤ 0.25)`);
  log(`growth 100 → 1,000 projects: ×${projectScaling.toFixed(2)}; 1,000 → 10,000 rows: ×${rowScaling.toFixed(2)}  (budget ≤ ×11)`);

  // 3. the file adapter against ExcelJS and against a bare unzip of the same 1,000-sheet file
  const bigBytes = bytesOf(1000, 10000);
  const readAndCheck = measure(() => checkWorkbook({ snapshot: read(bigBytes) }), runs);
  const unzip = measure(() => {
    const files = unzipSync(bigBytes);
    const dec = new TextDecoder();
    for (const name of Object.keys(files)) dec.decode(files[name]);
  }, runs);
  const ExcelJS = (await import('exceljs')).default;
  const exceljs = await measureAsync(
    async () => {
      // ExcelJS types want its own Buffer flavour; the bytes are a plain Node Buffer.
      await new ExcelJS.Workbook().xlsx.load(
        Buffer.from(bigBytes) as unknown as Parameters<InstanceType<typeof ExcelJS.Workbook>['xlsx']['load']>[0],
      );
    },
    Math.max(3, Math.floor(runs / 2)),
  );
  const readVsExceljs = readAndCheck.median / exceljs.median;
  const readVsUnzip = readAndCheck.median / unzip.median;
  log(`1,000 sheets + 10,000 rows: read+check ${fmt(readAndCheck)}; ExcelJS load ${fmt(exceljs)}; bare unzip+decode ${fmt(unzip)}`);
  log(`read+check vs ExcelJS: ${readVsExceljs.toFixed(3)}  (budget ≤ 0.4); vs bare unzip: ×${readVsUnzip.toFixed(2)}  (budget ≤ 4)`);

  // 4. Office host: sync calls on the fake Excel object model
  const syncs = await countSyncs();
  log(
    `context.sync() per check+flag+clear: ${syncs.small} for ${syncs.smallSheets} sheets, ${syncs.large} for ${syncs.largeSheets} sheets  (budget: constant)`,
  );

  // 5. bundle sizes
  const sizes = quick ? { taskpaneInitialGzipKB: NaN, readerGzipKB: NaN } : bundleSizes();
  log(
    `task pane initial JS: ${sizes.taskpaneInitialGzipKB} KB gzip (budget ≤ 250); lazy .xlsx reader chunk: ${sizes.readerGzipKB} KB gzip`,
  );

  // 6. the command's start-up
  const start = await startup(quick ? 9 : 21);
  const cpuNote = start.cpuRatio === null ? '' : `; CPU time ratio ${start.cpuRatio.toFixed(2)}`;
  log(
    `disclosure-check --help ${fmt(start.helpMs)}; node -e 0 ${fmt(start.nodeMs)}; ratio ${start.ratio.toFixed(2)}${cpuNote}  (budget ≤ 2)`,
  );

  const peakRssMb = round(process.resourceUsage().maxRSS / 1024, 1);
  log(`peak RSS: ${peakRssMb} MB`);

  const out = {
    seedCheckMs: round(seedCheck.median),
    largeCheckMs: round(largeCheck.median),
    checkToReadRatio: round(checkToReadRatio, 3),
    projectScaling: round(projectScaling, 2),
    rowScaling: round(rowScaling, 2),
    peakRssMb,
    syncsSmall: syncs.small,
    syncsLarge: syncs.large,
    taskpaneInitialGzipKB: sizes.taskpaneInitialGzipKB,
    readerGzipKB: sizes.readerGzipKB,
    readVsExceljs: round(readVsExceljs, 3),
    readVsUnzip: round(readVsUnzip, 2),
    startupRatio: round(start.ratio, 2),
    startupCpuRatio: start.cpuRatio === null ? null : round(start.cpuRatio, 2),
    spread: {
      seedCheckMs: [round(seedCheck.min), round(seedCheck.max)],
      largeCheckMs: [round(largeCheck.min), round(largeCheck.max)],
      largeReadMs: [round(largeRead.min), round(largeRead.median), round(largeRead.max)],
      exceljsLoadMs: [round(exceljs.min), round(exceljs.median), round(exceljs.max)],
      unzipMs: [round(unzip.min), round(unzip.median), round(unzip.max)],
      startupHelpMs: [round(start.helpMs.min), round(start.helpMs.median), round(start.helpMs.max)],
      startupNodeMs: [round(start.nodeMs.min), round(start.nodeMs.median), round(start.nodeMs.max)],
    },
  };
  if (json) console.log(JSON.stringify(out, null, 2));
}

main().catch((e: unknown) => {
  console.error(`bench: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
});
