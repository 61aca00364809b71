import type { CellRef } from '../model';
import { defineRule, type RawFinding } from './types';
import { expectedTypes, SCHOOL_TYPES } from '../schools/names';
import { place } from '../schools/support';

type Id = 'contradiction' | 'unknownType';

/** The code's type digits contradict the school's name. */
export default defineRule<Id>({
  meta: {
    id: 'school-code-category',
    name: { zh: '学校代码类别', en: 'School code category' },
    group: 'school',
    defaultSeverity: 'error',
    fixable: false,
    description: { zh: '学校代码的类型与校名不符', en: "The code's type digits contradict the school's name" },
    messages: {
      contradiction: {
        zh: '{school} 的学校代码 {code} 前两位 {type} 表示“{typeName}”，与校名（{kind}，应为 {expected}）不符',
        en: '{school}: code {code} starts with {type} ({typeName}), which contradicts the name ({kind}: expected {expected})',
      },
      unknownType: {
        zh: '{school} 的学校代码 {code} 前两位 {type} 不是有效的学校类型代码',
        en: '{school}: code {code} starts with {type}, which is not a school type of the code scheme',
      },
    },
  },
  check(document, context) {
    const out: RawFinding<Id>[] = [];
    for (const table of document.tables) {
      const column = table.headers[table.columns.code];
      for (const row of table.rows) {
        const code = row.code.digits;
        if (!/^\d{10}$/.test(code)) continue;
        const type = code.slice(0, 2);
        const school = row.name.text;
        // built only for a finding (most rows give none)
        const base = (): { ref: CellRef; project?: string; school?: string; column?: string } => ({
          ref: row.code.ref,
          ...place(document, table, row),
          ...(column !== undefined && { column }),
        });
        const known = SCHOOL_TYPES[type];
        if (!known) {
          out.push({ messageId: 'unknownType', data: { school, code, type }, ...base(), actual: type });
          continue;
        }
        const exp = expectedTypes(school);
        if (!exp || exp.types.includes(type)) continue;
        const expected = exp.types.join('/');
        out.push({
          messageId: 'contradiction',
          data: { school, code, type, typeName: context.lang === 'en' ? known.en : known.zh, kind: exp.kind, expected },
          ...base(),
          expected,
          actual: type,
        });
      }
    }
    return out;
  },
});
