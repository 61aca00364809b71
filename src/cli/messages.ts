/** The CLI's own sentences, zh-CN first with en-US beside. */
import type { Lang } from '../core/rules/types';

export interface Bilingual {
  readonly zh: string;
  readonly en: string;
}

export function say(m: Bilingual, lang: Lang): string {
  return lang === 'zh' ? m.zh : m.en;
}

/** An .xls is read and checked, never written: no annotated copy, no generated sheet (CLI and page). */
const XLS_READ_ONLY: Bilingual = {
  zh: '.xls 文件只能检查，不能生成标注副本或写入内容（需要时请在 Excel 或 WPS 中另存为 .xlsx 后再操作）',
  en: 'an .xls file can be checked but not annotated or written to (save it as .xlsx in Excel or WPS for that)',
};

/** Why a file is not read (the CLI and the standalone page say it after the file's name). */
function tooLarge(size: number, max: number): Bilingual {
  return {
    zh: `文件过大（${Math.round(size / 1048576)} MB），超过读取上限 ${Math.round(max / 1048576)} MB`,
    en: `the file is too large (${Math.round(size / 1048576)} MB), over the reading limit of ${Math.round(max / 1048576)} MB`,
  };
}

export const M = {
  missingPath: (p: string): Bilingual => ({ zh: `${p}：文件或目录不存在`, en: `${p}: no such file or directory` }),
  noXlsxInDir: (p: string): Bilingual => ({
    zh: `${p}：目录中没有 .xlsx/.xlsm/.xls 文件`,
    en: `${p}: the directory holds no .xlsx/.xlsm/.xls file`,
  }),
  unreadablePath: (p: string, why: string): Bilingual => ({ zh: `${p}：无法读取（${why}）`, en: `${p}: cannot be read (${why})` }),
  tooLarge,
  fileTooLarge: (p: string, size: number, max: number): Bilingual => {
    const why = tooLarge(size, max);
    return { zh: `${p}：${why.zh}`, en: `${p}: ${why.en}` };
  },
  fileError: (p: string, sentence: string): Bilingual => ({ zh: `${p}：${sentence}`, en: `${p}: ${sentence}` }),
  stdinTwice: { zh: '“-”（标准输入）只能给一次', en: '"-" (standard input) can be given only once' },
  stdinIsTerminal: {
    zh: '-：标准输入是终端，没有可读取的工作簿（请用管道或重定向提供，如 disclosure-check - < 工作簿.xlsx）',
    en: '-: standard input is a terminal, with no workbook to read (pipe or redirect one, e.g. disclosure-check - < workbook.xlsx)',
  },
  stdinTooLarge: (max: number): Bilingual => ({
    zh: `-：标准输入的内容超过读取上限 ${Math.round(max / 1048576)} MB，已停止读取`,
    en: `-: standard input holds more than the reading limit of ${Math.round(max / 1048576)} MB; reading stopped`,
  }),
  stdinUnreadable: (why: string): Bilingual => ({ zh: `-：无法读取标准输入（${why}）`, en: `-: standard input cannot be read (${why})` }),
  stdoutFailed: (why: string): Bilingual => ({
    zh: `无法写出报告（标准输出：${why}）`,
    en: `the report cannot be written (standard output: ${why})`,
  }),
  noInputs: {
    zh: '请指定要检查的 .xlsx 文件或目录（用 --help 查看用法）',
    en: 'give the .xlsx files or directories to check (see --help)',
  },
  unknownOption: (o: string): Bilingual => ({ zh: `未知的选项 ${o}（用 --help 查看用法）`, en: `unknown option ${o} (see --help)` }),
  needsValue: (o: string): Bilingual => ({ zh: `选项 ${o} 需要一个值`, en: `option ${o} needs a value` }),
  badFormat: (v: string): Bilingual => ({
    zh: `--format 的值“${v}”无效，应为 text、json 或 csv`,
    en: `--format "${v}" is invalid: use text, json or csv`,
  }),
  badLang: (v: string): Bilingual => ({ zh: `--lang 的值“${v}”无效，应为 zh 或 en`, en: `--lang "${v}" is invalid: use zh or en` }),
  badJobs: (v: string): Bilingual => ({
    zh: `--jobs 的值“${v}”无效，应为 1 到 64 之间的整数`,
    en: `--jobs "${v}" is invalid: use a whole number from 1 to 64`,
  }),
  outAndOutDir: { zh: '--out 与 --out-dir 不能同时使用', en: '--out and --out-dir cannot be used together' },
  outNeedsOneFile: (n: number): Bilingual => ({
    zh: `--out 只能用于一个输入文件（现有 ${n} 个），多个文件请用 --out-dir`,
    en: `--out takes one input file (there are ${n}); use --out-dir for several`,
  }),
  outIsInput: (p: string): Bilingual => ({
    zh: `${p}：--out 指向了输入文件本身，拒绝覆盖输入（请指定另一个文件名）`,
    en: `${p}: --out points at the input itself; the input is never overwritten (choose another name)`,
  }),
  targetIsReadFile: (p: string, flag: string): Bilingual => ({
    zh: `${p}：${flag} 指向了本次要读取的学校名册或配置文件，拒绝覆盖（请指定另一个文件名）`,
    en: `${p}: ${flag} points at the registry or configuration file this run reads; it is never overwritten (choose another name)`,
  }),
  exportIsOut: (p: string): Bilingual => ({
    zh: `${p}：--export-docx 与 --out 指向同一个文件，请分别指定两个文件名`,
    en: `${p}: --export-docx and --out name the same file; give each its own name`,
  }),
  outDirNotDir: (p: string): Bilingual => ({ zh: `${p}：--out-dir 不是目录`, en: `${p}: --out-dir is not a directory` }),
  forceWithoutExport: { zh: '--force 只能与 --export-docx 一起使用', en: '--force is only used with --export-docx' },
  exportNeedsOneFile: (n: number): Bilingual => ({
    zh: `--export-docx 只能用于一个输入文件（现有 ${n} 个）`,
    en: `--export-docx takes one input file (there are ${n})`,
  }),
  exportIsInput: (p: string): Bilingual => ({
    zh: `${p}：--export-docx 指向了输入文件本身，拒绝覆盖输入`,
    en: `${p}: --export-docx points at the input itself; the input is never overwritten`,
  }),
  exportRefused: (n: number): Bilingual => ({
    zh: `仍有 ${n} 个错误，未导出 Word 文件（修正后再导出，或加 --force 强制导出）`,
    en: `${n} errors remain; the Word file was not exported (fix them first, or add --force)`,
  }),
  templateWithoutExport: { zh: '--docx-template 只能与 --export-docx 一起使用', en: '--docx-template is only used with --export-docx' },
  targetIsTemplate: (p: string, flag: string): Bilingual => ({
    zh: `${p}：${flag} 指向了 Word 模板本身，拒绝覆盖模板（请指定另一个文件名）`,
    en: `${p}: ${flag} points at the Word template itself; the template is never overwritten (choose another name)`,
  }),
  templateRefused: (p: string, why: string): Bilingual => ({ zh: `${p}：${why}`, en: `${p}: ${why}` }),
  exported: (p: string): Bilingual => ({ zh: `已导出 Word 文件：${p}`, en: `Word file exported: ${p}` }),
  exportFilled: (n: number): Bilingual => ({
    zh: `Word 文件按 --fix 填入后的内容导出（填入 ${n} 处）`,
    en: `The Word file holds the values --fix filled in (${n})`,
  }),
  fixFilled: (file: string, n: number, codes: number): Bilingual => ({
    zh: `--fix：已在 ${file} 中填入 ${n} 处${codes > 0 ? `（其中学校代码 ${codes} 个）` : ''}`,
    en: `--fix: filled ${n} cell${n === 1 ? '' : 's'} in ${file}${codes > 0 ? ` (${codes} school code${codes === 1 ? '' : 's'})` : ''}`,
  }),
  fixInserted: (file: string, n: number): Bilingual => ({
    zh: `--fix：已在 ${file} 中插入缺少的部分 ${n} 处（各插入一行，其后标题的编号未改；填写前重新检查会报“部分无内容”）`,
    en: `--fix: inserted ${n} missing section${n === 1 ? '' : 's'} in ${file} (a row each; the following headings are not renumbered; until filled a re-check reports them empty)`,
  }),
  fixNotInserted: (file: string, n: number, why: { zh: string; en: string }): Bilingual => ({
    zh: `--fix：${file} 中未插入缺少的部分 ${n} 处：${why.zh}`,
    en: `--fix: ${n} missing section${n === 1 ? '' : 's'} not inserted in ${file}: ${why.en}`,
  }),
  exportChanges: (n: number): Bilingual => ({
    zh: `导出时对文字做了 ${n} 处规范化调整：`,
    en: `the export normalised the text in ${n} places:`,
  }),
  xlsNoCopy: (p: string): Bilingual => ({
    zh: `${p}：${XLS_READ_ONLY.zh}；检查结果照常列出`,
    en: `${p}: ${XLS_READ_ONLY.en}; the check's results are listed as usual`,
  }),
  xlsReadOnly: XLS_READ_ONLY,
  /** The standalone page on a Word document or a text file: checked as written, nothing written into it. */
  documentReadOnly: (kind: 'docx' | 'txt'): Bilingual =>
    kind === 'docx'
      ? {
          zh: 'Word 文档只能按原文检查，不能生成标注副本或写入内容（标注副本只适用于 Excel 工作簿）',
          en: 'a Word document can be checked as written but not annotated or written to (the annotated copy is for Excel workbooks only)',
        }
      : {
          zh: '文本文件只能按原文检查，不能生成标注副本或写入内容（标注副本只适用于 Excel 工作簿）',
          en: 'a text file can be checked as written but not annotated or written to (the annotated copy is for Excel workbooks only)',
        },
  wrote: (p: string): Bilingual => ({ zh: `已写入标注副本：${p}`, en: `annotated copy written: ${p}` }),
  cannotWrite: (p: string, why: string): Bilingual => ({ zh: `${p}：无法写入（${why}）`, en: `${p}: cannot be written (${why})` }),
  fixWithoutOut: {
    zh: '提示：--fix 只作用于标注副本，未指定 --out/--out-dir，未写入任何文件',
    en: 'note: --fix applies to the annotated copy; without --out/--out-dir nothing was written',
  },
  configUnreadable: (p: string, why: string): Bilingual => ({
    zh: `配置文件 ${p} 无法读取（${why}）`,
    en: `the configuration file ${p} cannot be read (${why})`,
  }),
  configNotJson: (p: string, why: string): Bilingual => ({
    zh: `配置文件 ${p} 不是有效的 JSON（${why}）`,
    en: `the configuration file ${p} is not valid JSON (${why})`,
  }),
  configInvalid: (p: string, list: string): Bilingual => ({
    zh: `配置文件 ${p} 有误：${list}`,
    en: `the configuration file ${p} is invalid: ${list}`,
  }),
  registryUnreadable: (p: string, sentence: string): Bilingual => ({
    zh: `学校名册 ${p} 无法读取：${sentence}`,
    en: `the registry ${p} cannot be read: ${sentence}`,
  }),
  internal: (p: string): Bilingual => ({
    zh: `${p}：检查时发生内部错误（加 --debug 查看详情）`,
    en: `${p}: an internal error occurred while checking (add --debug for details)`,
  }),
  badSchoolTableFrom: (v: string): Bilingual => ({
    zh: `--school-table-from 的值“${v}”无效，应为工作表名或“工作表!A1:D40”`,
    en: `--school-table-from "${v}" is invalid: give a sheet name or SHEET!A1:D40`,
  }),
  schoolTableNeedsOut: {
    zh: '--school-table-from 把生成的学校明细表写入副本，需要同时指定 --out（或 --out-dir）；输入文件从不被修改',
    en: '--school-table-from writes the generated school table into a copy: give --out (or --out-dir) too; the input is never modified',
  },
  schoolTableToWithoutFrom: {
    zh: '--school-table-to 指定学校明细表写在哪个工作表，需要同时指定 --school-table-from',
    en: '--school-table-to says which sheet the school table goes into: give --school-table-from too',
  },
  newProjectSheetNeedsOut: {
    zh: '--new-project-sheet 把新建的项目表写入副本，需要同时指定 --out（或 --out-dir）；输入文件从不被修改',
    en: '--new-project-sheet adds the new project sheet to a copy: give --out (or --out-dir) too; the input is never modified',
  },
  projectSheetWritten: (sheet: string, headings: number): Bilingual => ({
    zh: `已新建工作表“${sheet}”：标题和 ${headings} 个部分的标题，各部分待填写`,
    en: `sheet "${sheet}" added: the title and ${headings} section headings, each left to fill in`,
  }),
  projectSheetFailed: (p: string, sentence: string): Bilingual => ({
    zh: `${p}：无法新建项目表：${sentence}`,
    en: `${p}: the project sheet cannot be added: ${sentence}`,
  }),
  schoolTableWrittenInto: (sheet: string, row: number, summary: string): Bilingual => ({
    zh: `已在工作表“${sheet}”第 ${row} 行起生成学校明细表：${summary}`,
    en: `school table generated in sheet "${sheet}" from row ${row}: ${summary}`,
  }),
  schoolTableFailed: (p: string, sentence: string): Bilingual => ({
    zh: `${p}：无法生成学校明细表：${sentence}`,
    en: `${p}: the school table cannot be made: ${sentence}`,
  }),
  schoolTableWritten: (sheet: string, summary: string): Bilingual => ({
    zh: `已生成工作表“${sheet}”：${summary}`,
    en: `sheet "${sheet}" generated: ${summary}`,
  }),
  schoolTableUnmatched: {
    zh: '未填代码（学校名册中没有唯一对应，请核对后手工填写）：',
    en: 'left without a code (no unique registry match; check and enter by hand):',
  },
  schoolTableProblems: { zh: '名单中的问题：', en: 'in the list:' },
  internalGlobal: { zh: '发生内部错误（加 --debug 查看详情）', en: 'an internal error occurred (add --debug for details)' },
  checkTooLong: (p: string, ms: number): Bilingual => ({
    zh: `${p}：检查时间超过上限 ${Math.round(ms / 1000)} 秒，已停止检查`,
    en: `${p}: checking took longer than the limit of ${Math.round(ms / 1000)} s; checking stopped`,
  }),
  workerDied: (p: string): Bilingual => ({
    zh: `${p}：无法读取：内存不足或文件异常`,
    en: `${p}: cannot be read: out of memory or a damaged file`,
  }),
  workerTimedOut: (p: string, ms: number): Bilingual => ({
    zh: `${p}：读取和检查时间超过上限 ${Math.round(ms / 1000)} 秒，已停止`,
    en: `${p}: reading and checking took longer than the limit of ${Math.round(ms / 1000)} s; stopped`,
  }),
} as const;

/** Short reason for a file-system error code. */
export function fsReason(e: unknown, lang: Lang): string {
  const code = typeof e === 'object' && e !== null && 'code' in e ? String(e.code) : '';
  const zh: Record<string, string> = {
    ENOENT: '路径不存在',
    EACCES: '没有权限',
    EPERM: '没有权限',
    EISDIR: '这是一个目录',
    ENOTDIR: '路径中有一部分不是目录',
    EROFS: '只读文件系统',
    ENOSPC: '磁盘空间不足',
    EEXIST: '已存在',
  };
  const en: Record<string, string> = {
    ENOENT: 'no such path',
    EACCES: 'permission denied',
    EPERM: 'permission denied',
    EISDIR: 'it is a directory',
    ENOTDIR: 'a part of the path is not a directory',
    EROFS: 'read-only file system',
    ENOSPC: 'no space left',
    EEXIST: 'already exists',
  };
  const table = lang === 'zh' ? zh : en;
  return table[code] ?? (code || (e instanceof Error ? e.message : String(e)));
}
