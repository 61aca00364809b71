import type { XlChangedArgs, XlRun } from './api';

/**
 * Subscribes to cell edits on every sheet (worksheet onChanged, ExcelApi 1.9), for 边改边查.
 * The caller debounces. Resolves to the unsubscribe function.
 */
export async function subscribeChanges(run: XlRun, listener: (args: XlChangedArgs) => void): Promise<() => Promise<void>> {
  const result = await run(async (context) => {
    const r = context.workbook.worksheets.onChanged.add(async (args) => {
      listener(args);
    });
    await context.sync();
    return r;
  });
  return async () => {
    result.remove();
    await result.context.sync();
  };
}
