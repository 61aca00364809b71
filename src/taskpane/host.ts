/**
 * What the task pane needs from its host. The pane never touches Office.js: the Excel host
 * (src/hosts/excel, engineer #6) and the standalone file host (./fileHost) implement this and
 * are passed in as a prop, so every component tests without Office.
 */
import type { CheckConfig } from '../core/rules/config';
import type { Finding, Fix, Lang } from '../core/rules/types';
import type { CheckResult } from '../core/check';
import type { WorkbookSnapshot } from '../core/snapshot/types';
import type { DocxTemplateStore } from '../core/stored-template';
import type { SheetTemplate } from '../core/schools/template';
import type { ListSource, SchoolTablePreview } from '../core/schools/from-list';

/** The phases of a check, in order: read the workbook, run the rules, flag the cells (Excel only). */
export type CheckPhase = 'read' | 'check' | 'flag';

export interface CheckRequest {
  readonly config: CheckConfig;
  readonly lang: Lang;
  /** A registry read from another file (settings: 学校名录来自其他文件). */
  readonly registry?: { readonly snapshot: WorkbookSnapshot; readonly source: string };
  /**
   * Called as the check enters each phase. A host that runs a phase on the pane's thread awaits
   * the returned promise first, so the pane paints the phase (and stays answerable) in between.
   */
  readonly onPhase?: ((phase: CheckPhase) => void | Promise<void>) | undefined;
}

export type CheckOutcome =
  | {
      readonly ok: true;
      readonly result: CheckResult;
      /** What the host could not do (e.g. no notes API: flagged by colour only), one sentence each. */
      readonly notes?: readonly string[];
    }
  | {
      readonly ok: false;
      /** One clear sentence in the user's language. */
      readonly message: string;
      /** The host is too old to run the check (missing requirement set). */
      readonly tooOld?: boolean;
    };

export interface FixOutcome {
  readonly written: readonly { readonly sheet: string; readonly cell: string; readonly value: string | number }[];
  /** Cells left alone (not empty and no overwrite confirmed, protected sheet...), with a reason. */
  readonly skipped: readonly {
    readonly sheet: string;
    readonly cell: string;
    readonly reason: string;
    /** The one sentence to show (a sheet the page cannot insert a row in). */
    readonly why?: { readonly zh: string; readonly en: string };
  }[];
}

/** Where 生成学校表 writes: a new sheet (default), or `into` an existing (project's) sheet below its text. */
export interface SchoolTablePlace {
  readonly into?: string;
}

/** What 生成学校表 asks of a host: the list's sheets (and the selection in Excel), a preview, the write. */
export interface SchoolTableHost {
  /** The workbook's visible sheets, to pick the list from. */
  sheets(): Promise<readonly string[]>;
  /** The current selection (Excel); null where there is none to take. */
  selection?(): Promise<ListSource | null>;
  /** Reads the list and builds the table, writing nothing. */
  preview(
    source: ListSource,
    request: Omit<CheckRequest, 'onPhase'>,
    place?: SchoolTablePlace,
  ): Promise<{ readonly ok: true; readonly preview: SchoolTablePreview } | { readonly ok: false; readonly message: string }>;
  /** Writes the table on a new sheet (or into `place.into` below its text); the pane checks again afterwards. */
  write(
    source: ListSource,
    request: Omit<CheckRequest, 'onPhase'>,
    place?: SchoolTablePlace,
  ): Promise<{ readonly ok: true; readonly sheet: string } | { readonly ok: false; readonly message: string }>;
}

export interface PaneHost {
  /** 'excel': inside Office; 'file': the standalone page over an opened .xlsx. */
  readonly kind: 'excel' | 'file';
  /** Reads the workbook, checks it and (in Excel) flags the findings' cells. */
  check(request: CheckRequest): Promise<CheckOutcome>;
  /** Goes to the cell (Excel selects it; the standalone page shows its text). */
  select(sheet: string, cell: string): Promise<void>;
  /** Writes fixes; only empty cells unless `overwrite`. Codes are written as text. */
  applyFixes(fixes: readonly Fix[], options: { readonly overwrite: boolean }): Promise<FixOutcome>;
  /** Removes exactly the flags the last check added. */
  clearFlags(): Promise<void>;
  /** Stores (or, with '', removes) the explanation (说明) of a finding in the workbook. */
  explain(finding: Finding, text: string): Promise<void>;
  /**
   * 新建项目表: adds the sheet (core `newProjectSheet`) to the workbook; its name, or one sentence
   * why not. Absent where the host cannot add sheets.
   */
  addProjectSheet?(template: SheetTemplate): Promise<{ ok: true; sheet: string } | { ok: false; message: string }>;
  /** Where 导出公开文本 remembers the Word template for this workbook (Excel: the workbook's settings). */
  readonly docxTemplate?: DocxTemplateStore | undefined;
  /** 生成学校表 (issue 15), where the host can write a sheet. */
  readonly schoolTable?: SchoolTableHost;
  /** Calls back when the workbook changed (for 边改边查); returns an unsubscribe function. */
  onChanged?(listener: () => void): () => void;
}
