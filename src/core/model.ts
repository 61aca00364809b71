/**
 * The parsed disclosure document: what the rules read. Built from a WorkbookSnapshot by the
 * disclosure reader (projects, sections) and the schools reader (tables, registry), and linked
 * by `buildDocument` (core/document.ts). Every element keeps the cell it came from.
 */
import type { SheetDrawings, WorkbookSnapshot } from './snapshot/types';

/** A place in the workbook: sheet name and 0-based row/column. */
export interface CellRef {
  readonly sheet: string;
  readonly row: number;
  readonly col: number;
}

/** The eight standard sections, in standard order. */
export const SECTION_KEYS = ['name', 'basis', 'unit', 'overview', 'content', 'funding', 'plan', 'results'] as const;
export type SectionKey = (typeof SECTION_KEYS)[number];

/** The standard names, zh-CN and en-US, in the order of SECTION_KEYS. */
export const SECTION_NAMES: Readonly<Record<SectionKey, { zh: string; en: string }>> = {
  name: { zh: '项目名称', en: 'Project name' },
  basis: { zh: '立项依据', en: 'Legal and policy basis' },
  unit: { zh: '项目实施单位', en: 'Implementing unit' },
  overview: { zh: '项目基本概况', en: 'Overview' },
  content: { zh: '项目实施内容', en: 'What is done' },
  funding: { zh: '资金安排情况', en: 'Funding' },
  plan: { zh: '项目实施计划', en: 'Schedule' },
  results: { zh: '项目实施成效', en: 'Expected results' },
};

/** Heading numbering styles: `第一部分`/`第一节` `一、` `（一）` `1.` `1、` `1.1` `(1)` or none. */
export type NumberingStyle =
  | 'cn-part'
  | 'roman'
  | 'cn-dun'
  | 'cn-paren'
  | 'arabic-dot'
  | 'arabic-dun'
  | 'arabic-space'
  | 'decimal'
  | 'arabic-paren'
  | 'circled'
  | 'none';

export interface Numbering {
  readonly style: NumberingStyle;
  /** The number the heading carries (一 → 1), null for 'none'. */
  readonly value: number | null;
  /** The numbering as written, e.g. `一、` or `（一）`. */
  readonly raw: string;
}

/** One paragraph of text: a cell, or one line of a multi-line cell. */
export interface Paragraph {
  readonly text: string;
  readonly ref: CellRef;
  /** Offset of this paragraph inside its cell's text (0 unless a cell holds several lines). */
  readonly offset: number;
}

export interface Section {
  readonly key: SectionKey;
  /** The heading's label as the workbook wrote it, without numbering (e.g. `资金安排`). */
  readonly label: string;
  /** The full heading text as written (e.g. `六、资金安排情况`). */
  readonly headingText: string;
  readonly headingRef: CellRef;
  readonly numbering: Numbering;
  readonly paragraphs: readonly Paragraph[];
  /** Indices into DisclosureDocument.tables of the school tables that belong to this section. */
  readonly tables: readonly number[];
  /**
   * Other tables (not school-code tables) placed under the heading: their cells' texts,
   * row by row, so amount rules can read them.
   */
  readonly otherTables?: readonly { readonly ref: CellRef; readonly rows: readonly (readonly Paragraph[])[] }[];
  /**
   * Depth in the project's outline: 0 for a heading at the project's top level, 1 for a
   * sub-heading (`（二）资金及项目绩效目标` under `一、基本情况`), … Absent: 0.
   */
  readonly level?: number;
  /** For a sub-heading that names a standard section: the index (in Project.sections) of the section it stands in. */
  readonly parent?: number;
  /**
   * Present when the heading names no standard section and was taken for this one by its place in the
   * standard order and its words (`五、主要内容` → 项目实施内容): the heading as written.
   */
  readonly inferredFrom?: string;
}

/**
 * One heading of a project's outline, in document order: a section's heading, a sub-heading
 * folded into its section (`（一）项目概况` under `一、项目基本情况`), or a line that reads like a
 * heading but names none of the eight (`二、项目资金使用及管理情况`).
 */
export interface OutlineHeading {
  /** The heading as written. */
  readonly text: string;
  /** Without its number (`资金及项目绩效目标`). */
  readonly label: string;
  readonly ref: CellRef;
  readonly numbering: Numbering;
  /** 0 at the project's top level. */
  readonly level: number;
  /** Index in Project.outline of the heading this one stands under; -1 at the top level. */
  readonly parent: number;
  /** The section this heading starts or continues (index in Project.sections); absent: a heading that names no standard section. */
  readonly section?: number;
  /**
   * A numbered sentence that names no section: before the project's first section (a 批复's
   * `一、为切实改善办学条件，…同意立项…。`), or inside a section in the style of a heading it stands in (`四、项目估算总投资…。`
   * under `二、项目建设内容`): counted for the numbering of the headings after it, never listed as a heading.
   */
  readonly item?: true;
}

export interface Project {
  /** 0-based position in the document. */
  readonly index: number;
  /** The title as written, e.g. `项目十一`. */
  readonly title: string;
  /** The number in the title (项目十一 → 11), null when the title has none. */
  readonly number: number | null;
  readonly ref: CellRef;
  /** `项目十一`-style label for findings (the title as written, normalised). */
  readonly label: string;
  /** The project's name: the content of its 项目名称 section, when present. */
  readonly name?: string;
  readonly sections: readonly Section[];
  /** Every heading of the project in document order, with its level (see OutlineHeading). */
  readonly outline?: readonly OutlineHeading[];
}

/** Why a sheet gave no project (SkippedSheet). */
export type SkipReason =
  /** No text at all. */
  | 'empty'
  /** The school registry (学校名册): read as the registry, not as project text. */
  | 'registry'
  /** Instructions, a cover or a table of contents (填报说明, 封面, 目录). */
  | 'instructions'
  /** Project titles with nothing under them (a list of projects). */
  | 'contents'
  /** Text, but no project title (项目一…) and no standard section heading. */
  | 'no-sections'
  /** Some standard section headings, but fewer than a project needs (three). */
  | 'few-sections'
  /** A table of projects whose header names three or four sections (项目名称 │ 实施单位 │ 资金安排): a summary, not their texts. */
  | 'summary'
  /**
   * A hidden sheet (hidden or very hidden in Excel): not checked, because it is not published with the
   * workbook's visible text (often an old copy of a project). Listed in every report, so never silent.
   */
  | 'hidden';

/** A sheet that was looked at and gave nothing to check, and why: what a user sees when nothing can be checked. */
export interface SkippedSheet {
  readonly sheet: string;
  readonly reason: SkipReason;
  /** The standard section headings found, as written (few-sections). */
  readonly sections?: readonly string[];
  /** Lines that read like headings but name no standard section, as written (at most a few). */
  readonly headings?: readonly string[];
  /** Text boxes and pictures drawn over the sheet (their text is not read): said with the reason. */
  readonly drawings?: SheetDrawings;
}

/** A numeric cell of a school table, read exactly. */
export interface NumberCell {
  readonly ref: CellRef;
  /** The text as shown. */
  readonly raw: string;
  readonly empty: boolean;
  /** The value as a number, null when empty or not a number. */
  readonly value: number | null;
  /** For money columns (万元): exact integer fen; null when empty or not a number. */
  readonly fen: number | null;
  /** Decimal places as written/shown (59.28 → 2), for exact comparison and formatting. */
  readonly decimals: number;
  /** Error value (`#REF!`) when the cell holds one. */
  readonly error?: string;
  /**
   * A formula saved without its value that could not be evaluated (formula-uncalculated reports
   * it once): not empty, no value, and never read as a wrong sum.
   */
  readonly uncalculated?: true;
}

export type FundingColumn = 'subtotal' | 'central' | 'provincial' | 'prefecture' | 'county' | 'other';
export const FUNDING_COLUMNS: readonly FundingColumn[] = ['subtotal', 'central', 'provincial', 'prefecture', 'county', 'other'];

/** The standard table's header text of each funding column. */
export const FUNDING_LABELS: Readonly<Record<FundingColumn, string>> = {
  subtotal: '小计',
  central: '中央',
  provincial: '省级',
  prefecture: '州市',
  county: '县（市、区）',
  other: '其它',
};

export interface SchoolRow {
  /** 0-based sheet row. */
  readonly row: number;
  readonly code: {
    readonly ref: CellRef;
    readonly raw: string;
    /** The code as digits after normalisation (numeric 2153005307 → '2153005307'), '' when empty. */
    readonly digits: string;
    readonly error?: string;
    /** A formula saved without its value that could not be evaluated: not a missing code. */
    readonly uncalculated?: true;
  };
  readonly name: { readonly ref: CellRef; readonly text: string };
  readonly projectName?: { readonly ref: CellRef; readonly text: string };
  /** The count column (保安数量（人）, 学生数（人）…) when the table has one. */
  readonly count?: NumberCell;
  readonly funding: Readonly<Partial<Record<FundingColumn, NumberCell>>>;
  readonly note?: { readonly ref: CellRef; readonly text: string };
}

export interface SchoolTable {
  readonly sheet: string;
  /** 0-based rows of the header block (first and last header row, column-number row included). */
  readonly headerTop: number;
  readonly headerBottom: number;
  /** Column indices (0-based) and their header texts. */
  readonly columns: {
    readonly code: number;
    readonly name: number;
    readonly projectName?: number;
    readonly count?: number;
    readonly note?: number;
    readonly funding: Readonly<Partial<Record<FundingColumn, number>>>;
  };
  readonly headers: Readonly<Record<number, string>>;
  /** The count column's header, e.g. `保安数量（人）`. */
  readonly countLabel?: string;
  /** Money unit of the funding columns (万元 in the standard table). */
  readonly unit: '元' | '万元';
  readonly rows: readonly SchoolRow[];
  /** The 合计 row, first or last. */
  readonly total?: SchoolRow;
  /** Index into DisclosureDocument.projects of the project the table belongs to. */
  readonly project?: number;
  /** The section it belongs to, when known. */
  readonly section?: SectionKey;
}

export interface RegistryEntry {
  readonly code: string;
  readonly name: string;
  readonly town?: string;
  readonly type?: string;
  readonly ref: CellRef;
  /** Where the registry came from: 'workbook' or the second workbook's file name. */
  readonly source: string;
}

export interface DisclosureDocument {
  /** The disclosure's title when the workbook states one (封面 or first cell). */
  readonly title?: { readonly text: string; readonly ref: CellRef };
  readonly projects: readonly Project[];
  readonly tables: readonly SchoolTable[];
  readonly registry: readonly RegistryEntry[];
  readonly snapshot: WorkbookSnapshot;
  /** Sheets that gave no project and no school table, each with the reason (see SkippedSheet). */
  readonly skipped?: readonly SkippedSheet[];
}
