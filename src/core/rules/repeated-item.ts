import { analyseSection, type AmountAnalysis } from '../text/amount-statements';
import { specificName } from '../text/enumerations';
import { formatMoney } from '../text/money';
import { formatQuantity } from '../text/quantities';
import type { CellRef } from '../model';
import { toA1 } from '../snapshot/a1';
import { defineRule, type RawFinding } from './types';

type MessageId = 'repeated' | 'differentAmounts';

/** One item of an enumeration as this rule compares it. */
interface Item {
  /** The item's whole name and the name of the item it belongs to (its identity), and its name as shown. */
  readonly name: string;
  readonly context: string;
  readonly label: string;
  /** What it measures (`money`, `area`…) and its exact value in that family's units. */
  readonly family: string;
  readonly value: number;
  readonly shown: string;
  readonly ref: CellRef;
  /** Where it stands, so one item is never compared with itself. */
  readonly key: string;
}

function enumerations(an: AmountAnalysis): Item[][] {
  const money = an.lists.map((list) =>
    list.map((i): Item => {
      const a = an.amounts[i]!;
      return {
        name: a.name,
        context: a.context,
        label: a.label,
        family: 'money',
        value: a.amount.fen,
        shown: formatMoney(a.amount.fen, a.amount.unit),
        ref: a.ref,
        key: `a${i}`,
      };
    }),
  );
  const quantities = an.quantityLists.map((list) =>
    list.map((i): Item => {
      const q = an.quantities[i]!;
      const { value, unit, factor, family } = q.amount;
      return {
        name: q.name,
        context: q.context,
        label: q.label,
        family,
        value,
        shown: formatQuantity(value, unit, factor),
        ref: q.ref,
        key: `q${i}`,
      };
    }),
  );
  return [...money, ...quantities];
}

const sameCell = (a: CellRef, b: CellRef): boolean => a.sheet === b.sheet && a.row === b.row && a.col === b.col;

/** The same item listed twice in one enumeration: with the same amount (counted twice?) or with two amounts. */
export default defineRule<MessageId>({
  meta: {
    id: 'repeated-item',
    name: { zh: '重复列项', en: 'Repeated item' },
    group: 'amount',
    defaultSeverity: 'warning',
    fixable: false,
    description: { zh: '同一列举中重复列出同一事项', en: 'The same item is listed twice in one enumeration' },
    messages: {
      repeated: {
        zh: '“{item}{amount}”在同一列举中出现了两次（{where}），可能重复列支',
        en: '“{item}{amount}” is listed twice in one enumeration ({where}): it may be counted twice',
      },
      differentAmounts: {
        zh: '同一列举中“{item}”出现了两次，数额不同（{first}、{second}），请核实是否为同一事项',
        en: '“{item}” appears twice in one enumeration with different amounts ({first}, {second}): check whether it is one item',
      },
    },
  },
  check(document, context) {
    const out: RawFinding<MessageId>[] = [];
    for (const project of document.projects) {
      for (const section of project.sections) {
        const reported = new Set<string>();
        for (const items of enumerations(analyseSection(section))) {
          items.forEach((b, j) => {
            if (!specificName(b.name) || reported.has(b.key)) return;
            const a = items.slice(0, j).find((x) => x.name === b.name && x.context === b.context && x.family === b.family);
            if (!a) return;
            reported.add(b.key);
            const where = sameCell(a.ref, b.ref)
              ? context.lang === 'en'
                ? 'in the same cell'
                : '同一单元格中'
              : context.lang === 'en'
                ? `also at ${a.ref.sheet}!${toA1(a.ref.row, a.ref.col)}`
                : `另见${a.ref.sheet}!${toA1(a.ref.row, a.ref.col)}`;
            const common = { ref: b.ref, project: project.label, ...(!sameCell(a.ref, b.ref) && { related: [a.ref] }) };
            if (a.value === b.value) {
              out.push({
                messageId: 'repeated',
                data: { item: b.label, amount: b.shown, where },
                actual: `${b.label}${b.shown}`,
                ...common,
              });
            } else {
              out.push({
                messageId: 'differentAmounts',
                data: { item: b.label, first: a.shown, second: b.shown },
                advice: true,
                ...common,
              });
            }
          });
        }
      }
    }
    return out;
  },
});
