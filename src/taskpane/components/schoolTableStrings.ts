/** The pane's words around 生成学校表 (the dialog itself is a lazy chunk). */
import type { Lang } from '../../core/rules/types';

/** The pane's button label. */
export const schoolTableLabel = (lang: Lang): string => (lang === 'zh' ? '生成学校表' : 'Make school table');
export const schoolTableWritten = (lang: Lang, sheet: string): string =>
  lang === 'zh' ? `已生成工作表“${sheet}”，已重新检查。` : `Sheet "${sheet}" written; checked again.`;
