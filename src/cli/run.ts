/**
 * The CLI's work, without process globals: arguments in, report on `out`, messages on `err`,
 * exit code back. main.ts binds it to the process.
 */
import { existsSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { basename, extname, join } from 'node:path';
import type { Lang } from '../core/rules/types';
import { parseConfig, type CheckConfig } from '../core/rules/config';
import { RULE_IDS } from '../core/rules/index';
import { renderCsv, renderText, toJsonReport, type FileReport } from '../core/report/report';
import { nothingToCheckText } from '../core/disclosure/skipped';
import type { WorkbookSnapshot } from '../core/snapshot/types';
import { readXlsx } from '../hosts/xlsx/read';
import { parseArgs } from './args';
import { HELP } from './help';
import { expandInputs, isProblem } from './inputs';
import type { JobResult, JobTask } from './job';
import { M, fsReason, say } from './messages';
import { runPool } from './pool';
import { summaryTable, statusOf } from './table';
import { exportDocx } from './export';
import { FileSet } from './files';

export interface CliIO {
  readonly out: (s: string) => void;
  readonly err: (s: string) => void;
  /** Whether progress lines go to `err` (stderr is a terminal). */
  readonly progress: boolean;
}

const ZERO = { errors: 0, warnings: 0, infos: 0, explained: 0 };

function stripFile(sentence: string, file: string): string {
  for (const sep of ['：', ': ']) if (sentence.startsWith(file + sep)) return sentence.slice(file.length + sep.length);
  return sentence;
}

function loadConfig(path: string): { ok: true; config: CheckConfig } | { ok: false; error: { zh: string; en: string } } {
  let raw: string;
  try {
    raw = readFileSync(path, 'utf8');
  } catch (e) {
    return { ok: false, error: { zh: say(M.configUnreadable(path, fsReason(e, 'zh')), 'zh'), en: say(M.configUnreadable(path, fsReason(e, 'en')), 'en') } };
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
    io.out(HELP);
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
    const r = readXlsx(bytes);
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
  for (const t of tasks) inputFiles.add(t.file);
  const otherReads = new FileSet();
  if (opts.registry !== undefined) otherReads.add(opts.registry);
  if (opts.config !== undefined) otherReads.add(opts.config);
  const refuseTarget = (target: string, flag: '--out' | '--export-docx'): string | undefined => {
    if (inputFiles.has(target)) return say(flag === '--out' ? M.outIsInput(target) : M.exportIsInput(target), lang);
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
      let p = join(opts.outDir, `${stem}.checked${ext}`);
      while (used.has(p) || inputFiles.has(p) || otherReads.has(p)) p = join(opts.outDir, `${stem}.checked-${++n}${ext}`);
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

  const jobTasks: JobTask[] = tasks.map((t) => {
    const out = outFor.get(t.index);
    return { index: t.index, file: t.file, ...(out !== undefined && { out }) };
  });
  const problems = new Map<number, JobResult>();
  for (const p of items) {
    if (isProblem(p)) {
      problems.set(p.index, { index: p.index, file: p.file, status: 'unreadable', summary: ZERO, findings: [], error: p.message, ms: { read: 0, check: 0 } });
    }
  }

  const results: JobResult[] = [];
  let nextIndex = 0;
  const emit = (r: JobResult): void => {
    results.push(r);
    nextIndex = r.index + 1;
    if (io.progress) {
      const s = r.status === 'unreadable' ? statusOf(r, lang) : `${statusOf(r, lang)} ${r.summary.errors}/${r.summary.warnings}/${r.summary.infos}`;
      io.err(`[${results.length}/${items.length}] ${r.file}  ${s}\n`);
    }
    if (opts.debug) {
      if (r.detail) io.err(`${r.file}: ${r.detail}\n`);
      io.err(`${r.file}: read ${r.ms.read.toFixed(1)} ms, check ${r.ms.check.toFixed(1)} ms\n`);
    }
    if (opts.format === 'text') io.out(renderOne(r, lang));
    else if (r.error !== undefined) io.err(`${r.error}\n`);
    else if (r.status === 'nothing-to-check') io.err(`${r.file}${lang === 'zh' ? '：' : ': '}${nothingToCheckText(r.skipped ?? [], lang, 'cli').summary}\n`);
  };
  const emitProblemsBefore = (index: number): void => {
    while (nextIndex < index && problems.has(nextIndex)) emit(problems.get(nextIndex)!);
  };

  const jobs = opts.jobs ?? availableParallelism();
  await runPool(jobTasks, {
    jobs,
    forceWorkers: opts.jobs !== undefined,
    settings: { config, lang, fix: opts.fix, ...(registry !== undefined && { registry }) },
    onResult: (r) => {
      emitProblemsBefore(r.index);
      emit(r);
    },
  });
  emitProblemsBefore(items.length);

  if (opts.format === 'json') {
    const json = toJsonReport(results.map(toFileReport), lang);
    json.reports.forEach((rep, i) => {
      const r = results[i]!;
      const extra = rep as { annotatedCopy?: string };
      if (r.wrote !== undefined) extra.annotatedCopy = r.wrote;
    });
    io.out(`${JSON.stringify(json, null, 2)}\n`);
  } else if (opts.format === 'csv') {
    io.out(renderCsv(results.map(toFileReport), lang));
  } else {
    io.out(`${summaryTable(results, lang)}\n`);
  }
  if (opts.fix && outFor.size === 0) io.err(`${say(M.fixWithoutOut, lang)}\n`);

  let code = 0;
  // a workbook with nothing to check is not a pass (SPEC §7)
  if (results.some((r) => r.status === 'unreadable' || r.status === 'write-failed' || r.status === 'nothing-to-check')) code = 2;
  else if (results.some((r) => r.summary.errors > 0)) code = 1;

  if (opts.exportDocx !== undefined && code !== 2) {
    const only = results[0];
    if (only && only.summary.errors > 0 && !opts.force) {
      io.err(`${say(M.exportRefused(only.summary.errors), lang)}\n`);
      return 1;
    }
    if (only) {
      const e = await exportDocx(only.file, opts.exportDocx, { config, lang, ...(registry !== undefined && { registry }) });
      if (!e.ok) {
        io.err(`${e.message}\n`);
        if (opts.debug && e.detail) io.err(`${e.detail}\n`);
        return 2;
      }
      io.err(`${say(M.exported(opts.exportDocx), lang)}\n`);
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

function toFileReport(r: JobResult): FileReport & { error?: string } {
  return {
    file: r.file,
    summary: r.summary,
    findings: r.findings,
    ...(r.error !== undefined && { error: r.error }),
    ...(r.status === 'nothing-to-check' && { nothingToCheck: true, skipped: r.skipped ?? [] }),
  };
}

/** One file's part of the text report. */
function renderOne(r: JobResult, lang: Lang): string {
  // an unreadable file is one sentence that names it
  if (r.status === 'unreadable') return `${r.error ?? r.file}\n\n`;
  if (r.status === 'nothing-to-check') {
    const extra = r.error !== undefined ? `  ${stripFile(r.error, r.file)}\n` : '';
    const { error: _error, ...rest } = r;
    const s = renderText([toFileReport(rest)], lang).replace(/\n$/, '');
    return `${s}${extra}\n`;
  }
  let s = renderText([{ file: r.file, summary: r.summary, findings: r.findings }], lang);
  s = s.replace(/\n$/, '');
  if (r.wrote !== undefined) s += `  ${say(M.wrote(r.wrote), lang)}\n`;
  if (r.error !== undefined) s += `  ${stripFile(r.error, r.file)}\n`;
  return `${s.endsWith('\n') ? s : `${s}\n`}\n`;
}
