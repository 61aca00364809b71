/**
 * Parses the seed text (`seeds/jiangchuan-edu-2023-key-projects.txt`, a Word document flattened to
 * plain text) into projects → sections → paragraphs, and the school table of 项目十一.
 *
 * Everything is kept AS WRITTEN: heading texts with their numbering (or lack of it) and stray
 * spaces, paragraphs with their leading/trailing spaces, school codes with their trailing spaces.
 * The seed's own defects are the point of the sample; nothing here repairs them.
 *
 * Pure: takes the text, returns data. Build-time code (seeds/build), not product code.
 */
import { SECTION_KEYS, SECTION_NAMES, type SectionKey } from '../../src/core/model';

export interface SeedTableRow {
  /** The code as written ('' when the seed has none; trailing spaces kept). */
  readonly code: string;
  readonly name: string;
  readonly projectName: string;
  /** Count column (保安数量（人）) as written. */
  readonly count: string;
  /** 小计, 中央, 省级, 州市, 县（市、区）, 其它, as written ('' when empty). */
  readonly funding: readonly [string, string, string, string, string, string];
  readonly note: string;
}

export interface SeedTable {
  /** The flattened header rows exactly as the seed has them (merged cells collapsed). */
  readonly rawHeaderRows: readonly (readonly string[])[];
  /** Header texts by role. */
  readonly headers: {
    readonly code: string;
    readonly name: string;
    readonly plan: string;
    readonly note: string;
    readonly projectName: string;
    readonly count: string;
    readonly funding: string;
    /** 小计 中央 省级 州市 县（市、区） 其它 */
    readonly fundingColumns: readonly string[];
  };
  /** The column-number row: 1,2,3,4,7,8,9,10,11,12,14. */
  readonly columnNumbers: readonly string[];
  /** The 合计 row (first in the seed). */
  readonly total: SeedTableRow;
  /** Whether the 合计 row comes before the school rows. */
  readonly totalFirst: boolean;
  readonly rows: readonly SeedTableRow[];
}

export interface SeedSection {
  /** Standard key the heading maps to. */
  readonly key: SectionKey;
  /** The heading line as written (e.g. `一、  项目名称`, `项目实施单位`). */
  readonly heading: string;
  readonly paragraphs: readonly string[];
  readonly table?: SeedTable;
}

export interface SeedProject {
  /** `项目一` … as written. */
  readonly title: string;
  readonly sections: readonly SeedSection[];
}

export interface SeedDocument {
  /** The title lines before 项目一, joined: 江川区教育体育局2023年预算重点领域财政项目文本公开. */
  readonly title: string;
  readonly titleLines: readonly string[];
  readonly projects: readonly SeedProject[];
}

const PROJECT_RE = /^项目[一二三四五六七八九十百]+$/;
const NUMBERING_RE = /^(?:[一二三四五六七八九十]+\s*[、.．]|[（(][一二三四五六七八九十\d]+[)）]|\d+\s*[.．、])\s*/;

const VARIANTS: Readonly<Record<string, SectionKey>> = {
  实施单位: 'unit',
  项目概况: 'overview',
  基本概况: 'overview',
  实施内容: 'content',
  资金安排: 'funding',
  资金来源及安排: 'funding',
  实施计划: 'plan',
  进度安排: 'plan',
  实施成效: 'results',
  预期成效: 'results',
  绩效目标: 'results',
};

/** The section key a line names when it is a heading (numbering optional), else null. */
export function headingKey(line: string): SectionKey | null {
  const label = line.trim().replace(NUMBERING_RE, '').replace(/\s+/g, '');
  for (const key of SECTION_KEYS) if (SECTION_NAMES[key].zh === label) return key;
  return VARIANTS[label] ?? null;
}

function parseTable(rows: string[][]): SeedTable {
  const numIdx = rows.findIndex((r) => r.length > 3 && r.every((c) => /^\d+$/.test(c.trim())));
  if (numIdx < 0) throw new Error('seed table: no column-number row');
  const rawHeaderRows = rows.slice(0, numIdx);
  const [h1, h2, h3] = rawHeaderRows;
  if (!h1 || !h2 || !h3 || h1.length !== 4 || h2.length !== 6 || h3.length !== 11) {
    throw new Error(`seed table: unexpected header shape ${rawHeaderRows.map((r) => r.length).join('/')}`);
  }
  const body = rows.slice(numIdx + 1).map((r): SeedTableRow => {
    if (r.length !== 11) throw new Error(`seed table: row of ${r.length} cells: ${r.join('|')}`);
    const c = (i: number): string => r[i] ?? '';
    return {
      code: c(0),
      name: c(1),
      projectName: c(2),
      count: c(3),
      funding: [c(4), c(5), c(6), c(7), c(8), c(9)],
      note: c(10),
    };
  });
  const totalIdx = body.findIndex((r) => r.code.trim() === '合计' || r.name.trim() === '合计');
  if (totalIdx < 0) throw new Error('seed table: no 合计 row');
  const total = body[totalIdx]!;
  return {
    rawHeaderRows,
    headers: {
      code: h1[0]!,
      name: h1[1]!,
      plan: h1[2]!,
      note: h1[3]!,
      projectName: h2[2]!,
      count: h2[3]!,
      funding: h2[4]!,
      fundingColumns: h3.slice(4, 10),
    },
    columnNumbers: rows[numIdx]!,
    total,
    totalFirst: totalIdx === 0,
    rows: body.filter((_, i) => i !== totalIdx),
  };
}

interface MutableSection {
  key: SectionKey;
  heading: string;
  paragraphs: string[];
  tableRows?: string[][];
}

/** Parses the seed text. Throws (build time only) when the text is not shaped like the seed. */
export function parseSeed(text: string): SeedDocument {
  const lines = text.split(/\r?\n/);
  const titleLines: string[] = [];
  const projects: { title: string; sections: MutableSection[] }[] = [];
  let section: MutableSection | undefined;
  let rowOpen = false;
  for (const line of lines) {
    const trimmed = line.trim();
    if (PROJECT_RE.test(trimmed)) {
      projects.push({ title: trimmed, sections: [] });
      section = undefined;
      rowOpen = false;
      continue;
    }
    const project = projects[projects.length - 1];
    if (!project) {
      if (trimmed) titleLines.push(trimmed);
      continue;
    }
    if (line.startsWith('\t') && section) {
      const rows = (section.tableRows ??= []);
      if (!rowOpen) {
        rows.push([]);
        rowOpen = true;
      }
      rows[rows.length - 1]!.push(line.slice(1));
      continue;
    }
    rowOpen = false;
    if (!trimmed) continue;
    const key = headingKey(line);
    if (key) {
      section = { key, heading: line, paragraphs: [] };
      project.sections.push(section);
      continue;
    }
    if (!section) throw new Error(`seed: paragraph before any heading in ${project.title}: ${line}`);
    section.paragraphs.push(line);
  }
  return {
    title: titleLines.join(''),
    titleLines,
    projects: projects.map((p) => ({
      title: p.title,
      sections: p.sections.map((s): SeedSection => ({
        key: s.key,
        heading: s.heading,
        paragraphs: s.paragraphs,
        ...(s.tableRows && { table: parseTable(s.tableRows) }),
      })),
    })),
  };
}
