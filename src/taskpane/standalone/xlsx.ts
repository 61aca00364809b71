/**
 * The lazy chunk of the standalone page: the .xlsx reader and annotator. Imported only with
 * dynamic import(), so the add-in pane never downloads it.
 */
import type { XlsxModule } from './types';

export const xlsxModule: XlsxModule = {
  async read() {
    return { ok: false, message: '读取模块尚未就绪。' };
  },
  async annotate() {
    return { ok: false, message: '标注模块尚未就绪。' };
  },
};
