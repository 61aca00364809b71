/**
 * Typed failures of the document reader (.docx, .txt): a stable code and one sentence in Chinese and
 * in English, as XlsxReadError gives for workbooks. The limits of the package reader (unpacked size,
 * entries, text runs, time) keep XlsxReadError's own sentences, which name no workbook.
 */
import type { XlsxReadError } from '../xlsx/errors';

export type DocumentReadErrorCode =
  | 'empty-file'
  | 'encrypted'
  | 'old-doc'
  | 'corrupt'
  | 'malformed-xml'
  | 'doctype-refused'
  | 'not-a-document'
  | 'not-text'
  | 'limit'
  | 'internal';

interface Sentences {
  readonly zh: string;
  readonly en: string;
}

function sentences(code: DocumentReadErrorCode, part: string | undefined, cause: XlsxReadError | undefined): Sentences {
  const at = part !== undefined ? { zh: `（部件 ${part}）`, en: ` (part ${part})` } : { zh: '', en: '' };
  switch (code) {
    case 'empty-file':
      return { zh: '文件是空的（0 字节）', en: 'the file is empty (0 bytes)' };
    case 'encrypted':
      return { zh: 'Word 文档设置了打开密码，请先取消密码保护', en: 'the Word document is password-protected; remove the password first' };
    case 'old-doc':
      return {
        zh: '这是旧版 Word .doc 文件，请在 Word 或 WPS 中另存为 .docx',
        en: 'this is an old Word .doc file; save it as .docx in Word or WPS',
      };
    case 'corrupt':
      return {
        zh: `Word 文档已损坏或不完整${at.zh}，请在 Word 中打开并重新保存`,
        en: `the Word document is damaged or incomplete${at.en}; open it in Word and save it again`,
      };
    case 'malformed-xml':
      return {
        zh: `Word 文档的部件 ${part ?? ''} 不是有效的 XML，文件可能已损坏`,
        en: `the Word document's part ${part ?? ''} is not well-formed XML; the file may be damaged`,
      };
    case 'doctype-refused':
      return {
        zh: `Word 文档的部件 ${part ?? ''} 含有 DOCTYPE/实体声明，出于安全原因拒绝读取`,
        en: `the Word document's part ${part ?? ''} contains a DOCTYPE/entity declaration; refused for safety`,
      };
    case 'not-a-document':
      return {
        zh: '压缩包中没有 Word 正文（缺少 word/document.xml）',
        en: 'the package holds no Word body (word/document.xml is missing)',
      };
    case 'not-text':
      return {
        zh: '不是文本文件（含有二进制内容），请另存为 UTF-8 编码的 .txt 或 Word .docx',
        en: 'not a text file (it holds binary content); save it as a UTF-8 .txt or a Word .docx',
      };
    case 'limit':
      return cause !== undefined
        ? { zh: cause.zh, en: cause.en }
        : { zh: '超过读取上限，已停止读取', en: 'a reading limit was exceeded; reading stopped' };
    case 'internal':
      return {
        zh: '读取文档时发生内部错误，请把文件和此信息报告给开发者',
        en: 'an internal error occurred while reading the document; please report it with the file',
      };
  }
}

export class DocumentReadError extends Error {
  readonly code: DocumentReadErrorCode;
  readonly zh: string;
  readonly en: string;
  /** Technical detail (parser message, part), for --debug only. */
  readonly detail: string | undefined;

  constructor(code: DocumentReadErrorCode, options: { part?: string; cause?: XlsxReadError; detail?: string; sentences?: Sentences } = {}) {
    const s = options.sentences ?? sentences(code, options.part, options.cause);
    super(s.zh);
    this.name = 'DocumentReadError';
    this.code = code;
    this.zh = s.zh;
    this.en = s.en;
    this.detail = options.detail ?? options.cause?.detail.detail;
  }

  messageFor(lang: 'zh' | 'en'): string {
    return lang === 'zh' ? this.zh : this.en;
  }
}

/** The package reader's failure as the document reader says it. */
export function fromXlsxError(e: XlsxReadError): DocumentReadError {
  const part = e.detail.part;
  const detail = { ...(part !== undefined && { part }), ...(e.detail.detail !== undefined && { detail: e.detail.detail }) };
  switch (e.code) {
    case 'empty-file':
      return new DocumentReadError('empty-file');
    case 'encrypted':
      return new DocumentReadError('encrypted');
    case 'xls-binary':
      return new DocumentReadError('old-doc');
    case 'malformed-xml':
      return new DocumentReadError('malformed-xml', detail);
    case 'doctype-refused':
      return new DocumentReadError('doctype-refused', detail);
    case 'limit-exceeded':
      return new DocumentReadError('limit', { cause: e });
    case 'unsupported-encoding':
      return new DocumentReadError('malformed-xml', detail);
    case 'internal':
      return new DocumentReadError('internal', detail);
    default:
      return new DocumentReadError('corrupt', detail);
  }
}
