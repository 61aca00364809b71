/**
 * Heading levels (SPEC §2 "Texts nest"). The reader finds a project's section headings as a flat
 * list (read.ts); this module gives each its level and folds sub-headings into their section:
 *
 * - A heading's level follows its numbering style, in the order 第一部分 > 一、 > （一） > 1./1、 > （1）.
 *   A lower style under a heading is a sub-heading of it only when its numbering starts again
 *   under it (`（一）`, then `（二）`…, counting the numbered lines of the same style in between,
 *   which may be ordinary items). Otherwise it is a heading of the same level written in another
 *   style (`四、` then `5.`), which heading-numbering reports as mixed styles.
 * - Unnumbered section headings stand at the top level; a numbered section heading is never a
 *   sub-heading of an unnumbered one.
 * - A sub-heading that names the same section as a heading it stands under (`（一）项目概况`
 *   under `一、项目基本情况`) continues that section: its text and tables are the section's, and
 *   it is kept only in the outline. A sub-heading that names another standard section
 *   (`（二）资金及项目绩效目标`) is that section, at its own level, with `parent` pointing at the
 *   section it stands in.
 * - Lines that read like headings but name no standard section (labels.ts `headingLike`) take
 *   their place in the outline the same way (so numbering counts them), and stay text of their
 *   section.
 */
import type { Numbering, NumberingStyle, OutlineHeading, Paragraph } from '../model';
import { headingLike, splitNumberingAsWritten } from './labels';
import type { MutableProject, MutableSection } from './read';

const RANK: Partial<Record<NumberingStyle, number>> = {
  'cn-part': -1,
  roman: 0,
  'cn-dun': 0,
  'cn-paren': 1,
  'arabic-dot': 2,
  'arabic-dun': 2,
  // `1 项目基本信息` (a number and a space, read only where labels.ts `matchBareNumberedHeading` allows it)
  'arabic-space': 2,
  // `1.1` under `1.`/`一、`: a level below them, above `（1）`
  decimal: 2.5,
  'arabic-paren': 3,
  circled: 4,
};

export function rankOf(style: NumberingStyle): number | null {
  return RANK[style] ?? null;
}

/** One line of the project in reading order: a section heading, or a text line that reads like a heading. */
type Event =
  | { readonly kind: 'section'; readonly section: MutableSection }
  | {
      readonly kind: 'line';
      readonly text: string;
      readonly label: string;
      readonly numbering: Numbering;
      readonly ref: Paragraph['ref'];
      /** A numbered sentence that names no section (OutlineHeading.item). */
      readonly item?: true;
      /** An item inside a section: counted only beside a heading of its own style (see `place`). */
      readonly inner?: true;
    };

interface Open {
  /** Index in the outline. */
  readonly node: number;
  readonly rank: number | null;
  readonly level: number;
  /** The section this heading starts or continues (null: a line naming no section). */
  readonly section: MutableSection | null;
  /** Numbers of the lines of each rank seen directly under this heading, in order. */
  readonly children: Map<number, number>;
}

function lineEvent(p: Paragraph): Event | null {
  const h = headingLike(p.text);
  if (!h) return null;
  const raw = p.text.trim();
  // the numbering as written: the characters whose NFKC form makes up the normalised number
  let end = 0;
  for (let n = 0; end < raw.length && n < h.numberLength; end++) n += raw[end]!.normalize('NFKC').length;
  return {
    kind: 'line',
    text: raw,
    label: h.label,
    numbering: { style: h.style, value: h.value, raw: raw.slice(0, end).trim() },
    ref: p.ref,
  };
}

/**
 * A numbered line before the first section that does not read like a heading (a 批复's `一、为切实改善办学条件，…。`,
 * `二、建设地点：龙山镇中心学校校园内。`, 龙陵, real text): the parts `三、建设规模及内容` … that follow are numbered after
 * it, so it counts for their numbering, as an item, not a heading.
 */
function itemEvent(p: Paragraph, inner = false, bare = false): Event | null {
  const raw = p.text.trim();
  const b = bare ? BARE_ITEM_RE.exec(raw) : null;
  // a project whose headings are numbered `3 建设规模及内容` counts its `1 为切实改善办学条件，…` lines the same way
  const n = b
    ? { style: 'arabic-space' as const, value: Number(b[1]!.normalize('NFKC')), length: b[0].length }
    : splitNumberingAsWritten(raw);
  if (n.style === 'none' || n.value === null || rankOf(n.style) === null || n.length >= raw.length) return null;
  let end = 0;
  for (let k = 0; end < raw.length && k < n.length; end++) k += raw[end]!.normalize('NFKC').length;
  const numbering = { style: n.style, value: n.value, raw: raw.slice(0, end).trim() };
  return {
    kind: 'line',
    text: raw,
    label: raw.slice(end).trim(),
    numbering,
    ref: p.ref,
    item: true,
    ...(inner && { inner: true as const }),
  };
}

/** A line numbered by a bare number and a space (`1 为切实改善办学条件，…`): counted only where the headings are so numbered. */
const BARE_ITEM_RE = /^([0-9０-９]{1,2})[ \u3000]+(?=[^\s0-9０-９.．,，%])/u;

/** The project's lines that matter for the outline, in reading order. */
function eventsOf(project: MutableProject): Event[] {
  const out: Event[] = [];
  const bare = project.sections.some((s) => s.numbering.style === 'arabic-space');
  for (const p of project.lead ?? []) {
    const e = lineEvent(p) ?? itemEvent(p, false, bare);
    if (e) out.push(e);
  }
  for (const s of project.sections) {
    out.push({ kind: 'section', section: s });
    const lines: { p: Paragraph; order: number }[] = [];
    s.paragraphs.forEach((p, order) => lines.push({ p, order }));
    // a form's label column: the first cell of each row of a side-by-side table under the heading, in
    // the table's first column (`市本级 | 1800` indented under `一般公共预算拨款 | 小计 | 1800` is a cell of it)
    const labels = new Set<Paragraph>();
    for (const t of s.otherTables) {
      let labelCol = Infinity;
      for (const row of t.rows) if (row[0] && row[0].ref.col < labelCol) labelCol = row[0].ref.col;
      t.rows.forEach((row, order) => {
        const first = row[0];
        if (!first) return;
        lines.push({ p: first, order: s.paragraphs.length + order });
        if (first.ref.col !== labelCol) return;
        if (row.length === 2 || (row.length > 2 && row.slice(1).every((c) => c.ref.col === row[1]!.ref.col))) labels.add(first);
      });
    }
    lines.sort((a, b) => a.p.ref.row - b.p.ref.row || a.p.ref.col - b.p.ref.col || a.p.offset - b.p.offset || a.order - b.order);
    for (const { p } of lines) {
      // the heading's own content after its colon is not a line of its own
      if (
        p.ref.row === s.headingRef.row &&
        p.ref.col === s.headingRef.col &&
        p.offset > s.headingOffset &&
        p.offset <= s.headingOffset + s.headingText.length
      )
        continue;
      const e = lineEvent(p) ?? (labels.has(p) ? formLabelEvent(p) : itemEvent(p, true, bare));
      if (e) out.push(e);
    }
  }
  return out;
}

/** A form's own label (`资金总额及构成` in column A, its content beside it): short words, nothing else. */
function formLabelEvent(p: Paragraph): Event | null {
  const label = p.text.trim().replace(/[:：]$/u, '');
  if (label.length < 2 || label.length > 12 || /[\s\d,.;:!?，。；：！？、()（）]/u.test(label)) return null;
  return { kind: 'line', text: label, label, numbering: { style: 'none', value: null, raw: '' }, ref: p.ref };
}

function numberingOf(e: Event): Numbering {
  return e.kind === 'section' ? e.section.numbering : e.numbering;
}

export interface OutlineResult {
  /** Sub-headings folded into a section above them: folded → the section that now holds their text. */
  readonly folded: ReadonlyMap<MutableSection, MutableSection>;
}

/**
 * Gives the project's sections their levels, folds same-section sub-headings into their section
 * and builds the outline, in place (see the module comment).
 */
export function buildOutline(project: MutableProject): OutlineResult {
  const outline: OutlineHeading[] = [];
  /** Per outline entry: the section it starts or continues. */
  const targets: (MutableSection | null)[] = [];
  const folded = new Map<MutableSection, MutableSection>();
  const stack: Open[] = [];
  const kept: MutableSection[] = [];

  const place = (e: Event): { level: number; parent: Open | undefined; open: boolean } | null => {
    const rank = rankOf(numberingOf(e).style);
    const value = numberingOf(e).value;
    if (e.kind === 'line' && e.inner === true) {
      // a numbered sentence inside a section (永康's 批复: `三、项目建设规模：…` and `四、项目估算总投资…。` under
      // `二、项目建设内容`, then `五、项目建设周期`): counted beside the headings of its own style, closing nothing
      // (a sub-heading after it still stands under the section); of another style it is plain text
      const k = stack.findLastIndex((o) => o.rank === rank);
      if (rank === null || k < 0 || stack.slice(k + 1).some((o) => o.rank === null || o.rank < rank)) return null;
      return { level: stack[k]!.level, parent: stack[k - 1], open: false };
    }
    if (rank === null && e.kind === 'line') {
      // a form's label: beside the headings of the current level, opening nothing
      const top = stack[stack.length - 1];
      return { level: top?.level ?? 0, parent: top ? stack[stack.length - 2] : undefined, open: false };
    }
    if (rank === null) {
      // unnumbered: a section heading at the top level (lines without a number never get here)
      stack.length = 0;
      return { level: 0, parent: undefined, open: true };
    }
    while (stack.length > 0) {
      const top = stack[stack.length - 1]!;
      if (top.rank !== null && top.rank > rank) stack.pop();
      else break;
    }
    const top = stack[stack.length - 1];
    if (top === undefined) return { level: 0, parent: undefined, open: true };
    if (top.rank === rank) {
      stack.pop();
      return { level: top.level, parent: stack[stack.length - 1], open: true };
    }
    // a lower style under `top`: a sub-heading when its numbering starts again under it
    const seen = top.children.get(rank) ?? 0;
    const continues = value === seen + 1;
    const underUnnumberedSection = top.rank === null && e.kind === 'section';
    if (continues && !underUnnumberedSection) return { level: top.level + 1, parent: top, open: true };
    if (e.kind === 'line') return null; // an item numbered out of sequence: plain text
    // the same level written in another style (`四、` then `5.`)
    stack.pop();
    return { level: top.level, parent: stack[stack.length - 1], open: true };
  };

  for (const e of eventsOf(project)) {
    const placed = place(e);
    if (!placed) continue;
    const { level, parent, open } = placed;
    const rank = rankOf(numberingOf(e).style);
    if (parent && rank !== null) parent.children.set(rank, (parent.children.get(rank) ?? 0) + 1);
    let section: MutableSection | null = null;
    if (e.kind === 'section') {
      const s = e.section;
      // a sub-heading naming the section of a heading it stands under continues that section
      const host = level > 0 ? stack.find((o) => o.section !== null && o.section.key === s.key)?.section : undefined;
      if (host) {
        folded.set(s, host);
        host.paragraphs.push(...s.paragraphs);
        host.tables.push(...s.tables);
        host.otherTables.push(...s.otherTables);
        section = host;
      } else {
        s.level = level;
        const above = [...stack].reverse().find((o) => o.section !== null)?.section ?? undefined;
        s.parentSection = level > 0 ? above : undefined;
        kept.push(s);
        section = s;
      }
    }
    const node = outline.length;
    outline.push({
      text: e.kind === 'section' ? e.section.headingText.trim() : e.text,
      label: e.kind === 'section' ? e.section.label : e.label,
      ref: e.kind === 'section' ? e.section.headingRef : e.ref,
      numbering: numberingOf(e),
      level,
      parent: parent?.node ?? -1,
      ...(e.kind === 'line' && e.item === true && { item: true as const }),
    });
    targets.push(section);
    if (open) stack.push({ node, rank, level, section, children: new Map() });
  }

  project.sections = kept;
  // built member by member (a rest/spread copy per heading takes V8's slow path)
  project.outline = outline.map((h, k) => {
    const target = targets[k];
    if (!target) return h;
    return {
      text: h.text,
      label: h.label,
      ref: h.ref,
      numbering: h.numbering,
      level: h.level,
      parent: h.parent,
      section: kept.indexOf(target),
    };
  });
  return { folded };
}

/**
 * The headings of a project that name no standard section and stand where sections stand: at a
 * level that holds a section heading. Items inside a section (`（一）领导小组工作职责` under a
 * project whose sections are all `一、`) are left out. At most `max`.
 */
export function unrecognisedHeadings(outline: readonly OutlineHeading[], max = 8): OutlineHeading[] {
  const levels = new Set(outline.filter((h) => h.section !== undefined).map((h) => h.level));
  return outline.filter((h) => h.section === undefined && h.item !== true && levels.has(h.level)).slice(0, max);
}
