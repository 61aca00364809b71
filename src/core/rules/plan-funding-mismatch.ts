import { analyseSection, describeParts, formatStated, moneyTableTotals, type AmountAnalysis, type StatedAmount } from '../text/amount-statements';
import { formatMoney } from '../text/money';
import { defineRule, type RawFinding } from './types';

type MessageId = 'differs';

function describe(an: AmountAnalysis, s: StatedAmount): { zh: string; en: string } {
  const value = formatStated(s);
  if (s.kind === 'sum') {
    const parts = describeParts(an.amounts, s.parts);
    return { zh: `合计${value}（${parts}）`, en: `a total of ${value} (${parts})` };
  }
  const src = s.source !== undefined ? an.amounts[s.source] : undefined;
  if (!src && s.kind === 'total') return { zh: `合计${value}（表格）`, en: `a total of ${value} (table)` };
  const quote = src ? src.clause : value;
  if (s.parts.length > 0) {
    const parts = describeParts(an.amounts, s.parts);
    return { zh: `为${value}（“${quote}”，其中${parts}）`, en: `${value} (“${quote}”, of which ${parts})` };
  }
  return { zh: `为${value}（“${quote}”）`, en: `${value} (“${quote}”)` };
}

/** The funding section and the schedule state different amounts. */
export default defineRule<MessageId>({
  meta: {
    id: 'plan-funding-mismatch',
    defaultSeverity: 'error',
    fixable: false,
    description: { zh: '资金安排情况与项目实施计划的金额不一致', en: 'The funding section and the schedule state different amounts' },
    messages: {
      differs: {
        zh: '{fundingSection}{funding}，{planSection}{plan}，两者相差{diff}',
        en: '{fundingSection} states {funding}; {planSection} states {plan}: they differ by {diff}',
      },
    },
  },
  check(document, context) {
    const out: RawFinding<MessageId>[] = [];
    for (const project of document.projects) {
      const funding = project.sections.find((s) => s.key === 'funding');
      const plan = project.sections.find((s) => s.key === 'plan');
      if (!funding || !plan) continue;
      const fa = analyseSection(funding);
      const pa = analyseSection(plan);
      // the funding section may state its amount only in a money table's 合计
      const ft = fa.stated ? undefined : moneyTableTotals(funding)[0];
      const F: StatedAmount | undefined =
        fa.stated ??
        (ft && { fen: ft.total, lo: ft.total, hi: ft.total, approximate: false, unit: ft.unit, kind: 'total', parts: [], ref: ft.ref, alternatives: [] });
      const P = pa.stated;
      if (!F || !P) continue;
      // a rate compares only with the same rate; a rate and an amount need a count the text does not give
      if ((F.per ?? '') !== (P.per ?? '')) continue;
      if (!(F.hi < P.lo || P.hi < F.lo)) continue;
      // when another reading of either text agrees, the texts are ambiguous rather than contradictory
      const readings = (x: StatedAmount) => [{ lo: x.lo, hi: x.hi }, ...x.alternatives];
      if (readings(F).some((a) => readings(P).some((b) => a.lo <= b.hi && b.lo <= a.hi))) continue;
      // a schedule that names only a share (首付30%…, 尾款 without an amount) restates part of the money
      const planText = pa.paragraphs.map((p) => p.text).join('\n');
      if (P.hi < F.lo && /剩余|尾款|余款|其余|余下|首付|预付|\d\s*[%％]/u.test(planText)) continue;
      const fd = describe(fa, F);
      const pd = describe(pa, P);
      out.push({
        messageId: 'differs',
        data: {
          fundingSection: funding.label,
          planSection: plan.label,
          funding: context.lang === 'en' ? fd.en : fd.zh,
          plan: context.lang === 'en' ? pd.en : pd.zh,
          diff: formatMoney(Math.abs(F.fen - P.fen), F.unit),
        },
        ref: P.ref,
        related: [F.ref],
        project: project.label,
        expected: formatStated(F),
        actual: formatStated({ ...P, unit: F.unit }),
      });
    }
    return out;
  },
});
