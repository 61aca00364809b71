/** Worker thread: checks the files the main thread sends, one at a time. */
import { parentPort, workerData } from 'node:worker_threads';
import { runJob, type JobSettings, type JobTask } from './job';

const settings = workerData as JobSettings;
parentPort?.on('message', (task: JobTask) => {
  let result;
  try {
    result = runJob(task, settings);
  } catch (e) {
    result = {
      index: task.index,
      file: task.file,
      status: 'unreadable',
      summary: { errors: 0, warnings: 0, infos: 0, explained: 0 },
      findings: [],
      error: `${task.file}: internal error`,
      detail: e instanceof Error ? (e.stack ?? e.message) : String(e),
      ms: { read: 0, check: 0 },
    };
  }
  parentPort?.postMessage(result);
});
