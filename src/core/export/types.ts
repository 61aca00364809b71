/**
 * The published document, host-neutral: what the Word writer (src/hosts/docx) lays out.
 * Built from a checked DisclosureDocument by `buildExportModel`; nothing here knows Word.
 */
import type { CellRef, SectionKey } from '../model';

export interface ExportOptions {
  /** The document's title; defaults to the workbook's (封面 or first cell), else a generic one. */
  readonly title?: string;
  /**
   * Project heading form: `label` (`项目一`, the default, as the standard text has it) or
   * `label-name` (`项目一　国家义务教育优质均衡评估专项经费`).
   */
  readonly projectHeading?: 'label' | 'label-name';
}

/** One change the export made to the workbook's text, listed so the user can see it. */
export interface Normalisation {
  readonly kind:
    | 'title-default'
    | 'project-label'
    | 'heading'
    | 'section-missing'
    | 'section-merged'
    | 'section-order'
    | 'spacing'
    | 'punctuation'
    | 'code-spacing';
  /** `项目一`-style label of the project, when the change belongs to one. */
  readonly project?: string;
  readonly section?: SectionKey;
  /** Where the original text is in the workbook. */
  readonly ref?: CellRef;
  readonly before: string;
  readonly after: string;
  readonly zh: string;
  readonly en: string;
}

export interface ExportTableCell {
  readonly text: string;
  /** Rows this cell spans (header merges), default 1. */
  readonly rowSpan?: number;
  /** Columns this cell spans, default 1. */
  readonly colSpan?: number;
  readonly align: 'left' | 'center' | 'right';
  readonly bold?: boolean;
}

export interface ExportTable {
  /** Relative column widths (sum arbitrary), one per leaf column. */
  readonly columnWidths: readonly number[];
  /** Header rows, repeated on each page: the merged header block, then the column-number row. */
  readonly headerRows: readonly (readonly ExportTableCell[])[];
  /** Body rows, the 合计 row where the workbook has it (first or last). */
  readonly bodyRows: readonly (readonly ExportTableCell[])[];
  /** `school`: a school-code table (standard form); `other`: another table under a heading, as written. */
  readonly kind: 'school' | 'other';
  /** Number of school rows (without 合计); 0 for other tables. */
  readonly schoolCount: number;
  /** Index into DisclosureDocument.tables (school tables only). */
  readonly source?: number;
}

export type ExportBlock =
  { readonly kind: 'paragraph'; readonly text: string; readonly ref?: CellRef } | { readonly kind: 'table'; readonly table: ExportTable };

export interface ExportSection {
  readonly key: SectionKey;
  /** Standard numbering, `一、` … `八、`. */
  readonly numbering: string;
  /** Standard heading, `一、项目名称`. */
  readonly heading: string;
  /** The heading as the workbook wrote it ('' when the section is missing). */
  readonly sourceHeading: string;
  readonly missing: boolean;
  /** Paragraphs and tables in the order written. */
  readonly blocks: readonly ExportBlock[];
}

export interface ExportProject {
  /** `项目一` … by position. */
  readonly label: string;
  /** The title as written in the workbook. */
  readonly sourceTitle: string;
  /** The project's name (content of 项目名称), '' when none. */
  readonly name: string;
  /** Heading text for the writer (label, or label + name per options). */
  readonly heading: string;
  /** Always the eight sections, in standard order. */
  readonly sections: readonly ExportSection[];
}

export interface ExportDocument {
  readonly title: string;
  readonly projects: readonly ExportProject[];
  /** Every change made to the workbook's text, in document order. */
  readonly normalisations: readonly Normalisation[];
}
