/**
 * Ribbon commands (manifest.xml, ExecuteFunction): 检查 → runCheck, 清除标记 → clearMarks.
 * With the shared runtime these run in the task pane's page (FunctionFile = Taskpane.Url), so
 * this bundle must be loaded by taskpane.html too; the pane and the ribbon share the host and
 * the last outcome through the Excel session. `event.completed()` is always called.
 */
import { excelSession, publishOutcome } from '../hosts/excel/session';
import type { ExcelHost } from '../hosts/excel/host';
import type { Lang } from '../core/rules/types';

function uiLang(): Lang {
  try {
    return /^zh/i.test(Office.context.displayLanguage) ? 'zh' : 'en';
  } catch {
    return 'zh';
  }
}

async function getHost(lang: Lang): Promise<ExcelHost | string> {
  const existing = excelSession().host;
  if (existing) return existing;
  // Loaded on first use, as the same chunk the pane loads: the ribbon bundle stays tiny.
  const { createOfficeExcelHost } = await import(/* webpackChunkName: "excel" */ '../hosts/excel/office');
  const out = await createOfficeExcelHost(lang);
  if ('host' in out) return out.host;
  if ('tooOld' in out) {
    return lang === 'zh' ? '此版本的 Excel 太旧，无法运行检查。' : 'This version of Excel is too old to run the check.';
  }
  return out.error;
}

async function showPane(): Promise<void> {
  try {
    await Office.addin.showAsTaskpane();
  } catch {
    // The pane cannot be shown (e.g. an older host); the flags are in place anyway.
  }
}

/** 检查: reads the workbook, checks it, flags the cells, and opens the pane on the findings. */
export async function runCheck(event: Office.AddinCommands.Event): Promise<void> {
  try {
    const session = excelSession();
    const request = session.request();
    const host = await getHost(request.lang);
    if (typeof host === 'string') publishOutcome({ ok: false, message: host });
    else publishOutcome(await host.check(request));
    await showPane();
  } catch (e) {
    publishOutcome({ ok: false, message: e instanceof Error ? e.message : String(e) });
  } finally {
    event.completed();
  }
}

/** 清除标记: removes exactly the flags the add-in added. */
export async function clearMarks(event: Office.AddinCommands.Event): Promise<void> {
  try {
    const host = await getHost(uiLang());
    if (typeof host !== 'string') {
      await host.clear();
      publishOutcome(null);
    }
  } catch {
    // Nothing to report from a ribbon button; the flags stay until the next try.
  } finally {
    event.completed();
  }
}

const office = (globalThis as { Office?: typeof Office }).Office;
if (office?.onReady) {
  void office.onReady(() => {
    // the commands catch their own errors and always call event.completed()
    office.actions.associate('runCheck', (event: Office.AddinCommands.Event) => void runCheck(event));
    office.actions.associate('clearMarks', (event: Office.AddinCommands.Event) => void clearMarks(event));
  });
}
