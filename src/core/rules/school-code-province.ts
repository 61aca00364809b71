import { defineRule, type RawFinding } from './types';
import { PROVINCES } from '../schools/names';
import { place } from '../schools/support';

type Id = 'differs' | 'invalid';

/** The code's province digits differ from the workbook's province. */
export default defineRule<Id>({
  meta: {
    id: 'school-code-province',
    name: { zh: '学校代码省份', en: 'School code province' },
    group: 'school',
    defaultSeverity: 'error',
    fixable: false,
    description: { zh: '学校代码的省份与本单位不符', en: "The code's province digits differ from the workbook's province" },
    messages: {
      differs: {
        zh: '{school} 的学校代码 {code} 第3–4位为 {actual}（{actualName}），与本单位省份 {expected}（{expectedName}，{basis}）不符',
        en: '{school}: code {code} has province digits {actual} ({actualName}), not {expected} ({expectedName}, {basis})',
      },
      invalid: {
        zh: '{school} 的学校代码 {code} 第3–4位 {actual} 不是有效的省级行政区划代码',
        en: '{school}: code {code} has province digits {actual}, which is no province code (GB/T 2260)',
      },
    },
    defaultOptions: { province: undefined },
  },
  check(document, context) {
    const out: RawFinding<Id>[] = [];
    const zh = context.lang !== 'en';
    const configured =
      typeof context.options.province === 'string' && /^\d{2}$/.test(context.options.province) ? context.options.province : undefined;
    let expected = configured;
    let basis = zh ? '配置' : 'configured';
    if (expected === undefined) {
      const counts = new Map<string, number>();
      let n = 0;
      for (const t of document.tables) {
        for (const r of t.rows) {
          if (!/^\d{10}$/.test(r.code.digits)) continue;
          n++;
          const p = r.code.digits.slice(2, 4);
          counts.set(p, (counts.get(p) ?? 0) + 1);
        }
      }
      for (const [p, k] of counts) if (k * 2 > n) expected = p;
      basis = zh ? '表中多数学校代码' : 'the majority of the codes';
    }
    if (expected === undefined) return out;
    for (const table of document.tables) {
      const column = table.headers[table.columns.code];
      for (const row of table.rows) {
        const code = row.code.digits;
        if (!/^\d{10}$/.test(code)) continue;
        const actual = code.slice(2, 4);
        if (actual === expected) continue;
        const school = row.name.text;
        const base = { ref: row.code.ref, ...place(document, table, row), ...(column !== undefined && { column }), actual };
        if (!PROVINCES[actual]) {
          out.push({ messageId: 'invalid', data: { school, code, actual }, ...base });
          continue;
        }
        out.push({
          messageId: 'differs',
          data: {
            school,
            code,
            actual,
            actualName: PROVINCES[actual] ?? actual,
            expected,
            expectedName: PROVINCES[expected] ?? expected,
            basis,
          },
          ...base,
          expected,
        });
      }
    }
    return out;
  },
});
