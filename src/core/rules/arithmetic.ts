import { analyseSection, evaluate, unitsCancel, type Term } from '../text/amount-statements';
import { defineRule, type RawFinding } from './types';

type MessageId = 'wrong';

function decimalsOf(t: Term): number {
  const m = /\.(\d+)/.exec(t.text.replace(/,/g, ''));
  return m ? m[1]!.length : 0;
}

/** k / 10^d as a decimal string. */
function decimal(k: bigint, d: number): string {
  const neg = k < 0n;
  const a = neg ? -k : k;
  if (d === 0) return (neg ? '-' : '') + a.toString();
  const s = a.toString().padStart(d + 1, '0');
  return `${neg ? '-' : ''}${s.slice(0, -d)}.${s.slice(-d)}`;
}

/** Drops trailing zeros beyond the decimals written. */
function trimDecimals(s: string, keep: number): string {
  const dot = s.indexOf('.');
  if (dot < 0) return s;
  let end = s.length;
  while (end > dot + 1 + keep && s[end - 1] === '0') end--;
  if (end === dot + 1) end = dot;
  return s.slice(0, end);
}

function unitText(t: Term): string {
  const m = /^(?:¥\s*)?[\d,]+(?:\.\d+)?(.*)$/u.exec(t.text);
  return m ? m[1]! : '';
}

/** Rounds num/den to the nearest integer, halves away from zero. */
function roundDiv(num: bigint, den: bigint): bigint {
  if (den < 0n) return roundDiv(-num, -den);
  const q = num / den;
  const r = num - q * den;
  if (2n * (r < 0n ? -r : r) >= den) return num < 0n ? q - 1n : q + 1n;
  return q;
}

/** A written calculation is wrong. */
export default defineRule<MessageId>({
  meta: {
    id: 'arithmetic',
    name: { zh: '算式错误', en: 'Arithmetic' },
    group: 'amount',
    defaultSeverity: 'error',
    fixable: false,
    description: { zh: '算式计算错误', en: 'A written calculation is wrong' },
    messages: {
      wrong: {
        zh: '算式“{expr}”计算有误：结果应为{expected}，文中写作{actual}',
        en: 'The calculation “{expr}” is wrong: it gives {expected}, the text says {actual}',
      },
    },
  },
  check(document) {
    const out: RawFinding<MessageId>[] = [];
    for (const project of document.projects) {
      for (const section of project.sections) {
        const an = analyseSection(section);
        for (const c of an.calculations) {
          const v = evaluate(c);
          if (v?.dim !== c.result.dim) continue;
          // units that do not cancel mean a factor the text leaves unwritten: stay silent
          if (!unitsCancel(c)) continue;
          const r = c.result;
          // computed and written as fractions; the written step (one unit of the last digit)
          const stepNum = r.stepNum;
          const stepDen = r.stepDen;
          // k = computed / step
          const kNum = v.num * stepDen;
          const kDen = v.den * stepNum;
          // rounding is allowed where the text divides (or takes a percentage); sums and products are exact
          const rounding = c.ops.includes('÷') || c.terms.some((t) => t.text.includes('%'));
          const exact = !rounding || kNum % kDen === 0n;
          const diffNum = v.num * r.den - r.num * v.den; // over v.den * r.den
          const absDiff = diffNum < 0n ? -diffNum : diffNum;
          const ok = exact ? absDiff === 0n : 2n * absDiff * stepDen <= stepNum * v.den * r.den;
          if (ok) continue;
          let shown: string;
          if (rounding) shown = decimal(roundDiv(kNum, kDen), decimalsOf(r));
          else {
            // the exact value, with as many decimals as it needs
            let e = 0;
            while (e < 12 && (kNum * 10n ** BigInt(e)) % kDen !== 0n) e++;
            shown = trimDecimals(decimal(roundDiv(kNum * 10n ** BigInt(e), kDen), decimalsOf(r) + e), decimalsOf(r));
          }
          const expected = `${r.text.trim().startsWith('¥') ? '¥' : ''}${shown}${unitText(r)}`;
          out.push({
            messageId: 'wrong',
            data: { expr: c.text, expected, actual: r.text },
            ref: c.ref,
            project: project.label,
            expected,
            actual: r.text,
          });
        }
      }
    }
    return out;
  },
});
