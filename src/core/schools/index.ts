/**
 * The school-code table and the school registry.
 * OWNER: schools helper. `findSchoolTables` and `readRegistry` are the contract; the rest are
 * helpers the school rules and the template share.
 */
export { findSchoolTables, readHeader, mapColumns, OWN_SHEETS } from './table';
export { readRegistry } from './registry';
export {
  matchRegistry,
  indexRegistry,
  standardName,
  describeCandidates,
  type RegistryMatch,
  type RegistryIndex,
  type MatchContext,
} from './match';
export {
  normalizeName,
  commonPrefix,
  splitPrefix,
  stripPrefix,
  townOf,
  isCountyLevelName,
  expectedTypes,
  SCHOOL_TYPES,
  PROVINCES,
} from './names';
export { compact, readCode, readNumberCell, parseDecimalText, scaleDecimal, formatFenIn, numberToDecimal } from './values';
export {
  schoolTableTemplate,
  projectSheetTemplate,
  templateToSheet,
  COLUMN_NUMBERS,
  type TemplateCell,
  type TemplateBlock,
  type SchoolInput,
  type SchoolTableOptions,
  type SchoolTableTemplate,
  type ProjectSheetOptions,
  type SheetTemplate,
  type UnresolvedSchool,
} from './template';
export { projectLabel, tablePrefix, rowMatches } from './support';
export {
  readSchoolList,
  planSchoolTable,
  parseListSource,
  describeSource,
  freeSheetName,
  workbookPrefix,
  looksLikeSchool,
  type ListSource,
  type SchoolList,
  type ListRow,
  type ListProblem,
  type SchoolTablePlan,
  type PlanRow,
  type PlanOptions,
} from './from-list';
