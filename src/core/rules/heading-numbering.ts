import { SECTION_KEYS, type NumberingStyle, type Section } from '../model';
import { formatChineseNumeral } from '../text/numerals';
import { defineRule, type RawFinding } from './types';

const STYLE_ZH: Record<NumberingStyle, string> = {
  'cn-dun': '用“一、”式编号',
  'cn-paren': '用“（一）”式编号',
  'arabic-dot': '用“1.”式编号',
  'arabic-dun': '用“1、”式编号',
  'arabic-paren': '用“（1）”式编号',
  none: '不编号',
};
const STYLE_EN: Record<NumberingStyle, string> = {
  'cn-dun': 'numbered "一、"',
  'cn-paren': 'numbered "（一）"',
  'arabic-dot': 'numbered "1."',
  'arabic-dun': 'numbered "1、"',
  'arabic-paren': 'numbered "（1）"',
  none: 'not numbered',
};

/** The numbering a heading of this style should carry at position n (1-based). */
export function numberingFor(style: NumberingStyle, n: number): string {
  const cn = formatChineseNumeral(n);
  switch (style) {
    case 'cn-dun':
      return `${cn}、`;
    case 'cn-paren':
      return `（${cn}）`;
    case 'arabic-dot':
      return `${n}.`;
    case 'arabic-dun':
      return `${n}、`;
    case 'arabic-paren':
      return `（${n}）`;
    default:
      return '';
  }
}

/**
 * Heading numbering inside one project:
 * - `mixed`: headings use different styles (numbered and unnumbered, or `一、` and `1.`):
 *   reported once per project, at the first heading that differs from the project's most
 *   common style, listing every such heading;
 * - `position`: a number that fits neither the section's standard position (六 for 资金安排情况)
 *   nor its position among the project's headings (for a project that renumbered after a
 *   missing section): reported at the heading.
 */
export default defineRule({
  meta: {
    id: 'heading-numbering',
    defaultSeverity: 'warning',
    fixable: false,
    description: { zh: '标题编号与位置不符或同一项目内编号方式不一致', en: 'Heading numbering contradicts the position or mixes styles in one project' },
    messages: {
      mixed: {
        zh: '本项目标题编号方式不一致：{dominantCount}个标题{dominant}，{count}个标题{other}：{list}',
        en: 'Mixed heading numbering in this project: {dominantCount} × {dominant}, {count} × {other}: {list}',
      },
      position: {
        zh: '“{heading}”的编号“{raw}”与位置不符，应为“{expected}”',
        en: 'The number "{raw}" of "{heading}" does not match its position; expected "{expected}"',
      },
    },
  },
  check(document, context) {
    const STYLE = context.lang === 'zh' ? STYLE_ZH : STYLE_EN;
    const out: RawFinding<'mixed' | 'position'>[] = [];
    for (const p of document.projects) {
      const sections = p.sections;
      if (sections.length === 0) continue;
      // mixed styles
      const counts = new Map<NumberingStyle, number>();
      for (const s of sections) counts.set(s.numbering.style, (counts.get(s.numbering.style) ?? 0) + 1);
      if (counts.size > 1) {
        let dominant = sections[0]!.numbering.style;
        for (const [style, n] of counts) if (n > counts.get(dominant)!) dominant = style;
        const odd: Section[] = sections.filter((s) => s.numbering.style !== dominant);
        const otherStyles = [...new Set(odd.map((s) => s.numbering.style))];
        const other = otherStyles.map((st) => STYLE[st]).join(context.lang === 'zh' ? '或' : ' or ');
        out.push({
          messageId: 'mixed',
          data: {
            dominantCount: counts.get(dominant)!,
            dominant: STYLE[dominant],
            count: odd.length,
            other,
            list: odd.map((s) => `“${s.headingText.trim()}”`).join(context.lang === 'zh' ? '、' : ', '),
          },
          ref: odd[0]!.headingRef,
          project: p.label,
          expected: STYLE[dominant],
          actual: other,
          related: odd.slice(1).map((s) => s.headingRef),
        });
      }
      // numbers that contradict the position
      sections.forEach((s, i) => {
        const v = s.numbering.value;
        if (v === null || s.numbering.style === 'none') return;
        const standard = SECTION_KEYS.indexOf(s.key) + 1;
        if (v === standard || v === i + 1) return;
        const expected = numberingFor(s.numbering.style, standard);
        out.push({
          messageId: 'position',
          data: { heading: s.headingText.trim(), raw: s.numbering.raw, expected },
          ref: s.headingRef,
          project: p.label,
          expected,
          actual: s.numbering.raw,
        });
      });
    }
    return out;
  },
});
