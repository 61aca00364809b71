import type { CellRef } from '../model';
import { defineRule, type RawFinding } from './types';

/**
 * Placeholders left in the text. Each pattern is written so that ordinary words do not match:
 * `XX` only where no Latin letter touches it (`20XX年`, `XX学校`, not `XXL`); 待定/待补充 not after
 * 有/尚/等 (`有待补充` is a phrase, `等待定期` is not a placeholder); `××` only doubled (a single × is
 * multiplication); 【】 and （） only when empty; ○○ not inside a Chinese numeral (`二○○七年`). Also a 元 left
 * without its amount (`课酬元、`).
 */
export const PATTERNS: readonly RegExp[] = [
  /(?<![A-Za-z])[Xx]{2,}(?![A-Za-z])/u,
  /×{2,}|✕{2,}/u,
  /＊{2,}|\*{2,}/u,
  /(?<![有尚等亟])待(?:定(?![期点时向额])|补充|填写|填报|确定|核实)/u,
  /[（(]\s*略\s*[)）]/u,
  /【[\s_＿]*】/u,
  /[（(][\s_＿\u3000]+[)）]/u,
  /某某/u,
  // ○ in a Chinese numeral is a zero (二○○七年七月十日, 安康's 批复, real text), not a placeholder
  /□{2,}|(?<![一二三四五六七八九十〇○零])○{2,}/u,
  /_{3,}|＿{2,}/u,
  /(?<![A-Za-z])(?:TODO|TBD|TBC)(?![A-Za-z])/u,
  /此处填写|请填写|请输入/u,
];

/**
 * A money unit left without its amount (`8月发放54、55期教师课酬元、`): 元 right after a Chinese
 * character that cannot end an amount or a word with 元 (美元, 单元, 公元, 多元, 状元, 1000多元, 10万余元).
 */
const UNIT_WITHOUT_AMOUNT =
  /(?<=[\u4e00-\u9fff])(?<![万千百亿拾佰仟整角一二三四五六七八九十零〇两壹贰叁肆伍陆柒捌玖余多单美日欧港澳加韩公纪状位])元(?=[、，。；;,）)]|$)/u;

const UNIT_WITHOUT_AMOUNT_ALL = new RegExp(UNIT_WITHOUT_AMOUNT.source, 'gu');

/** The amount-less 元 occurrences, each with a few characters before it (for the message). */
export function findUnitsWithoutAmount(text: string): string[] {
  const out: string[] = [];
  if (!text.includes('元')) return out;
  const re = UNIT_WITHOUT_AMOUNT_ALL;
  re.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) out.push(text.slice(Math.max(0, m.index - 6), m.index + 1).replace(/^[\d.,、，；;\s]+/u, ''));
  return out;
}

/**
 * What every pattern above needs at the least, in one scan: a text without any of it (almost every
 * paragraph) is settled without running the twelve patterns one by one.
 */
const ANY_PLACEHOLDER =
  /[Xx]{2}|×{2}|✕{2}|＊{2}|\*{2}|待|[（(]\s*略|【[\s_＿]*】|[（(][\s_＿\u3000]+[)）]|某某|□{2}|○{2}|_{3}|＿{2}|TODO|TBD|TBC|此处填写|请填写|请输入/u;

export function findPlaceholders(text: string): string[] {
  const found: string[] = [];
  if (!ANY_PLACEHOLDER.test(text)) return found;
  for (const re of PATTERNS) {
    const m = re.exec(text);
    if (m) found.push(m[0]);
  }
  return found;
}

export default defineRule({
  meta: {
    id: 'placeholder-text',
    name: { zh: '占位文字', en: 'Placeholder text' },
    group: 'text',
    defaultSeverity: 'warning',
    fixable: false,
    description: {
      zh: '文本中留有占位符（XX、××、待定、待补充、（略）、空的【】等）',
      en: 'Placeholder left in the text (XX, ××, 待定, 待补充, （略）, an empty 【】…)',
    },
    messages: {
      placeholder: {
        zh: '“{label}”中留有占位符{found}，请填写实际内容',
        en: 'Placeholder {found} left in "{label}": fill in the real text',
      },
      amountMissing: {
        zh: '“{label}”中“{found}”的“元”前缺少金额',
        en: 'In "{label}", "{found}": the amount before 元 is missing',
      },
    },
  },
  check(document) {
    const out: RawFinding<'placeholder' | 'amountMissing'>[] = [];
    for (const p of document.projects) {
      const seen = new Set<string>();
      const report = (text: string, ref: CellRef, label: string): void => {
        const found = findPlaceholders(text);
        const units = found.length === 0 ? findUnitsWithoutAmount(text) : [];
        if (found.length === 0 && units.length === 0) return;
        const key = `${ref.sheet}\u0000${ref.row}\u0000${ref.col}`;
        if (seen.has(key)) return;
        seen.add(key);
        if (found.length === 0) {
          out.push({ messageId: 'amountMissing', data: { label, found: units[0]! }, ref, project: p.label, actual: units[0]! });
          return;
        }
        out.push({
          messageId: 'placeholder',
          data: { label, found: found.map((f) => `“${f}”`).join('、') },
          ref,
          project: p.label,
          actual: found.join(' '),
        });
      };
      report(p.title, p.ref, p.label);
      for (const s of p.sections) {
        report(s.headingText, s.headingRef, s.label);
        for (const para of s.paragraphs) report(para.text, para.ref, s.label);
        for (const t of s.otherTables ?? []) for (const row of t.rows) for (const c of row) report(c.text, c.ref, s.label);
      }
    }
    return out;
  },
});
