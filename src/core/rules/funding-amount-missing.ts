import { analyseSection, formatStated } from '../text/amount-statements';
import { defineRule, type RawFinding } from './types';

type MessageId = 'missing' | 'missingPlanHas';

/** A heading that declares the unit of its figures: `（单位：万元）`, `（万元）`, `单位：元`. */
const DECLARED_UNIT = /[(（]\s*(?:单位\s*[:：]\s*)?(?:万元|元|亿元)\s*[)）]|单位\s*[:：]\s*(?:万元|元|亿元)/u;

/** The funding section states no amount and has no table. */
export default defineRule<MessageId>({
  meta: {
    id: 'funding-amount-missing',
    name: { zh: '缺少资金金额', en: 'Funding amount missing' },
    group: 'amount',
    defaultSeverity: 'error',
    fixable: false,
    description: { zh: '资金安排情况未写明金额且无表格', en: 'The funding section states no amount and has no table' },
    messages: {
      missing: {
        zh: '{project}的“{section}”没有写明资金金额，也没有资金表格',
        en: '{project}: “{section}” states no amount and has no funding table',
      },
      missingPlanHas: {
        zh: '{project}的“{section}”没有写明资金金额，也没有资金表格（项目实施计划中列有{plan}），应写明资金总额及来源',
        en: '{project}: “{section}” states no amount and has no funding table (the schedule lists {plan}); state the total and its sources',
      },
    },
  },
  check(document) {
    const out: RawFinding<MessageId>[] = [];
    for (const project of document.projects) {
      const funding = project.sections.find((s) => s.key === 'funding');
      if (!funding) continue; // section-missing reports it
      if (funding.tables.length > 0 || (funding.otherTables?.length ?? 0) > 0) continue;
      if (document.tables.some((t) => t.project === project.index && t.section === 'funding')) continue;
      const an = analyseSection(funding);
      if (an.amounts.length > 0) continue;
      const paragraphs = an.paragraphs;
      // 详见附表 / 见下表: the amounts are in a table the text points to
      if (paragraphs.some((p) => /详见|见附表|见下表|见表\s*\d|附件\s*\d*[所列中]|明细表/u.test(p.text))) continue;
      // `六、资金安排情况（单位：万元）` over `计划投资3188，其中…`: figures in the unit the heading declares
      if (DECLARED_UNIT.test(funding.headingText) && paragraphs.some((p) => /\d/u.test(p.text))) continue;
      const ref = funding.paragraphs[0]?.ref ?? funding.headingRef;
      const plan = project.sections.find((s) => s.key === 'plan');
      const planStated = plan ? analyseSection(plan).stated : undefined;
      const base = { project: project.label, section: funding.label };
      if (planStated) {
        out.push({ messageId: 'missingPlanHas', data: { ...base, plan: formatStated(planStated) }, ref, project: project.label });
      } else {
        out.push({ messageId: 'missing', data: base, ref, project: project.label });
      }
    }
    return out;
  },
});
