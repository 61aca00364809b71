/** `--export-docx`: the published Word document, from the core export model and its writer. */
import type { CheckConfig } from '../core/rules/config';
import type { Lang } from '../core/rules/types';
import type { WorkbookSnapshot } from '../core/snapshot/types';
import { M, say } from './messages';

export interface ExportSettings {
  readonly config: CheckConfig;
  readonly lang: Lang;
  readonly registry?: { readonly snapshot: WorkbookSnapshot; readonly source: string };
}

export type ExportOutcome = { ok: true } | { ok: false; message: string; detail?: string };

export async function exportDocx(_input: string, _target: string, settings: ExportSettings): Promise<ExportOutcome> {
  return { ok: false, message: say(M.exportUnavailable, settings.lang) };
}
