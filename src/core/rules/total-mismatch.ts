import { analyseSection, describeParts, rangeOf } from '../text/amount-statements';
import { amountRange, formatMoney } from '../text/money';
import type { CellRef } from '../model';
import { defineRule, type RawFinding } from './types';

type MessageId = 'sumDiffers' | 'partExceeds';

/** A stated total differs from the sum of its listed parts. */
export default defineRule<MessageId>({
  meta: {
    id: 'total-mismatch',
    defaultSeverity: 'error',
    fixable: false,
    description: { zh: '合计金额与所列分项之和不符', en: 'A stated total differs from the sum of its listed parts' },
    messages: {
      sumDiffers: {
        zh: '“{total}”与所列分项之和{sum}不符（{parts}），相差{diff}',
        en: '“{total}” differs from the sum of its listed parts, {sum} ({parts}): off by {diff}',
      },
      partExceeds: {
        zh: '分项“{parts}”大于总额“{total}”',
        en: 'The part “{parts}” is larger than the total “{total}”',
      },
    },
  },
  check(document) {
    const out: RawFinding<MessageId>[] = [];
    for (const project of document.projects) {
      for (const section of project.sections) {
        const an = analyseSection(section);
        for (const st of an.structures) {
          const T = an.amounts[st.total]!;
          const t = amountRange(T.amount);
          const sum = rangeOf(an.amounts, st.parts);
          const unit = T.amount.unit;
          const totalText = T.clause;
          const related: CellRef[] = [];
          for (const i of st.parts) {
            const r = an.amounts[i]!.ref;
            if ((r.row !== T.ref.row || r.col !== T.ref.col || r.sheet !== T.ref.sheet) && !related.some((x) => x.row === r.row && x.col === r.col && x.sheet === r.sheet)) related.push(r);
          }
          const common = {
            ref: T.ref,
            project: project.label,
            expected: formatMoney(sum.fen, unit),
            actual: formatMoney(T.amount.fen, unit),
            ...(related.length > 0 && { related }),
          };
          if (st.parts.length === 1) {
            // a single part may be only one of several sources: it must not exceed the total
            if (sum.lo > t.hi) {
              out.push({ messageId: 'partExceeds', data: { total: totalText, parts: describeParts(an.amounts, st.parts) }, ...common });
            }
            continue;
          }
          // the total agrees with the first parts (a later amount belongs to something else),
          // or with the last ones (parts-then-total after other amounts): not a contradiction
          const agrees = (idx: readonly number[]) => {
            const r = rangeOf(an.amounts, idx);
            return r.lo <= t.hi && t.lo <= r.hi;
          };
          let partial = false;
          for (let n = 2; n < st.parts.length && !partial; n++) {
            partial = st.kind === 'total-then-parts' ? agrees(st.parts.slice(0, n)) : agrees(st.parts.slice(-n));
          }
          if (!partial && (sum.hi < t.lo || sum.lo > t.hi)) {
            out.push({
              messageId: 'sumDiffers',
              data: {
                total: totalText,
                sum: formatMoney(sum.fen, unit),
                parts: describeParts(an.amounts, st.parts),
                diff: formatMoney(Math.abs(sum.fen - T.amount.fen), unit),
              },
              ...common,
            });
          }
        }
      }
    }
    return out;
  },
});
