/**
 * A workbook file of either format, chosen by its bytes (never by its name): a Compound File
 * ([MS-CFB] signature D0 CF 11 E0 …) or a bare BIFF2–4 sheet goes to the .xls reader, anything else to the .xlsx reader
 * (which says what the bytes are when they are not a package). For the CLI; the page chooses the
 * same way but loads the .xls reader lazily (taskpane/standalone/session.ts).
 */
import type { WorkbookSnapshot } from '../../core/snapshot/types';
import type { XlsxReadError } from '../xlsx/errors';
import { readXlsx, type ReadOptions } from '../xlsx/read';
import { readXls } from './read';
import { isXlsBytes } from './sniff';

/** The format a workbook was read from: only an .xlsx/.xlsm package can be annotated. */
export type WorkbookFormat = 'xlsx' | 'xls';

export type AnyReadResult =
  | { readonly ok: true; readonly snapshot: WorkbookSnapshot; readonly format: WorkbookFormat }
  | { readonly ok: false; readonly error: XlsxReadError };

/** Reads an .xlsx/.xlsm package or an .xls workbook. Never throws. */
export function readWorkbookFile(bytes: Uint8Array, options: ReadOptions = {}): AnyReadResult {
  const format: WorkbookFormat = isXlsBytes(bytes) ? 'xls' : 'xlsx';
  const r = format === 'xls' ? readXls(bytes, options) : readXlsx(bytes, options);
  return r.ok ? { ok: true, snapshot: r.snapshot, format } : r;
}
