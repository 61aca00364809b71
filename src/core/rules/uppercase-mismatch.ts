import { analyseSection } from '../text/amount-statements';
import { formatMoney } from '../text/money';
import { formatUppercase } from '../text/uppercase';
import { defineRule, type RawFinding } from './types';

type MessageId = 'differs';

/** A capital-letter amount and the figure beside it disagree. */
export default defineRule<MessageId>({
  meta: {
    id: 'uppercase-mismatch',
    name: { zh: '大写金额不符', en: 'Uppercase amount mismatch' },
    group: 'amount',
    defaultSeverity: 'error',
    fixable: false,
    description: { zh: '大写金额与小写金额不一致', en: 'A capital-letter amount and its figure disagree' },
    messages: {
      differs: {
        zh: '大写金额“{upper}”（{upperValue}）与小写金额“{figure}”（{figureValue}）不一致',
        en: 'The capital-letter amount “{upper}” ({upperValue}) differs from the figure “{figure}” ({figureValue})',
      },
    },
  },
  check(document) {
    const out: RawFinding<MessageId>[] = [];
    for (const project of document.projects) {
      for (const section of project.sections) {
        const an = analyseSection(section);
        an.amounts.forEach((b) => {
          if (b.twinOf === undefined) return;
          const a = an.amounts[b.twinOf]!;
          const upper = a.amount.form === 'uppercase' ? a : b.amount.form === 'uppercase' ? b : undefined;
          const figure = upper === a ? b : a;
          if (!upper || figure.amount.form === 'uppercase') return;
          if (upper.amount.fen === figure.amount.fen) return;
          const unit = figure.amount.unit;
          out.push({
            messageId: 'differs',
            data: {
              upper: upper.amount.text,
              upperValue: formatMoney(upper.amount.fen, unit),
              figure: figure.amount.text,
              figureValue: formatMoney(figure.amount.fen, unit),
            },
            ref: upper.ref,
            project: project.label,
            expected: formatUppercase(figure.amount.fen),
            actual: upper.amount.text,
          });
        });
      }
    }
    return out;
  },
});
