import type { DisclosureDocument, Project, Section } from '../model';
import {
  agreeAtPrecision,
  analyseSection,
  describeParts,
  formatStated,
  moneyTableTotals,
  precisionOfStated,
  type AmountAnalysis,
  type Precise,
  type StatedAmount,
} from '../text/amount-statements';
import { formatMoney, UNIT_FEN, unitForDifference, type MoneyUnit } from '../text/money';
import { defineRule, type RawFinding } from './types';

type MessageId = 'differs';

const GROUP = { group: true } as const;

/** A statement of the funding amount that the text does not write: a table's 合计. */
interface TableStated {
  readonly stated: StatedAmount;
  readonly step: number;
  readonly rounded: boolean;
  /** Where the 合计 is (`附表1`), for the message. */
  readonly where: string | undefined;
}

function describe(an: AmountAnalysis, s: StatedAmount, where?: string): { zh: string; en: string } {
  const value = formatStated(s, GROUP);
  if (s.kind === 'sum') {
    const parts = describeParts(an.amounts, s.parts, 8, GROUP);
    return { zh: `合计${value}（${parts}）`, en: `a total of ${value} (${parts})` };
  }
  const src = s.source !== undefined ? an.amounts[s.source] : undefined;
  if (!src && s.kind === 'total') {
    return where === undefined
      ? { zh: `合计${value}（表格）`, en: `a total of ${value} (table)` }
      : { zh: `合计${value}（${where}合计）`, en: `a total of ${value} (the 合计 of ${where})` };
  }
  const quote = src ? src.clause : value;
  if (s.parts.length > 0) {
    const parts = describeParts(an.amounts, s.parts, 8, GROUP);
    return { zh: `为${value}（“${quote}”，其中${parts}）`, en: `${value} (“${quote}”, of which ${parts})` };
  }
  return { zh: `为${value}（“${quote}”）`, en: `${value} (“${quote}”)` };
}

function tableStated(
  total: number,
  unit: MoneyUnit,
  ref: StatedAmount['ref'],
  decimals: number | undefined,
  where: string | undefined,
): TableStated {
  const stated: StatedAmount = {
    fen: total,
    lo: total,
    hi: total,
    approximate: false,
    unit,
    kind: 'total',
    parts: [],
    ref,
    alternatives: [],
  };
  const d = decimals ?? 0;
  const step = Math.max(1, Math.round(UNIT_FEN[unit] / 10 ** d));
  return { stated, step, rounded: d > 0, where };
}

/**
 * The funding amount when the funding section writes none: the 合计 of a money table under it, or
 * the 合计 (小计) of the school table it refers to (`各校补助资金详见附表1`).
 */
function fundingFromTables(document: DisclosureDocument, project: Project, funding: Section): TableStated | undefined {
  const mt = moneyTableTotals(funding)[0];
  if (mt) return tableStated(mt.total, mt.unit, mt.ref, undefined, undefined);
  const linked = document.tables
    .map((t, i) => ({ t, i }))
    .filter(({ t, i }) => funding.tables.includes(i) || (t.project === project.index && t.section === 'funding'));
  // one linked table: several would need a rule for which of them (or their sum) is the funding
  if (linked.length !== 1) return undefined;
  const t = linked[0]!.t;
  const cell = t.total?.funding.subtotal;
  if (cell?.fen == null || cell.error !== undefined) return undefined;
  return tableStated(cell.fen, t.unit, cell.ref, cell.decimals, t.sheet);
}

/** The funding section and the schedule state different amounts. */
export default defineRule<MessageId>({
  meta: {
    id: 'plan-funding-mismatch',
    name: { zh: '实施计划与资金安排不符', en: 'Plan and funding mismatch' },
    group: 'amount',
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
      // the funding section may state its amount only in a table's 合计
      const ft = fa.stated ? undefined : fundingFromTables(document, project, funding);
      const F: StatedAmount | undefined = fa.stated ?? ft?.stated;
      // and the schedule may too (时间 │ 工作内容 │ 资金（万元） … 合计)
      const pmt = pa.stated ? undefined : moneyTableTotals(plan)[0];
      const pt = pmt ? tableStated(pmt.total, pmt.unit, pmt.ref, undefined, undefined) : undefined;
      const P = pa.stated ?? pt?.stated;
      if (!F || !P) continue;
      // a rate compares only with the same rate; a rate and an amount need a count the text does not give
      if ((F.per ?? '') !== (P.per ?? '')) continue;
      // every reading of each text, at the precision it is written in: when one agrees with one
      // of the other (a total written without a keyword, a rounded 123.46万元 for ¥1,234,567.89),
      // the texts are ambiguous or rounded rather than contradictory
      const fp = ft ? { step: ft.step, rounded: ft.rounded } : precisionOfStated(fa, F);
      const pp = pt ? { step: pt.step, rounded: pt.rounded } : precisionOfStated(pa, P);
      const readings = (x: StatedAmount, p: { step: number; rounded: boolean }): Precise[] => [
        { lo: x.lo, hi: x.hi, ...p },
        ...x.alternatives.map((a) => ({ lo: a.lo, hi: a.hi, step: 1, rounded: false })),
      ];
      if (readings(F, fp).some((a) => readings(P, pp).some((b) => agreeAtPrecision(a, b)))) continue;
      // a schedule that names only a share (首付30%…, 尾款 without an amount) restates part of the money
      const planText = pa.paragraphs.map((p) => p.text).join('\n');
      if (P.hi < F.lo && /剩余|尾款|余款|其余|余下|首付|预付|\d\s*[%％]/u.test(planText)) continue;
      const fd = describe(fa, F, ft?.where);
      const pd = describe(pa, P);
      const diff = Math.abs(F.fen - P.fen);
      out.push({
        messageId: 'differs',
        data: {
          fundingSection: funding.label,
          planSection: plan.label,
          funding: context.lang === 'en' ? fd.en : fd.zh,
          plan: context.lang === 'en' ? pd.en : pd.zh,
          diff: formatMoney(diff, unitForDifference(diff, [F.unit, P.unit]), GROUP),
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
