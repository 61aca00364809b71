import { SECTION_KEYS, type Section } from '../model';
import { formatChineseNumeral } from '../text/numerals';
import { defineRule, type RawFinding } from './types';

/** The sections of one level that keep the longest run in standard order (n ≤ 8): their indices in `list`. */
function longestRun(pos: readonly number[]): Set<number> {
  const len = pos.map(() => 1);
  const prev = pos.map(() => -1);
  for (let i = 0; i < pos.length; i++) {
    for (let j = 0; j < i; j++) {
      if (pos[j]! < pos[i]! && len[j]! + 1 > len[i]!) {
        len[i] = len[j]! + 1;
        prev[i] = j;
      }
    }
  }
  let best = -1;
  for (let i = 0; i < pos.length; i++) if (best < 0 || len[i]! > len[best]!) best = i;
  const keep = new Set<number>();
  for (let i = best; i >= 0; i = prev[i]!) keep.add(i);
  return keep;
}

/**
 * Sections out of the standard order. Sections are compared with the others of their level in
 * the same place: the top-level ones with each other, and the sub-headings of one section
 * (`（二）资金及项目绩效目标` under `一、基本情况`) with each other; a sub-section is where its
 * section is. The sections that keep the longest run in standard order stay; every other section
 * is out of place and reported at its heading, naming the section it should follow. Repeated
 * sections are left to section-duplicate.
 */
export default defineRule({
  meta: {
    id: 'section-order',
    name: { zh: '部分顺序', en: 'Section order' },
    group: 'structure',
    defaultSeverity: 'warning',
    fixable: false,
    description: { zh: '各部分顺序与标准顺序不一致', en: 'Sections are not in the standard order' },
    messages: {
      outOfOrder: {
        zh: '“{label}”位置不对：按标准顺序它是第{position}部分，应排在“{after}”之后',
        en: '"{label}" is out of place: it is section {position} of the standard order and belongs after "{after}"',
      },
      outOfOrderFirst: {
        zh: '“{label}”位置不对：按标准顺序它是第{position}部分，应排在“{before}”之前',
        en: '"{label}" is out of place: it is section {position} of the standard order and belongs before "{before}"',
      },
    },
  },
  check(document, context) {
    const out: RawFinding<'outOfOrder' | 'outOfOrderFirst'>[] = [];
    for (const p of document.projects) {
      const seen = new Set<string>();
      const groups = new Map<number, Section[]>();
      for (const s of p.sections) {
        if (seen.has(s.key)) continue;
        seen.add(s.key);
        const g = s.parent ?? -1;
        groups.set(g, [...(groups.get(g) ?? []), s]);
      }
      for (const list of groups.values()) {
        const pos = list.map((s) => SECTION_KEYS.indexOf(s.key));
        const keep = longestRun(pos);
        list.forEach((s, i) => {
          if (keep.has(i)) return;
          const position = pos[i]!;
          // the kept section with the greatest standard position below this one
          let after: Section | undefined;
          let before: Section | undefined;
          list.forEach((t, k) => {
            if (!keep.has(k)) return;
            if (pos[k]! < position && (!after || pos[k]! > SECTION_KEYS.indexOf(after.key))) after = t;
            if (pos[k]! > position && (!before || pos[k]! < SECTION_KEYS.indexOf(before.key))) before = t;
          });
          const data = { label: s.label, position: context.lang === 'zh' ? formatChineseNumeral(position + 1) : position + 1 };
          if (after)
            out.push({
              messageId: 'outOfOrder',
              data: { ...data, after: after.label },
              ref: s.headingRef,
              project: p.label,
              related: [after.headingRef],
            });
          else if (before)
            out.push({
              messageId: 'outOfOrderFirst',
              data: { ...data, before: before.label },
              ref: s.headingRef,
              project: p.label,
              related: [before.headingRef],
            });
        });
      }
    }
    return out;
  },
});
