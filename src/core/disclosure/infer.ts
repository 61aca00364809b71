/**
 * Sections under names of the bureau's own (`四、项目背景`, `五、主要内容`, `六、资金来源及预算`): a heading
 * that names no standard section, standing where sections stand (at a section level of the outline),
 * is read as the missing section that an accountant would take it for:
 *
 * - only a section the project lacks, and only one whose place in the standard order lies between
 *   the recognised sections around the heading (`五、主要内容` between 项目基本概况 and 资金安排情况 can
 *   only be 项目实施内容);
 * - named by its words: the heading's label holds a word of that section and of no other missing
 *   section of that place (`资金来源及预算` → 资金安排情况; `进度安排` → 项目实施计划). Its place and
 *   number alone are not enough: `六、保障措施` where 资金安排情况 is missing is another heading, and
 *   the section stays missing.
 *
 * The section then starts at that heading (its lines and tables move from the section above, where
 * they were read as text), and `inferredFrom` keeps the heading so that section-missing can say, as a
 * 提示, which heading was taken for which section. Anything less certain stays as it was: a heading
 * section-missing names, with its offer to map it.
 */
import { SECTION_KEYS, type CellRef, type OutlineHeading, type Paragraph, type SectionKey } from '../model';
import { unrecognisedHeadings } from './outline';
import type { MutableProject, MutableSection } from './read';

/** Words that name a section, on the label without its number (NFKC). */
const WORDS: Readonly<Record<SectionKey, RegExp>> = {
  name: /名称/u,
  basis: /依据|必要性|立项/u,
  unit: /单位|主体|部门/u,
  overview: /概况|背景|简介|基本情况|概述|概要|现状/u,
  content: /内容|任务|规模/u,
  funding: /资金|经费|预算|投资|费用/u,
  plan: /计划|进度|步骤|时间|周期|期限|安排/u,
  results: /成效|效益|绩效|效果|目标|成果/u,
};

/**
 * A project is in the eight-section form when at least this many of the eight are recognised; with
 * fewer it is a text of another genre (a 绩效目标表, a news report), which section-missing reports as
 * not in the form, and whose other headings are not read as sections.
 */
export const EIGHT_SECTION_FORM_AT_LEAST = 4;

const order = (k: SectionKey): number => SECTION_KEYS.indexOf(k);

function wordsOf(label: string): SectionKey[] {
  return SECTION_KEYS.filter((k) => WORDS[k].test(label));
}

const sameRef = (a: CellRef, b: CellRef): boolean => a.sheet === b.sheet && a.row === b.row && a.col === b.col;

/**
 * Reads the project's unrecognised section-level headings as the missing sections they stand for
 * (see above). `moveTables(from, to, row)` moves to `to` the school tables of `from` that start below
 * `row`. Returns whether any section was added (the outline must then be built again).
 */
export function inferSections(p: MutableProject, moveTables: (from: MutableSection, to: MutableSection, row: number) => void): boolean {
  const unknown = unrecognisedHeadings(p.outline ?? [], Number.MAX_SAFE_INTEGER);
  if (unknown.length === 0 || p.sections.length === 0) return false;
  const present = new Set(p.sections.map((s) => s.key));
  if (present.size === SECTION_KEYS.length || present.size < EIGHT_SECTION_FORM_AT_LEAST) return false;

  // each unknown heading at its place: the section that holds it, as a line of its text or as the
  // first cell of a row of its cells (the label │ content form)
  interface Candidate {
    readonly heading: OutlineHeading;
    readonly host: MutableSection;
    /** The heading's offset in its cell. */
    readonly offset: number;
  }
  const places = new Map<MutableSection, Candidate[]>();
  const isHeading = (x: Paragraph, h: OutlineHeading): boolean => sameRef(x.ref, h.ref) && x.text.trim() === h.text.trim();
  for (const heading of unknown) {
    for (const host of p.sections) {
      const line =
        host.paragraphs.find((x) => isHeading(x, heading)) ??
        host.otherTables.flatMap((t) => t.rows.map((r) => r[0])).find((x) => x !== undefined && isHeading(x, heading));
      if (line === undefined) continue;
      const list = places.get(host);
      const c = { heading, host, offset: line.offset };
      if (list) list.push(c);
      else places.set(host, [c]);
      break;
    }
  }

  const chosen: { candidate: Candidate; key: SectionKey }[] = [];
  for (const [host, candidates] of places) {
    const level = host.level ?? 0;
    const i = p.sections.indexOf(host);
    const next = p.sections.slice(i + 1).find((s) => (s.level ?? 0) <= level);
    const from = order(host.key);
    const to = next ? order(next.key) : SECTION_KEYS.length;
    if (to <= from) continue; // sections out of order around it: no place to read
    const gap = SECTION_KEYS.filter((k) => !present.has(k) && order(k) > from && order(k) < to);
    if (gap.length === 0) continue;
    const taken = new Set<SectionKey>();
    let last = from;
    for (const c of candidates) {
      if (c.heading.level !== level) continue; // a sub-heading of the section it stands in
      const named = wordsOf(c.heading.label).filter((k) => gap.includes(k) && !taken.has(k) && order(k) > last);
      if (named.length !== 1) continue;
      const key = named[0]!;
      taken.add(key);
      last = order(key);
      chosen.push({ candidate: c, key });
    }
  }
  if (chosen.length === 0) return false;

  // split each host at its headings, from the last one up: what stands after a heading is its section's
  const position = (c: Candidate): [number, number, number] => [c.heading.ref.row, c.heading.ref.col, c.offset];
  const before = (a: [number, number, number], b: [number, number, number]): boolean =>
    a[0] !== b[0] ? a[0] < b[0] : a[1] !== b[1] ? a[1] < b[1] : a[2] < b[2];
  chosen.sort((a, b) => (before(position(a.candidate), position(b.candidate)) ? 1 : -1));
  for (const { candidate, key } of chosen) {
    const { host, heading } = candidate;
    const at = position(candidate);
    const sheet = heading.ref.sheet;
    const after = (x: Paragraph): boolean => x.ref.sheet === sheet && before(at, [x.ref.row, x.ref.col, x.offset]);
    // the heading's own row of cells: the cells beside it are its text
    const beside: Paragraph[] = [];
    const tablesKept: MutableSection['otherTables'] = [];
    const tablesMoved: MutableSection['otherTables'] = [];
    for (const t of host.otherTables) {
      const rows = t.rows.filter((r) => r[0] === undefined || !after(r[0]) || r[0].ref.row === heading.ref.row);
      const moved = t.rows.filter((r) => !rows.includes(r));
      const own = rows.find((r) => r[0] !== undefined && isHeading(r[0], heading));
      if (own) beside.push(...own.slice(1));
      const kept = rows.filter((r) => r !== own);
      if (kept.length > 0) tablesKept.push({ ref: kept[0]![0]?.ref ?? t.ref, rows: kept });
      if (moved.length > 0) tablesMoved.push({ ref: moved[0]![0]?.ref ?? t.ref, rows: moved });
    }
    const section: MutableSection = {
      key,
      label: heading.label,
      headingText: heading.text,
      headingRef: heading.ref,
      headingOffset: candidate.offset,
      numbering: heading.numbering,
      paragraphs: [...beside, ...host.paragraphs.filter(after)],
      tables: [],
      otherTables: tablesMoved,
      inferredFrom: heading.text,
    };
    host.paragraphs = host.paragraphs.filter((x) => !after(x) && !isHeading(x, heading));
    host.otherTables = tablesKept;
    moveTables(host, section, heading.ref.row);
    p.sections.splice(p.sections.indexOf(host) + 1, 0, section);
  }
  return true;
}
