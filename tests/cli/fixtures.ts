/** Workbooks for the CLI tests, written into a fresh temporary directory. */
import { mkdtempSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { cfb, deflate, rawZip, sheetXml, str, workbook, workbookEntries, zip, zipBomb } from '../hosts/xlsx/hostile';
import { cfbFile, concat, le, record } from '../hosts/xls/build';

export function tempDir(prefix = 'dc-cli-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

const CLEAN_LINES = [
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
  '六、资金安排情况',
  '计划安排资金10万元，其中：中央资金6万元，县级资金4万元。',
  '七、项目实施计划',
  '2023年3月发放5万元，2023年9月发放5万元。',
  '八、项目实施成效',
  '保障困难学生顺利完成学业。',
];

/** One project with its eight sections and amounts that agree: no finding. */
export async function cleanWorkbook(sheetName = '项目一'): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(sheetName);
  CLEAN_LINES.forEach((t, i) => {
    ws.getCell(i + 1, 1).value = t;
  });
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

/** The clean project with its 资金安排情况 section missing: one error (section-missing). */
export async function faultyWorkbook(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('项目一');
  CLEAN_LINES.filter((_, i) => i !== 11 && i !== 12).forEach((t, i) => {
    ws.getCell(i + 1, 1).value = t;
  });
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

function projectRows(title: string): string {
  return CLEAN_LINES.map((t, i) => `<row r="${i + 1}">${str(`A${i + 1}`, i === 0 ? title : t)}</row>`).join('');
}

/** Every hostile input of the issue, by file name. */
export function hostileFiles(): Record<string, Uint8Array> {
  const enc = new TextEncoder();
  const full = workbook([{ name: '项目一', data: projectRows('项目一') }]);
  return {
    'empty.xlsx': new Uint8Array(0),
    'text.xlsx': enc.encode('学校代码,学校名称\n5304210001,大街小学\n'),
    // a compound file header with nothing valid behind it: damaged, whatever its name
    'damaged.xls': cfb(['Root Entry', 'Workbook', '\u0005SummaryInformation']),
    'damaged-renamed.xlsx': cfb(['Root Entry', 'Workbook']),
    // an Excel 5.0/95 workbook: its stream is "Book", its BOF says BIFF5
    'biff5.xls': cfbFile([{ name: 'Book', data: concat([record(0x0809, le(0x0500, 5, 0, 0)), record(0x000a)]) }]).bytes,
    // an encrypted .xlsx as Office stores it: a compound file with these streams ([MS-OFFCRYPTO] §2.3.4.4)
    'encrypted.xlsx': cfbFile([
      { name: 'EncryptionInfo', data: new Uint8Array(200) },
      { name: 'EncryptedPackage', data: new Uint8Array(5000) },
    ]).bytes,
    'no-workbook.xlsx': zip({ '[Content_Types].xml': '<Types/>', 'docProps/app.xml': '<Properties/>' }),
    'truncated.xlsx': full.subarray(0, Math.floor(full.length * 0.6)),
    'malformed.xlsx': workbook([
      { name: '项目一', xml: '<worksheet><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>项目一</t></is></c></sheetData>' },
    ]),
    'bomb.xlsx': zipBomb(300, false),
    'bomb-lying.xlsx': zipBomb(300, true),
    'doctype.xlsx': workbook([
      {
        name: '项目一',
        xml: `<?xml version="1.0"?><!DOCTYPE worksheet [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&xxe;</t></is></c></row></sheetData></worksheet>`,
      },
    ]),
    'no-sheets.xlsx': workbook([]),
  };
}

/** A tiny file whose one sheet is merged whole (A1:XFD1048576), with a project in it. */
export function wholeSheetMerge(): Uint8Array {
  const xml = sheetXml(
    projectRows('项目一').replace(/<row r="(\d+)">/g, '<row r="$1" spans="1:16384">'),
    '<mergeCells count="1"><mergeCell ref="A1:XFD1048576"/></mergeCells>',
    '<dimension ref="A1:XFD1048576"/>',
  );
  return workbook([{ name: '项目一', xml }]);
}

/** Two projects on sheets named __proto__ and constructor. */
export function prototypeNames(): Uint8Array {
  return workbook([
    { name: '__proto__', data: projectRows('项目一') },
    { name: 'constructor', data: projectRows('项目二') },
  ]);
}

/** A workbook with text but no project and no school table. */
export function nothingToCheck(): Uint8Array {
  return workbook([{ name: 'Sheet1', data: `<row r="1">${str('A1', '会议纪要')}</row><row r="2">${str('A2', '今天天气很好。')}</row>` }]);
}

export function write(dir: string, files: Record<string, Uint8Array>): void {
  mkdirSync(dir, { recursive: true });
  for (const [name, bytes] of Object.entries(files)) writeFileSync(join(dir, name), bytes);
}

export { deflate, rawZip, workbookEntries };
