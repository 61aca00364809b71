import {
  SECTION_KEYS,
  SECTION_NAMES,
  type CellRef,
  type DisclosureDocument,
  type OutlineHeading,
  type Project,
  type SectionKey,
} from '../model';
import { detectHeadingStyle, headingInStyle, type HeadingStyle } from '../schools/heading-style';
import { unrecognisedHeadings } from '../disclosure/outline';
import { EIGHT_SECTION_FORM_AT_LEAST } from '../disclosure/infer';
import { formatChineseNumeral } from '../text/numerals';
import { toA1 } from '../snapshot/a1';
import { defineRule, type Fix, type HeadingMapOffer, type Lang, type RawFinding } from './types';

type MessageId = 'missing' | 'missingUnrecognised' | 'notStandard' | 'notStandardUnrecognised' | 'none' | 'inferred';

/** When at most this many of the eight are found, the project is not in the eight-section form: one finding. */
const NOT_STANDARD_AT_MOST = EIGHT_SECTION_FORM_AT_LEAST - 1;
/** With at most this many found, gaps in three places or more mean another genre (a form): one finding too. */
const SCATTERED_AT_MOST = 4;

/** How many places the missing sections fall at (each before the next section present, or at the end). */
function placesOfMissing(p: Project, missing: readonly SectionKey[]): number {
  const places = new Set<number>();
  for (const key of missing) {
    const i = SECTION_KEYS.indexOf(key);
    places.add(p.sections.findIndex((s) => SECTION_KEYS.indexOf(s.key) > i));
  }
  return places.size;
}

/** Headings named in a message (all of them go into the offer). */
const LISTED = 5;

function numbered(key: SectionKey): string {
  return `${formatChineseNumeral(SECTION_KEYS.indexOf(key) + 1)}、${SECTION_NAMES[key].zh}`;
}

function quoteList(items: readonly string[], lang: Lang): string {
  return lang === 'zh' ? items.map((x) => `“${x}”`).join('、') : items.map((x) => `"${x}"`).join(', ');
}

function headingList(headings: readonly OutlineHeading[], lang: Lang): string {
  const shown = quoteList(
    headings.slice(0, LISTED).map((h) => h.text),
    lang,
  );
  const more = headings.length - LISTED;
  if (more <= 0) return shown;
  return lang === 'zh' ? `${shown}等${headings.length}个` : `${shown} and ${more} more`;
}

function offerOf(headings: readonly OutlineHeading[], sections: readonly SectionKey[]): HeadingMapOffer | undefined {
  if (headings.length === 0) return undefined;
  return {
    headings: headings.map((h) => ({ text: h.text, label: h.label, sheet: h.ref.sheet, cell: toA1(h.ref.row, h.ref.col) })),
    sections,
  };
}

/** Why no insert is offered for a missing section (the finding's `data.noInsert`). */
export type NoInsertReason =
  /** 项目名称 or 项目实施成效: one neighbour in the standard order does not exist. */
  | 'at-end'
  /** Several sections missing at one place: the neighbour in the standard order is missing too. */
  | 'several'
  /** A neighbour is missing, or written twice. */
  | 'neighbour'
  /** The neighbours are not next to each other (another heading, a sub-heading or a wrong order between). */
  | 'not-adjacent'
  /** The neighbours' headings are in different sheets or columns. */
  | 'not-aligned'
  /** The heading would fall inside a merged area. */
  | 'merged';

/**
 * The insert fix for one missing section, when its place is certain: the sections before and after
 * it in the standard order are both present (once each, at the project's top level), adjacent (no
 * other heading of the project between them) and their headings in one column of one sheet. The
 * row is inserted at the following heading's row; the heading is numbered one after the previous
 * heading (the standard number when that one has none), in the project's own numbering when its
 * two neighbours agree, else in the workbook's (detectHeadingStyle, as 新建项目表), under the workbook's name for
 * the section.
 */
function insertFix(
  document: DisclosureDocument,
  p: Project,
  key: SectionKey,
  style: () => HeadingStyle,
): { fix: Fix } | { why: NoInsertReason } {
  const i = SECTION_KEYS.indexOf(key);
  if (i === 0 || i === SECTION_KEYS.length - 1) return { why: 'at-end' };
  const beforeKey = SECTION_KEYS[i - 1]!;
  const afterKey = SECTION_KEYS[i + 1]!;
  const present = new Set(p.sections.map((s) => s.key));
  if (!present.has(beforeKey) || !present.has(afterKey)) {
    return { why: present.has(beforeKey) || present.has(afterKey) ? 'several' : 'neighbour' };
  }
  const before = p.sections.filter((s) => s.key === beforeKey);
  const after = p.sections.filter((s) => s.key === afterKey);
  if (before.length !== 1 || after.length !== 1) return { why: 'neighbour' };
  const prev = before[0]!;
  const next = after[0]!;
  if ((prev.level ?? 0) !== 0 || (next.level ?? 0) !== 0) return { why: 'neighbour' };
  const a = prev.headingRef;
  const b = next.headingRef;
  if (a.sheet !== b.sheet || a.col !== b.col) return { why: 'not-aligned' };
  if (b.row <= a.row) return { why: 'not-adjacent' };
  // no other heading of the project (a sub-heading, one that names no section) between them
  const between = (p.outline ?? []).some((h) => h.ref.sheet === a.sheet && h.ref.row > a.row && h.ref.row < b.row);
  const sectionBetween = p.sections.some((s) => s.headingRef.sheet === a.sheet && s.headingRef.row > a.row && s.headingRef.row < b.row);
  if (between || sectionBetween) return { why: 'not-adjacent' };
  const sheet = document.snapshot.sheets.find((s) => s.name === b.sheet);
  if (sheet?.merges.some((m) => m.top < b.row && m.bottom >= b.row && m.left <= b.col && m.right >= b.col)) return { why: 'merged' };
  const workbook = style();
  const major = /^\s*(\d+)\s*[.．]\d/u.exec(prev.numbering.raw.normalize('NFKC'))?.[1];
  const local: HeadingStyle =
    prev.numbering.style === next.numbering.style
      ? {
          ...workbook,
          numbering: prev.numbering.style,
          fullWidthParens: !prev.numbering.raw.includes('('),
          ...(major !== undefined && { major: Number(major) }),
        }
      : workbook;
  const n = prev.numbering.value !== null ? prev.numbering.value + 1 : i + 1;
  const value = headingInStyle(local, n, workbook.labels[key]);
  return { fix: { sheet: b.sheet, cell: toA1(b.row, b.col), value, kind: 'text', insert: 'row' } };
}

/** The sections found, in standard order: `“基本情况”（项目基本概况）` where the label is not the standard name. */
function recognisedList(p: Project, lang: Lang): string {
  const first = new Map<SectionKey, string>();
  for (const s of p.sections) if (!first.has(s.key)) first.set(s.key, s.label);
  return SECTION_KEYS.filter((k) => first.has(k))
    .map((k) => {
      const label = first.get(k)!;
      const standard = SECTION_NAMES[k].zh;
      if (label.replace(/\s+/g, '') === standard) return lang === 'zh' ? `“${label}”` : `"${label}"`;
      return lang === 'zh' ? `“${label}”（${standard}）` : `"${label}" (${standard})`;
    })
    .join(lang === 'zh' ? '、' : ', ');
}

/**
 * A standard section is missing from a project.
 * - Each missing section is reported at the heading it should stand before (the next standard
 *   section present), else at the last heading; sections missing at the same place make one
 *   finding, so findings of a project come in the standard section order.
 * - When at most three of the eight are found, or four with the others missing in three places or
 *   more (a 绩效目标表's rows), the project is not in the eight-section form: one finding at the
 *   project says so and lists what was recognised and what is missing.
 * - When the project has headings that name no standard section, the finding names them and
 *   offers (as data, `mapHeading`) to map one to a missing section.
 * - A project with no section at all: one finding at its title.
 */
export default defineRule<MessageId>({
  meta: {
    id: 'section-missing',
    name: { zh: '缺少部分', en: 'Section missing' },
    group: 'structure',
    defaultSeverity: 'error',
    fixable: true,
    description: { zh: '项目缺少标准部分', en: 'A standard section is missing from a project' },
    messages: {
      missing: {
        zh: '缺少{expected}部分',
        en: 'Section {expected} is missing',
      },
      missingUnrecognised: {
        zh: '缺少{expected}部分；本项目有未识别的标题：{headings}',
        en: 'Section {expected} is missing; this project has headings that name no standard section: {headings}',
      },
      notStandard: {
        zh: '{project}不是标准的八部分格式：只识别出{count}个标准部分（{recognised}），缺少{missing}',
        en: '{project} is not in the standard eight-section form: only {count} standard sections recognised ({recognised}); missing {missing}',
      },
      notStandardUnrecognised: {
        zh: '{project}不是标准的八部分格式：只识别出{count}个标准部分（{recognised}），缺少{missing}；未识别的标题：{headings}',
        en: '{project} is not in the standard eight-section form: only {count} standard sections recognised ({recognised}); missing {missing}; headings that name no standard section: {headings}',
      },
      none: {
        zh: '{project}没有任何标准部分（项目名称、立项依据……项目实施成效）',
        en: '{project} has none of the standard sections (项目名称 … 项目实施成效)',
      },
      inferred: {
        zh: '标题“{heading}”不是标准名称，已按其位置和用词作为“{standard}”检查；如不对，请用“对应标题”（命令行：--config 的 sectionAliases）把它对应到正确的部分',
        en: 'The heading "{heading}" is not a standard name; it was checked as "{standard}" from its place and words. If that is wrong, map it to the right section with 对应标题 (CLI: sectionAliases in --config)',
      },
    },
  },
  check(document, context) {
    const lang = context.lang;
    const out: RawFinding<MessageId>[] = [];
    let style: HeadingStyle | undefined;
    const styleOf = (): HeadingStyle => (style ??= detectHeadingStyle(document));
    for (const p of document.projects) {
      // a heading of the bureau's own read as a section (disclosure/infer.ts): said, as a 提示, with the offer to
      // map it (to that section, which stores the mapping, or to another missing one)
      const present = new Set(p.sections.map((s) => s.key));
      for (const s of p.sections) {
        if (s.inferredFrom === undefined) continue;
        const offer: HeadingMapOffer = {
          headings: [{ text: s.headingText, label: s.label, sheet: s.headingRef.sheet, cell: toA1(s.headingRef.row, s.headingRef.col) }],
          sections: [s.key, ...SECTION_KEYS.filter((k) => !present.has(k))],
        };
        out.push({
          messageId: 'inferred',
          data: { heading: s.inferredFrom, standard: SECTION_NAMES[s.key].zh },
          ref: s.headingRef,
          project: p.label,
          advice: true,
          actual: s.inferredFrom,
          expected: SECTION_NAMES[s.key].zh,
          mapHeading: offer,
        });
      }
      const unknown = unrecognisedHeadings(p.outline ?? [], 8);
      if (p.sections.length === 0) {
        out.push({ messageId: 'none', data: { project: p.label }, ref: p.ref, project: p.label });
        continue;
      }
      const missing = SECTION_KEYS.filter((k) => !present.has(k));
      if (missing.length === 0) continue;
      // half of the eight or fewer, missing in three places or more (a 绩效目标表: 项目名称, 实施单位, 项目资金, 绩效目标 —
      // 银川, real text): another genre, one finding naming what is missing, as for three or fewer
      if (present.size <= NOT_STANDARD_AT_MOST || (present.size <= SCATTERED_AT_MOST && placesOfMissing(p, missing) >= 3)) {
        const offer = offerOf(unknown, missing);
        out.push({
          messageId: unknown.length > 0 ? 'notStandardUnrecognised' : 'notStandard',
          data: {
            project: p.label,
            count: present.size,
            recognised: recognisedList(p, lang),
            missing: missing.map((k) => SECTION_NAMES[k].zh).join(lang === 'zh' ? '、' : ', '),
            headings: headingList(unknown, lang),
          },
          ref: p.ref,
          project: p.label,
          expected: missing.map(numbered).join('；'),
          ...(offer !== undefined && { mapHeading: offer }),
        });
        continue;
      }
      // each missing section at the heading it should stand before; several at one place: one finding
      const groups: { ref: CellRef; keys: SectionKey[] }[] = [];
      for (const key of missing) {
        const i = SECTION_KEYS.indexOf(key);
        const next = p.sections.find((s) => SECTION_KEYS.indexOf(s.key) > i);
        const ref = next?.headingRef ?? p.sections[p.sections.length - 1]!.headingRef;
        const last = groups[groups.length - 1];
        if (last?.ref === ref) last.keys.push(key);
        else groups.push({ ref, keys: [key] });
      }
      for (const g of groups) {
        const offer = offerOf(unknown, g.keys);
        const insert = g.keys.length === 1 ? insertFix(document, p, g.keys[0]!, styleOf) : { why: 'several' as const };
        out.push({
          messageId: unknown.length > 0 ? 'missingUnrecognised' : 'missing',
          data: {
            expected: quoteList(g.keys.map(numbered), lang),
            headings: headingList(unknown, lang),
            ...('why' in insert && { noInsert: insert.why }),
          },
          ref: g.ref,
          project: p.label,
          expected: g.keys.map(numbered).join('；'),
          ...('fix' in insert && { fix: insert.fix }),
          ...(offer !== undefined && { mapHeading: offer }),
        });
      }
    }
    return out;
  },
});
