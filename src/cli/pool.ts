/**
 * Runs jobs on worker threads (or inline for one job), at most `jobs` at a time, and hands the
 * results back in input order. At most `jobs * 4` files are ahead of the next one reported, so
 * memory stays bounded however many files there are and however slow one of them is.
 */
import { Worker } from 'node:worker_threads';
import { runJob, type JobResult, type JobSettings, type JobTask } from './job';

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
}

/**
 * A worker running worker.ts. Built (lib/, scripts/build-cli.mjs), it is lib/worker.js beside this
 * code. From the sources (`npm run cli`, tests), Node 20 resolves a worker's entry before any
 * `--import` hook is active, so the worker starts from a tiny script that registers tsx in its own
 * thread, then imports the TypeScript entry (both by absolute URL: the working directory does not matter).
 */
function startWorker(settings: JobSettings): Worker {
  if (!import.meta.url.endsWith('.ts')) return new Worker(new URL('./worker.js', import.meta.url), { workerData: settings });
  const entry = new URL('./worker.ts', import.meta.url).href;
  const api = import.meta.resolve('tsx/esm/api');
  const code = `import(${JSON.stringify(api)}).then((m) => { m.register(); return import(${JSON.stringify(entry)}); });`;
  return new Worker(code, { eval: true, workerData: settings });
}

export async function runPool(tasks: readonly JobTask[], options: PoolOptions): Promise<void> {
  const { settings, onResult } = options;
  const jobs = Math.max(1, Math.min(options.jobs, tasks.length));
  // A worker costs a start-up of its own (about a second from the TypeScript sources): small batches are faster inline.
  if (jobs <= 1 || (!options.forceWorkers && tasks.length < 8)) {
    for (const t of tasks) await onResult(runJob(t, settings));
    return;
  }
  const done = new Map<number, JobResult>();
  let next = 0; // next task to dispatch (position in `tasks`)
  let emitted = 0; // next position to report
  const window = jobs * 4;
  const workers: Worker[] = [];

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
    const dispatch = (): void => {
      while (idle.length > 0 && next < tasks.length && next - emitted < window) {
        const w = idle.pop()!;
        busy.set(w, next);
        w.postMessage(tasks[next]);
        next++;
      }
      if (emitted === tasks.length && !handing) resolve();
    };
    const settle = (pos: number, r: JobResult): void => {
      done.set(pos, r);
      flush();
    };
    for (let i = 0; i < jobs; i++) {
      const w = startWorker(settings);
      workers.push(w);
      w.on('message', (r: JobResult) => {
        const pos = busy.get(w);
        busy.delete(w);
        if (pos !== undefined) settle(pos, r);
        idle.push(w);
        dispatch();
      });
      w.on('error', (e) => {
        // A worker that dies takes its file with it: check that file inline, and go on with fewer workers.
        const pos = busy.get(w);
        busy.delete(w);
        if (pos !== undefined) {
          try {
            settle(pos, runJob(tasks[pos]!, settings));
          } catch (err) {
            reject(err instanceof Error ? err : new Error(String(err)));
            return;
          }
        }
        if (busy.size === 0 && idle.length === 0 && next < tasks.length) {
          reject(e);
          return;
        }
        dispatch();
      });
      idle.push(w);
    }
    dispatch();
  }).finally(async () => {
    await Promise.all(workers.map((w) => w.terminate()));
  });
}
