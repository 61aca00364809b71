/**
 * The check of a file's snapshot in the CLI, for a workbook (job.ts) and a document (document.ts) alike:
 * bounded by the check budget; a check that runs over it, or fails, is the file's result in one sentence.
 */
import { checkWorkbook } from '../core/check';
import { CheckBudgetExceeded } from '../core/budget';
import type { WorkbookSnapshot } from '../core/snapshot/types';
import type { JobResult, JobSettings } from './job';
import { M, say } from './messages';

const ZERO = { errors: 0, warnings: 0, infos: 0, explained: 0 };

export type SnapshotCheck =
  { readonly ok: true; readonly result: ReturnType<typeof checkWorkbook> } | { readonly ok: false; readonly failed: JobResult };

/** Checks `snapshot` (read from t0 to t1) within `budgetMs` of t1. */
export function checkSnapshot(
  base: Pick<JobResult, 'index' | 'file' | 'input'>,
  snapshot: WorkbookSnapshot,
  settings: JobSettings,
  now: () => number,
  t0: number,
  t1: number,
  budgetMs: number,
): SnapshotCheck {
  try {
    const result = checkWorkbook({
      snapshot,
      config: settings.config,
      lang: settings.lang,
      ...(settings.registry !== undefined && { registry: settings.registry }),
      overBudget: () => now() - t1 > budgetMs,
    });
    return { ok: true, result };
  } catch (e) {
    const overBudget = e instanceof CheckBudgetExceeded;
    return {
      ok: false,
      failed: {
        ...base,
        status: 'unreadable',
        summary: ZERO,
        findings: [],
        error: say(overBudget ? M.checkTooLong(base.file, budgetMs) : M.internal(base.file), settings.lang),
        ...(!overBudget && { detail: e instanceof Error ? (e.stack ?? e.message) : String(e) }),
        ms: { read: t1 - t0, check: now() - t1 },
      },
    };
  }
}
