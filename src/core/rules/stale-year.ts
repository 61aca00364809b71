import type { DisclosureDocument, Project, Section } from '../model';
import { sectionParagraphs, type ParagraphLike } from '../text/amount-statements';
import { defineRule, type RawFinding } from './types';

type MessageId = 'stale' | 'staleInferred';

/**
 * A year as a date or a period: `2022年`, `2022年度`, `2022年3月`, `2023-2025年` (both ends), `2023至2025年`,
 * a school year `2023—2024学年` (both ends). Not a document number (`〔2022〕49号`, `[2022]`): those are not followed by 年.
 */
const YEAR = /(?<!\d)((?:19|20)\d{2})(?:\s*(?:[-—–~～至到]\s*)((?:19|20)\d{2}))?\s*学?年/gu;

/**
 * In 资金安排情况, only a year that a budget is for: `2022年度预算`, `2022年安排`, `2022年计划投入`; not money given
 * before (`2023年已安排`, `累计安排`), which a plan of any year may recall.
 */
const BUDGET_YEAR = /(?<!\d)((?:19|20)\d{2})\s*年度?\s*(?:(?!已|累计|曾)[^，。；\d]){0,6}?(?:预算|安排|计划投入|拟投入|申请)/gu;

/** The budget year named in words (`本年度完成三期`, `今年春季学期`); not 成本年度, 基本年限, 本年级. */
const CURRENT_YEAR = /(?<![基根成资版日])本年(?!级)|今年/u;

/**
 * A title that names the budget year: `江川区教育体育局2023年预算重点领域财政项目文本公开`, `2024年度部门预算`;
 * of two (`2023年度决算及2024年部门预算`, `2023年预算执行情况和2024年预算草案`) the later.
 */
const TITLE_YEAR = /(?<!\d)((?:19|20)\d{2})\s*年度?[^，。；\d]{0,12}?预算/gu;

/**
 * Whether the year at [start, end) is told as done: its clause says 已 (`2023年12月已完成招标`), or it is a
 * `截至…` whose next clause does (`截至2023年底，已完成一期`). Not a deadline (`截止2024年6月完成发放`).
 */
function isHistory(text: string, start: number, end: number): boolean {
  const before = Math.max(...['，', '。', '；', ',', ';'].map((c) => text.lastIndexOf(c, start)));
  const rest = text.slice(end);
  const after = rest.search(/[，。；,;]/u);
  const clause = text.slice(before + 1, after < 0 ? text.length : end + after);
  if (clause.includes('已')) return true;
  if (after < 0 || !/截至|截止/u.test(clause) || rest[after] === '。') return false;
  const next = rest.slice(after + 1).search(/[，。；,;]/u);
  return rest.slice(after + 1, next < 0 ? undefined : after + 1 + next).includes('已');
}

/** A year in Chinese numerals (`二〇二三年`, `二零二四年度`): four digits, the first 一 or 二. */
const CN_YEAR = /(?<![〇零一二三四五六七八九十])([一二][〇零○Ｏ一二三四五六七八九]{3})(?=\s*学?年)/gu;
const CN_DIGIT: Readonly<Record<string, string>> = {
  〇: '0',
  零: '0',
  '○': '0',
  Ｏ: '0',
  一: '1',
  二: '2',
  三: '3',
  四: '4',
  五: '5',
  六: '6',
  七: '7',
  八: '8',
  九: '9',
};

/** The text with its years in Chinese numerals written in figures, so that the patterns read them. */
function arabicYears(text: string): string {
  return text.replace(CN_YEAR, (y) => y.replace(/./gu, (c) => CN_DIGIT[c] ?? c));
}

/** Quoted document names (`《…2021年…方案》`) name other texts' years, not this plan's. */
const QUOTED = /《[^《》]*》/gu;

interface YearsSeen {
  /** The latest year the section names. */
  readonly latest: number;
  /** Where the latest year is first named. */
  readonly at: ParagraphLike;
  /** Every year named, ascending. */
  readonly years: readonly number[];
  /** The section names the budget year in words (`本年度`, `今年`). */
  readonly current: boolean;
}

/** The years `pattern` finds; with `history` false, not those of a clause telling what was done (a plan's). */
function yearsIn(paragraphs: readonly ParagraphLike[], pattern: RegExp, history = true): YearsSeen | undefined {
  let latest = 0;
  let at: ParagraphLike | undefined;
  const all = new Set<number>();
  let current = false;
  for (const p of paragraphs) {
    if (!p.text.includes('年')) continue;
    const text = arabicYears(p.text.replace(QUOTED, ''));
    if (CURRENT_YEAR.test(text)) current = true;
    pattern.lastIndex = 0;
    for (let m = pattern.exec(text); m; m = pattern.exec(text)) {
      if (!history && isHistory(text, m.index, m.index + m[0].length)) continue;
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
  return at ? { latest, at, years: [...all].sort((a, b) => a - b), current } : undefined;
}

interface Stale {
  readonly project: Project;
  readonly section: Section;
  readonly seen: YearsSeen;
}

/** For each project: its plan's years, else the budget years its funding names. */
function projectYears(project: Project): Stale | undefined {
  const plan = project.sections.find((s) => s.key === 'plan');
  const planSeen = plan ? yearsIn(sectionParagraphs(plan), YEAR, false) : undefined;
  if (plan && planSeen) return { project, section: plan, seen: planSeen };
  const funding = project.sections.find((s) => s.key === 'funding');
  if (!funding) return undefined;
  const paragraphs = sectionParagraphs(funding);
  const budget = yearsIn(paragraphs, BUDGET_YEAR);
  if (!budget) return undefined;
  // a later year named anywhere in the section (`2022年下达…，2023年度预算…`) settles it; both scans read the
  // same paragraphs, so they agree on whether the budget year is named in words (`current`)
  const any = yearsIn(paragraphs, YEAR);
  return { project, section: funding, seen: any && any.latest > budget.latest ? any : budget };
}

/** The budget year: the rule's option, else the title's year. */
function statedYear(document: DisclosureDocument, option: unknown): number | undefined {
  if (typeof option === 'number' && Number.isInteger(option) && option >= 1900 && option <= 2199) return option;
  if (!document.title) return undefined;
  const years = [...arabicYears(document.title.text).matchAll(TITLE_YEAR)].map((m) => Number(m[1]));
  return years.length > 0 ? Math.max(...years) : undefined;
}

/**
 * Without a stated year: the year most projects name (the later of two named as often), when at least three
 * projects name years and at least two thirds of them name it (the rest were then left at an earlier year).
 * Not the latest year: a multi-year project's completion (`2025年8月竣工`) is no budget year.
 */
function inferredYear(seen: readonly Stale[]): number | undefined {
  if (seen.length < 3) return undefined;
  const count = new Map<number, number>();
  for (const s of seen) for (const y of s.seen.years) count.set(y, (count.get(y) ?? 0) + 1);
  let best: [number, number] | undefined;
  for (const [y, n] of count) if (!best || n > best[1] || (n === best[1] && y > best[0])) best = [y, n];
  return best && best[1] * 3 >= seen.length * 2 ? best[0] : undefined;
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
      if (s.seen.latest >= year || s.seen.current) continue;
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
