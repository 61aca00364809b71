/**
 * After a sheet's lines are read (read.ts), decides which of the projects found are real:
 *
 * - an untitled project (headings before any 项目N title) is dropped when it is not one: fewer
 *   than three different sections, or a sheet of instructions (填报说明, 目录, 封面… or
 *   `6.资金安排情况：填写…` lines);
 * - a project is split where the section sequence restarts (a second 项目名称 heading after a
 *   full set of sections): projects titled by their name only (`二、xxx项目` then （一）项目名称…).
 *   The new project's title is the nearest line before that heading (numbered one level up from
 *   the headings, or a short unnumbered line);
 * - an untitled project takes its title from the line just before its first heading when that line
 *   is numbered one level up (`一、xxx项目` above `（一）项目名称`);
 * - titles with nothing under them, several in consecutive rows (a 目录 listing 项目一 …, 项目二 …),
 *   or on a sheet named/headed 目录 or 封面, are a table of contents, not projects.
 */
import type { CellRef, Numbering } from '../model';
import { nfkc } from './fast-text';
import { splitNumberingAsWritten } from './labels';
import { rankOf } from './outline';
import type { MutableProject, MutableSection } from './read';

type TableSections = [number, { project: MutableProject; section: MutableSection } | null][];

/**
 * Sheet names / first lines of sheets that hold instructions, not a project. `说明` only at the start
 * or as 填报说明-like words: `项目说明` and `情况说明` are project texts.
 */
const NOT_A_PROJECT_SHEET = /^说明|(?:填报|填表|编制|使用|操作|填写)说明|注意事项|须知|目录|封面|指引|填报要求|填表要求|编制要求/u;
/** Instruction wording in a section's text (`填写项目全称`). */
const INSTRUCTION = /填写|填报|简述|列明|写明|注明|^(?:应当?|须|需|请|按时间)/u;

/** A numbering's level: the outline's rank (第一部分 above 一、/Ⅰ、 above （一） above 1. above (1) above ①). */
const LEVEL = (style: Numbering['style']): number | undefined => rankOf(style) ?? undefined;

function levelOf(text: string): { level: number | undefined; length: number } {
  const n = splitNumberingAsWritten(text);
  return { level: LEVEL(n.style), length: n.length };
}

/** A line that can be a project title: short, no sentence punctuation. */
function titleLike(text: string): boolean {
  const t = text.trim();
  return t.length >= 2 && t.length <= 60 && !/[。；;，,：:！？]/u.test(t);
}

/**
 * Whether `text` titles a project whose first heading is `heading`: numbered one level up
 * (`一、` over `（一）`), or, when `loose`, any short unnumbered line.
 */
function titles(text: string, heading: MutableSection, loose: boolean): boolean {
  if (!titleLike(text)) return false;
  const t = levelOf(text);
  const h = LEVEL(heading.numbering.style);
  if (t.level !== undefined) return h !== undefined && t.level < h;
  return loose;
}

function labelFrom(text: string): string {
  const t = text.trim();
  const { length } = levelOf(t);
  const bare = nfkc(t).slice(length).trim();
  return bare === '' ? t : bare;
}

function keys(sections: readonly MutableSection[]): Set<string> {
  return new Set(sections.map((s) => s.key));
}

function isInstructions(sheetName: string, firstLine: string | undefined, o: MutableProject): boolean {
  if (
    NOT_A_PROJECT_SHEET.test(sheetName.trim()) ||
    (firstLine !== undefined && firstLine.trim().length <= 12 && NOT_A_PROJECT_SHEET.test(firstLine))
  )
    return true;
  const withText = o.sections.map((s) => s.paragraphs[0]?.text.trim() ?? '').filter((x) => x !== '');
  return withText.length >= 3 && withText.every((x) => x.length <= 80 && INSTRUCTION.test(x));
}

export interface SheetParts {
  readonly sheetName: string;
  readonly projects: MutableProject[];
  readonly preamble: { text: string; ref: CellRef }[];
  readonly tableSections: TableSections;
  /** The untitled project (headings before any title), if any. */
  readonly orphan: MutableProject | null;
  /** Whether the orphan's title came from the sheet name (`项目四`). */
  readonly orphanNamed: boolean;
  /** The sheet's first text line. */
  readonly firstLine: string | undefined;
}

/** A project found and then dropped, and why (the sheet's reason when it gives no project). */
export interface SheetDrop {
  readonly reason: 'instructions' | 'few-sections' | 'contents';
  readonly project: MutableProject;
}

function drop(parts: SheetParts, p: MutableProject, reason: SheetDrop['reason'], drops: SheetDrop[]): void {
  const at = parts.projects.indexOf(p);
  if (at >= 0) parts.projects.splice(at, 1);
  for (const entry of parts.tableSections) if (entry[1]?.project === p) entry[1] = null;
  drops.push({ reason, project: p });
}

/** Applies the decisions in the module comment to one sheet's projects, in place; returns what it dropped. */
export function settleSheet(parts: SheetParts): SheetDrop[] {
  const { projects, preamble, orphan } = parts;
  const drops: SheetDrop[] = [];
  // an untitled project that is not one
  if (orphan && !parts.orphanNamed) {
    if (isInstructions(parts.sheetName, parts.firstLine, orphan)) drop(parts, orphan, 'instructions', drops);
    else if (keys(orphan.sections).size < 3) drop(parts, orphan, 'few-sections', drops);
  }

  // the section sequence restarts: a new project
  for (let pi = 0; pi < projects.length; pi++) {
    const p = projects[pi]!;
    const secs = p.sections;
    for (let k = 1; k < secs.length; k++) {
      const s = secs[k]!;
      if (s.key !== 'name' || (s.numbering.value !== null && s.numbering.value !== 1)) continue;
      const before = keys(secs.slice(0, k));
      if (!before.has('name') || before.size < 3) continue;
      let end = secs.length;
      for (let m = k + 1; m < secs.length; m++)
        if (secs[m]!.key === 'name') {
          end = m;
          break;
        }
      const after = keys(secs.slice(k, end));
      let shared = 0;
      for (const key of after) if (before.has(key)) shared++;
      if (after.size < 3 || shared < 3) continue;
      // split: sections k.. go to a new project titled by the nearest line above the heading
      const prev = secs[k - 1]!;
      const last = prev.paragraphs[prev.paragraphs.length - 1];
      const titleLine = last && last.ref.row <= s.headingRef.row && titles(last.text, s, true) ? last : undefined;
      if (titleLine) prev.paragraphs.pop();
      const rest = secs.splice(k);
      const q: MutableProject = {
        title: titleLine?.text.trim() ?? parts.sheetName,
        number: null,
        ref: titleLine?.ref ?? s.headingRef,
        label: titleLine ? labelFrom(titleLine.text) : parts.sheetName.trim(),
        sections: rest,
        ...(titleLine === undefined && { untitled: { firstLine: undefined } }),
      };
      projects.splice(pi + 1, 0, q);
      for (const entry of parts.tableSections) {
        if (entry[1]?.project === p && rest.includes(entry[1].section)) entry[1] = { project: q, section: entry[1].section };
      }
      break; // q is visited next and may split again
    }
  }

  // an untitled project titled by the line above its first heading (`一、xxx项目`)
  if (orphan && !parts.orphanNamed && projects.includes(orphan) && preamble.length > 0) {
    const line = preamble[preamble.length - 1]!;
    const first = orphan.sections[0];
    if (first && line.ref.row <= first.headingRef.row && titles(line.text, first, false)) {
      preamble.pop();
      orphan.title = line.text.trim();
      orphan.label = labelFrom(line.text);
      orphan.ref = line.ref;
      delete orphan.untitled;
    }
  }

  // a table of contents: titles with nothing under them, several in a row or under 目录/封面
  const contentsSheet = NOT_A_PROJECT_SHEET.test(parts.sheetName) || preamble.some((l) => /^目\s*录$/u.test(l.text.trim()));
  const empty = projects.map((p) => p.sections.length === 0);
  const doomed: MutableProject[] = [];
  for (let a = 0; a < projects.length;) {
    if (!empty[a]) {
      a++;
      continue;
    }
    // a run of empty titles in consecutive rows (or lines of one cell)
    let b = a + 1;
    while (b < projects.length && empty[b] && projects[b]!.ref.row - projects[b - 1]!.ref.row <= 1) b++;
    if (b - a >= 2 || contentsSheet) doomed.push(...projects.slice(a, b));
    a = b;
  }
  for (const p of doomed) drop(parts, p, 'contents', drops);
  return drops;
}
