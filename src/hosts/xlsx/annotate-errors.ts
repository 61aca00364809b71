import type { Lang } from '../../core/rules/types';

export type AnnotateErrorCode =
  'not-zip' | 'encrypted-or-xls' | 'corrupt' | 'too-many-entries' | 'part-too-large' | 'not-xlsx' | 'strict-ooxml' | 'internal';

const MESSAGES: Record<AnnotateErrorCode, { zh: string; en: string }> = {
  'not-zip': {
    zh: '文件不是 .xlsx 工作簿（如为旧版 .xls，请在 Excel 中另存为 .xlsx）。',
    en: 'The file is not an .xlsx workbook (if it is an old .xls, save it as .xlsx in Excel).',
  },
  'encrypted-or-xls': {
    zh: '文件已加密或是旧版 .xls 格式：请取消密码保护并另存为 .xlsx。',
    en: 'The file is encrypted or an old .xls: remove the password and save it as .xlsx.',
  },
  corrupt: { zh: '工作簿文件已损坏，无法读取。', en: 'The workbook file is corrupt and cannot be read.' },
  'too-many-entries': {
    zh: '工作簿包含的部件过多，超出读取上限。',
    en: 'The workbook has too many parts (over the reading limit).',
  },
  'part-too-large': {
    zh: '工作簿中的某个部件解压后过大，超出读取上限。',
    en: 'A part of the workbook is too large when unzipped (over the reading limit).',
  },
  'not-xlsx': {
    zh: '文件是 zip 压缩包，但不是 Excel 工作簿（缺少 xl/workbook.xml）。',
    en: 'The file is a zip archive but not an Excel workbook (no xl/workbook.xml).',
  },
  internal: {
    zh: '无法生成标注副本：工作簿中有本程序无法处理的内容（原文件未改动）。',
    en: 'The annotated copy could not be written: the workbook has content this program cannot handle (the original is unchanged).',
  },
  'strict-ooxml': {
    zh: '工作簿为“Strict Open XML”格式，暂不支持：请在 Excel 中另存为“Excel 工作簿 (.xlsx)”。',
    en: 'The workbook is in Strict Open XML format, which is not supported: save it as "Excel Workbook (.xlsx)".',
  },
};

/** Why the annotator could not read the package; `message` is zh, `messageIn('en')` English. */
export class AnnotateError extends Error {
  readonly code: AnnotateErrorCode;
  readonly part: string | undefined;
  constructor(code: AnnotateErrorCode, part?: string, cause?: unknown) {
    super(MESSAGES[code].zh + (part ? `（${part}）` : ''), cause === undefined ? undefined : { cause });
    this.name = 'AnnotateError';
    this.code = code;
    this.part = part;
  }
  messageIn(lang: Lang): string {
    const m = MESSAGES[this.code][lang];
    return this.part ? (lang === 'zh' ? `${m}（${this.part}）` : `${m} (${this.part})`) : m;
  }
}

/**
 * Runs a package patch: an AnnotateError passes through; anything else (malformed parts the patcher
 * trips over, or a bug) becomes one sentence for the user, the cause kept.
 */
export function asAnnotateError<T>(fn: () => T): T {
  try {
    return fn();
  } catch (e) {
    if (e instanceof AnnotateError) throw e;
    throw new AnnotateError('internal', undefined, e);
  }
}
