/**
 * "Nothing to check" is never a silent pass (SPEC §2, §7): what was looked for, every sheet looked
 * at and why it gave nothing, and where a bureau maps its own section names. One wording, zh-CN
 * and en-US, for every surface (the CLI's text/JSON/CSV reports, the pane's empty state).
 */
import { SECTION_KEYS, SECTION_NAMES, type SkippedSheet } from '../model';
import type { SheetDrawings } from '../snapshot/types';
import type { Lang } from '../rules/types';

const LOOKED_FOR = {
  zh: `没有可检查的内容：未找到项目文本（“项目一”“项目二”……标题，或至少3个标准部分标题：${SECTION_KEYS.map((k) => SECTION_NAMES[k].zh).join('、')}，及其常见写法），也未找到学校代码表（“学校代码”“学校名称”等表头）。`,
  en: `Nothing to check: no project text was found (titles 项目一, 项目二 …, or at least three standard section headings: ${SECTION_KEYS.map((k) => SECTION_NAMES[k].zh).join(', ')}, or their usual variants), and no school-code table (headers 学校代码, 学校名称 …).`,
};

const SHEETS = { zh: '已查看的工作表：', en: 'Sheets looked at:' };

const HINT = {
  cli: {
    zh: '如果本单位的部分标题与标准名称不同，可在 --config 配置文件的 sectionAliases 中把标题对应到标准部分，例如 {"sectionAliases": {"经费保障情况": "资金安排情况"}}（见 docs/cli.md）。',
    en: 'If your bureau names the sections differently, map its headings to the standard sections in the sectionAliases of the --config file, e.g. {"sectionAliases": {"经费保障情况": "资金安排情况"}} (see docs/cli.md).',
  },
  pane: {
    zh: '如果本单位的部分标题与标准名称不同，可点“对应标题”把它们对应到标准部分（保存在本工作簿中）。',
    en: 'If your bureau names the sections differently, use "Map headings" to map them to the standard sections (kept in this workbook).',
  },
} as const;

function quoted(items: readonly string[], lang: Lang): string {
  return lang === 'zh' ? items.map((x) => `“${x}”`).join('、') : items.map((x) => `"${x}"`).join(', ');
}

/** `2个文本框、1张图片` / `2 text boxes and 1 picture`. */
function drawnObjects(d: SheetDrawings, lang: Lang): string {
  const parts: string[] = [];
  if (lang === 'zh') {
    if (d.textBoxes > 0) parts.push(`${d.textBoxes}个文本框`);
    if (d.pictures > 0) parts.push(`${d.pictures}张图片`);
    return parts.join('、');
  }
  if (d.textBoxes > 0) parts.push(`${d.textBoxes} text box${d.textBoxes === 1 ? '' : 'es'}`);
  if (d.pictures > 0) parts.push(`${d.pictures} picture${d.pictures === 1 ? '' : 's'}`);
  return parts.join(' and ');
}

/**
 * What a sheet holds outside its cells, said after its reason: text in text boxes and pictures is never
 * read, so a sheet that shows a page of text in them is not "empty" to its user.
 */
function drawingsText(s: SkippedSheet, lang: Lang): string {
  const d = s.drawings;
  if (!d) return '';
  const sample = d.sample !== undefined ? (lang === 'zh' ? `（“${d.sample}…”）` : ` ("${d.sample}…")`) : '';
  return lang === 'zh'
    ? `；有${drawnObjects(d, lang)}${sample}，其中的文字不能检查：请把文字放在单元格中`
    : `; it has ${drawnObjects(d, lang)}${sample}, whose text cannot be checked: put the text in cells`;
}

/** Why one sheet gave nothing, in one sentence without the sheet's name. */
export function skipReasonText(s: SkippedSheet, lang: Lang): string {
  const reason = skipReason(s, lang);
  if (!s.drawings) return reason;
  // an "empty" sheet with text boxes or pictures: no text in its cells, not nothing at all
  const base = s.reason === 'empty' ? (lang === 'zh' ? '单元格中没有文字' : 'no text in its cells') : reason;
  return `${base}${drawingsText(s, lang)}`;
}

function skipReason(s: SkippedSheet, lang: Lang): string {
  const headings = s.headings && s.headings.length > 0 ? s.headings : undefined;
  switch (s.reason) {
    case 'empty':
      return lang === 'zh' ? '空白工作表' : 'empty';
    case 'registry':
      return lang === 'zh'
        ? '学校名册（作为学校名录读取，不是项目文本）'
        : 'the school registry (read as the registry, not as project text)';
    case 'instructions':
      return lang === 'zh' ? '填报说明、封面或目录，不是项目文本' : 'instructions, a cover or a table of contents, not project text';
    case 'contents':
      return lang === 'zh' ? '只有项目标题，标题下没有内容（目录）' : 'project titles with nothing under them (a table of contents)';
    case 'no-sections': {
      const base = lang === 'zh' ? '没有项目标题，也没有标准部分标题' : 'no project title and no standard section heading';
      if (!headings) return base;
      return lang === 'zh' ? `${base}；其中的标题：${quoted(headings, lang)}` : `${base}; its headings: ${quoted(headings, lang)}`;
    }
    case 'summary': {
      const cols = s.sections ?? [];
      return lang === 'zh'
        ? `项目汇总表：表头只有${cols.length}个标准部分（${quoted(cols, lang)}），不是项目文本；每行一个项目的登记表至少需要5个部分列`
        : `a summary of projects: its header names only ${cols.length} standard sections (${quoted(cols, lang)}), not the projects' texts; a register of one project a row needs five section columns`;
    }
    case 'hidden':
      return lang === 'zh'
        ? '隐藏的工作表，未检查（取消隐藏后再检查即可检查其内容）'
        : 'a hidden sheet, not checked (unhide it and check again to check it)';
    case 'few-sections': {
      const found = s.sections ?? [];
      const base =
        lang === 'zh'
          ? `只找到${found.length}个标准部分（${quoted(found, lang)}），一个项目至少需要3个`
          : `only ${found.length} standard section${found.length === 1 ? '' : 's'} found (${quoted(found, lang)}); a project needs three`;
      if (!headings) return base;
      return lang === 'zh'
        ? `${base}；未识别的标题：${quoted(headings, lang)}`
        : `${base}; headings that name no standard section: ${quoted(headings, lang)}`;
    }
  }
}

/**
 * The hidden sheets that were not checked, in one line (`未检查隐藏的工作表：“旧项目一”…`), for a report
 * that has findings or none: a skipped hidden sheet is never silent. Undefined when there are none.
 */
export function hiddenNote(skipped: readonly SkippedSheet[] | undefined, lang: Lang): string | undefined {
  const names = (skipped ?? []).filter((s) => s.reason === 'hidden').map((s) => s.sheet);
  if (names.length === 0) return undefined;
  return lang === 'zh'
    ? `未检查隐藏的工作表：${names.map((n) => `“${n}”`).join('、')}（取消隐藏后再检查即可检查其内容）`
    : `Hidden sheets not checked: ${names.map((n) => `"${n}"`).join(', ')} (unhide them and check again to check them)`;
}

export interface NothingToCheckText {
  /** What was looked for. */
  readonly summary: string;
  /** `已查看的工作表：` */
  readonly sheetsTitle: string;
  /** One line a sheet: `Sheet1：只找到1个标准部分（…）…`. */
  readonly sheets: readonly string[];
  /** Where to map a bureau's own section names (the CLI's config, or the pane's 对应标题). */
  readonly hint: string;
}

/** The whole "nothing to check" message for a workbook's skipped sheets. */
export function nothingToCheckText(skipped: readonly SkippedSheet[], lang: Lang, surface: 'cli' | 'pane'): NothingToCheckText {
  const sep = lang === 'zh' ? '：' : ': ';
  return {
    summary: LOOKED_FOR[lang],
    sheetsTitle: SHEETS[lang],
    sheets:
      skipped.length > 0
        ? skipped.map((s) => `${s.sheet}${sep}${skipReasonText(s, lang)}`)
        : [lang === 'zh' ? '（工作簿中没有工作表）' : '(the workbook has no sheet)'],
    hint: HINT[surface][lang],
  };
}
