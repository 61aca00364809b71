/**
 * Checking a Word document (.docx) or a text file (.txt) in the CLI: read into one sheet by
 * src/hosts/document, checked by the same `checkWorkbook`, reported with 第N段 / 第N行 for places.
 * Nothing is ever written for a document: the annotated copy, --fix, --school-table-from and
 * --new-project-sheet need a workbook; asked for on a document, the report is followed by one
 * sentence saying so, and the file's status is `write-failed` (exit 2: what was asked was not done).
 * The read and the check are timed and bounded as runJob's are.
 */
import { readDocument, type DocumentKind } from '../hosts/document/read';
import type { JobResult, JobSettings, JobTask } from './job';
import { M, say, type Bilingual } from './messages';
import { checkSnapshot } from './check-snapshot';

const ZERO = { errors: 0, warnings: 0, infos: 0, explained: 0 };

/** What the input is, said after 这是 (a space before a Latin word, as the reader's own sentences write it). */
const KIND: Record<DocumentKind, Bilingual> = {
  docx: { zh: ' Word 文档', en: 'a Word document' },
  txt: { zh: '文本文件', en: 'a text file' },
};

/** The sentence after the report when a write was asked of a document. */
export function documentNotWritten(file: string, kind: DocumentKind, flags: readonly string[]): Bilingual {
  return {
    zh: `${file}：这是${KIND[kind].zh}，已按原文检查；${flags.join('、')} 只适用于 Excel 工作簿，未写入任何文件`,
    en: `${file}: this is ${KIND[kind].en}, checked as written; ${flags.join(', ')} apply only to an Excel workbook, so nothing was written`,
  };
}

/** `--export-docx` from a document: refused in one sentence. */
export function documentNotExported(file: string, kind: DocumentKind): Bilingual {
  return {
    zh: `${file}：这是${KIND[kind].zh}，--export-docx 只能从 Excel 工作簿导出 Word 文件，未导出`,
    en: `${file}: this is ${KIND[kind].en}; --export-docx exports the Word file from an Excel workbook only, so nothing was exported`,
  };
}

/** The flags of this task that would write something (in the order of --help). */
function writeFlags(task: JobTask, settings: JobSettings): string[] {
  const flags: string[] = [];
  if (task.out !== undefined) flags.push('--out/--out-dir');
  if (settings.fix && task.out !== undefined) flags.push('--fix');
  if (settings.schoolTableFrom !== undefined) flags.push('--school-table-from');
  if (settings.newProjectSheet === true) flags.push('--new-project-sheet');
  return flags;
}

/** Reads and checks a document; never writes. */
export function checkDocument(
  task: JobTask,
  bytes: Uint8Array,
  kind: DocumentKind,
  settings: JobSettings,
  now: () => number,
  budgetMs: number,
): JobResult {
  const { lang } = settings;
  const base = { index: task.index, file: task.file, input: kind };
  const t0 = now();
  const read = readDocument(bytes, kind, { now });
  const t1 = now();
  if (!read.ok) {
    return {
      ...base,
      status: 'unreadable',
      summary: ZERO,
      findings: [],
      error: say(M.fileError(task.file, read.error.messageFor(lang)), lang),
      ...(read.error.detail !== undefined && { detail: `${read.error.code}: ${read.error.detail}` }),
      ms: { read: t1 - t0, check: 0 },
    };
  }
  const checked = checkSnapshot(base, read.snapshot, settings, now, t0, t1, budgetMs);
  if (!checked.ok) return checked.failed;
  const { result } = checked;
  const ms = { read: t1 - t0, check: now() - t1 };
  const skipped = result.document.skipped ?? [];
  const flags = writeFlags(task, settings);
  return {
    ...base,
    status: result.nothingToCheck ? 'nothing-to-check' : flags.length > 0 ? 'write-failed' : 'checked',
    summary: result.summary,
    findings: result.findings,
    places: read.places,
    ...(result.failures.length > 0 && { detail: result.failures.map((f) => JSON.stringify(f)).join('\n') }),
    ...(result.nothingToCheck && { skipped }),
    ...(flags.length > 0 && { error: say(documentNotWritten(task.file, kind, flags), lang) }),
    ms,
  };
}
