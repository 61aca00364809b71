/** A workbook whose 项目一 lacks 六、资金安排情况 (between 五 and 七), with things an insert must move. */
import ExcelJS from 'exceljs';

export const LINES = [
  '项目一',
  '一、项目名称',
  '学生资助专项经费',
  '二、立项依据',
  '根据《学生资助资金管理办法》设立。',
  '三、项目实施单位',
  '江川区教育体育局',
  '四、项目基本概况',
  '为家庭经济困难学生提供资助。',
  '五、项目实施内容',
  '发放助学金。',
  // 六、资金安排情况 and its text are missing: 七 is at A12
  '七、项目实施计划',
  '2023年3月发放5万元，2023年9月发放5万元。',
  '八、项目实施成效',
  '保障困难学生顺利完成学业。',
];

/**
 * `headings`: the section headings (一、… 八、) formatted as a bureau formats them — bold 14-point SimHei,
 * a thin bottom border, indented — so an inserted heading can be compared with its neighbours.
 */
export async function missingSectionWorkbook(options: { comment?: boolean; headings?: boolean } = {}): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('项目一');
  LINES.forEach((t, i) => (ws.getCell(i + 1, 1).value = t));
  if (options.headings) {
    LINES.forEach((t, i) => {
      if (!/^[一二三四五六七八]、/.test(t)) return;
      const c = ws.getCell(i + 1, 1);
      c.font = { name: '黑体', size: 14, bold: true };
      c.border = { bottom: { style: 'thin' } };
      c.alignment = { indent: 1 };
    });
  }
  ws.getCell('C13').value = 5;
  ws.getCell('C14').value = 5;
  ws.getCell('C16').value = { formula: 'SUM(C13:C14)', result: 10 };
  ws.mergeCells('D2:E3'); // above: stays
  ws.mergeCells('D10:D13'); // across row 12: grows
  ws.mergeCells('D14:E14'); // below: moves
  ws.getCell('F13').value = { text: '去第八部分', hyperlink: "#'项目一'!A14" };
  ws.getCell('C13').dataValidation = { type: 'whole', allowBlank: true, formulae: [0, 100] };
  ws.addConditionalFormatting({
    ref: 'C13:C14',
    rules: [{ type: 'expression', priority: 1, formulae: ['C13>4'], style: { font: { bold: true } } }],
  });
  if (options.comment) ws.getCell('A2').note = '原有批注';
  const sum = wb.addWorksheet('汇总');
  sum.getCell('A1').value = { formula: "'项目一'!C16+项目一!C13", result: 15 };
  sum.getCell('A2').value = { formula: '项目一!A12', result: '七、项目实施计划' };
  wb.definedNames.add("'项目一'!$A$12:$A$15", '计划段');
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

/**
 * missingSectionWorkbook with a total that disagrees in 七、项目实施计划's text (A13, below the insert at
 * A12): one total-mismatch finding that the insert moves to A14.
 */
export async function missingSectionWithTotal(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await missingSectionWorkbook()).slice().buffer);
  wb.getWorksheet('项目一')!.getCell('A13').value = '2023年3月发放5万元，2023年9月发放5万元，共计12万元。';
  return new Uint8Array(await wb.xlsx.writeBuffer());
}
