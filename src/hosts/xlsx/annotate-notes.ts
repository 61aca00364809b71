/**
 * Notes (legacy comments): appended to the sheet's comments part and VML drawing when they
 * exist, created otherwise. A cell that already has a note keeps it unchanged.
 */
import { fromA1, toA1 } from '../../core/snapshot/a1';
import { AnnotateError } from './annotate-errors';
import { CT_COMMENTS, CT_VML, NS_REL_DOC, REL_COMMENTS, REL_VML, dirOf, insertBeforeClose, type Package } from './annotate-package';
import { insertLegacyDrawing, legacyDrawingId } from './annotate-sheet';
import { attr, children, elementSpan, escapeXml, findOpen, q } from './annotate-xml';

export interface Note {
  readonly row: number;
  readonly col: number;
  readonly text: string;
}

const NS_MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';

const SHAPETYPE =
  '<v:shapetype id="_x0000_t202" coordsize="21600,21600" o:spt="202" path="m,l,21600r21600,l21600,xe"><v:stroke joinstyle="miter"/><v:path gradientshapeok="t" o:connecttype="rect"/></v:shapetype>';

function shape(id: number, n: Note): string {
  const anchor = `${n.col + 1}, 15, ${Math.max(0, n.row - 1)}, 10, ${n.col + 4}, 15, ${n.row + 4}, 4`;
  return (
    `<v:shape id="_x0000_s${id}" type="#_x0000_t202" style="position:absolute;margin-left:80pt;margin-top:2pt;width:180pt;height:80pt;z-index:${id % 1024};visibility:hidden" fillcolor="#ffffe1" o:insetmode="auto">` +
    '<v:fill color2="#ffffe1"/><v:shadow on="t" color="black" obscured="t"/><v:path o:connecttype="none"/>' +
    '<v:textbox style="mso-direction-alt:auto"><div style="text-align:left"></div></v:textbox>' +
    `<x:ClientData ObjectType="Note"><x:MoveWithCells/><x:SizeWithCells/><x:Anchor>${anchor}</x:Anchor><x:AutoFill>False</x:AutoFill><x:Row>${n.row}</x:Row><x:Column>${n.col}</x:Column></x:ClientData>` +
    '</v:shape>'
  );
}

/**
 * Adds notes to a sheet. Returns the new sheet XML (with `<legacyDrawing>` if it was added) and
 * the cells that were skipped because they already had a note.
 */
export function addNotes(
  pkg: Package,
  sheetPart: string,
  sheetXml: string,
  notes: readonly Note[],
  author: string,
): { xml: string; skipped: Set<string> } {
  const skipped = new Set<string>();
  if (!notes.length) return { xml: sheetXml, skipped };
  const rels = pkg.rels(sheetPart);
  let xml = sheetXml;

  // Comments part
  const commentsRel = rels.find((r) => r.type === REL_COMMENTS && !r.external && pkg.has(r.part));
  let commentsPart: string;
  let cxml: string;
  if (commentsRel) {
    commentsPart = commentsRel.part;
    cxml = pkg.text(commentsPart)!;
  } else {
    commentsPart = pkg.freeName(`${dirOf(dirOf(sheetPart)) || 'xl'}/comments`, '.xml');
    cxml = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<comments xmlns="${NS_MAIN}"><authors></authors><commentList></commentList></comments>`;
  }
  const root = findOpen(cxml, 'comments');
  if (!root) throw new AnnotateError('corrupt', commentsPart);
  const p = root.prefix;
  const existing = new Set<string>();
  let i = 0;
  for (;;) {
    const c = findOpen(cxml, 'comment', i);
    if (!c) break;
    const ref = fromA1(attr(c.text, 'ref') ?? '');
    if (ref) existing.add(toA1(ref.row, ref.col));
    i = c.end;
  }
  const fresh = notes.filter((n) => {
    const a1 = toA1(n.row, n.col);
    if (existing.has(a1)) {
      skipped.add(a1);
      return false;
    }
    return true;
  });
  if (!fresh.length) return { xml, skipped };

  // author
  let authorsEl = findOpen(cxml, 'authors');
  if (!authorsEl) {
    cxml = cxml.slice(0, root.end) + `<${q(p, 'authors')}></${q(p, 'authors')}>` + cxml.slice(root.end);
    authorsEl = findOpen(cxml, 'authors')!;
  }
  const authorList = children(cxml, authorsEl).filter((t) => t.local === 'author');
  const authorId = authorList.length;
  cxml = insertBeforeClose(cxml, authorsEl, `<${q(p, 'author')}>${escapeXml(author)}</${q(p, 'author')}>`);
  let listEl = findOpen(cxml, 'commentList');
  if (!listEl) {
    const end = elementSpan(cxml, findOpen(cxml, 'authors')!).end;
    cxml = cxml.slice(0, end) + `<${q(p, 'commentList')}></${q(p, 'commentList')}>` + cxml.slice(end);
    listEl = findOpen(cxml, 'commentList')!;
  }
  const commentXml = fresh
    .map(
      (n) =>
        `<${q(p, 'comment')} ref="${toA1(n.row, n.col)}" authorId="${authorId}"><${q(p, 'text')}><${q(p, 't')} xml:space="preserve">${escapeXml(n.text)}</${q(p, 't')}></${q(p, 'text')}></${q(p, 'comment')}>`,
    )
    .join('');
  cxml = insertBeforeClose(cxml, listEl, commentXml);
  pkg.set(commentsPart, cxml);
  if (!commentsRel) {
    pkg.contentType(commentsPart, CT_COMMENTS);
    pkg.addRel(sheetPart, REL_COMMENTS, commentsPart);
  }

  // VML drawing
  const vmlId = legacyDrawingId(xml, NS_REL_DOC);
  const vmlRel = vmlId ? pkg.rels(sheetPart).find((r) => r.id === vmlId && r.type === REL_VML && pkg.has(r.part)) : undefined;
  if (vmlRel) {
    let vml = pkg.text(vmlRel.part)!;
    let next = 0;
    for (const m of vml.matchAll(/_x0000_s(\d+)/g)) next = Math.max(next, Number(m[1]));
    if (!next) next = pkg.nextVmlBlock() * 1024;
    const shapes = (vml.includes('_x0000_t202') ? '' : SHAPETYPE) + fresh.map((n) => shape(++next, n)).join('');
    const end = vml.lastIndexOf('</xml>');
    vml = end >= 0 ? vml.slice(0, end) + shapes + vml.slice(end) : vml + shapes;
    pkg.set(vmlRel.part, vml);
  } else {
    const block = pkg.nextVmlBlock();
    const vmlPart = pkg.freeName(`${dirOf(dirOf(sheetPart)) || 'xl'}/drawings/vmlDrawing`, '.vml');
    let id = block * 1024;
    const vml =
      '<xml xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel">' +
      `<o:shapelayout v:ext="edit"><o:idmap v:ext="edit" data="${block}"/></o:shapelayout>` +
      SHAPETYPE +
      fresh.map((n) => shape(++id, n)).join('') +
      '</xml>';
    pkg.set(vmlPart, vml);
    pkg.contentType(vmlPart, CT_VML, true);
    const rid = pkg.addRel(sheetPart, REL_VML, vmlPart);
    if (vmlId) {
      // A <legacyDrawing> whose target is missing: point it at the new drawing.
      xml = xml.replace(new RegExp(`(<(?:[\\w.-]+:)?legacyDrawing\\b[^>]*?:id\\s*=\\s*["'])${vmlId}(["'])`), `$1${rid}$2`);
    } else {
      xml = insertLegacyDrawing(xml, rid, NS_REL_DOC);
    }
  }
  return { xml, skipped };
}
