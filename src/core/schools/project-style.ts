/**
 * 新建项目表: a new project sheet in the bureau's own style, detected from the workbook's existing
 * projects — how headings are numbered (`一、` `（一）` `1.` `1、` `(1)` or not at all), the name each
 * section goes by (`实施单位`, `进度安排` …), where the text goes (under the heading or beside it), and
 * how project titles are written (`项目十七` or `项目17`) — and its next free number and sheet name.
 * A workbook without projects gets the standard form (`一、项目名称` …, text under each heading).
 */
import { SECTION_KEYS, SECTION_NAMES, type DisclosureDocument, type NumberingStyle, type SectionKey } from '../model';
import { formatChineseNumeral } from '../text/numerals';
import { projectSheetTemplate, type SheetTemplate } from './template';

export interface ProjectStyle {
  readonly numbering: NumberingStyle;
  /** Full-width brackets in `（一）` / `（1）` (else `(1)`). */
  readonly fullWidthParens: boolean;
  /** Each section's name as the bureau writes it (the most frequent label), else the standard name. */
  readonly labels: Readonly<Record<SectionKey, string>>;
  readonly layout: 'below' | 'beside';
  /** `项目十七` ('cn') or `项目17` ('arabic'). */
  readonly titleDigits: 'cn' | 'arabic';
  /** One project a sheet (the new sheet is named by its title). */
  readonly sheetPerProject: boolean;
}

function mostFrequent<T>(values: readonly T[], fallback: T): T {
  const counts = new Map<T, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  let best = fallback;
  let n = 0;
  for (const [v, c] of counts) if (c > n) [best, n] = [v, c];
  return best;
}

/** The bureau's style, read from the projects of the document (the standard form when there are none). */
export function detectProjectStyle(document: DisclosureDocument): ProjectStyle {
  const top = document.projects.flatMap((p) => p.sections.filter((s) => (s.level ?? 0) === 0));
  const numbering = mostFrequent(
    top.map((s) => s.numbering.style),
    'cn-dun',
  );
  const parens = top.filter((s) => s.numbering.style === 'cn-paren' || s.numbering.style === 'arabic-paren');
  const labels = Object.fromEntries(
    SECTION_KEYS.map((k) => [
      k,
      mostFrequent(
        top
          .filter((s) => s.key === k)
          .map((s) => s.label.trim())
          .filter((l) => l !== ''),
        SECTION_NAMES[k].zh,
      ),
    ]),
  ) as Record<SectionKey, string>;
  const placed = top.filter((s) => s.paragraphs.length > 0);
  const beside = placed.filter((s) => s.paragraphs[0]!.ref.row === s.headingRef.row && s.paragraphs[0]!.ref.col > s.headingRef.col).length;
  const titles = document.projects.map((p) => (/^项目\s*\d/.test(p.title) ? 'arabic' : 'cn'));
  const perSheet = document.projects.length > 0 && new Set(document.projects.map((p) => p.ref.sheet)).size === document.projects.length;
  return {
    numbering,
    fullWidthParens: parens.length === 0 || parens.filter((s) => s.numbering.raw.includes('（')).length * 2 >= parens.length,
    labels,
    layout: placed.length > 0 && beside * 2 > placed.length ? 'beside' : 'below',
    titleDigits: mostFrequent(titles, 'cn'),
    sheetPerProject: document.projects.length === 0 || perSheet,
  };
}

/** A heading in the style: `三、实施单位`, `（三）实施单位`, `3.实施单位`, `实施单位` … */
export function headingInStyle(style: ProjectStyle, n: number, label: string): string {
  const [open, close] = style.fullWidthParens ? ['（', '）'] : ['(', ')'];
  switch (style.numbering) {
    case 'cn-part':
      return `第${formatChineseNumeral(n)}部分 ${label}`;
    case 'cn-dun':
      return `${formatChineseNumeral(n)}、${label}`;
    case 'cn-paren':
      return `${open}${formatChineseNumeral(n)}${close}${label}`;
    case 'arabic-dot':
      return `${n}.${label}`;
    case 'arabic-dun':
      return `${n}、${label}`;
    case 'arabic-paren':
      return `${open}${n}${close}${label}`;
    case 'none':
      return label;
  }
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
