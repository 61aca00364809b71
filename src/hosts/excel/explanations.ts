/**
 * Explanations (说明, SPEC §5) live in the very hidden sheet EXPLANATION_SHEET, one row each
 * (core/report/explanations: key, rule, sheet, cell, text, at), written as text. While the
 * workbook's structure is protected the sheet can be neither added nor deleted (./structure):
 * the first 说明 is refused before anything is written, and removing the last one empties the
 * sheet instead of deleting it.
 */
import type { StoredExplanation } from '../../core/snapshot/types';
import { EXPLANATION_HEADER, EXPLANATION_SHEET, explanationRows, moveExplanations } from '../../core/report/explanations';
import type { XlContext } from './api';
import { cellText } from './record';
import { StructureProtectedError } from './structure';

/**
 * The most characters a cell holds (Excel specifications and limits:
 * https://support.microsoft.com/en-us/office/excel-specifications-and-limits-1672b34d-7043-467e-8e27-269d656771c3);
 * a 说明 is one cell of EXPLANATION_SHEET.
 */
export const EXPLANATION_MAX_CHARS = 32767;

/** Thrown before anything is read or written when a 说明 is longer than a cell holds. */
export class ExplanationTooLongError extends Error {
  constructor(readonly length: number) {
    super(`the explanation has ${length} characters; a cell holds at most ${EXPLANATION_MAX_CHARS}`);
    this.name = 'ExplanationTooLongError';
  }
}

interface ExplanationRead {
  readonly list: StoredExplanation[];
  readonly exists: boolean;
  /** The used range's address without the sheet, when there is one. */
  readonly usedAddress: string | null;
  /** The workbook's structure is protected: no sheet can be added or deleted. */
  readonly locked: boolean;
}

async function read(context: XlContext): Promise<ExplanationRead> {
  const sheet = context.workbook.worksheets.getItemOrNullObject(EXPLANATION_SHEET);
  const used = sheet.getUsedRangeOrNullObject(true);
  used.load('address,values');
  const protection = context.workbook.protection;
  protection.load('protected');
  await context.sync();
  const locked = protection.protected;
  if (sheet.isNullObject) return { list: [], exists: false, usedAddress: null, locked };
  if (used.isNullObject) return { list: [], exists: true, usedAddress: null, locked };
  const list: StoredExplanation[] = [];
  const n = EXPLANATION_HEADER.length;
  used.values.forEach((row, i) => {
    const cells = Array.from({ length: n }, (_, j) => cellText(row[j]));
    const [key = '', rule = '', sh = '', cell = '', text = '', at = ''] = cells;
    if (i === 0 && key === EXPLANATION_HEADER[0]) return;
    if (key === '') return;
    list.push({ key, rule, sheet: sh, cell, text, ...(at !== '' && { at }) });
  });
  return { list, exists: true, usedAddress: used.address.slice(used.address.lastIndexOf('!') + 1), locked };
}

/** The stored explanations (1 sync). */
export async function readExplanations(context: XlContext): Promise<StoredExplanation[]> {
  return (await read(context)).list;
}

/**
 * Stores an explanation under its key, replacing an earlier one; an empty text removes it.
 * When none is left the sheet is removed: made hidden first, since Excel refuses to delete a
 * very hidden sheet. With `events` (ExcelApi 1.8), the write runs with this add-in's events
 * switched off, so that it starts no live check. 2 syncs. A text longer than a cell holds
 * (EXPLANATION_MAX_CHARS) is refused before the first (ExplanationTooLongError).
 */
export async function writeExplanation(
  context: XlContext,
  explanation: StoredExplanation,
  options: { readonly events?: boolean } = {},
): Promise<StoredExplanation[]> {
  // Excel cannot hold it: refused before any sync, so nothing is half written
  if (explanation.text.length > EXPLANATION_MAX_CHARS) throw new ExplanationTooLongError(explanation.text.length);
  const before = await read(context);
  const list = before.list.filter((e) => e.key !== explanation.key);
  if (explanation.text.trim() !== '') list.push(explanation);
  await writeListOrRestore(context, before, list, options.events === true);
  return list;
}

/**
 * After rows were inserted (插入缺少的部分, `inserted`: rows as the check saw them), the stored 说明
 * whose cells moved are rewritten at their new cells and keys (core moveExplanations), so each still
 * matches its finding. Nothing is written when none moved. 1 sync, 2 when some moved.
 */
export async function moveStoredExplanations(
  context: XlContext,
  inserted: readonly { readonly sheet: string; readonly row: number }[],
  options: { readonly events?: boolean } = {},
): Promise<StoredExplanation[]> {
  const before = await read(context);
  const list = moveExplanations(before.list, inserted);
  if (list.every((e, i) => e === before.list[i])) return list;
  await writeListOrRestore(context, before, list, options.events === true);
  return list;
}

/** writeList; when it fails with events off, events are switched back on before the failure goes on. */
async function writeListOrRestore(context: XlContext, before: ExplanationRead, list: StoredExplanation[], events: boolean): Promise<void> {
  try {
    await writeList(context, before, list, events);
  } catch (e) {
    if (events) {
      context.runtime.enableEvents = true;
      await context.sync().catch(() => undefined);
    }
    throw e;
  }
}

async function writeList(context: XlContext, before: ExplanationRead, list: StoredExplanation[], events: boolean): Promise<void> {
  const sheets = context.workbook.worksheets;
  if (list.length > 0 && !before.exists && before.locked) throw new StructureProtectedError();
  if (events) context.runtime.enableEvents = false;
  const sync = (): Promise<unknown> => {
    if (events) context.runtime.enableEvents = true;
    return context.sync();
  };
  if (list.length === 0) {
    if (before.exists && before.locked) {
      // the sheet cannot be deleted: emptied instead
      if (before.usedAddress) sheets.getItem(EXPLANATION_SHEET).getRange(before.usedAddress).clear();
    } else if (before.exists) {
      const sheet = sheets.getItem(EXPLANATION_SHEET);
      sheet.visibility = 'Hidden'; // Excel refuses to delete a very hidden sheet
      sheet.delete();
    }
    await sync();
    return;
  }
  const sheet = before.exists ? sheets.getItem(EXPLANATION_SHEET) : sheets.add(EXPLANATION_SHEET);
  if (!before.exists) sheet.visibility = 'VeryHidden';
  if (before.usedAddress) sheet.getRange(before.usedAddress).clear();
  const rows = explanationRows(list);
  const range = sheet.getRange(`A1:F${rows.length}`);
  range.numberFormat = rows.map((r) => r.map(() => '@'));
  range.values = rows;
  await sync();
}
