/**
 * ExcelHost: the plain-function interface the task pane (and the ribbon commands) receive.
 * It implements the pane's PaneHost contract over any `run` (Excel.run, or the fake's), so the
 * whole flow is tested without Office. Never throws: failures become a CheckOutcome, a result
 * that names what was not done, or a sentence in the next check's notes.
 *
 * Runs ask Excel to wait while the user edits a cell (`delayForCellEdit`, ExcelApi 1.11); a run
 * refused for cell edit mode all the same is retried after a pause, and is never reported as a
 * merge problem or a failed check.
 */
import type { CheckResult } from '../../core/check';
import type { Finding, Fix, Lang } from '../../core/rules/types';
import type { StoredExplanation } from '../../core/snapshot/types';
import type { CheckOutcome, CheckRequest, FixOutcome, PaneHost } from '../../taskpane/host';
import { errorCode, isCellEditError, type XlContext, type XlRequirements, type XlRun, type XlRunOptions } from './api';
import type { ListSource, SchoolTablePlan } from '../../core/schools/from-list';
/** 生成学校表's list reader and planner: loaded when the action is first used, not with the pane. */
const schoolPlanner = () => import(/* webpackChunkName: "school-plan" */ '../../core/schools/from-list');
import { selectedSource, visibleSheets } from './school-list';
import { MIN_EXCEL_API, detectCaps, isSupported, type HostCaps } from './caps';
import { EXPLANATION_MAX_CHARS, ExplanationTooLongError, moveStoredExplanations, readExplanations, writeExplanation } from './explanations';
import { applyFixes, skipReasonText, undoFixes, type FixResult, type WrittenFix } from './fixes';
import { clearFlags, flag, type ClearResult, type FlagResult, type NotDone } from './flags';
import { selectCell } from './navigate';
import { ExcelReadLimitError, readWorkbook, type ReadResult } from './read';
import { subscribeChanges } from './events';
import { FLAG_SHEET, readFilledMarks, type FilledMark, type RecordCache } from './record';
import { isInsert } from '../../core/snapshot/fix-order';
import { fromA1, toA1 } from '../../core/snapshot/a1';
import { EXPLANATION_SHEET } from '../../core/report/explanations';
import { readStoredTemplate, writeStoredTemplate } from './template-store';
import { StructureProtectedError, structureProtected } from './structure';

export interface ExcelHost extends PaneHost {
  readonly kind: 'excel';
  readonly caps: HostCaps;
  /** The workbook as a snapshot (3 syncs for any number of sheets). Throws: check() turns failures into a sentence. */
  read(): Promise<ReadResult>;
  /** Flags the findings' cells (replacing the previous flags), and marks values filled in since. */
  flag(findings: readonly Finding[], lang?: Lang): Promise<FlagResult>;
  /** Removes exactly the flags added, with what was left alone. */
  clear(): Promise<ClearResult>;
  /** applyFixes with the details needed to undo. */
  applyFixesDetailed(fixes: readonly Fix[], options: { readonly overwrite: boolean }): Promise<FixResult>;
  undoFixes(written: readonly WrittenFix[]): Promise<number>;
  readExplanations(): Promise<StoredExplanation[]>;
  /** The outcome of the last check (with the flag result), for the pane and the ribbon. */
  readonly lastFlags: FlagResult | null;
}

export interface ExcelHostOptions {
  readonly run: XlRun;
  readonly requirements: XlRequirements;
  /** Overrides what is detected from the requirement sets (tests, or a known host). */
  readonly caps?: Partial<HostCaps>;
  readonly lang?: Lang;
  /** Waits before a run refused for cell edit mode is tried again (tests replace it). */
  readonly sleep?: (ms: number) => Promise<void>;
}

/** Pauses before the retries of a run refused for cell edit mode: about five minutes in all. */
export const CELL_EDIT_WAITS_MS: readonly number[] = [250, 500, 1000, 2000, ...Array<number>(98).fill(3000)];

const T = {
  tooOld: {
    zh: '此版本的 Excel 太旧，无法运行检查（需要 ExcelApi 1.9）。请使用独立网页版或命令行工具 disclosure-check。',
    en: 'This version of Excel is too old to run the check (ExcelApi 1.9 is needed). Use the standalone page or the disclosure-check CLI.',
  },
  failed: { zh: '检查失败：', en: 'The check failed: ' },
  cellEdit: {
    zh: 'Excel 正在编辑单元格，检查未能运行：请按 Enter 或 Esc 结束编辑后再检查。',
    en: 'Excel is editing a cell, so the check could not run: press Enter or Esc to finish the edit, then check again.',
  },
  cellEditFlags: {
    zh: 'Excel 正在编辑单元格，未能在单元格上标记：结束编辑后再检查即可标记。问题见本面板。',
    en: 'Excel is editing a cell, so the cells were not flagged: finish the edit and check again to flag them. The findings are listed here.',
  },
  notes: {
    zh: '此版本的 Excel 不支持批注接口（ExcelApi 1.18）：单元格只用底色标记，问题说明见本面板。',
    en: 'This Excel has no notes API (ExcelApi 1.18): cells are flagged by colour only; the messages are in this pane.',
  },
  notesRefused: {
    zh: 'Excel 拒绝写批注（虽声明支持 ExcelApi 1.18）：只用底色标记，问题说明见本面板的检查结果列表。',
    en: 'Excel refused notes (though it claims ExcelApi 1.18): cells are flagged by colour only; the messages are in the list of findings in this pane.',
  },
  notesLeft: {
    zh: '此 Excel 不能删除批注：底色已去掉，本工具的批注仍在单元格上（已记录），在支持批注的 Excel 中点“清除标记”即可删除。',
    en: "This Excel cannot remove notes: the fills are gone, the add-in's notes remain (recorded); click Clear flags in an Excel with notes to remove them.",
  },
  merges: {
    zh: '未能读取合并单元格，表格结构的检查可能不完整。',
    en: 'Merged cells could not be read; the table-structure checks may be incomplete.',
  },
  flagFailed: { zh: '未能在单元格上标记：', en: 'Could not flag the cells: ' },
  /** Why a write other than the check failed, when Excel refused it for cell edit mode (after the retries). */
  editing: {
    zh: 'Excel 正在编辑单元格（请按 Enter 或 Esc 结束编辑后再试）',
    en: 'Excel is editing a cell (press Enter or Esc to finish the edit, then try again)',
  },
  tableFailed: { zh: '未能生成学校表：', en: 'The school table could not be written: ' },
  explainFailed: { zh: '上次的说明未能保存：', en: 'The last explanation could not be saved: ' },
  explanationsNotMoved: {
    zh: '已插入行，但其下各行的说明未能随之下移（需重新填写说明）：',
    en: 'The row was inserted, but the explanations below it could not be moved with their cells (explain them again): ',
  },
  clearFailed: { zh: '清除标记未能完成：', en: 'Clearing the flags did not finish: ' },
  explainLocked: {
    zh: '工作簿的结构受保护，说明未能保存（说明存放在一个隐藏的工作表中）：请在“审阅”>“保护工作簿”中取消保护后再填写说明。',
    en: "The workbook's structure is protected, so the explanation could not be saved (explanations are kept on a hidden sheet): unprotect it under Review > Protect Workbook and explain again.",
  },
} as const;

/** A 说明 longer than a cell holds was not saved. */
function explainTooLongText(length: number): { zh: string; en: string } {
  return {
    zh: `说明有 ${length} 个字符，超过一个单元格最多能存放的 ${EXPLANATION_MAX_CHARS} 个字符，未能保存：请缩短后再填写。`,
    en: `The explanation has ${length.toLocaleString('en-US')} characters, more than the ${EXPLANATION_MAX_CHARS.toLocaleString('en-US')} a cell can hold, so it was not saved: shorten it and explain again.`,
  };
}

/** A sheet could not be added because the workbook's structure is protected. */
function sheetLockedText(name: string, lang: Lang): string {
  return lang === 'zh'
    ? `工作簿的结构受保护，无法新建工作表“${name}”：请在“审阅”>“保护工作簿”中取消保护后再试。`
    : `The workbook's structure is protected, so the sheet "${name}" could not be added: unprotect it under Review > Protect Workbook and try again.`;
}

function protectedText(sheets: readonly string[], lang: Lang): string {
  return lang === 'zh'
    ? `工作表“${sheets.join('”“')}”受保护，未在其单元格上标记；其问题仍列在本面板。`
    : `Protected sheet(s) ${sheets.map((s) => `"${s}"`).join(', ')}: their cells were not flagged; the findings are still listed here.`;
}

function tooLargeText(e: ExcelReadLimitError, lang: Lang): string {
  return lang === 'zh'
    ? `工作表“${e.sheet}”的已用区域过大（工作簿共 ${e.cells} 个单元格，上限 ${e.max} 个），未检查。请删除多余的行列后再检查，或使用命令行工具。`
    : `The used range of sheet "${e.sheet}" is too large (${e.cells} cells in the workbook, limit ${e.max}); nothing was checked. Delete the stray rows and columns and check again, or use the CLI.`;
}

function mergesText(sheets: readonly string[], lang: Lang): string {
  return lang === 'zh'
    ? `工作表“${sheets.join('”“')}”的合并单元格未能读取（Excel 一次最多读 512 个合并区域），其表格结构的检查可能不完整。`
    : `The merged cells of sheet(s) ${sheets.map((s) => `"${s}"`).join(', ')} could not be read (Excel reads at most 512 merged areas at a time); their table-structure checks may be incomplete.`;
}

const MAX_LISTED = 10;

function cellList(list: readonly NotDone[], lang: Lang): string {
  const names = [...new Set(list.map((n) => `${n.sheet}!${n.cell}`))];
  const shown = names.slice(0, MAX_LISTED).join(lang === 'zh' ? '、' : ', ');
  if (names.length <= MAX_LISTED) return shown;
  return lang === 'zh' ? `${shown} 等 ${names.length} 个单元格` : `${shown} and ${names.length - MAX_LISTED} more`;
}

/** One sentence per kind of thing not done, naming the cells. */
export function notDoneTexts(list: readonly NotDone[], lang: Lang): string[] {
  const out: string[] = [];
  const of = (p: (n: NotDone) => boolean) => list.filter(p);
  const comment = of((n) => n.reason === 'comment');
  const tooLarge = of((n) => n.reason === 'too-large');
  const notes = of((n) => n.reason === 'refused' && n.what === 'note');
  const cells = of((n) => n.reason === 'refused' && n.what !== 'note');
  const zh = lang === 'zh';
  if (comment.length > 0) {
    out.push(
      zh
        ? `单元格 ${cellList(comment, lang)} 有批注串（线程式批注），Excel 不允许再加批注：只标了底色，问题说明见本面板。`
        : `Cell(s) ${cellList(comment, lang)} have a threaded comment, beside which Excel allows no note: flagged by colour only; the messages are in this pane.`,
    );
  }
  if (tooLarge.length > 0) {
    out.push(
      zh
        ? `单元格 ${cellList(tooLarge, lang)} 的问题说明太长，Excel 一次写不下：未写批注，问题说明见本面板。`
        : `The messages of cell(s) ${cellList(tooLarge, lang)} are too long for Excel to write at once: no note was written; the messages are in this pane.`,
    );
  }
  if (notes.length > 0) {
    out.push(
      zh
        ? `Excel 拒绝在单元格 ${cellList(notes, lang)} 上写批注：只标了底色，问题说明见本面板。`
        : `Excel refused a note on cell(s) ${cellList(notes, lang)}: flagged by colour only; the messages are in this pane.`,
    );
  }
  if (cells.length > 0) {
    out.push(
      zh
        ? `Excel 拒绝标记单元格 ${cellList(cells, lang)}：这些单元格未标记，问题仍列在本面板。`
        : `Excel refused to flag cell(s) ${cellList(cells, lang)}: they are not flagged; the findings are still listed here.`,
    );
  }
  return out;
}

function describe(e: unknown): string {
  const code = errorCode(e);
  const msg = e instanceof Error ? e.message : String(e);
  return code ? `${msg} (${code})` : msg;
}

/**
 * Why an operation failed, in both languages: cell edit mode (Excel refuses every batch while the
 * user edits a cell, and the retries ran out) in one sentence of ours, anything else as Excel said it.
 */
function because(e: unknown): { zh: string; en: string } {
  if (isCellEditError(e)) return T.editing;
  const d = describe(e);
  return { zh: d, en: d };
}

const defaultSleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** A cell's address once rows were inserted (original rows) in its sheet. */
function movedCell(sheet: string, cell: string, inserted: readonly { readonly sheet: string; readonly row: number }[]): string {
  const p = fromA1(cell);
  if (!p) return cell;
  const by = inserted.filter((x) => x.sheet === sheet && x.row <= p.row).length;
  return toA1(p.row + by, p.col);
}

/** The filled value's origin, from the finding that proposed the fix. */
function markOf(w: WrittenFix, last: { result: CheckResult; request: CheckRequest; sheets: ReadonlySet<string> } | null): FilledMark {
  const f = last?.result.findings.find(
    (x) => x.fix?.sheet === w.sheet && x.fix.cell.replace(/\$/g, '').toUpperCase() === w.cell && String(x.fix.value) === String(w.value),
  );
  const source = f?.related?.[0]?.sheet;
  const external = source !== undefined && last !== null && !last.sheets.has(source) && last.request.registry !== undefined;
  return {
    sheet: w.sheet,
    cell: w.cell,
    value: String(w.value),
    rule: f?.rule ?? '',
    ...(source !== undefined && { source }),
    ...(external && { sourceFile: last.request.registry!.source }),
  };
}

export function createExcelHost(options: ExcelHostOptions): ExcelHost {
  const { requirements } = options;
  const caps = detectCaps(requirements, options.caps);
  /** Notes claimed but refused once: left out for the rest of the session (no sync spent asking again). */
  let notesRefused = false;
  const flagCaps = (): HostCaps => (notesRefused ? { ...caps, notes: false } : caps);
  const sleep = options.sleep ?? defaultSleep;
  let lastFlags: FlagResult | null = null;
  let last: { result: CheckResult; request: CheckRequest; sheets: ReadonlySet<string> } | null = null;
  /** Values filled in since the last flagging, to mark. */
  const filled = new Map<string, FilledMark>();
  /** The flag record last written in XML parts (read again only when another session changed it). */
  const recordCache: RecordCache = {};
  /** Sentences for the next check (an explanation or a clear that failed). */
  const pending: { zh: string; en: string }[] = [];
  const runOptions = caps.delayForCellEdit ? { delayForCellEdit: true } : undefined;

  /** A batch; refused for cell edit mode, it is tried again after a pause. */
  const run = async <R>(batch: (context: XlContext) => Promise<R>, extra?: XlRunOptions): Promise<R> => {
    const given = extra ? { ...runOptions, ...extra } : runOptions;
    for (let attempt = 0; ; attempt++) {
      try {
        return await options.run(batch, given);
      } catch (e) {
        const wait = CELL_EDIT_WAITS_MS[attempt];
        if (!isCellEditError(e) || wait === undefined) throw e;
        await sleep(wait);
      }
    }
  };
  /** 生成学校表: the workbook read now, the list read from it, the table planned. */
  const planFromWorkbook = async (
    source: ListSource,
    request: Omit<CheckRequest, 'onPhase'>,
    into: string | undefined,
  ): Promise<{ ok: true; plan: SchoolTablePlan } | { ok: false; message: string }> => {
    let read: ReadResult;
    try {
      read = await host.read();
    } catch (e) {
      if (e instanceof ExcelReadLimitError) return { ok: false, message: tooLargeText(e, request.lang) };
      if (isCellEditError(e)) return { ok: false, message: T.cellEdit[request.lang] };
      return { ok: false, message: T.failed[request.lang] + describe(e) };
    }
    const { planSchoolTable } = await schoolPlanner();
    const planned = planSchoolTable(read.snapshot, source, {
      ...(request.registry !== undefined && { registry: request.registry }),
      ...(into !== undefined && { into }),
    });
    return planned.ok ? planned : { ok: false, message: planned.message[request.lang] };
  };
  /** After a refused write: was it the workbook's protected structure? */
  const locked = (): Promise<boolean> => run((ctx) => structureProtected(ctx)).catch(() => false);
  const failedFlags = (error: string): FlagResult => ({
    flagged: 0,
    protectedSheets: [],
    unplaced: 0,
    notes: flagCaps().notes,
    filled: 0,
    notDone: [],
    error,
  });

  /** 清除标记, and why it failed in both languages when it did. */
  const clearOrWhy = async (): Promise<{ result: ClearResult; why?: { zh: string; en: string } }> => {
    try {
      const result = await run((ctx) => clearFlags(ctx, flagCaps(), { cache: recordCache }));
      if (result.notesRefused === true) notesRefused = true;
      return { result };
    } catch (e) {
      const why = because(e);
      return { result: { restored: 0, skipped: [], notDone: [], error: why[options.lang ?? 'zh'] }, why };
    }
  };

  const host: ExcelHost = {
    kind: 'excel',
    caps,
    get lastFlags() {
      return lastFlags;
    },

    read: () => run((ctx) => readWorkbook(ctx, { caps })),

    async flag(findings, lang = options.lang ?? 'zh') {
      try {
        const marks = [...filled.values()];
        lastFlags = await run((ctx) => flag(ctx, findings, flagCaps(), { filled: marks, lang, cache: recordCache }));
        if (lastFlags.notesRefused === true) notesRefused = true;
        for (const m of marks) filled.delete(`${m.sheet}!${m.cell}`);
      } catch (e) {
        lastFlags = failedFlags(isCellEditError(e) ? T.cellEditFlags[lang] : T.flagFailed[lang] + describe(e));
      }
      return lastFlags;
    },

    clear: async () => (await clearOrWhy()).result,

    async check(request: CheckRequest): Promise<CheckOutcome> {
      const lang = request.lang;
      if (!isSupported(requirements, MIN_EXCEL_API)) return { ok: false, message: T.tooOld[lang], tooOld: true };
      let read: ReadResult;
      try {
        // each phase is announced (and the pane given a moment to paint it) before it runs
        await request.onPhase?.('read');
        read = await host.read();
      } catch (e) {
        if (e instanceof ExcelReadLimitError) return { ok: false, message: tooLargeText(e, lang) };
        if (isCellEditError(e)) return { ok: false, message: T.cellEdit[lang] };
        return { ok: false, message: T.failed[lang] + describe(e) };
      }
      const notes: string[] = pending.splice(0).map((p) => p[lang]);
      await request.onPhase?.('check');
      // the checks are loaded when the pane first checks, not with the pane (SPEC §8: its initial JavaScript)
      const { checkWorkbook } = await import(/* webpackChunkName: "checks" */ '../../core/check');
      const result = checkWorkbook({
        snapshot: read.snapshot,
        config: request.config,
        lang,
        ...(request.registry !== undefined && { registry: request.registry }),
      });
      last = { result, request, sheets: new Set(read.snapshot.sheets.map((s) => s.name)) };
      if (read.mergesOmitted.length > 0) notes.push(mergesText(read.mergesOmitted, lang));
      else if (read.omitted.includes('merges')) notes.push(T.merges[lang]);
      await request.onPhase?.('flag');
      const flags = await host.flag(
        result.findings.filter((f) => f.explanation === undefined),
        lang,
      );
      if (flags.error !== undefined) notes.push(flags.error);
      if (flags.protectedSheets.length > 0) notes.push(protectedText(flags.protectedSheets, lang));
      if (!flags.notes && flags.flagged > 0) notes.push((notesRefused ? T.notesRefused : T.notes)[lang]);
      notes.push(...notDoneTexts(flags.notDone, lang));
      return notes.length > 0 ? { ok: true, result, notes } : { ok: true, result };
    },

    schoolTable: {
      sheets: () => run((ctx) => visibleSheets(ctx)).catch(() => []),
      selection: () => run((ctx) => selectedSource(ctx)).catch(() => null),
      async preview(source, request, place) {
        const planned = await planFromWorkbook(source, request, place?.into);
        return planned.ok ? { ok: true, preview: (await schoolPlanner()).previewOf(planned.plan) } : planned;
      },
      async write(source, request, place) {
        const planned = await planFromWorkbook(source, request, place?.into);
        if (!planned.ok) return planned;
        const { sheetName, template, into } = planned.plan;
        try {
          const { writeTemplateSheet } = await import(/* webpackChunkName: "excel-templates" */ './school-table');
          const refused = await run((ctx) =>
            writeTemplateSheet(ctx, sheetName, template, { events: caps.events, into: into !== undefined }),
          );
          if (refused) return { ok: false, message: (await schoolPlanner()).notEmptyMessage(sheetName, refused.notEmpty)[request.lang] };
        } catch (e) {
          if (await locked()) return { ok: false, message: sheetLockedText(sheetName, request.lang) };
          return { ok: false, message: T.tableFailed[request.lang] + because(e)[request.lang] };
        }
        return { ok: true, sheet: sheetName };
      },
    },

    async select(sheet, cell) {
      await run((ctx) => selectCell(ctx, sheet, cell)).catch(() => false);
    },

    async applyFixesDetailed(fixes, opts) {
      // An insert moves the cells below it, and with them the add-in's fills and notes, away from
      // the addresses the record holds: the flags are cleared first (exactly, from the record), the
      // values marked as filled kept to be marked again, and the check after the fixes flags anew.
      let list = fixes;
      if (fixes.some(isInsert)) {
        try {
          const marks = await run((ctx) => readFilledMarks(ctx, caps, recordCache));
          for (const m of marks) if (!filled.has(`${m.sheet}!${m.cell}`)) filled.set(`${m.sheet}!${m.cell}`, m);
        } catch {
          // no record to read: nothing to keep
        }
        const cleared = await host.clear();
        lastFlags = null;
        if (cleared.error !== undefined || cleared.notDone.length > 0) list = fixes.filter((f) => !isInsert(f));
      }
      try {
        const r = await run((ctx) => applyFixes(ctx, list, { ...opts, events: caps.events }));
        if (r.inserted) {
          const moved = [...filled.values()].map((m) => ({ ...m, cell: movedCell(m.sheet, m.cell, r.inserted!) }));
          filled.clear();
          for (const m of moved) filled.set(`${m.sheet}!${m.cell}`, m);
          // the 说明 of the findings below the rows move with them (the rows are in: a failure here only says so)
          const rows = r.inserted;
          await run((ctx) => moveStoredExplanations(ctx, rows, { events: caps.events })).catch((e: unknown) => {
            const why = because(e);
            pending.push({ zh: T.explanationsNotMoved.zh + why.zh, en: T.explanationsNotMoved.en + why.en });
          });
        }
        for (const w of r.written) if (!w.inserted) filled.set(`${w.sheet}!${w.cell}`, markOf(w, last));
        const refused = fixes.filter((f) => !list.includes(f)).map((f) => ({ sheet: f.sheet, cell: f.cell, reason: 'flags' as const }));
        return refused.length > 0 ? { ...r, skipped: [...r.skipped, ...refused] } : r;
      } catch {
        return { written: [], skipped: fixes.map((f) => ({ sheet: f.sheet, cell: f.cell, reason: 'failed' as const })) };
      }
    },

    async applyFixes(fixes, opts): Promise<FixOutcome> {
      const lang = options.lang ?? 'zh';
      const r = await host.applyFixesDetailed(fixes, opts);
      return {
        written: r.written.map((w) => ({ sheet: w.sheet, cell: w.cell, value: w.value })),
        skipped: r.skipped.map((s) => ({ sheet: s.sheet, cell: s.cell, reason: skipReasonText(s.reason, lang) })),
      };
    },

    async undoFixes(written) {
      try {
        return await run((ctx) => undoFixes(ctx, written, { events: caps.events }));
      } catch {
        return 0;
      }
    },

    async clearFlags() {
      const { result: r, why } = await clearOrWhy();
      if (r.error !== undefined) {
        pending.push({ zh: T.clearFailed.zh + (why?.zh ?? r.error), en: T.clearFailed.en + (why?.en ?? r.error) });
      }
      if ((r.notesLeft ?? 0) > 0) pending.push(T.notesLeft);
      filled.clear();
      lastFlags = null;
    },

    async readExplanations() {
      try {
        return await run((ctx) => readExplanations(ctx));
      } catch {
        return [];
      }
    },

    docxTemplate: caps.settings
      ? {
          load: () => run((ctx) => readStoredTemplate(ctx)).catch(() => null),
          save: (t) => run((ctx) => writeStoredTemplate(ctx, t)).catch(() => false),
        }
      : undefined,

    async addProjectSheet(template) {
      try {
        const { addProjectSheet } = await import(/* webpackChunkName: "excel-templates" */ './project-sheet');
        return { ok: true as const, sheet: await run((ctx) => addProjectSheet(ctx, template)) };
      } catch (e) {
        if (await locked()) return { ok: false as const, message: sheetLockedText(template.name, options.lang ?? 'zh') };
        return {
          ok: false as const,
          message:
            (options.lang ?? 'zh') === 'zh'
              ? `无法新建工作表“${template.name}”：${because(e).zh}`
              : `The sheet "${template.name}" could not be added: ${because(e).en}`,
        };
      }
    },

    async explain(finding, text) {
      try {
        await run((ctx) =>
          writeExplanation(
            ctx,
            {
              key: finding.key,
              rule: finding.rule,
              sheet: finding.sheet,
              cell: finding.cell,
              text,
              at: new Date().toISOString(),
            },
            { events: caps.events },
          ),
        );
      } catch (e) {
        if (e instanceof StructureProtectedError) pending.push(T.explainLocked);
        else if (e instanceof ExplanationTooLongError) pending.push(explainTooLongText(e.length));
        else pending.push({ zh: T.explainFailed.zh + because(e).zh, en: T.explainFailed.en + because(e).en });
      }
    },

    onChanged(listener) {
      let stopped = false;
      const pendingSub = subscribeChanges(
        run,
        () => {
          if (!stopped) listener();
        },
        { ignoreSheets: [FLAG_SHEET, EXPLANATION_SHEET], enableEvents: caps.events },
      ).catch(() => null);
      return () => {
        stopped = true;
        void pendingSub.then((unsubscribe) => unsubscribe?.().catch(() => undefined));
      };
    },
  };
  return host;
}
