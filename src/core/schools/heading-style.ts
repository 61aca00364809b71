/**
 * The bureau's heading style, detected from the workbook's existing projects — how headings are
 * numbered (`一、` `（一）` `1.` `1、` `(1)` or not at all), the name each section goes by, where the
 * text goes, how project titles are written — and a heading written in it. 新建项目表 adds the
 * layout and titles (project-style.ts, loaded on demand in the pane); section-missing's insert fix
 * needs only this (small, so that the rules do not pull the templates into the pane's initial bundle).
 */
import { SECTION_KEYS, SECTION_NAMES, type DisclosureDocument, type NumberingStyle, type SectionKey } from '../model';
import { formatChineseNumeral, formatCircled, formatRoman } from '../text/numerals';

export interface HeadingStyle {
  readonly numbering: NumberingStyle;
  /** Full-width brackets in `（一）` / `（1）` (else `(1)`). */
  readonly fullWidthParens: boolean;
  /** For `1.1` numbering: the first number (`2` in `2.3`), 1 when not given. */
  readonly major?: number;
  /** Each section's name as the bureau writes it (the most frequent label), else the standard name. */
  readonly labels: Readonly<Record<SectionKey, string>>;
}

export function mostFrequent<T>(values: readonly T[], fallback: T): T {
  const counts = new Map<T, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  let best = fallback;
  let n = 0;
  for (const [v, c] of counts) if (c > n) [best, n] = [v, c];
  return best;
}

/** The bureau's heading style, read from the projects of the document (the standard form when there are none). */
export function detectHeadingStyle(document: DisclosureDocument): HeadingStyle {
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
  return {
    numbering,
    fullWidthParens: parens.length === 0 || parens.filter((s) => s.numbering.raw.includes('（')).length * 2 >= parens.length,
    labels,
  };
}

/** A heading in the style: `三、实施单位`, `（三）实施单位`, `3.实施单位`, `实施单位` … */
export function headingInStyle(style: Omit<HeadingStyle, 'labels'>, n: number, label: string): string {
  const [open, close] = style.fullWidthParens ? ['（', '）'] : ['(', ')'];
  switch (style.numbering) {
    case 'cn-part':
      return `第${formatChineseNumeral(n)}部分 ${label}`;
    case 'roman':
      return `${formatRoman(n)}、${label}`;
    case 'cn-dun':
      return `${formatChineseNumeral(n)}、${label}`;
    case 'cn-paren':
      return `${open}${formatChineseNumeral(n)}${close}${label}`;
    case 'arabic-dot':
      return `${n}.${label}`;
    case 'arabic-dun':
      return `${n}、${label}`;
    case 'arabic-space':
      return `${n} ${label}`;
    case 'decimal':
      return `${style.major ?? 1}.${n} ${label}`;
    case 'arabic-paren':
      return `${open}${n}${close}${label}`;
    case 'circled':
      return `${formatCircled(n)}${label}`;
    case 'none':
      return label;
  }
}
