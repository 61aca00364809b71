/**
 * A Word .docx (WordprocessingML, ISO/IEC 29500-1 / ECMA-376 Part 1 §17) read into the one sheet of
 * sheet.ts, in document order:
 *
 * - a body paragraph (`w:p`, §17.3.1) is a row with its text in column A; an empty one is an empty
 *   row. Paragraphs are numbered 1, 2, 3 … as they come (empty ones too, tables aside): 第N段.
 *   Its text is the text of its runs (`w:t`, `w:tab` as a tab, `w:br`/`w:cr` as a line break), with
 *   the number Word's automatic numbering shows in front (numbering.ts); deleted text (`w:del`,
 *   `w:moveFrom`), hidden runs (`w:vanish`, §17.3.2.41), drawings and text boxes are left out.
 * - a table (`w:tbl`, §17.4.38) has each row (`w:tr`) a sheet row and each cell (`w:tc`) in the
 *   grid column it starts at (`w:gridBefore` §17.4.14 skips columns); a cell's paragraphs are its
 *   lines. `w:gridSpan` (§17.4.17) and `w:vMerge` (§17.4.85: `restart` opens, no value continues)
 *   become merged areas (the legacy `w:hMerge` too; §17.4.17 https://learn.microsoft.com/en-us/previous-versions/office/developer/office-2010/cc883001(v=office.14),
 *   §17.4.85 https://learn.microsoft.com/en-us/previous-versions/office/developer/office-2010/cc822883(v=office.14):
 *   a cell without vMerge closes the merge above it). A table inside a cell gives its text to that cell.
 */
import type { RowPlace } from '../../core/report/places';
import type { WordPackage } from './package';
import { emptyNumbering, NumberingCounters, type NumberingDefinitions, type NumberingLevel } from './numbering';
import type { SheetBuilder } from './sheet';
import { DocumentReadError } from './errors';

/** Elements whose content is not the document's text (drawings, text boxes, deleted and tracked-old content). */
const SKIP = new Set([
  'drawing',
  'pict',
  'object',
  'Fallback',
  'txbxContent',
  'del',
  'moveFrom',
  'pPrChange',
  'rPrChange',
  'tblPrChange',
  'trPrChange',
  'tcPrChange',
  'sectPrChange',
  'numberingChange',
  'footnoteReference',
  'endnoteReference',
  'commentReference',
]);

/** The last column of a sheet (XFD), 0-based. */
const MAX_COL = 16383;

const off = (v: string | undefined): boolean => v === '0' || v === 'false' || v === 'off';

function int(v: string | undefined): number | undefined {
  if (v === undefined) return undefined;
  const n = Number(v);
  return Number.isInteger(n) ? n : undefined;
}

/** numbering.xml (§17.9): abstract numberings, their levels, and the `w:num` instances. */
export function readNumbering(
  pkg: WordPackage,
  part: string | undefined,
): NumberingDefinitions & { styleLevel: Map<string, number>; styleLinks: Map<string, string> } {
  /** styleLevel: a paragraph style → the level linked to it (lvl/pStyle); styleLinks: abstractNum → its numStyleLink. */
  const defs = { ...emptyNumbering(), styleLevel: new Map<string, number>(), styleLinks: new Map<string, string>() };
  let abstractId = '';
  if (part === undefined) return defs;
  let abstract: Map<number, NumberingLevel> | undefined;
  let num: { abstractId: string; overrides: Map<number, { start?: number; level?: NumberingLevel }> } | undefined;
  let override: { start?: number; level?: NumberingLevel } | undefined;
  let lvl: { ilvl: number; start: number; numFmt: string; lvlText: string; restart?: number; isLgl: boolean; pStyle?: string } | undefined;
  pkg.parse(part, {
    open(name, a) {
      switch (name) {
        case 'abstractNum': {
          abstract = new Map();
          abstractId = a.get('abstractNumId') ?? '';
          defs.abstracts.set(abstractId, abstract);
          break;
        }
        case 'numStyleLink':
          // the levels are those of a numbering style's list (§17.9.21): resolved with styles.xml
          if (abstract && !lvl) defs.styleLinks.set(abstractId, a.get('val') ?? '');
          break;
        case 'num': {
          num = { abstractId: '', overrides: new Map() };
          defs.nums.set(a.get('numId') ?? '', num);
          break;
        }
        case 'abstractNumId':
          if (num) num.abstractId = a.get('val') ?? '';
          break;
        case 'lvlOverride': {
          override = {};
          num?.overrides.set(int(a.get('ilvl')) ?? 0, override);
          break;
        }
        case 'startOverride':
          if (override) {
            const v = int(a.get('val'));
            if (v !== undefined) override.start = v;
          }
          break;
        case 'lvl':
          lvl = { ilvl: int(a.get('ilvl')) ?? 0, start: 0, numFmt: 'decimal', lvlText: '', isLgl: false };
          break;
        default:
          if (!lvl) break;
          if (name === 'start') lvl.start = int(a.get('val')) ?? 0;
          // a `custom` format (Word 2010's w14 choice) is followed by its Fallback: the fallback counts
          else if (name === 'numFmt' && a.get('val') !== 'custom') lvl.numFmt = a.get('val') ?? 'decimal';
          else if (name === 'lvlText') lvl.lvlText = a.get('val') ?? '';
          else if (name === 'lvlRestart') {
            const v = int(a.get('val'));
            if (v !== undefined) lvl.restart = v;
          } else if (name === 'isLgl') lvl.isLgl = !off(a.get('val'));
          else if (name === 'pStyle') lvl.pStyle = a.get('val') ?? '';
      }
    },
    close(name) {
      if (name === 'lvl' && lvl) {
        const { ilvl, pStyle, ...level } = lvl;
        if (override) override.level = level;
        else abstract?.set(ilvl, level);
        if (pStyle !== undefined && pStyle !== '') defs.styleLevel.set(pStyle, ilvl);
        lvl = undefined;
      } else if (name === 'lvlOverride') override = undefined;
      else if (name === 'abstractNum') abstract = undefined;
      else if (name === 'num') num = undefined;
    },
  });
  return defs;
}

interface StyleNumbering {
  readonly basedOn?: string;
  readonly numId?: string;
  readonly ilvl?: number;
}

/** styles.xml: each paragraph style's numbering (§17.7.4.17 w:style, its w:pPr/w:numPr) and parent. */
function readStyles(pkg: WordPackage, part: string | undefined): { styles: Map<string, StyleNumbering>; defaultStyle?: string } {
  const styles = new Map<string, StyleNumbering>();
  let defaultStyle: string | undefined;
  if (part === undefined) return { styles };
  let cur: { id: string; basedOn?: string; numId?: string; ilvl?: number } | undefined;
  let skip = 0;
  pkg.parse(part, {
    open(name, a) {
      if (skip > 0 || SKIP.has(name)) {
        skip++;
        return;
      }
      if (name === 'style') {
        // paragraph styles (numbering of headings) and numbering styles (the lists of numStyleLink)
        const type = a.get('type');
        cur = type === 'paragraph' || type === 'numbering' ? { id: a.get('styleId') ?? '' } : undefined;
        if (cur && !off(a.get('default')) && a.get('default') !== undefined) defaultStyle = cur.id;
      } else if (cur) {
        if (name === 'basedOn') cur.basedOn = a.get('val') ?? '';
        else if (name === 'numId') cur.numId = a.get('val') ?? '';
        else if (name === 'ilvl') {
          const v = int(a.get('val'));
          if (v !== undefined) cur.ilvl = v;
        }
      }
    },
    close(name) {
      if (skip > 0) {
        skip--;
        return;
      }
      if (name === 'style' && cur) {
        const { id, ...rest } = cur;
        styles.set(id, rest);
        cur = undefined;
      }
    },
  });
  return defaultStyle !== undefined ? { styles, defaultStyle } : { styles };
}

interface Paragraph {
  text: string;
  styleId?: string;
  numId?: string;
  ilvl?: number;
  inPPr: boolean;
}

interface TableCell {
  span: number;
  vMerge?: 'restart' | 'continue';
  /** The legacy horizontal merge (w:hMerge, kept by Word from its 2003 files): folded into gridSpan. */
  hMerge?: 'restart' | 'continue';
  lines: string[];
}

interface TableState {
  readonly number: number;
  rows: number;
  gridBefore: number;
  cells: TableCell[];
  /** Vertical merges under way, by grid column: the first sheet row and the columns it spans. */
  readonly open: Map<number, { top: number; left: number; right: number; bottom: number }>;
}

/** Reads the body of document.xml into `sheet`. */
export function readWordBody(pkg: WordPackage, documentPart: string, sheet: SheetBuilder): void {
  const rels = pkg.rels(documentPart);
  const numberingPart = rels.get('/numbering');
  const stylesPart = rels.get('/styles');
  const defs = readNumbering(pkg, numberingPart !== undefined && pkg.has(numberingPart) ? numberingPart : undefined);
  const { styles, defaultStyle } = readStyles(pkg, stylesPart !== undefined && pkg.has(stylesPart) ? stylesPart : undefined);
  // an abstract numbering that links to a numbering style takes the levels of that style's list
  for (const [id, styleId] of defs.styleLinks) {
    const numId = styles.get(styleId)?.numId;
    const target = numId !== undefined ? defs.nums.get(numId)?.abstractId : undefined;
    const levels = target !== undefined && target !== id ? defs.abstracts.get(target) : undefined;
    if (levels && levels.size > 0) defs.abstracts.set(id, levels);
  }
  const counters = new NumberingCounters(defs);

  /** The numbering a paragraph style gives (through its basedOn chain). */
  const styleNumbering = (id: string | undefined): { numId: string; ilvl: number } | undefined => {
    let s = id;
    for (let depth = 0; s !== undefined && depth < 16; depth++) {
      const st = styles.get(s);
      if (!st) return undefined;
      if (st.numId !== undefined) return { numId: st.numId, ilvl: st.ilvl ?? defs.styleLevel.get(s) ?? 0 };
      s = st.basedOn;
    }
    return undefined;
  };

  const numberText = (p: Paragraph): string => {
    const fromStyle = styleNumbering(p.styleId ?? defaultStyle);
    const numId = p.numId ?? fromStyle?.numId;
    if (numId === undefined || numId === '0') return '';
    const ilvl = p.ilvl ?? (p.numId === undefined || p.numId === fromStyle?.numId ? fromStyle?.ilvl : undefined) ?? 0;
    return counters.next(numId, ilvl);
  };

  let skip = 0;
  let paragraphs = 0;
  let tables = 0;
  let tableDepth = 0;
  let table: TableState | undefined;
  let cell: TableCell | undefined;
  let para: Paragraph | undefined;
  let inRun = false;
  let vanish = false;
  let inText = false;
  let inTrPr = false;
  let sawBody = false;

  const add = (s: string): void => {
    if (para && inRun && !vanish) para.text += s;
  };

  const endRow = (t: TableState): void => {
    const row = sheet.row;
    const out: { col: number; text: string }[] = [];
    let col = t.gridBefore;
    const seen = new Set<number>();
    // a cell that continues a horizontal merge widens the cell that starts it
    const cells: TableCell[] = [];
    for (const c of t.cells) {
      const prev = cells[cells.length - 1];
      if (c.hMerge === 'continue' && prev?.hMerge !== undefined) {
        prev.span += Math.max(1, c.span);
        if (c.lines.some((l) => l !== '')) prev.lines.push(...c.lines);
      } else cells.push(c);
    }
    for (const c of cells) {
      // a sheet has 16,384 columns (as the .xlsx reader's addresses): cells past them are not read
      if (col > MAX_COL) break;
      const left = col;
      const right = Math.min(MAX_COL, col + Math.max(1, c.span) - 1);
      col = right + 1;
      seen.add(left);
      const open = t.open.get(left);
      if (c.vMerge === 'continue' && open) {
        open.bottom = row;
      } else {
        if (open) {
          sheet.merge(open);
          t.open.delete(left);
        }
        if (c.vMerge === 'restart') t.open.set(left, { top: row, left, right, bottom: row });
        else if (right > left) sheet.merge({ top: row, left, bottom: row, right });
      }
      const text = c.lines.join('\n');
      if (text !== '') out.push({ col: left, text });
    }
    // a vertical merge ends where its column has no continuing cell
    for (const [left, open] of t.open) {
      if (!seen.has(left)) {
        sheet.merge(open);
        t.open.delete(left);
      }
    }
    t.rows++;
    const place: RowPlace = { table: t.number, tableRow: t.rows };
    sheet.tableRow(out, place);
  };

  pkg.parse(documentPart, {
    open(name, a) {
      if (skip > 0 || SKIP.has(name)) {
        skip++;
        return;
      }
      switch (name) {
        case 'body':
          sawBody = true;
          return;
        case 'p':
          // a cell's paragraphs count too (the body's are rows): millions of empty `<w:p/>` stop at the limit
          if (tableDepth > 0) sheet.item();
          para = { text: '', inPPr: false };
          return;
        case 'pPr':
          if (para) para.inPPr = true;
          return;
        case 'pStyle':
          if (para?.inPPr) para.styleId = a.get('val') ?? '';
          return;
        case 'numId':
          if (para?.inPPr) para.numId = a.get('val') ?? '';
          return;
        case 'ilvl':
          if (para?.inPPr) {
            const v = int(a.get('val'));
            if (v !== undefined) para.ilvl = v;
          }
          return;
        case 'r':
          inRun = true;
          vanish = false;
          return;
        case 'vanish':
          if (inRun && !para?.inPPr) vanish = !off(a.get('val'));
          return;
        case 't':
          inText = inRun;
          return;
        case 'tab':
          add('\t');
          return;
        case 'br':
          if (a.get('type') !== 'page' && a.get('type') !== 'column') add('\n');
          return;
        case 'cr':
          add('\n');
          return;
        case 'noBreakHyphen':
          add('-');
          return;
        case 'tbl':
          tableDepth++;
          if (tableDepth === 1) table = { number: ++tables, rows: 0, gridBefore: 0, cells: [], open: new Map() };
          return;
        case 'tr':
          if (tableDepth === 1 && table) {
            table.cells = [];
            table.gridBefore = 0;
          }
          return;
        case 'trPr':
          if (tableDepth === 1) inTrPr = true;
          return;
        case 'gridBefore':
          if (inTrPr && table) table.gridBefore = Math.max(0, Math.min(int(a.get('val')) ?? 0, 16383));
          return;
        case 'tc':
          if (tableDepth === 1) cell = { span: 1, lines: [] };
          return;
        case 'gridSpan':
          if (tableDepth === 1 && cell && !para) cell.span = Math.max(1, Math.min(int(a.get('val')) ?? 1, 16384));
          return;
        case 'vMerge':
          if (tableDepth === 1 && cell && !para) cell.vMerge = a.get('val') === 'restart' ? 'restart' : 'continue';
          return;
        case 'hMerge':
          if (tableDepth === 1 && cell && !para) cell.hMerge = a.get('val') === 'restart' ? 'restart' : 'continue';
          return;
        default:
          return;
      }
    },
    close(name) {
      if (skip > 0) {
        skip--;
        return;
      }
      switch (name) {
        case 'pPr':
          if (para) para.inPPr = false;
          return;
        case 'r':
          inRun = false;
          vanish = false;
          return;
        case 't':
          inText = false;
          return;
        case 'p': {
          if (!para) return;
          const text = numberText(para) + para.text;
          para = undefined;
          if (tableDepth > 0) {
            cell?.lines.push(text);
            return;
          }
          sheet.paragraph(text, { n: ++paragraphs });
          return;
        }
        case 'trPr':
          inTrPr = false;
          return;
        case 'tc':
          if (tableDepth === 1 && cell && table) {
            table.cells.push(cell);
            cell = undefined;
          }
          return;
        case 'tr':
          if (tableDepth === 1 && table) endRow(table);
          return;
        case 'tbl':
          if (tableDepth === 1 && table) {
            for (const open of table.open.values()) sheet.merge(open);
            table = undefined;
          }
          tableDepth = Math.max(0, tableDepth - 1);
          return;
        default:
          return;
      }
    },
    text(s) {
      if (skip === 0 && inText) add(s);
    },
  });
  // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- set by the parse handlers above
  if (!sawBody) throw new DocumentReadError('not-a-document', { part: documentPart });
}
