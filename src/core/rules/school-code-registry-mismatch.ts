import { defineRule, type RawFinding } from './types';
import { toA1 } from '../snapshot/a1';
import { place, rowMatches } from '../schools/support';

type Id = 'mismatch';

/** The code differs from the registry's code for the school. */
export default defineRule<Id>({
  meta: {
    id: 'school-code-registry-mismatch',
    name: { zh: '学校代码与名册不符', en: 'School code differs from registry' },
    group: 'school',
    defaultSeverity: 'error',
    fixable: false,
    description: { zh: '学校代码与学校名册不一致', en: "The code differs from the registry's code for the school" },
    messages: {
      mismatch: {
        zh: '{school} 的学校代码 {actual} 与学校名册（{where}）中的 {expected} 不一致{other}',
        en: "{school}: code {actual} differs from the registry's {expected} ({where}){other}",
      },
    },
  },
  check(document, context) {
    const out: RawFinding<Id>[] = [];
    if (document.registry.length === 0) return out;
    const zh = context.lang !== 'en';
    const byCode = new Map<string, string>();
    for (const e of document.registry) if (e.code !== '' && !byCode.has(e.code)) byCode.set(e.code, e.name);
    for (const table of document.tables) {
      const matches = rowMatches(document, table);
      const column = table.headers[table.columns.code];
      table.rows.forEach((row, i) => {
        const code = row.code.digits;
        const m = matches[i];
        if (code === '' || m?.kind !== 'match' || m.entry.code === '' || m.entry.code === code) return;
        const entry = m.entry;
        const where = `${entry.source === 'workbook' ? '' : `${entry.source} `}${entry.ref.sheet}!${toA1(entry.ref.row, entry.ref.col)}`;
        const owner = byCode.get(code);
        const other =
          owner !== undefined ? (zh ? `；名册中 ${code} 是“${owner}”的代码` : `; in the registry ${code} belongs to "${owner}"`) : '';
        out.push({
          messageId: 'mismatch',
          data: { school: row.name.text, actual: code, expected: entry.code, where, other },
          ref: row.code.ref,
          ...place(document, table, row),
          ...(column !== undefined && { column }),
          expected: entry.code,
          actual: code,
          related: [entry.ref],
        });
      });
    }
    return out;
  },
});
