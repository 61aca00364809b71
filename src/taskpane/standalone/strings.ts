/** The standalone page's own sentences (large workbooks, unsaved changes): zh-CN first, en-US beside. */
import type { Lang } from '../../core/rules/types';
import { strings } from '../i18n';
import type { Edits } from './protocol';

/** "填入的 3 个值和 1 条说明" / "3 filled values and 1 explanation". */
export function changesText(edits: Pick<Edits, 'fills' | 'explanations'>, lang: Lang): string {
  const { fills, explanations } = edits;
  if (lang === 'zh') {
    const parts = [fills > 0 ? `填入的 ${fills} 个值` : '', explanations > 0 ? `${explanations} 条说明` : ''].filter(Boolean);
    return parts.join('和');
  }
  const parts = [
    fills > 0 ? `${fills} filled value${fills === 1 ? '' : 's'}` : '',
    explanations > 0 ? `${explanations} explanation${explanations === 1 ? '' : 's'}` : '',
  ].filter(Boolean);
  return parts.join(' and ');
}

const zh = {
  workerCrashed: '读取或检查中断：浏览器内存不足或文件异常。请关闭其他标签页后重试，或用命令行工具检查。',
  unsavedTitle: '有未保存的修改',
  unsavedBody: (changes: string) => `在本页${changes}只保存在网页中，打开其他工作簿后将丢失。可以先下载标注副本保存它们。`,
  downloadFirst: '先下载标注副本',
  discard: '放弃修改，打开其他工作簿',
  downloadWith: (n: number) => `下载标注副本（含本页 ${n} 处修改）`,
  downloadHolds: (changes: string) => `标注副本包含在本页${changes}。`,
  downloaded: (file: string, changes: string) => `已下载 ${file}${changes ? `，其中包含在本页${changes}` : ''}。原文件没有改动。`,
  /** A Word document or a text file opened: checked as written, read-only, no annotated copy. */
  documentNote: (kind: 'docx' | 'txt') =>
    `这是${kind === 'docx' ? ' Word 文档' : '文本文件'}，已按原文只读检查，位置按${kind === 'docx' ? '第N段（表格按表T第R行第C列）' : '第N行'}给出。文档没有标注副本，也不能填入、写说明或导出公开文本：这些只适用于 Excel 工作簿。`,
};

const en: typeof zh = {
  workerCrashed:
    'Reading or checking stopped: the browser ran out of memory or the file is abnormal. Close other tabs and try again, or use the command-line tool.',
  unsavedTitle: 'Unsaved changes',
  unsavedBody: (changes) =>
    `Changes made in this page (${changes}) exist only in the page and are lost when another workbook is opened. Download the annotated copy first to keep them.`,
  downloadFirst: 'Download the annotated copy first',
  discard: 'Discard them and open another workbook',
  downloadWith: (n) => `Download annotated copy (with ${n} change${n === 1 ? '' : 's'} made here)`,
  downloadHolds: (changes) => `The annotated copy holds the ${changes} made in this page.`,
  downloaded: (file, changes) =>
    `Downloaded ${file}${changes ? `, with the ${changes} made in this page` : ''}. The original file is not changed.`,
  documentNote: (kind) =>
    `This is ${kind === 'docx' ? 'a Word document' : 'a text file'}, checked read-only as written; places are given as ${kind === 'docx' ? 'paragraph N (a table cell as table T, row R, column C)' : 'line N'}. A document gets no annotated copy, and no fills, explanations or Word export: those are for Excel workbooks only.`,
};

export type PageStrings = typeof zh;

export function pageStrings(lang: Lang): PageStrings {
  return lang === 'zh' ? zh : en;
}

/** The one sentence for a call the worker could not finish. */
export function workFailure(lang: Lang): string {
  return strings(lang).unexpected;
}
