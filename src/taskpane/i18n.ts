/** Every string the pane shows: zh-CN first, en-US beside it. */
import type { Lang, Severity } from '../core/rules/types';

export interface Strings {
  readonly appTitle: string;
  readonly check: string;
  readonly checking: string;
  readonly recheck: string;
  readonly settings: string;
  readonly back: string;
  readonly severity: Record<Severity, string>;
  readonly explained: string;
  readonly summaryLabel: string;
  readonly emptyTitle: string;
  readonly emptyBody: string;
  readonly emptyBodyFile: string;
  readonly allClearTitle: string;
  readonly allClearBody: string;
  readonly nothingToCheck: string;
  readonly errorTitle: string;
  readonly tooOldTitle: string;
  readonly tooOldBody: string;
  readonly tooOldStandalone: string;
  readonly tooOldCli: string;
  readonly notInProject: string;
  readonly fill: string;
  readonly fillLabel: (cell: string, value: string) => string;
  readonly fillAll: (n: number) => string;
  readonly fillAllTitle: string;
  readonly fillAllIntro: string;
  /** The confirmation's first sentence when every fix inserts a row (插入缺少的部分). */
  readonly insertIntro: string;
  readonly fillAllConfirm: string;
  readonly cancel: string;
  readonly close: string;
  readonly overwrite: string;
  readonly overwriteMark: string;
  /** 插入缺少的部分: the button of a section-missing finding whose fix inserts the heading's row. */
  readonly insertSection: string;
  readonly insertLabel: (cell: string, value: string) => string;
  /** Beside an insert in the confirmation's list. */
  readonly insertMark: string;
  readonly written: (n: number) => string;
  readonly skipped: (n: number) => string;
  readonly clearFlags: string;
  readonly flagsCleared: string;
  readonly explain: string;
  readonly explainLabel: string;
  readonly explainSave: string;
  readonly explainRemove: string;
  readonly explanationPrefix: string;
  readonly goTo: (sheet: string, cell: string) => string;
  /** A document's finding: 定位到第38段 (its place as the CLI says it). */
  readonly goToPlace: (place: string) => string;
  readonly expected: string;
  readonly actual: string;
  readonly cellColumn: string;
  readonly valueColumn: string;
  readonly findingsCount: (n: number) => string;
  /** The windowed findings list's name for screen readers. */
  readonly findingsListLabel: (n: number) => string;
  // settings
  readonly rulesHeading: string;
  readonly ruleOn: string;
  readonly severityFor: (rule: string) => string;
  readonly province: string;
  readonly provinceHint: string;
  readonly provinceInvalid: string;
  readonly similarity: string;
  readonly similarityHint: string;
  readonly registry: string;
  readonly registryHint: string;
  readonly registryChoose: string;
  readonly registryRemove: string;
  readonly registryLoaded: (name: string) => string;
  readonly live: string;
  readonly liveHint: string;
  readonly language: string;
  readonly resetSettings: string;
  // standalone page
  readonly openWorkbook: string;
  readonly dropHint: string;
  readonly sample: string;
  readonly loadingFile: string;
  readonly downloadAnnotated: string;
  readonly downloadWithFixes: string;
  readonly exportCsv: string;
  readonly privacy: string;
  readonly fileLabel: (name: string) => string;
  readonly preview: string;
  readonly previewEmpty: string;
  readonly readerFailed: string;
  readonly sampleMissing: string;
  readonly unexpected: string;
  readonly ruleFailures: (ids: string) => string;
  // export (导出公开文本)
  readonly exportDocx: string;
  readonly exporting: string;
  readonly exportHint: string;
  readonly exportConfirmTitle: (errors: number) => string;
  readonly exportConfirmIntro: string;
  readonly exportMoreErrors: (n: number) => string;
  readonly exportAnyway: string;
  readonly exported: (file: string) => string;
  readonly exportBlockedHint: string;
  /** Excel for Mac: add-ins cannot download files (office-js 2700, 4681); said before 导出公开文本 is clicked. */
  readonly exportMac: string;
  readonly exportFailed: string;
  readonly exportChanges: (n: number) => string;
  readonly exportNoChanges: string;
  readonly defaultWorkbookName: string;
  // the bureau's own Word template (导出公开文本 → Word 模板)
  readonly templateLabel: string;
  readonly templateBuiltIn: string;
  readonly templateChoose: string;
  readonly templateChange: string;
  readonly templateForget: string;
  readonly templateReading: string;
  /** Page (cm, one decimal) and what the template gives. */
  readonly templateSummary: (s: TemplateSummaryText) => string;
  readonly templateRememberedExcel: string;
  readonly templateRememberedPage: string;
  readonly templateNotRemembered: string;
  readonly exportedWithTemplate: (file: string, template: string) => string;
  /** 添加说明 / 修改说明: the button that opens the 说明 box. */
  readonly explainAdd: string;
  readonly explainEdit: string;
  /** Another finding on the same cell expecting another value: one problem seen two ways. */
  readonly sameCell: (rule: string, expected: string) => string;
  /** The count tiles filter the list; this says the filter is on and how to clear it. */
  readonly filterOn: (what: string, n: number) => string;
  readonly filterClear: string;
  /** The export dialog's safe choice: close it and show the errors. */
  readonly exportFixFirst: string;
  readonly fillAllUndoExcel: string;
  readonly fillAllUndoPage: string;
  readonly schoolColumn: string;
}

/** What a chosen template gives, for `templateSummary` (margins in cm). */
export interface TemplateSummaryText {
  readonly margins?: { top: string; bottom: string; left: string; right: string } | undefined;
  readonly styles: number;
  readonly header: boolean;
  readonly footer: boolean;
}

const zh: Strings = {
  appTitle: '预算公开文本检查',
  check: '检查',
  checking: '正在检查…',
  recheck: '重新检查',
  settings: '设置',
  back: '返回',
  severity: { error: '错误', warning: '警告', info: '提示' },
  explained: '已说明',
  summaryLabel: '检查结果汇总',
  emptyTitle: '还没有检查',
  emptyBody: '点击“检查”，检查本工作簿的项目文本、金额和学校代码。',
  emptyBodyFile: '打开一个 .xlsx 或 .xls 工作簿（或把文件拖到这里），然后点击“检查”。',
  allClearTitle: '未发现问题',
  allClearBody: '所有项目文本、金额和学校代码都通过了检查。',
  nothingToCheck: '这个工作簿里没有找到项目文本或学校代码表，没有可检查的内容。',
  errorTitle: '无法完成检查',
  tooOldTitle: '此版本的 Office 太旧',
  tooOldBody: '这个 Office 版本无法运行本加载项。请改用独立网页版或命令行工具检查工作簿，结果相同。',
  tooOldStandalone: '独立网页版',
  tooOldCli: '命令行：disclosure-check 文件.xlsx',
  notInProject: '其他（不属于某个项目）',
  fill: '填入',
  fillLabel: (cell, value) => `在 ${cell} 填入 ${value}`,
  fillAll: (n) => `全部填入（${n}）`,
  fillAllTitle: '全部填入',
  fillAllIntro: '将在以下单元格写入这些值（学校代码按文本写入）。',
  insertIntro: '将在以下单元格处插入一行并写入标题，其下各行下移，不覆盖任何内容。',
  fillAllConfirm: '写入',
  cancel: '取消',
  close: '关闭',
  overwrite: '已有内容的单元格也覆盖',
  overwriteMark: '（覆盖原有内容）',
  insertSection: '插入缺少的部分',
  insertLabel: (cell, value) => `在 ${cell} 插入一行，写入“${value}”`,
  insertMark: '（插入一行，其下各行下移）',
  written: (n) => `已写入 ${n} 个单元格。`,
  skipped: (n) => `跳过 ${n} 个已有内容的单元格。`,
  clearFlags: '清除标记',
  flagsCleared: '已清除本工具添加的全部标记。',
  explain: '说明',
  explainLabel: '说明（为什么这一处可以接受）',
  explainSave: '保存说明',
  explainRemove: '删除说明',
  explanationPrefix: '说明：',
  goTo: (sheet, cell) => `定位到 ${sheet}!${cell}`,
  goToPlace: (place) => `定位到${place}`,
  expected: '应为',
  actual: '实为',
  cellColumn: '单元格',
  valueColumn: '填入的值',
  findingsCount: (n) => `${n} 处`,
  findingsListLabel: (n) => `检查结果，共 ${n} 处`,
  rulesHeading: '规则',
  ruleOn: '启用',
  severityFor: (rule) => `${rule} 的级别`,
  province: '省份代码',
  provinceHint: '两位数字，如 53（云南）；留空则取表中多数学校的省份。',
  provinceInvalid: '省份代码必须是两位数字，如 53。',
  similarity: '重复文本相似度阈值',
  similarityHint: '两段文字的相似度达到此值即视为重复（0.5–1）。',
  registry: '学校名录',
  registryHint: '默认使用本工作簿中的学校名录；也可从另一个 .xlsx 文件读取。',
  registryChoose: '从其他文件读取…',
  registryRemove: '不用外部名录',
  registryLoaded: (name) => `外部名录：${name}`,
  live: '边改边查',
  liveHint: '工作簿内容改动后自动重新检查。',
  language: '语言',
  resetSettings: '恢复默认设置',
  openWorkbook: '打开工作簿',
  dropHint: '或把 .xlsx/.xls 工作簿、.docx/.txt 文档拖到此处（文档只读检查）',
  sample: '示例工作簿',
  loadingFile: '正在读取文件…',
  downloadAnnotated: '下载标注副本',
  downloadWithFixes: '同时填入可自动填写的值',
  exportCsv: '导出CSV',
  privacy: '工作簿只在本浏览器中处理，不会上传到任何地方。',
  fileLabel: (name) => `当前文件：${name}`,
  preview: '单元格内容',
  previewEmpty: '（空单元格）',
  readerFailed: '读取模块加载失败，请刷新页面后重试。',
  sampleMissing: '示例工作簿不可用（构建时未生成 seeds/jiangchuan-2023.xlsx）。',
  unexpected: '检查时出现意外错误，请重试；如仍失败，请用命令行工具检查。',
  ruleFailures: (ids) => `以下规则运行出错，结果可能不完整：${ids}`,
  exportDocx: '导出公开文本',
  exporting: '正在导出…',
  exportHint: '检查后可导出标准格式的 Word 公开文本。',
  exportConfirmTitle: (n) => `仍有 ${n} 个错误`,
  exportConfirmIntro: '导出的 Word 文件会原样包含这些错误。建议先修正后重新检查，再导出。',
  exportMoreErrors: (n) => `……另有 ${n} 个错误`,
  exportAnyway: '仍然导出',
  exported: (file) => `已导出 ${file}。`,
  exportBlockedHint:
    '如果没有出现下载，说明此 Office 不允许加载项下载文件：请在独立网页版中导出，或用命令行 disclosure-check 文件.xlsx --export-docx 公开文本.docx。',
  exportMac:
    'Excel for Mac 不允许加载项下载文件，在这里导出得不到文件。请把本工作簿另存为 .xlsx，在独立网页版中打开后导出；或用命令行 disclosure-check 文件.xlsx --export-docx 公开文本.docx。',
  exportFailed: '导出 Word 文件时出错，请重试；如仍失败，请用命令行 --export-docx 导出。',
  exportChanges: (n) => `导出时做了 ${n} 处格式规范（措辞未改）`,
  exportNoChanges: '导出时没有修改任何文本。',
  defaultWorkbookName: '工作簿',
  templateLabel: 'Word 模板',
  templateBuiltIn: '内置格式（公文格式，A4）',
  templateChoose: '选择模板…',
  templateChange: '更换模板…',
  templateForget: '不用模板',
  templateReading: '正在读取模板…',
  templateSummary: (s) =>
    [
      s.margins
        ? `页边距 上 ${s.margins.top} 下 ${s.margins.bottom} 左 ${s.margins.left} 右 ${s.margins.right} 厘米`
        : '页面设置沿用内置格式',
      s.header || s.footer
        ? `沿用模板的${[s.header ? '页眉' : '', s.footer ? '页脚' : ''].filter(Boolean).join('、')}`
        : '模板没有页眉页脚',
      `${s.styles} 种样式取自模板（其余用内置样式）`,
    ].join('；') + '。',
  templateRememberedExcel: '模板已记在此工作簿中，下次导出仍使用。',
  templateRememberedPage: '模板已记在此浏览器中，下次导出仍使用。',
  templateNotRemembered: '模板较大，未能记住，仅本次使用。',
  exportedWithTemplate: (file, template) => `已按模板“${template}”导出 ${file}。`,
  explainAdd: '添加说明',
  explainEdit: '修改说明',
  sameCell: (rule, expected) => `同一单元格另有“${rule}”，应为 ${expected}：两者是同一问题的两种看法`,
  filterOn: (what, n) => `只显示${what}（${n} 处）`,
  filterClear: '显示全部',
  exportFixFirst: '先修正',
  fillAllUndoExcel: '写入后可用 Excel 的撤销，或按此清单手动恢复。',
  fillAllUndoPage: '只写入本页中的副本，原文件不变；要撤销，重新打开原文件即可（未下载的填入和说明会丢失）。',
  schoolColumn: '学校',
};

const en: Strings = {
  appTitle: 'Budget disclosure check',
  check: 'Check',
  checking: 'Checking…',
  recheck: 'Check again',
  settings: 'Settings',
  back: 'Back',
  severity: { error: 'Error', warning: 'Warning', info: 'Info' },
  explained: 'Explained',
  summaryLabel: 'Summary of the check',
  emptyTitle: 'Not checked yet',
  emptyBody: 'Select Check to check the project texts, amounts and school codes of this workbook.',
  emptyBodyFile: 'Open an .xlsx or .xls workbook (or drop the file here), then select Check.',
  allClearTitle: 'No problems found',
  allClearBody: 'Every project text, amount and school code passed the checks.',
  nothingToCheck: 'This workbook holds no project text and no school-code table: there is nothing to check.',
  errorTitle: 'The check could not finish',
  tooOldTitle: 'This version of Office is too old',
  tooOldBody:
    'This Office version cannot run the add-in. Use the standalone web page or the command-line tool instead; they give the same results.',
  tooOldStandalone: 'Standalone web page',
  tooOldCli: 'Command line: disclosure-check file.xlsx',
  notInProject: 'Other (not in a project)',
  fill: 'Fill',
  fillLabel: (cell, value) => `Fill ${value} into ${cell}`,
  fillAll: (n) => `Fill all (${n})`,
  fillAllTitle: 'Fill all',
  fillAllIntro: 'These values will be written into these cells (school codes as text).',
  insertIntro:
    'A row will be inserted at each of these cells and the heading written there; the rows below move down, nothing is overwritten.',
  fillAllConfirm: 'Write',
  cancel: 'Cancel',
  close: 'Close',
  overwrite: 'Also overwrite cells that are not empty',
  overwriteMark: '(replaces the current text)',
  insertSection: 'Insert the missing section',
  insertLabel: (cell, value) => `Insert a row at ${cell} holding "${value}"`,
  insertMark: '(inserts a row; the rows below move down)',
  written: (n) => `${n} cell${n === 1 ? '' : 's'} written.`,
  skipped: (n) => `${n} cell${n === 1 ? '' : 's'} not empty, left alone.`,
  clearFlags: 'Clear flags',
  flagsCleared: 'All flags this tool added were removed.',
  explain: 'Explain',
  explainLabel: 'Explanation (why this is acceptable)',
  explainSave: 'Save explanation',
  explainRemove: 'Remove explanation',
  explanationPrefix: 'Explanation: ',
  goTo: (sheet, cell) => `Go to ${sheet}!${cell}`,
  goToPlace: (place) => `Go to ${place}`,
  expected: 'expected',
  actual: 'actual',
  cellColumn: 'Cell',
  valueColumn: 'Value to write',
  findingsCount: (n) => `${n}`,
  findingsListLabel: (n) => `Findings, ${n} in all`,
  rulesHeading: 'Rules',
  ruleOn: 'On',
  severityFor: (rule) => `Severity of ${rule}`,
  province: 'Province code',
  provinceHint: 'Two digits, e.g. 53 (Yunnan); empty: the province of most schools in the table.',
  provinceInvalid: 'The province code must be two digits, e.g. 53.',
  similarity: 'Duplicate-text similarity threshold',
  similarityHint: 'Two texts at least this similar count as copies (0.5–1).',
  registry: 'School registry',
  registryHint: 'By default the registry in this workbook; or read one from another .xlsx file.',
  registryChoose: 'Read from another file…',
  registryRemove: 'Stop using the external registry',
  registryLoaded: (name) => `External registry: ${name}`,
  live: 'Check as I edit',
  liveHint: 'Check again automatically when the workbook changes.',
  language: 'Language',
  resetSettings: 'Restore default settings',
  openWorkbook: 'Open workbook',
  dropHint: 'or drop an .xlsx or .xls workbook, or a .docx or .txt document (checked read-only), here',
  sample: 'Sample workbook',
  loadingFile: 'Reading the file…',
  downloadAnnotated: 'Download annotated copy',
  downloadWithFixes: 'Also fill the values that can be filled',
  exportCsv: 'Export CSV',
  privacy: 'The workbook is processed only in this browser; it is never uploaded.',
  fileLabel: (name) => `File: ${name}`,
  preview: 'Cell content',
  previewEmpty: '(empty cell)',
  readerFailed: 'The file reader could not be loaded; reload the page and try again.',
  sampleMissing: 'The sample workbook is not available (seeds/jiangchuan-2023.xlsx was not built).',
  unexpected: 'Something unexpected went wrong during the check; try again, or use the command-line tool.',
  ruleFailures: (ids) => `These rules failed to run, so the results may be incomplete: ${ids}`,
  exportDocx: 'Export disclosure document',
  exporting: 'Exporting…',
  exportHint: 'After a check, export the disclosure as a Word document in the standard form.',
  exportConfirmTitle: (n) => (n === 1 ? '1 error remains' : `${n} errors remain`),
  exportConfirmIntro: 'The Word document will contain these errors as they are. Fix them and check again before exporting.',
  exportMoreErrors: (n) => (n === 1 ? '…and 1 more error' : `…and ${n} more errors`),
  exportAnyway: 'Export anyway',
  exported: (file) => `Exported ${file}.`,
  exportBlockedHint:
    'If no download appears, this Office does not let add-ins download files: export from the standalone web page, or run disclosure-check file.xlsx --export-docx out.docx.',
  exportMac:
    'Excel for Mac does not let add-ins download files, so exporting here gives no file. Save this workbook as .xlsx and export it from the standalone web page, or run disclosure-check file.xlsx --export-docx out.docx.',
  exportFailed: 'The Word document could not be exported; try again, or use the command line (--export-docx).',
  exportChanges: (n) =>
    n === 1
      ? '1 formatting change made by the export (wording unchanged)'
      : `${n} formatting changes made by the export (wording unchanged)`,
  exportNoChanges: 'The export changed no text.',
  defaultWorkbookName: 'workbook',
  templateLabel: 'Word template',
  templateBuiltIn: 'Built-in form (official-document layout, A4)',
  templateChoose: 'Choose template…',
  templateChange: 'Change template…',
  templateForget: 'No template',
  templateReading: 'Reading the template…',
  templateSummary: (s) =>
    [
      s.margins
        ? `margins top ${s.margins.top}, bottom ${s.margins.bottom}, left ${s.margins.left}, right ${s.margins.right} cm`
        : 'page set-up of the built-in form',
      s.header || s.footer
        ? `the template's ${[s.header ? 'header' : '', s.footer ? 'footer' : ''].filter(Boolean).join(' and ')}`
        : 'no header or footer in the template',
      `${s.styles} styles from the template (the others built in)`,
    ].join('; ') + '.',
  templateRememberedExcel: 'The template is kept in this workbook and used for the next exports.',
  templateRememberedPage: 'The template is kept in this browser and used for the next exports.',
  templateNotRemembered: 'The template is too large to keep; it is used this time only.',
  exportedWithTemplate: (file, template) => `${file} exported in the template “${template}”.`,
  explainAdd: 'Add explanation',
  explainEdit: 'Edit explanation',
  sameCell: (rule, expected) => `The same cell also has "${rule}", expected ${expected}: one problem seen two ways`,
  filterOn: (what, n) => `Showing ${what} only (${n})`,
  filterClear: 'Show all',
  exportFixFirst: 'Fix first',
  fillAllUndoExcel: "Undo with Excel's Undo, or restore by this list.",
  fillAllUndoPage:
    'Only the copy in this page is written, never the original file; to undo, open the original file again (fills and explanations not yet downloaded are then lost).',
  schoolColumn: 'School',
};

export const STRINGS: Readonly<Record<Lang, Strings>> = { zh, en };

export function strings(lang: Lang): Strings {
  return STRINGS[lang];
}

/** zh for any Chinese UI language, en otherwise. */
export function langFromTag(tag: string | undefined | null): Lang {
  if (!tag) return 'zh';
  return /^zh\b/i.test(tag) ? 'zh' : 'en';
}

/**
 * The pane's language: Office's UI language inside Office, else the browser's. A `lang=`
 * query parameter (used by the screenshots) wins.
 */
export function detectLang(env: {
  officeLanguage?: string | undefined;
  navigatorLanguage?: string | undefined;
  search?: string | undefined;
  stored?: Lang | null | undefined;
}): Lang {
  const q = env.search ? /[?&]lang=(zh|en)\b/.exec(env.search) : null;
  if (q?.[1] === 'zh' || q?.[1] === 'en') return q[1];
  if (env.stored === 'zh' || env.stored === 'en') return env.stored;
  return langFromTag(env.officeLanguage ?? env.navigatorLanguage);
}

const LANG_KEY = 'disclosure-check.lang';

/** The language chosen in 设置 → 语言 (it wins over Office's and the browser's), or null. */
export function storedLang(storage: Pick<Storage, 'getItem'> | undefined): Lang | null {
  try {
    const v = storage?.getItem(LANG_KEY);
    return v === 'zh' || v === 'en' ? v : null;
  } catch {
    return null;
  }
}

export function storeLang(storage: Pick<Storage, 'setItem'> | undefined, lang: Lang): void {
  try {
    storage?.setItem(LANG_KEY, lang);
  } catch {
    // storage blocked: the choice lasts until the page reloads
  }
}
