/** The published document (Word export), host-neutral. The .docx writer is src/hosts/docx/write.ts. */
export { buildExportModel, DEFAULT_TITLE } from './build';
export { normaliseParagraph, type NormalisedText, type TextChange } from './normalize';
export type {
  ExportBlock,
  ExportDocument,
  ExportOptions,
  ExportProject,
  ExportSection,
  ExportTable,
  ExportTableCell,
  Normalisation,
} from './types';
