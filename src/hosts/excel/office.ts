/**
 * The only file that names the global `Excel`, `Office` and `OfficeExtension` objects: it binds
 * the adapter to the real host. The assignments below are the compile-time proof that Office.js's
 * types satisfy the structural subset in `./api`.
 */
import type { Lang } from '../../core/rules/types';
import type { XlContext, XlRequirements, XlRun, XlRunOptions } from './api';
import { MIN_EXCEL_API, isSupported } from './caps';
import { createExcelHost, type ExcelHost } from './host';
import { excelSession } from './session';

/** `Excel.run` (with its RunOptions when given), typed as the adapter's `XlRun`. */
export const officeRun: XlRun = <T>(batch: (context: XlContext) => Promise<T>, options?: XlRunOptions): Promise<T> => {
  const body = (context: Excel.RequestContext): Promise<T> => {
    const ctx: XlContext = context;
    return batch(ctx);
  };
  if (!options) return Excel.run(body);
  const { delayForCellEdit, previousObjects } = options;
  return Excel.run(
    {
      ...(delayForCellEdit !== undefined && { delayForCellEdit }),
      // an earlier run's context, which Excel gave this adapter (an EventHandlerResult's)
      ...(previousObjects instanceof OfficeExtension.ClientRequestContext && { previousObjects }),
    },
    body,
  );
};

/**
 * `Office.context.platform` ('PC', 'Mac', 'OfficeOnline', 'iOS', …), or null outside Office.
 * On 'Mac' the add-in cannot download files (WKWebView; office-js 2700, 4681).
 */
export function officePlatform(): string | null {
  try {
    const p: unknown = Office.context.platform;
    return typeof p === 'string' ? p : null;
  } catch {
    return null;
  }
}

/** `Office.context.requirements`, read when called (Office must be ready). */
export const officeRequirements: XlRequirements = {
  isSetSupported: (name, minVersion) => {
    try {
      return Office.context.requirements.isSetSupported(name, minVersion);
    } catch {
      return false;
    }
  },
};

/**
 * The Excel host for the task pane (`src/taskpane/officeHost.ts`) and the ribbon commands:
 * one per page, shared through the session. Office must be ready.
 */
export async function createOfficeExcelHost(lang: Lang): Promise<{ host: ExcelHost } | { tooOld: true } | { error: string }> {
  try {
    if (!isSupported(officeRequirements, MIN_EXCEL_API)) return { tooOld: true };
    const session = excelSession();
    session.host ??= createExcelHost({ run: officeRun, requirements: officeRequirements, lang });
    return { host: session.host };
  } catch (e) {
    return { error: e instanceof Error ? e.message : String(e) };
  }
}
