/**
 * The bridge from the pane to the Excel host (src/hosts/excel, engineer #6). Loaded only inside
 * Office, as its own chunk. Returns the host, or why it cannot run (too old, or an error).
 */
import type { Lang } from '../core/rules/types';
import type { CheckOutcome, CheckRequest, PaneHost } from './host';
import { createOfficeExcelHost, officePlatform } from '../hosts/excel/office';

export { officePlatform };
import { excelSession, onOutcome } from '../hosts/excel/session';

export async function createOfficeHost(lang: Lang): Promise<{ host: PaneHost } | { tooOld: true } | { error: string }> {
  return createOfficeExcelHost(lang);
}

/** The state the pane shares with the ribbon commands (engineer #6's Excel session). */
export function officeSession(): {
  last(): CheckOutcome | null;
  readonly subscribe: (listener: (outcome: CheckOutcome | null) => void) => () => void;
  readonly registerRequest: (request: () => CheckRequest) => void;
} {
  return {
    last: () => excelSession().last,
    subscribe: (listener) => onOutcome(listener),
    registerRequest: (request) => {
      excelSession().request = request;
    },
  };
}

/** The open workbook's file name (from its URL or path), or null when Office does not say (a new, unsaved book). */
export function officeWorkbookName(): string | null {
  try {
    const url = Office.context.document.url;
    return url ? url : null;
  } catch {
    return null;
  }
}
