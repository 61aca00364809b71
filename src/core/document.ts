import type { WorkbookSnapshot } from './snapshot/types';
import type { DisclosureDocument, SchoolTable } from './model';
import type { CheckConfig } from './rules/config';
import { readDisclosure } from './disclosure/index';
import { findSchoolTables, readRegistry } from './schools/index';
import { EXPLANATION_SHEET } from './report/explanations';

export interface BuildOptions {
  readonly config?: CheckConfig;
  /** A second workbook holding the registry (`--registry`, the pane's file picker). */
  readonly registry?: { readonly snapshot: WorkbookSnapshot; readonly source: string };
}

/** Snapshot → document: school tables first (their cells are not text), then the projects. */
export function buildDocument(snapshot: WorkbookSnapshot, options: BuildOptions = {}): DisclosureDocument {
  const tables = findSchoolTables(snapshot);
  const own = readRegistry(snapshot, 'workbook');
  const extra = options.registry ? readRegistry(options.registry.snapshot, options.registry.source).entries : [];
  const skipSheets = new Set<string>([...own.sheets, EXPLANATION_SHEET]);
  const read = readDisclosure(snapshot, {
    tables,
    skipSheets,
    ...(options.config?.sectionAliases !== undefined && { sectionAliases: options.config.sectionAliases }),
  });
  const linked: SchoolTable[] = tables.map((t, i) => {
    const link = read.tableLinks[i];
    return link ? { ...t, project: link.project, section: link.section } : t;
  });
  return {
    ...(read.title !== undefined && { title: read.title }),
    projects: read.projects,
    tables: linked,
    registry: [...own.entries, ...extra],
    snapshot,
  };
}
