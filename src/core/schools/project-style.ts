/**
 * 新建项目表: a new project sheet in the bureau's own style, detected from the workbook's existing
 * projects — how headings are numbered (`一、` `（一）` `1.` `1、` `(1)` or not at all), the name each
 * section goes by (`实施单位`, `进度安排` …), where the text goes (under the heading or beside it), and
 * how project titles are written (`项目十七` or `项目17`) — and its next free number and sheet name.
 * A workbook without projects gets the standard form (`一、项目名称` …, text under each heading).
 */
import { SECTION_KEYS, type DisclosureDocument, type SectionKey } from '../model';
import { formatChineseNumeral } from '../text/numerals';
import { projectSheetTemplate, type SheetTemplate } from './template';
import { detectHeadingStyle, headingInStyle, mostFrequent, type HeadingStyle } from './heading-style';

export { headingInStyle } from './heading-style';

export interface ProjectStyle extends HeadingStyle {
  readonly layout: 'below' | 'beside';
  /** `项目十七` ('cn') or `项目17` ('arabic'). */
  readonly titleDigits: 'cn' | 'arabic';
  /** One project a sheet (the new sheet is named by its title). */
  readonly sheetPerProject: boolean;
}

/** The bureau's style, read from the projects of the document (the standard form when there are none). */
export function detectProjectStyle(document: DisclosureDocument): ProjectStyle {
  const top = document.projects.flatMap((p) => p.sections.filter((s) => (s.level ?? 0) === 0));
  const placed = top.filter((s) => s.paragraphs.length > 0);
  const beside = placed.filter((s) => s.paragraphs[0]!.ref.row === s.headingRef.row && s.paragraphs[0]!.ref.col > s.headingRef.col).length;
  const titles = document.projects.map((p) => (/^项目\s*\d/.test(p.title) ? 'arabic' : 'cn'));
  const perSheet = document.projects.length > 0 && new Set(document.projects.map((p) => p.ref.sheet)).size === document.projects.length;
  return {
    ...detectHeadingStyle(document),
    layout: placed.length > 0 && beside * 2 > placed.length ? 'beside' : 'below',
    titleDigits: mostFrequent(titles, 'cn'),
    sheetPerProject: document.projects.length === 0 || perSheet,
  };
}

export interface NewProjectSheet {
  readonly template: SheetTemplate;
  /** The new project's number (项目十七 → 17). */
  readonly number: number;
  readonly title: string;
  readonly style: ProjectStyle;
}

/**
 * The next project's sheet: 项目N (N one more than the highest number in the workbook) with the
 * eight headings in the bureau's style and a line to fill in under each; the sheet name is the title,
 * or `title (2)`… when a sheet of that name exists.
 */
export function newProjectSheet(document: DisclosureDocument): NewProjectSheet {
  const style = detectProjectStyle(document);
  const number = Math.max(0, document.projects.length, ...document.projects.map((p) => p.number ?? 0)) + 1;
  const title = `项目${style.titleDigits === 'arabic' ? String(number) : formatChineseNumeral(number)}`;
  const taken = new Set(document.snapshot.sheets.map((s) => s.name.toLowerCase()));
  let name = title;
  for (let k = 2; taken.has(name.toLowerCase()); k++) name = `${title} (${k})`;
  const headings = Object.fromEntries(SECTION_KEYS.map((k, i) => [k, headingInStyle(style, i + 1, style.labels[k])])) as Record<
    SectionKey,
    string
  >;
  const template = projectSheetTemplate({ sheetName: name, title, headings, layout: style.layout });
  return { template, number, title, style };
}
