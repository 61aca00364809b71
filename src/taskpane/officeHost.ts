/**
 * The bridge from the pane to the Excel host (src/hosts/excel, engineer #6). Loaded only inside
 * Office. Returns the host, or a reason it cannot run (too old).
 */
import type { Lang } from '../core/rules/types';
import type { PaneHost } from './host';

export async function createOfficeHost(_lang: Lang): Promise<{ host: PaneHost } | { tooOld: true } | { error: string }> {
  return { error: 'Excel host not available yet' };
}
