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

/** `OfficeExtension.ClientResult`: the value arrives at the next sync. */
export interface XlClientResult<T> {
  readonly value: T;
}

export interface XlFill extends XlLoadable {
  /**
   * Reads `#FFFFFF` for no fill as well as for white (office-js 4900, 6218); for a theme colour
   * with a tint, the colour as shown (the tint applied) while `tintAndShade` still reads the tint.
   */
  color: string;
  /** ExcelApi 1.9. 'None' means no fill; may read null for no fill and for solid fills (office-js 4900). */
  pattern: string | null;
  patternColor: string;
  /** Reads null for no fill only (office-js 4900); a number for every fill. */
  tintAndShade: number | null;
  clear(): void;
}

/** Range.format.font (ExcelApi 1.1): only what the generated sheets set. `bold` reads null when mixed. */
export interface XlRangeFont extends XlLoadable {
  bold: boolean;
}

/** Excel.BorderIndex: which line of a range a RangeBorder is. */
export type XlBorderIndex =
  'EdgeTop' | 'EdgeBottom' | 'EdgeLeft' | 'EdgeRight' | 'InsideVertical' | 'InsideHorizontal' | 'DiagonalDown' | 'DiagonalUp';

/** One line of a range's borders (ExcelApi 1.1): style 'None' | 'Continuous' | …; weight 'Hairline' | 'Thin' | 'Medium' | 'Thick'. */
export interface XlRangeBorder extends XlLoadable {
  readonly sideIndex: string;
  style: string;
  weight: string;
}

export interface XlRangeBorderCollection {
  getItem(index: XlBorderIndex): XlRangeBorder;
}

/**
 * Range.format (ExcelApi 1.1; columnWidth 1.2): alignment, wrap and column width read null when
 * the range is mixed. `columnWidth` is in points (a width of 8.43 characters of Calibri 11 is 48 pt).
 */
export interface XlRangeFormat extends XlLoadable {
  readonly fill: XlFill;
  readonly font: XlRangeFont;
  readonly borders: XlRangeBorderCollection;
  /** 'General' | 'Left' | 'Center' | 'Right' | … */
  horizontalAlignment: string;
  /** 'Top' | 'Center' | 'Bottom' | … */
  verticalAlignment: string;
  wrapText: boolean;
  columnWidth: number;
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
  readonly format: XlRangeFormat;
  /** ExcelApi 1.13. Fails when the range holds more than 512 merged areas. */
  getMergedAreasOrNullObject(): XlRangeAreas;
  select(): void;
  clear(applyTo?: string): void;
  /** Merges the range (ExcelApi 1.2); only the upper-left value is kept. */
  merge(across?: boolean): void;
  /** The entire rows of the range (ExcelApi 1.1). */
  getEntireRow(): XlRange;
  /** Inserts cells there, moving the others (ExcelApi 1.1; 'Down' | 'Right'); returns the new range. */
  insert(shift: string): XlRange;
  /**
   * Copies cell data or formatting from the source range to this one (ExcelApi 1.9); `copyType` is an
   * `Excel.RangeCopyType` ('Formats': "the formatting of the range, including font, color, and other
   * format settings, but no values"). https://learn.microsoft.com/en-us/javascript/api/excel/excel.range#excel-excel-range-copyfrom-member(1)
   */
  copyFrom(
    sourceRange: XlRange | XlRangeAreas | string,
    copyType?: 'All' | 'Formulas' | 'Values' | 'Formats',
    skipBlanks?: boolean,
    transpose?: boolean,
  ): void;
}

export interface XlNote extends XlLoadable {
  readonly isNullObject: boolean;
  content: string;
  delete(): void;
}

/**
 * ExcelApi 1.18. Only `content` is ever loaded: Excel on the web does not support a note's
 * visible, height and width, and a load of every property fails there (office-js 6198).
 */
export interface XlNoteCollection {
  add(cellAddress: XlRange | string, content: string): unknown;
  /** The number of notes: a cheap first call that tells whether Excel accepts notes at all. */
  getCount(): XlClientResult<number>;
  getItemOrNullObject(key: string): XlNote;
}

/** A threaded comment (ExcelApi 1.10): only where it is, to leave its cell without a note. */
export interface XlComment extends XlLoadable {
  getLocation(): XlRange;
}

/** ExcelApi 1.10. */
export interface XlCommentCollection extends XlLoadable {
  readonly items: XlComment[];
}

export interface XlWorksheetProtection extends XlLoadable {
  readonly protected: boolean;
}

export interface XlWorksheet extends XlLoadable {
  readonly isNullObject: boolean;
  readonly id: string;
  name: string;
  position: number;
  /** 'Visible' | 'Hidden' | 'VeryHidden'. A VeryHidden sheet cannot be deleted (InvalidOperation). */
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
  /** ExcelApi 1.14: 'ThisLocalAddin' when this add-in's own code made the change. */
  readonly triggerSource?: string;
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
  /** ExcelApi 1.9. Fires for format and value changes, the add-in's own included. */
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

/** ExcelApi 1.5: XML stored in the workbook, the documented place for larger add-in data. */
export interface XlCustomXmlPart extends XlLoadable {
  readonly id: string;
  delete(): void;
  getXml(): XlClientResult<string>;
}

export interface XlCustomXmlPartScopedCollection extends XlLoadable {
  readonly items: XlCustomXmlPart[];
}

export interface XlCustomXmlPartCollection {
  add(xml: string): XlCustomXmlPart;
  getByNamespace(namespaceUri: string): XlCustomXmlPartScopedCollection;
  getItem(id: string): XlCustomXmlPart;
}

/**
 * ExcelApi 1.7. A workbook whose structure is protected (Review > Protect Workbook) refuses to add,
 * delete, hide, unhide or rename sheets; its cells stay editable.
 */
export interface XlWorkbookProtection extends XlLoadable {
  readonly protected: boolean;
}

export interface XlWorkbook {
  readonly worksheets: XlWorksheetCollection;
  /** ExcelApi 1.7. */
  readonly protection: XlWorkbookProtection;
  /** The user's selection (ExcelApi 1.1). */
  getSelectedRange(): XlRange;
  readonly settings: XlSettingCollection;
  readonly notes: XlNoteCollection;
  /** ExcelApi 1.10. */
  readonly comments: XlCommentCollection;
  /** ExcelApi 1.5. */
  readonly customXmlParts: XlCustomXmlPartCollection;
}

/** ExcelApi 1.8: `enableEvents` switches this add-in's event handlers off and on. */
export interface XlRuntime extends XlLoadable {
  enableEvents: boolean;
}

export interface XlContext {
  readonly workbook: XlWorkbook;
  readonly runtime: XlRuntime;
  sync(): Promise<unknown>;
}

/**
 * `Excel.RunOptions`: `delayForCellEdit` queues the batch until the user leaves cell edit mode;
 * `previousObjects` runs the batch over the context of an earlier run (`OfficeExtension.RunOptions`),
 * as removing an event handler needs: the same RequestContext that added it
 * (https://learn.microsoft.com/en-us/javascript/api/office/officeextension.eventhandlerresult).
 */
export interface XlRunOptions {
  readonly delayForCellEdit?: boolean;
  readonly previousObjects?: XlEventResult['context'];
}

/** `Excel.run` (with its options, when given) or the fake's `run`: a batch over a fresh context. */
export type XlRun = <T>(batch: (context: XlContext) => Promise<T>, options?: XlRunOptions) => Promise<T>;

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
  return typeof e === 'object' && e !== null && typeof (e as { code?: unknown }).code === 'string' ? (e as { code: string }).code : '';
}

/** Excel on the web refuses a request or a response over 5 MB with one of these. */
export const PAYLOAD_ERRORS: ReadonlySet<string> = new Set([
  'ResponsePayloadSizeLimitExceeded',
  'RequestPayloadSizeLimitExceeded',
  'PayloadTooLarge',
]);

export const isPayloadError = (e: unknown): boolean => PAYLOAD_ERRORS.has(errorCode(e));

/** The user is typing in a cell: the batch was refused (nothing of it ran). */
export const CELL_EDIT_ERROR = 'InvalidOperationInCellEditMode';

export const isCellEditError = (e: unknown): boolean => errorCode(e) === CELL_EDIT_ERROR;
