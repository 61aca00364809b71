import { SECTION_KEYS, type NumberingStyle, type OutlineHeading, type Project } from '../model';
import { formatChineseNumeral, formatCircled, formatRoman } from '../text/numerals';
import { defineRule, type RawFinding } from './types';

const STYLE_ZH: Record<NumberingStyle, string> = {
  'cn-part': '用“第一部分”式编号',
  roman: '用“Ⅰ、”式编号',
  'cn-dun': '用“一、”式编号',
  'cn-paren': '用“（一）”式编号',
  'arabic-dot': '用“1.”式编号',
  'arabic-dun': '用“1、”式编号',
  'arabic-space': '用“1 ”式编号（数字后空格）',
  decimal: '用“1.1”式编号',
  'arabic-paren': '用“（1）”式编号',
  circled: '用“①”式编号',
  none: '不编号',
};
const STYLE_EN: Record<NumberingStyle, string> = {
  'cn-part': 'numbered "第一部分"',
  roman: 'numbered "Ⅰ、"',
  'cn-dun': 'numbered "一、"',
  'cn-paren': 'numbered "（一）"',
  'arabic-dot': 'numbered "1."',
  'arabic-dun': 'numbered "1、"',
  'arabic-space': 'numbered "1 " (a number and a space)',
  decimal: 'numbered "1.1"',
  'arabic-paren': 'numbered "（1）"',
  circled: 'numbered "①"',
  none: 'not numbered',
};

/** The numbering a heading of this style should carry at position n (1-based); `major` is a `1.1` heading's first number. */
export function numberingFor(style: NumberingStyle, n: number, major = 1): string {
  const cn = formatChineseNumeral(n);
  switch (style) {
    case 'cn-part':
      return `第${cn}部分`;
    case 'decimal':
      return `${major}.${n}`;
    case 'roman':
      return `${formatRoman(n)}、`;
    case 'cn-dun':
      return `${cn}、`;
    case 'cn-paren':
      return `（${cn}）`;
    case 'arabic-dot':
      return `${n}.`;
    case 'arabic-dun':
      return `${n}、`;
    case 'arabic-space':
      return `${n}`;
    case 'arabic-paren':
      return `（${n}）`;
    case 'circled':
      return formatCircled(n);
    default:
      return '';
  }
}

/** A `1.1` heading's first number (null for the other styles). */
function majorOf(h: OutlineHeading): number | null {
  if (h.numbering.style !== 'decimal') return null;
  const m = /(\d+)\s*[.．]/u.exec(h.numbering.raw.normalize('NFKC'));
  return m ? Number(m[1]) : null;
}

/** A project's headings with their levels; a document built without the reader has none: all top level. */
function outlineOf(p: Project): readonly OutlineHeading[] {
  if (p.outline) return p.outline;
  return p.sections.map((s, i) => ({
    text: s.headingText,
    label: s.label,
    ref: s.headingRef,
    numbering: s.numbering,
    level: 0,
    parent: -1,
    section: i,
  }));
}

/**
 * Heading numbering inside one project, each level on its own (SPEC §2: `一、` headings are
 * compared with `一、` headings, the `（一）` sub-headings under one of them with each other):
 * - `mixed`: the section headings of one level use different styles (numbered and unnumbered,
 *   or `一、` and `1.`): reported once per level, at the first heading that differs from the
 *   level's most common style, listing every such heading. Two levels are not two styles;
 * - `position`: a number that fits neither the heading's place among its siblings (the headings
 *   under the same heading, counting the numbered lines of its style that name no section, and
 *   for a project that renumbered after a missing section, the section headings alone) nor, at
 *   the top level, the section's standard position (六 for 资金安排情况): reported at the heading.
 *   A sub-heading is never measured against the standard position.
 */
export default defineRule({
  meta: {
    id: 'heading-numbering',
    name: { zh: '标题编号', en: 'Heading numbering' },
    group: 'structure',
    defaultSeverity: 'warning',
    fixable: false,
    description: {
      zh: '标题编号与位置不符或同一项目内编号方式不一致',
      en: 'Heading numbering contradicts the position or mixes styles in one project',
    },
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
      const outline = outlineOf(p);
      const headings = outline.filter((h) => h.section !== undefined);
      if (headings.length === 0) continue;
      // mixed styles, level by level
      const levels = [...new Set(headings.map((h) => h.level))].sort((a, b) => a - b);
      for (const level of levels) {
        const same = headings.filter((h) => h.level === level);
        const counts = new Map<NumberingStyle, number>();
        for (const h of same) counts.set(h.numbering.style, (counts.get(h.numbering.style) ?? 0) + 1);
        if (counts.size <= 1) continue;
        let dominant = same[0]!.numbering.style;
        for (const [style, n] of counts) if (n > counts.get(dominant)!) dominant = style;
        const odd = same.filter((h) => h.numbering.style !== dominant);
        const other = [...new Set(odd.map((h) => h.numbering.style))].map((st) => STYLE[st]).join(context.lang === 'zh' ? '或' : ' or ');
        out.push({
          messageId: 'mixed',
          data: {
            dominantCount: counts.get(dominant)!,
            dominant: STYLE[dominant],
            count: odd.length,
            other,
            list: odd.map((h) => `“${h.text.trim()}”`).join(context.lang === 'zh' ? '、' : ', '),
          },
          ref: odd[0]!.ref,
          project: p.label,
          expected: STYLE[dominant],
          actual: other,
          related: odd.slice(1).map((h) => h.ref),
        });
      }
      // numbers that contradict the position
      outline.forEach((h) => {
        const v = h.numbering.value;
        if (h.section === undefined || v === null || h.numbering.style === 'none') return;
        // `1.1`…`1.3` then `2.1`…: counted again under each first number (the part's own heading may be no section)
        const major = majorOf(h);
        const siblings = outline.filter((x) => x.parent === h.parent && x.level === h.level && majorOf(x) === major);
        const sameStyle = siblings.filter((x) => x.numbering.style === h.numbering.style);
        const place = sameStyle.indexOf(h) + 1;
        const amongSections = siblings.filter((x) => x.section !== undefined).indexOf(h) + 1;
        if (v === place || v === amongSections) return;
        const section = p.sections[h.section];
        const standard = section ? SECTION_KEYS.indexOf(section.key) + 1 : 0;
        if (h.level === 0 && v === standard && major === null) return;
        const decimal = major !== null;
        const expected = numberingFor(h.numbering.style, h.level === 0 && standard > 0 && !decimal ? standard : place, major ?? 1);
        out.push({
          messageId: 'position',
          data: { heading: h.text.trim(), raw: h.numbering.raw, expected },
          ref: h.ref,
          project: p.label,
          expected,
          actual: h.numbering.raw,
        });
      });
    }
    return out;
  },
});
