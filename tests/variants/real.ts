/**
 * Workbooks built from real published texts of other bureaus (tests/fixtures/real/*.txt), in the
 * three layouts an accountant uses (seeds/build/layouts.ts makes the same three for the seed):
 *
 * - `perSheet`: a sheet per text, named as the bureau would name it, one paragraph a row down
 *   column A (a form's row `label<TAB>content` becomes `label：content`);
 * - `twoColumn`: a sheet per text, headings (numbered lines) and form labels in column A, the text
 *   under each in column B as one multi-line cell;
 * - `oneSheet`: every text on one sheet, one after another, each under a `项目N` line.
 *
 * Rows of a table (lines with two tabs or more) are cells side by side in every layout. Like
 * build.ts, nothing here reads the product's code: a heading is what an accountant would put in a
 * row of its own (a numbered short line).
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sheet, workbook, type V } from './build';
import type { WorkbookSnapshot } from '../../src/core/snapshot/types';

const DIR = join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'real');

export interface RealText {
  /** File name without `.txt`. */
  readonly id: string;
  /** The sheet it goes on in the sheet-per-text layouts. */
  readonly sheetName: string;
  /** The text's lines, header comment removed. */
  readonly lines: readonly string[];
}

export function realText(id: string, sheetName: string): RealText {
  const raw = readFileSync(join(DIR, `${id}.txt`), 'utf8');
  const lines = raw.split(/\r?\n/).filter((l) => !l.startsWith('#') && l.trim() !== '');
  return { id, sheetName, lines };
}

/** A numbered short line: what gets a row of its own in a form. */
const HEADING = /^\s*(?:[一二三四五六七八九十]+[、.]|[（(][一二三四五六七八九十]+[)）]|\d+\s*[.、．]|[（(]\d+[)）])/u;
function isHeading(line: string): boolean {
  return HEADING.test(line) && line.trim().length <= 30 && !/[，,。；;]/u.test(line.replace(/[。.]\s*$/u, ''));
}

const cellsOf = (line: string): V[] => line.split('\t').map((c) => (c.trim() === '' ? null : c.trim()));
const isTableRow = (line: string): boolean => (line.match(/\t/g) ?? []).length >= 2;
const isFormRow = (line: string): boolean => !isTableRow(line) && line.includes('\t');

/** One paragraph a row, down column A. */
function columnRows(lines: readonly string[]): V[][] {
  return lines.map((l) => {
    if (isTableRow(l)) return cellsOf(l);
    if (isFormRow(l)) {
      const [label, content] = l.split('\t') as [string, string];
      return [content.trim() === '' ? label.trim() : `${label.trim()}：${content.trim()}`];
    }
    return [l];
  });
}

/** Headings and labels in A, the text under each in B (one multi-line cell). */
function formRows(lines: readonly string[]): V[][] {
  const rows: V[][] = [];
  let open: { label: string; content: string[] } | null = null;
  const close = (): void => {
    if (open) rows.push([open.label, open.content.length > 0 ? open.content.join('\n') : null]);
    open = null;
  };
  for (const l of lines) {
    if (isTableRow(l)) {
      close();
      rows.push(cellsOf(l));
    } else if (isFormRow(l)) {
      close();
      const [label, content] = l.split('\t') as [string, string];
      open = { label: label.trim(), content: content.trim() === '' ? [] : [content.trim()] };
    } else if (isHeading(l)) {
      close();
      open = { label: l.trim(), content: [] };
    } else if (open) {
      (open as { content: string[] }).content.push(l);
    } else {
      rows.push([l]);
    }
  }
  close();
  return rows;
}

export function perSheet(texts: readonly RealText[]): WorkbookSnapshot {
  return workbook(...texts.map((t) => sheet(t.sheetName, columnRows(t.lines))));
}

export function twoColumn(texts: readonly RealText[]): WorkbookSnapshot {
  return workbook(...texts.map((t) => sheet(t.sheetName, formRows(t.lines))));
}

const CN = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];
export function oneSheet(texts: readonly RealText[]): WorkbookSnapshot {
  const rows: V[][] = [];
  texts.forEach((t, i) => rows.push([`项目${CN[i]}`], ...columnRows(t.lines)));
  return workbook(sheet('Sheet1', rows));
}

export const LAYOUTS = { perSheet, twoColumn, oneSheet } as const;
export type LayoutName = keyof typeof LAYOUTS;
