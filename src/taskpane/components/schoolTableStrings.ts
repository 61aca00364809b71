/** The pane's words around 生成学校表 (the dialog itself is a lazy chunk). */
import type { Lang } from '../../core/rules/types';

/** The pane's button label. */
export const schoolTableLabel = (lang: Lang): string => (lang === 'zh' ? '生成学校表' : 'Make school table');
export const schoolTableWritten = (lang: Lang, sheet: string): string =>
  lang === 'zh' ? `已生成工作表“${sheet}”，已重新检查。` : `Sheet "${sheet}" written; checked again.`;
/** The table went below a project's text in `sheet`. */
export const schoolTableWrittenInto = (lang: Lang, sheet: string): string =>
  lang === 'zh'
    ? `学校表已写入工作表“${sheet}”的正文下方，已重新检查。`
    : `The school table was written below the text of "${sheet}"; checked again.`;
