/**
 * ExcelHost: the plain-function interface the task pane (and the ribbon commands) receive.
 * It implements the pane's PaneHost contract over any `run` (Excel.run, or the fake's), so the
 * whole flow is tested without Office. Never throws: failures become a CheckOutcome or a
 * result with what was left out.
 */
import { checkWorkbook } from '../../core/check';
import type { Finding, Fix, Lang } from '../../core/rules/types';
import type { StoredExplanation } from '../../core/snapshot/types';
import type { CheckOutcome, CheckRequest, FixOutcome, PaneHost } from '../../taskpane/host';
import { errorCode, type XlRequirements, type XlRun } from './api';
import { MIN_EXCEL_API, detectCaps, isSupported, type HostCaps } from './caps';
import { readExplanations, writeExplanation } from './explanations';
import { applyFixes, skipReasonText, undoFixes, type FixResult, type WrittenFix } from './fixes';
import { clearFlags, flag, type ClearResult, type FlagResult } from './flags';
import { selectCell } from './navigate';
import { ExcelReadLimitError, readWorkbook, type ReadResult } from './read';
import { subscribeChanges } from './events';
import { FLAG_SHEET } from './record';
import { EXPLANATION_SHEET } from '../../core/report/explanations';

export interface ExcelHost extends PaneHost {
  readonly kind: 'excel';
  readonly caps: HostCaps;
  /** The workbook as a snapshot (3 syncs for any number of sheets). */
  read(): Promise<ReadResult>;
  /** Flags the findings' cells (replacing the previous flags). */
  flag(findings: readonly Finding[]): Promise<FlagResult>;
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
}

const T = {
  tooOld: {
    zh: '此版本的 Excel 太旧，无法运行检查（需要 ExcelApi 1.9）。请使用独立网页版或命令行工具 disclosure-check。',
    en: 'This version of Excel is too old to run the check (ExcelApi 1.9 is needed). Use the standalone page or the disclosure-check CLI.',
  },
  failed: { zh: '检查失败：', en: 'The check failed: ' },
  notes: {
    zh: '此版本的 Excel 不支持批注接口（ExcelApi 1.18）：单元格只用底色标记，问题说明见本面板。',
    en: 'This Excel has no notes API (ExcelApi 1.18): cells are flagged by colour only; the messages are in this pane.',
  },
  merges: {
    zh: '未能读取合并单元格，表格结构的检查可能不完整。',
    en: 'Merged cells could not be read; the table-structure checks may be incomplete.',
  },
  flagFailed: { zh: '未能在单元格上标记：', en: 'Could not flag the cells: ' },
} as const;

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

function describe(e: unknown): string {
  const code = errorCode(e);
  const msg = e instanceof Error ? e.message : String(e);
  return code ? `${msg} (${code})` : msg;
}

export function createExcelHost(options: ExcelHostOptions): ExcelHost {
  const { run, requirements } = options;
  const caps = detectCaps(requirements, options.caps);
  let lastFlags: FlagResult | null = null;

  const host: ExcelHost = {
    kind: 'excel',
    caps,
    get lastFlags() {
      return lastFlags;
    },

    read: () => run((ctx) => readWorkbook(ctx, { caps })),

    async flag(findings) {
      lastFlags = await run((ctx) => flag(ctx, findings, caps));
      return lastFlags;
    },

    clear: () => run((ctx) => clearFlags(ctx, caps)),

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
        return { ok: false, message: T.failed[lang] + describe(e) };
      }
      await request.onPhase?.('check');
      const result = checkWorkbook({
        snapshot: read.snapshot,
        config: request.config,
        lang,
        ...(request.registry !== undefined && { registry: request.registry }),
      });
      const notes: string[] = [];
      if (read.omitted.includes('merges')) notes.push(T.merges[lang]);
      try {
        await request.onPhase?.('flag');
        const flags = await host.flag(result.findings.filter((f) => f.explanation === undefined));
        if (flags.protectedSheets.length > 0) notes.push(protectedText(flags.protectedSheets, lang));
        if (!flags.notes && flags.flagged > 0) notes.push(T.notes[lang]);
      } catch (e) {
        notes.push(T.flagFailed[lang] + describe(e));
      }
      return notes.length > 0 ? { ok: true, result, notes } : { ok: true, result };
    },

    async select(sheet, cell) {
      await run((ctx) => selectCell(ctx, sheet, cell));
    },

    applyFixesDetailed: (fixes, opts) => run((ctx) => applyFixes(ctx, fixes, opts)),

    async applyFixes(fixes, opts): Promise<FixOutcome> {
      const lang = options.lang ?? 'zh';
      try {
        const r = await host.applyFixesDetailed(fixes, opts);
        return {
          written: r.written.map((w) => ({ sheet: w.sheet, cell: w.cell, value: w.value })),
          skipped: r.skipped.map((s) => ({ sheet: s.sheet, cell: s.cell, reason: skipReasonText(s.reason, lang) })),
        };
      } catch (e) {
        return { written: [], skipped: fixes.map((f) => ({ sheet: f.sheet, cell: f.cell, reason: describe(e) })) };
      }
    },

    undoFixes: (written) => run((ctx) => undoFixes(ctx, written)),

    async clearFlags() {
      await host.clear();
      lastFlags = null;
    },

    readExplanations: () => run((ctx) => readExplanations(ctx)),

    async explain(finding, text) {
      await run((ctx) =>
        writeExplanation(ctx, {
          key: finding.key,
          rule: finding.rule,
          sheet: finding.sheet,
          cell: finding.cell,
          text,
          at: new Date().toISOString(),
        }),
      );
    },

    onChanged(listener) {
      let stopped = false;
      const pending = subscribeChanges(
        run,
        () => {
          if (!stopped) listener();
        },
        { ignoreSheets: [FLAG_SHEET, EXPLANATION_SHEET] },
      ).catch(() => null);
      return () => {
        stopped = true;
        void pending.then((unsubscribe) => unsubscribe?.().catch(() => undefined));
      };
    },
  };
  return host;
}
