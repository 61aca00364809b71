import { formatChineseNumeral } from '../text/numerals';
import { defineRule, type RawFinding } from './types';

function cn(n: number): string {
  return `项目${formatChineseNumeral(n)}`;
}

/**
 * Project titles must run 项目一, 项目二, … in sequence. Reported at the title:
 * `duplicate` (a number used before), `gap` (numbers skipped), `order` (a smaller number after
 * a larger one). Projects without a number (a sheet read as a project without a title) are not
 * counted.
 */
export default defineRule({
  meta: {
    id: 'project-numbering',
    name: { zh: '项目编号', en: 'Project numbering' },
    group: 'structure',
    defaultSeverity: 'warning',
    fixable: false,
    description: { zh: '项目编号不连续、重复或顺序错乱', en: 'Project titles are not numbered in sequence' },
    messages: {
      duplicate: {
        zh: '“{title}”与前面的项目编号重复（{first}）',
        en: '"{title}" repeats the number of an earlier project ({first})',
      },
      gap: {
        zh: '项目编号不连续：“{title}”之前缺少{missing}',
        en: 'Project numbers skip: {missing} missing before "{title}"',
      },
      order: {
        zh: '项目顺序错乱：“{title}”排在{previous}之后',
        en: 'Projects out of order: "{title}" comes after {previous}',
      },
    },
  },
  check(document) {
    const out: RawFinding<'duplicate' | 'gap' | 'order'>[] = [];
    const seen = new Map<number, string>();
    const all = new Set<number>();
    for (const p of document.projects) if (p.number !== null) all.add(p.number);
    let previous = 0;
    let previousLabel = '';
    for (const p of document.projects) {
      const n = p.number;
      if (n === null) continue;
      const first = seen.get(n);
      if (first !== undefined) {
        out.push({
          messageId: 'duplicate',
          data: { title: p.label, first },
          ref: p.ref,
          project: p.label,
          expected: cn(previous + 1),
          actual: p.label,
        });
      } else if (n > previous + 1) {
        // numbers skipped here and found nowhere else (a project placed later is out of order, not missing)
        const gap = n - previous - 1;
        const skipped =
          gap <= 50 ? Array.from({ length: gap }, (_, k) => previous + 1 + k).filter((k) => !all.has(k)) : [previous + 1, n - 1];
        if (skipped.length > 0) {
          const contiguous = skipped.length === skipped[skipped.length - 1]! - skipped[0]! + 1;
          const missing =
            skipped.length <= 3 || !contiguous
              ? skipped.slice(0, 6).map(cn).join('、') + (skipped.length > 6 ? '等' : '')
              : `${cn(skipped[0]!)}至${cn(skipped[skipped.length - 1]!)}`;
          out.push({
            messageId: 'gap',
            data: { title: p.label, missing },
            ref: p.ref,
            project: p.label,
            expected: cn(previous + 1),
            actual: p.label,
          });
        }
      } else if (n < previous) {
        out.push({
          messageId: 'order',
          data: { title: p.label, previous: previousLabel },
          ref: p.ref,
          project: p.label,
          expected: cn(previous + 1),
          actual: p.label,
        });
      }
      if (first === undefined) seen.set(n, p.label);
      if (n > previous) {
        previous = n;
        previousLabel = p.label;
      }
    }
    return out;
  },
});
