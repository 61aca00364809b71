/**
 * The messages between the standalone page and its workbook worker (workbook.worker.ts). The
 * worker holds the opened workbook (its bytes, its snapshot with the fills and 说明 made in the
 * page, the last check) and does all the heavy work: reading, checking, the annotated copy, the
 * Word file. The page keeps only what it shows. Everything here is structured-clone safe.
 */
import type { CheckConfig } from '../../core/rules/config';
import type { Finding, Fix, Lang } from '../../core/rules/types';
import type { DisclosureDocument } from '../../core/model';
import type { Normalisation } from '../../core/export/types';
import type { WorkbookSnapshot } from '../../core/snapshot/types';
import type { DocumentPlaces } from '../../core/report/places';
import type { ListSource, SchoolTablePreview } from '../../core/schools/from-list';
import type { SheetTemplate } from '../../core/schools/template';
import type { CheckOutcome, FixOutcome } from '../host';
import type { WorkPhase } from '../progress';

/** A CheckRequest without its callbacks (what can be posted to the worker). */
export interface PlainCheckRequest {
  readonly config: CheckConfig;
  readonly lang: Lang;
  readonly registry?: { readonly snapshot: WorkbookSnapshot; readonly source: string };
}

/** What the page changed in the open workbook: fills written, 说明 added/changed/removed. */
export interface Edits {
  readonly fills: number;
  readonly explanations: number;
  /** Grows with every change (a removed 说明 too): "unsaved" is "changed since the last download". */
  readonly version: number;
}

export const NO_EDITS: Edits = { fills: 0, explanations: 0, version: 0 };

/** A Word document or a text file opened in the page: checked as written, its places 第N段 / 第N行. */
export interface OpenedDocument {
  readonly kind: 'docx' | 'txt';
  readonly places: DocumentPlaces;
}

/** A check's outcome and its number (the worker keeps the last check's document for the Word file). */
export interface NumberedOutcome {
  readonly outcome: CheckOutcome;
  readonly seq: number;
}

interface Failed {
  readonly ok: false;
  readonly message: string;
}

/** Each call: its arguments and its answer. */
export interface WorkCalls {
  /** Reads the workbook (size and type checked first, as the CLI does) and checks it. */
  open: {
    args: { file: Blob; name: string; request: PlainCheckRequest };
    result: ({ ok: true; document?: OpenedDocument } & NumberedOutcome) | Failed;
  };
  check: { args: { request: PlainCheckRequest }; result: NumberedOutcome };
  applyFixes: { args: { fixes: readonly Fix[]; overwrite: boolean }; result: { outcome: FixOutcome; edits: Edits } };
  explain: { args: { finding: Finding; text: string }; result: Edits };
  cellText: { args: { sheet: string; cell: string }; result: string | null };
  /** The annotated copy of the open workbook with the fills and 说明 made in the page. */
  annotate: { args: { withFixes: boolean; lang: Lang }; result: { ok: true; bytes: Uint8Array; edits: Edits } | Failed };
  /** The Word file of check `seq` (kept in the worker), or of the document given. */
  exportDocx: {
    args: { seq: number; document?: DisclosureDocument; template?: Uint8Array };
    result: { ok: true; bytes: Uint8Array; normalisations: readonly Normalisation[] } | { ok: false; stale: true };
  };
  /** The open workbook's visible sheets (生成学校表 picks the list from them). */
  sheetNames: { args: Record<string, never>; result: readonly string[] };
  /** 生成学校表: the table a list makes, nothing written. */
  schoolTablePreview: {
    args: { source: ListSource; request: PlainCheckRequest; into?: string };
    result: { ok: true; preview: SchoolTablePreview } | Failed;
  };
  /** 生成学校表: the table written on a new sheet (or `into` a project's sheet, below its text) of the open workbook and of its downloaded copy. */
  schoolTableWrite: {
    args: { source: ListSource; request: PlainCheckRequest; into?: string };
    result: { ok: true; sheet: string; edits: Edits } | Failed;
  };
  /** 新建项目表: the sheet added to the open workbook (and to its downloaded copy). */
  addProjectSheet: { args: { template: SheetTemplate; lang: Lang }; result: { ok: true; sheet: string; edits: Edits } | Failed };
  /** A registry workbook (settings: 学校名录来自其他文件), with the CLI's checks and sentences. */
  readRegistry: { args: { file: Blob; name: string; lang: Lang }; result: { ok: true; snapshot: WorkbookSnapshot } | Failed };
}

export type WorkKind = keyof WorkCalls;
export type WorkArgs<K extends WorkKind> = WorkCalls[K]['args'];
export type WorkResult<K extends WorkKind> = WorkCalls[K]['result'];

/** page → worker. `lang` is the page's language, for the one sentence of a failure. */
export type ToWorker = {
  [K in WorkKind]: { readonly id: number; readonly kind: K; readonly lang: Lang; readonly args: WorkArgs<K> };
}[WorkKind];

/** worker → page: the phase it entered, its answer, or one sentence when it failed unexpectedly. */
export type FromWorker =
  | { readonly id: number; readonly type: 'phase'; readonly phase: WorkPhase }
  | { readonly id: number; readonly type: 'done'; readonly value: unknown }
  | { readonly id: number; readonly type: 'failed'; readonly message: string };

/** What the page needs from a Worker (a fake runs the session in-process in tests). */
export interface WorkerLike {
  postMessage(message: ToWorker, transfer?: Transferable[]): void;
  onmessage: ((event: MessageEvent<FromWorker>) => void) | null;
  onerror: ((event: ErrorEvent | Event) => void) | null;
  terminate(): void;
}
