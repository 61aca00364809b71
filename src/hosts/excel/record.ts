/**
 * The record of what the add-in added to the workbook (fills and notes), stored in the workbook
 * itself so that 清除标记 works after the pane was closed and the file reopened: in the
 * workbook's settings (ExcelApi 1.4), or, where those are missing, in a very hidden sheet.
 * Both are read and written inside the same batches as the cells, so they cost no extra sync.
 */
import type { XlContext, XlRange, XlSetting, XlWorksheet } from './api';
import type { HostCaps } from './caps';

export const FLAG_SETTING_KEY = 'disclosure-check.flags';
/** The fallback store: a very hidden sheet, column A, the JSON record cut into pieces. */
export const FLAG_SHEET = '_disclosure_check_标记';
const PIECE = 30000; // a cell holds at most 32,767 characters

/** A fill as Excel reports it. */
export interface SavedFill {
  readonly pattern: string;
  readonly color: string;
  readonly patternColor: string;
  readonly tintAndShade: number;
}

export interface FlagEntry {
  readonly sheet: string;
  /** A1. */
  readonly cell: string;
  /** The fill before flagging; absent when the fill was left alone (a gradient cannot be restored). */
  readonly fill?: SavedFill;
  /** The colour the add-in set. */
  readonly color?: string;
  /** The note text the add-in wrote, and the note that was there before (absent: none). */
  readonly note?: { readonly written: string; readonly original?: string };
}

export interface FlagRecord {
  readonly version: 1;
  readonly entries: readonly FlagEntry[];
}

export function parseRecord(json: unknown): FlagRecord | null {
  if (typeof json !== 'string' || json === '') return null;
  try {
    const v = JSON.parse(json) as Partial<FlagRecord>;
    if (v.version !== 1 || !Array.isArray(v.entries)) return null;
    const entries = v.entries.filter(
      (e): e is FlagEntry => typeof e === 'object' && e !== null && typeof e.sheet === 'string' && typeof e.cell === 'string',
    );
    return { version: 1, entries };
  } catch {
    return null;
  }
}

/** Where the fallback sheet stands (unused with settings). */
export interface RecordPlace {
  /** Rows the fallback sheet holds (0 when none or when settings are used). */
  readonly sheetRows: () => number;
  readonly sheetExists: () => boolean;
}

/** A queued read of the record; `get()` is valid after the next sync. */
export interface RecordRead extends RecordPlace {
  get(): FlagRecord | null;
}

export function queueRecordRead(context: XlContext, caps: HostCaps): RecordRead {
  if (caps.settings) {
    const item: XlSetting = context.workbook.settings.getItemOrNullObject(FLAG_SETTING_KEY);
    item.load('value');
    return {
      get: () => (item.isNullObject ? null : parseRecord(item.value)),
      sheetRows: () => 0,
      sheetExists: () => false,
    };
  }
  const sheet: XlWorksheet = context.workbook.worksheets.getItemOrNullObject(FLAG_SHEET);
  const used: XlRange = sheet.getUsedRangeOrNullObject(true);
  used.load('values,rowCount');
  const text = (): string => (used.isNullObject ? '' : used.values.map((r) => String(r[0] ?? '')).join(''));
  return {
    get: () => parseRecord(text()),
    sheetRows: () => (used.isNullObject ? 0 : used.rowCount),
    sheetExists: () => !sheet.isNullObject,
  };
}

/**
 * Queues writing the record (or removing it, when null or empty), given where the store stood
 * before; returns where it stands after, for a second write in the same batch.
 */
export function queueRecordWrite(context: XlContext, caps: HostCaps, record: FlagRecord | null, previous: RecordPlace): RecordPlace {
  const empty = record === null || record.entries.length === 0;
  if (caps.settings) {
    if (empty) context.workbook.settings.getItemOrNullObject(FLAG_SETTING_KEY).delete();
    else context.workbook.settings.add(FLAG_SETTING_KEY, JSON.stringify(record));
    return previous;
  }
  const sheets = context.workbook.worksheets;
  if (empty) {
    if (previous.sheetExists()) sheets.getItem(FLAG_SHEET).delete();
    return { sheetExists: () => false, sheetRows: () => 0 };
  }
  let sheet: XlWorksheet;
  if (previous.sheetExists()) {
    sheet = sheets.getItem(FLAG_SHEET);
    const old = previous.sheetRows();
    if (old > 0) sheet.getRange(`A1:A${old}`).clear();
  } else {
    sheet = sheets.add(FLAG_SHEET);
    sheet.visibility = 'VeryHidden';
  }
  const json = JSON.stringify(record);
  const pieces: string[][] = [];
  for (let i = 0; i < json.length; i += PIECE) pieces.push([json.slice(i, i + PIECE)]);
  const range = sheet.getRange(`A1:A${pieces.length}`);
  range.numberFormat = pieces.map(() => ['@']);
  range.values = pieces;
  return { sheetExists: () => true, sheetRows: () => pieces.length };
}
