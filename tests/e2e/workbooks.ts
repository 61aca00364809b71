/** Workbooks for the browser tests, and what the core says about them (computed in Node). */
import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { checkWorkbook, type CheckResult } from '../../src/core/check';
import type { Lang } from '../../src/core/rules/types';
import { readXlsx } from '../../src/hosts/xlsx/read';

export const SAMPLE_PATH = 'seeds/jiangchuan-2023.xlsx';

export function sampleBytes(): Uint8Array {
  return new Uint8Array(readFileSync(SAMPLE_PATH));
}

export function checkBytes(bytes: Uint8Array, lang: Lang = 'zh'): CheckResult {
  const r = readXlsx(bytes);
  if (!r.ok) throw new Error(r.error.message);
  return checkWorkbook({ snapshot: r.snapshot, lang });
}

/** A workbook with one clean project: the sample's 项目五 (no defects) as 项目一 on its own. */
export async function cleanWorkbook(): Promise<Uint8Array> {
  const r = readXlsx(sampleBytes());
  if (!r.ok) throw new Error(r.error.message);
  const src = r.snapshot.sheets.find((s) => s.name === '项目五');
  if (!src) throw new Error('the sample has no 项目五');
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('项目一');
  for (const c of src.cells) {
    if (c.value === null || typeof c.value === 'boolean') continue;
    ws.getCell(c.row + 1, c.col + 1).value = typeof c.value === 'string' ? c.value.replace(/^项目五/, '项目一') : c.value;
  }
  return new Uint8Array(await wb.xlsx.writeBuffer());
}
