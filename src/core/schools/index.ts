/**
 * The school-code table and the school registry.
 * OWNER: schools helper. The signatures below are the contract.
 */
import type { WorkbookSnapshot } from '../snapshot/types';
import type { RegistryEntry, SchoolTable } from '../model';

/** Finds every standard school table in the workbook by its headers. */
export function findSchoolTables(snapshot: WorkbookSnapshot): SchoolTable[] {
  void snapshot;
  throw new Error('findSchoolTables: not implemented yet');
}

/** Finds registry sheets by their headers and reads their entries. `source` names the workbook. */
export function readRegistry(snapshot: WorkbookSnapshot, source = 'workbook'): { entries: RegistryEntry[]; sheets: string[] } {
  void snapshot;
  void source;
  throw new Error('readRegistry: not implemented yet');
}
