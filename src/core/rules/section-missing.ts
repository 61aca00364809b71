import { SECTION_KEYS, SECTION_NAMES, type CellRef, type OutlineHeading, type Project, type SectionKey } from '../model';
import { unrecognisedHeadings } from '../disclosure/outline';
import { formatChineseNumeral } from '../text/numerals';
import { toA1 } from '../snapshot/a1';
import { defineRule, type HeadingMapOffer, type Lang, type RawFinding } from './types';

type MessageId = 'missing' | 'missingUnrecognised' | 'notStandard' | 'notStandardUnrecognised' | 'none';

/** When at most this many of the eight are found, the project is not in the eight-section form: one finding. */
const NOT_STANDARD_AT_MOST = 3;
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
 * - When at most three of the eight are found, the project is not in the eight-section form:
 *   one finding at the project says so and lists what was recognised.
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
    fixable: false,
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
    },
  },
  check(document, context) {
    const lang = context.lang;
    const out: RawFinding<MessageId>[] = [];
    for (const p of document.projects) {
      const unknown = unrecognisedHeadings(p.outline ?? [], 8);
      if (p.sections.length === 0) {
        out.push({ messageId: 'none', data: { project: p.label }, ref: p.ref, project: p.label });
        continue;
      }
      const present = new Set(p.sections.map((s) => s.key));
      const missing = SECTION_KEYS.filter((k) => !present.has(k));
      if (missing.length === 0) continue;
      if (present.size <= NOT_STANDARD_AT_MOST) {
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
        out.push({
          messageId: unknown.length > 0 ? 'missingUnrecognised' : 'missing',
          data: { expected: quoteList(g.keys.map(numbered), lang), headings: headingList(unknown, lang) },
          ref: g.ref,
          project: p.label,
          expected: g.keys.map(numbered).join('；'),
          ...(offer !== undefined && { mapHeading: offer }),
        });
      }
    }
    return out;
  },
});
