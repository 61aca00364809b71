import { analyseSection } from '../text/amount-statements';
import { formatUppercase } from '../text/uppercase';
import { defineRule, type RawFinding } from './types';

type MessageId = 'malformed';

/** A capital-letter amount is not well formed. */
export default defineRule<MessageId>({
  meta: {
    id: 'uppercase-malformed',
    name: { zh: '大写金额格式', en: 'Malformed uppercase amount' },
    group: 'amount',
    defaultSeverity: 'error',
    fixable: false,
    description: { zh: '大写金额书写不规范', en: 'A capital-letter amount is not well formed' },
    messages: {
      malformed: {
        zh: '大写金额“{text}”书写不规范：{reason}',
        en: 'The capital-letter amount “{text}” is not well formed: {reason}',
      },
    },
  },
  check(document, context) {
    const out: RawFinding<MessageId>[] = [];
    for (const project of document.projects) {
      for (const section of project.sections) {
        const an = analyseSection(section);
        for (const [i, p] of an.paragraphs.entries()) {
          const scan = an.scans[i]!;
          for (const u of scan.uppercase) {
            if (u.result.ok) continue;
            // the figure written beside it (in parentheses) tells what was meant
            const figure = scan.amounts.find(
              (a) => a.form !== 'uppercase' && a.offset >= u.offset + u.length && a.offset - (u.offset + u.length) <= 8,
            );
            const expected = figure ? formatUppercase(figure.fen) : '';
            out.push({
              messageId: 'malformed',
              data: { text: u.text, reason: context.lang === 'en' ? u.result.reasonEn : u.result.reason },
              ref: p.ref,
              project: project.label,
              actual: u.text,
              ...(expected !== '' && { expected }),
            });
          }
        }
      }
    }
    return out;
  },
});
