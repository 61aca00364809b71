import type { DisclosureDocument, Project, Section } from '../model';
import { sectionParagraphs, type ParagraphLike } from '../text/amount-statements';
import { defineRule, type RawFinding } from './types';

type MessageId = 'stale' | 'staleInferred';

/**
 * A year as a date or a period: `2022年`, `2022年度`, `2022年3月`, `2023-2025年` (both ends), `2023至2025年`.
 * Not a document number (`〔2022〕49号`, `[2022]`): those are not followed by 年.
 */
const YEAR = /(?<!\d)((?:19|20)\d{2})(?:\s*(?:[-—–~～至到]\s*)((?:19|20)\d{2}))?\s*年/gu;

/** In 资金安排情况, only a year that a budget is for: `2022年度预算`, `2022年安排`, `2022年计划投入`. */
const BUDGET_YEAR = /(?<!\d)((?:19|20)\d{2})\s*年度?\s*(?:[^，。；\d]{0,6}?)(?:预算|安排|计划投入|拟投入|申请)/gu;

/** A title that names the budget year: `江川区教育体育局2023年预算重点领域财政项目文本公开`, `2024年度部门预算`. */
const TITLE_YEAR = /(?<!\d)((?:19|20)\d{2})\s*年度?[^，。；]{0,12}?预算/u;

/** Quoted document names (`《…2021年…方案》`) name other texts' years, not this plan's. */
const QUOTED = /《[^《》]*》/gu;

interface YearsSeen {
  /** The latest year the section names. */
  readonly latest: number;
  /** Where the latest year is first named. */
  readonly at: ParagraphLike;
  /** Every year named, ascending. */
  readonly years: readonly number[];
}

function yearsIn(paragraphs: readonly ParagraphLike[], pattern: RegExp): YearsSeen | undefined {
  let latest = 0;
  let at: ParagraphLike | undefined;
  const all = new Set<number>();
  for (const p of paragraphs) {
    if (!p.text.includes('年')) continue;
    const text = p.text.replace(QUOTED, '');
    pattern.lastIndex = 0;
    for (let m = pattern.exec(text); m; m = pattern.exec(text)) {
      for (const g of [m[1], m[2]]) {
        if (g === undefined) continue;
        const y = Number(g);
        all.add(y);
        if (y > latest) {
          latest = y;
          at = p;
        }
      }
    }
  }
  return at ? { latest, at, years: [...all].sort((a, b) => a - b) } : undefined;
}

interface Stale {
  readonly project: Project;
  readonly section: Section;
  readonly seen: YearsSeen;
}

/** For each project: its plan's years, else the budget years its funding names. */
function projectYears(project: Project): Stale | undefined {
  const plan = project.sections.find((s) => s.key === 'plan');
  const planSeen = plan ? yearsIn(sectionParagraphs(plan), YEAR) : undefined;
  if (plan && planSeen) return { project, section: plan, seen: planSeen };
  const funding = project.sections.find((s) => s.key === 'funding');
  if (!funding) return undefined;
  const paragraphs = sectionParagraphs(funding);
  const budget = yearsIn(paragraphs, BUDGET_YEAR);
  if (!budget) return undefined;
  // a later year named anywhere in the section (`2022年下达…，2023年度预算…`) settles it
  const any = yearsIn(paragraphs, YEAR);
  return { project, section: funding, seen: any && any.latest > budget.latest ? any : budget };
}

/** The budget year: the rule's option, else the title's year. */
function statedYear(document: DisclosureDocument, option: unknown): number | undefined {
  if (typeof option === 'number' && Number.isInteger(option) && option >= 1900 && option <= 2199) return option;
  const m = document.title ? TITLE_YEAR.exec(document.title.text) : null;
  return m ? Number(m[1]) : undefined;
}

/**
 * Without a stated year: the latest year of the projects, when at least three projects name years and
 * at least two thirds of them name it as their latest (the rest were then left at an earlier year).
 */
function inferredYear(seen: readonly Stale[]): number | undefined {
  if (seen.length < 3) return undefined;
  const top = Math.max(...seen.map((s) => s.seen.latest));
  const atTop = seen.filter((s) => s.seen.latest === top).length;
  return atTop * 3 >= seen.length * 2 ? top : undefined;
}

/** A plan (or a funding section) whose years all lie before the budget year: last year's text kept. */
export default defineRule<MessageId>({
  meta: {
    id: 'stale-year',
    name: { zh: '年份未更新', en: 'Year not updated' },
    group: 'text',
    defaultSeverity: 'warning',
    fixable: false,
    description: {
      zh: '项目实施计划（或资金安排的预算年度）所写年份都早于本次公开的预算年度，可能沿用了上年的文本',
      en: 'Every year the schedule (or the funding’s budget year) names is before the budget year: last year’s text may have been kept',
    },
    messages: {
      stale: {
        zh: '{project}的“{section}”写的是{years}，早于预算年度{year}年，是否沿用了上年的文本？',
        en: '{project}: “{section}” names {years}, before the budget year {year}; was last year’s text kept?',
      },
      staleInferred: {
        zh: '{project}的“{section}”写的是{years}，其他项目写的是{year}年，是否沿用了上年的文本？',
        en: '{project}: “{section}” names {years} where the other projects name {year}; was last year’s text kept?',
      },
    },
    defaultOptions: { budgetYear: undefined },
  },
  check(document, context) {
    const seen = document.projects.map(projectYears).filter((s): s is Stale => s !== undefined);
    const stated = statedYear(document, context.options.budgetYear);
    const year = stated ?? inferredYear(seen);
    if (year === undefined) return [];
    const out: RawFinding<MessageId>[] = [];
    for (const s of seen) {
      if (s.seen.latest >= year) continue;
      const years = context.lang === 'zh' ? s.seen.years.map((y) => `${y}年`).join('、') : s.seen.years.join(', ');
      out.push({
        messageId: stated !== undefined ? 'stale' : 'staleInferred',
        data: { project: s.project.label, section: s.section.label, years, year },
        ref: s.seen.at.ref,
        project: s.project.label,
        expected: `${year}`,
        actual: `${s.seen.latest}`,
      });
    }
    return out;
  },
});
