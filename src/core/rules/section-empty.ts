import { defineRule, type RawFinding } from './types';

/**
 * A heading with nothing under it: no paragraph with a letter, digit or Chinese character, no
 * table, and no sub-heading naming another standard section (`一、项目基本情况` whose text is
 * `（一）…`, `（二）资金及项目绩效目标`: its content is in its sub-sections). Text made only of
 * punctuation (`。`, `——`, `/`) counts as empty; `无` is content.
 */
export default defineRule({
  meta: {
    id: 'section-empty',
    name: { zh: '部分无内容', en: 'Empty section' },
    group: 'structure',
    defaultSeverity: 'error',
    fixable: false,
    description: { zh: '标题下没有内容', en: 'A heading has no content under it' },
    messages: {
      empty: {
        zh: '“{label}”下没有内容',
        en: 'Nothing under "{label}"',
      },
    },
  },
  check(document) {
    const out: RawFinding<'empty'>[] = [];
    for (const p of document.projects) {
      const parents = new Set(p.sections.map((s) => s.parent).filter((x): x is number => x !== undefined));
      for (const [i, s] of p.sections.entries()) {
        if (parents.has(i)) continue;
        const hasText = s.paragraphs.some((x) => /[\p{L}\p{N}]/u.test(x.text));
        const hasTable = s.tables.length > 0 || (s.otherTables?.length ?? 0) > 0;
        if (hasText || hasTable) continue;
        out.push({ messageId: 'empty', data: { label: s.label }, ref: s.headingRef, project: p.label });
      }
    }
    return out;
  },
});
