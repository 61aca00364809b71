/**
 * The disclosure reader: finds every project (项目一…) and its eight sections in any layout.
 * OWNER: reader helper. The signature below is the contract.
 */
import type { WorkbookSnapshot } from '../snapshot/types';
import type { CellRef, Project, SchoolTable, SectionKey } from '../model';

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

export function readDisclosure(snapshot: WorkbookSnapshot, options: ReadOptions = {}): ReadResult {
  void snapshot;
  void options;
  throw new Error('readDisclosure: not implemented yet');
}
