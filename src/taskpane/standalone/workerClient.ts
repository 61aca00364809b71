/**
 * The page's side of the workbook worker: calls with their phases and answers, and the pane's
 * host over an opened workbook (every call a message; nothing heavy on the page's thread).
 * One worker per opened workbook: cancelling an open ends that worker and nothing else.
 */
import type { DisclosureDocument } from '../../core/model';
import type { Lang } from '../../core/rules/types';
import type { CheckPhase, CheckRequest, PaneHost } from '../host';
import type { DocxExporter, DocxExportOptions } from '../components/ExportPanel';
import type { ReadRegistry } from '../App';
import type { WorkPhase } from '../progress';
import type { Edits, FromWorker, PlainCheckRequest, WorkArgs, WorkKind, WorkResult, WorkerLike } from './protocol';
import { pageStrings } from './strings';

/** The real worker: its own chunk ("xlsx", with the reader), same origin, so `default-src 'self'` allows it. */
export function spawnWorkbookWorker(): WorkerLike {
  return new Worker(/* webpackChunkName: "xlsx" */ new URL('./workbook.worker.ts', import.meta.url)) as unknown as WorkerLike;
}

/** A call that did not finish: the worker was stopped (`cancelled`) or failed; `message` is one sentence. */
export class WorkError extends Error {
  constructor(
    message: string,
    readonly cancelled = false,
  ) {
    super(message);
    this.name = 'WorkError';
  }
}

interface Pending {
  readonly resolve: (value: unknown) => void;
  readonly reject: (error: WorkError) => void;
  readonly onPhase: ((phase: WorkPhase) => void) | undefined;
}

export class WorkbookWorker {
  private readonly worker: WorkerLike;
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;
  private ended: WorkError | null = null;

  constructor(
    spawn: () => WorkerLike,
    readonly lang: Lang,
  ) {
    this.worker = spawn();
    this.worker.onmessage = (event) => this.receive(event.data);
    // a worker that dies (out of memory, a crash) fails its calls with one sentence
    this.worker.onerror = () => this.end(new WorkError(pageStrings(lang).workerCrashed));
  }

  call<K extends WorkKind>(kind: K, args: WorkArgs<K>, onPhase?: (phase: WorkPhase) => void): Promise<WorkResult<K>> {
    if (this.ended) return Promise.reject(this.ended);
    const id = this.nextId++;
    return new Promise<WorkResult<K>>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (value: unknown) => void, reject, onPhase });
      this.worker.postMessage({ id, kind, lang: this.lang, args } as never);
    });
  }

  /** Stops the worker; calls still running fail as cancelled. */
  terminate(): void {
    this.worker.terminate();
    this.end(new WorkError('', true));
  }

  private end(error: WorkError): void {
    this.ended ??= error;
    for (const p of this.pending.values()) p.reject(error);
    this.pending.clear();
  }

  private receive(message: FromWorker): void {
    const p = this.pending.get(message.id);
    if (!p) return;
    if (message.type === 'phase') {
      p.onPhase?.(message.phase);
      return;
    }
    this.pending.delete(message.id);
    if (message.type === 'done') p.resolve(message.value);
    else p.reject(new WorkError(message.message));
  }
}

/** A CheckRequest as it can be posted (its callbacks left behind). */
export function plainRequest(request: CheckRequest): PlainCheckRequest {
  return { config: request.config, lang: request.lang, ...(request.registry && { registry: request.registry }) };
}

export interface WorkerHost extends PaneHost {
  readonly kind: 'file';
  /** The Word writer in the worker (the pane's 导出公开文本). */
  readonly exportDocx: DocxExporter;
  /** Remembers a check's document (the first check ran with the open). */
  noteDocument(document: DisclosureDocument, seq: number): void;
}

/**
 * The pane's host over the workbook in the worker. `onEdits` hears of every fill and 说明; `onSelect`
 * gets a chosen cell's text (the page shows it, as there is no grid to select in).
 */
export function createWorkerHost(
  worker: WorkbookWorker,
  hooks: {
    readonly onEdits: (edits: Edits) => void;
    readonly onSelect: (sheet: string, cell: string, text: string | null) => void;
    /** A Word document or a text file: checked only, so no 生成学校表 and no 新建项目表. */
    readonly checkOnly?: boolean;
  },
): WorkerHost {
  // the worker keeps the last check's document: the Word file is made there without sending it back
  const documents = new WeakMap<DisclosureDocument, number>();
  const isCheckPhase = (p: WorkPhase): p is Extract<WorkPhase, CheckPhase> => p === 'read' || p === 'check';
  const host: WorkerHost = {
    kind: 'file',
    noteDocument: (document, seq) => documents.set(document, seq),
    async check(request) {
      try {
        const { outcome, seq } = await worker.call('check', { request: plainRequest(request) }, (p) => {
          if (isCheckPhase(p)) void request.onPhase?.(p);
        });
        if (outcome.ok) documents.set(outcome.result.document, seq);
        return outcome;
      } catch (e) {
        return { ok: false, message: e instanceof WorkError && e.message ? e.message : pageStrings(request.lang).workerCrashed };
      }
    },
    async select(sheet, cell) {
      hooks.onSelect(sheet, cell, await worker.call('cellText', { sheet, cell }));
    },
    async applyFixes(fixes, options) {
      const { outcome, edits } = await worker.call('applyFixes', { fixes, overwrite: options.overwrite });
      hooks.onEdits(edits);
      return outcome;
    },
    async clearFlags() {
      // nothing is flagged in the browser: the annotated copy is a download
    },
    async explain(finding, text) {
      hooks.onEdits(await worker.call('explain', { finding, text }));
    },
    schoolTable: {
      sheets: () => worker.call('sheetNames', {}),
      async preview(source, request, place) {
        try {
          return await worker.call('schoolTablePreview', { source, request: plainRequest(request), ...place });
        } catch (e) {
          return { ok: false, message: e instanceof WorkError && e.message ? e.message : pageStrings(request.lang).workerCrashed };
        }
      },
      async write(source, request, place) {
        try {
          const out = await worker.call('schoolTableWrite', { source, request: plainRequest(request), ...place });
          if (!out.ok) return out;
          hooks.onEdits(out.edits);
          return { ok: true, sheet: out.sheet };
        } catch (e) {
          return { ok: false, message: e instanceof WorkError && e.message ? e.message : pageStrings(request.lang).workerCrashed };
        }
      },
    },
    async addProjectSheet(template) {
      try {
        const out = await worker.call('addProjectSheet', { template, lang: worker.lang });
        if (!out.ok) return out;
        hooks.onEdits(out.edits);
        return { ok: true, sheet: out.sheet };
      } catch (e) {
        return { ok: false, message: e instanceof WorkError && e.message ? e.message : pageStrings(worker.lang).workerCrashed };
      }
    },
    async exportDocx(document, options) {
      const template = options?.template !== undefined ? { template: options.template } : {};
      let out = await worker.call('exportDocx', { seq: documents.get(document) ?? -1, ...template });
      // not the document the worker kept: send it
      if (!out.ok) out = await worker.call('exportDocx', { seq: -1, document, ...template });
      if (!out.ok) throw new WorkError('');
      return { bytes: out.bytes, model: { normalisations: out.normalisations } };
    },
  };
  if (!hooks.checkOnly) return host;
  // a document: the pane offers no 生成学校表 and no 新建项目表 (a host without them)
  const checkOnly: { schoolTable?: unknown; addProjectSheet?: unknown } = host;
  delete checkOnly.schoolTable;
  delete checkOnly.addProjectSheet;
  return host;
}

/** The Word file of a document, written in a worker of its own (the pane in Excel). */
export async function exportInWorker(
  spawn: () => WorkerLike,
  lang: Lang,
  document: DisclosureDocument,
  options?: DocxExportOptions,
): ReturnType<DocxExporter> {
  const worker = new WorkbookWorker(spawn, lang);
  try {
    const out = await worker.call('exportDocx', {
      seq: -1,
      document,
      ...(options?.template !== undefined && { template: options.template }),
    });
    if (!out.ok) throw new WorkError('');
    return { bytes: out.bytes, model: { normalisations: out.normalisations } };
  } finally {
    worker.terminate();
  }
}

/** Settings → 学校名录来自其他文件, in both hosts: a worker of its own reads the file, with the CLI's checks. */
export function registryReader(spawn: () => WorkerLike, lang: Lang): ReadRegistry {
  return async (file) => {
    const worker = new WorkbookWorker(spawn, lang);
    try {
      return await worker.call('readRegistry', { file, name: file.name, lang });
    } catch (e) {
      return { ok: false, message: e instanceof WorkError && e.message ? e.message : pageStrings(lang).workerCrashed };
    } finally {
      worker.terminate();
    }
  };
}
