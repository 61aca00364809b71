/**
 * The lazy chunk of the standalone page: the .xlsx reader (engineer #4) and annotator
 * (engineer #5). Imported only with dynamic import(), so the add-in pane never downloads it.
 */
import { readXlsx } from '../../hosts/xlsx/read';
import { AnnotateError, annotate, writeExplanations } from '../../hosts/xlsx/annotate';
import type { XlsxModule } from './types';

export const xlsxModule: XlsxModule = {
  async read(bytes, lang) {
    const out = readXlsx(bytes);
    return out.ok ? { ok: true, snapshot: out.snapshot } : { ok: false, message: out.error.messageFor(lang) };
  },
  async annotate(bytes, findings, options) {
    try {
      const withStored = options.explanations.length > 0 ? writeExplanations(bytes, options.explanations) : bytes;
      const fix = findings.some((f) => f.fix !== undefined);
      return { ok: true, bytes: annotate(withStored, findings, { fix, lang: options.lang, explanations: options.explanations }) };
    } catch (e) {
      return { ok: false, message: e instanceof AnnotateError ? e.messageIn(options.lang) : options.lang === 'zh' ? '无法生成标注副本。' : 'The annotated copy could not be written.' };
    }
  },
};
