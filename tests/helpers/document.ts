/**
 * Test helper: builds a DisclosureDocument (and the matching one-column snapshot) straight from a
 * compact description, without the disclosure reader, so rule tests can state their input
 * plainly. Layout: one sheet per project, named by its title; A1 the title; then each heading
 * and its paragraphs down column A.
 */
import type { Cell, SheetSnapshot, WorkbookSnapshot } from '../../src/core/snapshot/types';
import {
  SECTION_KEYS,
  SECTION_NAMES,
  type DisclosureDocument,
  type NumberingStyle,
  type Paragraph,
  type Project,
  type RegistryEntry,
  type SchoolTable,
  type Section,
  type SectionKey,
} from '../../src/core/model';
import { formatChineseNumeral, parseChineseNumeral } from '../../src/core/text/numerals';

export interface SectionSpec {
  key: SectionKey;
  /** Label as written; defaults to the standard name. */
  label?: string;
  /** Numbering as written (`一、`, `（一）`, `1.`), '' for none; defaults to the standard `N、`. */
  numbering?: string;
  paragraphs: string[];
}

export interface ProjectSpec {
  /** e.g. `项目一`. */
  title: string;
  /** Sections in the order written. A shorthand record gives them in standard order. */
  sections: SectionSpec[] | Partial<Record<SectionKey, string[]>>;
}

function numberingOf(raw: string): { style: NumberingStyle; value: number | null; raw: string } {
  const s = raw.trim();
  let m: RegExpExecArray | null;
  if (s === '') return { style: 'none', value: null, raw };
  if ((m = /^[（(]([一二三四五六七八九十]+)[)）]$/.exec(s))) return { style: 'cn-paren', value: parseChineseNumeral(m[1]!), raw };
  if ((m = /^([一二三四五六七八九十]+)、$/.exec(s))) return { style: 'cn-dun', value: parseChineseNumeral(m[1]!), raw };
  if ((m = /^(\d+)[.．]$/.exec(s))) return { style: 'arabic-dot', value: Number(m[1]), raw };
  if ((m = /^(\d+)、$/.exec(s))) return { style: 'arabic-dun', value: Number(m[1]), raw };
  if ((m = /^[（(](\d+)[)）]$/.exec(s))) return { style: 'arabic-paren', value: Number(m[1]), raw };
  return { style: 'none', value: null, raw };
}

function textCell(row: number, col: number, text: string): Cell {
  return { row, col, kind: 'text', value: text, text };
}

export interface Built {
  document: DisclosureDocument;
  snapshot: WorkbookSnapshot;
}

/** Builds the document and its snapshot. Extra sheets (registry, tables) can be appended. */
export function makeDocument(
  projects: ProjectSpec[],
  extra: { sheets?: SheetSnapshot[]; tables?: SchoolTable[]; registry?: RegistryEntry[] } = {},
): Built {
  const sheets: SheetSnapshot[] = [];
  const built: Project[] = [];
  projects.forEach((p, index) => {
    const specs: SectionSpec[] = Array.isArray(p.sections)
      ? p.sections
      : SECTION_KEYS.filter((k) => (p.sections as Record<string, string[] | undefined>)[k] !== undefined).map((k) => ({
          key: k,
          paragraphs: (p.sections as Record<string, string[]>)[k]!,
        }));
    const cells: Cell[] = [textCell(0, 0, p.title)];
    let row = 1;
    const sections: Section[] = specs.map((s) => {
      const pos = SECTION_KEYS.indexOf(s.key) + 1;
      const numbering = s.numbering ?? `${formatChineseNumeral(pos)}、`;
      const label = s.label ?? SECTION_NAMES[s.key].zh;
      const headingText = `${numbering}${label}`;
      const headingRef = { sheet: p.title, row, col: 0 };
      cells.push(textCell(row++, 0, headingText));
      const paragraphs: Paragraph[] = s.paragraphs.map((text) => {
        const ref = { sheet: p.title, row, col: 0 };
        cells.push(textCell(row++, 0, text));
        return { text, ref, offset: 0 };
      });
      return { key: s.key, label, headingText, headingRef, numbering: numberingOf(numbering), paragraphs, tables: [] };
    });
    const m = /^项目([一二三四五六七八九十百零〇\d]+)/.exec(p.title);
    const name = sections.find((s) => s.key === 'name')?.paragraphs[0]?.text;
    built.push({
      index,
      title: p.title,
      number: m ? parseChineseNumeral(m[1]!) : null,
      ref: { sheet: p.title, row: 0, col: 0 },
      label: p.title.trim(),
      ...(name !== undefined && { name }),
      sections,
    });
    sheets.push({ name: p.title, index, visibility: 'visible', cells, merges: [] });
  });
  for (const s of extra.sheets ?? []) sheets.push({ ...s, index: sheets.length });
  const snapshot: WorkbookSnapshot = { sheets };
  return {
    snapshot,
    document: { projects: built, tables: extra.tables ?? [], registry: extra.registry ?? [], snapshot },
  };
}
