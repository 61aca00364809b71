/**
 * A bureau's own headings mapped to the standard sections, for one workbook: "this workbook's
 * `资金使用及管理情况` is its 资金安排情况". The pane offers the mapping on a section-missing
 * finding that names unrecognised headings (HeadingMapDialog); it is stored in the workbook, in
 * the same very hidden sheet as the explanations (说明, report/explanations.ts), one row a
 * mapping: key `heading-map|<label>`, rule `heading-map`, the heading's sheet and cell, and the
 * section key as its text. Both hosts already read and write that sheet, so a mapping made in
 * Excel or on the standalone page travels with the workbook and the CLI reads it too. The CLI's
 * `--config` `sectionAliases` adds to these and wins.
 */
import type { SectionKey } from '../model';
import type { Finding } from '../rules/types';
import type { StoredExplanation, WorkbookSnapshot } from '../snapshot/types';
import { fromA1 } from '../snapshot/a1';
import { readExplanationSheet } from '../report/explanations';
import { aliasKey, sectionKeyOf } from './labels';

/** The `rule` column of a stored heading mapping. */
export const HEADING_MAP_RULE = 'heading-map';

const PREFIX = `${HEADING_MAP_RULE}|`;

/** The stored row for mapping `label` (as written, with or without its number) to `section`. */
export function headingMapEntry(label: string, section: SectionKey, place: { sheet: string; cell: string }): StoredExplanation {
  return { key: `${PREFIX}${aliasKey(label)}`, rule: HEADING_MAP_RULE, sheet: place.sheet, cell: place.cell, text: section };
}

/** The mappings stored in a workbook: label → section key. Rows that are not mappings are ignored. */
export function storedHeadingMaps(snapshot: WorkbookSnapshot): Record<string, SectionKey> {
  const stored = snapshot.explanations ?? readExplanationSheet(snapshot);
  const out: Record<string, SectionKey> = {};
  for (const e of stored) {
    if (e.rule !== HEADING_MAP_RULE || !e.key.startsWith(PREFIX)) continue;
    const key = sectionKeyOf(e.text.trim());
    const label = e.key.slice(PREFIX.length);
    if (key !== undefined && label !== '') out[label] = key;
  }
  return out;
}

/**
 * The mapping as a pseudo-finding for the hosts' `explain(finding, text)` (the one way both hosts
 * write that sheet): key and rule of the mapping's row, the heading's place, text = the section key.
 */
export function headingMapFinding(label: string, section: SectionKey, place: { sheet: string; cell: string }): Finding {
  const entry = headingMapEntry(label, section, place);
  const at = fromA1(place.cell) ?? { row: 0, col: 0 };
  return {
    rule: HEADING_MAP_RULE,
    severity: 'info',
    message: '',
    messageId: HEADING_MAP_RULE,
    sheet: place.sheet,
    cell: place.cell,
    row: at.row,
    col: at.col,
    key: entry.key,
  };
}
