/**
 * Typed failures of the .xlsx reader. Every one carries a stable code and one clear sentence in
 * Chinese and in English; the CLI and the standalone page show `message(lang)` and nothing else.
 */

export type XlsxReadErrorCode =
  | 'empty-file'
  | 'not-zip'
  | 'xls-binary'
  | 'xls-damaged'
  | 'xls-old-version'
  | 'xls-not-workbook'
  | 'encrypted'
  | 'corrupt-zip'
  | 'not-a-workbook'
  | 'xlsb-binary'
  | 'malformed-xml'
  | 'doctype-refused'
  | 'limit-exceeded'
  | 'no-sheets'
  | 'internal'
  | 'unsupported-encoding'
  | 'duplicate-entry'
  | 'crc-mismatch'
  | 'word-document'
  | 'powerpoint-document';

/** The limits a read can exceed (see `ReadLimits`). */
export type LimitName =
  | 'uncompressed-size'
  | 'entries'
  | 'cells'
  | 'merges'
  | 'text-run'
  | 'time'
  | 'formula-length'
  | 'formula-chars'
  | 'number-format-length'
  | 'text-chars'
  | 'sheets';

export interface XlsxReadErrorDetail {
  /** The package part concerned (`xl/worksheets/sheet1.xml`), when there is one. */
  readonly part?: string;
  /** The sheet concerned, when known. */
  readonly sheet?: string;
  /** The cell concerned (A1), when known. */
  readonly cell?: string;
  /** The limit that was exceeded. */
  readonly limit?: LimitName;
  /** The limit's value (bytes, count or milliseconds). */
  readonly max?: number;
  /** The character encoding a part declares, when it is one the reader cannot decode. */
  readonly encoding?: string;
  /** Technical detail (parser message, offset), for --debug only. */
  readonly detail?: string;
}

function mb(n: number): string {
  return `${Math.round(n / (1024 * 1024))} MB`;
}

function fmtCount(n: number): string {
  return n.toLocaleString('en-US');
}

function where(d: XlsxReadErrorDetail, lang: 'zh' | 'en'): string {
  if (d.sheet !== undefined) return lang === 'zh' ? `工作表“${d.sheet}”（${d.part ?? ''}）` : `sheet "${d.sheet}" (${d.part ?? ''})`;
  return lang === 'zh' ? `工作簿部件 ${d.part ?? ''} ` : `the part ${d.part ?? ''}`;
}

function limitSentence(d: XlsxReadErrorDetail, lang: 'zh' | 'en'): string {
  const max = d.max ?? 0;
  const zhAt = d.sheet !== undefined ? `（${where(d, 'zh')}）` : '';
  const enAt = d.sheet !== undefined ? ` (${where(d, 'en')})` : '';
  switch (d.limit) {
    case 'uncompressed-size':
      return lang === 'zh'
        ? `解压后的内容超过上限 ${mb(max)}（可能是压缩炸弹），已停止读取`
        : `the unpacked content exceeds the limit of ${mb(max)} (possibly a zip bomb); reading stopped`;
    case 'entries':
      return lang === 'zh'
        ? `压缩包内的文件数超过上限 ${fmtCount(max)} 个，已停止读取`
        : `the package holds more than the limit of ${fmtCount(max)} entries; reading stopped`;
    case 'cells':
      return lang === 'zh'
        ? `单元格数超过上限 ${fmtCount(max)} 个${zhAt}，已停止读取`
        : `the number of cells exceeds the limit of ${fmtCount(max)}${enAt}; reading stopped`;
    case 'merges':
      return lang === 'zh'
        ? `合并单元格区域数超过上限 ${fmtCount(max)} 个${zhAt}，已停止读取`
        : `the number of merged areas exceeds the limit of ${fmtCount(max)}${enAt}; reading stopped`;
    case 'text-run':
      return lang === 'zh'
        ? `${where(d, 'zh')}中有一段不含标记的文本超过上限 ${fmtCount(max)} 个字符（单元格最多 32767 个字符，可能是压缩炸弹），已停止读取`
        : `${where(d, 'en')} holds a run of text without markup longer than the limit of ${fmtCount(max)} characters (a cell holds at most 32,767; possibly a zip bomb); reading stopped`;
    case 'sheets':
      return lang === 'zh'
        ? `工作表数超过上限 ${fmtCount(max)} 个，已停止读取`
        : `the workbook holds more than the limit of ${fmtCount(max)} sheets; reading stopped`;
    case 'time':
      return lang === 'zh'
        ? `读取时间超过上限 ${Math.round(max / 1000)} 秒，已停止读取`
        : `reading took longer than the limit of ${Math.round(max / 1000)} s; reading stopped`;
    case 'formula-length':
      return lang === 'zh'
        ? `${where(d, 'zh')}单元格 ${d.cell ?? ''} 的公式超过 Excel 的上限 ${fmtCount(max)} 个字符（Excel 不会写出这样的文件，可能已损坏），已停止读取`
        : `${where(d, 'en')} cell ${d.cell ?? ''} holds a formula longer than Excel's limit of ${fmtCount(max)} characters (Excel never writes one; the file may be damaged); reading stopped`;
    case 'formula-chars':
      return lang === 'zh'
        ? `公式总长度（共享公式按每个使用它的单元格计）超过上限 ${fmtCount(max)} 个字符${zhAt}，已停止读取`
        : `the formulas' total length (a shared formula counted in every cell that uses it) exceeds the limit of ${fmtCount(max)} characters${enAt}; reading stopped`;
    case 'text-chars':
      return lang === 'zh'
        ? `单元格文字总长度（共享字符串按每个引用它的单元格计）超过上限 ${fmtCount(max)} 个字符${zhAt}，已停止读取`
        : `the cells' text in all (a shared string counted in every cell that uses it) exceeds the limit of ${fmtCount(max)} characters${enAt}; reading stopped`;
    case 'number-format-length':
      return lang === 'zh'
        ? `样式（${d.part ?? ''}）中有数字格式超过 Excel 的上限 ${fmtCount(max)} 个字符（Excel 不会写出这样的文件，可能已损坏），已停止读取`
        : `the styles (${d.part ?? ''}) hold a number format longer than Excel's limit of ${fmtCount(max)} characters (Excel never writes one; the file may be damaged); reading stopped`;
    default:
      return lang === 'zh' ? '超过读取上限，已停止读取' : 'a reading limit was exceeded; reading stopped';
  }
}

function sentence(code: XlsxReadErrorCode, d: XlsxReadErrorDetail, lang: 'zh' | 'en'): string {
  const zh = lang === 'zh';
  switch (code) {
    case 'empty-file':
      return zh ? '文件是空的（0 字节）' : 'the file is empty (0 bytes)';
    case 'not-zip':
      return zh ? '不是 Excel 工作簿（.xlsx）文件' : 'not an Excel workbook (.xlsx) file';
    case 'xls-binary':
      return zh ? '这是旧版 .xls 文件，请在 Excel 中另存为 .xlsx' : 'this is an old .xls file; save it as .xlsx in Excel';
    case 'xls-damaged':
      return zh
        ? '.xls 文件已损坏或不完整（复合文档结构无法读取），请在 Excel 或 WPS 中打开并另存为 .xlsx'
        : 'the .xls file is damaged or incomplete (its compound file structure cannot be read); open it in Excel or WPS and save it as .xlsx';
    case 'xls-old-version':
      return zh
        ? '这是 Excel 5.0/95 或更早版本的 .xls 文件，无法读取，请在 Excel 或 WPS 中另存为 .xlsx'
        : 'this .xls file is from Excel 5.0/95 or earlier and cannot be read; save it as .xlsx in Excel or WPS';
    case 'xls-not-workbook':
      return zh
        ? '这是旧版 Office 文档（如 Word .doc），不是 Excel 工作簿'
        : 'this is an old Office document (such as a Word .doc), not an Excel workbook';
    case 'encrypted':
      return zh ? '工作簿设置了打开密码，请先取消密码保护' : 'the workbook is password-protected; remove the password first';
    case 'corrupt-zip':
      return zh
        ? `文件已损坏或不完整（压缩包无法读取${d.part !== undefined ? `：${d.part}` : ''}），请在 Excel 中打开并重新保存`
        : `the file is damaged or incomplete (the package cannot be read${d.part !== undefined ? `: ${d.part}` : ''}); open it in Excel and save it again`;
    case 'not-a-workbook':
      return zh ? '压缩包中没有 Excel 工作簿（缺少 xl/workbook.xml）' : 'the package holds no Excel workbook (xl/workbook.xml is missing)';
    case 'xlsb-binary':
      return zh ? '这是二进制 .xlsb 工作簿，请在 Excel 中另存为 .xlsx' : 'this is a binary .xlsb workbook; save it as .xlsx in Excel';
    case 'malformed-xml':
      return zh ? `${where(d, 'zh')}不是有效的 XML，文件可能已损坏` : `${where(d, 'en')} is not well-formed XML; the file may be damaged`;
    case 'doctype-refused':
      return zh
        ? `${where(d, 'zh')}含有 DOCTYPE/实体声明，出于安全原因拒绝读取`
        : `${where(d, 'en')} contains a DOCTYPE/entity declaration; refused for safety`;
    case 'limit-exceeded':
      return limitSentence(d, lang);
    case 'no-sheets':
      return zh ? '工作簿中没有工作表' : 'the workbook has no sheets';
    case 'unsupported-encoding':
      return zh
        ? `${where(d, 'zh')}声明的字符编码“${d.encoding ?? ''}”无法识别，请在 Excel 或 WPS 中打开并另存为 .xlsx`
        : `${where(d, 'en')} declares the character encoding "${d.encoding ?? ''}", which cannot be read; open it in Excel or WPS and save it as .xlsx again`;
    case 'internal':
      return zh
        ? '读取工作簿时发生内部错误，请把文件和此信息报告给开发者'
        : 'an internal error occurred while reading the workbook; please report it with the file';
    case 'duplicate-entry':
      return zh
        ? `文件已损坏（压缩包中有两个同名部件 ${d.part ?? ''}，大小写不同也算同名），请在 Excel 中打开并重新保存`
        : `the file is damaged (the package holds two entries named ${d.part ?? ''}, letter case aside); open it in Excel and save it again`;
    case 'crc-mismatch':
      return zh
        ? `文件已损坏（部件 ${d.part ?? ''} 的校验和不符），请在 Excel 中打开并重新保存`
        : `the file is damaged (the checksum of ${d.part ?? ''} does not match); open it in Excel and save it again`;
    case 'word-document':
      return zh ? '这是 Word 文档（.docx），不是 Excel 工作簿' : 'this is a Word document (.docx), not an Excel workbook';
    case 'powerpoint-document':
      return zh
        ? '这是 PowerPoint 演示文稿（.pptx），不是 Excel 工作簿'
        : 'this is a PowerPoint presentation (.pptx), not an Excel workbook';
  }
}

export class XlsxReadError extends Error {
  readonly code: XlsxReadErrorCode;
  readonly detail: XlsxReadErrorDetail;
  readonly zh: string;
  readonly en: string;

  constructor(code: XlsxReadErrorCode, detail: XlsxReadErrorDetail = {}) {
    const zh = sentence(code, detail, 'zh');
    super(zh);
    this.name = 'XlsxReadError';
    this.code = code;
    this.detail = detail;
    this.zh = zh;
    this.en = sentence(code, detail, 'en');
  }

  /** The one sentence for the user, in their language. */
  messageFor(lang: 'zh' | 'en'): string {
    return lang === 'zh' ? this.zh : this.en;
  }
}

export function isXlsxReadError(e: unknown): e is XlsxReadError {
  return e instanceof XlsxReadError;
}
