/**
 * Runs jobs on worker threads (or inline for one job), at most `jobs` at a time, and hands the
 * results back in input order. At most `jobs * 4` files are ahead of the next one reported, so
 * memory stays bounded however many files there are and however slow one of them is.
 *
 * Each worker has a heap of its own, bounded (`WORKER_HEAP_MB`), and there are no more workers
 * than the machine's memory holds at that bound: a file that needs more dies alone (out of memory
 * in its worker, not in the process). A worker that dies, or that runs one file past the read's and
 * the checks' budgets together (a watchdog: the cooperative clocks did not stop it), is that file's
 * exit 2 with one sentence; it is never checked again in the main thread, and a fresh worker takes
 * the next file.
 */
import { totalmem } from 'node:os';
import { Worker } from 'node:worker_threads';
import { DEFAULT_LIMITS } from '../hosts/xlsx/read';
import { CHECK_BUDGET_MS, runJob, type JobResult, type JobSettings, type JobTask } from './job';
import { M, say } from './messages';

/**
 * A worker's heap limit (old generation, MB): a read at the cell limit (3 M cells) peaks at about
 * 0.75 GB of heap (docs/cli.md, "Limits"), and the checks need less than the read; a file that needs
 * more than this runs its worker out of memory and is that file's exit 2.
 */
export const WORKER_HEAP_MB = 1536;

/** The share of the machine's memory that the workers' heaps together may take. */
const MEMORY_SHARE = 0.75;

/** Workers the machine's memory holds at WORKER_HEAP_MB each (at least 1). */
export function workersForMemory(totalBytes: number = totalmem(), heapMb: number = WORKER_HEAP_MB): number {
  return Math.max(1, Math.floor((totalBytes * MEMORY_SHARE) / (heapMb * 1024 * 1024)));
}

/** How long one file may keep a worker: the read's and the checks' budgets, and a margin. */
export const WATCHDOG_MS = DEFAULT_LIMITS.timeBudgetMs + CHECK_BUDGET_MS + 30_000;

export interface PoolOptions {
  readonly jobs: number;
  /** Use workers even for a small batch (an explicit --jobs). */
  readonly forceWorkers?: boolean;
  readonly settings: JobSettings;
  /**
   * Called once per task, in task order. A returned promise (the report's output is full) is awaited
   * before the next result is handed over, and no more files are started meanwhile than the window allows.
   */
  readonly onResult: (r: JobResult) => void | Promise<void>;
  /** @internal Tests: how a worker is started (a worker that crashes or hangs on purpose). */
  readonly spawn?: (settings: JobSettings) => Worker;
  /** @internal Tests: the watchdog's delay (default WATCHDOG_MS). */
  readonly watchdogMs?: number;
  /** @internal Tests: the machine's memory in bytes (default os.totalmem()). */
  readonly totalMemory?: number;
}

/**
 * A worker running worker.ts. Built (lib/, scripts/build-cli.mjs), it is lib/worker.js beside this
 * code. From the sources (`npm run cli`, tests), Node 20 resolves a worker's entry before any
 * `--import` hook is active, so the worker starts from a tiny script that registers tsx in its own
 * thread, then imports the TypeScript entry (both by absolute URL: the working directory does not matter).
 */
function startWorker(settings: JobSettings): Worker {
  const resourceLimits = { maxOldGenerationSizeMb: WORKER_HEAP_MB };
  if (!import.meta.url.endsWith('.ts'))
    return new Worker(new URL('./worker.js', import.meta.url), { workerData: settings, resourceLimits });
  const entry = new URL('./worker.ts', import.meta.url).href;
  const api = import.meta.resolve('tsx/esm/api');
  const code = `import(${JSON.stringify(api)}).then((m) => { m.register(); return import(${JSON.stringify(entry)}); });`;
  return new Worker(code, { eval: true, workerData: settings, resourceLimits });
}

const ZERO = { errors: 0, warnings: 0, infos: 0, explained: 0 };

/** The result of a file whose worker died (out of memory, a crash) or was stopped by the watchdog. */
function lostResult(task: JobTask, settings: JobSettings, why: 'died' | 'timeout', detail: string): JobResult {
  const error = why === 'died' ? M.workerDied(task.file) : M.workerTimedOut(task.file, WATCHDOG_MS);
  return {
    index: task.index,
    file: task.file,
    status: 'unreadable',
    summary: ZERO,
    findings: [],
    error: say(error, settings.lang),
    detail,
    ms: { read: 0, check: 0 },
  };
}

export async function runPool(tasks: readonly JobTask[], options: PoolOptions): Promise<void> {
  const { settings, onResult } = options;
  const jobs = Math.max(1, Math.min(options.jobs, tasks.length, workersForMemory(options.totalMemory)));
  // A worker costs a start-up of its own (about a second from the TypeScript sources): small batches are faster inline.
  if (jobs <= 1 || (!options.forceWorkers && tasks.length < 8)) {
    for (const t of tasks) await onResult(runJob(t, settings));
    return;
  }
  const done = new Map<number, JobResult>();
  let next = 0; // next task to dispatch (position in `tasks`)
  let emitted = 0; // next position to report
  const window = jobs * 4;
  const workers = new Set<Worker>();
  const spawn = options.spawn ?? startWorker;
  const watchdogMs = options.watchdogMs ?? WATCHDOG_MS;

  await new Promise<void>((resolve, reject) => {
    const idle: Worker[] = [];
    const busy = new Map<Worker, number>();
    let handing = false; // a result's onResult promise is pending
    const flush = (): void => {
      while (!handing && emitted < tasks.length && done.has(emitted)) {
        const handed = onResult(done.get(emitted)!);
        done.delete(emitted);
        emitted++;
        if (handed instanceof Promise) {
          handing = true;
          handed.then(() => {
            handing = false;
            flush();
            dispatch();
          }, reject);
        }
      }
    };
    const timers = new Map<Worker, ReturnType<typeof setTimeout>>();
    let deaths = 0; // workers lost with no file to blame: start-up failures
    const dispatch = (): void => {
      while (idle.length > 0 && next < tasks.length && next - emitted < window) {
        const w = idle.pop()!;
        const pos = next;
        busy.set(w, pos);
        w.postMessage(tasks[pos]);
        const timer = setTimeout(() => lose(w, 'timeout', `no result after ${watchdogMs} ms`), watchdogMs);
        timer.unref();
        timers.set(w, timer);
        next++;
      }
      if (emitted === tasks.length && !handing) resolve();
    };
    const settle = (pos: number, r: JobResult): void => {
      done.set(pos, r);
      flush();
    };
    /**
     * A worker is gone (it died, or the watchdog stops it): its file, if it had one, is that file's
     * exit 2, never checked again here; a fresh worker takes its place for the files left.
     */
    const lose = (w: Worker, why: 'died' | 'timeout', detail: string): void => {
      if (!workers.has(w)) return;
      workers.delete(w);
      clearTimeout(timers.get(w));
      timers.delete(w);
      const at = idle.indexOf(w);
      if (at >= 0) idle.splice(at, 1);
      const pos = busy.get(w);
      busy.delete(w);
      void w.terminate();
      if (pos !== undefined) settle(pos, lostResult(tasks[pos]!, settings, why, detail));
      else if (++deaths > jobs) {
        // workers that die before any file is given to them: the workers themselves cannot start
        reject(new Error(`workers cannot start: ${detail}`));
        return;
      }
      if (next < tasks.length) add();
      dispatch();
    };
    const add = (): void => {
      const w = spawn(settings);
      workers.add(w);
      w.on('message', (r: JobResult) => {
        clearTimeout(timers.get(w));
        timers.delete(w);
        const pos = busy.get(w);
        busy.delete(w);
        if (pos !== undefined) settle(pos, r);
        idle.push(w);
        dispatch();
      });
      w.on('error', (e) => lose(w, 'died', e instanceof Error ? `${(e as { code?: string }).code ?? e.name}: ${e.message}` : String(e)));
      w.on('exit', (code) => lose(w, 'died', `worker exited with code ${code}`));
      idle.push(w);
    };
    for (let i = 0; i < jobs; i++) add();
    dispatch();
  }).finally(async () => {
    const left = [...workers];
    workers.clear(); // their exit events are the end of the run, not a loss
    await Promise.all(left.map((w) => w.terminate()));
  });
}
