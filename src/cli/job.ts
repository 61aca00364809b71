/**
 * Checking one file: read (bounded), check, and write the annotated copy when asked. Runs in the
 * main thread or in a worker; everything it returns is plain data (structured-clone safe).
 */
import { readFileSync, statSync } from 'node:fs';
import { writeFileReplacing } from './files';
import { fixesForCopy } from './fixes';
import type { WorkbookSnapshot } from '../core/snapshot/types';
import type { CheckConfig } from '../core/rules/config';
import type { Finding, Lang } from '../core/rules/types';
import type { Summary } from '../core/report/report';
import type { SkippedSheet } from '../core/model';
import { DEFAULT_LIMITS } from '../hosts/xlsx/read';
import { readWorkbookFile } from '../hosts/xls/any';
import { annotateCopy, AnnotateError } from '../hosts/xlsx/annotate';
import { addTemplateSheet, TargetNotEmpty, writeTemplateInto } from '../hosts/xlsx/add-sheet';
import { buildDocument } from '../core/document';
import { newProjectSheet } from '../core/schools/project-style';
import { planSchoolTable, type ListSource } from '../core/schools/from-list';
import { M, fsReason, say, type Bilingual } from './messages';
import { documentKind, type DocumentKind } from '../hosts/document/read';
import type { DocumentPlaces } from '../core/report/places';
import { checkDocument } from './document';
import { checkSnapshot } from './check-snapshot';
import { STDIN } from './inputs';

export interface JobSettings {
  readonly config: CheckConfig;
  readonly lang: Lang;
  readonly registry?: { readonly snapshot: WorkbookSnapshot; readonly source: string };
  readonly fix: boolean;
  /** Generate the standard school table from this list into the copy before checking (issue 15). */
  readonly schoolTableFrom?: ListSource;
  /** Write that table into this existing sheet, below its text (`--school-table-to`). */
  readonly schoolTableTo?: string;
  /** Add the next project's sheet to the copy before checking (`--new-project-sheet`). */
  readonly newProjectSheet?: boolean;
}

/** What `--school-table-from` wrote: the new sheet, its summary, the schools left without a code. */
export interface GeneratedTable {
  readonly sheet: string;
  /** Written into an existing sheet from this row (1-based), below its text. */
  readonly row?: number;
  readonly schools: number;
  readonly summary: string;
  readonly unmatched: readonly { readonly name: string; readonly reason: string; readonly message: string }[];
  readonly problems: readonly string[];
}

export interface JobTask {
  readonly index: number;
  readonly file: string;
  /** Where to write the annotated copy, when asked. */
  readonly out?: string;
  /** The workbook itself, already read (standard input, `-`); else it is read from `file`. */
  readonly bytes?: Uint8Array;
}

export type JobStatus = 'checked' | 'nothing-to-check' | 'unreadable' | 'write-failed';

export interface JobResult {
  readonly index: number;
  readonly file: string;
  readonly status: JobStatus;
  readonly summary: Summary;
  readonly findings: Finding[];
  /** One sentence (already in the run's language) when the file could not be read or written. */
  readonly error?: string;
  /** Technical detail for --debug. */
  readonly detail?: string;
  /** The annotated copy written. */
  readonly wrote?: string;
  /** With --fix: the values written into the copy (all cells; of them, school codes). */
  readonly filled?: {
    readonly cells: number;
    readonly codes: number;
    /** Missing sections inserted (a row each), and those not inserted with the first reason. */
    readonly inserted?: number;
    readonly notInserted?: { readonly count: number; readonly why: { readonly zh: string; readonly en: string } };
  };
  /** Nothing to check: the sheets looked at and why each gave nothing. */
  readonly skipped?: readonly SkippedSheet[];
  /** The school table generated into the copy (`--school-table-from`). */
  readonly generated?: GeneratedTable;
  /** The project sheet added to the copy (`--new-project-sheet`): its name and number of headings. */
  readonly projectSheet?: { readonly sheet: string; readonly headings: number };
  /** A Word document or a text file (src/hosts/document): what it was, and where its rows are in it. */
  readonly input?: DocumentKind;
  readonly places?: DocumentPlaces;
  readonly ms: { read: number; check: number };
}

const ZERO: Summary = { errors: 0, warnings: 0, infos: 0, explained: 0 };

/** The checks get the read's time budget (SPEC: reading is bounded; so are the checks). */
export const CHECK_BUDGET_MS = DEFAULT_LIMITS.timeBudgetMs;

export interface JobClock {
  /** Milliseconds (tests give a clock that moves by work done); defaults to performance.now. */
  readonly now?: () => number;
}

export function runJob(task: JobTask, settings: JobSettings, clock: JobClock = {}): JobResult {
  const now = clock.now ?? (() => performance.now());
  const { lang } = settings;
  const base = { index: task.index, file: task.file };
  let bytes: Uint8Array;
  try {
    // a package larger than the unpacked-size limit cannot be read within it: say so before loading it
    const size = task.bytes?.length ?? statSync(task.file).size;
    if (size > DEFAULT_LIMITS.maxUncompressedBytes) {
      return {
        ...base,
        status: 'unreadable',
        summary: ZERO,
        findings: [],
        error: say(M.fileTooLarge(task.file, size, DEFAULT_LIMITS.maxUncompressedBytes), lang),
        ms: { read: 0, check: 0 },
      };
    }
    bytes = task.bytes ?? readFileSync(task.file);
  } catch (e) {
    return {
      ...base,
      status: 'unreadable',
      summary: ZERO,
      findings: [],
      error: say(M.unreadablePath(task.file, fsReason(e, lang)), lang),
      ms: { read: 0, check: 0 },
    };
  }
  // a Word document or a text file: read as one sheet and checked as written, never written (document.ts)
  // standard input has no name: a text file is known there by its content (Chinese text)
  const kind = documentKind(bytes, task.file, { textByContent: task.file === STDIN });
  if (kind !== undefined) return checkDocument(task, bytes, kind, settings, now, CHECK_BUDGET_MS);
  const t0 = now();
  // a template that cannot be added to the copy stops this file in one sentence, before any check
  const notAdded = (error: Bilingual): JobResult => ({
    ...base,
    status: 'unreadable',
    summary: ZERO,
    findings: [],
    error: say(error, lang),
    ms: { read: now() - t0, check: 0 },
  });
  let read = readWorkbookFile(bytes, { now });
  // an .xls is read and checked only: nothing can be written into it, so no copy, table or sheet
  const readOnly = read.ok && read.format === 'xls';
  const wantsWrite = task.out !== undefined || settings.schoolTableFrom !== undefined || settings.newProjectSheet === true;
  let generated: GeneratedTable | undefined;
  if (read.ok && !readOnly && settings.schoolTableFrom !== undefined) {
    // the table is written into the bytes the copy is made from; the check then reads the result
    const made = generateTable(bytes, read.snapshot, settings.schoolTableFrom, settings);
    if (!made.ok) return notAdded(M.schoolTableFailed(task.file, made.sentence));
    bytes = made.bytes;
    generated = made.generated;
    read = readWorkbookFile(bytes, { now });
  }
  let projectSheet: { sheet: string; headings: number } | undefined;
  if (read.ok && !readOnly && settings.newProjectSheet === true) {
    const made = addNextProjectSheet(bytes, read.snapshot);
    if (!made.ok) return notAdded(M.projectSheetFailed(task.file, made.error.messageIn(lang)));
    bytes = made.bytes;
    projectSheet = made.added;
    read = readWorkbookFile(bytes, { now });
  }
  const t1 = now();
  if (!read.ok) {
    const d = read.error.detail.detail;
    return {
      ...base,
      status: 'unreadable',
      summary: ZERO,
      findings: [],
      error: say(M.fileError(task.file, read.error.messageFor(lang)), lang),
      ...(d !== undefined && { detail: `${read.error.code}: ${d}` }),
      ms: { read: t1 - t0, check: 0 },
    };
  }
  const checked = checkSnapshot(base, read.snapshot, settings, now, t0, t1, CHECK_BUDGET_MS);
  if (!checked.ok) return checked.failed;
  const { result } = checked;
  const t2 = now();
  const ms = { read: t1 - t0, check: t2 - t1 };
  const status: JobStatus = result.nothingToCheck ? 'nothing-to-check' : 'checked';
  const failures = {
    ...(result.failures.length > 0 && { detail: result.failures.map((f) => JSON.stringify(f)).join('\n') }),
    ...(result.nothingToCheck
      ? { skipped: result.document.skipped ?? [] }
      : (result.document.skipped ?? []).some((s) => s.reason === 'hidden') && {
          skipped: (result.document.skipped ?? []).filter((s) => s.reason === 'hidden'),
        }),
    ...(generated !== undefined && { generated }),
    ...(projectSheet !== undefined && { projectSheet }),
  };
  if (readOnly && wantsWrite) {
    // the report as usual, with the one sentence saying why nothing was written (the input never is)
    return {
      ...base,
      status: 'write-failed',
      summary: result.summary,
      findings: result.findings,
      error: say(M.xlsNoCopy(task.file), lang),
      ...failures,
      ms,
    };
  }
  if (task.out === undefined) return { ...base, status, summary: result.summary, findings: result.findings, ...failures, ms };
  let copy: Uint8Array;
  let filled: JobResult['filled'];
  try {
    const out = annotateCopy(bytes, settings.fix ? fixesForCopy(result.findings) : result.findings, {
      fix: settings.fix,
      lang,
      ...(read.snapshot.explanations !== undefined && { explanations: read.snapshot.explanations }),
    });
    copy = out.bytes;
    if (settings.fix) {
      const codeCells = new Set(
        result.findings.filter((f) => f.fix && f.rule.startsWith('school-code')).map((f) => `${f.fix!.sheet}!${f.fix!.cell}`),
      );
      filled = {
        cells: out.written.length - out.inserted.length,
        codes: out.written.filter((x) => codeCells.has(`${x.sheet}!${x.cell}`)).length,
        ...(out.inserted.length > 0 && { inserted: out.inserted.length }),
        ...(out.notInserted.length > 0 && { notInserted: { count: out.notInserted.length, why: out.notInserted[0]!.why } }),
      };
    }
  } catch (e) {
    const sentence = e instanceof AnnotateError ? e.messageIn(lang) : say(M.internal(task.file), lang);
    return {
      ...base,
      status: 'write-failed',
      summary: result.summary,
      findings: result.findings,
      error: say(M.cannotWrite(task.out, sentence), lang),
      detail: e instanceof Error ? (e.stack ?? e.message) : String(e),
      ms,
    };
  }
  try {
    writeFileReplacing(task.out, copy);
  } catch (e) {
    return {
      ...base,
      status: 'write-failed',
      summary: result.summary,
      findings: result.findings,
      error: say(M.cannotWrite(task.out, fsReason(e, lang)), lang),
      detail: e instanceof Error ? (e.stack ?? e.message) : String(e),
      ms,
    };
  }
  return {
    ...base,
    status,
    summary: result.summary,
    findings: result.findings,
    wrote: task.out,
    ...(filled && { filled }),
    ...failures,
    ms,
  };
}

/** Plans the table from the list and appends it to the package; one sentence when it cannot. */
function generateTable(
  bytes: Uint8Array,
  snapshot: WorkbookSnapshot,
  source: ListSource,
  settings: JobSettings,
): { ok: true; bytes: Uint8Array; generated: GeneratedTable } | { ok: false; sentence: string } {
  const { lang } = settings;
  const planned = planSchoolTable(snapshot, source, {
    ...(settings.registry !== undefined && { registry: settings.registry }),
    ...(settings.schoolTableTo !== undefined && { into: settings.schoolTableTo }),
  });
  if (!planned.ok) return { ok: false, sentence: say(planned.message, lang) };
  const plan = planned.plan;
  let out: Uint8Array;
  try {
    out = plan.into
      ? writeTemplateInto(bytes, plan.into.sheet, plan.template)
      : addTemplateSheet(bytes, { name: plan.sheetName, ...plan.template });
  } catch (e) {
    return { ok: false, sentence: e instanceof AnnotateError || e instanceof TargetNotEmpty ? e.messageIn(lang) : String(e) };
  }
  return {
    ok: true,
    bytes: out,
    generated: {
      sheet: plan.sheetName,
      ...(plan.into && { row: plan.into.row + 1 }),
      schools: plan.rows.length,
      summary: say(plan.summary, lang),
      unmatched: plan.unresolved.map((u) => ({ name: u.name, reason: u.reason, message: say(u.message, lang) })),
      problems: plan.problems.map((p) => say(p.message, lang)),
    },
  };
}

/** 新建项目表 into the package: the next project's sheet in the workbook's own style (frameless text cells). */
function addNextProjectSheet(
  bytes: Uint8Array,
  snapshot: WorkbookSnapshot,
): { ok: true; bytes: Uint8Array; added: { sheet: string; headings: number } } | { ok: false; error: AnnotateError } {
  const made = newProjectSheet(buildDocument(snapshot));
  try {
    const out = addTemplateSheet(bytes, { ...made.template, frame: false });
    return { ok: true, bytes: out, added: { sheet: made.template.name, headings: made.template.cells.filter((c) => c.bold).length - 1 } };
  } catch (e) {
    return { ok: false, error: e instanceof AnnotateError ? e : new AnnotateError('internal', undefined, e) };
  }
}
