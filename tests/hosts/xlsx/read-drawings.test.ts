/**
 * Text boxes and pictures drawn over a sheet: their text is not cell text and is never checked, so a sheet
 * whose project text sits in a text box must not be called "empty" (nor the workbook a pass). The drawing
 * parts are written as Excel writes them (ECMA-376 Part 1, §20.5 SpreadsheetML drawing: `xdr:twoCellAnchor`
 * holding `xdr:sp` with `xdr:txBody` for a text box, `xdr:pic` for a picture).
 */
import { describe, expect, it } from 'vitest';
import { readXlsx } from '../../../src/hosts/xlsx/read';
import { checkWorkbook } from '../../../src/core/check';
import { renderText, toJsonReport, type FileReport } from '../../../src/core/report/report';
import { str, workbook, sheetXml, type Entries } from './hostile';

const XDR = 'http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing';
const A = 'http://schemas.openxmlformats.org/drawingml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

const anchor = (inner: string): string =>
  `<xdr:twoCellAnchor><xdr:from><xdr:col>0</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>0</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from><xdr:to><xdr:col>8</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>30</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:to>${inner}<xdr:clientData/></xdr:twoCellAnchor>`;

const textBox = (id: number, paragraphs: string[]): string =>
  anchor(
    `<xdr:sp macro="" textlink=""><xdr:nvSpPr><xdr:cNvPr id="${id}" name="文本框 ${id}"/><xdr:cNvSpPr txBox="1"/></xdr:nvSpPr><xdr:spPr/><xdr:txBody><a:bodyPr/><a:lstStyle/>${paragraphs
      .map((p) => `<a:p><a:r><a:rPr lang="zh-CN" altLang="en-US"/><a:t>${p}</a:t></a:r></a:p>`)
      .join('')}</xdr:txBody></xdr:sp>`,
  );

const picture = (id: number): string =>
  anchor(
    `<xdr:pic><xdr:nvPicPr><xdr:cNvPr id="${id}" name="图片 ${id}"/><xdr:cNvPicPr/></xdr:nvPicPr><xdr:blipFill><a:blip r:embed="rId1"/></xdr:blipFill><xdr:spPr/></xdr:pic>`,
  );

const drawingXml = (anchors: string): string =>
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<xdr:wsDr xmlns:xdr="${XDR}" xmlns:a="${A}" xmlns:r="${REL}">${anchors}</xdr:wsDr>`;

/** Sheet 1 with the given cells and a drawing part holding `anchors`. */
function withDrawing(data: string, anchors: string, drawing = drawingXml(anchors)): Uint8Array {
  const extra: Entries = {
    'xl/worksheets/_rels/sheet1.xml.rels': `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/drawing" Target="../drawings/drawing1.xml"/></Relationships>`,
    'xl/drawings/drawing1.xml': drawing,
  };
  return workbook([{ name: '项目一', xml: sheetXml(data, '<drawing r:id="rId1"/>') }], extra);
}

const PROJECT = ['项目一', '一、项目名称', '农村义务教育学生营养改善计划', '二、立项依据', '国办发〔2011〕54号'];

describe('text boxes and pictures over a sheet', () => {
  it('counts the text boxes that hold text and the pictures, and keeps the start of the first text', () => {
    const bytes = withDrawing('', textBox(2, PROJECT) + textBox(3, ['  ']) + picture(4) + picture(5));
    const r = readXlsx(bytes);
    if (!r.ok) throw new Error(r.error.message);
    expect(r.snapshot.sheets[0]!.cells).toEqual([]);
    expect(r.snapshot.sheets[0]!.drawings).toEqual({
      textBoxes: 1,
      pictures: 2,
      sample: '项目一 一、项目名称 农村义务教育学生营养改善计划 二、立项',
    });
  });

  it('a sheet whose project text is in a text box is not "empty", and the workbook is not a pass: every report says so', () => {
    const r = readXlsx(withDrawing('', textBox(2, PROJECT)));
    if (!r.ok) throw new Error(r.error.message);
    const result = checkWorkbook({ snapshot: r.snapshot, lang: 'zh' });
    expect(result.nothingToCheck).toBe(true);
    const report: FileReport = {
      file: 'a.xlsx',
      summary: result.summary,
      findings: result.findings,
      nothingToCheck: true,
      skipped: result.document.skipped ?? [],
    };
    const text = renderText([report], 'zh');
    expect(text).toContain(
      '项目一：单元格中没有文字；有1个文本框（“项目一 一、项目名称 农村义务教育学生营养改善计划 二、立项…”），其中的文字不能检查：请把文字放在单元格中',
    );
    expect(text).not.toContain('空白工作表');
    const en = toJsonReport([report], 'en').reports[0]!.skipped![0]!;
    expect(en).toMatchObject({ sheet: '项目一', reason: 'empty', drawings: { textBoxes: 1, pictures: 0 } });
    expect(en.message).toBe(
      'no text in its cells; it has 1 text box ("项目一 一、项目名称 农村义务教育学生营养改善计划 二、立项…"), whose text cannot be checked: put the text in cells',
    );
  });

  it('a scanned page (a picture only) is said too; a sheet with neither is still empty', () => {
    const r = readXlsx(withDrawing('', picture(2)));
    if (!r.ok) throw new Error(r.error.message);
    const skipped = checkWorkbook({ snapshot: r.snapshot, lang: 'zh' }).document.skipped ?? [];
    expect(skipped).toEqual([{ sheet: '项目一', reason: 'empty', drawings: { textBoxes: 0, pictures: 1 } }]);
    const plain = readXlsx(workbook([{ name: 'Sheet1', data: '' }]));
    if (!plain.ok) throw new Error(plain.error.message);
    expect(plain.snapshot.sheets[0]!.drawings).toBeUndefined();
  });

  it('a sheet with project text in its cells is read as before, its text boxes noted only when it gives nothing', () => {
    const rows = PROJECT.map((t, i) => `<row r="${i + 1}">${str(`A${i + 1}`, t)}</row>`).join('');
    const r = readXlsx(withDrawing(rows, textBox(2, ['说明：本表由财务室填写'])));
    if (!r.ok) throw new Error(r.error.message);
    expect(r.snapshot.sheets[0]!.drawings).toEqual({ textBoxes: 1, pictures: 0, sample: '说明：本表由财务室填写' });
    const result = checkWorkbook({ snapshot: r.snapshot, lang: 'zh' });
    expect(result.document.projects.map((p) => p.label)).toEqual(['项目一']);
    expect(result.document.skipped).toEqual([]);
  });

  it('a drawing that is not well-formed XML is left unread; the cells are still read', () => {
    const rows = `<row r="1">${str('A1', '项目一')}</row>`;
    const r = readXlsx(withDrawing(rows, '', `<xdr:wsDr xmlns:xdr="${XDR}"><xdr:twoCellAnchor>`));
    if (!r.ok) throw new Error(r.error.message);
    expect(r.snapshot.sheets[0]!.cells.map((c) => c.text)).toEqual(['项目一']);
    expect(r.snapshot.sheets[0]!.drawings).toBeUndefined();
  });
});
