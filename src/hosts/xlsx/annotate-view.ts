/**
 * The added 检查结果 sheet is what the reader of an annotated copy wants first: the copy opens on it
 * (workbook view `activeTab`; the sheet that was selected before loses its `tabSelected`, so Excel
 * does not open with two sheets grouped), and it prints on one page width with its header row
 * repeated (a `_xlnm.Print_Titles` defined name for that sheet, added beside the existing ones).
 */
import type { Package } from './annotate-package';
import { AnnotateError } from './annotate-errors';
import { applyPatches, attr, elementSpan, escapeXml, findClose, findOpen, q, removeAttr, setAttr, type Patch } from './annotate-xml';

/** Opens the copy on the sheet at `index` (0-based, in the workbook's sheet list) named `name`. */
export function openOn(pkg: Package, index: number, name: string): void {
  const wb = pkg.workbookPart();
  const xml = pkg.text(wb);
  const sheets = xml === undefined ? null : findOpen(xml, 'sheets');
  if (xml === undefined || !sheets) throw new AnnotateError('corrupt', wb);
  const p = sheets.prefix;
  const patches: Patch[] = [];

  // activeTab on the first workbook view (created when the workbook has none)
  const view = findOpen(xml, 'workbookView');
  if (view) {
    patches.push({
      at: view.start,
      del: view.end - view.start,
      text: setAttr(removeAttr(view.text, 'firstSheet'), 'activeTab', String(index)),
    });
  } else if (!findOpen(xml, 'bookViews')) {
    patches.push({
      at: sheets.start,
      del: 0,
      text: `<${q(p, 'bookViews')}><${q(p, 'workbookView')} activeTab="${index}"/></${q(p, 'bookViews')}>`,
    });
  }

  // the header row repeated on every printed page
  const title = `<${q(p, 'definedName')} name="_xlnm.Print_Titles" localSheetId="${index}">${escapeXml(`'${name.replace(/'/g, "''")}'!$1:$1`)}</${q(p, 'definedName')}>`;
  const names = findOpen(xml, 'definedNames');
  if (names && !names.selfClosing) {
    patches.push({ at: elementSpan(xml, names).innerEnd, del: 0, text: title });
  } else if (names) {
    patches.push({ at: names.start, del: names.end - names.start, text: `<${q(p, 'definedNames')}>${title}</${q(p, 'definedNames')}>` });
  } else {
    // after </sheets>, or after the elements that must precede definedNames
    const ext = findOpen(xml, 'externalReferences');
    const fg = findOpen(xml, 'functionGroups');
    const after = ext ?? fg ?? sheets;
    const at = after.selfClosing ? after.end : (findClose(xml, after)?.end ?? elementSpan(xml, after).end);
    patches.push({ at, del: 0, text: `<${q(p, 'definedNames')}>${title}</${q(p, 'definedNames')}>` });
  }
  pkg.set(wb, applyPatches(xml, patches));

  // no other sheet stays selected (two selected tabs would open grouped)
  for (const s of pkg.sheets()) {
    if (!s.part || s.name === name) continue;
    const sx = pkg.text(s.part);
    if (sx === undefined) continue;
    const sv = findOpen(sx, 'sheetView');
    const selected = sv ? attr(sv.text, 'tabSelected') : undefined;
    if (!sv || (selected !== '1' && selected !== 'true')) continue;
    pkg.set(s.part, sx.slice(0, sv.start) + removeAttr(sv.text, 'tabSelected') + sx.slice(sv.end));
  }
}
