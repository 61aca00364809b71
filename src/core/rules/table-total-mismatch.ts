import { toA1 } from '../snapshot/a1';
import { FUNDING_COLUMNS, type NumberCell, type SchoolTable } from '../model';
import { defineRule, type RawFinding } from './types';
import { formatScaled, headerOf, occupied, place, scaled, SOURCE_COLUMNS } from '../schools/support';

type Id = 'mismatch' | 'empty' | 'notNumber' | 'noTotal';

interface Column {
  readonly col: number;
  readonly money: boolean;
  readonly pick: (r: SchoolTable['rows'][number]) => NumberCell | undefined;
}

function columnsOf(table: SchoolTable): Column[] {
  const out: Column[] = [];
  if (table.columns.count !== undefined) out.push({ col: table.columns.count, money: false, pick: (r) => r.count });
  for (const k of FUNDING_COLUMNS) {
    const col = table.columns.funding[k];
    if (col !== undefined) out.push({ col, money: true, pick: (r) => r.funding[k] });
  }
  return out;
}

/** The 合计 row differs from the sum of its column. */
export default defineRule<Id>({
  meta: {
    id: 'table-total-mismatch',
    name: { zh: '合计行不符', en: 'Total row mismatch' },
    group: 'school',
    defaultSeverity: 'error',
    fixable: true,
    description: { zh: '合计行不等于该列之和', en: 'The 合计 row differs from the sum of its column' },
    messages: {
      mismatch: {
        zh: '合计行“{column}”为 {actual}，该列各行之和为 {expected}',
        en: 'The 合计 (total) row shows {actual} for "{column}"; the column adds up to {expected}',
      },
      empty: {
        zh: '合计行“{column}”为空，该列各行之和为 {expected}',
        en: 'The 合计 (total) row is empty for "{column}"; the column adds up to {expected}',
      },
      notNumber: {
        zh: '合计行“{column}”不是数字（{actual}），该列各行之和为 {expected}',
        en: 'The 合计 (total) row holds "{actual}" for "{column}", not a number; the column adds up to {expected}',
      },
      noTotal: {
        zh: '表格没有合计行（标准表在表头下或表尾列出各列合计）',
        en: "The table has no 合计 (total) row; the standard table states each column's total",
      },
    },
  },
  check(document) {
    const out: RawFinding<Id>[] = [];
    for (const table of document.tables) {
      const cols = columnsOf(table);
      if (cols.length === 0 || table.rows.length === 0) continue;
      const total = table.total;
      const who = place(document, table, total);
      if (!total) {
        out.push({
          messageId: 'noTotal',
          ref: { sheet: table.sheet, row: table.headerTop, col: table.columns.code },
          ...place(document, table, undefined),
        });
        continue;
      }
      for (const c of cols) {
        let sum = 0;
        let decimals = 0;
        let any = false;
        let unreadable = false;
        for (const r of table.rows) {
          const cell = c.pick(r);
          if (!cell || cell.empty) {
            // an empty 小计 counts as its sources' sum (what table-row-mismatch's fix writes)
            if (c.col === table.columns.funding.subtotal) {
              const parts = SOURCE_COLUMNS.map((k) => r.funding[k]).filter((x): x is NumberCell => x !== undefined && !x.empty);
              if (parts.length > 0 && parts.every((x) => x.fen !== null)) {
                any = true;
                for (const x of parts) {
                  sum += x.fen!;
                  decimals = Math.max(decimals, x.decimals);
                }
              }
            }
            continue;
          }
          const v = scaled(cell, c.money);
          if (v === null) {
            unreadable = true; // reported by table-row-mismatch / shown as is; the sum is unknown
            break;
          }
          any = true;
          sum += v;
          decimals = Math.max(decimals, cell.decimals);
        }
        if (unreadable) continue;
        const cell = c.pick(total);
        const column = headerOf(table, c.col) ?? '';
        const expected = any ? formatScaled(sum, table, c.money, decimals) : '0';
        const base = { ...who, ...(column !== '' && { column }), expected };
        if (!cell || cell.empty) {
          if (!any || sum === 0) continue;
          const ref = cell?.ref ?? { sheet: table.sheet, row: total.row, col: c.col };
          out.push({
            messageId: 'empty',
            data: { column, expected },
            ref,
            ...base,
            fix: {
              sheet: ref.sheet,
              cell: toA1(ref.row, ref.col),
              value: Number(expected),
              kind: 'number',
              ...(occupied(document, ref) && { overwrite: true }),
            },
          });
          continue;
        }
        const v = scaled(cell, c.money);
        if (cell.uncalculated) continue; // a formula without a value: formula-uncalculated says so
        if (v === null) {
          const actual = cell.error ?? cell.raw;
          out.push({ messageId: 'notNumber', data: { column, expected, actual }, ref: cell.ref, ...base, actual });
          continue;
        }
        if (v === sum) continue;
        const actual = formatScaled(v, table, c.money, Math.max(decimals, cell.decimals));
        out.push({
          messageId: 'mismatch',
          data: { column, expected: formatScaled(sum, table, c.money, Math.max(decimals, cell.decimals)), actual },
          ref: cell.ref,
          ...base,
          expected: formatScaled(sum, table, c.money, Math.max(decimals, cell.decimals)),
          actual,
        });
      }
    }
    return out;
  },
});
