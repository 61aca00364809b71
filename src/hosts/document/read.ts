/**
 * The document reader: a Word .docx or a plain-text .txt disclosure in, the same WorkbookSnapshot the
 * .xlsx reader gives out (one sheet, `正文`), so that the whole check runs unchanged on the text as
 * published. Beside the snapshot it gives where each sheet row is in the document (core/report/places),
 * for reports that say 第N段 / 第N行 instead of A12.
 *
 * Bounded like the .xlsx reader, with its limits (DEFAULT_LIMITS) and machinery (package.ts). Never
 * throws: a typed failure with one sentence instead. Same code in Node and the browser.
 */
import type { WorkbookSnapshot } from '../../core/snapshot/types';
import type { DocumentPlaces } from '../../core/report/places';
import { DEFAULT_LIMITS, type ReadLimits } from '../xlsx/read';
import { XlsxReadError } from '../xlsx/errors';
import { listEntries, sniff } from '../xlsx/zip';
import { DocumentReadError, fromXlsxError } from './errors';
import { WordPackage } from './package';
import { readWordBody } from './docx';
import { decodeText, isChineseText, readTextLines } from './text';
import { isBareBiff } from '../xls/sniff';
import { SheetBuilder } from './sheet';

export type DocumentKind = 'docx' | 'txt';

export interface DocumentReadOptions {
  readonly limits?: Partial<ReadLimits>;
  readonly now?: () => number;
}

export type DocumentReadResult =
  | { readonly ok: true; readonly kind: DocumentKind; readonly snapshot: WorkbookSnapshot; readonly places: DocumentPlaces }
  | { readonly ok: false; readonly kind: DocumentKind; readonly error: DocumentReadError };

const CFB = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

/** Whether the bytes hold `name` as UTF-16LE (a stream name in an OLE compound file's directory). */
function hasUtf16(bytes: Uint8Array, name: string): boolean {
  const pattern = new Uint8Array(name.length * 2);
  for (let i = 0; i < name.length; i++) pattern[i * 2] = name.charCodeAt(i);
  outer: for (let i = 0; i + pattern.length <= bytes.length; i++) {
    for (let k = 0; k < pattern.length; k++) if (bytes[i + k] !== pattern[k]) continue outer;
    return true;
  }
  return false;
}

/**
 * What the input is, by its bytes (and, for text, its name): `docx` for a zip package holding
 * word/document.xml and no workbook, an encrypted package or an old .doc when the name says .docx/.doc
 * (so that it gets a Word sentence), `txt` for a file named .txt that is not a zip or an OLE file.
 * With `textByContent` (standard input, which has no name), also `txt` for bytes that are Chinese text
 * (isChineseText) and not a bare BIFF worksheet (an old .xls).
 * Undefined for anything else: the .xlsx reader has the last word on it.
 */
export function documentKind(
  bytes: Uint8Array,
  fileName: string,
  options: { readonly textByContent?: boolean } = {},
): DocumentKind | undefined {
  const ext = /\.([^./\\]+)$/.exec(fileName)?.[1]?.toLowerCase();
  const isCfb = bytes.length >= 8 && CFB.every((b, i) => bytes[i] === b);
  if (isCfb) {
    // an old .doc (its WordDocument stream), or an encrypted .docx (a CFB like an encrypted .xlsx)
    if (hasUtf16(bytes, 'WordDocument')) return 'docx';
    return ext === 'docx' || ext === 'docm' ? 'docx' : undefined;
  }
  const isZip = bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && (bytes[2] === 3 || bytes[2] === 5);
  if (isZip) {
    let names: string[];
    try {
      names = listEntries(bytes, DEFAULT_LIMITS.maxEntries).map((e) => e.name.toLowerCase());
    } catch {
      // damaged: a .docx by name gets the Word sentence, anything else the workbook's
      return ext === 'docx' || ext === 'docm' ? 'docx' : undefined;
    }
    if (names.includes('xl/workbook.xml') || names.includes('xl/workbook.bin')) return undefined;
    // Word's main part is word/document.xml; another name under word/ is still Word's (its relationship says which)
    return names.some((n) => n.startsWith('word/') && n.endsWith('.xml')) || ext === 'docx' || ext === 'docm' ? 'docx' : undefined;
  }
  if (ext === 'txt') return 'txt';
  return options.textByContent === true && !isBareBiff(bytes) && isChineseText(bytes) ? 'txt' : undefined;
}

/** Reads a document of the kind `documentKind` said. Never throws. */
export function readDocument(bytes: Uint8Array, kind: DocumentKind, options: DocumentReadOptions = {}): DocumentReadResult {
  const limits: ReadLimits = { ...DEFAULT_LIMITS, ...options.limits };
  const now = options.now ?? Date.now;
  try {
    const read = kind === 'docx' ? readDocx(bytes, limits, now) : readTxt(bytes, limits, now);
    return { ok: true, kind, ...read };
  } catch (e) {
    if (e instanceof DocumentReadError) return { ok: false, kind, error: e };
    if (e instanceof XlsxReadError) return { ok: false, kind, error: fromXlsxError(e) };
    const detail = e instanceof Error ? (e.stack ?? e.message) : String(e);
    return { ok: false, kind, error: new DocumentReadError('internal', { detail }) };
  }
}

function readDocx(bytes: Uint8Array, limits: ReadLimits, now: () => number): { snapshot: WorkbookSnapshot; places: DocumentPlaces } {
  if (bytes.length >= 8 && CFB.every((b, i) => bytes[i] === b)) {
    throw new DocumentReadError(hasUtf16(bytes, 'WordDocument') ? 'old-doc' : 'encrypted');
  }
  sniff(bytes);
  const pkg = new WordPackage(bytes, limits, now);
  const main = pkg.rels('').get('/officeDocument');
  const documentPart = main !== undefined && pkg.has(main) && /^word\//i.test(main) ? main : 'word/document.xml';
  if (!pkg.has(documentPart)) throw new DocumentReadError('not-a-document');
  const sheet = new SheetBuilder(limits, pkg.budget.work);
  readWordBody(pkg, documentPart, sheet);
  const { sheet: snapshotSheet, places } = sheet.finish('paragraph');
  return { snapshot: { sheets: [snapshotSheet] }, places };
}

function readTxt(bytes: Uint8Array, limits: ReadLimits, now: () => number): { snapshot: WorkbookSnapshot; places: DocumentPlaces } {
  if (bytes.length > limits.maxUncompressedBytes) {
    throw new XlsxReadError('limit-exceeded', { limit: 'uncompressed-size', max: limits.maxUncompressedBytes });
  }
  const started = now();
  let work = 0;
  const sheet = new SheetBuilder(limits, (units) => {
    work += units;
    if (work >= 1 << 16) {
      work = 0;
      if (now() - started > limits.timeBudgetMs) throw new XlsxReadError('limit-exceeded', { limit: 'time', max: limits.timeBudgetMs });
    }
  });
  readTextLines(decodeText(bytes), sheet, limits.maxCells);
  const { sheet: snapshotSheet, places } = sheet.finish('line');
  return { snapshot: { sheets: [snapshotSheet] }, places };
}

export { DocumentReadError } from './errors';
