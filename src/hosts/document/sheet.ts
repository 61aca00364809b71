/**
 * The one sheet a document is read into: each paragraph (or line) a row with its text in column A,
 * each table row a row with its cells in the columns they occupy, merged cells as merged areas. Counts
 * what it holds against the reader's limits (cells, merged areas, characters) as the .xlsx reader does.
 */
import type { Cell, Range, SheetSnapshot } from '../../core/snapshot/types';
import type { DocumentPlaces, RowPlace } from '../../core/report/places';
import type { ReadLimits } from '../xlsx/read';
import { XlsxReadError } from '../xlsx/errors';

/** The name of the sheet a document is read into: Word's own word for a document's body. */
export const DOCUMENT_SHEET = '正文';

export class SheetBuilder {
  private readonly cells: Cell[] = [];
  private readonly merges: Range[] = [];
  private readonly places: (RowPlace | null)[] = [];
  private chars = 0;
  private items = 0;

  constructor(
    private readonly limits: ReadLimits,
    private readonly work: (units: number) => void,
  ) {}

  /** The next row's index. */
  get row(): number {
    return this.places.length;
  }

  /**
   * Counts one more item (a paragraph, a line, a table row or cell) against the cell limit: rows without
   * cells (empty paragraphs) cost memory too.
   */
  item(): void {
    this.items++;
    if (this.items > this.limits.maxCells) {
      throw new XlsxReadError('limit-exceeded', { limit: 'cells', max: this.limits.maxCells });
    }
  }

  private count(text: string): void {
    this.item();
    this.chars += text.length;
    if (this.chars > this.limits.maxTextChars) {
      throw new XlsxReadError('limit-exceeded', { limit: 'text-chars', max: this.limits.maxTextChars });
    }
    this.work(text.length + 16);
  }

  private text(row: number, col: number, text: string): void {
    if (text === '') return;
    this.count(text);
    this.cells.push({ row, col, kind: 'text', value: text, text });
  }

  /** A paragraph (or line): its text in column A; an empty one is an empty row. */
  paragraph(text: string, place: RowPlace): void {
    this.item();
    this.text(this.row, 0, text);
    this.places.push(place);
  }

  /** A table row: `cells[k]` is the text at column `cols[k]` (columns in increasing order). */
  tableRow(cells: readonly { readonly col: number; readonly text: string }[], place: RowPlace): void {
    this.item();
    const row = this.row;
    for (const c of cells) this.text(row, c.col, c.text);
    this.places.push(place);
  }

  merge(range: Range): void {
    if (range.top === range.bottom && range.left === range.right) return;
    if (this.merges.length >= this.limits.maxMerges) {
      throw new XlsxReadError('limit-exceeded', { limit: 'merges', max: this.limits.maxMerges });
    }
    this.merges.push(range);
  }

  finish(unit: DocumentPlaces['unit']): { sheet: SheetSnapshot; places: DocumentPlaces } {
    // rows are built in order; a table row's cells in column order: sorted already
    const sheet: SheetSnapshot = { name: DOCUMENT_SHEET, index: 0, visibility: 'visible', cells: this.cells, merges: this.merges };
    return { sheet, places: { unit, sheet: DOCUMENT_SHEET, rows: this.places } };
  }
}
