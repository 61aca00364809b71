/**
 * The workbook worker run in-process for the tests: the real message loop (serveSession) over
 * the real session, with every message and answer passed through structuredClone as a Worker
 * would (Blobs are passed as they are), delivered asynchronously. `hold()` keeps answers back
 * until `release()`, to look at the page while work is running; `crash()` fails like a dead worker.
 */
import { createWorkSession, serveSession, type WorkerScope } from '../../../src/taskpane/standalone/session';
import type { FromWorker, ToWorker, WorkerLike } from '../../../src/taskpane/standalone/protocol';

export interface InProcessWorker extends WorkerLike {
  readonly posted: ToWorker[];
  terminated: boolean;
  hold(): void;
  release(): void;
  crash(): void;
}

/** jsdom's Blob has no arrayBuffer(): read it through its FileReader. */
function readable(file: Blob): Blob {
  if (typeof file.arrayBuffer === 'function') return file;
  return {
    size: file.size,
    arrayBuffer: () =>
      new Promise<ArrayBuffer>((resolve, reject) => {
        const r = new FileReader();
        r.onload = () => resolve(r.result as ArrayBuffer);
        r.onerror = () => reject(r.error ?? new Error('read failed'));
        r.readAsArrayBuffer(file);
      }),
  } as Blob;
}

function cloneArgs(message: ToWorker): ToWorker {
  // Blobs go as they are (Node's structuredClone does not take them); everything else is cloned
  const { file, ...rest } = message.args as { file?: Blob };
  const cloned = structuredClone({ ...message, args: rest }) as ToWorker;
  return file ? ({ ...cloned, args: { ...cloned.args, file: readable(file) } } as ToWorker) : cloned;
}

export function inProcessWorker(): InProcessWorker {
  let held: (() => void)[] | null = null;
  const scope: WorkerScope = {
    onmessage: null,
    postMessage(message: FromWorker) {
      const data = structuredClone(message);
      const deliver = () => {
        if (!w.terminated) w.onmessage?.({ data } as MessageEvent<FromWorker>);
      };
      if (held && data.type !== 'phase') held.push(deliver);
      else setTimeout(deliver, 0);
    },
  };
  serveSession(scope, createWorkSession());
  const w: InProcessWorker = {
    posted: [],
    terminated: false,
    onmessage: null,
    onerror: null,
    postMessage(message) {
      w.posted.push(message);
      const data = cloneArgs(message);
      setTimeout(() => scope.onmessage?.({ data } as MessageEvent<ToWorker>), 0);
    },
    terminate() {
      w.terminated = true;
    },
    hold() {
      held = [];
    },
    release() {
      const list = held ?? [];
      held = null;
      for (const d of list) setTimeout(d, 0);
    },
    crash() {
      w.onerror?.(new Event('error'));
    },
  };
  return w;
}
