import { SECTION_KEYS, SECTION_NAMES } from '../model';
import { formatChineseNumeral } from '../text/numerals';
import { defineRule, type RawFinding } from './types';

/**
 * A standard section is missing from a project. The finding points at the heading the missing
 * section should stand before (the next standard section present), else at the last heading,
 * else at the project's title.
 */
export default defineRule({
  meta: {
    id: 'section-missing',
    defaultSeverity: 'error',
    fixable: false,
    description: { zh: '项目缺少标准部分', en: 'A standard section is missing from a project' },
    messages: {
      missing: {
        zh: '缺少“{expected}”部分',
        en: 'Section "{expected}" is missing',
      },
      none: {
        zh: '{project}没有任何标准部分（项目名称、立项依据……项目实施成效）',
        en: '{project} has none of the standard sections (项目名称 … 项目实施成效)',
      },
    },
  },
  check(document) {
    const out: RawFinding<'missing' | 'none'>[] = [];
    for (const p of document.projects) {
      if (p.sections.length === 0) {
        out.push({ messageId: 'none', data: { project: p.label }, ref: p.ref, project: p.label });
        continue;
      }
      const present = new Set(p.sections.map((s) => s.key));
      SECTION_KEYS.forEach((key, i) => {
        if (present.has(key)) return;
        const next = p.sections.find((s) => SECTION_KEYS.indexOf(s.key) > i);
        const ref = next?.headingRef ?? p.sections[p.sections.length - 1]!.headingRef;
        out.push({
          messageId: 'missing',
          data: { expected: `${formatChineseNumeral(i + 1)}、${SECTION_NAMES[key].zh}` },
          ref,
          project: p.label,
          expected: `${formatChineseNumeral(i + 1)}、${SECTION_NAMES[key].zh}`,
        });
      });
    }
    return out;
  },
});
