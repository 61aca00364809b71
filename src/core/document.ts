import type { SheetDrawings, WorkbookSnapshot } from './snapshot/types';
import type { DisclosureDocument, SchoolTable, SkippedSheet } from './model';
import type { CheckConfig } from './rules/config';
import { readDisclosure } from './disclosure/index';
import { storedHeadingMaps } from './disclosure/heading-map';
import { findSchoolTables } from './schools/table';
import { readRegistry } from './schools/registry';
import { EXPLANATION_SHEET } from './report/explanations';

/** The names of the sheets hidden in Excel (hidden or very hidden), in workbook order. */
export function hiddenSheets(snapshot: WorkbookSnapshot): string[] {
  const sheets: readonly unknown[] = Array.isArray(snapshot.sheets) ? snapshot.sheets : [];
  const out: string[] = [];
  for (const s of sheets) {
    if (typeof s !== 'object' || s === null || !('name' in s) || typeof s.name !== 'string') continue;
    if ('visibility' in s && (s.visibility === 'hidden' || s.visibility === 'veryHidden')) out.push(s.name);
  }
  return out;
}

export interface BuildOptions {
  readonly config?: CheckConfig;
  /** A second workbook holding the registry (`--registry`, the pane's file picker). */
  readonly registry?: { readonly snapshot: WorkbookSnapshot; readonly source: string };
}

/**
 * Snapshot → document: school tables first (their cells are not text), then the projects. Section
 * aliases: the mappings stored in the workbook (heading-map.ts), then the configured ones, which win.
 */
export function buildDocument(snapshot: WorkbookSnapshot, options: BuildOptions = {}): DisclosureDocument {
  // formulas saved without their values are calculated by the package reader (hosts/xlsx/read.ts,
  // core/formula): a snapshot arrives here with every value that can be computed
  const own = readRegistry(snapshot, 'workbook');
  const extra = options.registry ? readRegistry(options.registry.snapshot, options.registry.source).entries : [];
  const skipSheets = new Set<string>([...own.sheets, EXPLANATION_SHEET]);
  // hidden sheets are not checked (a registry on a hidden sheet is still read as the registry), and are
  // listed as skipped: an old hidden copy of a project would give findings on cells nobody sees
  const hidden = new Set(hiddenSheets(snapshot).filter((n) => !skipSheets.has(n) && !n.startsWith('_disclosure_check_')));
  for (const n of hidden) skipSheets.add(n);
  const tables = findSchoolTables(hidden.size > 0 ? { ...snapshot, sheets: snapshot.sheets.filter((s) => !hidden.has(s.name)) } : snapshot);
  const sectionAliases = { ...storedHeadingMaps(snapshot), ...options.config?.sectionAliases };
  const read = readDisclosure(snapshot, {
    tables,
    skipSheets,
    ...(Object.keys(sectionAliases).length > 0 && { sectionAliases }),
  });
  const linked: SchoolTable[] = tables.map((t, i) => {
    const link = read.tableLinks[i];
    return link ? { ...t, project: link.project, section: link.section } : t;
  });
  // the sheets that gave nothing, in workbook order: the registry is read, as the registry
  const registrySheets = new Set(own.sheets);
  const bySheet = new Map<string, SkippedSheet>(read.skipped.map((x) => [x.sheet, x]));
  const skipped: SkippedSheet[] = [];
  const arrived: readonly unknown[] = Array.isArray(snapshot.sheets) ? snapshot.sheets : [];
  for (const sh of arrived) {
    if (typeof sh !== 'object' || sh === null || !('name' in sh) || typeof sh.name !== 'string') continue;
    if (registrySheets.has(sh.name)) skipped.push({ sheet: sh.name, reason: 'registry' });
    else if (hidden.has(sh.name)) skipped.push({ sheet: sh.name, reason: 'hidden' });
    else if (bySheet.has(sh.name)) {
      const x = bySheet.get(sh.name)!;
      const drawings = drawingsOf(sh);
      skipped.push(drawings ? { ...x, drawings } : x);
    }
  }
  return {
    ...(read.title !== undefined && { title: read.title }),
    projects: read.projects,
    tables: linked,
    registry: [...own.entries, ...extra],
    snapshot,
    skipped,
  };
}

/** A sheet's drawings as a host reported them, when well formed (a snapshot may arrive from a worker or a file). */
function drawingsOf(sheet: object): SheetDrawings | undefined {
  if (!('drawings' in sheet)) return undefined;
  const d: unknown = sheet.drawings;
  if (typeof d !== 'object' || d === null || !('textBoxes' in d) || !('pictures' in d)) return undefined;
  const { textBoxes, pictures } = d;
  const count = (n: unknown): n is number => typeof n === 'number' && Number.isSafeInteger(n) && n >= 0;
  if (!count(textBoxes) || !count(pictures) || textBoxes + pictures <= 0) return undefined;
  const sample = 'sample' in d && typeof d.sample === 'string' ? d.sample : undefined;
  return { textBoxes, pictures, ...(sample !== undefined && { sample }) };
}
