/**
 * The disclosure reader: finds every project (项目一…) and its eight sections in any layout.
 * The signature below is the contract; the work is done in read.ts (layout) and labels.ts
 * (titles, headings, numbering).
 */
import type { WorkbookSnapshot } from '../snapshot/types';
import type { CellRef, Project, SchoolTable, SectionKey } from '../model';
import { readDisclosureImpl } from './read';

export { DEFAULT_SECTION_ALIASES, aliasTable, labelKey, matchHeading, matchTitle, splitNumbering } from './labels';
export type { HeadingMatch, TitleMatch } from './labels';

export interface ReadOptions {
  /** School tables found beforehand: their cells are not paragraphs; each is linked to its section. */
  readonly tables?: readonly SchoolTable[];
  /** Sheets that are not disclosure text (registry, explanations): skipped entirely. */
  readonly skipSheets?: ReadonlySet<string>;
  /** Extra label → section aliases (config). */
  readonly sectionAliases?: Readonly<Record<string, SectionKey>>;
}

export interface ReadResult {
  readonly title?: { readonly text: string; readonly ref: CellRef };
  readonly projects: Project[];
  /** For each input table (same index), the project index and section it was linked to. */
  readonly tableLinks: ({ readonly project: number; readonly section: SectionKey } | null)[];
}

/**
 * Reads the projects and sections of a disclosure workbook. Never throws: malformed input
 * yields fewer projects, never an exception.
 */
export function readDisclosure(snapshot: WorkbookSnapshot, options: ReadOptions = {}): ReadResult {
  try {
    return readDisclosureImpl(snapshot, options);
  } catch {
    // defensive: a reader bug must not take the whole check down
    return { projects: [], tableLinks: (options.tables ?? []).map(() => null) };
  }
}
