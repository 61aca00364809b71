import type { Section, SectionKey } from '../model';
import { toA1 } from '../snapshot/a1';
import { defineRule, type RawFinding } from './types';

/** A section appears twice in one project (reported at the second heading). */
export default defineRule({
  meta: {
    id: 'section-duplicate',
    name: { zh: '部分重复', en: 'Section duplicated' },
    group: 'structure',
    defaultSeverity: 'error',
    fixable: false,
    description: { zh: '同一项目中某部分出现两次', en: 'A section appears twice in one project' },
    messages: {
      duplicate: {
        zh: '“{label}”重复：本项目在 {first} 已有“{firstLabel}”',
        en: '"{label}" is repeated: this project already has "{firstLabel}" at {first}',
      },
    },
  },
  check(document) {
    const out: RawFinding<'duplicate'>[] = [];
    for (const p of document.projects) {
      const first = new Map<SectionKey, Section>();
      for (const s of p.sections) {
        const before = first.get(s.key);
        if (!before) {
          first.set(s.key, s);
          continue;
        }
        const where =
          before.headingRef.sheet === s.headingRef.sheet
            ? toA1(before.headingRef.row, before.headingRef.col)
            : `${before.headingRef.sheet}!${toA1(before.headingRef.row, before.headingRef.col)}`;
        out.push({
          messageId: 'duplicate',
          data: { label: s.label, firstLabel: before.label, first: where },
          ref: s.headingRef,
          project: p.label,
          related: [before.headingRef],
        });
      }
    }
    return out;
  },
});
