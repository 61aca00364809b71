/** Builds worksheet XML for the sheets the annotator adds (检查结果, the explanations sheet). */
import { columnName, qualifiedRef, toA1 } from '../../core/snapshot/a1';
import { escapeXml } from './annotate-xml';

const NS_MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const NS_R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

export interface SheetCell {
  readonly text: string;
  /** An internal link target (`'项目一'!A3`). */
  readonly link?: string;
  /** A cell format index. */
  readonly style?: number;
}

export interface SheetSpec {
  readonly rows: readonly (readonly (SheetCell | string)[])[];
  /** Style index of the first row. */
  readonly headerStyle?: number;
  /** Column widths in characters. */
  readonly widths?: readonly number[];
  readonly freezeHeader?: boolean;
  /** The sheet the workbook opens on (its tab selected). */
  readonly selected?: boolean;
  /** Printed landscape on one page width (as many pages down as it takes). */
  readonly printFitWidth?: boolean;
}

/** Excel's limit on the characters in one cell. */
export const MAX_CELL_TEXT = 32767;

export function inlineCell(row: number, col: number, full: string, style?: number): string {
  const text = full.length > MAX_CELL_TEXT ? `${full.slice(0, MAX_CELL_TEXT - 1)}…` : full;
  if (text === '') return style ? `<c r="${toA1(row, col)}" s="${style}"/>` : '';
  return `<c r="${toA1(row, col)}"${style ? ` s="${style}"` : ''} t="inlineStr"><is><t xml:space="preserve">${escapeXml(text)}</t></is></c>`;
}

export function rowsXml(rows: SheetSpec['rows'], headerStyle?: number): string {
  return rows
    .map((cells, r) => {
      const inner = cells
        .map((c, col) =>
          inlineCell(r, col, typeof c === 'string' ? c : c.text, r === 0 ? headerStyle : typeof c === 'string' ? undefined : c.style),
        )
        .join('');
      return `<row r="${r + 1}">${inner}</row>`;
    })
    .join('');
}

export function worksheetXml(spec: SheetSpec): string {
  const links: string[] = [];
  spec.rows.forEach((cells, r) =>
    cells.forEach((c, col) => {
      if (typeof c !== 'string' && c.link) {
        links.push(`<hyperlink ref="${toA1(r, col)}" location="${escapeXml(c.link)}" display="${escapeXml(c.text)}"/>`);
      }
    }),
  );
  const width = Math.max(1, ...spec.rows.map((r) => r.length));
  const dim = `A1:${columnName(width - 1)}${Math.max(1, spec.rows.length)}`;
  const sel = spec.selected ? ' tabSelected="1"' : '';
  const views = spec.freezeHeader
    ? `<sheetViews><sheetView${sel} workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews>`
    : `<sheetViews><sheetView${sel} workbookViewId="0"/></sheetViews>`;
  const sheetPr = spec.printFitWidth ? '<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>' : '';
  const pageSetup = spec.printFitWidth ? '<pageSetup paperSize="9" orientation="landscape" fitToWidth="1" fitToHeight="0"/>' : '';
  const cols = spec.widths?.length
    ? `<cols>${spec.widths.map((w, i) => `<col min="${i + 1}" max="${i + 1}" width="${w}" customWidth="1"/>`).join('')}</cols>`
    : '';
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${NS_MAIN}" xmlns:r="${NS_R}">` +
    `${sheetPr}<dimension ref="${dim}"/>${views}<sheetFormatPr defaultRowHeight="15"/>${cols}` +
    `<sheetData>${rowsXml(spec.rows, spec.headerStyle)}</sheetData>` +
    (links.length ? `<hyperlinks>${links.join('')}</hyperlinks>` : '') +
    `<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>${pageSetup}</worksheet>`
  );
}

/** A link location for a cell of a sheet. */
export function linkTo(sheet: string, cell: string): string {
  return qualifiedRef(sheet, cell);
}
