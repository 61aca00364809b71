/**
 * The Excel add-in host. Office.js is used only in this folder; everything else receives the
 * plain-function ExcelHost.
 */
export type { XlContext, XlRun, XlRequirements } from './api';
export { detectCaps, MIN_EXCEL_API, type HostCaps } from './caps';
export { readWorkbook, ExcelReadLimitError, MAX_USED_CELLS, type ReadResult } from './read';
export { flag, clearFlags, FLAG_COLORS, NOTE_HEADER, type FlagResult, type ClearResult } from './flags';
export { FLAG_SETTING_KEY, FLAG_SHEET } from './record';
export { applyFixes, undoFixes, type FixResult, type WrittenFix } from './fixes';
export { selectCell } from './navigate';
export { readExplanations, writeExplanation } from './explanations';
export { subscribeChanges } from './events';
export { createExcelHost, type ExcelHost, type ExcelHostOptions } from './host';
export { excelSession, publishOutcome, onOutcome } from './session';
export { createOfficeExcelHost, officeRun, officeRequirements } from './office';
