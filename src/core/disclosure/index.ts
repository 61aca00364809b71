/**
 * The disclosure reader: finds every project (项目一…) and its eight sections in any layout.
 * The signature below is the contract; the work is done in read.ts (layout) and labels.ts
 * (titles, headings, numbering).
 */
import type { WorkbookSnapshot } from '../snapshot/types';
import { readDisclosureImpl, type ReadOptions, type ReadResult } from './read';

export { DEFAULT_SECTION_ALIASES, aliasTable, labelKey, matchHeading, matchTitle, splitNumbering } from './labels';
export type { HeadingMatch, TitleMatch } from './labels';
export { HEADING_MAP_RULE, headingMapEntry, storedHeadingMaps } from './heading-map';
export { nothingToCheckText, skipReasonText, type NothingToCheckText } from './skipped';

export type { ReadOptions, ReadResult } from './read';

/**
 * Reads the projects and sections of a disclosure workbook. Never throws: malformed input
 * yields fewer projects, never an exception.
 */
export function readDisclosure(snapshot: WorkbookSnapshot, options: ReadOptions = {}): ReadResult {
  try {
    return readDisclosureImpl(snapshot, options);
  } catch {
    // defensive: a reader bug must not take the whole check down
    return { projects: [], tableLinks: (options.tables ?? []).map(() => null), skipped: [] };
  }
}
