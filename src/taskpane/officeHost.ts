/**
 * The bridge from the pane to the Excel host (src/hosts/excel, engineer #6). Loaded only inside
 * Office, as its own chunk. Returns the host, or why it cannot run (too old, or an error).
 */
import type { Lang } from '../core/rules/types';
import type { PaneHost } from './host';
import { createOfficeExcelHost } from '../hosts/excel/office';

export async function createOfficeHost(lang: Lang): Promise<{ host: PaneHost } | { tooOld: true } | { error: string }> {
  return createOfficeExcelHost(lang);
}
