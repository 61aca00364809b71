/**
 * The subset of the Excel JavaScript API (Office.js) this adapter uses, as plain structural
 * types. The real `Excel.RequestContext` is assignable to `XlContext` (checked by the compiler
 * in `./office.ts`), and the in-memory fake (`./fake`) implements the same types, so every
 * line of the adapter runs unchanged against both.
 *
 * Semantics are Office.js's: properties must be `load`ed and `context.sync()`ed before they
 * are read; writes are queued and take effect at `sync()`.
 */

export interface XlLoadable {
  load(propertyNames?: string | string[]): unknown;
}

export interface XlFill extends XlLoadable {
  color: string;
  /** ExcelApi 1.9. 'None' means no fill. */
  pattern: string;
  patternColor: string;
  tintAndShade: number;
  clear(): void;
}

export interface XlRangeAreas extends XlLoadable {
  readonly isNullObject: boolean;
  /** `Sheet1!A1:B2, Sheet1!D4:E5`. */
  readonly address: string;
}

export interface XlRange extends XlLoadable {
  readonly isNullObject: boolean;
  readonly address: string;
  readonly rowIndex: number;
  readonly columnIndex: number;
  readonly rowCount: number;
  readonly columnCount: number;
  // Office.js types these as any[][]; unknown keeps the adapter honest.
  values: unknown[][];
  readonly valueTypes: string[][];
  readonly text: string[][];
  formulas: unknown[][];
  numberFormat: unknown[][];
  readonly format: { readonly fill: XlFill };
  /** ExcelApi 1.13. */
  getMergedAreasOrNullObject(): XlRangeAreas;
  select(): void;
  clear(applyTo?: string): void;
}

export interface XlNote extends XlLoadable {
  readonly isNullObject: boolean;
  content: string;
  delete(): void;
}

/** ExcelApi 1.18. */
export interface XlNoteCollection {
  add(cellAddress: XlRange | string, content: string): unknown;
  getItemOrNullObject(key: string): XlNote;
}

export interface XlWorksheetProtection extends XlLoadable {
  readonly protected: boolean;
}

export interface XlWorksheet extends XlLoadable {
  readonly isNullObject: boolean;
  readonly id: string;
  name: string;
  position: number;
  /** 'Visible' | 'Hidden' | 'VeryHidden'. */
  visibility: string;
  readonly protection: XlWorksheetProtection;
  /** ExcelApi 1.18. */
  readonly notes: XlNoteCollection;
  getUsedRangeOrNullObject(valuesOnly?: boolean): XlRange;
  getRange(address?: string): XlRange;
  activate(): void;
  delete(): void;
}

export interface XlChangedArgs {
  readonly worksheetId: string;
  readonly address: string;
  readonly changeType: string;
  readonly source: string;
}

export interface XlEventResult {
  remove(): void;
  readonly context: { sync(): Promise<unknown> };
}

export interface XlWorksheetCollection extends XlLoadable {
  readonly items: XlWorksheet[];
  getItem(key: string): XlWorksheet;
  getItemOrNullObject(key: string): XlWorksheet;
  add(name?: string): XlWorksheet;
  /** ExcelApi 1.9. */
  readonly onChanged: { add(handler: (args: XlChangedArgs) => Promise<unknown>): XlEventResult };
}

export interface XlSetting extends XlLoadable {
  readonly isNullObject: boolean;
  // Office.js: any.
  value: unknown;
  delete(): void;
}

/** ExcelApi 1.4: settings stored in the workbook, in the same batch as everything else. */
export interface XlSettingCollection {
  add(key: string, value: string): unknown;
  getItemOrNullObject(key: string): XlSetting;
}

export interface XlWorkbook {
  readonly worksheets: XlWorksheetCollection;
  readonly settings: XlSettingCollection;
  readonly notes: XlNoteCollection;
}

export interface XlContext {
  readonly workbook: XlWorkbook;
  sync(): Promise<unknown>;
}

/** `Excel.run` or the fake's `run`: a batch over a fresh context. */
export type XlRun = <T>(batch: (context: XlContext) => Promise<T>) => Promise<T>;

/** `Office.context.requirements`. */
export interface XlRequirements {
  isSetSupported(name: string, minVersion?: string): boolean;
}

/** An Office.js error as the host raises it (`OfficeExtension.Error`). */
export interface XlError {
  readonly code: string;
  readonly message: string;
}

export function errorCode(e: unknown): string {
  return typeof e === 'object' && e !== null && typeof (e as { code?: unknown }).code === 'string'
    ? (e as { code: string }).code
    : '';
}
