import { defineRule, type RawFinding } from './types';
import type { CellRef, SchoolTable, Section, SectionKey } from '../model';
import { analyseSection } from '../text/amount-statements';
import { countsOf, type MoneyAmount, type Quantity } from '../text/money';
import { formatFenIn, numberToDecimal, scaleDecimal } from '../schools/values';
import { place, scaled } from '../schools/support';

type Id = 'count' | 'amount';

/** Sections whose text may state the table's totals (not the name, not the policy basis). */
const TEXT_SECTIONS: ReadonlySet<SectionKey> = new Set(['overview', 'content', 'funding', 'plan', 'results', 'unit']);

/** Words that make an amount the statement of the whole project's money. */
const TOTAL_WORDS =
  /年度预算资金|预算资金|总投资|总金额|总额|共计|合计|总计|资金需求|需要?资金|安排资金|项目资金|资金为|资金共|共需|总预算|预算为/;

/**
 * Words that introduce the project's total only where the table is linked (资金安排情况 that holds or
 * points at the table): `安排…资金110万元`, `计划安排110万元`.
 */
const LINKED_TOTAL_WORDS = /安排[^，,。；;：:]{0,24}?(?:资金|经费)(?:为|共|计)?$|计划安排$/;

/** A section that points at a table: `详见附表1`, `见下表`, `明细如下`. */
const TABLE_POINTER = /(?:详|参)?见(?:附表|下表|附件|表\s*\d)|如下表|明细(?:如下|见)/;

/** Filler between a count's subject and its number: `保安人员数量为232人` → `保安`. */
const COUNT_FILLER = /(?:(?:数量|人数|总数|数)?(?:为|是|达到?|共计?|合计|总计|计|有|共有)?)$/;

/** The clause before an offset: back to the last clause break. */
function clauseBefore(text: string, offset: number): string {
  const before = text.slice(Math.max(0, offset - 40), offset);
  const cut = Math.max(...['，', ',', '。', '；', ';', '！', '？', '\n', '：', ':'].map((c) => before.lastIndexOf(c)));
  return before.slice(cut + 1);
}

/** The noun of a count column: 保安数量（人） → 保安, 学生数 → 学生, 资助人次 → 资助 (in 人次); '' for a bare 人数. */
function countNoun(label: string): { noun: string; unit: string } {
  const unit = /[（(]\s*(人次|人|名|个|所|间|台|套)\s*[)）]/.exec(label)?.[1] ?? (/人次\s*$/.test(label) ? '人次' : '人');
  const noun = label
    .replace(/[（(][^）)]*[）)]/g, '')
    .replace(/(?:数量|人数|人次|数|总数)$/, '')
    .replace(/人员$/, '')
    .trim();
  // the subject's last two characters (配备保安 → 保安, 受助学生 → 学生) keep the match lenient
  return { noun: noun.length > 2 ? noun.slice(-2) : noun, unit };
}

/** The subject key of a count: the column noun with the (up to two) characters before it. */
function subjectKey(clause: string, noun: string): string {
  const c = clause.replace(/\s+/g, '').replace(COUNT_FILLER, '').replace(/人员$/, '');
  const at = noun === '' ? c.length : c.lastIndexOf(noun);
  if (at < 0) return c.slice(-4);
  return c.slice(Math.max(0, at - 2), at + noun.length);
}

/** A text amount and the table's total agree at the precision the text was written in. */
function sameAtPrecision(a: MoneyAmount, fen: number): boolean {
  if (sameAmount(a, fen)) return true;
  if (a.approximate || a.precisionFen <= 1) return false;
  // `100.01万元` against a 元 table of 1,000,123元: rounded to the text's last digit
  return Math.round(fen / a.precisionFen) * a.precisionFen === a.fen;
}

function totalOf(
  table: SchoolTable,
  pick: (r: SchoolTable['rows'][number]) => import('../model').NumberCell | undefined,
  money: boolean,
): { value: number; ref: CellRef | undefined } | null {
  const t = table.total ? pick(table.total) : undefined;
  if (t && !t.empty) {
    const v = scaled(t, money);
    return v === null ? null : { value: v, ref: t.ref };
  }
  let sum = 0;
  let any = false;
  for (const r of table.rows) {
    const c = pick(r);
    if (!c || c.empty) continue;
    const v = scaled(c, money);
    if (v === null) return null;
    sum += v;
    any = true;
  }
  return any ? { value: sum, ref: undefined } : null;
}

function sameAmount(a: MoneyAmount, fen: number): boolean {
  if (!a.approximate) return a.fen === fen;
  const half = Math.floor(a.precisionFen / 2);
  if (a.qualifier === '不超过' || a.qualifier === '不高于') return fen <= a.fen;
  if (a.qualifier === '余' || a.qualifier === '多' || a.qualifier === '超过' || a.qualifier === '逾')
    return fen >= a.fen && fen <= a.fen + a.precisionFen;
  return Math.abs(a.fen - fen) <= half;
}

/** Per-unit amounts are no statement of the total: `3.12万元/人`, `每人每年3.12万元`, `60.32万元/月`. */
function isRate(a: MoneyAmount, clause: string): boolean {
  if (a.per !== undefined && a.per !== '年') return true;
  return /每[^，。；]{0,6}$|人均|生均|校均|平均/.test(clause);
}

/** A count or amount in the text differs from the table's total. */
export default defineRule<Id>({
  meta: {
    id: 'text-table-mismatch',
    name: { zh: '文字与表格不符', en: 'Text and table mismatch' },
    group: 'school',
    defaultSeverity: 'error',
    fixable: false,
    description: { zh: '正文中的人数或金额与表格合计不符', en: "A count or amount in the text differs from the table's total" },
    messages: {
      count: {
        zh: '正文中的“{actual}”与表格合计“{column}”{expected} 不符',
        en: 'The text says "{actual}"; the table\'s total of "{column}" is {expected}',
      },
      amount: {
        zh: '正文中的金额“{actual}”与表格合计 {expected}{unit} 不符',
        en: 'The text states "{actual}"; the table\'s total is {expected} {unit}',
      },
    },
  },
  check(document) {
    const out: RawFinding<Id>[] = [];
    for (const [tableIndex, table] of document.tables.entries()) {
      if (table.project === undefined) continue;
      const project = document.projects[table.project];
      if (!project) continue;
      const who = place(document, table, undefined);
      const sections = project.sections.filter((s) => TEXT_SECTIONS.has(s.key));
      // the shared analysis of each section scanned its paragraphs once (they come first in it)
      const sourced = sections.flatMap((s) => {
        const scans = analyseSection(s).scans;
        return s.paragraphs.map((p, i) => ({ p, key: s.key, section: s, scan: scans[i]! }));
      });
      // the sections the table is linked to: the one that holds it, or that points at it (详见附表1)
      const linked = new Set<Section>(
        sections.filter((s) => s.tables.includes(tableIndex) || (table.section !== undefined && s.key === table.section)),
      );
      if (linked.size === 0) for (const s of sections) if (s.paragraphs.some((p) => TABLE_POINTER.test(p.text))) linked.add(s);
      const count = table.columns.count !== undefined ? totalOf(table, (r) => r.count, false) : null;
      const amount = table.columns.funding.subtotal !== undefined ? totalOf(table, (r) => r.funding.subtotal, true) : null;
      // column totals of the funding sources: a text that states one of them is right, not wrong
      const partTotals = new Set<number>();
      for (const k of ['central', 'provincial', 'prefecture', 'county', 'other'] as const) {
        if (table.columns.funding[k] === undefined) continue;
        const t = totalOf(table, (r) => r.funding[k], true);
        if (t) partTotals.add(t.value);
      }
      if (count && table.countLabel !== undefined) {
        const { noun, unit } = countNoun(table.countLabel);
        const expected = formatFenIn(count.value, '万元');
        interface Stated {
          q: Quantity;
          ref: CellRef;
          key: string;
          linked: boolean;
          exact: boolean;
        }
        const stated: Stated[] = [];
        for (const { p, section, scan } of sourced) {
          const isLinked = linked.has(section);
          for (const q of countsOf(scan)) {
            if (q.unit !== unit && !(unit === '人' && q.unit === '名')) continue;
            const clause = clauseBefore(p.text, q.offset);
            if (/每[^，。；]{0,6}$|人均|平均|各校|每校/.test(clause)) continue;
            const about = noun !== '' ? clause.includes(noun) : /共|合计|总|全区|全县|全市/.test(clause);
            // in the linked section a bare total (`共计232人`) states the table's count too
            const bare = isLinked && /^(?:共|合计|共计|总计|累计|计)?$/.test(clause.replace(/\s+/g, '').replace(COUNT_FILLER, ''));
            if (!about && !bare) continue;
            const v = scaleDecimal(numberToDecimal(q.value), 6);
            stated.push({ q, ref: p.ref, key: subjectKey(clause, noun), linked: isLinked, exact: v === count.value });
          }
        }
        // the linked section states the table's own count: other subjects (在校学生 vs 受益学生) are other things
        const own = new Set(stated.filter((x) => x.linked && x.exact).map((x) => x.key));
        for (const { q, ref, key, exact, linked: inLinked } of stated) {
          if (exact || q.approximate) continue;
          if (own.size > 0 && !inLinked && !own.has(key)) continue;
          out.push({
            messageId: 'count',
            data: { actual: q.text, column: table.countLabel, expected },
            ref,
            ...who,
            column: table.countLabel,
            expected,
            actual: q.text,
            ...(count.ref && { related: [count.ref] }),
          });
        }
      }
      if (amount && amount.value > 0) {
        const unit = table.unit;
        const keyed: { a: MoneyAmount; ref: CellRef }[] = [];
        const plain: { a: MoneyAmount; ref: CellRef }[] = [];
        for (const { p, key, section, scan } of sourced) {
          for (const a of scan.amounts) {
            const clause = clauseBefore(p.text, a.offset);
            if (isRate(a, clause)) continue;
            if (TOTAL_WORDS.test(clause)) keyed.push({ a, ref: p.ref });
            else if (
              linked.has(section) &&
              (LINKED_TOTAL_WORDS.test(clause) || /^\s*[，,；;]?\s*其中/.test(p.text.slice(a.offset + a.length)))
            )
              keyed.push({ a, ref: p.ref });
            else if (key === 'overview' || key === 'funding') plain.push({ a, ref: p.ref });
          }
        }
        // without a total word, compare only when the overview and funding text state a single amount
        const single = new Set(plain.map((x) => x.a.fen)).size === 1 ? plain.slice(0, 1) : [];
        const candidates = keyed.length > 0 ? keyed : single;
        for (const { a, ref } of candidates) {
          if (sameAtPrecision(a, amount.value) || partTotals.has(a.fen)) continue;
          // a multi-year total (三年共计…) states a multiple of the annual table
          const k = a.fen / amount.value;
          if (Number.isInteger(k) && k >= 2 && k <= 5) continue;
          const expected = formatFenIn(amount.value, unit, 2);
          out.push({
            messageId: 'amount',
            data: { actual: a.text, expected, unit },
            ref,
            ...who,
            expected: `${expected}${unit}`,
            actual: a.text,
            ...(amount.ref && { related: [amount.ref] }),
          });
        }
      }
    }
    return out;
  },
});
