/**
 * The CLI's work, without process globals: arguments in, report on `out`, messages on `err`,
 * exit code back. main.ts binds it to the process.
 */
import { existsSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { basename, extname, join } from 'node:path';
import type { Finding, Lang } from '../core/rules/types';
import { parseConfig, type CheckConfig } from '../core/rules/config';
import { RULE_IDS } from '../core/rules/index';
import { csvRows, textLines, toJsonReport, type FileReport, type JsonReport } from '../core/report/report';
import { nothingToCheckText } from '../core/disclosure/skipped';
import type { WorkbookSnapshot } from '../core/snapshot/types';
import { DEFAULT_LIMITS } from '../hosts/xlsx/read';
import { readWorkbookFile } from '../hosts/xls/any';
import { parseArgs } from './args';
import { HELP } from './help';
import { STDIN, expandInputs, isProblem } from './inputs';
import type { GeneratedTable, JobResult, JobTask } from './job';
import { M, fsReason, say } from './messages';
import { runPool } from './pool';
import { summaryTable, statusOf } from './table';
import { FileSet } from './files';
import { JsonArrayDocument, ReportWriter, type Out } from './output';
import { documentNotExported } from './document';

export interface CliIO {
  /** Writes a piece of the report; a returned promise is awaited before more is written (backpressure). */
  readonly out: Out;
  readonly err: (s: string) => void;
  /** Whether progress lines go to `err` (stderr is a terminal). */
  readonly progress: boolean;
  /** Standard input, read for the input `-`; without it, `-` is refused. */
  readonly stdin?: StdinSource;
}

export interface StdinSource {
  /** Whether standard input is a terminal (then there is no workbook to read from it). */
  readonly isTTY: boolean;
  readonly read: () => AsyncIterable<Uint8Array>;
}

const ZERO = { errors: 0, warnings: 0, infos: 0, explained: 0 };

/** Where standard input is reached by path, to know it by identity when it is redirected from a file. */
const STDIN_PATH = process.platform === 'win32' ? STDIN : '/dev/stdin';

export function stripFile(sentence: string, file: string): string {
  for (const sep of ['：', ': ']) if (sentence.startsWith(file + sep)) return sentence.slice(file.length + sep.length);
  return sentence;
}

function loadConfig(path: string): { ok: true; config: CheckConfig } | { ok: false; error: { zh: string; en: string } } {
  let raw: string;
  try {
    raw = readFileSync(path, 'utf8');
  } catch (e) {
    return {
      ok: false,
      error: { zh: say(M.configUnreadable(path, fsReason(e, 'zh')), 'zh'), en: say(M.configUnreadable(path, fsReason(e, 'en')), 'en') },
    };
  }
  let json: unknown;
  try {
    json = JSON.parse(raw.replace(/^\ufeff/, ''));
  } catch (e) {
    const why = e instanceof Error ? e.message : String(e);
    return { ok: false, error: M.configNotJson(path, why) };
  }
  const parsed = parseConfig(json, RULE_IDS);
  if (!parsed.ok) {
    const where = (x: { path: string }): string => (x.path ? `${x.path}: ` : '');
    return {
      ok: false,
      error: {
        zh: say(M.configInvalid(path, parsed.errors.map((x) => where(x) + x.message.zh).join('；')), 'zh'),
        en: say(M.configInvalid(path, parsed.errors.map((x) => where(x) + x.message.en).join('; ')), 'en'),
      },
    };
  }
  return { ok: true, config: parsed.config };
}

/** Runs the CLI; resolves to the exit code. Never throws for bad input. */
export async function run(argv: readonly string[], io: CliIO): Promise<number> {
  const parsed = parseArgs(argv);
  if (!parsed.ok) {
    io.err(`${say(parsed.error, parsed.lang)}\n`);
    return 2;
  }
  const opts = parsed.options;
  if (opts.help) {
    await io.out(HELP);
    return 0;
  }
  let config: CheckConfig = {};
  if (opts.config !== undefined) {
    const c = loadConfig(opts.config);
    if (!c.ok) {
      io.err(`${say(c.error, opts.lang ?? 'zh')}\n`);
      return 2;
    }
    config = c.config;
  }
  const lang: Lang = opts.lang ?? config.lang ?? 'zh';

  let registry: { snapshot: WorkbookSnapshot; source: string } | undefined;
  if (opts.registry !== undefined) {
    let bytes: Uint8Array;
    try {
      bytes = readFileSync(opts.registry);
    } catch (e) {
      io.err(`${say(M.registryUnreadable(opts.registry, fsReason(e, lang)), lang)}\n`);
      return 2;
    }
    const r = readWorkbookFile(bytes);
    if (!r.ok) {
      io.err(`${say(M.registryUnreadable(opts.registry, r.error.messageFor(lang)), lang)}\n`);
      if (opts.debug && r.error.detail.detail) io.err(`${r.error.detail.detail}\n`);
      return 2;
    }
    registry = { snapshot: r.snapshot, source: basename(opts.registry) };
  }

  const items = expandInputs(opts.inputs, lang);
  const tasks = items.filter((x) => !isProblem(x));
  // Every file the run reads (inputs, registry, configuration) is known by its inode as well as its
  // path, so a hard link, a symbolic link or another spelling of one is never a target.
  const inputFiles = new FileSet();
  // `-`: standard input redirected from a file (`- < x.xlsx`) is that file, reached through /dev/stdin
  for (const t of tasks) inputFiles.add(t.file === STDIN ? STDIN_PATH : t.file);
  const otherReads = new FileSet();
  if (opts.registry !== undefined) otherReads.add(opts.registry);
  if (opts.config !== undefined) otherReads.add(opts.config);
  const template = new FileSet();
  if (opts.docxTemplate !== undefined) template.add(opts.docxTemplate);
  const refuseTarget = (target: string, flag: '--out' | '--export-docx'): string | undefined => {
    if (inputFiles.has(target)) return say(flag === '--out' ? M.outIsInput(target) : M.exportIsInput(target), lang);
    if (template.has(target)) return say(M.targetIsTemplate(target, flag), lang);
    if (otherReads.has(target)) return say(M.targetIsReadFile(target, flag), lang);
    return undefined;
  };

  // Output targets: checked before any work, so a bad --out costs nothing.
  const outFor = new Map<number, string>();
  if (opts.out !== undefined) {
    if (items.length !== 1 || tasks.length !== 1) {
      if (tasks.length > 1 || items.length > 1) {
        io.err(`${say(M.outNeedsOneFile(items.length), lang)}\n`);
        return 2;
      }
    }
    const refused = refuseTarget(opts.out, '--out');
    if (refused !== undefined) {
      io.err(`${refused}\n`);
      return 2;
    }
    const t = tasks[0];
    if (t) outFor.set(t.index, opts.out);
  } else if (opts.outDir !== undefined) {
    try {
      if (!existsSync(opts.outDir)) mkdirSync(opts.outDir, { recursive: true });
      if (!statSync(opts.outDir).isDirectory()) {
        io.err(`${say(M.outDirNotDir(opts.outDir), lang)}\n`);
        return 2;
      }
    } catch (e) {
      io.err(`${say(M.cannotWrite(opts.outDir, fsReason(e, lang)), lang)}\n`);
      return 2;
    }
    const used = new FileSet();
    for (const t of tasks) {
      const ext = extname(t.file) || '.xlsx';
      const stem = basename(t.file, extname(t.file));
      let n = 1;
      let p = join(opts.outDir, `${stem}.标注${ext}`);
      while (used.has(p) || inputFiles.has(p) || otherReads.has(p) || template.has(p)) p = join(opts.outDir, `${stem}.标注-${++n}${ext}`);
      used.add(p);
      outFor.set(t.index, p);
    }
  }
  if (opts.exportDocx !== undefined) {
    if (items.length !== 1 || tasks.length !== 1) {
      io.err(`${say(M.exportNeedsOneFile(items.length), lang)}\n`);
      return 2;
    }
    const refused = refuseTarget(opts.exportDocx, '--export-docx');
    if (refused !== undefined) {
      io.err(`${refused}\n`);
      return 2;
    }
    if (opts.out !== undefined) {
      const out = new FileSet();
      out.add(opts.out);
      if (out.has(opts.exportDocx)) {
        io.err(`${say(M.exportIsOut(opts.exportDocx), lang)}\n`);
        return 2;
      }
    }
  }
  // --docx-template: read and checked before any work; a bad template is a usage error (exit 2)
  let docxTemplate: import('../hosts/docx/template').DocxTemplate | undefined;
  if (opts.docxTemplate !== undefined) {
    let raw: Uint8Array;
    try {
      raw = readFileSync(opts.docxTemplate);
    } catch (e) {
      io.err(`${say(M.unreadablePath(opts.docxTemplate, fsReason(e, lang)), lang)}\n`);
      return 2;
    }
    const { tryReadDocxTemplate } = await import('../hosts/docx/template');
    const t = tryReadDocxTemplate(raw);
    if (!t.ok) {
      io.err(`${say(M.templateRefused(opts.docxTemplate, t.error.messageFor(lang)), lang)}\n`);
      if (opts.debug && t.error.detail) io.err(`${t.error.detail}\n`);
      return 2;
    }
    docxTemplate = t.template;
  }

  // `-`: the workbook is read from standard input now, bounded like a file; the job gets its bytes
  let stdin: StdinRead | undefined;
  if (tasks.some((t) => t.file === STDIN)) {
    if (io.stdin === undefined || io.stdin.isTTY) {
      io.err(`${say(M.stdinIsTerminal, lang)}\n`);
      return 2;
    }
    stdin = await readStdin(io.stdin, lang);
  }

  const jobTasks: JobTask[] = [];
  const problems = new Map<number, JobResult>();
  const unreadable = (index: number, file: string, error: string): JobResult => ({
    index,
    file,
    status: 'unreadable',
    summary: ZERO,
    findings: [],
    error,
    ms: { read: 0, check: 0 },
  });
  for (const p of items) {
    if (isProblem(p)) problems.set(p.index, unreadable(p.index, p.file, p.message));
    else if (p.file === STDIN && stdin?.error !== undefined) problems.set(p.index, unreadable(p.index, p.file, stdin.error));
    else {
      const out = outFor.get(p.index);
      const bytes = p.file === STDIN ? stdin?.bytes : undefined;
      jobTasks.push({ index: p.index, file: p.file, ...(out !== undefined && { out }), ...(bytes !== undefined && { bytes }) });
    }
  }

  // The report is written as each file's result comes (in input order); only each file's summary is kept.
  const writer = new ReportWriter(io.out);
  const json = opts.format === 'json' ? new JsonArrayDocument({ ...toJsonReport([]) }, 'reports') : undefined;
  if (json !== undefined) await writer.write(json.head());
  const results: JobResult[] = [];
  let nextIndex = 0;
  const emit = async (r: JobResult): Promise<void> => {
    results.push({ ...r, findings: [] });
    nextIndex = r.index + 1;
    if (io.progress) {
      const s =
        r.status === 'unreadable' ? statusOf(r, lang) : `${statusOf(r, lang)} ${r.summary.errors}/${r.summary.warnings}/${r.summary.infos}`;
      io.err(`[${results.length}/${items.length}] ${r.file}  ${s}\n`);
    }
    if (opts.debug) {
      if (r.detail) io.err(`${r.file}: ${r.detail}\n`);
      io.err(`${r.file}: read ${r.ms.read.toFixed(1)} ms, check ${r.ms.check.toFixed(1)} ms\n`);
    }
    // a file that cannot be read (or written) is said on stderr in every format, and in the report too
    if (r.error !== undefined) io.err(`${r.error}\n`);
    // nothing to check is not a pass: its sentence too, where the report itself is data
    else if (r.status === 'nothing-to-check' && opts.format !== 'text')
      io.err(`${r.file}${lang === 'zh' ? '：' : ': '}${nothingToCheckText(r.skipped ?? [], lang, 'cli').summary}\n`);
    if (json !== undefined) await writer.writeAll(json.element(toJsonFileReport(r, lang)));
    else if (opts.format === 'csv') {
      if (r.generated !== undefined) io.err(generatedText(r.generated, r.file, lang));
      if (r.projectSheet !== undefined) io.err(`${r.file}${lang === 'zh' ? '：' : ': '}${projectSheetText(r.projectSheet, lang)}\n`);
      await writer.writeAll(csvPart(r, lang, results.length === 1));
    } else await writer.writeAll(textPart(r, lang));
  };
  const emitProblemsBefore = async (index: number): Promise<void> => {
    while (nextIndex < index && problems.has(nextIndex)) await emit(problems.get(nextIndex)!);
  };

  const jobs = opts.jobs ?? availableParallelism();
  await runPool(jobTasks, {
    jobs,
    forceWorkers: opts.jobs !== undefined,
    settings: {
      config,
      lang,
      fix: opts.fix,
      ...(registry !== undefined && { registry }),
      ...(opts.schoolTableFrom !== undefined && { schoolTableFrom: opts.schoolTableFrom }),
      ...(opts.schoolTableTo !== undefined && { schoolTableTo: opts.schoolTableTo }),
      ...(opts.newProjectSheet === true && { newProjectSheet: true }),
    },
    onResult: async (r) => {
      await emitProblemsBefore(r.index);
      await emit(r);
    },
  });
  await emitProblemsBefore(items.length);

  if (json !== undefined) await writer.write(`${json.tail()}\n`);
  else if (opts.format === 'text') await writer.write(`${summaryTable(results, lang)}\n`);
  await writer.flush();
  if (opts.fix && outFor.size === 0) io.err(`${say(M.fixWithoutOut, lang)}\n`);
  // how many values --fix wrote into each copy
  if (opts.fix)
    for (const r of results)
      if (r.wrote !== undefined && r.filled) {
        io.err(`${say(M.fixFilled(r.wrote, r.filled.cells, r.filled.codes), lang)}\n`);
        if (r.filled.inserted) io.err(`${say(M.fixInserted(r.wrote, r.filled.inserted), lang)}\n`);
        if (r.filled.notInserted) io.err(`${say(M.fixNotInserted(r.wrote, r.filled.notInserted.count, r.filled.notInserted.why), lang)}\n`);
      }

  let code = 0;
  // a workbook with nothing to check is not a pass (SPEC §7)
  if (results.some((r) => r.status === 'unreadable' || r.status === 'write-failed' || r.status === 'nothing-to-check')) code = 2;
  else if (results.some((r) => r.summary.errors > 0)) code = 1;

  if (opts.exportDocx !== undefined && code !== 2) {
    const only = results[0];
    // a Word document or a text file is already the published text: there is no workbook to export from
    if (only?.input !== undefined) {
      io.err(`${say(documentNotExported(only.file, only.input), lang)}\n`);
      return 2;
    }
    // with --fix the Word file holds the fixed values: errors that a fix resolves do not count
    const left = only ? (opts.fix ? errorsLeftAfterFix(only.findings) : only.summary.errors) : 0;
    if (only && left > 0 && !opts.force) {
      io.err(`${say(M.exportRefused(left), lang)}\n`);
      return 1;
    }
    if (only) {
      // the Word writer is loaded only for --export-docx
      const { exportDocx } = await import('./export');
      const bytes = only.file === STDIN ? stdin?.bytes : undefined;
      const e = await exportDocx(only.file, opts.exportDocx, {
        config,
        lang,
        fix: opts.fix,
        ...(registry !== undefined && { registry }),
        ...(bytes !== undefined && { bytes }),
        ...(docxTemplate !== undefined && { template: docxTemplate }),
      });
      if (!e.ok) {
        io.err(`${e.message}\n`);
        if (opts.debug && e.detail) io.err(`${e.detail}\n`);
        return 2;
      }
      io.err(`${say(M.exported(opts.exportDocx), lang)}\n`);
      if (opts.fix) io.err(`${say(M.exportFilled(e.filled), lang)}\n`);
      if (e.changes.length > 0) {
        io.err(`${say(M.exportChanges(e.changes.length), lang)}\n`);
        const counts = new Map<string, number>();
        for (const c of e.changes) counts.set(c, (counts.get(c) ?? 0) + 1);
        for (const [c, n] of counts) io.err(`  - ${c}${n > 1 ? (lang === 'zh' ? `（${n} 处）` : ` (${n}×)`) : ''}\n`);
      }
    }
  }
  return code;
}

/**
 * Errors that --fix leaves: those without a fix into an empty cell (overwrites need a confirmation;
 * an inserted heading is still empty, and the Word file gets no insert).
 */
function errorsLeftAfterFix(findings: readonly Finding[]): number {
  return findings.filter((f) => f.severity === 'error' && !f.explanation && !(f.fix && !f.fix.overwrite && !f.fix.insert)).length;
}

/** Standard input read whole, or why it could not be. */
type StdinRead = { bytes: Uint8Array; error?: undefined } | { bytes?: undefined; error: string };

/** Reads standard input whole, stopping (and saying so) past the reading limit for a file. */
async function readStdin(stdin: StdinSource, lang: Lang): Promise<StdinRead> {
  const max = DEFAULT_LIMITS.maxUncompressedBytes;
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    for await (const chunk of stdin.read()) {
      size += chunk.length;
      if (size > max) return { error: say(M.stdinTooLarge(max), lang) };
      chunks.push(chunk);
    }
  } catch (e) {
    return { error: say(M.stdinUnreadable(fsReason(e, lang)), lang) };
  }
  const bytes = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    bytes.set(c, at);
    at += c.length;
  }
  return { bytes };
}

/** One file's report in the JSON shape (SPEC §7), with the CLI's additive fields. */
function toJsonFileReport(
  r: JobResult,
  lang: Lang,
): JsonReport['reports'][number] & { annotatedCopy?: string; schoolTable?: GeneratedTable; projectSheet?: JobResult['projectSheet'] } {
  const rep: JsonReport['reports'][number] & {
    annotatedCopy?: string;
    schoolTable?: GeneratedTable;
    projectSheet?: JobResult['projectSheet'];
  } = toJsonReport([toFileReport(r)], lang).reports[0]!;
  if (r.wrote !== undefined) rep.annotatedCopy = r.wrote;
  if (r.generated !== undefined) rep.schoolTable = r.generated;
  if (r.projectSheet !== undefined) rep.projectSheet = r.projectSheet;
  return rep;
}

/** What `--new-project-sheet` did, one sentence. */
export function projectSheetText(p: NonNullable<JobResult['projectSheet']>, lang: Lang): string {
  return say(M.projectSheetWritten(p.sheet, p.headings), lang);
}

/** What `--school-table-from` did: the new sheet, then the schools left without a code and the list's problems. */
export function generatedText(g: GeneratedTable, file: string, lang: Lang, indent = ''): string {
  const lines = [
    `${indent}${file === '' ? '' : lang === 'zh' ? `${file}：` : `${file}: `}${say(g.row !== undefined ? M.schoolTableWrittenInto(g.sheet, g.row, g.summary) : M.schoolTableWritten(g.sheet, g.summary), lang)}`,
  ];
  if (g.unmatched.length > 0) {
    lines.push(`${indent}  ${say(M.schoolTableUnmatched, lang)}`);
    for (const u of g.unmatched) lines.push(`${indent}    - ${u.message}`);
  }
  if (g.problems.length > 0) {
    lines.push(`${indent}  ${say(M.schoolTableProblems, lang)}`);
    for (const p of g.problems) lines.push(`${indent}    - ${p}`);
  }
  return `${lines.join('\n')}\n`;
}

/**
 * One file's rows of the CSV report, a row at a time; the first file's part carries the byte-order mark
 * and the header row. Joined, the bytes of `renderCsv` of the file (without its header after the first).
 */
export function* csvPart(r: JobResult, lang: Lang, first: boolean): Generator<string> {
  let header = true;
  for (const row of csvRows([toFileReport(r)], lang)) {
    if (header) {
      header = false;
      if (first) yield `\ufeff${row}\r\n`;
    } else yield `${row}\r\n`;
  }
}

function toFileReport(r: JobResult): FileReport & { error?: string } {
  return {
    file: r.file,
    summary: r.summary,
    findings: r.findings,
    ...(r.error !== undefined && { error: r.error }),
    ...(r.status === 'nothing-to-check'
      ? { nothingToCheck: true, skipped: r.skipped ?? [] }
      : r.skipped !== undefined && { skipped: r.skipped }),
    ...(r.places !== undefined && { places: r.places }),
  };
}

/**
 * One file's part of the text report, a line at a time (a file with thousands of findings is never one
 * string): the lines of `renderText` of the file, then what the CLI adds (a generated table, a written copy).
 */
export function* textPart(r: JobResult, lang: Lang): Generator<string> {
  // an unreadable file is one sentence that names it
  if (r.status === 'unreadable') {
    yield `${r.error ?? r.file}\n\n`;
    return;
  }
  if (r.status === 'nothing-to-check') {
    // what was looked for, every sheet looked at and why, where to map the bureau's own headings
    // the hint's line is not ended yet: the sentence goes on a line of its own
    const extra = r.error !== undefined ? `\n  ${stripFile(r.error, r.file)}` : '';
    const { error: _error, ...rest } = r;
    yield* linesTrimmed(textLines([toFileReport(rest)], lang));
    yield `${extra}\n`;
    return;
  }
  // the last non-empty piece written: whether the part so far ends a line
  let end = '';
  for (const piece of linesTrimmed(
    textLines(
      [
        {
          file: r.file,
          summary: r.summary,
          findings: r.findings,
          ...(r.skipped !== undefined && { skipped: r.skipped }),
          ...(r.places !== undefined && { places: r.places }),
        },
      ],
      lang,
    ),
  )) {
    if (piece !== '') end = piece;
    yield piece;
  }
  let s = '';
  const endsLine = (): boolean => (s !== '' ? s : end).endsWith('\n');
  if (r.generated !== undefined) s += `\n${generatedText(r.generated, '', lang, '  ')}`;
  if (r.projectSheet !== undefined) s += `${endsLine() ? '' : '\n'}  ${projectSheetText(r.projectSheet, lang)}\n`;
  if (r.wrote !== undefined) s += `  ${say(M.wrote(r.wrote), lang)}\n`;
  if (r.error !== undefined) s += `  ${stripFile(r.error, r.file)}\n`;
  yield endsLine() ? `${s}\n` : `${s}\n\n`;
}

/**
 * `lines.join('\n').replace(/\n$/, '')` in pieces: each line with the `\n` before it, the last piece
 * without a final `\n` (a `$` without the m flag matches only at the very end).
 */
function* linesTrimmed(lines: Iterable<string>): Generator<string> {
  let prev: string | undefined;
  for (const line of lines) {
    if (prev !== undefined) yield prev;
    prev = prev === undefined ? line : `\n${line}`;
  }
  if (prev !== undefined) yield prev.replace(/\n$/, '');
}
