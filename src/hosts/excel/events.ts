import type { XlChangedArgs, XlRun } from './api';

export interface SubscribeOptions {
  /**
   * Sheets whose edits are not reported: the add-in's own very hidden sheets, so that writing
   * the flag record or an explanation does not start another live check (and so on forever).
   */
  readonly ignoreSheets?: readonly string[];
  /** Switch this add-in's events on when subscribing (ExcelApi 1.8), should a failed write have left them off. */
  readonly enableEvents?: boolean;
}

/** ExcelApi 1.14: the change was made by this add-in's own code. */
export const OWN_CHANGE = 'ThisLocalAddin';

/**
 * Subscribes to cell edits on every sheet (worksheet onChanged, ExcelApi 1.9), for 边改边查.
 * onChanged fires for format as well as value changes, the add-in's own included: those are
 * ignored where Excel says so (`triggerSource`, ExcelApi 1.14); the writes themselves run with
 * events switched off (flags.ts). The caller debounces. Resolves to the unsubscribe function.
 */
export async function subscribeChanges(
  run: XlRun,
  listener: (args: XlChangedArgs) => void,
  options: SubscribeOptions = {},
): Promise<() => Promise<void>> {
  const ignore = new Set(options.ignoreSheets ?? []);
  const names = new Map<string, string | null>();
  const nameOf = async (id: string): Promise<string | null> => {
    if (!names.has(id)) {
      const name = await run(async (context) => {
        const ws = context.workbook.worksheets.getItemOrNullObject(id);
        ws.load('name');
        await context.sync();
        return ws.isNullObject ? null : ws.name;
      }).catch(() => null);
      names.set(id, name);
    }
    return names.get(id) ?? null;
  };
  const result = await run(async (context) => {
    const r = context.workbook.worksheets.onChanged.add(async (args) => {
      if (args.triggerSource === OWN_CHANGE) return;
      if (ignore.size > 0) {
        const name = await nameOf(args.worksheetId);
        if (name !== null && ignore.has(name)) return;
      }
      listener(args);
    });
    if (options.enableEvents) context.runtime.enableEvents = true;
    await context.sync();
    return r;
  });
  // Removed over the context that added it, in a run given that context (previousObjects): the
  // objects of a run are released when it ends, so a bare sync of that context afterwards fails.
  return () =>
    run(
      async (context) => {
        result.remove();
        await context.sync();
      },
      { previousObjects: result.context },
    );
}
