import { toA1 } from '../snapshot/a1';
import { defineRule, type RawFinding } from './types';
import { describeCandidates } from '../schools/match';
import { nameIssues, occupied, place, rowMatches, townNotedWithCode } from '../schools/support';

type Id = 'fillable' | 'ambiguous' | 'notInRegistry' | 'noRegistry' | 'errorValue';

/** A school row has no school code. */
export default defineRule<Id>({
  meta: {
    id: 'school-code-missing',
    name: { zh: '缺少学校代码', en: 'School code missing' },
    group: 'school',
    defaultSeverity: 'error',
    fixable: true,
    description: { zh: '学校缺少学校代码', en: 'A school row has no school code' },
    messages: {
      fillable: {
        zh: '{school} 缺少学校代码；学校名册中唯一对应“{registryName}”，代码 {code}，可自动填入',
        en: '{school} has no school code; the registry has exactly one match, "{registryName}", code {code}, which can be filled in',
      },
      ambiguous: {
        zh: '{school} 缺少学校代码；学校名册中有多个同名学校（{candidates}），无法确定，请手工填写{nameNote}',
        en: '{school} has no school code; the registry has several matches ({candidates}), so none is filled in: enter it by hand{nameNote}',
      },
      notInRegistry: {
        zh: '{school} 缺少学校代码；学校名册中没有这所学校{near}{nameNote}',
        en: '{school} has no school code; the registry has no such school{near}{nameNote}',
      },
      noRegistry: {
        zh: '{school} 缺少学校代码（工作簿中没有学校名册，无法自动填入）{nameNote}',
        en: '{school} has no school code (the workbook has no school registry to fill it from){nameNote}',
      },
      errorValue: {
        zh: '{school} 的学校代码是错误值 {actual}（多为查找公式未找到）{hint}',
        en: '{school}: the school code is the error value {actual} (usually a lookup formula that found nothing){hint}',
      },
    },
  },
  check(document, context) {
    const out: RawFinding<Id>[] = [];
    const zh = context.lang !== 'en';
    for (const table of document.tables) {
      const matches = rowMatches(document, table);
      const issues = nameIssues(document, table);
      table.rows.forEach((row, i) => {
        if (row.code.digits !== '' || row.code.uncalculated) return; // a formula without a value: formula-uncalculated
        const who = place(document, table, row);
        const school = row.name.text;
        if (school === '' && row.code.error === undefined) return; // an empty line, not a school
        const m = matches[i]!;
        const ref = row.code.ref;
        const column = table.headers[table.columns.code];
        const base = { ref, ...who, ...(column !== undefined && { column }) };
        const fixOf = (code: string) => ({
          sheet: ref.sheet,
          cell: toA1(ref.row, ref.col),
          value: code,
          kind: 'text' as const,
          ...(row.code.error !== undefined || row.code.raw.trim() !== '' || occupied(document, ref) ? { overwrite: true } : {}),
        });
        const unique = m.kind === 'match' && m.entry.code !== '' ? m.entry : undefined;
        // its name lacks the 乡 too: said here, once (school-name-format leaves this row to this rule)
        const nameNote = townNotedWithCode(row, m, issues[i] ?? null)
          ? zh
            ? '；校名也缺少乡镇（街道），不是“市+县+乡+校名”格式，核对时请一并补全'
            : '; its name also lacks the 乡镇 (town), so it is not in 市+县+乡+校名 form: complete it when checking'
          : '';
        if (row.code.error !== undefined) {
          const hint = unique
            ? zh
              ? `；学校名册中唯一对应代码 ${unique.code}`
              : `; the registry's only match has code ${unique.code}`
            : '';
          out.push({
            messageId: 'errorValue',
            data: { school, actual: row.code.error, hint },
            ...base,
            actual: row.code.error,
            ...(unique && { expected: unique.code, fix: fixOf(unique.code), related: [unique.ref] }),
          });
          return;
        }
        if (unique) {
          out.push({
            messageId: 'fillable',
            data: { school, registryName: unique.name, code: unique.code },
            ...base,
            expected: unique.code,
            actual: row.code.raw.trim(),
            fix: fixOf(unique.code),
            related: [unique.ref],
          });
        } else if (m.kind === 'ambiguous') {
          out.push({
            messageId: 'ambiguous',
            data: { school, candidates: describeCandidates(m.candidates, context.lang), nameNote },
            ...base,
            related: m.candidates.map((e) => e.ref),
          });
        } else if (m.kind === 'no-registry') {
          out.push({ messageId: 'noRegistry', data: { school, nameNote }, ...base });
        } else {
          const near =
            m.kind === 'none' && m.near.length > 0
              ? zh
                ? `（相近的有：${describeCandidates(m.near, 'zh')}，名称不完全一致，未自动填入）`
                : ` (near names: ${describeCandidates(m.near, 'en')}; not the same name, so nothing is filled in)`
              : m.kind === 'match'
                ? zh
                  ? '的代码（名册中该校代码为空）'
                  : "'s code (its registry entry has no code)"
                : '';
          out.push({ messageId: 'notInRegistry', data: { school, near, nameNote }, ...base });
        }
      });
    }
    return out;
  },
});
