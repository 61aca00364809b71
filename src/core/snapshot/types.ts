/**
 * The host-neutral picture of a workbook. Host adapters (Office.js, .xlsx files) fill it;
 * everything in the core reads only this. Rows and columns are 0-based everywhere in code;
 * A1 strings exist only at the edges (findings, fixes, UI).
 */

/** What a cell holds, as the spreadsheet stores it. */
export type CellKind = 'text' | 'number' | 'boolean' | 'error' | 'empty';

export interface Cell {
  /** 0-based row index. */
  readonly row: number;
  /** 0-based column index. */
  readonly col: number;
  readonly kind: CellKind;
  /**
   * The stored value: a string for text, a number for numbers (dates are numbers with a date
   * format), a boolean, or the error code (`#REF!`, `#N/A`…) for errors; null when empty.
   * For a formula it is the cached result. A formula with kind `empty` was saved without its
   * result (openpyxl, pandas): `core/formula` computes it where it can (Excel always has one).
   */
  readonly value: string | number | boolean | null;
  /** The value as the spreadsheet shows it (number format applied where the host knows it). */
  readonly text: string;
  /** The formula without its leading `=`, when the cell has one. */
  readonly formula?: string;
  /** The number format code (`0.00`, `@`, `yyyy-mm-dd`…), when not General. */
  readonly numFmt?: string;
}

/** A merged area, 0-based and inclusive. Never expanded into cells. */
export interface Range {
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
}

export type SheetVisibility = 'visible' | 'hidden' | 'veryHidden';

export interface SheetSnapshot {
  readonly name: string;
  /** Position in the workbook's sheet list, 0-based. */
  readonly index: number;
  readonly visibility: SheetVisibility;
  /** Non-empty cells (and empty cells that carry a format), sorted by row, then column. */
  readonly cells: readonly Cell[];
  readonly merges: readonly Range[];
  /** Whether the sheet is protected (the Excel host cannot flag it). */
  readonly protected?: boolean;
  /**
   * What the sheet holds outside its cells, where a host can tell (the .xlsx reader, from the sheet's
   * drawing): text boxes and shapes that hold text, and pictures. Their text is never checked, so a
   * sheet whose text is only there is said to be so, never called empty (core/disclosure/skipped.ts).
   */
  readonly drawings?: SheetDrawings;
}

/** Objects drawn over a sheet (SheetSnapshot.drawings). */
export interface SheetDrawings {
  /** Text boxes and shapes that hold text. */
  readonly textBoxes: number;
  /** Pictures (a scanned page, a photo of a table). */
  readonly pictures: number;
  /** The start of the first text box's text, for the message (at most 30 characters). */
  readonly sample?: string;
}

/** One explanation (说明) that a user recorded for a finding; stored in the workbook. */
export interface StoredExplanation {
  /** The finding's key: see `explanationKey` in core/report. */
  readonly key: string;
  readonly rule: string;
  readonly sheet: string;
  readonly cell: string;
  readonly text: string;
  /** ISO date-time the explanation was written. */
  readonly at?: string;
}

export interface WorkbookSnapshot {
  readonly sheets: readonly SheetSnapshot[];
  /** Explanations stored in the workbook by an earlier session (hosts read them). */
  readonly explanations?: readonly StoredExplanation[];
}
