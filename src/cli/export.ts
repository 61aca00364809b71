/** `--export-docx`: the published Word document (core export model + src/hosts/docx writer). */
import { readFileSync } from 'node:fs';
import { writeFileReplacing } from './files';
import type { CheckConfig } from '../core/rules/config';
import type { Lang } from '../core/rules/types';
import type { WorkbookSnapshot } from '../core/snapshot/types';
import { buildDocument } from '../core/document';
import { checkWorkbook } from '../core/check';
import { applyFixes } from '../core/snapshot/fixes';
import { fixesForCopy } from './fixes';
import { readWorkbookFile } from '../hosts/xls/any';
import { exportDocxWithModel } from '../hosts/docx/write';
import type { DocxTemplate } from '../hosts/docx/template';
import { M, fsReason, say } from './messages';

export interface ExportSettings {
  readonly config: CheckConfig;
  readonly lang: Lang;
  readonly registry?: { readonly snapshot: WorkbookSnapshot; readonly source: string };
  /** The workbook, already read (standard input); else it is read from `input`. */
  readonly bytes?: Uint8Array;
  /** The bureau's own Word template (`--docx-template`), already read and checked. */
  readonly template?: DocxTemplate;
  /** `--fix`: the document is built from the workbook with its fixes written (empty cells only). */
  readonly fix?: boolean;
}

export type ExportOutcome = { ok: true; changes: string[]; filled: number } | { ok: false; message: string; detail?: string };

/** Reads `input`, builds its Word document and writes it to `target`. Never throws. */
export async function exportDocx(input: string, target: string, settings: ExportSettings): Promise<ExportOutcome> {
  const { lang } = settings;
  let bytes: Uint8Array;
  try {
    bytes = settings.bytes ?? readFileSync(input);
  } catch (e) {
    return { ok: false, message: say(M.unreadablePath(input, fsReason(e, lang)), lang) };
  }
  const read = readWorkbookFile(bytes);
  if (!read.ok) return { ok: false, message: say(M.fileError(input, read.error.messageFor(lang)), lang) };
  let docx: Uint8Array;
  let changes: string[];
  let filled = 0;
  try {
    let snapshot = read.snapshot;
    if (settings.fix) {
      // the same fixes as the annotated copy (never an overwrite): the Word file holds the filled codes
      const { findings } = checkWorkbook({
        snapshot,
        config: settings.config,
        lang,
        ...(settings.registry !== undefined && { registry: settings.registry }),
      });
      const fixed = applyFixes(
        snapshot,
        // an inserted heading would be an empty section in the published text: the Word file gets no insert
        fixesForCopy(findings).flatMap((f) => (f.fix && !f.fix.insert && !f.explanation ? [f.fix] : [])),
      );
      snapshot = fixed.snapshot;
      filled = fixed.written.length;
    }
    const document = buildDocument(snapshot, {
      config: settings.config,
      ...(settings.registry !== undefined && { registry: settings.registry }),
    });
    const { bytes: out, model } = await exportDocxWithModel(
      document,
      settings.template !== undefined ? { template: settings.template } : {},
    );
    docx = out;
    changes = model.normalisations.map((n) => (lang === 'zh' ? n.zh : n.en));
  } catch (e) {
    return { ok: false, message: say(M.internal(input), lang), detail: e instanceof Error ? (e.stack ?? e.message) : String(e) };
  }
  try {
    writeFileReplacing(target, docx);
  } catch (e) {
    return { ok: false, message: say(M.cannotWrite(target, fsReason(e, lang)), lang) };
  }
  return { ok: true, changes, filled };
}
